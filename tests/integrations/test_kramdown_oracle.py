"""BC603 and BC604 against kramdown itself: `jekyll/kramdown_tables` says where
kramdown makes tables, and kramdown_oracle.rb asks the kramdown that the `jekyll`
package runs. They must agree on every corpus post, on the unit tests' examples,
and nearly always on generated texts built to be awkward; and real Jekyll must
build each reported paragraph as a table, and as text after `check --fix`."""

from __future__ import annotations

import importlib.util
import json
import random
import re
from pathlib import Path

import pytest
from integration_support import built_post, corpus_bodies, one_post_site, page_text
from integration_support import kramdown as _kramdown

from blogcheck.cli import main
from blogcheck.jekyll.kramdown_blocks import Lines
from blogcheck.jekyll.kramdown_tables import Table, read
from blogcheck.parse.markdown import tokens_where

UNIT = Path(__file__).parents[1] / "unit" / "test_kramdown_tables.py"


def _read(text: str) -> tuple[list[Table], set[int], set[int]]:
    """blogcheck's tables, unrendered GFM tables and GFM tables, as 1-based lines."""
    lines = Lines.of(text)
    stream = tokens_where(lines.rendered, lambda stream, index: False)
    made, as_text = read(lines.with_html(stream), stream)
    gfm = {t.map[0] + 1 for t in stream if t.type == "table_open" and t.map}
    return made, {u.first + 1 for u in as_text}, gfm


def _inside(made: list[Table]) -> set[int]:
    return {n + 1 for t in made for n in range(t.first + 1, t.stop)}


def test_the_unit_examples_agree_with_kramdown() -> None:
    spec = importlib.util.spec_from_file_location("unit_kramdown_tables", UNIT)
    assert spec is not None and spec.loader is not None
    unit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(unit)
    cases: dict[str, list[int]] = unit.TABLES
    assert _kramdown(list(cases), "--liquid") == [set(lines) for lines in cases.values()]


def test_every_corpus_post_agrees_with_kramdown(corpus_dir: Path) -> None:
    """Liquid blanked (kramdown sees what Jekyll's Liquid leaves, and the corpus's
    plugin tags cannot run here): the same tables, and the same GFM tables not made."""
    texts = corpus_bodies(corpus_dir)
    assert len(texts) > 1400
    reported = 0
    for text, kramdown in zip(texts, _kramdown(texts), strict=True):
        made, shown_as_text, gfm = _read(text)
        assert {t.first + 1 for t in made} == kramdown, text[:200]
        assert shown_as_text == gfm - kramdown - _inside(made), text[:200]
        reported += sum(1 for t in made if not t.shown and not t.meant)
    assert reported == 24  # all in the seed blog, all P(Y|X), <|eos|> and the like


_FRAGMENTS = ["P(Y|X) is", "plain text", "`a|b` code", "a \\| b", "[x | y](u)", "<|eos|>", "$$P(a|b)$$", "| lead",
              "x | y | z", "a|b", "words here", "`code`", "<span>a|b</span>", "&#124;", "\\\\|", "**b|c**", "|Q|",
              "end |", "``a | b``", "<http://a.b/c|d>", "`a`|`b`", "x|"]
_PREFIXES = ["", "", "", "- ", "1. ", "> ", "  ", "* ", "> - "]
_BLOCKS = [["# Head"], ["## H|b"], ["---"], ["<div>x|y</div>"], ["{: .note}"], ["^"], ["```", "a|b", "```"],
           ["Text line:"], ["<details>", "<summary>s|t</summary>", "", "P(a|b) inside", "", "</details>"],
           ['<div markdown="1">', "", "x | y", "", "</div>"], ["{% if a %}", "a|b", "{% endif %}"],
           ["{{ x | downcase }} z"], ["{% assign b = 1 %}", "a|b"], ["{% raw %}", "a|b", "{% endraw %}"],
           ["{% comment %}a|b{% endcomment %}"]]


def _generated(seed: int, count: int) -> list[str]:
    """Posts of paragraphs, GFM and kramdown tables, code, HTML and Liquid, in lists
    and quotes, with and without blank lines between them."""
    draw = random.Random(seed)

    def block() -> list[str]:
        kind = draw.random()
        if kind < 0.45:
            return [" ".join(draw.choice(_FRAGMENTS) for _ in range(draw.randint(1, 3)))
                    for _ in range(draw.choice([1, 1, 1, 2, 3]))]
        if kind < 0.7:
            return [draw.choice(["| a | b |", "a | b", "| a | b", "|a|b|"]),
                    draw.choice(["|---|---|", "--- | ---", "|:-:|--:|", "| - | - |"]),
                    *(draw.choice(["| 1 | 2 |", "1 | 2", "| `x|y` | 3 |", "text line", "| 3 |"])
                      for _ in range(draw.choice([0, 1, 1, 2])))]
        return list(draw.choice(_BLOCKS))

    texts = []
    for _ in range(count):
        out: list[str] = []
        for _ in range(draw.randint(1, 5)):
            prefix, lines = draw.choice(_PREFIXES), block()
            indent = " " * len(prefix) if prefix[:1] in ("-", "*", "1") else prefix
            out += [prefix + lines[0]] + [(indent if draw.random() < 0.8 else "") + line for line in lines[1:]]
            out += [""] if draw.random() < 0.6 else []
        texts.append("\n".join(out) + "\n")
    return texts


def test_generated_texts_mostly_agree_and_what_is_reported_is_right() -> None:
    """Texts made to be awkward (table rows that start like list items, lazy lines,
    unclosed fences, `{: .x}` lists) find the corners where the preview's blocks and
    kramdown's part; where Liquid or raw HTML leaves a line unknown, blogcheck judges
    nothing near it. Measured 2026-11-26 (seeds 6 and 8): 97 % of the texts without
    Liquid or HTML agree on every table; of about 1,340 reported paragraph tables 0 and
    2 are wrong, of about 320 tables shown as text 0 and 1."""
    texts = _generated(6, 2000)
    plain = agree = reported = wrong = shown = shown_wrong = 0
    for text, kramdown in zip(texts, _kramdown(texts, "--liquid"), strict=True):
        made, shown_as_text, _ = _read(text)
        if "{" not in text and "<d" not in text:
            plain, agree = plain + 1, agree + ({t.first + 1 for t in made} == kramdown)
        paragraphs = {t.first + 1 for t in made if not t.shown and not t.meant}
        reported, wrong = reported + len(paragraphs), wrong + len(paragraphs - kramdown)
        shown, shown_wrong = shown + len(shown_as_text), shown_wrong + len(shown_as_text & kramdown)
    assert plain > 1000 and agree >= 0.95 * plain and reported > 1000 and shown > 250
    assert wrong <= 0.003 * reported and shown_wrong <= 0.005 * shown


def test_after_fix_kramdown_makes_the_reported_tables_no_more_and_the_others_it_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Generated posts through `check --fix`: no table is left where a paragraph was
    reported, and a table stands where one was shown as text."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    texts = [t for t in _generated(7, 800) if "{%" not in t and "{{" not in t]
    for number, text in enumerate(texts):
        (site / "_posts" / f"2024-01-01-p{number}.md").write_text("---\n---\n" + text, encoding="utf-8")
    monkeypatch.chdir(site)
    main(["check", "--select", "BC603,BC604", "--format", "json", "--fix"])  # the table fixes only
    fixed = [d for d in json.loads(capsys.readouterr().out)["diagnostics"] if d["message"].startswith("fixed:")]
    by_post: dict[int, list[dict[str, object]]] = {}
    for diag in fixed:
        by_post.setdefault(int(re.findall(r"p(\d+)\.md", str(diag["path"]))[0]), []).append(diag)
    assert sum(d["code"] == "BC603" for d in fixed) > 200 and sum(d["code"] == "BC604" for d in fixed) > 15
    after = [(site / "_posts" / f"2024-01-01-p{n}.md").read_text(encoding="utf-8")[len("---\n---\n"):]
             for n in sorted(by_post)]
    for text, kramdown, diags in zip(after, _kramdown(after), (by_post[n] for n in sorted(by_post)), strict=True):
        for diag in diags:
            now = int(str(diag["line"])) - 2  # 1-based in the body after the fix (findings move with the fixes)
            assert (now not in kramdown) if diag["code"] == "BC603" else (now in kramdown), (text, diag)


BODY = """In classification we care about P(Y|X).

Tokens such as <|endoftext|> mark the end.

Results:
| model | score |
|---|---|
| a | 0.9 |

{% if page.title %}
The posterior p(theta|x) is hard.
{% endif %}

Kept in code: `a|b`, and {{ page.title | upcase }}.
"""


def test_jekyll_builds_what_is_reported_and_what_fix_makes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", BODY)
    monkeypatch.chdir(site)
    main(["check", "--select", "markup", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["code"], d["line"]) for d in found] == [("BC603", 4), ("BC603", 6), ("BC604", 9), ("BC603", 14)]
    page = built_post(site)
    assert page.count("<table>") == 3 and "| model | score |" in page_text(page)
    assert "<td>In classification we care about P(Y</td>" in page and "<td>The posterior p(theta</td>" in page
    main(["check", "--select", "markup", "--fix"])
    capsys.readouterr()
    page = built_post(site)
    text = page_text(page)
    assert page.count("<table>") == 1 and "<th>model</th>" in page
    assert "P(Y|X)." in text and "<|endoftext|>" in text and "p(theta|x)" in text and "a|b" in text
