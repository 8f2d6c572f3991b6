"""markdown-it's link helpers, with link destinations read as kramdown reads them.

CommonMark ends an inline link's URL at the first space, so
`![shot](/assets/Screen Shot 1.png)` is text to markdown-it; kramdown (Jekyll's
Markdown, GFM input included) takes everything up to the `)` that closes the
link, unless white space and a quote start a title. Such links are on the site,
so they must be checked. This module stands in for `markdown_it.helpers` on
blogcheck's parser (markdown-it reads its helpers from `md.helpers`), and gives
it a reference rule that leaves kramdown's footnote definitions alone."""

from __future__ import annotations

import re

from markdown_it.common.utils import normalizeReference
from markdown_it.helpers import parseLinkDestination as commonmark_destination
from markdown_it.helpers import parseLinkLabel, parseLinkTitle
from markdown_it.helpers.parse_link_destination import _Result
from markdown_it.rules_block.reference import reference as commonmark_reference
from markdown_it.rules_block.state_block import StateBlock

__all__ = ("parseLinkDestination", "parseLinkLabel", "parseLinkTitle")
_MARKS = re.compile(r"""[()\n]|[ \t](?=["'])""")
_TITLE = re.compile(r"""[ \t](?=["'])""")  # white space before a title
_LONGEST = 500  # a longer "URL" is prose that happens to hold a `(`; no scan runs past it


def parseLinkDestination(string: str, pos: int, maximum: int) -> _Result:
    """CommonMark's destination where kramdown reads the same; else kramdown's,
    kept to one line (a reference definition has no `)` to end it)."""
    found = commonmark_destination(string, pos, maximum)
    if string.startswith("<", pos):
        return found
    end = found.pos if found.ok else pos
    after = end
    while after < maximum and string[after] in " \t":
        after += 1
    if found.ok and (after >= maximum or string[after] in ")\n" or (after > end and string[after] in "\"'(")):
        return found
    limit = min(maximum, pos + _LONGEST)
    line_end = string.find("\n", pos, limit)
    head = line_end if line_end >= 0 else limit
    if string.find(")", pos, head) < 0 and _TITLE.search(string, pos, head) is None:
        return found  # nothing on this line can end a link (a line of `![a](`: no scan of each `(`)
    level, stop = 0, -1
    window = string[pos:limit]
    for mark in _MARKS.finditer(window):  # C-speed to each paren, line end or title start
        char = mark[0]
        if char == "(":
            level += 1
        elif char == ")" and level:
            level -= 1
        else:  # the `)` that closes the link, white space before a title, or the line's end (no link)
            stop = -1 if char == "\n" else mark.start()
            break
    url = window[:stop].rstrip() if stop >= 0 else ""
    if not url:
        return found  # no `)` on this line, or nothing before it
    kramdown = _Result()
    kramdown.ok, kramdown.pos, kramdown.str = True, pos + len(url), url
    return kramdown


def reference(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's link reference definition rule, except for `[^label]: ...`:
    kramdown reads that as a footnote, so `[^1]: Wikipedia.` is the note's text
    and `[^1]` stays a footnote marker, not a link to `Wikipedia.`. A one-line
    definition whose URL holds a space (`[notes]: /files/My Notes.pdf`), which
    CommonMark makes paragraph text (and the definitions under it with it), is
    kramdown's definition all the same. A label defined twice links to its last
    definition, as kramdown reads it (CommonMark and GitHub's preview take the first)."""
    start = state.bMarks[start_line] + state.tShift[start_line]
    if state.src.startswith("[^", start):
        return False
    references = state.env.setdefault("references", {})
    if silent:
        if commonmark_reference(state, start_line, end_line, True):
            return True
    else:  # read into an empty table: CommonMark keeps a label's first definition, kramdown its last
        state.env["references"] = {}
        try:
            read = commonmark_reference(state, start_line, end_line, False)
        finally:
            references.update(state.env["references"])
            state.env["references"] = references
        if read:
            return True
    found = _DEFINITION.match(state.src, start, state.eMarks[start_line])
    if found is None or state.sCount[start_line] - state.blkIndent >= 4:
        return False
    label = normalizeReference(found[1])
    href = state.md.normalizeLink(found[2] if found[2] is not None else found[3].strip())
    if not label or not state.md.validateLink(href):
        return False
    if silent:
        return True
    state.line = start_line + 1
    references[label] = {"title": found[5] or "", "href": href, "map": [start_line, state.line]}
    return True


# kramdown's LINK_DEFINITION_START, on one line: `[label]: URL "title"`, the URL may hold spaces
_DEFINITION = re.compile(r"""\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:[ \t]+(["'])(.+?)\4)?[ \t]*$""")
