"""`{% link %}` as Jekyll finds a file (tags/link.rb): by its path exactly as written,
quotes included; a static file's relative path starts with a slash, so it is found with
or without one, while a page or post is found only without. blogcheck's BC204 must name
exactly the arguments that stop a real build."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

ARGUMENTS = {"about.md": False, "/about.md": True, "'about.md'": True, '"about.md"': True,
             "assets/x.png": False, "/assets/x.png": False, "_posts/2024-01-04-z.md": False,
             "/_posts/2024-01-04-z.md": True}


@pytest.mark.parametrize("argument", sorted(ARGUMENTS))
def test_bc204_for_exactly_the_link_tags_jekyll_cannot_find(
        argument: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", {"about.md": "---\ntitle: A\n---\nAbout.\n", "assets/x.png": "\x89PNG\r\n",
                                      "_posts/2024-01-04-z.md": "---\ntitle: Z\n---\nZ.\n",
                                      "_posts/2024-01-05-a.md": f"---\ntitle: T\n---\n[x]({{% link {argument} %}})\n"})
    stops, found = _built_and_checked(site, "Could not find document", monkeypatch, capsys)
    assert stops == ARGUMENTS[argument]
    assert found == (["BC204"] if stops else []), found


POST_URLS = {"2024-01-06-b": False, "2024-1-6-b": False, "24-01-06-b": False, "23-01-06-b": True,
             "1924-01-06-b": True, "2024-01-06-c": True}


@pytest.mark.parametrize("name", sorted(POST_URLS))
def test_bc205_for_exactly_the_post_urls_jekyll_cannot_find(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Jekyll's PostComparer reads the name's date with Utils.parse_date: unpadded, or with a
    two-digit year (`24-01-06-b` is 2024-01-06), it is the same day; blogcheck called the
    two-digit year a post that does not exist."""
    site = _site(tmp_path / "site", {"_posts/2024-01-06-b.md": "---\ntitle: B\n---\nB.\n",
                                      "_posts/2024-01-07-a.md": f"---\ntitle: A\n---\n[x]({{% post_url {name} %}})\n"})
    stops, found = _built_and_checked(site, "Could not find post", monkeypatch, capsys)
    assert stops == POST_URLS[name]
    assert found == (["BC205"] if stops else []), found


def _site(root: Path, files: dict[str, str]) -> Path:
    """A site at `root` (`title: t`) holding `files`, by path."""
    for rel, text in {"_config.yml": "title: t\n", **files}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _built_and_checked(site: Path, stop: str, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> tuple[bool, list[str]]:
    """Whether a real `jekyll build` of `site` stops with `stop` (and only then fails), and
    the codes of blogcheck's links check on it."""
    build = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    stops = stop in build.stdout + build.stderr
    assert (build.returncode != 0) == stops, build.stderr[-1500:]
    monkeypatch.chdir(site)
    main(["check", "--offline", "--select", "links", "--format", "json"])
    return stops, [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]
