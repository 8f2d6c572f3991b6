"""A post whose front matter Jekyll cannot take (none, never closed, YAML it cannot
read, a list) is still rendered and published by Jekyll 4.3, so a Liquid error in its
text stops the build, and its links and words reach readers. blogcheck reports the
front-matter problem and, as before for a good post, what the text holds; a page
without front matter is copied unrendered, and nothing in its text is reported."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

CASES = {
    "2024-01-05-none.md": ("Hi {% foo %}\n", ("BC101", 1), ("BC506", 1)),
    "2024-01-06-yaml.md": ("---\ntitle: [x\n---\nHi {% foo %}\n", ("BC102", 3), ("BC506", 4)),
    "2024-01-07-open.md": ("---\ntitle: T\nHi {% foo %}\n", ("BC101", 1), ("BC506", 3)),
    "2024-01-08-list.md": ("---\n- a\n---\nHi {{ x }\n", ("BC103", 2), ("BC505", 4)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_text_of_a_post_without_usable_front_matter_is_checked(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text, front, liquid = CASES[name]
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (site / "_posts" / name).write_text(text, encoding="utf-8")
    build = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    assert build.returncode != 0 and "Liquid syntax error" in build.stdout + build.stderr, build.stdout[-1500:]
    monkeypatch.chdir(site)
    main(["check", "--offline", "--format", "json"])
    found = [(d["code"], d["line"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [front, liquid], found


def test_a_page_without_front_matter_is_copied_and_its_text_not_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (site / "_posts" / "2024-01-05-a.md").write_text("---\ntitle: T\n---\nHi\n", encoding="utf-8")
    (site / "about.md").write_text("About {% foo %} teh\n", encoding="utf-8")
    build = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    assert build.returncode == 0
    assert (site / "_site" / "about.md").read_text(encoding="utf-8") == "About {% foo %} teh\n"
    monkeypatch.chdir(site)
    main(["check", "--offline", "--format", "json", "about.md"])
    found = [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == ["BC101"]
