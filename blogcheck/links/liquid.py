"""Liquid in a post, as far as links need it.

Jekyll renders Liquid before Markdown, so the Markdown parser must not trip on
`{{ site.baseurl }}` (spaces end a link destination): `mask` blanks every tag
with letters of the same length, keeping lines and columns. `quiet` finds the
`{% raw %}`/`{% comment %}` regions Liquid leaves alone, and the `{% highlight %}`
blocks that are code. `Resolver` turns the output tags a link uses into text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

_PAIRS = {"raw": "endraw", "comment": "endcomment", "highlight": "endhighlight"}
_STRING = re.compile(r"""^(?:"([^"]*)"|'([^']*)')$""")
_VARIABLE = re.compile(r"^(site|page)((?:\.[\w-]+)+)$")
_QUOTED = re.compile(r""""([^"\n]*)"|'([^'\n]*)'""")
_NO_MARKDOWN = frozenset({*_PAIRS, *_PAIRS.values(), "post_url", "link"})  # tags whose arguments are no prose


@dataclass(frozen=True)
class Tag:
    start: int  # offsets in the text
    end: int
    output: bool  # {{ }} rather than {% %}
    name: str  # the tag's name ("post_url"), or "" for output
    markup: str  # what follows the name, or the whole expression of an output


def tags(text: str) -> list[Tag]:
    """Every `{{ ... }}` and `{% ... %}`, as Liquid's tokenizer splits them (each
    runs to its first closing delimiter), in linear time even when unclosed."""
    found = []
    closers = {"{{": "}}", "{%": "%}"}
    starts = {opener: text.find(opener) for opener in closers}  # next place of each opener
    position = 0
    while closers:
        for name in closers:  # search again only past a place already consumed
            if 0 <= starts[name] < position:
                starts[name] = text.find(name, position)
        opener = min((o for o in closers if starts[o] >= 0), key=lambda o: starts[o], default=None)
        if opener is None:
            break
        start = starts[opener]
        end = text.find(closers[opener], start + 2)
        if end < 0:  # no later tag of this kind can close either
            del closers[opener]
            continue
        position = end + 2
        found.append(_tag(start, text[start:position]))
    return found


def _tag(start: int, written: str) -> Tag:
    inner = written[2:-2].strip("-").strip()
    output = written.startswith("{{")
    name, markup = ("", inner) if output else ([*inner.split(None, 1), "", ""])[:2]  # any space ends the name
    return Tag(start, start + len(written), output, name.strip(), markup.strip())


def quiet(text: str, found: list[Tag]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(regions Liquid does not run in, regions whose links are not checked):
    raw and comment blocks are both; highlight blocks are code, so only the second."""
    blocks = _blocks(text, found)
    no_liquid = [(start, stop) for name, start, stop in blocks if name != "highlight"]
    return union(no_liquid), union([(start, stop) for _, start, stop in blocks])


def comment_blocks(text: str, found: list[Tag]) -> list[Tag]:
    """Each `{% comment %}` ... `{% endcomment %}` Liquid runs (not one inside raw), as one
    tag from its start to its end tag's end; one never closed is none (Liquid stops there)."""
    return [Tag(start, stop, False, "comment", "") for name, start, stop in _blocks(text, found)
            if name == "comment" and _CLOSED_COMMENT.search(text, start, stop)]


_CLOSED_COMMENT = re.compile(r"\{%-?\s*endcomment\s*-?%\}\Z")


def not_on_page_as_text(text: str, found: list[Tag]) -> list[tuple[int, int]]:
    """The regions whose words do not reach the page as Markdown text: comment blocks
    (Liquid drops them) and highlight blocks (code); raw blocks do reach it."""
    return union([(start, stop) for name, start, stop in _blocks(text, found) if name != "raw"])


def _blocks(text: str, found: list[Tag]) -> list[tuple[str, int, int]]:
    """(name, start, stop) of each raw, comment and highlight block, to its end tag (or
    the text's end); nothing inside a raw or comment block is a tag."""
    blocks: list[tuple[str, int, int]] = []
    where: dict[str, list[int]] = {}  # closer name -> indices of its tags, for a bisect
    for number, tag in enumerate(found):
        if tag.name in _PAIRS.values() and not tag.output:
            where.setdefault(tag.name, []).append(number)
    index = 0
    while index < len(found):
        tag = found[index]
        closer = _PAIRS.get(tag.name)
        index += 1
        if closer is None or tag.output:
            continue
        later = where.get(closer, [])
        at = bisect.bisect_left(later, index)
        end = later[at] if at < len(later) else None
        blocks.append((tag.name, tag.start, found[end].end if end is not None else len(text)))
        if tag.name != "highlight":  # nothing inside raw/comment is a tag
            index = end + 1 if end is not None else len(found)
    return blocks


def union(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping regions covering the same offsets (for `inside`)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def markdown_arguments(text: str, found: list[Tag]) -> Iterator[tuple[int, str]]:
    """(offset, string) of each quoted argument of a `{% %}` tag that holds a Markdown
    link: themes render such arguments as Markdown (made-mistakes' `{% figure
    caption:"[x](url)" %}`, minimal-mistakes' `{% include figure.html caption="..." %}`)."""
    for tag in found:
        if tag.output or tag.name in _NO_MARKDOWN or "](" not in tag.markup:
            continue
        written = text[tag.start : tag.end]
        for quoted in _QUOTED.finditer(written):
            inner = quoted[1] if quoted[1] is not None else quoted[2]
            if "](" in inner:
                yield tag.start + quoted.start() + 1, inner


_ARGUMENT = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'%]+))""")


def include_arguments(tag: Tag, written: str) -> tuple[str, dict[str, tuple[int, str]]]:
    """The included file's stem (`figure` for `{% include figure.html ... %}`) and
    its `key=value` arguments: key -> (offset of the value in `written`, value)."""
    name = tag.markup.split(maxsplit=1)[0] if tag.markup.split() else ""
    after = written.find(name, len(tag.name) + 2) + len(name) if name else len(written)
    arguments: dict[str, tuple[int, str]] = {}
    for match in _ARGUMENT.finditer(written, after):
        group = next(g for g in (2, 3, 4) if match[g] is not None)
        arguments[match[1]] = (match.start(group), match[group])
    return name.rsplit("/", 1)[-1].split(".")[0].lower(), arguments


def rendered(text: str) -> tuple[list[Tag], list[Tag]]:
    """(every tag of `text`, those Liquid renders: outside raw and comment blocks)."""
    every = tags(text)
    no_liquid, _ = quiet(text, every)
    return every, live(every, no_liquid)


def live(found: list[Tag], no_liquid: list[tuple[int, int]]) -> list[Tag]:
    """The tags Liquid renders: those outside raw and comment blocks."""
    return [t for t in found if not inside(t.start, no_liquid)]


def inside(offset: int, regions: list[tuple[int, int]]) -> bool:
    """Whether `offset` is in one of `regions` (sorted and disjoint, as `quiet` gives them)."""
    at = bisect.bisect_right(regions, (offset, float("inf"))) - 1
    return at >= 0 and regions[at][0] <= offset < regions[at][1]


def mask(text: str, found: list[Tag], distinct: bool = False) -> str:
    """`text` with every tag replaced by `x`s of the same length (newlines kept). With
    `distinct`, each tag's mask ends in its own number (base 36): two reference
    definitions `[a]: {{ page.a }}` and `[b]: {{ page.b }}` then stay two targets
    (as `x`s alone, both read `xxxxxxxxxxxxxxx`, and b's links were taken for a's)."""
    out = list(text)
    for number, tag in enumerate(found):
        places = [i for i in range(tag.start, tag.end) if out[i] not in "\r\n" and i not in _indents(text, tag)]
        for i in places:
            out[i] = "x"
        if distinct:
            for i, digit in zip(reversed(places), reversed(_base36(number + 1)), strict=False):
                out[i] = digit
    return "".join(out)


def _indents(text: str, tag: Tag) -> set[int]:
    """The places of the spaces and tabs that start each later line of a tag written over
    several lines, when the tag goes on after them on that line: kept in the mask, so that
    the line stays as indented as it is written (`   }}` in a fence of a list item, masked
    `xxxxx`, ended the item and turned the fence's closer into an opener; a markup audit)."""
    kept: set[int] = set()
    at = text.find("\n", tag.start, tag.end)
    while at >= 0:
        start = at + 1
        end = text.find("\n", start, tag.end)
        stop = end if end >= 0 else tag.end
        first = start
        while first < stop and text[first] in " \t":
            first += 1
        if first < stop and text[first] != "\r":  # the tag goes on, on this line
            kept.update(range(start, first))
        at = end
    return kept


def _base36(number: int) -> str:
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
    return digits


def unresolved(url: str) -> bool:
    return "{{" in url or "{%" in url


@dataclass
class Resolver:
    """Renders the Liquid a link is made of; a tag it cannot render stays as written."""

    site: dict[str, Any]
    page: dict[str, Any]
    post_url: Callable[[str], str | None]
    link: Callable[[str], str | None]
    # Jekyll 4 writes the link tags' URLs under the baseurl (`relative_url`); Jekyll 3.10,
    # GitHub Pages' own build, without it
    tags_under_base: bool = True

    def resolve(self, raw: str) -> str:
        if "{" not in raw or self.page.get("render_with_liquid") is False:
            return raw  # no Liquid, or a post Jekyll renders none in: the link is as written
        pieces, last = [], 0
        for tag in tags(raw):
            value = self._output(tag.markup) if tag.output else self._tag(tag)
            pieces += [raw[last:tag.start], value if value is not None else raw[tag.start:tag.end]]
            last = tag.end
        return "".join(pieces) + raw[last:]

    def _tag(self, tag: Tag) -> str | None:
        url = None
        if tag.name == "post_url":
            url = self.post_url(tag.markup)
        elif tag.name == "link" and not unresolved(tag.markup):
            url = self.link(tag.markup)
        return self._relative(url) if url is not None and self.tags_under_base else url

    def _output(self, expression: str) -> str | None:
        head, *filters = [part.strip() for part in expression.split("|")]
        value = self._value(head)
        for spec in filters:
            if value is None:
                return None
            value = self._filter(value, spec)
        return value

    def _value(self, expression: str) -> str | None:
        string = _STRING.match(expression)
        if string:
            return string[1] if string[1] is not None else string[2]
        variable = _VARIABLE.match(expression)
        if variable is None:
            return None
        value: Any = self.site if variable[1] == "site" else self.page
        for key in variable[2].split(".")[1:]:
            value = value.get(key) if isinstance(value, dict) else None
        if value is None and variable[2] in (".baseurl", ".url"):
            return ""  # Jekyll's defaults
        if value is None and variable[1] == "site" and variable[2] == ".github.url":
            return self._own_address()
        return str(value) if isinstance(value, (str, int, float)) else None

    def _own_address(self) -> str:
        """`site.github.url` (jekyll-github-metadata, on every GitHub Pages build): the
        site's own address with its base path, as `{{ site.url }}{{ site.baseurl }}`;
        its host is known only to GitHub, but the path after it names a file of the site."""
        base = str(self.site.get("baseurl") or "").strip("/")
        return str(self.site.get("url") or "").rstrip("/") + (f"/{base}" if base else "")

    def _relative(self, value: str) -> str:
        """`value` under the site's baseurl, as Jekyll's `relative_url` writes it."""
        base = str(self.site.get("baseurl") or "").strip("/")
        path = "/" + "/".join(p for p in (base, value.lstrip("/")) if p)
        return path + "/" if value.endswith("/") and not path.endswith("/") else path

    def _filter(self, value: str, spec: str) -> str | None:
        name, _, argument = spec.partition(":")
        name, arg = name.strip(), self._value(argument.strip()) if argument.strip() else ""
        if arg is None:
            return None
        if name in ("relative_url", "absolute_url"):
            if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I):
                return value
            path = self._relative(value)
            return (str(self.site.get("url") or "").rstrip("/") if name == "absolute_url" else "") + path
        simple: dict[str, Callable[[], str]] = {
            "prepend": lambda: arg + value, "append": lambda: value + arg, "strip": value.strip,
            "downcase": value.lower, "escape": lambda: value, "uri_escape": lambda: value,
        }
        return simple[name]() if name in simple else None
