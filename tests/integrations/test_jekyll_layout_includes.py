"""BC503/BC504/BC507 in a post's layouts, against real Jekyll: an include of a layout
that always runs and stops `jekyll build` is reported on the post that uses the layout,
at its `layout:`; one that builds (under a condition, a file that is there, a layout
nobody uses) gives no finding."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

POST = "---\ntitle: t\nlayout: post\n---\n\nText.\n"
CASES = {  # name -> (layouts, includes, code or "", what Jekyll says when it stops)
    "missing": ({"post": "---\n---\n<main>{{ content }}</main>\n{% include nothere.html %}\n"}, {},
                "BC503", "Could not locate the included file"),
    "missing in the outer layout": ({"post": "---\nlayout: default\n---\n{{ content }}\n",
                                     "default": "<html>\n{{ content }}\n{%- include foot.html -%}\n</html>\n"}, {},
                                    "BC503", "Could not locate the included file"),
    "loop": ({"post": "---\n---\n{{ content }}\n{% include a.html %}\n"},
             {"a.html": "A {% include b.html %}", "b.html": "B {% include a.html %}"}, "BC507", "Nesting too deep"),
    "bad arguments": ({"post": "{{ content }}\n{% include a.html x=/y.png %}\n"}, {"a.html": "A"},
                      "BC504", "Invalid syntax for include tag"),
    "under a condition": ({"post": "{{ content }}\n{% if page.comments %}{% include nothere.html %}{% endif %}\n"},
                          {}, "", ""),
    "a loop under a condition": ({"post": "{{ content }}\n{% include a.html %}\n"},
                                 {"a.html": "A {% if page.deep %}{% include a.html %}{% endif %}"}, "", ""),
    "there": ({"post": "---\nlayout: default\n---\n{{ content }}{% include a.html %}\n",
               "default": "{{ content }}{%- include a.html -%}"}, {"a.html": "A"}, "", ""),
    "in a raw block": ({"post": "{{ content }}{% raw %}{% include nothere.html %}{% endraw %}"}, {}, "", ""),
}


def _site(root: Path, layouts: dict[str, str], includes: dict[str, str], post: str = POST) -> Path:
    for folder in ("_posts", "_layouts", "_includes"):
        (root / folder).mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    for name, text in layouts.items():
        (root / "_layouts" / f"{name}.html").write_text(text, encoding="utf-8")
    for name, text in includes.items():
        (root / "_includes" / name).write_text(text, encoding="utf-8")
    (root / "_posts" / "2024-01-01-p.md").write_text(post, encoding="utf-8")
    return root


def _findings(site: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    monkeypatch.chdir(site)
    main(["check", "--select", "liquid", "--format", "json"])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found


def _build(site: Path) -> subprocess.CompletedProcess[str]:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    return subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.parametrize("case", list(CASES))
def test_a_layout_include_is_reported_when_it_stops_jekyll(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    layouts, includes, code, said = CASES[case]
    site = _site(tmp_path / "site", layouts, includes)
    found = _findings(site, monkeypatch, capsys)
    assert [d["code"] for d in found] == ([code] if code else [])
    if code:
        assert (found[0]["line"], found[0]["column"]) == (3, 9)  # at `post` of `layout: post`
        assert "the layout `" in str(found[0]["message"]) and said in str(found[0]["message"])
    build = _build(site)
    assert (build.returncode != 0 and said in build.stdout + build.stderr) is bool(code), build.stdout + build.stderr


def test_a_layout_from_defaults_is_reported_at_the_front_matter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", {"post": "{{ content }}{% include gone.html %}"}, {}, "---\ntitle: t\n---\nText.\n")
    (site / "_config.yml").write_text("title: t\ndefaults:\n  - scope: {type: posts}\n    values: {layout: post}\n",
                                      encoding="utf-8")
    found = _findings(site, monkeypatch, capsys)
    assert [(d["code"], d["line"]) for d in found] == [("BC503", 1)]
    assert "_layouts/post.html, line 1" in str(found[0]["message"])
    assert _build(site).returncode != 0


def test_each_post_of_the_layout_is_told_and_a_layout_nobody_uses_is_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", {"post": "{{ content }}", "old": "{% include gone.html %}"}, {})
    (site / "_posts" / "2024-01-02-q.md").write_text(POST.replace("post\n", "old\n"), encoding="utf-8")
    (site / "_posts" / "2024-01-03-r.md").write_text(POST.replace("post\n", "old\n"), encoding="utf-8")
    found = _findings(site, monkeypatch, capsys)
    assert sorted((str(d["path"]), d["code"]) for d in found) == [("_posts/2024-01-02-q.md", "BC503"),
                                                                  ("_posts/2024-01-03-r.md", "BC503")]


def test_a_layout_that_names_itself_or_a_path_outside_ends_the_chain(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Jekyll stops at a layout used twice, and knows only the layouts of its folder."""
    site = _site(tmp_path / "site", {"post": "---\nlayout: post\n---\n{{ content }}",
                                     "a": "---\nlayout: ../../../etc/passwd\n---\n{{ content }}"}, {})
    (site / "_posts" / "2024-01-02-q.md").write_text(POST.replace("post\n", "a\n"), encoding="utf-8")
    assert _findings(site, monkeypatch, capsys) == []


def test_the_same_include_written_many_times_is_told_once_at_its_first_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    many = "{{ content }}\n" + "{% include a.html %}\n" * 2000 + "{% include gone.html %}\n" * 3
    site = _site(tmp_path / "site", {"post": many}, {"a.html": "A"})
    found = _findings(site, monkeypatch, capsys)
    assert [d["code"] for d in found] == ["BC503"]
    assert "line 2002" in str(found[0]["message"])
