"""Liquid that parses, and then goes wrong when Jekyll renders the post.

Jekyll renders with Liquid's `render!`: an error a filter or a condition raises ends
the build ("Liquid Exception: Liquid error (line 1): wrong number of arguments (given
1, expected 2)"). Read as Liquid 4.0 reads the markup in its lax mode
(`Variable#lax_parse`, `If#lax_parse`, the filters' Ruby signatures), checked against
the Liquid the local `jekyll` package runs:

- a filter given too few or too many arguments (`{{ page.date | date }}`, the format
  forgotten; `| where: "x"`, Jekyll's `where` takes two), a literal `divided_by: 0`,
  a quoted word where a filter reads an integer (`| truncate: "x"`);
- a comparison Liquid does not know (`{% if a = b %}`, `=<`, `===`);
- `{% render %}`, for which Jekyll gives Liquid no file system.

And Liquid that drops text in silence (the build goes on):

- `{% break %}` or `{% continue %}` outside a loop ends the rendering of the post
  there: the rest of the page is gone;
- an `{% else %}` or `{% elsif %}` after an `{% else %}` of the same `{% if %}`: its
  text is never shown.

Filters of plugins, and filters Liquid does not know (it ignores them in lax mode),
are not judged."""

from __future__ import annotations

import re
from dataclasses import dataclass

from blogcheck.links.liquid import Tag

_QUOTED = r"\"[^\"]*\"|'[^']*'"
_FRAGMENT = rf"(?:{_QUOTED}|(?:[^\s,|'\"]|{_QUOTED})+)"  # Liquid's QuotedFragment (Ruby's \s, \w: ASCII)
_MARKUP = re.compile(rf"({_FRAGMENT})(.*)", re.S | re.ASCII)
_FILTERS = re.compile(r"\|\s*(.*)", re.S | re.ASCII)
_FILTER_PARSER = re.compile(rf"(?:\s+|{_FRAGMENT}|,)+", re.ASCII)
_FILTER_ARGS = re.compile(rf"(?::|,)\s*((?:\w+\s*:\s*)?{_FRAGMENT})", re.ASCII)
_KEYWORD = re.compile(rf"\w+\s*:\s*{_FRAGMENT}", re.ASCII)
_WORD = re.compile(r"\w+", re.ASCII)
_ASSIGN = re.compile(r"(?:\(?[\w\-.\[\]]\)?)+\s*=\s*(.*)", re.S | re.ASCII)
_AND_OR = r"\b(?:\s?and\s?|\s?or\s?)\b"
CONDITIONS = re.compile(rf"(?:{_AND_OR}|(?:\s*(?!{_AND_OR})(?:{_FRAGMENT}|\S+)\s*)+)", re.ASCII)
CONDITION = re.compile(rf"({_FRAGMENT})\s*([=!<>a-z_]+)?\s*({_FRAGMENT})?", re.ASCII)
_OPERATORS = frozenset({"==", "!=", "<>", "<", ">", ">=", "<=", "contains"})
_MARKUP_MAX = 2_000  # characters of markup read: the patterns backtrack on long odd markup

# The arguments each filter takes after its input: (least, most); None: any number.
# Liquid 4.0's StandardFilters, and Jekyll 4.3's Filters and URLFilters (which replace
# Liquid's `where` and `sort`).
_ARITY: dict[str, tuple[int, int | None]] = {
    **dict.fromkeys(("size", "downcase", "upcase", "capitalize", "escape", "h", "escape_once", "url_encode",
                     "url_decode", "strip", "lstrip", "rstrip", "strip_html", "strip_newlines", "reverse",
                     "newline_to_br", "first", "last", "abs", "ceil", "floor", "markdownify", "smartify", "sassify",
                     "scssify", "xml_escape", "cgi_escape", "uri_escape", "jsonify", "to_integer", "inspect",
                     "normalize_whitespace", "date_to_xmlschema", "date_to_rfc822", "relative_url", "absolute_url",
                     "strip_index"), (0, 0)),
    **dict.fromkeys(("join", "uniq", "compact", "round", "slugify", "number_of_words", "array_to_sentence_string",
                     "pop", "shift", "sample"), (0, 1)),
    **dict.fromkeys(("truncate", "truncatewords", "default", "sort", "date_to_string", "date_to_long_string"),
                    (0, 2)),
    **dict.fromkeys(("split", "map", "remove", "remove_first", "append", "concat", "prepend", "date", "plus",
                     "minus", "times", "divided_by", "modulo", "at_least", "at_most", "push", "unshift",
                     "group_by"), (1, 1)),
    **dict.fromkeys(("slice", "replace", "replace_first"), (1, 2)),
    **dict.fromkeys(("where", "where_exp", "find", "find_exp", "group_by_exp"), (2, 2)),
}
FILTERS = frozenset(_ARITY)  # Liquid 4.0's and Jekyll 4.3's
_INTEGERS = {"truncate": (0,), "truncatewords": (0,), "slice": (0, 1)}  # arguments read as integers
_LOOPS = frozenset({"for", "tablerow"})
_ENDS = {"endif": "if", "endunless": "unless", "endfor": "for", "endtablerow": "tablerow", "endcase": "case",
         "endcapture": "capture", "endifchanged": "ifchanged", "endhighlight": "highlight"}


@dataclass(frozen=True)
class Problem:
    tag: Tag
    code: str  # BC507: the build stops; BC508: text is dropped
    message: str


def problems(live: list[Tag]) -> list[Problem]:
    """What goes wrong when Jekyll renders these tags (Liquid's live ones, in order)."""
    found = [Problem(tag, "BC507", why) for tag in live if (why := _render_error(tag))]
    found += _dropped(live)
    return sorted(found, key=lambda problem: problem.tag.start)


def _render_error(tag: Tag) -> str:
    if len(tag.markup) > _MARKUP_MAX:
        return ""
    if tag.output:
        return _filter_error(tag.markup)
    if tag.name == "assign":
        value = _ASSIGN.match(tag.markup.strip())
        return _filter_error(value[1]) if value else ""
    if tag.name in ("if", "elsif", "unless"):
        return _operator_error(tag.markup)
    if tag.name == "render":
        return ("Jekyll gives Liquid no file system for `render` (\"This liquid context does not allow includes\"); "
                "use `{% include %}`")
    return ""


def _filter_error(markup: str) -> str:
    """Liquid's error for the first filter of an output's markup that cannot run, or ""."""
    whole = _MARKUP.match(markup)
    rest = _FILTERS.search(whole[2]) if whole else None
    if rest is None:
        return ""
    for chunk in _FILTER_PARSER.findall(rest[1]):
        name = _WORD.search(chunk)
        if name is None:
            continue
        args = _FILTER_ARGS.findall(chunk)
        positional = [arg for arg in args if not _KEYWORD.fullmatch(arg)]
        given = len(positional) + (len(positional) < len(args))  # keyword arguments arrive as one hash
        why = _arity(name[0], given) or _value(name[0], positional)
        if why:
            return f"Liquid error: {why} (filter `{name[0]}`)"
    return ""


def _arity(name: str, given: int) -> str:
    least, most = _ARITY.get(name, (0, None))
    if given >= least and (most is None or given <= most):
        return ""
    expected = str(least + 1) if least == most else f"{least + 1}+" if most is None else f"{least + 1}..{most + 1}"
    return f"wrong number of arguments (given {given + 1}, expected {expected})"


def _value(name: str, args: list[str]) -> str:
    if name in ("divided_by", "modulo") and args and args[0].strip() == "0":
        return "divided by 0"
    for index in _INTEGERS.get(name, ()):
        if index < len(args) and args[index][:1] in "\"'" and not re.fullmatch(r"\s*[-+]?\d+\s*", args[index][1:-1]):
            return "invalid integer"
    return ""


def _operator_error(markup: str) -> str:
    """"Unknown operator" for a comparison Liquid's lax `if` reads but cannot evaluate."""
    for part in CONDITIONS.findall(markup):
        if re.fullmatch(_AND_OR, part, re.ASCII):
            continue
        condition = CONDITION.search(part)
        if condition and condition[2] and condition[2] not in _OPERATORS:
            return f"Liquid error: Unknown operator {condition[2]}"
    return ""


def _dropped(live: list[Tag]) -> list[Problem]:
    """`{% break %}`/`{% continue %}` outside a loop, and a branch after an `{% else %}`."""
    found: list[Problem] = []
    stack: list[list[object]] = []  # [block name, has an else]
    for tag in live:
        if tag.output:
            continue
        name = tag.name
        if name in ("break", "continue") and not any(block[0] in _LOOPS for block in stack):
            found.append(Problem(tag, "BC508", f"`{{% {name} %}}` outside a loop ends the rendering of the post "
                                               "here: the rest of the page is not published (Jekyll says nothing)"))
        elif name in ("else", "elsif") and stack and stack[-1][0] in ("if", "unless"):
            if stack[-1][1]:
                found.append(Problem(tag, "BC508", f"an `{{% {name} %}}` after the `{{% else %}}` of the same "
                                                   f"`{{% {stack[-1][0]} %}}`: Liquid never shows what follows it"))
            stack[-1][1] = stack[-1][1] or name == "else"
        elif name in _ENDS:
            while stack and stack.pop()[0] != _ENDS[name]:
                pass
        elif name in ("if", "unless", "for", "tablerow", "case", "capture", "ifchanged", "highlight"):
            stack.append([name, False])
    return found
