"""The spelling check end to end, through `blogcheck check`, on the fixture site:
seeded typos in prose are found at their exact place; the same words in code,
URLs, Liquid and HTML are not."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from blogcheck.cli import main

SITE = Path(__file__).resolve().parent / "site"
POST = "_posts/2024-03-06-seeded.md"
EXPECTED = [
    (2, 9, "BC401", "Teh", ["The"]),  # front-matter title
    (3, 28, "BC401", "recieve", ["receive"]),  # description
    (6, 23, "BC402", "sturd", ["sturdy", "stud", "turd", "surd"]),  # folded excerpt, second line
    (12, 11, "BC401", "recieve", ["receive"]),  # paragraph
    (12, 36, "BC401", "sentense", ["sentence"]),
    (13, 68, "BC403", "the", ["the"]),  # `the the`
    (16, 23, "BC401", "occurence", ["occurrence"]),  # list item
    (17, 21, "BC401", "definately", ["definitely"]),  # link text, not its URL
    (18, 21, "BC401", "seperate", ["separate"]),  # image alt, not its path or title
    (22, 5, "BC401", "tabel", ["table"]),  # table cell, not the code cell
    (37, 7, "BC401", "recieve", ["receive"]),  # text of an HTML block: not its attributes, code or comment
    (44, 116, "BC401", "occurence", ["occurrence"]),  # after inline <code> and <kbd>, whose text is not prose
]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    monkeypatch.chdir(copy)
    return copy


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", "--select", "spelling", "--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)["diagnostics"]


def _found(diags: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(d["line"], d["column"], d["code"], d["word"], d.get("suggestions")) for d in diags]


def test_seeded_typos_are_found_in_prose_only(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, diags = _json(capsys, POST)
    assert _found(diags) == EXPECTED
    assert code == 1  # BC401 is an error
    assert all(d["severity"] == ("error" if d["code"] == "BC401" else "warning") for d in diags)
    assert diags[0]["fix"] == [[2, 9, "Teh", "The"]] and "fix" not in diags[2]


def test_text_report_shows_the_best_suggestion(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--select", "BC402", POST])
    out = capsys.readouterr().out
    assert f"{POST}:6:23: BC402 unknown word `sturd`\n    hint: did you mean `sturdy`?" in out


def test_word_list_post_list_and_inline_suppression(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / ".blogcheck-words.txt").write_text("# jargon\nSturd\n", encoding="utf-8")
    post = site / POST
    text = post.read_text(encoding="utf-8").replace("categories: [nlp]", "categories: [nlp]\nspelling_ignore: [tabel]")
    text = text.replace("the the first step.", "the the first step. <!-- blogcheck: ignore BC403 -->")
    post.write_text(text, encoding="utf-8")
    _, diags = _json(capsys, POST)
    assert {d["word"] for d in diags} == {"Teh", "recieve", "sentense", "occurence", "definately", "seperate"}


def test_a_misnamed_word_list_and_an_odd_spelling_ignore_are_said(site: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A `wordlist` the config names that is not there accepted nothing in silence, and a
    `spelling_ignore: 42` was dropped in silence (spelling audit)."""
    (site / "blogcheck.toml").write_text('[spelling]\nwordlist = "word.txt"\n', encoding="utf-8")
    (site / "words.txt").write_text("sturd\n", encoding="utf-8")
    post = site / POST
    post.write_text(post.read_text(encoding="utf-8").replace("categories: [nlp]", "categories: [nlp]\n"
                                                             "spelling_ignore: 42"), encoding="utf-8")
    main(["check", "--select", "spelling,frontmatter", POST])
    out = capsys.readouterr().out
    assert "note: the word list word.txt named by `[spelling] wordlist` is not there" in out
    assert "BC110 `spelling_ignore` must be a string, a list of strings or numbers or null, not 42" in out


def test_severity_per_code_from_config(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "blogcheck.toml").write_text('[severity]\nBC401 = "warning"\n', encoding="utf-8")
    code, diags = _json(capsys, POST)
    assert code == 0 and {d["severity"] for d in diags} == {"warning"}


@pytest.mark.parametrize(("language", "text", "word", "suggestion"), [
    ("en-US", "The colour of the centre.", "colour", "color"),
    ("en-GB", "The color of the center.", "color", "colour"),
])
def test_language_picks_one_spelling(site: Path, capsys: pytest.CaptureFixture[str], language: str, text: str,
                                     word: str, suggestion: str) -> None:
    post = site / "_posts" / "2024-03-07-variant.md"
    post.write_text(f"---\ntitle: Variant\n---\n\n{text}\n", encoding="utf-8")
    _, diags = _json(capsys, str(post.relative_to(site)))
    assert diags == []  # "en", the default, accepts both
    (site / "blogcheck.toml").write_text(f'[spelling]\nlanguage = "{language}"\n', encoding="utf-8")
    _, diags = _json(capsys, str(post.relative_to(site)))
    assert [(d["word"], d["suggestions"]) for d in diags][:1] == [(word, [suggestion])]


def test_site_usage_is_evidence_but_not_for_known_misspellings(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for day in (10, 11, 12):
        (site / "_posts" / f"2024-03-{day}-x.md").write_text(
            f"---\ntitle: Day {day}\n---\n\nThe sturd recieve of day {day}.\n", encoding="utf-8")
    _, diags = _json(capsys, "_posts/2024-03-10-x.md")
    assert [d["word"] for d in diags] == ["recieve"]  # three posts use `sturd`: jargon
    (site / "blogcheck.toml").write_text("[spelling]\nmin_site_usage = 0\n", encoding="utf-8")
    _, diags = _json(capsys, "_posts/2024-03-10-x.md")
    assert [d["word"] for d in diags] == ["sturd", "recieve"]


def test_the_second_half_of_a_word_broken_by_a_print_hyphen_is_no_finding(site: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Text copied from a book keeps its line-end hyphens (`environ\u2010` / `ment`): the
    half on the next line is no misspelling of `meant`, and --fix must not make it one.
    The same word anywhere else, and after a plain line end, is still a finding."""
    post = site / "_posts" / "2024-03-08-book.md"
    text = ("---\ntitle: Book notes\n---\n\nScaling down saves money in a cloud environ\u2010\n"
            "ment. Modern systems scale to zero.\n\nThe require\u00ad\nments come first.\n\n"
            "I ment it, and\nment it again.\n")
    post.write_text(text, encoding="utf-8")
    name = str(post.relative_to(site))
    _, diags = _json(capsys, name)
    assert [(d["line"], d["word"]) for d in diags] == [(11, "ment"), (12, "ment")]
    assert main(["check", "--select", "spelling", "--fix", name]) == 0
    assert post.read_text(encoding="utf-8") == text.replace("I ment it, and\nment", "I meant it, and\nmeant")

def test_a_line_of_made_up_words_is_no_english_prose(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A model's generated names (the seed blog's Pokemon list): a span of three words
    or more, at most a third of them English, reports no unknown word; in an English
    sentence the same word is a finding, and a known misspelling is one anywhere."""
    post = site / "_posts" / "2024-03-09-names.md"
    post.write_text("---\ntitle: Generated names\n---\n\n* libico abesawing cabezllish\n"
                    "* koffing charmer roserire\n* xutdi recieve toldan\n\n"
                    "The model wrote libico for a name.\n\nherdeer tornu\n", encoding="utf-8")
    _, diags = _json(capsys, str(post.relative_to(site)))
    assert [(d["line"], d["code"], d["word"]) for d in diags] == [
        (7, "BC401", "recieve"), (9, "BC402", "libico"), (11, "BC402", "herdeer"), (11, "BC402", "tornu")]

@pytest.mark.parametrize("table", ['language = "fr"', 'unknown = "some"', "max_distance = 3", "langauge = 1",
                                   "min_site_usage = true", 'wordlist = " "'])  # (the site's folder: no list)
def test_bad_settings_are_usage_errors(site: Path, capsys: pytest.CaptureFixture[str], table: str) -> None:
    (site / "blogcheck.toml").write_text(f"[spelling]\n{table}\n", encoding="utf-8")
    assert main(["check", "--select", "spelling", POST]) == 2
    assert "spelling" in capsys.readouterr().err


def test_unselected_spelling_does_no_work(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "blogcheck.toml").write_text('[spelling]\nlanguage = "fr"\n', encoding="utf-8")
    assert main(["check", "--ignore", "spelling", POST]) != 2  # the bad setting is never read
    assert "spelling" not in capsys.readouterr().err


def test_odd_posts_do_not_crash(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = {
        "2024-03-20-empty-body.md": "---\ntitle: Only a title\n---\n",
        "2024-03-21-escapes.md": "---\ntitle: x\n---\n\nAn \\*escaped\\* recieve &amp; entity.\n",
        "2024-03-22-unclosed.md": "---\ntitle: x\n---\n\n```\nrecieve {% raw %} {{ unclosed\n",
        "2024-03-23-crlf.md": "---\r\ntitle: Teh\r\n---\r\n\r\nA recieve line.\r\n",
        "2024-03-24-title-list.md": "---\ntitle: [a, b]\nexcerpt: 3\n---\n\n| a |\n|---|\n| recieve |\n",
    }
    for name, text in odd.items():
        (site / "_posts" / name).write_text(text, encoding="utf-8")
    (site / "_posts" / "2024-03-25-binary.md").write_bytes(b"\0\1\2")
    code, diags = _json(capsys, "_posts")
    words = {(Path(str(d["path"])).name, d["line"], d["column"], d["word"]) for d in diags if d["code"] != "BC100"}
    assert ("2024-03-21-escapes.md", 5, 16, "recieve") in words
    assert ("2024-03-23-crlf.md", 2, 8, "Teh") in words and ("2024-03-23-crlf.md", 5, 3, "recieve") in words
    assert ("2024-03-24-title-list.md", 8, 3, "recieve") in words
    assert not any(w[0] == "2024-03-22-unclosed.md" for w in words)
    assert code == 1


def test_prefilter_changes_no_finding() -> None:
    """Runs of many posts read each file's words first and parse only where a candidate
    is; one-post runs parse everything. Both must find the same."""
    from blogcheck.checks import Context
    from blogcheck.checks.spelling import check_post, speller_for
    from blogcheck.config import Config
    from blogcheck.jekyll.site import load_site
    from blogcheck.post import Post, load

    site = load_site(SITE)
    posts = [p for p in (load(f, f.name, site, 10**6) for f in sorted((SITE / "_posts").glob("*.md")))
             if isinstance(p, Post)]
    found = {}
    for prefilter in (True, False):
        speller = speller_for(Context(site, Config(), posts))
        found[prefilter] = [d for p in posts for d in check_post(p, speller, prefilter)]
    assert found[True] == found[False] and len(found[True]) == len(EXPECTED)


def test_prefilter_keeps_repeats_across_a_line_break(tmp_path: Path) -> None:
    from blogcheck.checks import Context
    from blogcheck.checks.spelling import check_post, speller_for
    from blogcheck.config import Config
    from blogcheck.jekyll.site import load_site
    from blogcheck.post import Post, load

    (tmp_path / "_posts").mkdir()
    path = tmp_path / "_posts" / "2024-01-01-p.md"
    path.write_text("---\ntitle: t\n---\n\nA recieve and the\nthe next line, then to to b.\n", encoding="utf-8")
    post = load(path, "p.md", load_site(tmp_path), 10**6)
    assert isinstance(post, Post)
    for prefilter in (True, False):
        speller = speller_for(Context(load_site(tmp_path), Config(), [post]))
        found = [(d.line, d.column, d.code) for d in check_post(post, speller, prefilter)]
        assert found == [(5, 3, "BC401"), (6, 1, "BC403"), (6, 24, "BC403")], prefilter


def test_pathological_posts_take_linear_time(tmp_path: Path) -> None:
    """Unclosed Liquid by the thousand, one huge line, long runs of punctuation: no
    regex here may go quadratic (`recieve&amp;x` took 24 s when each chunk was scanned
    from the start of its line). Measured as growth with the post's size (scaling.py)."""
    from scaling import assert_linear

    from blogcheck.checks import Context
    from blogcheck.checks.spelling import check_post, speller_for
    from blogcheck.config import Config
    from blogcheck.jekyll.site import load_site
    from blogcheck.post import Post, load

    (tmp_path / "_posts").mkdir()
    bodies: list[tuple[Callable[[int], str], int]] = [  # (the body for a size, a size of tens of ms)
        (lambda n: "{% raw %} x " * n, 20_000), (lambda n: "{% x {{ y {: z $$ w " * n, 12_000),
        (lambda n: "recieve, " * n, 2_500), (lambda n: "a/b " * n + "." * 2 * n + " sturd", 2_500),
        (lambda n: "| a " * n + "|\n|---|\n", 40_000), (lambda n: "ab" * n, 150_000),
        (lambda n: "recieve&amp;x " * n, 1_000)]
    site = load_site(tmp_path)
    for number, (body, size) in enumerate(bodies):
        def work_at(size: int, number: int = number, body: Callable[[int], str] = body) -> Callable[[], object]:
            path = tmp_path / "_posts" / f"2024-01-0{number + 1}-p.md"
            path.write_text(f"---\ntitle: t\n---\n\n{body(size)}\n", encoding="utf-8")
            post = load(path, path.name, site, 10**8)
            assert isinstance(post, Post)
            found: list[object] = []
            return lambda: found.extend(check_post(post, speller_for(Context(site, Config(), [post])), True))

        assert_linear(work_at, size, number)
    path = tmp_path / "_posts" / "2024-01-03-p.md"
    path.write_text(f"---\ntitle: t\n---\n\n{bodies[2][0](3_000)}\n", encoding="utf-8")
    post = load(path, path.name, site, 10**8)
    assert isinstance(post, Post)
    assert len(list(check_post(post, speller_for(Context(site, Config(), [post])), True))) == 3_000


def test_select_bc401_skips_unknown_word_work(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--select BC401` (codespell's job) finds the same known misspellings, and the
    speller never judges unknown words (no site-usage index, no near-word search)."""
    from blogcheck.checks import Context
    from blogcheck.checks.spelling import speller_for
    from blogcheck.config import Config
    from blogcheck.jekyll.site import load_site

    _, every = _json(capsys)
    main(["check", "--select", "BC401", "--format", "json"])
    only = json.loads(capsys.readouterr().out)["diagnostics"]
    assert only == [d for d in every if d["code"] == "BC401"] and len(only) == 10
    narrow = speller_for(Context(load_site(site), Config(select=("BC401",)), []))
    wide = speller_for(Context(load_site(site), Config(), []))
    assert not narrow.unknown_words and wide.unknown_words


def test_a_repeat_makes_a_post_worth_parsing_only_when_bc403_is_selected() -> None:
    from blogcheck.spelling.speller import Settings, Speller
    from blogcheck.spelling.usage import Usage

    text = "We went to the the shop.\n"
    assert Speller(Settings(), frozenset(), Usage([])).candidates(text) == {""}  # parse it: BC403 may be there
    assert Speller(Settings(), frozenset(), Usage([]), repeats=False).candidates(text) == set()  # nothing to find


def test_site_usage_counts_every_post_file_and_reads_the_site_only_when_asked(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from blogcheck.checks import Context
    from blogcheck.config import Config
    from blogcheck.jekyll.site import load_site

    for day, front in ((10, "title: A"), (12, "title: [unclosed")):  # the second one's YAML is broken
        (site / "_posts" / f"2024-03-{day}-x.md").write_text(f"---\n{front}\n---\n\nThe sturd day.\n", encoding="utf-8")
    _, diags = _json(capsys, POST)
    assert "sturd" not in [d["word"] for d in diags]  # POST and two more post files use it: three, YAML or not

    asked: list[int] = []
    ctx = Context(load_site(site), Config(), lambda: asked.append(1) or [])
    assert asked == [] and ctx.site_posts == [] and ctx.site_posts == [] and asked == [1]  # read once, when asked


def test_a_slip_of_a_common_word_is_no_compound() -> None:
    """Two common words closed up (`filepath`) are accepted, unless the word is one
    stray or swapped letter from a common word: `studdied` is `studied`, not `stud` +
    `died`; a stray first letter is rarer than a real compound (`coverflow`)."""
    from blogcheck.spelling.speller import Settings, Speller
    from blogcheck.spelling.usage import Usage

    speller = Speller(Settings(), frozenset(), Usage([]))
    assert speller.known("filepath") and speller.known("headroom") and speller.known("coverflow")
    assert not speller.known("studdied") and not speller.known("breakding")


def test_suffix_rules_take_english_inflections_and_not_slips_that_look_like_them() -> None:
    """A doubled letter is among the commonest slips; the suffix rules took it for an
    inflection: `sleepping` (sleep + p + ing), `inventted`, `potatooes`, `studyed`, and `colleaguess`
    (an s on a plural), `choosees` (es after e). English doubles a last consonant after one
    vowel only (`stopped`, `travelled`, `equipped`), which stays known. A tripled consonant
    inside a word is a slip too (`occcupied`), not a word drawn out on purpose (`sooo`)."""
    from blogcheck.spelling.speller import Settings, Speller
    from blogcheck.spelling.usage import Usage

    speller = Speller(Settings(), frozenset(), Usage([]))
    slips = ["sleepping", "inventted", "potatooes", "snatchhed", "colleaguess", "choosees", "occcupied", "confesssed",
             "studyed", "copyed", "replyed"]
    assert [w for w in slips if not speller._unknown(w)] == []
    words = ["stopping", "travelled", "modelling", "equipped", "programmed", "kissed", "classes", "profiled", "played",
             "enjoyed", "studying"]
    assert [w for w in words if not speller.known(w)] == []
    assert not any(speller._unknown(w) for w in ("sooo", "coool", "hmmm", "yesss", "grrreat"))


def test_a_slip_of_accepted_jargon_is_an_unknown_word_with_it_as_suggestion() -> None:
    """`convolutinal`, `htmlwigets`: no English word is one edit away, the technical word
    meant is; five real typos of the corpus were found so (`autoregresive`, `chatbit`). A
    British -ise form of accepted jargon (`discretisation`) and the singular of an accepted
    plural (`builtin`) are words, and short jargon is not compared (too many names)."""
    from blogcheck.spelling.speller import Settings, Speller
    from blogcheck.spelling.usage import Usage

    accepted = frozenset({"convolutional", "htmlwidgets", "discretization", "builtins", "keras"})
    speller = Speller(Settings(), accepted, Usage([]))
    assert speller._unknown("convolutinal") and speller.suggestions("convolutinal")[0] == "convolutional"
    assert speller._unknown("htmlwigets") and "htmlwidgets" in speller.suggestions("htmlwigets")
    assert speller.known("discretisation") and speller.known("builtin")
    assert not speller._unknown("kerass")  # six letters: not compared with the jargon
    american = Speller(Settings(language="en-US"), accepted, Usage([]))
    assert not american.known("discretisation") and american.suggestions("discretisation") == ("discretization",)


def test_an_abbreviation_made_a_verb_is_known() -> None:
    """`ref'ed`, `cc'ing`, `sync'ed` (made-mistakes, Node.js's docs): the stem is a known
    word or an abbreviation of three letters at most; a longer unknown stem is no word."""
    from blogcheck.spelling.speller import Settings, Speller
    from blogcheck.spelling.usage import Usage

    speller = Speller(Settings(), frozenset(), Usage([]))
    assert speller.known("ref'ed") and speller.known("cc'ing") and speller.known("sync'ed")
    assert not speller.known("sturdd'ed") and not speller.known("ref'xy")


def test_software_terms_are_known_and_typos_of_common_words_are_not(site: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The vocabulary from cspell's software dictionaries (data/software_words.txt): words of
    technical writing that no English dictionary has are accepted; slips are still found."""
    post = site / "_posts" / "2024-05-01-terms.md"
    post.write_text("---\ntitle: t\n---\nBig-endian bytes, a property accessor and transpilation; "
                    "the callee is proxied. Then immediateyl, a slip.\n", encoding="utf-8")
    code, diags = _json(capsys, str(post))
    assert [(d["code"], d["word"]) for d in diags] == [("BC402", "immediateyl")]
    assert code == 0


def test_a_word_also_written_in_code_is_a_name_whatever_else_the_prose_writes(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mlops` in prose and in `cd mlops` is a name, not a slip; `MLOps` elsewhere in the
    prose is another way of writing, not a prose use of `mlops` that outweighs the code's
    (a one-post run counted it so and reported `mlops`, a run of many posts did not)."""
    post = site / "_posts" / "2024-05-01-ops.md"
    post.write_text("---\ntitle: Ops\n---\nMLOps is great.\n\nLearn mlops basics.\n\n```sh\ncd mlops\n```\n",
                    encoding="utf-8")
    _, diags = _json(capsys, str(post))
    assert [d["word"] for d in diags] == []


def test_a_big_post_alone_is_read_word_by_word_before_it_is_parsed(
        site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A pre-commit run of one post parsed all its Markdown; a 250 KB post of odd Markdown
    took 4.8 s for spelling alone (a speed study). Over 100,000 characters the post's
    words are read first, as in a run of many posts: with no possible finding, no parse."""
    import blogcheck.checks.spelling as spelling_check

    def parsed(*args: object, **kwargs: object) -> None:
        raise AssertionError("the post was parsed")

    post = site / "_posts" / "2024-05-02-big.md"
    post.write_text("---\ntitle: Big\n---\n" + "Words we know well. ![a](\n" * 6000, encoding="utf-8")
    monkeypatch.setattr(spelling_check, "prose_words", parsed)
    assert main(["check", "--select", "spelling", str(post)]) == 0
    post.write_text("---\ntitle: Big\n---\n" + "Words we know well.\n" * 10, encoding="utf-8")  # small: parsed
    with pytest.raises(AssertionError, match="parsed"):
        main(["check", "--select", "spelling", str(post)])
    capsys.readouterr()
