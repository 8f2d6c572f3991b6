"""The inline pieces the markup check reads, each with what holds it: a link (Markdown's,
an autolink or HTML's `<a>`), or an element whose text is code (`<code>`, `<kbd>`,
`<samp>`, `<var>`, `<tt>`, `<pre>`), where no text is prose; and the tags of an HTML
token, none inside another's quoted attribute value (`<span title="<sos>">`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from blogcheck.jekyll.kramdown_blocks import TAG_NAME
from blogcheck.jekyll.kramdown_html import tag_end

if TYPE_CHECKING:
    from markdown_it.token import Token

# Elements whose text is code, not prose. kramdown keeps the text of all but `<tt>` as typed
# (HTML_CONTENT_MODEL_RAW): no typography (`--` stays), no Markdown escape (`\<` shows its `\`).
CODE = frozenset({"code", "kbd", "samp", "var", "tt", "pre"})
AS_TYPED = CODE - {"tt"}


@dataclass(frozen=True)
class Part:
    """An inline child: its type ("url" for an autolink's text), its content, whether it
    is inside a link, and the innermost code element holding it ("" for none)."""

    kind: str
    content: str
    linked: bool = False
    code: str = ""


def parts(children: list[Token]) -> list[Part]:
    """The inline children as Parts; an autolink's text (`<https://x/#--run>`) is its URL,
    which both readers show as written."""
    found: list[Part] = []
    autolink = linked = False
    html_links = 0
    code: list[str] = []  # the code elements open, innermost last
    for child in children:
        if child.type == "link_open":
            autolink, linked = child.markup in ("autolink", "linkify"), True
        elif child.type == "link_close":
            autolink = linked = False
        kind = "url" if autolink and child.type == "text" else child.type
        found.append(Part(kind, child.content, linked or html_links > 0, code[-1] if code else ""))
        if child.type == "html_inline":
            html_links = _opened(child.content, code, html_links)
    return found


def _opened(tag: str, code: list[str], html_links: int) -> int:
    """Follows the elements `tag` opens or closes: code ones on `code`; the count of open
    `<a>` elements is returned."""
    name = TAG_NAME.match(tag)
    if name is None or tag.rstrip().endswith("/>"):
        return html_links
    element, closing = name[1].lower(), tag.startswith("</")
    if element == "a":
        return max(0, html_links - 1) if closing else html_links + 1
    if element in CODE and not closing:
        code.append(element)
    elif element in CODE and element in code:
        del code[len(code) - 1 - code[::-1].index(element):]  # it closes the ones opened inside it too
    return html_links


def tag_names(content: str) -> Iterator[re.Match[str]]:
    """Each tag's name in `content` (TAG_NAME's matches), but none inside an earlier tag:
    a `<` in a quoted attribute value is text to the browser, kramdown and CommonMark."""
    inside = 0
    for found in TAG_NAME.finditer(content):
        if found.start() < inside:
            continue
        end = tag_end(content, found.start())
        inside = found.end() if end is None else end + 1
        yield found
