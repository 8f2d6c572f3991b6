"""The spelling data is linted, as codespell lints its dictionary: sorted, no
duplicates, no self-fixes, no valid word among the misspellings."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from blogcheck.spelling import attested, dictionary, misspellings, suggest
from blogcheck.spelling.wordlist import tech_words


def _lines(name: str) -> list[str]:
    return (resources.files("blogcheck") / "data" / name).read_text(encoding="utf-8").split("\n")[:-1]


def test_typos_are_sorted_unique_and_well_formed() -> None:
    lines = _lines("typos.txt")
    assert len(lines) > 90_000
    assert lines == sorted(lines), "sort typos.txt by code point (LC_ALL=C sort)"
    typos = [line.split("->", 1)[0] for line in lines]
    assert len(typos) == len(set(typos)), "a misspelling is listed twice"
    for line in lines:
        typo, fixes = line.split("->")
        assert re.fullmatch(r"[a-z]+(?:'[a-z]+)?", typo), line
        parts = fixes.split(", ")
        assert all(re.fullmatch(r"[A-Za-z]+(?:['\- ][A-Za-z]+)*", f) for f in parts), line
        assert typo not in [f.lower() for f in parts], f"self-fix: {line}"
        assert len(parts) == len(set(parts)), f"duplicate fix: {line}"


def test_no_fix_is_itself_a_misspelling() -> None:
    """`alteast` -> `atleast` -> `at least`: a fix that the next run reports (and --fix changes
    again) is no fix. build_data.resolve_chains follows each such fix to its end."""
    table = dict(line.split("->", 1) for line in _lines("typos.txt"))
    chains = [f"{typo}->{fixes}" for typo, fixes in table.items()
              if any(fix.lower() in table for fix in fixes.split(", "))]
    assert chains == []


def test_no_misspelling_is_a_word_we_accept() -> None:
    accepted = tech_words() | {w for pair in misspellings.variants()[0].items() for w in pair}
    clash = [t for t in misspellings.known() if dictionary.rank(t) is not None or t in accepted]
    assert clash == []


def test_rare_slips_are_rare_words_of_a_common_fix() -> None:
    """data/rare_slips.txt: dictionary words (else they belong in typos.txt, as errors) that
    English text hardly uses, each with one common fix that is a word; none accepted as
    jargon, and none that typos.txt lists too."""
    lines = _lines("rare_slips.txt")
    assert lines == sorted(lines) and len(lines) == len({line.split("->")[0] for line in lines})
    for line in lines:
        word, fix = line.split("->")
        assert re.fullmatch(r"[a-z]+", word) and re.fullmatch(r"[a-z]+", fix), line
        assert dictionary.rank(word) is not None and dictionary.rank(fix) is not None, line
        assert attested.zipf(word) < 2.0 <= attested.zipf(fix) - 1.5, line
        assert word not in tech_words() and misspellings.lookup(word) is None, line
        assert misspellings.rare_slip(word) == fix


def test_a_rare_slip_is_a_warning_with_its_fix_first() -> None:
    """`dependancy` is in pyspellchecker's list (so not in typos.txt: no valid word may be an
    error), yet nearly always a slip: an unknown word's warning, `dependency` first; a site
    whose posts use it often (`min_site_usage`) means it."""
    from blogcheck.spelling.speller import Settings, Speller
    from blogcheck.spelling.tokens import words
    from blogcheck.spelling.usage import Usage

    speller = Speller(Settings(), frozenset(), Usage([]))
    found = [speller.verdict(w) for w in words("The dependancy and tieing here.") if w.checkable]
    assert [(v.code, v.suggestions[0], v.rare) for v in found if v is not None] == [
        ("BC402", "dependency", True), ("BC402", "tying", True)]
    assert speller.candidates("The dependancy here.") == {"dependancy"}  # not cleared as a dictionary word
    used = Speller(Settings(), frozenset(), Usage(["a dependancy"] * 3))
    assert [w for w in words("The dependancy here.") if used.verdict(w) is not None] == []


def test_tech_words_and_variants_are_sorted_lower_case() -> None:
    for name in ("tech_words.txt", "software_words.txt"):
        words = _lines(name)
        assert words == sorted(set(words)) and all(w == w.lower() and w.strip() == w and w for w in words), name
    pairs = _lines("variants.txt")
    assert pairs == sorted(set(pairs))
    assert all(re.fullmatch(r"[a-z']+ [a-z']+", p) and p.split()[0] != p.split()[1] for p in pairs)


def test_lookups() -> None:
    assert misspellings.fixes("Recieve") == ["Receive"] and misspellings.fixes("TEH") == ["THE"]
    assert misspellings.fixes("receive") == [] and misspellings.fixes("alot") == ["a lot"]
    assert dictionary.rank("the") == 0 and dictionary.rank("sturd") is None
    assert suggest.suggestions("sturd")[0] == "sturdy" and suggest.suggestions("doesnt")[0] == "doesn't"
    assert suggest.suggestions("xqzvwk") == []
    assert "posterior" in suggest.suggestions("posterio")
    assert misspellings.variants()[0]["color"] == "colour"


def test_the_dictionary_cache_is_built_once_where_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLOGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    dictionary.reset()
    try:
        assert dictionary.rank("sturdy") is not None
        cached = list((tmp_path / "cache").iterdir())
        assert [p.name for p in cached] == [f"english-{dictionary.data_stamp(*dictionary._DATA)}.tsv"]
        dictionary.reset()
        cached[0].write_text("aaa\t0\nsturd\t1", encoding="utf-8")  # the cache is what is read next time
        assert dictionary.rank("sturd") == 1
    finally:
        dictionary.reset()


@pytest.mark.parametrize("data", ["dictionary", "attested"])
def test_an_unwritable_cache_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: str) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BLOGCHECK_CACHE_DIR", str(blocker / "sub"))
    module = {"dictionary": dictionary, "attested": attested}[data]
    module.reset()
    try:
        assert dictionary.rank("sturdy") is not None if data == "dictionary" else attested.zipf("quinoa") >= 2.0
    finally:
        module.reset()


def test_site_usage_is_the_same_searched_or_indexed() -> None:
    from blogcheck.spelling.usage import Usage

    texts = ["The sturd base, sturd's too. Study, study.", "word2vec and a sturdy one", "'sturd in quotes",
             "STURD_x sturd", "studying", "A STUDY of study and Study", "sturdé über-sturd", "naïve café"]
    lazy, eager = Usage(texts), Usage(texts)
    eager.prepare()
    for word in ("sturd", "word", "sturdy", "quotes", "vec", "study", "of", "na", "ve", "caf", "ber"):
        assert lazy.posts(word) == eager.posts(word), word
    assert lazy.posts("sturd") == 3 and lazy.posts("study") == 2


def test_occurrences_counts_whole_words_in_the_three_cases() -> None:
    from blogcheck.spelling.usage import occurrences

    text = "Skore and skore, SKORE; sKore, skores, skore's, 'skore, pre_skore, [skore](x/skore/)"
    assert occurrences(text, "skore") == 6  # not sKore, skores, 'skore or pre_skore
    assert occurrences(text, "Skore") == 6
    assert occurrences(text, "") == 0


def test_many_words_of_one_text_are_counted_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a few look-ups, a post's words are counted in one pass, with the same
    counts as one search each (a generated post with 50,000 unknown words took 37 s)."""
    from blogcheck.spelling import usage

    text = ("Skore and skore, SKORE; sKore, skores, skore's, 'skore, pre_skore, [skore](x/skore/) sync'ed "
            "sync, café Café CAFÉ x2 x2y _x2 " + " ".join(f"wrd{n} Wrd{n}" for n in range(2_000)))
    words = ["skore", "Skore", "sync'ed", "sync", "café", "x2", "y", "'skore", "pre", ""]
    words += [f"wrd{n}" for n in range(2_000)] + ["sync'ed"]
    expected = [usage.occurrences(text, word) for word in words]
    searches = []
    real = usage.occurrences
    monkeypatch.setattr(usage, "occurrences", lambda t, w: searches.append(w) or real(t, w))
    counted = usage.Occurrences(text)
    assert [counted(word) for word in words] == expected
    assert expected[:6] == [6, 6, 1, 2, 3, 1] and expected[-2:] == [2, 1]
    # the first 16 words searched one by one, later only one that is no single run of word characters
    assert searches == [*words[:16], "sync'ed"]


def test_software_words_hide_no_slip_of_a_common_word() -> None:
    """An imported term one slip from a common word (`samaba`, `appointedd`) could hide a
    typo of that word: bench/spelling/build_software_words.py leaves such terms out, and
    words the English list or tech_words.txt already have."""
    from blogcheck.spelling.speller import _slip_of_common

    words = _lines("software_words.txt")
    assert len(words) > 2_000
    tech = set(_lines("tech_words.txt"))
    assert [w for w in words if _slip_of_common(w) or dictionary.rank(w) is not None or w in tech] == []
