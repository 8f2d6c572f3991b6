"""BC601 hidden-html-tag: a placeholder written like an HTML tag, which the page hides;
BC602 text-not-link: a link written so that no Markdown reads it as one
(`[text] (url)`, `(text)[url]`, `[text(url]`): the page shows brackets and the URL;
BC606 spaced-emphasis: `**Chapter 4 **`, whose `**` both show, as no Markdown takes
a `**` after a space for a closing one (`--fix` takes the space out); BC607
dashed-option: `--year` in the text, an en dash on a kramdown site (`--fix` writes
`\\-\\-`); BC612 guillemets: `<<` or `>>` in the text, `«` and `»` on a kramdown site
(`--fix` writes `\\<<`).

Markdown passes raw HTML through, kramdown as well as CommonMark: a `<sos>` token
of NLP notes, `git checkout <branch>`, `List<T>` or a prompt template's `<extract
the passages here>` written in the text (not in code) reaches the browser as a tag
of an element it does not know, and the reader sees nothing in its place. Built
with Jekyll, the seed blog's `gds.<algorithm>` reads `gds.` on the page.

Reported: a tag in the text whose name is no element of HTML, SVG or MathML, when
the post never closes it (a web component such as `<model-viewer ...></model-viewer>`
is closed). `check --fix` escapes its `<` (`\\<sos>`), which both Markdown readers
show as written.

None of these is looked for in code (`<code>`, `<kbd>`... too: `markup_parts`), nor, on a
kramdown site, in its math, attribute lists and nomarkdown (`jekyll/markup_syntax`); a fix
that would change a heading's id or lose a reference link is withheld (`markup_fixes`)."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator

from blogcheck.checks import Context, markup_bold, markup_parts, markup_runs
from blogcheck.checks.markup_fixes import anchored_heading, in_heading, in_link
from blogcheck.checks.markup_parts import AS_TYPED, Part
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.kramdown_blocks import TAG_NAME, may_keep_raw, raw_lines, view
from blogcheck.jekyll.markup_syntax import blanked, inside
from blogcheck.parse.markdown import Cursor, blocks, parser
from blogcheck.post import Post

CODES = ["BC601", "BC602", "BC606", "BC607", "BC611", "BC612", "BC618", "BC619"]
# HTML's elements (current and obsolete ones browsers still know), SVG's and MathML's.
# Links written wrong (the URL must start like one, so `[1, 2] (see ...)` is prose): (pattern, what is wrong).
_NOT_LINKS = (
    (re.compile(r"\[([^\[\]\n]+)\][ \t]+\(((?:https?://|/)[^\s()]*)\)"),
     "Markdown allows no space between `]` and `(`"),
    (re.compile(r"\(([^()\n]+)\)\[((?:https?://|/)[^\s\[\]]*)\]"), "its text and URL are the wrong way round"),
    (re.compile(r"\[([^\[\]()\n]+)\((https?://[^\s\[\]()]+)\]"), "the `](` between its text and URL is missing"),
)
# A command-line option in the text (`--year`), whose `--` kramdown makes an en dash
_OPTION = re.compile(r"(?<![\w\\-])--[A-Za-z][\w-]*")
# `<<` and `>>` in the text, which kramdown makes guillemets (`cat <<EOF` shows `cat «EOF`)
_ANGLES = re.compile(r"(?<![\\<>])(<<|>>)")
# a blank to fill in, `____`, or a run of `****`, standing alone: kramdown reads emphasis in a run of
# 4 or of 6 and more (`<em>__</em>`, `<strong>__</strong>__`; one of 5, alone, it shows as typed)
_RUN = re.compile(r"(?<![\w\\*])(?:_{6,}|_{4}|\*{6,}|\*{4})(?![\w*_])")
# an emoji shortcode as GitHub writes them, `:rocket:`, `:+1:` (not a time, `10:30:00`, nor `a:b:c`)
_SHORTCODE = re.compile(r"(?<![\w:]):([a-z0-9_+\-]{1,40}):(?![\w:])")
# HTML elements (`image` aside: a browser makes it an `<img>` with no source, so it shows nothing)
_HTML = """
a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote body br
button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed
fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe
img input ins isindex kbd keygen label legend li link listing main map mark marquee menu menuitem meta meter multicol
nav nextid nobr noembed noframes noscript object ol optgroup option output p param picture plaintext pre progress q rb
rp rt rtc ruby s samp script search section select slot small source spacer span strike strong style sub summary sup
table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
"""
# SVG and MathML elements: elements only inside `<svg>` or `<math>`; in running text `<mask>`, `<path>`
# or `<image>` (RoBERTa's and LLaVA's tokens, `git add <path>`) are tags of nothing, and hide
_FOREIGN = """
image
svg animate animatemotion animatetransform circle clippath defs desc ellipse feblend fecolormatrix
fecomponenttransfer fecomposite feconvolvematrix fediffuselighting fedisplacementmap fedistantlight fedropshadow
feflood fefunca fefuncb fefuncg fefuncr fegaussianblur feimage femerge femergenode femorphology feoffset
fepointlight fespecularlighting fespotlight fetile feturbulence filter foreignobject g line lineargradient marker
mask metadata mpath path pattern polygon polyline radialgradient rect set stop switch symbol text textpath tspan use
view
math annotation annotation-xml maction menclose merror mfenced mfrac mi mmultiscripts mn mo mover mpadded mphantom
mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable mtd mtext mtr munder munderover none semantics
"""
_ELEMENTS = frozenset(_HTML.split())
_FOREIGN_ELEMENTS = frozenset(_FOREIGN.split())
# HTML elements that, written bare in text (`python convert.py <input> <output>`, `cp <source> <dest>`),
# are placeholders: `<input>` draws a text box, `<output>` and `<source>` hide the words after them
_BARE_PLACEHOLDERS = frozenset({"input", "output", "source"})


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    from blogcheck.select import check_wanted

    if not check_wanted("markup", CODES, ctx.config.select, ctx.config.ignore):
        return
    if not ctx.site.converts_markdown(post.path):
        return  # an HTML post is the writer's HTML, and a `\<` would show as written
    shortcodes = _SHORTCODE.search(post.body) is not None and not _emoji_plugin(ctx)
    if not any(_wanted(post.body, ctx.site.kramdown)) and not shortcodes:
        return  # nothing to look for, even before Liquid and code blocks are taken out
    seen = view(post.body)  # Liquid rendered as far as known; highlight and comment blocks blanked
    body = seen.rendered
    unknown, links, strong, options, bare = _wanted(body, ctx.site.kramdown)
    bare = bare and check_wanted("markup", ["BC611"], ctx.config.select, ctx.config.ignore)
    shortcodes = shortcodes and _SHORTCODE.search(body) is not None
    if not unknown and not links and not strong and not options and not bare and not shortcodes:
        return  # no Markdown to parse
    closed = {m[1].lower() for m in re.finditer(r"</([A-Za-z][A-Za-z0-9-]*)\s*>", body)}
    lines = seen.text
    needles = [n for n, wanted in (("<", unknown), ("[", links), ("**", strong), ("__", strong), ("--", options),
                                   ("<<", options), (">>", options), ("____", options), ("****", options),
                                   ("://", bare)) if wanted]
    stream, env = blocks(body)  # shared with the kramdown check when it reads the same text
    # Lines kramdown keeps as raw HTML: no Markdown there, so no Markdown finding or fix (BC610 reports the block)
    raw = raw_lines(lines, stream) if may_keep_raw(post.body, ctx.site.raw_html_blocks) else set()
    inline = parser(escapes_apart=True)  # a text token with an escape merged in is found nowhere in the line
    written = post.body.split("\n")  # the body's lines as written (`lines` has Liquid masked)
    wanted = _Wanted(unknown, closed, links, strong, options, bare, shortcodes, ctx.site.typographic)
    for number, token in enumerate(stream):
        if token.map is None or token.type not in ("inline", "html_block"):
            continue
        if token.type == "inline" and not any(needle in token.content for needle in needles) \
                and not (shortcodes and _SHORTCODE.search(token.content)):
            continue
        in_raw = token.map[0] in raw  # kramdown keeps the line as HTML: a `\\` would show, `&lt;` is right
        cursor = Cursor.for_block(lines, post.body_line, token)
        parts = markup_parts.parts(inline.parseInline(token.content, env)[0].children or []) \
            if token.type == "inline" else [Part("html_inline", token.content.split("\n")[0])]  # a block: its tag
        anchored: bool | None = None  # found when there is a finding
        for diag, part in _findings(post, lines, written, cursor, parts, wanted, token.type, in_raw):
            if ctx.site.kramdown and inside(blanked(body), lines, diag.line - post.body_line, diag.column - 1):
                continue  # kramdown's math, an attribute list or nomarkdown: no text of the page
            if part.linked:
                diag = in_link(diag, lines, (token.map[0], token.map[1]), post.body_line, env)
            anchored = anchored_heading(stream, number, written) if anchored is None else anchored
            yield in_heading(diag) if anchored else diag


@dataclasses.dataclass(frozen=True)
class _Wanted:
    """What a post may hold (see `_wanted`), and the tags it closes."""

    unknown: set[str]
    closed: set[str]
    links: bool
    strong: bool
    options: bool
    bare: bool
    shortcodes: bool = False  # `:rocket:` on a site that loads no emoji plugin
    typographic: bool = True  # kramdown makes `--` and `<<` en dashes and guillemets (no `no_auto_typographic`)


def _findings(post: Post, lines: list[str], written: list[str], cursor: Cursor, parts: list[Part],
              wanted: _Wanted, kind: str, in_raw: bool) -> Iterator[tuple[Diagnostic, Part]]:
    """The findings of one block's inline parts, each with its part. Text in code (`<code>`,
    `<kbd>`...) is no prose: no BC602, BC606 or BC611 there, and no BC607 where kramdown
    keeps its `--`; text in a link is no bare URL nor a link to make."""
    opened: dict[str, tuple[int, int]] = {}  # `**` left open by an earlier text part: its (line, column)
    before = ""  # the kind of the part before
    paired = _paired(parts) if wanted.options else None
    for index, part in enumerate(parts):
        content = part.content
        where = cursor.find(content) if content and part.kind in ("text", "code_inline", "html_inline", "url") \
            else None
        if part.kind == "text" and where is not None and not in_raw and wanted.strong and not part.code:
            if before != "text":  # `**run `pip install` **`: the closing after code or a link, its opener before
                yield from ((d, part) for d in markup_bold.spaced_across(post, lines, where, content, opened))
            opened = markup_bold.left_open(where, content, opened)
        before = part.kind
        if part.kind == "text" and where is not None and not in_raw:
            prose = not part.code
            not_links = list(_not_links(post, where, content)) if wanted.links and prose and not part.linked else []
            yield from ((d, part) for d in not_links)
            if wanted.shortcodes and prose:
                yield from ((d, part) for d in _shortcodes(post, lines, where, content))
            if wanted.bare and prose and not part.linked:
                yield from ((d, part) for d in _bare_urls(post, lines, written, where, content, not_links))
            if wanted.strong and prose:
                yield from ((d, part) for d in markup_bold.spaced(post, where, content))
            if wanted.options and part.code not in AS_TYPED:
                if wanted.typographic:
                    yield from ((d, part) for d in _options(post, where, content))
                    yield from ((d, part) for d in _angles(post, lines, where, content))
                yield from ((d, part) for d in _runs(post, lines, where, content, paired and (paired[1][index],
                                                                                               paired[0])))
        if part.kind != "html_inline" or where is None or content.lstrip().startswith(("<!", "<?")):
            continue  # a comment (its tags show nowhere), a processing instruction, a declaration
        for found in markup_parts.tag_names(content):
            name = found[1].lower()
            bare = content[found.end():found.end() + 1] == ">" and found[0][1:2] != "/"
            if name in wanted.unknown and name not in wanted.closed and (name not in _BARE_PLACEHOLDERS or bare):
                source = lines[where[0] - post.body_line]
                as_typed = part.code if part.code in AS_TYPED else ""  # a `<tt>`'s text is Markdown to kramdown
                yield _hidden(post, where[0], where[1] + found.start(), found, content, kind, in_raw, as_typed,
                              source), part


def _bare_urls(post: Post, lines: list[str], written: list[str], where: tuple[int, int], text: str,
               not_links: list[Diagnostic]) -> Iterator[Diagnostic]:
    """BC611: `see https://youtu.be/x` in the text: the preview (GitHub) makes the URL a
    link, kramdown shows it as plain text (found as linkify-it finds it for the preview;
    http and https only, not inside a link, not one BC602 already reports)."""
    from blogcheck.links.linkify import urls

    taken = [(d.column, d.end_column or d.column) for d in not_links]
    for start, raw in urls(text):
        line, column = where[0], where[1] + start
        source = _source_line(lines, post, line)
        if source[column - 1:column - 1 + len(raw)] != raw or any(a <= column < b for a, b in taken):
            continue  # written otherwise in the source (an escape, an entity), or reported as BC602
        if source[column - 1 + len(raw):column + len(raw)] in ("_", "*"):  # `/_private_/x`: emphasis cut the text
            whole = next(iter(urls(source[column - 1:])), None)
            raw = whole[1] if whole is not None and whole[0] == 0 and len(whole[1]) > len(raw) else raw
        if _TEMPLATE.search(raw):
            continue  # `https://cran.r-project.org/package=PACKAGE_NAME`: a form to fill in, not a page to click
        if written[line - post.body_line][column - 1:column - 1 + len(raw)] != raw:
            continue  # Liquid masked in `lines` (`{%` left open runs over the URL): not the file's text
        scheme, _, rest = raw.partition(":")
        link = f"<{scheme.lower()}:{rest}>"  # kramdown autolinks `<https:...>` and `<http:...>`, in lower case only
        lower = "" if scheme.islower() else " (its scheme in lower case: kramdown makes no link of `<HTTPS:...>`)"
        piped = "|" in raw  # kramdown splits a paragraph into cells at it, `<...>` or not: `%7C` is the writer's
        fix = {} if piped else {"fix": [[line, column, raw, link]]}
        diag = diagnostic("BC611", post.display, line, column,
                          f"`{raw}` shows as plain text on the page: kramdown makes no link of a bare URL (the "
                          "Markdown preview does), so readers cannot click it",
                          f"write `{link.replace('|', '%7C')}` to make it a link{lower} (or put it in backticks if "
                          "it is code)" + (" (`%7C` for its `|`, which kramdown takes for a table's)" if piped else ""),
                          url=raw, **fix)
        yield dataclasses.replace(diag, end_line=line, end_column=column + len(raw))


# A placeholder in a URL: `PACKAGE_NAME`, `YOUR_TOKEN`, `USERNAME`, `{id}`; not any UPPER_SNAKE
# word (Wikipedia's `HTTP_404` is a page).
_TEMPLATE = re.compile(r"(?<![A-Za-z0-9_])(?:(?:YOUR|MY)_[A-Z0-9_]+|[A-Z]+_(?:NAME|ID|TOKEN|KEY|USER|REPO|OWNER|ORG"
                       r"|PROJECT|VERSION|HERE)|USERNAME|YOURNAME)(?![A-Za-z0-9_])|\{[^{}/]+\}")


_DRAWING = re.compile(r"<(?:svg|math)\b", re.IGNORECASE)  # a post that draws: SVG and MathML names are elements
_BARE = re.compile(rf"<({'|'.join(sorted(_BARE_PLACEHOLDERS))})>", re.IGNORECASE)


def _wanted(body: str, kramdown: bool) -> tuple[set[str], bool, bool, bool, bool]:
    """What `body` may hold: tags of no known element, links written as text, spaced
    `**`, options and bare URLs (on a kramdown site)."""
    known = _ELEMENTS | _FOREIGN_ELEMENTS if _DRAWING.search(body) else _ELEMENTS
    unknown = {m[1].lower() for m in TAG_NAME.finditer(body)} - known
    unknown |= {m[1].lower() for m in _BARE.finditer(body)}
    links = any(pattern.search(body) for pattern, _ in _NOT_LINKS)
    typographic = _OPTION.search(body) is not None or _ANGLES.search(body) is not None or \
        _RUN.search(body) is not None
    return unknown, links, markup_bold.wanted(body), kramdown and typographic, kramdown and "://" in body


def _options(post: Post, where: tuple[int, int], text: str) -> Iterator[Diagnostic]:
    """BC607: `python starter.py --year 2024` in the text: kramdown makes the `--` an en
    dash (the preview keeps it), so the page shows the option with a dash no program takes."""
    for found in _OPTION.finditer(text):
        line, column = where[0], where[1] + found.start()
        diag = diagnostic("BC607", post.display, line, column,
                          f"`{found[0]}` shows as `\u2013{found[0][2:]}` on the page: kramdown makes `--` an en dash "
                          "(the Markdown preview keeps it), and a reader who copies the command gets an option no "
                          "program takes", "put the command in backticks; or write `\\-\\-` (which both show as `--`)",
                          fix=[[line, column, "--", "\\-\\-"]])
        yield dataclasses.replace(diag, end_line=line, end_column=column + len(found[0]))


def _angles(post: Post, lines: list[str], where: tuple[int, int], text: str) -> Iterator[Diagnostic]:
    """BC612: `cin << x`, `cat <<EOF`, a `>>>` prompt in a table: kramdown makes `<<` and `>>`
    guillemets (the preview keeps them), so the page shows `cin « x`."""
    for found in _ANGLES.finditer(text):
        line, column = where[0], where[1] + found.start()
        source = _source_line(lines, post, line)
        if source[column - 1:column + 1] != found[0] or source[column - 2:column - 1] in ("<", ">"):
            continue  # written otherwise (`&gt;&gt;`), or the rest of a `>>>` closing `<u8>` (BC601 fixes it)
        mark = "\u00ab" if found[0] == "<<" else "\u00bb"
        diag = diagnostic("BC612", post.display, line, column,
                          f"`{found[0]}` shows as `{mark}` on the page: kramdown makes `<<` and `>>` guillemets (the "
                          "Markdown preview keeps them)", f"put it in backticks if it is code; or write "
                          f"`\\{found[0]}` (which both show as `{found[0]}`)",
                          fix=[[line, column, found[0], "\\" + found[0]]])
        yield dataclasses.replace(diag, end_line=line, end_column=column + 2)


def _emoji_plugin(ctx: Context) -> bool:
    """The site turns `:rocket:` into an emoji: it loads jemoji (`plugins:`, or the Gemfile)."""
    from blogcheck.jekyll.plugins import gems

    return any(gem.removesuffix(".rb") == "jemoji" for gem in gems(ctx.site))


@functools.lru_cache(maxsize=1)
def _emoji_names() -> dict[str, str]:
    """GitHub's emoji shortcodes (`rocket`, `+1`, `heavy_check_mark`) -> the emoji, as the
    `emoji` package (PyPI) names them: its English name and GitHub's aliases."""
    import emoji

    return {name.strip(":"): char for char, data in emoji.EMOJI_DATA.items()
            for name in (data["en"], *data.get("alias", ()))}


def _shortcodes(post: Post, lines: list[str], where: tuple[int, int], text: str) -> Iterator[Diagnostic]:
    """BC619: `:rocket:` in the text of a site without jemoji: the preview (GitHub) shows the
    emoji, the page shows the word between colons."""
    for found in _SHORTCODE.finditer(text):
        char = _emoji_names().get(found[1])
        line, column = where[0], where[1] + found.start()
        source = _source_line(lines, post, line)
        if char is None or source[column - 1:column - 1 + len(found[0])] != found[0]:
            continue
        diag = diagnostic("BC619", post.display, line, column,
                          f"`{found[0]}` shows as typed on the page: this site loads no emoji plugin (jemoji), "
                          f"and only the Markdown preview (GitHub) shows {char}",
                          f"write the emoji itself, {char} (check --fix does), or add `jemoji` to `plugins:` in "
                          "_config.yml", fix=[[line, column, found[0], char]])
        yield dataclasses.replace(diag, end_line=line, end_column=column + len(found[0]))


def _paired(parts: list[Part]) -> tuple[list[markup_runs.Paired], list[int]] | None:
    """The runs of 4 of a block that kramdown makes bold with a run further on, and each
    part's offset in the block's text; None when the block has no run."""
    if not any(run in part.content for part in parts for run in ("____", "****")):
        return None
    text, offsets = markup_runs.paragraph(parts)
    return markup_runs.pairs(text, [(m.start(), len(m[0])) for m in _RUN.finditer(text)]), offsets


def _runs(post: Post, lines: list[str], where: tuple[int, int], text: str,
          paired: tuple[int, list[markup_runs.Paired]] | None = None) -> Iterator[Diagnostic]:
    """BC618: `small is to ____?`: a run of four or more `_` (or `*`) standing alone is text to
    the preview and emphasis to kramdown, which shows `__` in italics, or bold when it pairs
    with another run further on (`paired`: this text's offset in its block, and the pairs)."""
    for found in _RUN.finditer(text):
        line, column = where[0], where[1] + found.start()
        source = _source_line(lines, post, line)
        if source[column - 1:column - 1 + len(found[0])] != found[0]:
            continue  # written otherwise (escaped, an entity)
        escaped = "".join("\\" + mark for mark in found[0])
        diag = diagnostic("BC618", post.display, line, column, _run_shown(found[0], found.start(), paired),
                          f"escape each mark, `{escaped}` (check --fix does)", fix=[[line, column, found[0], escaped]])
        yield dataclasses.replace(diag, end_line=line, end_column=column + len(found[0]))


def _run_shown(run: str, start: int, paired: tuple[int, list[markup_runs.Paired]] | None) -> str:
    """BC618's message: what kramdown makes of `run`, at `start` in its text."""
    at = start + paired[0] if paired else -1
    pair = next((p for p in paired[1] if p.opener <= at < p.closer + 2), None) if paired else None
    if pair is None:
        return (f"`{run}` is emphasis to kramdown, which shows `{run[:2]}` in "
                f"{'italics' if len(run) == 4 else 'bold'} instead (the Markdown preview shows it as typed)")
    bold = f"`{pair.shown}`" if pair.shown else "the text between them"
    other = "a later" if pair.opener == at else "an earlier"
    return (f"`{run}` and {other} run of `{run[0]}` make bold text to kramdown: the page shows {bold} in bold, "
            "marks and all (the Markdown preview shows both runs as typed)")


def _not_links(post: Post, where: tuple[int, int], text: str) -> Iterator[Diagnostic]:
    """BC602: prose written like a link that no Markdown reads as one."""
    for pattern, why in _NOT_LINKS:
        for found in pattern.finditer(text):
            line, column = where[0], where[1] + found.start()
            right = f"[{found[1]}]({found[2]})"
            diag = diagnostic("BC602", post.display, line, column,
                              f"`{found[0]}` is no link: {why}, so the page shows it as text", f"write `{right}`",
                              url=found[2], fix=[[line, column, found[0], right]])
            yield dataclasses.replace(diag, end_line=line, end_column=column + len(found[0]))


def _hidden(post: Post, line: int, column: int, found: re.Match[str], content: str, kind: str,
            in_raw: bool = False, code: str = "", source: str = "") -> Diagnostic:
    """BC601; in raw HTML (`in_raw`) and in `code`, an element whose text kramdown keeps as
    typed (`<code>`, `<kbd>`...), a Markdown escape or backticks show as typed: `&lt;` there.
    A `>>` after the tag would be kramdown's `»`: each `>` of it is escaped too
    (`Vec<Vec\\<u8\\>\\>`)."""
    tag = content[found.start():].split(">")[0] + ">" if ">" in content[found.start():] else found[0]
    name = tag[1:-1].strip("/ ").lower()
    # a tag that starts a line (3 spaces at most before it) starts an HTML block to kramdown, whatever
    # the preview makes of it: with no end tag for it, the rest of the post is raw (checked with jekyll build)
    starts_line = not source[:column - 1].strip() and column <= 4 and not in_raw and not code \
        and name not in ("input", "source")  # (void elements: nothing is left open)
    block = " (and kramdown reads the lines after it as HTML, not Markdown)" if kind == "html_block" else \
        " (and as it starts a line, kramdown reads the rest of the post as HTML: its Markdown shows as typed)" \
        if starts_line and source else ""
    escape, closing = ("&lt;", "&gt;") if in_raw or code else ("\\<", "\\>")
    after = column - 1 + len(tag)  # 0-based, just after the tag's `>`, when it is on this line
    run = len(source[after:]) - len(source[after:].lstrip(">")) if "\n" not in tag and source[after - 1:after] == ">" \
        else 0
    fix = [[line, column, "<", escape]] + ([[line, after, ">" * (run + 1), closing * (run + 1)]] if run else [])
    right = escape + (tag[1:-1] + closing * (run + 1) if run else tag[1:])
    hint = f"write `{right}`: kramdown reads this line as HTML" if in_raw else \
        f"write `{right}`: kramdown shows the text of a `<{code}>` as typed, `\\` included" if code else \
        f"write `{right}` to show it as written, or put it in backticks"
    shown = ("an empty text box" if name == "input" else "nothing") if name in _BARE_PLACEHOLDERS else ""
    said = (f"`{tag}` is an HTML element to the browser, not text: the page shows {shown} in its place{block}" if shown
            else f"`{tag}` is an HTML tag to the browser, of no element it knows: the page shows nothing in its "
                 f"place{block}")
    diag = diagnostic("BC601", post.display, line, column, said, hint, fix=fix)
    return dataclasses.replace(diag, end_line=line, end_column=column + len(tag.split("\n")[0]))


def _source_line(lines: list[str], post: Post, line: int) -> str:
    """The body's text of the post's line `line` as written ("" past the body)."""
    index = line - post.body_line
    return lines[index] if 0 <= index < len(lines) else ""
