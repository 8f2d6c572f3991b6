"""Line breaks that YAML or Markdown count but git does not. blogcheck counts lines
at `\\n` only, as git, `grep -n` and a `file:line:column` link do; markdown-it counts a
lone CR too, and YAML also U+0085, U+2028 and U+2029. Positions taken from either
parser fell on later lines than the file's, past its end: an IndexError in the links
and kramdown checks, and findings that no editor could open (found by a mutation
fuzz of the corpus's posts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.parse.frontmatter import FrontMatterError, Position, parse
from blogcheck.run import run


def _run(tmp_path: Path, text: str) -> tuple[list[str], list[tuple[str, int, int]]]:
    """Every check offline over one post: the file's `\\n` lines and (code, line, column) found."""
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-post.md"
    post.write_bytes(text.encode("utf-8"))
    result = run([tmp_path / "_posts"], load_site(tmp_path), Config(offline=True))
    lines = text.split("\n")
    found = [(d.code, d.line, d.column) for d in result.diagnostics if d.path.endswith(post.name)]
    for _, line, column in found:
        assert 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1, (found, lines)
    return lines, found


@pytest.mark.parametrize("body", [
    "\r[]()",  # a link after a lone CR: extract.offset read past the body's lines
    "\r)\n* )\n3. \n* ",  # a list after one: kramdown_blocks.boxes did
    "\r\r\r![a](/x.png)\r[b](#nowhere)\r{% post_url gone %}\r",
])
def test_lone_carriage_returns_in_the_body(tmp_path: Path, body: str) -> None:
    _run(tmp_path, "---\n---\n" + body)


def test_a_typo_after_a_lone_carriage_return_is_on_its_git_line(tmp_path: Path) -> None:
    _, found = _run(tmp_path, "---\ntitle: t\n---\nIntro.\rThis is teh end.\nNext line.\n")
    assert ("BC401", 4, 16) in found


@pytest.mark.parametrize("line_break", ["\r", "\x85", "\u2028", "\u2029"])
def test_yaml_only_line_breaks_keep_file_positions(line_break: str) -> None:
    fm = parse(f"\ntitle: a{line_break} b\ntags: [x, y]\n")
    assert fm.locate(("tags", 1)) == Position(3, 11)
    assert fm.locate(("tags",), key=True) == Position(3, 1)
    with pytest.raises(FrontMatterError) as caught:
        parse(f"\ntitle: a{line_break} b\nbad: [1, 2\nnext: 3\n")
    assert "line 3, column 6" in caught.value.message


def test_front_matter_of_lone_carriage_returns(tmp_path: Path) -> None:
    _, found = _run(tmp_path, "---\nt\r\r\r: \n---\nbody\n")
    assert [code for code, _, _ in found] == ["BC102"]
    assert found[0][1] == 2  # the one line the front matter has


@pytest.mark.parametrize("line_break", ["\r", "\x0c", "\x85", "\u2028"])
def test_a_suppression_comment_counts_lines_as_findings_do(tmp_path: Path, line_break: str) -> None:
    """`str.splitlines` breaks at these too: the comment silenced the wrong line."""
    text = f"---\ntitle: t\n---\nOne{line_break}two.\n<!-- blogcheck: ignore BC401 -->\nIts teh end.\nAnd teh next.\n"
    _, found = _run(tmp_path, text)
    assert [(code, line) for code, line, _ in found if code == "BC401"] == [("BC401", 7)]


def test_a_yaml_hint_names_the_files_line(tmp_path: Path) -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse("\ntitle: a\u2028 b\ncategories: ml\n  other: x\n")
    assert caught.value.line == 4
    assert caught.value.hint.startswith("line 4 is indented under `categories`")


def test_crlf_front_matter_with_a_yaml_only_break() -> None:
    """CRLF is one line break to YAML and to blogcheck; a U+2028 among CRLF lines still
    moves the positions after it back to the file's lines."""
    assert parse("\r\ntitle: a\r\ntags: [x, y]\r\n").locate(("tags", 1)) == Position(3, 11)
    fm = parse("\r\ntitle: a\u2028 b\r\ntags: [x, y]\r\nlast: 1\r\n")
    assert (fm.locate(("tags", 1)), fm.locate(("last",), key=True)) == (Position(3, 11), Position(4, 1))
