"""Reporter details found in an audit of what the user sees: file names that are
not UTF-8, and paths a SARIF URI must keep as they are."""

from __future__ import annotations

import json
import os

from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Summary
from blogcheck.reporters import REPORTERS, get
from blogcheck.reporters.github import step_summary

# How Python names `_posts/2024-01-01-café.md` saved in Latin-1: the byte 0xe9 as the lone surrogate \udce9.
LATIN1 = os.fsdecode(b"_posts/2024-01-01-caf\xe9.md")


def _uri(document: str) -> str:
    location = json.loads(document)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    uri: str = location["artifactLocation"]["uri"]
    return uri


def test_a_file_name_that_is_not_utf8_makes_valid_utf8_json_sarif_and_html() -> None:
    found = [diagnostic("BC140", LATIN1, 3, 12, f"publishes to /same/, as {LATIN1} does")]
    for name in ("json", "sarif", "html"):
        out = get(name)(found, Summary.of(1, found))
        out.encode("utf-8")  # no lone surrogate left: any UTF-8 writer takes it
    document = get("json")(found, Summary.of(1, found))
    assert json.loads(document)["diagnostics"][0]["path"] == LATIN1  # the escape reads back as the same name
    assert '"path": "_posts/2024-01-01-caf\\udce9.md"' in document
    assert _uri(get("sarif")(found, Summary.of(1, found))) == "_posts/2024-01-01-caf%E9.md"
    page = get("html")(found, Summary.of(1, found))
    assert "caf\\xe9.md" in page and "\ufffd" not in page  # the byte, as `ls -b` shows it: two such names stay two


def test_sarif_uri_keeps_a_backslash_of_a_posix_name_and_encodes_absolute_paths() -> None:
    backslash = [diagnostic("BC110", "_posts/a\\b.md", 1, 1, "m")]
    assert _uri(get("sarif")(backslash, Summary.of(1, backslash))) == "_posts/a%5Cb.md"
    absolute = [diagnostic("BC110", "/srv/my blog/_posts/#1 é.md", 1, 1, "m")]
    assert _uri(get("sarif")(absolute, Summary.of(1, absolute))) == "file:///srv/my%20blog/_posts/%231%20%C3%A9.md"


def test_every_reporter_is_unchanged_for_plain_utf8() -> None:
    found = [diagnostic("BC110", "_posts/日本 😀.md", 1, 1, "missing required key `title` — ☃")]
    for name in REPORTERS:
        assert "☃" in get(name)(found, Summary.of(1, found))  # not escaped


def test_text_shows_control_characters_of_a_post_as_escapes() -> None:
    link = "/a\x1b[2J\x1b]0;title\x07/b/"  # clear the screen, retitle the window
    found = [diagnostic("BC204", "_posts/2024-01-01-a\nb.md", 4, 9, f"`{link}` is no file or page of this site",
                        "check\tthe path\r")]
    out = get("text")(found, Summary.of(1, found, ("a\x9bnote",)))
    assert out == ("_posts/2024-01-01-a\\x0ab.md:4:9: BC204 `/a\\x1b[2J\\x1b]0;title\\x07/b/` is no file or page "
                   "of this site\n    hint: check\tthe path\\x0d\nnote: a\\x9bnote\n"
                   "Checked 1 file: 1 error, 0 warnings.\n")


def test_text_and_github_name_a_file_that_is_not_utf8_in_utf8() -> None:
    found = [diagnostic("BC401", LATIN1, 4, 1, "`teh` is a misspelling of `the`")]
    text = get("text")(found, Summary.of(1, found))
    assert text.startswith("_posts/2024-01-01-caf\\xe9.md:4:1: BC401 ")  # the byte, as `ls -b` shows it
    annotations = get("github")(found, Summary.of(1, found))
    assert annotations.startswith("::error file=_posts/2024-01-01-caf\ufffd.md,line=4,col=1,")
    assert "::_posts/2024-01-01-caf\\xe9.md:4:1: BC401 " in annotations  # the message names the byte
    for out in (text, annotations, step_summary(found, Summary.of(1, found))):
        out.encode("utf-8")
