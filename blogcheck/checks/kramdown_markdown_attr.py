"""The `markdown` attribute of an HTML block's opening tag, as kramdown 2.4 reads it
(`parser/html.rb`: `parse_html_attributes` lower-cases names and the last one written
wins; `HTML_MARKDOWN_ATTR_MAP` knows "0", raw, "1", the element's own content model,
"block" and "span"; any other value switches nothing). A writer who put one in chose
how kramdown reads the block: BC610 says nothing of a choice kramdown honours, and
never offers a second attribute."""

from __future__ import annotations

import re

from blogcheck.jekyll.kramdown_html import parses_markdown, tag_end

_NAME = r"(?:[^\W\d][-\w.]*:)?[^\W\d][-\w.]*"  # REXML's UNAME_STR, as kramdown's HTML_ATTRIBUTE_RE
_ELEMENT = re.compile(rf"<{_NAME}")
_ATTRIBUTE = re.compile(rf"\s*({_NAME})(?:\s*=\s*(?:(\w+)|([\"'])(.*?)\3))?", re.S)
_SWITCHES = frozenset({"0", "block", "span"})  # honoured on any element


def markdown_attribute(text: str, at: int) -> str | None:
    """The value of the `markdown` attribute of the opening tag at offset `at` of `text`
    ("" when written without one); None when the tag has none."""
    end = tag_end(text, at)
    element = _ELEMENT.match(text, at) if end is not None else None
    if element is None or end is None:
        return None
    value = None
    for found in _ATTRIBUTE.finditer(text, element.end(), end):
        if found[1].lower() == "markdown":
            value = found[2] if found[2] is not None else found[4] or ""
    return value


def honoured(value: str, element: str) -> bool:
    """kramdown acts on `markdown="value"` on this element (lower-cased name): "0" keeps
    it raw, "block" and "span" make it Markdown, "1" only on an element whose own content
    model is block or span (not a `<table>`, `<ul>` or `<center>`)."""
    return value in _SWITCHES or (value == "1" and parses_markdown(element))
