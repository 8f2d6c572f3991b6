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


@pytest.mark.parametrize(("value", "lost"), [
    ("category: 2024", False), ("categories: [2024, ml]", False), ("tags: [python, 3]", False),
    ("categories: 2024", True), ("categories: 3.5", True),
])
def test_numbers_as_names_are_fine_in_a_list_or_a_category_and_lose_all_as_categories(
        value: str, lost: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Jekyll turns a number in a list of names, or a `category:`, into its text; a number
    as `categories:` makes it refuse the whole front matter ("no implicit conversion of
    Integer into Array"): the post is published under the build's date, untitled. A
    front-matter audit found BC110 errors on the first three."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (site / "_layouts" / "post.html").write_text("<h1>{{ page.title }}</h1>", encoding="utf-8")
    (site / "_posts" / "2024-03-06-a.md").write_text(f"---\nlayout: post\ntitle: Hello\n{value}\n---\nx\n",
                                                      encoding="utf-8")
    build = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    titled = [p for p in (site / "_site").rglob("*.html") if "<h1>Hello</h1>" in p.read_text(encoding="utf-8")]
    assert ("no implicit conversion" in build.stdout + build.stderr) == lost and bool(titled) != lost
    monkeypatch.chdir(site)
    main(["check", "--offline", "--select", "BC110", "--format", "json"])
    found = [d["message"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert bool(found) == lost and all("refuses the whole front matter" in m for m in found)


@pytest.mark.parametrize("space", ["\f", "\v", " \f", "\r"])
def test_a_closing_delimiter_followed_by_a_form_feed_or_vertical_tab_still_closes(
        space: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Jekyll's boundary pattern ends the closing `---` with Ruby's `\\s*`, which takes a form feed
    and a vertical tab: the front matter is read (an audit: a false BC101 "never closed", and
    the post's own findings lost). Here `layout: psot` is what is left to report."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (site / "_layouts" / "post.html").write_text("<h1>{{ page.title }}</h1>{{ content }}", encoding="utf-8")
    (site / "_posts" / "2024-01-05-ff.md").write_bytes(f"---\ntitle: F\nlayout: psot\n---{space}\nbody\n".encode())
    build = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    assert "Layout 'psot' requested" in build.stdout + build.stderr
    monkeypatch.chdir(site)
    main(["check", "--offline", "--format", "json"])
    found = [(d["code"], d["line"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [("BC130", 3)], found
