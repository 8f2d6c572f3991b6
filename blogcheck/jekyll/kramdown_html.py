"""Where kramdown ends a block of raw HTML (Jekyll leaves `parse_block_html` off), as
kramdown 2.4 reads it (`parser/html.rb`, `parse_raw_html`): after the opening tag, every
`<name ...>` opens an element, known to HTML or not, in code or not (the block is not
Markdown), until its own end tag; an end tag that is not the innermost open element's is
text; void elements (`<br>`) and `<x/>` open nothing; a `<script>` or `<style>` runs to its
end tag. So `Reviewed-By: Name <email>` inside a `<details>` opens `email`, which nothing
closes: `</details>` is then text, and kramdown takes the rest of the post as raw HTML, its
Markdown shown as typed."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"(?:[^\W\d][-\w.]*:)?[^\W\d][-\w.]*"  # REXML's UNAME_STR
_RAW_START = re.compile(rf"<(?:{_NAME}|/|!--|\?)")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INSTRUCTION = re.compile(r"<\?.*?\?>", re.S)
_TAG = re.compile(rf"<((?>{_NAME}))\s*((?>\s+{_NAME}(?:\s*=\s*(?:\w+|([\"']).*?\3))?)*)\s*(/)?>", re.S)
_CLOSE = re.compile(rf"</({_NAME})\s*>", re.S)
# kramdown's HTML_CONTENT_MODEL_BLOCK and _SPAN: the elements `markdown="1"` opens to Markdown.
_BLOCK_OR_SPAN = frozenset(re.findall(r"\S+", """address applet article aside blockquote body dd details div dl fieldset
    figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td a abbr
    acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt
    rtc ruby select small span strong sub sup th tt"""))
LITERAL = frozenset({"pre", "code", "kbd", "samp", "var", "textarea", "math", "option"})  # text kept as typed
_ELEMENT = re.compile(rf"<{_NAME}")
_ATTRIBUTE = re.compile(rf"\s*({_NAME})(?:\s*=\s*(?:(\w+)|([\"'])(.*?)\3))?", re.S)
_SWITCHES = frozenset({"0", "block", "span"})  # `markdown="..."` values kramdown honours on any element
_VOID = frozenset(re.findall(r"\S+", "area base br col command embed hr img input keygen link meta param "
                                    "source track wbr"))
# kramdown's HTML_ELEMENT: names it knows (lower-cased when read); any other keeps its case.
KNOWN = _VOID | frozenset(re.findall(r"\S+", """address applet article aside blockquote body dd details div dl
    fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary
    td a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q
    rb rbc rp rt rtc ruby select small span strong sub sup th tt script style math option textarea pre code kbd samp
    var mark u colgroup hr html head ol table tbody tfoot thead tr ul"""))


@dataclass(frozen=True)
class Open:
    """An element left open at the end of the post: its name and offset in the text."""

    name: str
    at: int


def raw_end(text: str, start: int, name: str, opened: int | None = None) -> tuple[int | None, list[Open],
                                                                                list[tuple[int, int]]]:
    """Where the raw element `name`, whose opening tag ends at `start` (and starts at
    `opened`), ends: the offset after its end tag, or None when the post ends first, with
    the elements still open then (outermost first, `name` itself at its tag included); and
    the (start, end) offsets of the `<pre>`, `<code>`... inside it, whose text is meant as
    typed."""
    stack, literal = [Open(_case(name), start if opened is None else opened)], list[tuple[int, int]]()
    unclosed: set[str] = set()  # `<!--` or `<?` with no `-->` or `?>` after it: none later closes either
    at = start
    while (found := _RAW_START.search(text, at)) is not None:
        at = found.start()
        if (match := _closed(text, at, unclosed)) is not None:
            at = match.end()
        elif (match := _TAG.match(text, at)) is not None:
            at = match.end()
            tag = _case(match[1])
            if tag in ("script", "style"):
                close = re.compile(rf"</{tag}\s*>", re.I).search(text, at)
                if close is None:
                    return None, stack, literal
                at = close.end()
            elif not match[4] and tag not in _VOID:
                stack.append(Open(tag, match.start()))
        elif (match := _CLOSE.match(text, at)) is not None:
            at = match.end()
            top = stack[-1]
            if top.name == (match[1].lower() if top.name in KNOWN else match[1]):
                stack.pop()
                if top.name in LITERAL:
                    literal.append((top.at, at))
                if not stack:
                    return at, [], literal
        else:
            at += 1
    return None, stack, literal + [(o.at, len(text)) for o in stack if o.name in LITERAL]


def _closed(text: str, at: int, unclosed: set[str]) -> re.Match[str] | None:
    """A comment or processing instruction at `at`, if it is closed. One that is not makes
    every later one fail too: remembered in `unclosed`, so that a post of `<!--` is read
    once, not once per `<!--` to its end."""
    for opener, pattern in (("<!--", _COMMENT), ("<?", _INSTRUCTION)):
        if text.startswith(opener, at) and opener not in unclosed:
            match = pattern.match(text, at)
            if match is None:
                unclosed.add(opener)
            return match
    return None


def _case(name: str) -> str:
    return name.lower() if name.lower() in KNOWN else name


def raw_block(text: str, at: int) -> tuple[str, int | None, list[Open], list[tuple[int, int]]] | None:
    """The raw element whose opening tag starts at offset `at`: its name, and `raw_end`'s
    answer; None when no element opens there (no tag, `<x/>`, a void element)."""
    match = _TAG.match(text, at)
    if match is None or match[4] or _case(match[1]) in _VOID:
        return None
    name = _case(match[1])
    return (name, *raw_end(text, match.end(), name, at))


_SPAN_TAG = re.compile(rf"<(/?)({_NAME})")


# kramdown's HTML_SPAN_ELEMENTS: a line that starts with one is a paragraph's, any other tag starts an HTML block
SPAN_ELEMENTS = frozenset(re.findall(r"\S+", """a abbr acronym b big bdo br button cite code del dfn em i img input
    ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var"""))
# kramdown's HTML_BLOCK_ELEMENTS: met in a paragraph, such a tag is shown as text and what follows
# is Markdown again (`<pre>[x](y)`: a link).
_BLOCK_ELEMENTS = frozenset(re.findall(r"\S+", """address article aside applet body blockquote caption col colgroup
    dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li
    main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul"""))


def raw_in_span(name: str) -> bool:
    """Whether kramdown keeps the content of the element `name`, met in a paragraph, as
    typed: its content model is raw (`code`, `kbd`, `math`, `script`, and every element it
    does not know to hold Markdown: `mark`, `u`, `s`, `video`, a custom `<x-foo>`), and it
    is no block element (those it shows as text). Checked with kramdown 2.4."""
    return name not in _BLOCK_ELEMENTS and name not in _BLOCK_OR_SPAN and name not in _VOID


def literal_spans(tag: str, open_: list[str]) -> None:
    """Follows, for one inline HTML tag of a paragraph, the elements open in it whose text
    kramdown keeps as typed (see `raw_in_span`): `[x](url)` inside one is text on the page,
    no link. An end tag closes its element and the ones opened inside it; `<x/>` opens
    nothing."""
    found = _SPAN_TAG.match(tag)
    name = found[2].lower() if found else ""
    if found is None or not raw_in_span(name) or tag.rstrip().endswith("/>"):
        return
    if not found[1]:
        open_.append(name)
    elif name in open_:
        del open_[len(open_) - 1 - open_[::-1].index(name):]


def tag_end(text: str, at: int) -> int | None:
    """The offset of the `>` that ends the opening tag at `at` (not that of a `/>`), if any."""
    match = _TAG.match(text, at)
    return None if match is None or match[4] else match.end() - 1


def says_markdown(text: str, at: int) -> bool:
    """The opening tag at offset `at` makes kramdown read the element's inside as Markdown:
    `markdown="block"` or "span" for any element, `markdown="1"` for one whose own content
    model is block or span (`<div>`, `<details>`, `<p>`); a `<table>`, `<ul>` or `<center>`
    stays raw with "1" (HTML_MARKDOWN_ATTR_MAP, HTML_CONTENT_MODEL)."""
    match = _TAG.match(text, at)
    value = markdown_attribute(text, at) if match is not None else None
    return value in ("block", "span") or (value == "1" and match is not None and parses_markdown(_case(match[1])))


def markdown_attribute(text: str, at: int) -> str | None:
    """The value of the `markdown` attribute of the opening tag at offset `at` of `text`
    ("" when written without one), as kramdown 2.4 reads it (`parser/html.rb`:
    `parse_html_attributes` lower-cases names, and the last one written wins); None when
    the tag has none."""
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
    """kramdown acts on `markdown="value"` on this element (lower-cased name; its
    HTML_MARKDOWN_ATTR_MAP): "0" keeps it raw, "block" and "span" make it Markdown, "1"
    only on an element whose own content model is block or span (not a `<table>`, `<ul>`
    or `<center>`). A writer who put in such a value chose how kramdown reads the block."""
    return value in _SWITCHES or (value == "1" and parses_markdown(element))


def parses_markdown(name: str) -> bool:
    """`markdown="1"` on this element makes kramdown read its inside as Markdown."""
    return name in _BLOCK_OR_SPAN
