"""BC614's message and hint say where the fence should start: under its list item's text,
or, at the post's top level, at the line's start (kramdown keeps the spaces there too:
tests/integrations/test_jekyll_markup.py builds both with jekyll)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main

FENCE = "  ```python\n  if x:\n      y()\n  ```\n"


def _bc614(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-p.md").write_text("---\ntitle: t\n---\n" + body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--select", "BC614", "--format", "json"])
    [found] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found["message"], found["hint"]


@pytest.mark.parametrize(("body", "said", "hint"), [
    ("Top:\n\n" + FENCE, "indented 2 spaces at the top level of the post", "so that the fence starts at the "
     "line's start"),
    ("2. In R:\n\n" + FENCE, "indented 2 spaces at the top level of the post", "indent it as far as the item's "
     "text"),  # 2 spaces under `2. `: no part of the item (its text starts at 3), the daattali blog's case
    ("- Install:\n\n  " + FENCE.replace("\n  ", "\n    "), "indented 2 spaces more than the text it belongs to",
     "so that the fence starts where its list item's text does"),
])
def test_the_hint_says_where_the_fence_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str], body: str, said: str,
                                              hint: str) -> None:
    message, given = _bc614(tmp_path, body, monkeypatch, capsys)
    assert said in message and hint in given
    assert ("where its list item's text does" in given) == body.startswith("- ")
