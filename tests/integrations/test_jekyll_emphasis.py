"""BC606's mirror case against real Jekyll: `** text**` and `__ text__`, a run before a
space, open nothing (kramdown shows both runs as typed, the preview too); after `--fix`
the text is bold. A run with spaces on both sides (`x ** y ** z`, arithmetic as often)
and a single `*` are not reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site

from blogcheck.cli import main

MIRROR = """A ** bold text** here, and __ this one__ too.

** Start of line**

Not these: x ** y ** z, 2 ** n, a ** b **c**, **fine**, and a * text* b.
"""


def test_a_run_before_a_space_opens_nothing_and_fix_makes_bold(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", MIRROR)
    monkeypatch.chdir(site)
    main(["check", "--select", "markup", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["line"], d["column"], d["code"], d["fix"]) for d in found] == [
        (4, 3, "BC606", [[4, 3, "** ", "**"]]), (4, 28, "BC606", [[4, 28, "__ ", "__"]]),
        (6, 1, "BC606", [[6, 1, "** ", "**"]])]
    before = built_post(site)
    assert "A ** bold text** here, and __ this one__ too." in before and "<p>** Start of line**</p>" in before
    assert "a * text* b" in before and "x ** y ** z" in before and before.count("<strong>") == 2  # c, fine
    assert main(["check", "--select", "BC606", "--fix"]) == 0
    capsys.readouterr()
    after = built_post(site)
    assert "A <strong>bold text</strong> here, and <strong>this one</strong> too." in after
    assert "<p><strong>Start of line</strong></p>" in after and after.count("<strong>") == 5


RUNS = """Fill ____ and ____ in.

Alone ____ here.

x ____ y ____ z ____ w

a ____ b
c ____ d
"""


def test_two_blanks_kramdown_pairs_are_said_bold_and_a_lone_one_italics(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC618 against real Jekyll: two `____` in a paragraph make bold text (`__ and __`), a
    third or a lone one italic `__`; the message says which, and --fix shows them all."""
    site = one_post_site(tmp_path / "site", RUNS)
    monkeypatch.chdir(site)
    main(["check", "--select", "BC618", "--format", "json"])
    said = {(d["line"], d["column"]): d["message"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    bold = {at for at, message in said.items() if "in bold" in message}
    assert bold == {(4, 6), (4, 15), (8, 3), (8, 10), (10, 3), (11, 3)}
    assert {at for at, message in said.items() if "in italics" in message} == {(6, 7), (8, 17)}
    assert "shows `__ and __` in bold" in said[(4, 6)] and "shows `__ y __` in bold" in said[(8, 10)]
    page = built_post(site)
    assert "Fill <strong>__ and __</strong> in." in page and "Alone <em>__</em> here." in page
    assert "x <strong>__ y __</strong> z <em>__</em> w" in page and "a <strong>__ b\nc __</strong> d" in page
    assert main(["check", "--select", "BC618", "--fix"]) == 0
    capsys.readouterr()
    page = built_post(site)
    assert "<strong>" not in page and "<em>" not in page and "Fill ____ and ____ in." in page
