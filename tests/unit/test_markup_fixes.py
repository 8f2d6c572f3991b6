"""The markup check's findings and `--fix` where its fixes broke pages (an audit of
`check --fix`): a `<` in an attribute value, text in code elements and HTML links,
kramdown's math, attribute lists and nomarkdown, headings whose id kramdown makes from
their text, reference links whose text is their label, and fixes kramdown showed as
something else. tests/integrations/test_markup_fixes_kramdown.py asks kramdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from blogcheck.cli import main

HEAD = "---\ntitle: t\n---\n"


def _post(tmp_path: Path, body: str) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir(exist_ok=True)
    post = tmp_path / "_posts" / "2024-01-01-p.md"
    post.write_text(HEAD + body, encoding="utf-8")
    return post


def _found(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
           *flags: str) -> list[dict[str, Any]]:
    monkeypatch.chdir(tmp_path)
    main(["check", "--offline", "--select", "markup", "--format", "json", *flags])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found


def _fixed(post: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """The body after `--fix`, which a second `--fix` leaves as it is (no fix that loops)."""
    _found(tmp_path, capsys, monkeypatch, "--fix")
    once = post.read_text(encoding="utf-8")
    _found(tmp_path, capsys, monkeypatch, "--fix")
    assert post.read_text(encoding="utf-8") == once, "a second --fix changed the post again"
    return once[len(HEAD):]


def _places(found: list[dict[str, Any]]) -> list[tuple[str, int, int, object]]:
    return [(d["code"], d["line"], d["column"], d.get("fix")) for d in found]


def test_a_tag_in_an_attribute_value_is_text(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """`<span title="<sos>">`: the `<` is in a quoted value, no tag; `--fix` added a `\\` at
    each run (`"\\<sos>"`, `"\\\\<sos>"`...). A placeholder after the tag is still one."""
    body = '<span title="<sos>">x</span> and <eos> here.\n\n<div title=\'<sos>\'>\ny\n</div>\n'
    post = _post(tmp_path, body)
    assert _places(_found(tmp_path, capsys, monkeypatch)) == [("BC601", 4, 34, [[4, 34, "<", "\\<"]])]
    assert _fixed(post, tmp_path, capsys, monkeypatch) == body.replace("<eos>", "\\<eos>")


CODE = """Run <code>ls --all</code>, <kbd>--x</kbd>, <samp>--y</samp>, <var>--z</var>, <CODE>**a **</CODE>
and <code>curl https://example.com/c</code>, <code>[t] (https://example.com/e)</code>.

See <a href="/x">https://example.com/d</a> and <a href="/y">[t] (https://example.com/f)</a>.

Then <code>git checkout <branch></code>, <code>Vec<Vec<u8>></code>, <tt>run --t</tt> and <tt>List<T></tt>.
"""


def test_text_in_code_elements_and_html_links_is_no_prose(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """No BC607, BC606, BC611 or BC602 in `<code>`, `<kbd>`, `<samp>`, `<var>` (kramdown
    keeps their `--`), none of BC611 and BC602 in an HTML `<a>` (a link in a link). A
    placeholder in `<code>` is hidden: `&lt;`, as kramdown shows a `\\` there. `<tt>`'s text
    is Markdown to kramdown: its `--` is a dash, and `\\<` an escape."""
    post = _post(tmp_path, CODE)
    assert _places(_found(tmp_path, capsys, monkeypatch)) == [
        ("BC601", 9, 25, [[9, 25, "<", "&lt;"]]),
        ("BC601", 9, 55, [[9, 55, "<", "&lt;"], [9, 58, ">>", "&gt;&gt;"]]),
        ("BC607", 9, 77, [[9, 77, "--", "\\-\\-"]]),
        ("BC601", 9, 98, [[9, 98, "<", "\\<"]])]
    assert _fixed(post, tmp_path, capsys, monkeypatch) == CODE.replace(
        "<branch>", "&lt;branch>").replace("<u8>>", "&lt;u8&gt;&gt;").replace("run --t", "run \\-\\-t").replace(
        "<T>", "\\<T>")


KRAMDOWN = """$$
f(x) --g
$$

Inline $$a --b **c **$$ math, and some text
$$
h --i \\lt <sos>
$$

A para.
{: title="use --force" .x}

{::nomarkdown}
See https://example.com/n --force
{:/nomarkdown}

A {::nomarkdown}<b>--x</b>{:/} and *z*{: title="a --b"}, but --real.
"""


def test_kramdown_math_attribute_lists_and_nomarkdown_are_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    post = _post(tmp_path, KRAMDOWN)
    assert _places(_found(tmp_path, capsys, monkeypatch)) == [("BC607", 20, 62, [[20, 62, "--", "\\-\\-"]])]
    assert _fixed(post, tmp_path, capsys, monkeypatch) == KRAMDOWN.replace("--real", "\\-\\-real")


HEADINGS = """## Use <branch> name

## **How do we train? **

## Run --force now

## See [docs] (https://example.com/b)

## See https://example.com/c

## Run --force {#run}

Setext <sos> here
=================

## Use <eos> key
{: #key}
"""


def test_a_fix_that_changes_a_headings_id_is_withheld(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """kramdown makes a heading's id from its text: the finding stays, without a fix, and
    its hint says why. Not where the heading names its id, nor BC611's `<URL>` (same id)."""
    post = _post(tmp_path, HEADINGS)
    found = _found(tmp_path, capsys, monkeypatch)
    assert _places(found) == [
        ("BC601", 4, 8, None), ("BC606", 6, 22, None), ("BC607", 8, 8, None), ("BC602", 10, 8, None),
        ("BC611", 12, 8, [[12, 8, "https://example.com/c", "<https://example.com/c>"]]),
        ("BC607", 14, 8, [[14, 8, "--", "\\-\\-"]]), ("BC601", 16, 8, None),
        ("BC601", 19, 8, [[19, 8, "<", "\\<"]])]
    assert all("the heading's #anchor" in d["hint"] for d in found if "fix" not in d)
    assert found[0]["hint"].startswith("write `\\<branch>` to show it as written")
    assert _fixed(post, tmp_path, capsys, monkeypatch) == HEADINGS.replace(
        "See https://example.com/c", "See <https://example.com/c>").replace(
        "--force {#run}", "\\-\\-force {#run}").replace("<eos>", "\\<eos>")


ID_HEADINGS = """## :rocket: Launch plan

## Fill the ____ blank

## Streams << and >> in C++

## Ship :tada: {#ship}

See the [plan](#rocket-launch-plan).
"""


def test_emoji_underscore_and_guillemet_fixes_are_withheld_in_headings_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`:rocket:` -> 🚀, `____` -> `\\_...` and `<<` -> `\\<<` change kramdown's id as much as `\\<` does
    (`rocket-launch-plan` became `-launch-plan`, checked with `jekyll build`: the link broke; a
    markup audit). Kept where the heading names its id."""
    post = _post(tmp_path, ID_HEADINGS)
    found = _found(tmp_path, capsys, monkeypatch)
    assert [(code, line, fix is None) for code, line, _, fix in _places(found)] == [
        ("BC619", 4, True), ("BC618", 6, True), ("BC612", 8, True), ("BC612", 8, True), ("BC619", 10, False)]
    assert all("the heading's #anchor" in d["hint"] for d in found if "fix" not in d)
    assert _fixed(post, tmp_path, capsys, monkeypatch) == ID_HEADINGS.replace(":tada:", "\U0001f389")


REFERENCES = """See [**the docs **] here, [**the docs **][] too, [**a guide **][g], [**inline **](https://example.com/i)
and [run --force] or [List<T>], [Vec<Vec<u8>>] and [Vec<Vec<u8>>](https://example.com/w).

[**the docs **]: https://example.com/docs
[g]: https://example.com/g
[run --force]: https://example.com/r
[List<T>]: https://example.com/l
[Vec<Vec<u8>>]: https://example.com/v
"""


def test_a_fix_in_a_reference_label_is_withheld(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """In a shortcut or collapsed reference link the text is the label: fixed, it matches
    no definition and the link is gone. A full reference or inline link keeps its fix."""
    post = _post(tmp_path, REFERENCES)
    found = _found(tmp_path, capsys, monkeypatch)
    assert _places(found) == [
        ("BC606", 4, 16, None), ("BC606", 4, 38, None), ("BC606", 4, 60, [[4, 60, " **", "**"]]),
        ("BC606", 4, 78, [[4, 78, " **", "**"]]), ("BC607", 5, 10, None), ("BC601", 5, 27, None),
        ("BC601", 5, 41, None), ("BC601", 5, 60, [[5, 60, "<", "\\<"], [5, 63, ">>", "\\>\\>"]])]
    assert all("reference label" in d["hint"] for d in found if "fix" not in d)
    assert _fixed(post, tmp_path, capsys, monkeypatch) == REFERENCES.replace(
        "**a guide **", "**a guide**").replace("**inline **", "**inline**").replace(
        "[Vec<Vec<u8>>](", "[Vec<Vec\\<u8\\>\\>](")


def test_fixes_are_written_as_kramdown_reads_them(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """kramdown autolinks a lower-case scheme only (`<HTTPS://...>` shows its brackets), and
    makes `>>` a `»`: `Vec<Vec\\<u8>>` showed `Vec<Vec<u8»`."""
    body = "See HTTPS://EXAMPLE.COM/A, Http://example.com/b, Vec<Vec<u8>> and Vec<Vec<Vec<u8>>>, not <sos>.\n"
    post = _post(tmp_path, body)
    found = _found(tmp_path, capsys, monkeypatch)
    assert _places(found) == [
        ("BC611", 4, 5, [[4, 5, "HTTPS://EXAMPLE.COM/A", "<https://EXAMPLE.COM/A>"]]),
        ("BC611", 4, 28, [[4, 28, "Http://example.com/b", "<http://example.com/b>"]]),
        ("BC601", 4, 57, [[4, 57, "<", "\\<"], [4, 60, ">>", "\\>\\>"]]),
        ("BC601", 4, 78, [[4, 78, "<", "\\<"], [4, 81, ">>>", "\\>\\>\\>"]]),
        ("BC601", 4, 90, [[4, 90, "<", "\\<"]])]
    assert found[0]["hint"].startswith("write `<https://EXAMPLE.COM/A>` to make it a link (its scheme in lower case")
    assert found[2]["hint"].startswith("write `\\<u8\\>\\>` to show it as written")
    assert _fixed(post, tmp_path, capsys, monkeypatch) == (
        "See <https://EXAMPLE.COM/A>, <http://example.com/b>, Vec<Vec\\<u8\\>\\> and Vec<Vec<Vec\\<u8\\>\\>\\>, "
        "not \\<sos>.\n")


def test_a_line_with_an_escape_or_an_entity_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """markdown-it joins an escape's character into the text around it (`NODE_ENV` for
    `NODE\\_ENV`), a text written nowhere in the line, so the whole line went unread: 45
    BC607 of an audit's documentation sample were missed so. And an option already
    escaped, `\\--use-http1` at a line's start, is no finding (its fix wrote `\\\\-\\-`)."""
    _post(tmp_path, "Set NODE\\_ENV and pass --inspect now.\n\nSet NODE\\_ENV, see https://example.com/env now.\n\n"
                    "Set NODE\\_ENV, see [docs] (https://example.com/env).\n\nTom &amp; Jerry pass --inspect.\n\n"
                    "* Use the old client with\n  \\--use-http1\n")
    found = _found(tmp_path, capsys, monkeypatch)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [
        ("BC607", 4, 24), ("BC611", 6, 20), ("BC602", 8, 20), ("BC607", 10, 22)]


def test_a_bare_url_with_a_pipe_gets_no_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """`<https://...Roboto|Open+Sans>` is still cut into cells by kramdown (a markup
    audit: the fix left a stray `<` and `>` in two cells). The hint names `%7C`."""
    _post(tmp_path, "Load https://f.g/css?family=Roboto|Open+Sans in the head.\n")
    found = {d["code"]: d for d in _found(tmp_path, capsys, monkeypatch)}
    assert "fix" not in found["BC611"] and "<https://f.g/css?family=Roboto%7COpen+Sans>" in found["BC611"]["hint"]
    assert "BC603" in found


def test_a_spaced_closing_after_code_or_a_link_in_the_bold_is_found(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`**Step 1: run `pip install` **`: the opener and the closing are in two texts with the
    code between, each read alone, so BC606 was missed (a markup audit); the fix makes bold
    of it (kramdown: `<strong>Step 1: run <code>pip install</code></strong>`). A closed bold
    before the code is no opener for a later ` **`."""
    post = _post(tmp_path, "**Step 1: run `pip install` **\n\n**See the [docs](https://e.com) **\n\n"
                           "**a** and `x` **\n")
    found = _found(tmp_path, capsys, monkeypatch)
    assert [(d["code"], d["line"], d["column"], d["fix"]) for d in found] == [
        ("BC606", 4, 28, [[4, 28, " **", "**"]]), ("BC606", 6, 32, [[6, 32, " **", "**"]])]
    assert _fixed(post, tmp_path, capsys, monkeypatch).startswith("**Step 1: run `pip install`**\n\n**See the [docs]")


def test_a_bare_url_with_underscores_is_fixed_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """markdown-it's emphasis cut `https://e.com/_private_/x` at its first `_`: the fix wrote
    `<https://e.com/>_private_/x`, a link to another address (a GFM-vs-kramdown audit)."""
    post = _post(tmp_path, "See https://e.com/_private_/x now, and http://x.com/a*b*c too.\n")
    found = _found(tmp_path, capsys, monkeypatch)
    assert [(d["code"], d["url"]) for d in found] == [("BC611", "https://e.com/_private_/x"),
                                                      ("BC611", "http://x.com/a*b*c")]
    assert _fixed(post, tmp_path, capsys, monkeypatch) == \
        "See <https://e.com/_private_/x> now, and <http://x.com/a*b*c> too.\n"
