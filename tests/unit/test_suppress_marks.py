"""Suppression marks as a writer uses them: every mark of a line counts, not only its
first; and a finding about several lines (a paragraph kramdown makes a table, a `1)`
list, a paragraph's code spans) is silenced by a mark on any of them, so that `--fix`
never edits a line whose mark silences that code. Each post also holds the same text
without a mark, which is reported and fixed: the marks, not the text, make the change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main


def _post(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\nmarkdown: kramdown\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-x.md"
    post.write_text(f"---\ntitle: x\n---\n{body}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return post


def _found(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int]]:
    main(["check", "--offline", "--format", "json"])
    return [(d["code"], d["line"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def _fixed(post: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    main(["check", "--offline", "--fix"])
    capsys.readouterr()
    return post.read_text(encoding="utf-8").split("\n")[3:]


@pytest.mark.parametrize("marks", [
    "<!-- blogcheck: ignore BC401 --> <!-- blogcheck: ignore BC611 -->\n",  # comments only: the next line
    "<!-- blogcheck: ignore BC611 --><!-- blogcheck: ignore spelling -->\n",
])
def test_every_mark_of_a_comment_line_silences_the_next(marks: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    post = _post(tmp_path, monkeypatch, f"Intro.\n\n{marks}teh docs: https://example.com/a\n\n"
                                        "teh docs: https://example.com/b\n")
    assert _found(capsys) == [("BC401", 9), ("BC611", 9)]
    assert _fixed(post, capsys)[3:] == ["teh docs: https://example.com/a", "", "the docs: <https://example.com/b>", ""]


def test_every_mark_at_the_end_of_a_line_silences_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    line = "teh docs: https://example.com/a <!-- blogcheck: ignore BC401 --> <!-- blogcheck: ignore BC611 -->"
    post = _post(tmp_path, monkeypatch, f"Intro.\n\n{line}\n")
    assert _found(capsys) == []
    assert _fixed(post, capsys)[2] == line


def test_a_mark_on_any_line_of_a_paragraph_table_silences_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    post = _post(tmp_path, monkeypatch, "Intro.\n\nP(Y|X) text\nmore | text <!-- blogcheck: ignore BC603 -->\n\n"
                                        "P(Y|X) text\nmore | text <!-- blogcheck: ignore BC401 -->\n")
    assert _found(capsys) == [("BC603", 9)]  # a mark for another code silences nothing here
    assert _fixed(post, capsys)[2:] == ["P(Y|X) text", "more | text <!-- blogcheck: ignore BC603 -->", "",
                                        "P(Y\\|X) text", "more \\| text <!-- blogcheck: ignore BC401 -->", ""]


def test_a_mark_on_any_item_of_a_paren_list_silences_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    post = _post(tmp_path, monkeypatch, "Intro.\n\n1) one\n2) two <!-- blogcheck: ignore markup -->\n\nText.\n\n"
                                        "1) one\n2) two\n")
    assert _found(capsys) == [("BC608", 11)]
    assert _fixed(post, capsys)[2:] == ["1) one", "2) two <!-- blogcheck: ignore markup -->", "", "Text.", "",
                                        "1. one", "2. two", ""]


def test_a_mark_on_any_line_of_a_paragraphs_code_spans_silences_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    post = _post(tmp_path, monkeypatch, "Use `{{ a }}` and\n`{{ b }}` here <!-- blogcheck: ignore BC501 -->\n\n"
                                        "Use `{{ a }}` and\n`{{ b }}` here\n")
    assert _found(capsys) == [("BC501", 7)]
    assert _fixed(post, capsys) == ["Use `{{ a }}` and", "`{{ b }}` here <!-- blogcheck: ignore BC501 -->", "",
                                    "Use `{% raw %}{{ a }}` and", "`{{ b }}{% endraw %}` here", ""]
