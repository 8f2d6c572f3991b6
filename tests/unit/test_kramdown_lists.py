"""Ordered lists that the preview numbers from their first number and kramdown from 1,
as `jekyll/kramdown_lists` reads them. Each expectation was judged by kramdown 2.4
(tests/integrations/test_kramdown_oracle.py asks it again, on the corpus and on
thousands of generated lists)."""

from __future__ import annotations

import pytest

from blogcheck.jekyll.kramdown_blocks import Lines
from blogcheck.jekyll.kramdown_lists import Renumbered, paren_lists, renumbered
from blogcheck.parse.markdown import tokens_where


def read(body: str) -> list[Renumbered]:
    lines = Lines.of(body)
    stream = tokens_where(lines.rendered, lambda stream, index: False)
    return list(renumbered(lines.with_html(stream), stream))


@pytest.mark.parametrize(("body", "expected"), [
    # steps with an image between them: each list after the first starts at 1 on the page
    ("1. a\n\n![i](x.png)\n\n2. b\n\n![j](y.png)\n\n3. c\n",
     [Renumbered(4, 2, [2], 3), Renumbered(8, 3, [6], 3)]),
    ("1. Step\n\n- detail\n\n2. Step\n", [Renumbered(4, 2, [2], 3)]),
    ("10. a\n\n    more of a\n\ntext\n\n11. b\n", [Renumbered(0, 10, [], 0), Renumbered(6, 11, [4], 4)]),
    ("1. a\n\n```\ncode\n```\n\n2. b\n", [Renumbered(6, 2, [2, 3, 4], 3)]),
    # no list above that ends at the number before: reported, no fix
    ("Intro\n\n5. five\n6. six\n", [Renumbered(2, 5, [], 0)]),
    ("1. a\n\n## H\n\n2. b\n", [Renumbered(4, 2, [], 0)]),  # a heading is not moved into an item
    ("1. a\n\ntext\n\n5. b\n", [Renumbered(4, 5, [], 0)]),
    ("> 1. a\n>\n> x\n>\n> 2. b\n", [Renumbered(4, 2, [], 0)]),  # in a quote: no fix
    # one list to kramdown
    ("1. a\n\n   ![i](x.png)\n\n2. b\n", []),
    ("1. Step\n- detail\n2. Step\n", []),  # a lazy line: kramdown's list goes on
    ("1. a\n\n2. b\n", []),
    ("1) a\n\n![i](x.png)\n\n2) b\n", []),  # `1)` is no list to kramdown at all
    ("1. a\n{: .x}\n\n2. b\n", []),  # an attribute list: not judged
    ("1. a\n\n{% include x.html %}\n\n2. b\n", []),  # Liquid could make anything there
])
def test_lists_kramdown_numbers_from_one(body: str, expected: list[Renumbered]) -> None:
    assert read(body) == expected


def test_a_line_inside_html_that_reads_as_an_item_leaves_the_list_unjudged() -> None:
    body = "1. a\n\n<div>x</div>\n4. b\n\n9. c\n"  # kramdown: a list at `4.` that `9.` goes on
    assert [r.start for r in read(body)] == []


@pytest.mark.parametrize("size", [1_000, 5_000])
def test_many_lists_stay_linear(size: int) -> None:
    """Hostile input: thousands of lists, each interrupted by a line of text."""
    found = read("".join(f"{n}. item\n\ntext\n\n" for n in range(1, size + 1)))
    assert len(found) == size - 1


def test_many_lists_in_items_stay_linear() -> None:
    """Each a list in its own bullet item, none above it at its level."""
    assert len(read("- a\n\n  5. x\n\n" * 3_000)) == 3_000


def parens(body: str) -> list[tuple[int, list[tuple[int, int, int]]]]:
    lines = Lines.of(body)
    stream = tokens_where(lines.rendered, lambda stream, index: False)
    return [(found.first, found.markers) for found in paren_lists(lines.with_html(stream), stream)]


@pytest.mark.parametrize(("body", "expected"), [
    ("1) Read\n2) Check\n3) Note\n", [(0, [(0, 0, 1), (1, 0, 1), (2, 0, 1)])]),
    ("> 9) a\n> 10) b\n", [(0, [(0, 2, 3), (1, 2, 4)])]),
    ("- 1) x\n  2) y\n", [(0, [(0, 2, 3), (1, 2, 3)])]),
    ("1) p\n\n2) q\n", []),  # each item a paragraph of its own: reads as a list
    ("1. a\n2. b\n", []),
    ("1) a\n{% include x.html %}\n2) b\n", []),  # Liquid between: not judged
])
def test_paren_lists_kramdown_runs_together(body: str, expected: list[tuple[int, list[tuple[int, int, int]]]]) -> None:
    assert parens(body) == expected
