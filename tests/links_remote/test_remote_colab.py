"""Colab notebooks: checked as their file on GitHub or Google Drive, never as Colab's
page (which answers 200 for any address). github.com and drive.google.com are
remapped to the loopback farm; so is Colab, to prove it is never asked."""

from __future__ import annotations

from remote_server import Farm
from remote_support import verdicts

from blogcheck.links.model import Status
from blogcheck.links.providers import find
from blogcheck.links.providers.colab import notebook

COLAB = "https://colab.research.google.com"


def _rules(farm: Farm) -> tuple[tuple[str, str], ...]:
    return ((r"^https://github\.com/me/", farm.url("/ok/gh/")),
            (r"^https://github\.com/", farm.url("/missing/gh/")),
            (r"^https://drive\.google\.com/file/d/(priv\w+)/view$", farm.url("/to?u=https://accounts.google.com/"
                                                                            "ServiceLogin?continue=x")),
            (r"^https://drive\.google\.com/file/d/(gone\w+)/view$", farm.url(r"/missing/\1")),
            (r"^https://drive\.google\.com/", farm.url("/ok/drive/")),
            (r"^https://colab\.research\.google\.com/", farm.url("/colab/")))


def test_a_notebook_is_checked_where_it_lives(farm: Farm) -> None:
    there = f"{COLAB}/github/me/course/blob/main/week1/lab.ipynb"
    moved = f"{COLAB}/github/other/course/blob/master/old/lab.ipynb"
    shared, private, deleted = (f"{COLAB}/drive/{name}?usp=sharing" for name in
                                ("1zgyiGfNwFXc5nwWaVLe", "privAAAAAAAAAA", "goneAAAAAAAAAA"))
    found = verdicts([there, moved, shared, private, deleted], retries=0, remap=_rules(farm))
    assert {url: (v.status, v.provider) for url, v in found.items()} == {
        there: (Status.OK, "colab"), moved: (Status.BROKEN, "colab"), shared: (Status.OK, "colab"),
        private: (Status.UNVERIFIED, "colab"), deleted: (Status.BROKEN, "colab")}
    assert found[moved].seen.startswith("notebook https://github.com/other/course/blob/master/old/lab.ipynb: HEAD 404")
    assert "not on GitHub (renamed, deleted, or its repository is private)" in found[moved].hint
    assert "not on Google Drive (deleted)" in found[deleted].hint
    assert found[private].hint.startswith("redirects to a sign-in page (accounts.google.com): readers who are not "
                                          "signed in cannot see the page")
    assert not farm.hits("/colab/")  # Colab's own page is never requested
    assert farm.hits("/ok/gh/")[0].path == "/ok/gh/course/blob/main/week1/lab.ipynb"


def test_every_spelling_of_one_notebook_is_one_check(farm: Farm) -> None:
    urls = [f"{COLAB}/drive/1zgyiGfNwFXc5nwWaVLe?usp=sharing", f"{COLAB}/drive/1zgyiGfNwFXc5nwWaVLe?usp=drive_link",
            f"{COLAB}/drive/1zgyiGfNwFXc5nwWaVLe#scrollTo=wm7B3zxrumfF", f"{COLAB}/drive/1zgyiGfNwFXc5nwWaVLe"]
    found = verdicts(urls, remap=_rules(farm))
    assert {v.status for v in found.values()} == {Status.OK}
    assert [(e.method, e.path) for e in farm.hits()] == [("HEAD", "/ok/drive/file/d/1zgyiGfNwFXc5nwWaVLe/view")]


def test_only_notebook_addresses_go_to_the_provider() -> None:
    assert notebook(f"{COLAB}/github/a/b/blob/main/x.ipynb") == "https://github.com/a/b/blob/main/x.ipynb"
    assert notebook(f"{COLAB}/drive/1J174LGhm2n42h20TNqGF4zos4Z18Nh6N") == \
        "https://drive.google.com/file/d/1J174LGhm2n42h20TNqGF4zos4Z18Nh6N/view"
    for plain in (f"{COLAB}/", f"{COLAB}/notebooks/intro.ipynb", f"{COLAB}/gist/u/0123abcd/x.ipynb",
                  f"{COLAB}/github/a/b/blob/main", f"{COLAB}/drive/short", "https://example.com/drive/1J174LGhm2n42h2"):
        assert find(plain) is None, plain
