"""The ids a post's HTML will have, as Jekyll's kramdown generates them.

Headings get automatic ids (`auto_ids`, on by default). With the GFM input
(Jekyll's default) the id is the heading's text, lower-cased, with everything
but letters, marks, digits, `_`, `-`, spaces and tabs removed and spaces made
`-`; repeats get `-1`, `-2`. The plain kramdown input drops leading non-letters,
keeps only ASCII letters, digits, spaces and `-`, and names an empty id
`section`. Explicit ids (`{#id}`, `{: #id}`) and raw HTML `id=`/`name=` count too."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blogcheck.parse.markdown import Cursor

if TYPE_CHECKING:
    from markdown_it.token import Token

    from blogcheck.links.extract import Parsed

# kramdown's typographic symbols, which the GFM id generator then drops.
_TYPOGRAPHIC = [("---", "\u2014"), ("--", "\u2013"), ("...", "\u2026"), ("<< ", "\u00ab "), (" >>", " \u00bb"),
                ("<<", "\u00ab"), (">>", "\u00bb")]
# Bounded repeats keep these linear on hostile text (a line of 100,000 `{`).
# An attribute list is `{:` ... `#id` ... `}`, or `{#id}`: not `{ "/docs/#assets" | relative_url }`, a
# Liquid output shown as written (`render_with_liquid: false`), which kramdown leaves as text.
_IAL_ID = re.compile(r"\{(?::[^{}#\n]{0,80})?#([\w:.-]{1,80})[^{}\n]{0,80}\}")
_TRAILING_IAL = re.compile(r"\{:?[ \t]{0,80}#([\w:.-]{1,80})[^{}\n]{0,80}\}$")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]{1,80})\]")
_DEFINITION = re.compile(r"^[ \t]{0,3}\[\^([^\]\s]{1,80})\]:", re.MULTILINE)  # at the start of a line
_MAX_LAYOUTS = 500
ALWAYS = frozenset({"", "top"})  # browsers scroll to the top for these without an element


class Dialect:
    """Which id generator the site's `_config.yml` selects."""

    def __init__(self, config: dict[str, Any]) -> None:
        kramdown = config.get("kramdown")
        options = kramdown if isinstance(kramdown, dict) else {}
        markdown = str(config.get("markdown") or "kramdown").lower()
        self.kramdown = markdown == "kramdown"  # a heading kramdown shows as text has no id (text_headings)
        self.auto = options.get("auto_ids", True) is not False
        self.prefix = str(options.get("auto_id_prefix") or "")
        source = str(options.get("input") or "GFM").lower()
        self.styles: tuple[str, ...] = ("kramdown",) if source == "kramdown" else ("gfm",)
        # kramdown's own input makes ids of the heading as written, unless `auto_id_stripping` strips its markup first
        self.as_written = source == "kramdown" and options.get("auto_id_stripping") is not True
        if markdown != "kramdown":  # another processor (CommonMark...): accept either scheme
            self.styles = ("gfm", "kramdown")


def heading_ids(texts: Iterable[str], dialect: Dialect, written: Iterable[str] | None = None) -> set[str]:
    """The automatic ids of headings with these texts (in document order). `written`:
    the same headings as their source has them (`Install [Jekyll](https://...)`), which
    the plain kramdown input makes its ids of; the GFM input uses the text shown."""
    found: set[str] = set()
    explicit: list[str] = []
    plain: list[tuple[str, str]] = []
    shown = list(texts)
    for text, source in zip(shown, shown if written is None else written, strict=True):
        match = _TRAILING_IAL.search(text.rstrip())
        if match:
            explicit.append(match[1])
        else:
            plain.append((text, source))
    found.update(explicit)
    if dialect.auto:
        for style in dialect.styles:
            found.update(dialect.prefix + i for i in _numbered([t if style == "gfm" else w for t, w in plain], style)
                         if i)
    return found


def _numbered(texts: list[str], style: str) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for text in texts:
        base = gfm_id(text) if style == "gfm" else kramdown_id(text)
        count = seen[base]
        seen[base] += 1
        out.append(base if count == 0 else f"{base}-{count}")
    return out


def gfm_id(text: str) -> str:
    for plain, symbol in _TYPOGRAPHIC:
        text = text.replace(plain, symbol)
    kept = "".join(c for c in text.lower() if c in "- \t" or unicodedata.category(c)[0] in "LM"
                   or unicodedata.category(c) in ("Nd", "Nl", "Pc"))
    return kept.replace(" ", "-").replace("\t", "-")


def kramdown_id(text: str) -> str:
    text = re.sub(r"^[^a-zA-Z]+", "", text)
    text = re.sub(r"[^a-zA-Z0-9 -]", "", text)
    return text.replace(" ", "-").lower() or "section"


def footnote_ids(uses: Counter[str], defined: set[str]) -> set[str]:
    """kramdown's ids for footnotes both used (`[^1]`) and defined (`[^1]: ...`):
    fn:1 on the note, fnref:1 on its first use, fnref:1:1, fnref:1:2... on later
    ones. A footnote used but not defined stays text; one never used is dropped."""
    found: set[str] = set()
    for name, count in uses.items():
        if name in defined and count > 0:
            found |= {f"fn:{name}", f"fnref:{name}", *(f"fnref:{name}:{n}" for n in range(1, count))}
    return found


def ids(parsed: Parsed, dialect: Dialect, resolve: Callable[[str], str]) -> set[str]:
    """Every id the post's HTML will have (that kramdown or its raw HTML gives)."""
    from blogcheck.links import html

    headings: list[str] = []
    written: list[str] = []
    found: set[str] = set()
    uses: Counter[str] = Counter()  # footnote name -> how often the text uses it
    defined: set[str] = set()
    stream = parsed.tokens
    shown_as_text = set(_as_text(parsed, dialect))
    code = _in_code(parsed, dialect)
    for number, token in enumerate(stream):
        if token.type == "heading_open" and token.map and token.map[0] in shown_as_text:
            continue
        if token.map and token.map[0] in code:
            continue  # a line kramdown takes into the indented code above it (BC621): no id on the page
        if token.type == "heading_open" and number + 1 < len(stream):
            headings.append(_text(parsed, stream[number + 1], resolve))
            if dialect.as_written:
                written.append(_source(parsed, stream[number + 1], resolve))
            else:  # kramdown's `auto_id_stripping` keeps the text elements only: no code span
                written.append(_text(parsed, stream[number + 1], resolve, ("text",)) if "kramdown" in dialect.styles
                               else headings[-1])
        elif token.type == "html_block":
            found |= html.read(token.content)[1]
        elif token.type == "inline":
            labels = _DEFINITION.findall(token.content)  # `[^1]: note` lines of a paragraph
            defined.update(labels)
            for child in token.children or []:
                if child.type == "html_inline":
                    found |= html.read(child.content)[1]
                elif child.type == "text":
                    found.update(_IAL_ID.findall(child.content))
                    uses.update(_FOOTNOTE.findall(child.content))
            uses.subtract(labels)  # a definition's own label is no use of it
    return found | heading_ids(headings, dialect, written) | footnote_ids(uses, defined)


def text_ids(parsed: Parsed, dialect: Dialect, resolve: Callable[[str], str]) -> dict[str, str]:
    """The ids the headings kramdown shows as text would have, each with what BC203 says
    of its heading ("the heading `# Setup` on line 5"): the page has none of them."""
    from blogcheck.parse.yaml_hints import as_code

    found: dict[str, str] = {}
    shown_as_text = _as_text(parsed, dialect)
    for number, token in enumerate(parsed.tokens[:-1]):
        if token.type == "heading_open" and token.map and token.map[0] in shown_as_text:
            text = _text(parsed, parsed.tokens[number + 1], resolve)
            about = f"the heading {as_code(shown_as_text[token.map[0]])} on line {parsed.post.body_line + token.map[0]}"
            found.update((i, about) for i in heading_ids([text], dialect, [_source(parsed, parsed.tokens[number + 1],
                                                                                     resolve)]))
    return found


def _in_code(parsed: Parsed, dialect: Dialect) -> frozenset[int]:
    """Body lines kramdown makes code under an indented code block (none on other sites)."""
    from blogcheck.jekyll.kramdown_lazy_code import rows

    return rows(parsed.post.body) if dialect.kramdown else frozenset()


def _as_text(parsed: Parsed, dialect: Dialect) -> dict[int, str]:
    """Body line -> heading, of the headings kramdown shows as text (none on other sites)."""
    from blogcheck.jekyll.text_headings import in_body

    if not dialect.kramdown:
        return {}
    return {found.number: found.seen.strip() for found in in_body(parsed.post.body)}


def _source(parsed: Parsed, inline: Token, resolve: Callable[[str], str]) -> str:
    """A heading's text as its source writes it (a link's URL, `&amp;`, an image's path
    kept), Liquid rendered: what kramdown's own input makes an id of."""
    cursor = Cursor.for_block(parsed.masked, parsed.post.body_line, inline)
    where = cursor.find(inline.content) if inline.content else None
    text = parsed.cut(where[0], where[1], len(inline.content)) if where is not None else inline.content
    return _without_tags(resolve(text)) if "{" in text else text


def _text(parsed: Parsed, inline: Token, resolve: Callable[[str], str],
          kinds: tuple[str, ...] = ("text", "code_inline")) -> str:
    """A heading's text as kramdown sees it: text and code (the `kinds` of child read),
    Liquid rendered."""
    cursor = Cursor.for_block(parsed.masked, parsed.post.body_line, inline)
    pieces = []
    for child in inline.children or []:
        if child.type not in ("text", "code_inline"):
            continue
        if child.type not in kinds:  # passed, so that the cursor moves on
            cursor.find(child.content)
            continue
        text = child.content
        where = cursor.find(text) if text else None
        written = parsed.cut(where[0], where[1], len(text)) if where is not None else text
        if written != text:  # it held masked Liquid: render what can be rendered
            text = _without_tags(resolve(written))
        pieces.append(text)
    return "".join(pieces)


def layout_ids(root: Path, config: dict[str, Any]) -> set[str]:
    """Ids every page of the site has from its layouts and includes (`#comments`,
    Disqus's `#disqus_thread`), so a link to them from a post is fine. They are read in the
    site's `encoding:`, as Jekyll reads them."""
    from blogcheck.jekyll.encoding import read_text, site_encoding
    from blogcheck.links import html

    found = {"disqus_thread"} if any("disqus" in str(k).lower() for k in _keys(config)) else set()
    templates = [p for folder in ("_layouts", "_includes") for p in sorted((root / folder).rglob("*.htm*"))]
    encoding = site_encoding(config)
    for path in templates[:_MAX_LAYOUTS]:
        try:
            found |= {i for i in html.read(read_text(path, -1, encoding))[1] if "{" not in i}
        except OSError:
            continue
    return found


def _keys(table: Any) -> Iterable[str]:
    if isinstance(table, dict):
        for key, value in table.items():
            yield str(key)
            yield from _keys(value)


def _without_tags(text: str) -> str:
    from blogcheck.links.liquid import tags

    for tag in reversed(tags(text)):
        text = text[: tag.start] + text[tag.end :]
    return text
