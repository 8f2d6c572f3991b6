"""After `check --fix`, the line on the fixes left says why each was left: a fix the site's
`encoding:` cannot take (an emoji in Latin-1) is no file that could not be written, nor one
another fix took the place of, and running --fix again does not help it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from blogcheck.cli import main

POST = "---\ntitle: Café\n---\nDéjà vu, I recieve it. :rocket: launch.\n"


def _fix(tmp_path: Path, names: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: t\nencoding: ISO-8859-1\n", encoding="utf-8")
    for name in names:
        (tmp_path / "_posts" / name).write_bytes(POST.encode("latin-1"))
    main(["check", "--offline", "--no-cache", "--select", "BC4,BC6", "--fix", str(tmp_path)])
    return [line for line in capsys.readouterr().out.splitlines() if "left as" in line]


def test_a_fix_the_encoding_cannot_take(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _fix(tmp_path, ["2024-01-01-a.md"], capsys) == [
        "note: 1 finding with a fix left as it is: the site's `encoding:` cannot take its fix (the note says why); "
        "edit by hand"]


def test_each_reason_is_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    # b.md read-only (0444 is no refusal to root, so os.access says it): its typo's fix is not written
    original = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: not str(path).endswith("b.md") and original(path, mode))
    assert _fix(tmp_path, ["2024-01-01-a.md", "2024-01-02-b.md"], capsys) == [
        "note: 2 findings with a fix left as they are: the site's `encoding:` cannot take their fixes (the notes say "
        "why); edit by hand; 1 finding with a fix left as it is: its file could not be written, or another fix "
        "took its place (run `blogcheck check --fix` again)"]
