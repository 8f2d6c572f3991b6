"""`check --fix` rewrites the prose word, never a URL, a tag's attribute or a link
title written before it on the line; a place that cannot be found for sure is
reported and left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main

FRONT = "---\ntitle: Places\n---\n"


def _site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-p.md"
    post.write_bytes((FRONT + body).encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    return post


def _findings(capsys: pytest.CaptureFixture[str]) -> list[tuple[int, int, str, bool]]:
    main(["check", "--offline", "--select", "spelling", "--format", "json", "_posts"])
    diags = json.loads(capsys.readouterr().out)["diagnostics"]
    return [(d["line"], d["column"], d["word"], "fix" in d) for d in diags]


TARGETS = (
    'See <a href="https://x.com/recieve">recieve</a> now.\n\n'
    'Pic <img src="teh.png" alt="x"> **teh** ok.\n\n'
    '![Photo](/img/recieve.png "recieve") *recieve* end.\n\n'
    "See [this page](https://x.com/?a=1&amp;b=occured) *occured*.\n\n"
    "See [that page](<https://x.com/my seperate page>) **seperate**.\n\n"
    "See [café](https://x.com/café/untill) _untill_.\n\n"
    'A <span title="recieve">recieve</span> in a paragraph.\n\n'
    "See <https://x.com/untill> and [ref][untill] or [untill] then untill.\n\n"
    '[untill]: https://x.com/ "untill"\n\n'
    "Caf&eacute; &mdash; it\\'s [x](/a&amp;beleive) **beleive** it.\n\n"  # entities and escapes are passed too
    "| teh | teh |\n|-----|-----|\n| `teh` | teh |\n"
)


def test_fix_rewrites_the_prose_word_after_urls_tags_and_titles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    post = _site(tmp_path, monkeypatch, TARGETS)
    found = _findings(capsys)
    assert (16, 25, "recieve", True) in found  # on `recieve</span>`, not in its title
    assert (18, 50, "untill", False) in found  # `[untill]` is also the link's label: changing it breaks the link
    assert main(["check", "--offline", "--select", "spelling", "--fix", "_posts"]) == 1
    expected = TARGETS.replace(">recieve</a>", ">receive</a>").replace("**teh**", "**the**")
    expected = expected.replace("*recieve* end", "*receive* end").replace("*occured*", "*occurred*")
    expected = expected.replace("**seperate**", "**separate**").replace("_untill_", "_until_")
    expected = expected.replace(">recieve</span>", ">receive</span>").replace("then untill.", "then until.")
    expected = expected.replace("**beleive**", "**believe**")
    expected = expected.replace("| teh | teh |", "| the | the |").replace("| `teh` | teh |", "| `teh` | the |")
    assert post.read_bytes() == (FRONT + expected).encode("utf-8")


@pytest.mark.parametrize("body", [
    '[a link](/page "a title that goes\non recieve") recieve here.\n',  # the title spans two lines
    "[a link](\n/recieve) recieve here.\n",  # the target starts on the next line
    "[a link][the\nlabel] recieve here.\n\n[the label]: /recieve\n",  # so does the reference
])
def test_a_place_not_found_for_sure_is_reported_but_never_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  body: str) -> None:
    post = _site(tmp_path, monkeypatch, body)
    found = _findings(capsys)
    assert [(word, fix) for _, _, word, fix in found] == [("recieve", False)]
    assert main(["check", "--offline", "--select", "spelling", "--fix", "_posts"]) == 1
    assert post.read_bytes() == (FRONT + body).encode("utf-8")


def test_code_and_tags_over_two_lines_are_passed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    body = 'A `code\nteh` **teh** and <b\ntitle="teh">**teh**</b> end.\n'
    post = _site(tmp_path, monkeypatch, body)
    assert _findings(capsys) == [(5, 8, "teh", True), (6, 15, "teh", True)]
    main(["check", "--offline", "--select", "spelling", "--fix", "_posts"])
    assert post.read_bytes() == (FRONT + body.replace("**teh**", "**the**")).encode("utf-8")
