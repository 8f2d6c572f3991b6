"""`blogcheck words`: the site's unknown words, and `--add`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from blogcheck.cli import main

SITE = Path(__file__).resolve().parent / "site"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    (copy / "_posts" / "2024-03-08-more.md").write_text(
        "---\ntitle: More\n---\n\nThe embetter and embetter tool, a sturd recieve. Tabula too.\n", encoding="utf-8")
    monkeypatch.chdir(copy)
    return copy


def test_lists_unknown_words_by_count_with_first_place(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["words"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["     2  embetter  _posts/2024-03-08-more.md:5:5  (embitter?)",
                         "     2  sturd  _posts/2024-03-06-seeded.md:6:23  (sturdy?)"]
    assert "recieve" not in "\n".join(lines)  # a known misspelling is an error, not jargon
    assert lines[-1].startswith(f"{len(lines) - 1} unknown words")


def test_posts_whose_unknown_words_are_ignored_list_none(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "blogcheck.toml").write_text('[per_file_ignores]\n"*-more.md" = ["BC402"]\n', encoding="utf-8")
    assert main(["words"]) == 0
    out = capsys.readouterr().out
    assert "embetter" not in out and "     1  sturd  _posts/2024-03-06-seeded.md:6:23  (sturdy?)" in out


def test_a_line_silenced_inline_lists_no_words(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    more = site / "_posts" / "2024-03-08-more.md"
    more.write_text(more.read_text(encoding="utf-8").rstrip("\n") + " <!-- blogcheck: ignore BC402 -->\n",
                    encoding="utf-8")
    assert main(["words"]) == 0
    out = capsys.readouterr().out
    assert "embetter" not in out and "     1  sturd  _posts/2024-03-06-seeded.md:6:23  (sturdy?)" in out


def test_a_slip_repeated_in_many_posts_shows_what_it_may_mean(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Three posts with `magnitute`: `check` takes it for the site's jargon; `words`
    lists it with the word it may be a slip for. A word with no near word has none."""
    for day in (10, 11, 12):
        (site / "_posts" / f"2024-03-{day}-m.md").write_text(
            "---\ntitle: M\n---\n\nThe magnitute of the qwzrtxv vector.\n", encoding="utf-8")
    main(["check", "--select", "BC402", "--format", "json", "_posts/2024-03-10-m.md"])
    assert "magnitute" not in capsys.readouterr().out
    assert main(["words"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "     3  magnitute  _posts/2024-03-10-m.md:5:5  (magnitude?)" in lines
    assert "     3  qwzrtxv  _posts/2024-03-10-m.md:5:22" in lines


def test_add_appends_new_words_once(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wordlist = site / ".blogcheck-words.txt"
    wordlist.write_text("# our jargon\nfoo", encoding="utf-8")
    assert main(["words", "--add", "embetter", "Foo", "sturd"]) == 0
    assert "added 2 words" in capsys.readouterr().out
    assert wordlist.read_text(encoding="utf-8") == "# our jargon\nfoo\nembetter\nsturd\n"
    main(["words"])
    out = capsys.readouterr().out
    assert "embetter" not in out and "sturd" not in out


def test_add_refuses_what_is_not_a_word_and_adds_nothing(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wordlist = site / ".blogcheck-words.txt"
    assert main(["words", "--add", "embetter", "two words", "TCP/IP", "#x", "42", "_posts"]) == 2
    err = capsys.readouterr().err
    assert "'two words' (a space or a control character: one word a line)" in err
    assert "'42' (no letter)" in err and "'#x'" in err
    assert "'TCP/IP'" in err and "'_posts' (a post or folder here: paths go before --add)" in err
    assert "embetter" not in err and not wordlist.exists()


def test_add_takes_the_name_of_a_file_that_is_no_post(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`Gemfile` is jargon, and a Jekyll site has one: only a post or a folder is taken for a path."""
    (site / "Gemfile").write_text("source 'https://rubygems.org'\n")
    assert main(["words", "--add", "Gemfile"]) == 0
    assert (site / ".blogcheck-words.txt").read_text() == "Gemfile\n"
    (site / "notes.md").write_text("---\ntitle: n\n---\n")  # a post written after --add: a path
    assert main(["words", "--add", "notes.md"]) == 2
    assert "'notes.md' (a post or folder here: paths go before --add)" in capsys.readouterr().err


def test_bad_config_is_a_usage_error(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "blogcheck.toml").write_text('[spelling]\nunknown = "every"\n', encoding="utf-8")
    assert main(["words"]) == 2 and "unknown must be one of" in capsys.readouterr().err


def test_add_keeps_the_word_list_clean(tmp_path: Path) -> None:
    from blogcheck.spelling.wordlist import NotUtf8, append, project_words

    path = tmp_path / ".blogcheck-words.txt"
    path.write_bytes("caf\u00e9\n".encode())
    added = append(path, ["Foo", "foo", "two words", "#hash", "", "a#b", "x\ny", " word2vec ", "Caf\u00e9"])
    assert sorted(added, key=str.lower) == ["Foo", "word2vec"]
    assert {"foo", "word2vec", "caf\u00e9"} <= project_words(path)
    path.write_bytes(b"caf\xe9\n")  # not UTF-8: refused, never a crash nor a U+FFFD written back
    with pytest.raises(NotUtf8, match="byte 0xe9 on line 1"):
        append(path, ["bar"])
    assert path.read_bytes() == b"caf\xe9\n"
