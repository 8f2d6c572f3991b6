"""Hints for the YAML mistakes writers make in front matter (parse/yaml_hints.py):
each names the fix, and a line it rewrites parses to the value the writer meant."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.parse.frontmatter import FrontMatterError, parse
from blogcheck.parse.yaml_hints import as_code

# front matter -> (code, words of the hint, the line the hint rewrites or "", the title meant)
CASES = {
    "title: Day 1: Intro to NLP\n": ("BC102", "a `: ` inside a value", 'title: "Day 1: Intro to NLP"',
                                     "Day 1: Intro to NLP"),
    'title: Step 2: "setup"\n': ("BC102", "a `: ` inside a value", "title: 'Step 2: \"setup\"'", 'Step 2: "setup"'),
    "title: @mention post\n": ("BC102", "cannot start with `@`", 'title: "@mention post"', "@mention post"),
    "title: `code` notes\n": ("BC102", "cannot start with `` ` ``", 'title: "`code` notes"', "`code` notes"),
    "title: *star\n": ("BC102", "cannot start with `*`", 'title: "*star"', "*star"),
    "title: 'it's here'\n": ("BC102", "single quotes end early", "title: 'it''s here'", "it's here"),
    "title: x\n  date: 2024-01-01\n": ("BC102", "line 2 is indented under `title`", "", ""),
    "title: x\ntags: [nlp, ml\n": ("BC102", "`[` list is never closed", "", ""),
    "title: x\n\tdate: 2024\n": ("BC102", "does not allow a tab", "", ""),
    "title:Day 4\n": ("BC103", "a key needs a space after its colon: `title: Day 4` (line 1)", "", ""),
}


@pytest.mark.parametrize("text", CASES)
def test_each_mistake_gets_its_fix(text: str) -> None:
    code, words, rewritten, meant = CASES[text]
    with pytest.raises(FrontMatterError) as caught:
        parse(text)
    assert caught.value.code == code
    assert words in caught.value.hint
    if rewritten:
        assert as_code(rewritten) in caught.value.hint
        assert parse(rewritten + "\n").data["title"] == meant  # the rewritten line is the value meant


def test_a_mistake_with_no_known_fix_gets_no_hint() -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse("title: a\ntitle b\n")
    assert caught.value.code == "BC102" and "key: value" in caught.value.hint
    with pytest.raises(FrontMatterError) as caught:
        parse("- a\n- b\n")
    assert caught.value.hint == ""


def test_the_hint_reaches_the_report_with_file_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-a.md").write_text("---\ntitle: x\n  date: 2024-01-01\n---\nHi.\n")
    assert main(["check", "--offline", str(tmp_path / "_posts")]) == 1
    out = capsys.readouterr().out
    assert re.search(r"2024-01-01-a\.md:3:\d+: BC102", out)
    assert "hint: line 3 is indented under `title`" in out  # the file's line 3, as the finding says


def test_long_lines_take_linear_time() -> None:
    """A hostile line of hundreds of KB: no pattern here may go quadratic (`.+?\\s*$` did:
    5 s for 40 KB, hours for a megabyte). Measured as growth with the line's length."""
    from scaling import assert_linear

    texts: list[Callable[[int], str]] = [
        lambda n: "title: x" + " " * 4 * n + "!\n  b: 1\n", lambda n: "title: a: " + "b " * 2 * n + "\n",
        lambda n: "title: '" + "it's " * n + "'\n", lambda n: "title:" + "x" * 4 * n + "\n",
        lambda n: "k" * 4 * n + ": @x\n"]
    for number, text in enumerate(texts):
        def work_at(size: int, text: Callable[[int], str] = text) -> Callable[[], object]:
            def work() -> None:
                with pytest.raises(FrontMatterError) as caught:
                    parse(text(size))
                assert caught.value.hint
            return work

        assert_linear(work_at, 250_000, number)


@pytest.mark.parametrize("text", ["plain", "a`b", "```python", "`` x ``", "``` and `", "`"])
def test_as_code_is_one_code_span_whatever_backticks_the_text_holds(text: str) -> None:
    """CommonMark's code span (as markdown-it reads it): its text comes back whole, so a
    fence in a message (`fixed: ```` ``` ```` -> `~~~`) is not split into pieces."""
    from markdown_it import MarkdownIt

    inline = MarkdownIt().parseInline(as_code(text))[0].children or []
    assert [(t.type, t.content) for t in inline] == [("code_inline", text)]
