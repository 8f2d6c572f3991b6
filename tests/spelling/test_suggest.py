"""How suggestions are ranked: the slip, how common the word is, and the site's own
usage; a space left out (`itcan`) or put in (`Never theless`). The corpus-wide figures
are in test_corpus_precision.py; these pin each rule on its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.spelling import suggest


def _used(*words: str, posts: int = 12) -> suggest.Usage:
    return lambda word: posts if word in words else 0


def test_a_common_word_beats_a_rare_one_at_the_same_distance() -> None:
    # remount is one letter left out (the likelier slip), amount one letter wrong but 200 times as common
    assert suggest.suggestions("emount")[0] == "amount"


def test_the_sites_own_words_come_first() -> None:
    assert suggest.suggestions("matries")[0] == "marries"
    assert suggest.suggestions("matries", usage=_used("matrices"))[0] == "matrices"


def test_a_space_left_out_between_common_words() -> None:
    assert suggest.suggestions("itcan")[0] == "it can"
    assert suggest.suggestions("adecision")[0] == "a decision"
    # both words must be common and one of them among the commonest: no `ma tries`, no `serve rd`
    assert not any(" " in s for s in suggest.suggestions("matries") + suggest.suggestions("serverd"))


def test_the_site_usage_of_a_split_is_its_rarer_word() -> None:
    assert suggest.suggestions("itcan", usage=_used("incan", "it", posts=1000))[0] == "incan"
    assert suggest.suggestions("itcan", usage=_used("incan", "it", "can", posts=1000))[0] == "it can"


def test_known_fixes_keep_their_order_unless_the_site_uses_a_later_one() -> None:
    assert suggest.order(["gauze", "gauss"], _used()) == ["gauze", "gauss"]
    assert suggest.order(["gauze", "gauss"], _used("gauss", posts=5)) == ["gauss", "gauze"]
    assert suggest.order(["gauze", "gauss"], _used("gauss", posts=1)) == ["gauze", "gauss"]  # not enough


def test_a_space_put_in_joins_the_word_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    post = tmp_path / "_posts" / "2024-05-01-meetup.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: Meetup\n---\nNever theless, I am glad I a ttended the meetup.\n"
                    "The ttended thing, and never. Theless again.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--select", "BC402", "--format", "json", str(post.relative_to(tmp_path))])
    diags = json.loads(capsys.readouterr().out)["diagnostics"]
    found = [(d["line"], d["word"], d["suggestions"][0]) for d in diags]
    assert diags[1]["suggestions"].count("attended") == 1  # also one edit from `ttended`: listed once
    # only with nothing but a space between, and only when the two make a word (`Thettended` does not)
    assert found == [(4, "theless", "Nevertheless"), (4, "ttended", "attended"), (5, "ttended", "tended")]
    main(["check", "--select", "BC402", str(post.relative_to(tmp_path))])
    assert "did you mean `Nevertheless` (`Never theless` as one word)?" in capsys.readouterr().out
