"""`language = "en-GB"` / `"en-US"` flags the other variety's spelling, never a word that
is right in the chosen one too (`check` the verb, a gas `meter`, `analyses` the plural)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from blogcheck.cli import main

REPO = Path(__file__).resolve().parents[2]

BRITISH_TOO = ("Please check the code before you tire of it; the parking meter was broken. We license it under "
               "MIT. She won a prize and checked it, checking a dependent variable. A public inquiry, a court's "
               "judgment, a learned society, the groin, floor mats, drug peddlers and Irish whiskeys.")
AMERICAN_TOO = "We ran several analyses of the data; paralyses and dialyses are plurals too."


def _flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, text: str) -> list[str]:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "blogcheck.toml").write_text(f'[spelling]\nlanguage = "{language}"\n', encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-x.md").write_text(f"---\ntitle: x\n---\n{text}\n", encoding="utf-8")
    main(["check", "--offline", "--select", "spelling", "--format", "json", str(tmp_path)])
    return [d["word"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]


@pytest.mark.parametrize(("language", "text", "wrong", "flagged"), [
    ("en-GB", BRITISH_TOO, "The color of the theater, the tires.", ["color", "theater"]),
    ("en-US", AMERICAN_TOO, "The colour of the theatre, analysed.", ["colour", "theatre", "analysed"]),
])
def test_words_right_in_the_chosen_variety_are_not_flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           language: str, text: str, wrong: str,
                                                           flagged: list[str]) -> None:
    """The other variety's spelling is still flagged (`color` under en-GB)."""
    assert _flagged(tmp_path, capsys, language, f"{text}\n\n{wrong}") == flagged


def test_the_generator_leaves_out_every_excluded_pair() -> None:
    spec = importlib.util.spec_from_file_location("build_data", REPO / "bench" / "spelling" / "build_data.py")
    assert spec is not None and spec.loader is not None
    build_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_data)
    pairs = set((REPO / "blogcheck" / "data" / "variants.txt").read_text(encoding="utf-8").splitlines())
    assert build_data.VARIANTS_EXCLUDED and not build_data.VARIANTS_EXCLUDED & pairs
    assert all(len(pair.split()) == 2 for pair in build_data.VARIANTS_EXCLUDED)


def test_the_chosen_varietys_own_spelling_is_a_known_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`micrometre` is in no dictionary blogcheck reads, only in the variants list: under
    en-GB it is the right spelling, not an unknown word (nor, under en-US, `micrometer`)."""
    assert _flagged(tmp_path, capsys, "en-GB", "A micrometre is small; two micrometres are too.") == []
    (tmp_path / "us").mkdir()
    assert _flagged(tmp_path / "us", capsys, "en-US", "A micrometre is small.") == ["micrometre"]


def test_british_only_spellings_are_flagged_under_en_us(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`licence` and `programme` passed under en-US: their pairs are left out of the variants
    list because `license` and `program` are British too. One way only: under en-GB the
    American word still passes (the test above)."""
    text = "The licence of the programme, a cheque, a tyre, in metres. We license the program."
    assert _flagged(tmp_path, capsys, "en-US", text) == ["licence", "programme", "cheque", "tyre", "metres"]
    (tmp_path / "gb").mkdir()
    assert _flagged(tmp_path / "gb", capsys, "en-GB", text) == []
