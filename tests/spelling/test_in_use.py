"""Words in no dictionary that English text uses (wordfreq, `[spelling] min_zipf`) are
not unknown words; real slips still are, and known misspellings always are."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.spelling import attested, dictionary
from blogcheck.spelling.wordlist import tech_words

# pyspellchecker and the technical vocabulary know none of these, English text uses them
# all (`matchy` the least); `sturd` is a slip.
USED = ("graphene", "quinoa", "barista", "matchy")
TEXT = "I read about graphene and quinoa: a sturd barista in matchy clothes. Recieve it.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_config.yml").write_text("title: Test\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-03-06-post.md").write_text(f"---\ntitle: A post\n---\n\n{TEXT}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _words(capsys: pytest.CaptureFixture[str], code: str = "spelling") -> list[object]:
    main(["check", "--select", code, "--format", "json", "_posts/2024-03-06-post.md"])
    return [d["word"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_words_english_uses_are_not_unknown(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert all(dictionary.rank(w) is None and w not in tech_words() for w in USED)
    assert _words(capsys) == ["sturd", "Recieve"]  # `recieve` is common too, but a known misspelling


def test_min_zipf_0_turns_it_off(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "blogcheck.toml").write_text("[spelling]\nmin_zipf = 0\n", encoding="utf-8")
    assert _words(capsys, "BC402") == ["graphene", "quinoa", "sturd", "barista", "matchy"]


def test_a_higher_min_zipf_accepts_fewer(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert 2.0 <= attested.zipf("matchy") < 3.0 <= min(attested.zipf(w) for w in USED[:-1])
    (site / "blogcheck.toml").write_text("[spelling]\nmin_zipf = 3\n", encoding="utf-8")
    assert _words(capsys, "BC402") == ["sturd", "matchy"]


@pytest.mark.parametrize("value", ["0.5", "9", '"often"', "true"])
def test_bad_min_zipf_is_a_usage_error(site: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    (site / "blogcheck.toml").write_text(f"[spelling]\nmin_zipf = {value}\n", encoding="utf-8")
    assert main(["check", "--select", "spelling", "_posts/2024-03-06-post.md"]) == 2
    assert "min_zipf" in capsys.readouterr().err


def test_words_command_leaves_them_out(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["words"]) == 0
    listed = [line.split()[1] for line in capsys.readouterr().out.splitlines()[:-1]]
    assert listed == ["sturd"]


def test_the_list_is_cached_once_and_rebuilt_when_not_ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLOGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    attested.reset()
    try:
        assert attested.zipf("barista") >= 3.0 and attested.zipf("sturd") == 0.0
        [cached] = (tmp_path / "cache").iterdir()
        assert cached.name.startswith("wordfreq-en-") and cached.read_text(encoding="utf-8").startswith("# wordfreq")
        header = cached.read_text(encoding="utf-8").split("\n", 1)[0]
        attested.reset()
        cached.write_text(f"{header}\nsturd\t5.0", encoding="utf-8")
        assert attested.zipf("sturd") == 5.0 and attested.zipf("barista") == 0.0  # the cache is what is read...
        attested.reset()
        cached.write_text(f"{header}\nbarista\tmany\nsturd\t5.0", encoding="utf-8")  # damaged after the header
        assert attested.zipf("barista") == 0.0 and attested.zipf("sturd") == 5.0  # the bad line is no word, no crash
        for junk in (b"\xff\xfe binary junk", b"sturd\t5.0", b""):
            attested.reset()
            cached.write_bytes(junk)
            assert attested.zipf("barista") >= 3.0 and attested.zipf("sturd") == 0.0  # ...when it is ours
        assert cached.read_text(encoding="utf-8").startswith("# wordfreq")
    finally:
        attested.reset()


def test_without_wordfreq_no_word_counts_as_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLOGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setitem(sys.modules, "wordfreq", None)  # as if it were not installed: import fails
    attested.reset()
    try:
        assert attested.zipf("barista") == 0.0
        assert not (tmp_path / "cache").exists()  # nothing half-built is kept
    finally:
        attested.reset()


def test_prose_uses_in_other_cases_are_prose_not_names(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "_posts" / "2024-03-07-more.md").write_text(
        "---\ntitle: More\n---\n\n## STURD NOTES\n\nFine words here.\n\nSturd is fine here.\n\n"
        "And then a sturd day.\n", encoding="utf-8")
    for day in range(8, 16):  # eight posts or more: the prefilter decides which paragraphs are read
        (site / "_posts" / f"2024-03-{day:02}-x.md").write_text(f"---\ntitle: Day {day}\n---\n\nA day.\n")
    main(["check", "--select", "BC402", "--format", "json", "_posts"])
    found = [(d["path"], d["word"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert ("_posts/2024-03-07-more.md", "sturd") in found  # upper case and capitalised uses are prose too
