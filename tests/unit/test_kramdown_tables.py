"""The tables kramdown makes of a post, and the GFM tables it does not, as
`jekyll/kramdown_tables` reads them. Each expectation was judged by kramdown 2.4
itself (the Ruby of the `jekyll` package); tests/integrations/test_kramdown_tables.py
asks it again for these texts, every corpus post and thousands of generated ones."""

from __future__ import annotations

import pytest

from blogcheck.jekyll.kramdown_blocks import Lines
from blogcheck.jekyll.kramdown_tables import Table, Unrendered
from blogcheck.jekyll.kramdown_tables import read as read_tables
from blogcheck.parse.markdown import tokens_where


def read(body: str) -> tuple[list[Table], list[Unrendered]]:
    lines = Lines.of(body)
    stream = tokens_where(lines.rendered, lambda stream, index: False)
    return read_tables(lines.with_html(stream), stream)


# body -> 1-based first lines of the tables kramdown makes
TABLES = {
    "P(Y|X) is the posterior.\n": [1],
    "The posterior P(Y|X) is big.\n\nAnd p(a|b) too.\n": [1, 3],
    "Line one\nP(Y|X) on line two\n": [],  # the first line holds no pipe
    "a|b on one line\nnone on the next\n": [],  # every line must hold one
    "# Head\nP(Y|X)\n": [],  # no blank line after the heading
    "# Head\n\nP(Y|X)\n": [3],
    "Use `a|b` in code\n": [],
    "Escaped P(Y\\|X)\n": [],
    "Inside <span>a|b</span> HTML\n": [],
    "Inside a <!--|--> comment\n": [1],  # a comment is no element to the table parser: its pipe splits
    "- item P(Y|X)\n- next\n": [1],
    "- a|b\n- c|d\n": [1, 2],
    # A nested list right under an item's first lines ends them (list.rb splits the item): Node.js's API docs
    "* `options` {Object|string}\n  * `encoding` {string}\n": [1],
    "- a|b\n  - c|d\n    - e\n": [1, 2],
    "* a|b\n  c|d\n  * e\n": [1],
    "* x|y\n1. a|b\n": [1],  # not indented: a lazy line of the item, no nested list
    "* a|b\n  c\n": [],
    "- x\n\n  a|b\n  * c\n": [],  # not the item's first lines
    "> quote P(Y|X)\n": [1],
    "$$P(Y|X)$$\n": [],  # block math comes first
    "$$P(Y|X)$$ and more\n": [1],
    "{{ page.title | upcase }} in Liquid\n": [],
    "{% if a %}\nP(Y|X)\n{% endif %}\n": [2],  # a line of control tags is blank once rendered
    "<details>\n<summary>s</summary>\n\nP(Y|X)\n\n</details>\n": [],  # kramdown keeps the element's raw HTML
    "| a | b |\n| 1 | 2 |\n": [1],
    "| a | b |\n|---|---|\n| 1 | 2 |\n": [1],
    "Text:\n| a | b |\n|---|---|\n| 1 | 2 |\n": [],
    "- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n": [3],
    # kramdown's comments: a block (each tag alone on its line) is an HTML comment; in a
    # paragraph, the table parser reads the comment's pipes first
    "{::comment}\na | b\n{:/comment}\n": [],
    "   {::comment}  \na | b\n  {:/}\n": [],
    "{::comment} x\ny | z\n{:/}\n": [],
    "End {::comment}a | b{:/} here.\n": [1],
    "   {::comment}a | b{:/}\n": [1],
}


@pytest.mark.parametrize("body", TABLES)
def test_tables_kramdown_makes(body: str) -> None:
    made, _ = read(body)
    assert [t.first + 1 for t in made] == TABLES[body]


def test_lines_after_an_attribute_list_are_left_alone() -> None:
    """kramdown takes `{: .note}` as a boundary after a blank line and as the attribute
    list of the block above otherwise; blogcheck does not replay which, so it judges
    nothing up to the next blank line (kramdown makes a table of line 2 here)."""
    assert read("{: .note}\nP(Y|X)\n") == ([], [])
    assert [t.first for t in read("{: .note}\nP(Y|X)\n\nP(Y|X)\n")[0]] == [3]


def test_a_paragraph_table_is_neither_shown_nor_meant_and_its_pipes_are_placed() -> None:
    (table,) = read("x\n\nthe P(Y|X) and <|eos|> and `a|b`\n")[0]
    assert (table.first, table.stop, table.shown, table.meant, table.escapable) == (2, 3, False, False, True)
    assert table.pipes == {2: [7, 16, 20]}  # the one in code splits no cell


def test_a_pipe_in_an_html_comment_is_placed() -> None:
    """kramdown splits `a <!--|--> b` into two cells, `a <!--` and `--> b`; a property test found the
    pipe was not placed, and the check failed on `{{<!--|-->`."""
    (table,) = read("a <!--|--> b\n")[0]
    assert table.pipes == {0: [6]} and table.escapable
    (table,) = read("{{<!--|-->")[0]
    assert table.pipes == {0: [6]}


@pytest.mark.parametrize(("body", "shown", "meant"), [
    ("| a | b |\n| 1 | 2 |\n", False, True),  # a kramdown table with no separator: meant
    ("a | b\n--- | ---\n1 | 2\n", True, True),  # the preview's table too
    ("P(Y|X) is it\n", False, False),
])
def test_shown_and_meant(body: str, shown: bool, meant: bool) -> None:
    (table,) = read(body)[0]
    assert (table.shown, table.meant) == (shown, meant)


@pytest.mark.parametrize("body", ["$$P(Y|X)$$ and more\n", "see <https://a.b/c|d> here\n"])
def test_pipes_in_math_or_an_autolink_cannot_be_escaped(body: str) -> None:
    (table,) = read(body)[0]
    assert not table.escapable


@pytest.mark.parametrize(("body", "expected"), [
    ("Text:\n| a | b |\n|---|---|\n| 1 | 2 |\n", [Unrendered(1, True, None, False)]),
    ("# Head\n| a | b |\n|---|---|\n| 1 | 2 |\n", [Unrendered(1, True, None, False)]),
    ("| a | b |\n|---|---|\n| 1 | 2 |\nmore text\n", [Unrendered(0, False, 3, False)]),
    ("| a | b |\n|---|---|\n", [Unrendered(0, False, None, True)]),
    ("\n| a | b |\n|---|---|\n| 1 | 2 |\n\ntext\n", []),
    ("> Text:\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n", [Unrendered(1, True, None, False)]),
    ("{% include x.html %}\n| a | b |\n|---|---|\n| 1 | 2 |\n", []),  # the include could end in anything
    ("{% if a %}\n| a | b |\n|---|---|\n| 1 | 2 |\n{% endif %}\n", []),
])
def test_gfm_tables_kramdown_shows_as_text(body: str, expected: list[Unrendered]) -> None:
    assert read(body)[1] == expected


def test_crlf_lines_read_as_lf() -> None:
    lf = read("Text:\n| a | b |\n|---|---|\n| 1 | 2 |\n\nP(Y|X)\n")
    crlf = read("Text:\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n\r\nP(Y|X)\r\n")
    assert crlf == lf and [t.first for t in lf[0]] == [5]


@pytest.mark.parametrize("size", [2_000, 20_000])
def test_many_pipes_and_lines_stay_linear(size: int) -> None:
    """Hostile input: thousands of one-line paragraphs with pipes, and one line of
    pipes; each table is read once."""
    made, _ = read("a|b\n\n" * size)
    assert len(made) == size
    (one,) = read("|" * size * 10 + " x\n")[0]
    assert one.meant


def test_hostile_tables_separators_and_math_stay_linear() -> None:
    """Thousands of GFM tables, one table of thousands of separator lines, and
    thousands of `$$` paragraphs that never close: each read in one pass."""
    made, as_text = read("| a | b |\n|---|---|\n| 1 | 2 |\n\n" * 3_000)
    assert len(made) == 3_000 and as_text == []
    (table,) = read("| a | b |\n" + "|---|---|\n" * 20_000 + "| 1 | 2 |\n")[0]
    assert table.stop == 20_002
    assert len(read("$$ a|b\n\n" * 5_000)[0]) == 5_000
