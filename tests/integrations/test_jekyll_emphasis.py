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
