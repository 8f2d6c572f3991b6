"""Every key and value maps back to its file line and column."""

from __future__ import annotations

import pytest

from blogcheck.parse.frontmatter import FrontMatterError, Position, parse
from blogcheck.parse.split import split

POST = """---
title: "Day 65"
tags:
  - nlp
  - attention
image:
  path: /assets/a.png
---
Body starts here.
"""


def test_split_gives_yaml_and_body_line() -> None:
    parts = split(POST)
    assert parts.body == "Body starts here.\n"
    assert parts.body_line == 9


def test_values_and_keys_have_file_positions() -> None:
    fm = parse(split(POST).yaml or "")
    assert fm.locate(("title",)) == Position(2, 8)
    assert fm.locate(("title",), key=True) == Position(2, 1)
    assert fm.locate(("tags", 1)) == Position(5, 5)
    assert fm.locate(("image", "path")) == Position(7, 9)
    assert fm.locate(("missing", "deeper")) == Position(1, 1)


def test_crlf_and_bom_keep_positions() -> None:
    text = POST.replace("\n", "\r\n")
    parts = split(text)
    assert parts.body_line == 9
    fm = parse(parts.yaml or "")
    assert fm.locate(("tags", 1)) == Position(5, 5)


def test_yaml_error_points_at_its_line() -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse("\ntitle: ok\nbad: [1, 2\nnext: 3\n")
    assert caught.value.code == "BC102"
    assert "line 3, column 6" in caught.value.message


def test_impossible_timestamp_stays_a_string() -> None:
    assert parse("\ndate: 2024-13-45\n").data == {"date": "2024-13-45"}


@pytest.mark.parametrize("text", ["\n- a\n", "\njust text\n", "\n42\n"])
def test_non_mapping_is_bc103(text: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse(text)
    assert caught.value.code == "BC103"


def test_dots_close_front_matter_as_in_jekyll() -> None:
    parts = split("---\ntitle: x\n...\nbody\n")
    assert parts.yaml == "\ntitle: x\n"
    assert parts.body == "body\n"
