"""BC610 and a tag that already says `markdown=`: the writer chose how kramdown reads
the block, so there is no finding and `--fix` never writes a second attribute (it used
to add `markdown="1"` on every run). kramdown itself (the one `jekyll` runs) says what
each value does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

_KRAMDOWN = 'print Kramdown::Document.new(STDIN.read, input: "GFM", hard_wrap: false).to_html'


def _block(tag: str) -> str:
    name = tag[1:].split()[0].rstrip(">")
    return f"{tag}\n\n## Heading\n\n</{name}>\n"


def _kramdown(text: str) -> str:
    assert shutil.which("ruby"), ".ci/run installs jekyll (and with it ruby and kramdown)"
    return subprocess.run(["ruby", "-rkramdown", "-rkramdown-parser-gfm", "-e", _KRAMDOWN], input=text,
                          capture_output=True, text=True, timeout=60, check=True).stdout


def _post(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\nmarkdown: kramdown\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir(exist_ok=True)
    post = tmp_path / "_posts" / "2024-01-01-p.md"
    post.write_text("---\ntitle: t\n---\n" + body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return post


def _bc610(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    main(["check", "--offline", "--select", "markup", "--format", "json"])
    return [d for d in json.loads(capsys.readouterr().out)["diagnostics"] if d["code"] == "BC610"]


@pytest.mark.parametrize(("tag", "rendered"), [
    ('<div markdown="0">', False),  # the audit's loop: raw, as the writer asked
    ('<div markdown="1">', True),
    ('<details markdown="block">', True),
    ('<div markdown="span">', False),  # span: no block Markdown, as asked
    ("<div MARKDOWN='0'>", False),  # names in any case, values quoted either way
    ("<div markdown=1>", True),
    ('<div markdown="0" markdown="1">', True),  # what the loop wrote: the last one wins
])
def test_a_chosen_markdown_attribute_is_no_finding_and_never_doubled(
        tag: str, rendered: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    html = _kramdown(_block(tag))
    assert ("<h2" in html) is rendered
    assert ("## Heading" in html) is not rendered
    assert "markdown" not in html.lower()  # kramdown took the attribute as its switch
    post = _post(tmp_path, _block(tag), monkeypatch)
    before = post.read_bytes()
    assert _bc610(capsys) == []
    for _ in range(2):
        main(["check", "--offline", "--fix"])
        capsys.readouterr()
        assert post.read_bytes() == before


@pytest.mark.parametrize(("tag", "says"), [
    ('<div markdown="true">', '`markdown="true"` as no switch'),  # no value kramdown knows: still raw
    ("<div markdown>", "`markdown` without a value as no switch"),
    ('<table markdown="1">', "raw even with `markdown=\"1\"`"),  # "1" is the table's own model: raw
])
def test_an_attribute_kramdown_ignores_is_reported_without_a_fix(
        tag: str, says: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert "## Heading" in _kramdown(_block(tag))  # shown as typed, as the finding says
    post = _post(tmp_path, _block(tag), monkeypatch)
    before = post.read_bytes()
    found = _bc610(capsys)
    assert [(d["line"], "fix" in d) for d in found] == [(4, False)]
    assert says in str(found[0]["hint"])
    main(["check", "--offline", "--fix"])
    capsys.readouterr()
    assert post.read_bytes() == before


def test_a_tag_without_one_is_fixed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    post = _post(tmp_path, _block("<div>"), monkeypatch)
    main(["check", "--offline", "--fix"])
    capsys.readouterr()
    once = post.read_bytes()
    assert once.decode().split("\n")[3] == '<div markdown="1">'
    assert "<h2" in _kramdown(once.decode().split("---\n", 2)[2])
    main(["check", "--offline", "--fix"])
    capsys.readouterr()
    assert post.read_bytes() == once
