"""A word right after an escaped mark: kramdown shows `\\*recieve` as `*recieve`, a misspelled
word readers see; code-like chunks written with escapes (`\\*\\*kwargs`, `\\_\\_init\\_\\_`) stay quiet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.spelling.tokens import words

FRONT = "---\ntitle: t\n---\n"
SEEDED = "Use the \\*recieve and \\*teh word, \\_recieve, \\#recieve, \\[recieve\\] and (\\*seperate).\n"
QUIET = [
    "Call f(\\*args, \\*\\*kwargs) with \\*ptr, \\*argv and \\_id.",  # pointers, argument lists, private names
    "Define \\_\\_init\\_\\_ and snake\\_recieve here.",  # a mark inside a word or in a run
    "It costs ten dollars\\* and recieve\\* today.",  # a mark after a word: a footnote's, a wildcard's
    "Both \\*recieve\\* and \\*\\*teh\\*\\* and \\_teh\\_ stay.",  # emphasis written out on purpose
    "All the \\*.02 rooms and \\*balanace there.",  # no letter after the mark; an unknown word is no slip
]


def _site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-x.md"
    post.write_text(FRONT + "\n" + body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return post


def _findings(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int, int, str, bool]]:
    main(["check", "--offline", "--select", "spelling", "--format", "json", "."])
    diags = json.loads(capsys.readouterr().out)["diagnostics"]
    return [(d["code"], d["line"], d["column"], d["word"], "fix" in d) for d in diags]


def test_a_misspelling_after_an_escaped_mark_is_reported_at_the_word(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _site(tmp_path, monkeypatch, SEEDED)
    found = _findings(capsys)
    assert [(word, fix) for _, _, _, word, fix in found] == [
        ("recieve", True), ("teh", True), ("recieve", True), ("recieve", True), ("recieve", True), ("seperate", True)]
    for code, line, column, word, _ in found:
        assert code == "BC401" and line == 5 and SEEDED[column - 1:].startswith(word)


def test_fix_rewrites_the_word_and_keeps_the_escape(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    post = _site(tmp_path, monkeypatch, SEEDED)
    main(["check", "--offline", "--select", "spelling", "--fix", "."])
    fixed = SEEDED.replace("recieve", "receive").replace("teh", "the").replace("seperate", "separate")
    assert post.read_text(encoding="utf-8") == FRONT + "\n" + fixed
    assert "\\*receive and \\*the word, \\_receive, \\#receive, \\[receive\\]" in fixed


@pytest.mark.parametrize("line", QUIET)
def test_code_like_escapes_stay_quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str], line: str) -> None:
    _site(tmp_path, monkeypatch, line + "\n")
    assert _findings(capsys) == []


def test_only_an_escaped_mark_opens_a_word() -> None:
    """The tokenizer reads `*recieve` when the `*` was written `\\*`; a bare `*recieve`
    (an unclosed emphasis, or `*args` in prose) stays skipped, as before."""
    escaped = [(w.text, w.start, w.marked) for w in words("A *recieve.", escaped=frozenset({2}))]
    assert escaped == [("A", 0, False), ("recieve", 3, True)]
    assert [w.text for w in words("A *recieve.")] == ["A"]
