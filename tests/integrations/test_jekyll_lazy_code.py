"""The lines right under an indented code block, which kramdown takes into the code
(`jekyll/kramdown_lazy_code`), against a real Jekyll build: BC621 at the first of each
run, `--fix` puts the blank line in, and the links and spelling checks read none of it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site

from blogcheck.cli import main
from blogcheck.jekyll.kramdown_lazy_code import rows

# each `lazy` word is code on the page, each `kept` word is not
BODY = """Intro one:

    code one
lazya text here
lazyb second

Intro two:

    code two
- lazyc item

Intro three:

    code three
# lazyd heading

Intro four:

    code four
> lazye quote

Intro five:

    code five
<div>keptf</div>

Intro six:

    code six
^
keptg

Intro seven:

    code seven
lazyh

    code seven again
lazyi

- item

      code in item
  lazyj indented

> quote
>
>     code in quote
> lazyk

Intro nine:

\ttab code
lazyl

> quote two
>
>     code quote two
lazym bare

- item two

      code item two
lazyn bare
"""


def _in_code(page: str) -> str:
    codes = re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", page, re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", code)) for code in codes)


def _words(text: str, prefix: str) -> set[str]:
    return set(re.findall(rf"\b{prefix}[a-z]\b", text))


def test_kramdown_takes_the_lines_under_indented_code_into_it(tmp_path: Path) -> None:
    page = built_post(one_post_site(tmp_path / "site", BODY))
    code = _in_code(page)
    assert _words(code, "lazy") == _words(BODY, "lazy") and not _words(code, "kept")
    assert "code one lazya text here lazyb second" in code  # joined to the code line, a space between
    lines = BODY.split("\n")
    assert rows(BODY) == {number for number, line in enumerate(lines) if "lazy" in line}


def _found(capsys: pytest.CaptureFixture[str]) -> list[tuple[int, object]]:
    main(["check", "--offline", "--select", "BC621", "--format", "json"])
    return [(d["line"], d.get("fix")) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_bc621_and_its_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", BODY)
    monkeypatch.chdir(site)
    assert _found(capsys) == [(7, [[7, 1, "", "\n"]]), (13, [[13, 1, "", "\n"]]), (18, [[18, 1, "", "\n"]]),
                              (23, [[23, 1, "", "\n"]]), (39, [[39, 1, "", "\n"]]), (42, [[42, 1, "", "\n"]]),
                              (47, [[47, 1, "", "\n"]]), (52, [[52, 1, "", ">\n"]]), (57, [[57, 1, "", "\n"]]),
                              (62, None), (67, None)]
    assert main(["check", "--offline", "--select", "BC621", "--fix"]) == 1  # the two bare lazy lines stay
    assert capsys.readouterr().out.count("BC621 fixed") == 9
    code = _in_code(built_post(site))
    assert _words(code, "lazy") == {"lazym", "lazyn"}
    assert [line for line, _ in _found(capsys)] == [71, 76]


def test_links_and_words_in_swallowed_lines_are_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    body = ("Intro paragraph:\n\n    pip install foo\nThen run it, see [docs](/missing/) and recieve.\n\n"
            "Next paragraph, see [more](/gone/) and recieve.\n")
    site = one_post_site(tmp_path / "site", body)
    assert "pip install foo Then run it, see [docs](/missing/) and recieve." in _in_code(built_post(site))
    monkeypatch.chdir(site)
    main(["check", "--offline", "--no-cache", "--select", "BC2,BC4,BC621", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["code"], d["line"]) for d in found] == [("BC621", 7), ("BC204", 9), ("BC401", 9)]


def test_a_heading_or_anchor_kramdown_takes_into_code_is_no_link_target(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`# Head` and `<a id="x">` right under indented code are code on the page (escaped, no
    id): a `#fragment` to them is BC203; the heading after a blank line is a target."""
    body = ("Intro.\n\n    code\n# Swallowed Head\n<a id=\"anchor-in-code\"></a>\n\n## Real Head\n\n"
            "[a](#swallowed-head) [b](#real-head) [c](#anchor-in-code)\n")
    site = one_post_site(tmp_path / "site", body)
    ids = set(re.findall(r"<[a-z0-9]+[^>]*\sid=\"([^\"]+)\"", built_post(site)))
    assert "real-head" in ids and not {"swallowed-head", "anchor-in-code"} & ids
    monkeypatch.chdir(site)
    main(["check", "--offline", "--select", "BC203", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert sorted(str(d["url"]) for d in found) == ["#anchor-in-code", "#swallowed-head"]
