"""The smart tokenizer: what counts as a word to check."""

from __future__ import annotations

from pathlib import Path

import pytest
from spelling_support import codes_in_child

from blogcheck.spelling.tokens import checkable, last_word, name_heavy, words


def _checked(text: str) -> list[str]:
    return [w.text for w in words(text) if w.checkable]


@pytest.mark.parametrize("text", [
    "CS224N word2vec seq2seq GPT-4o",  # digits
    "LLMs RNNs NLP API's",  # acronyms and their plurals
    "GitHub iPhone camelCase McDonald",  # inner capitals
    "snake_case my_var __init__",  # identifiers
    "https://example.com/recieve www.recieve.org ftp://x/y",  # URLs
    "me@recieve.com @recieve",  # an address, a mention
    "src/recieve.py index.html e.g. i.e. Node.js",  # paths, file names, abbreviations
    "/recieve/seperate recieve/ _posts/recieve ../recieve a/recieve/2",  # paths: a slash not between letters
    "3f2a9c0d1e 123e4567-e89b-12d3-a456-426614174000",  # hashes and UUIDs
    ":) ^^ :D xD XD :-( ;)",  # emoticons
    "#recieve $recieve x=recieve <recieve> {recieve} [recieve]",  # markup and code
    "recieve(x) f(recieve) R(adiant) plt.plot(recieve, Maths(seperate))",  # calls and word play glued to `(`
    "-fdata-recieve --recieve-sections (--recieve) [-recieve]",  # command-line options
])
def test_not_prose_is_never_checked(text: str) -> None:
    assert _checked(text) == []


def test_plain_words_possessives_contractions_and_compounds() -> None:
    assert _checked("Manning's lecture didn\u2019t sturd state-of-the-art pre-trained mis-spelt") == [
        "Manning", "lecture", "didn\u2019t", "sturd", "state", "of", "the", "art", "trained", "spelt"]


def test_a_word_in_capitals_is_read_an_acronym_is_not() -> None:
    """`RECIEVE` is a known misspelling, shouted (codespell reports it); `EHR`, `NLP` and
    `NCE` are acronyms. Five letters and more read as a word; only a known misspelling is
    reported of such a word (never as an unknown word: a long acronym is no slip)."""
    assert _checked("THE RECIEVE STEP and TEH END and SEPERATE, NASDAQ") == [
        "RECIEVE", "and", "and", "SEPERATE", "NASDAQ"]


def test_positions_are_offsets_in_the_span() -> None:
    found = {w.text: w.start for w in words("So  the sturd base")}
    assert found == {"So": 0, "the": 4, "sturd": 8, "base": 14}


def test_sentence_starts_and_names() -> None:
    found = {w.text: w for w in words("thanks to Chris Manning. Today he spoke")}
    assert found["thanks"].initial and found["Today"].initial and not found["Chris"].initial
    assert found["Chris"].next_capitalised and found["Manning"].by_name
    assert not found["spoke"].by_name


def test_repeated_only_twice_and_with_space_only() -> None:
    assert [w.text for w in words("was the the first, the. The end") if w.repeated] == ["the"]
    assert [w.text for w in words("the final final final cut") if w.repeated] == []
    assert [w.text for w in words("the cut", previous="the") if w.repeated] == ["the"]
    # one letter: `a a` and `I I` are slips too (the corpus has `about a a large-scale`); `x x` is no word
    assert [w.text for w in words("We ran a a test and I I was wrong, x x.") if w.repeated] == ["a", "I"]


def test_words_known_fine_are_skipped_unless_repeated() -> None:
    assert [w.text for w in words("the cat the the dog", fine={"the", "cat"})] == ["the", "dog"]


def test_a_plural_in_parentheses_is_prose() -> None:
    assert _checked("the recieve(s) and varable(es) (sturd)") == ["the", "recieve", "and", "varable", "es", "sturd"]


def test_words_joined_by_a_slash_are_prose() -> None:
    """`input/recieve`, `read/wirte`: 894 such pairs in the corpus's prose were skipped as
    paths (one held a typo, `mports/depends`); a slash between two letters is prose."""
    assert _checked("the input/recieve switch, read/wirte and/or (client/sevrer)") == [
        "the", "input", "recieve", "switch", "read", "wirte", "and", "or", "client", "sevrer"]


def test_a_full_stop_without_its_space_is_prose() -> None:
    """`the recieve.Then` is a sentence whose space was left out, not a file name; `e.g.`,
    `Node.js`, initials (`J.Smith`) and a version (`v1.Two`) stay out."""
    assert _checked("We saw the recieve.Then we left, e.g. with Node.js, J.Smith and v1.Two") == [
        "We", "saw", "the", "recieve", "Then", "we", "left", "with", "and"]


def test_copied_hyphenation_and_dropped_g_are_not_words() -> None:
    assert _checked("effi\u2010 ciently rockin' good") == ["good"]


def test_helpers() -> None:
    assert checkable("recieve") and checkable("Teh") and not checkable("a") and not checkable("ÉTÉ")
    assert checkable("pneumonoultramicroscopicsilicovolcanoconiosis"[:40]) and not checkable("ab" * 21)
    assert last_word("ends with sturd ") == "sturd" and last_word("ends with a URL http://x") == ""
    assert name_heavy("Parker Moore, Matt Rogers, maul, Anatol Broder, Zach Gersh")
    assert not name_heavy("I went to see Chris Manning talk about the course today")


@pytest.mark.parametrize(("text", "last"), [
    ("ends with sturd ", "sturd"), ("ends with sturd\n\t", "sturd"), ("ends with sturd.", ""), ("x2", ""),
    ("ends with a URL http://x", ""), ("", ""), ("   ", ""), ("snake_case", ""), ("naïve café", "café"),
])
def test_last_word(text: str, last: str) -> None:
    assert last_word(text) == last


def test_a_huge_run_of_letters_is_read_in_linear_time(tmp_path: Path) -> None:
    """A 420 KB "word" (a paste gone wrong) followed by a full stop: the search for the
    span's last word tried every start inside it, in quadratic time (a 140 KB one took
    four minutes, found by a mutation fuzz). A child process with a timeout, so a
    regression fails instead of stopping the suite."""
    body = "Intro " + "recieve" * 60_000 + " end.\nThe the last line.\n"
    assert codes_in_child(tmp_path, body) == ["BC403"]


def test_a_hyphen_inside_or_after_a_word_is_no_option() -> None:
    assert _checked("a state-of-the-art x-ray - then more -- and so") == [
        "state", "of", "the", "art", "ray", "then", "more", "and", "so"]
