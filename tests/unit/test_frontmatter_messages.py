"""Where front-matter findings point and what they say: a character YAML refuses
(its reader gives a position, not a mark), and a value of the wrong kind (a list
where a string belongs, a bad item of a list)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from blogcheck.cli import main
from blogcheck.parse import frontmatter
from blogcheck.parse.frontmatter import FrontMatterError, parse


class _PureLoader(yaml.SafeLoader):
    """PyYAML's own reader, which refuses a character before parsing starts (libyaml's later)."""


@pytest.fixture(params=["libyaml", "pyyaml"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pyyaml":
        monkeypatch.setattr(frontmatter, "_Loader", _PureLoader)
    return str(request.param)


@pytest.mark.parametrize(("text", "line", "column", "shown"), [
    ("\ntitle: ok\nlayout: post\ndescription: ctl\x07x\n", 4, 17, "U+0007 (a control character)"),
    ("\ntitle: é€😀\r\ndescription: \x1b[0m\n", 3, 14, "U+001B (a control character)"),  # bytes are not characters
    ("\ntitle: \ud800\n", 2, 8, "U+D800"),  # a lone surrogate, which libyaml cannot even be given
])
def test_a_refused_character_is_reported_where_it_is(loader: str, text: str, line: int, column: int,
                                                     shown: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse(text, start_line=1)
    assert (caught.value.code, caught.value.line, caught.value.column) == ("BC102", line, column)
    assert caught.value.message == f"invalid YAML: character {shown} is not allowed"
    assert caught.value.hint.startswith("delete it")


def _check(tmp_path: Path, front: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-p.md"
    post.write_text(f"---\n{front}---\nText.\n", encoding="utf-8")
    main(["check", "--offline", "--select", "BC1", "--format", "json", str(post)])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found


def test_the_refused_character_in_a_post(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (found,) = _check(tmp_path, "title: ok\nlayout: post\ndescription: ctl\x07x\n", capsys)
    assert (found["code"], found["line"], found["column"]) == ("BC102", 4, 17)
    assert found["message"] == "invalid YAML: character U+0007 (a control character) is not allowed"


def test_a_list_where_a_string_belongs_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = _check(tmp_path, "title: [a, b]\nlayout: [post]\ntags: [a, null, b]\nimage: {path: 3}\n", capsys)
    assert [(d["line"], d["column"], d["message"]) for d in found if d["code"] == "BC110"] == [
        (2, 8, "`title` must be a string, not a list"),
        (3, 9, "`layout` must be a string or null, not a list"),
        (4, 11, "`tags` item 2 must be a string or a number, not null"),
        (5, 15, "`image.path` must be a string or null, not 3"),
    ]


@pytest.mark.parametrize("last", [False, True])
def test_a_key_without_its_space_among_others_is_placed_at_that_key(
        loader: str, last: bool) -> None:
    """`title:Day 4` between two keys: libyaml notices at the next line (or at the
    closing `---` when it is the last key); the finding is on the key's own line, with
    the fix. (Jekyll's message names that line too: "at line 3 column 1".)"""
    text = "layout: post\ntitle:Day 4\n" + ("" if last else "date: 2024-03-06\n")
    with pytest.raises(FrontMatterError) as caught:
        parse(text, start_line=1)
    assert (caught.value.code, caught.value.line, caught.value.column) == ("BC102", 2, 1)
    assert caught.value.hint == "a key needs a space after its colon: `title: Day 4`"
