"""Posts written to attack the reader of a report: Markdown and HTML in a value,
which the job summary must show as text, and control, line-separator and bidi
characters, which no human-facing format may pass on as they are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from reporter_sites import make_site

from blogcheck.cli import main

INJECTION = ("x` **Build OK** [Click](https://evil.example/login) <img src=https://evil.example/t.png> "
             "www.evil.example @octocat :x: `")
POSTS = {
    "2024-01-01-inject.md": f'---\ntitle: x\nlayout: "{INJECTION}"\n---\nok\n',
    "2024-01-02-links.md": "---\ntitle: x\nlayout: post\n---\nSee [x](/a`b.html) and [y](</c`` `|d.html>).\n",
    "2024-01-03-a`|``b <b>bold *x*.md": "---\ntitle: x\nlayout: nope\n---\nok\n",
    "2024-01-04-back\\|slash.md": "---\ntitle: x\nlayout: nope\n---\nok\n",
}
# Escape sequences (clear the screen, retitle the window), BEL, NUL and NEL in a value; ESC in a name.
CONTROLS = {
    "2024-01-05-esc\x1b[31mred.md": '---\ntitle: x\nlayout: "po\\e[2J\\e]0;pwned\\a\\0st\\N"\n---\nok\n',
    "2024-01-06-a\u202eb.md": '---\ntitle: x\nlayout: "l\\u2028s\\u2029p\\u202er\\u2066i\\u200fm"\n---\nok\n',
}
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _report(capsys: pytest.CaptureFixture[str], fmt: str) -> str:
    main(["check", "--offline", "--select", "BC130,BC204", "--format", fmt])
    return capsys.readouterr().out


def _rows(summary: str) -> list[list[Token]]:
    """The findings table of a job summary as GitHub Flavored Markdown reads it: each
    row's cells, as inline tokens."""
    rows: list[list[Token]] = []
    cell = False
    for token in MarkdownIt("gfm-like").parse(summary):
        rows += [[]] if token.type == "tr_open" else []
        cell = {"td_open": True, "td_close": False}.get(token.type, cell)
        if cell and token.type == "inline":
            rows[-1].append(token)
    return [row for row in rows if row and row[0].content in (":x:", ":warning:")]


def test_job_summary_shows_what_posts_hold_as_code_never_as_markdown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    make_site(tmp_path, POSTS, monkeypatch)
    found = json.loads(_report(capsys, "json"))["diagnostics"]
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    _report(capsys, "github")
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    page = MarkdownIt("gfm-like").render(summary)
    for made in ("<a ", "<img", "<strong>", "<em>", "<b>"):
        assert made not in page
    rows = _rows(summary)
    assert len(found) == len(rows) == 5
    for d, (_, _, where, message) in zip(found, rows, strict=True):
        assert [t.type for t in [*(where.children or []), *(message.children or [])]] == ["code_inline"] * 2
        assert where.children and where.children[0].content == f"{d['path']}:{d['line']}:{d['column']}"
        assert message.children and message.children[0].content == d["message"]  # every character, as it is
    assert INJECTION in found[0]["message"] and "`|d.html" in found[2]["message"]


@pytest.mark.parametrize("fmt", ["text", "github", "html", "sarif", "json"])
def test_no_format_passes_on_control_or_bidi_characters(
        fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    make_site(tmp_path, CONTROLS, monkeypatch)
    out = _report(capsys, fmt)
    assert UNSAFE.findall(out) == []
    if fmt == "json":  # data: the values read back exact
        messages = [d["message"] for d in json.loads(out)["diagnostics"]]
        assert "po\x1b[2J\x1b]0;pwned\x07\x00st\x85" in messages[0] and "\u2066i\u200fm" in messages[1]
        return
    out = out.replace("\\\\", "\\")  # SARIF is JSON: its backslashes are doubled
    assert "`po\\x1b[2J\\x1b]0;pwned\\x07\\x00st\\x85`" in out
    assert "`l\\u2028s\\u2029p\\u202er\\u2066i\\u200fm`" in out
    if fmt != "sarif":  # its paths are URIs, percent-encoded
        assert "2024-01-05-esc\\x1b[31mred.md" in out and "2024-01-06-a\\u202eb.md" in out


def test_github_annotations_escape_control_characters_but_keep_line_breaks(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    make_site(tmp_path, CONTROLS, monkeypatch)
    first = _report(capsys, "github").splitlines()[0]
    assert first.startswith("::warning file=_posts/2024-01-05-esc\\x1b[31mred.md,line=3,col=9,title=BC130::"
                            "_posts/2024-01-05-esc\\x1b[31mred.md:3:9: BC130 layout `po\\x1b[2J")
    assert first.endswith("` is not in _layouts/%0Alayouts here: post")  # the hint on a line of its own
