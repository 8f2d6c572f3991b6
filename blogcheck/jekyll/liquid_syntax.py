"""The first Liquid syntax error that stops a Jekyll build, found as Liquid 4 finds it.

Jekyll 3.10 (GitHub Pages) and 4.3 run Liquid 4.0 in its lax ("warn") mode: most
odd markup is only a "Liquid Warning", but some errors end the build at parse
time, before any page is written. This module replays Liquid 4.0's tokenizer and
block parser (`lib/liquid/tokenizer.rb`, `block_body.rb`, `block.rb`, the tags'
`Syntax` patterns, and Jekyll's `highlight`) closely enough to name those errors:

- a `{{` whose token does not end with `}}`: Liquid's token runs to the first `}`,
  so a C array `{{1, 2}, {3, 4}}` or a JSX `style={{ a: {b: 1} }}` in a code
  sample is a "Variable ... was not properly terminated";
- a `{%` with no `%}` after it, or with no tag name;
- a block (`if`, `for`, `raw`, `comment`...) never closed, an end tag of another
  block, an end or `else` with no block;
- markup the lax parser of `assign`, `capture`, `case`, `when`, `cycle`, `for`,
  `tablerow`, `if`/`elsif`/`unless`, `raw` and `highlight` rejects.

Tags Liquid and Jekyll do not define may come from a plugin and are not judged,
except a tag `x` with an `endx` later in the text, which is taken for a plugin's
block (whose inner tags are the plugin's business, but not another block's end).
Liquid 5's `{% # note %}` comment is an error to Liquid 4 and is not judged either.
With `strict`, for a site whose `_config.yml` sets `liquid: error_mode: strict`, the
markup of outputs, `assign`, `if`/`elsif`/`unless` and `for` must also pass Liquid's
strict parser (`liquid_strict_parse`), which "warn" mode only warns about.
The tests hold every rule against the Liquid that the local `jekyll` package runs
(5.4 on Debian, which agrees with 4.0 on each of them)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from blogcheck.jekyll import liquid_strict_parse
from blogcheck.jekyll.liquid_render import CONDITION, CONDITIONS

# Liquid 4.0's patterns (Ruby's \w and \s are ASCII; `m` is re.S).
_FULL_TOKEN = re.compile(r"\A\{%-?(\s*)(\w+)(\s*)(.*?)-?%\}\Z", re.S | re.ASCII)
_MARKUP_MAX = 2_000  # characters of a tag's markup held against its pattern
_INLINE_COMMENT = re.compile(r"\A\{%-?\s*#.*%\}\Z", re.S)
_VARIABLE = re.compile(r"\A\{\{-?(.*?)-?\}\}\Z", re.S)
# Liquid's raw ends at `{% endraw %}` with no `-` before the name: `{%- endraw %}` does not end it.
_NAME = re.compile(r"\s*(\w+)", re.ASCII)
_QUOTED = r"""(?:"[^"]*"|'[^']*')"""
_FRAGMENT = rf"""(?:{_QUOTED}|(?:[^\s,|'"]|{_QUOTED})+)"""
_SIGNATURE = r"\(?[\w\-.\[\]]\)?"
_SYNTAX = {  # tag -> its lax Syntax, searched (Ruby's =~) unless anchored
    "assign": re.compile(rf"({_SIGNATURE}+)\s*=\s*(.*)\s*", re.S | re.ASCII),
    "capture": re.compile(rf"({_SIGNATURE}+)", re.ASCII),
    "case": re.compile(rf"({_FRAGMENT})", re.ASCII),
    "when": re.compile(rf"({_FRAGMENT})", re.ASCII),
    "cycle": re.compile(rf"\A{_FRAGMENT}+", re.ASCII),
    "for": re.compile(rf"\A([\w\-]+)\s+in\s+({_FRAGMENT}+)", re.ASCII),
    "tablerow": re.compile(rf"(\w+)\s+in\s+({_FRAGMENT}+)", re.ASCII),
    "raw": re.compile(r"\A\s*\Z", re.ASCII),
    "highlight": re.compile(r'^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$', re.M | re.ASCII),
}
_CASE_ELSE = "Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters)"
_NOT_EMPTY = frozenset({"if", "elsif", "unless"})  # their lax parser: a value at each end of `and`/`or`
_MESSAGES = {  # Liquid's locale/en.yml
    "assign": "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]",
    "capture": "Syntax Error in 'capture' - Valid syntax: capture [var]",
    "case": "Syntax Error in 'case' - Valid syntax: case [condition]",
    "when": "Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}",
    "cycle": "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]",
    "for": "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]",
    "tablerow": "Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3",
    "raw": "Syntax Error in 'raw' - Valid syntax: raw",
    "if": "Syntax Error in tag 'if' - Valid syntax: if [expression]",
    "highlight": "Syntax Error in tag 'highlight' while parsing the following markup (Valid syntax: highlight <lang> "
                 "[linenos])",
}
_BLOCKS = frozenset({"if", "unless", "case", "for", "tablerow", "capture", "comment", "raw", "ifchanged",
                     "highlight"})
_TAGS = _BLOCKS | {"assign", "break", "continue", "cycle", "decrement", "increment", "include",
                   "include_relative", "link", "post_url"}
_INNER = {"if": {"elsif", "else"}, "unless": {"elsif", "else"}, "for": {"else"}, "case": {"when", "else"}}


@dataclass(frozen=True)
class Error:
    offset: int  # of the token Liquid stops at
    message: str  # as Liquid words it, after "Liquid syntax error: "
    token: str


@dataclass
class _Block:
    name: str
    offset: int
    token: str
    plugin: bool = False
    has_else: bool = False


def tokens(text: str) -> list[tuple[int, str]]:
    """Liquid's `{%`/`{{` tokens with their offsets (the text between is left out), as
    its tokenizer's pattern splits them, in linear time: a `{%` token runs to the first
    `%}`, a `{{` token to the first `}` (and one more `}`), else each is alone."""
    found: list[tuple[int, str]] = []
    ahead = {"{%": text.find("{%"), "{{": text.find("{{"), "%}": 0, "}": 0}  # next place of each, -1: none
    position = 0

    def after(mark: str, start: int) -> int:
        if 0 <= ahead[mark] < start:
            ahead[mark] = text.find(mark, start)
        return ahead[mark]

    while True:
        starts = [at for at in (after("{%", position), after("{{", position)) if at >= 0]
        if not starts:
            return found
        start = min(starts)
        if text.startswith("{%", start):
            end = after("%}", start + 2)
            stop = end + 2 if end >= 0 else start + 2
        else:
            end = after("}", start + 2)
            stop = (end + 2 if text.startswith("}", end + 1) else end + 1) if end >= 0 else start + 2
        found.append((start, text[start:stop]))
        position = stop


MAX_DEPTH = 100  # blocks inside blocks Liquid parses (4.0 and 5 alike); one more stops the build


def first_error(text: str, strict: bool = False) -> Error | None:
    """The error that ends the build, or None when Liquid 4 parses `text` (in its
    strict error mode with `strict`)."""
    tokens_ = tokens(text)
    ends = {m[2] for _, t in tokens_ if (m := _FULL_TOKEN.match(t)) and m[2].startswith("end")}
    stack: list[_Block] = []
    index = 0
    while index < len(tokens_):
        offset, token = tokens_[index]
        index += 1
        if token.startswith("{{"):
            inner = _VARIABLE.match(token)
            if not inner:
                return Error(offset, f"Variable '{token}' was not properly terminated", token)
            if strict and (problem := liquid_strict_parse.problem("", inner[1])):
                return Error(offset, problem, token)
            continue
        full = _FULL_TOKEN.match(token)
        if full is None:
            if _INLINE_COMMENT.match(token):
                continue  # Liquid 5's `{% # note %}`; Liquid 4 has none, but do not guess which one runs
            return Error(offset, f"Tag '{token}' was not properly terminated", token)
        name, markup = full[2], full[4]
        block = stack[-1] if stack else None
        if block is not None and name == f"end{block.name}":
            stack.pop()
            continue
        if strict and name == "echo" and (problem := liquid_strict_parse.problem(name, markup)):
            return Error(offset, problem, token)  # Liquid 5's `{% echo x %}`, an output in a tag
        if name in _TAGS:
            problem = (strict and liquid_strict_parse.problem(name, markup)) or lax_problem(name, markup)
            if problem:
                return Error(offset, problem, token)
            if name == "raw":
                index = _raw_end(tokens_, index)
                if index < 0:
                    return Error(offset, "'raw' tag was never closed", token)
            elif name in _BLOCKS:
                if len(stack) >= MAX_DEPTH:  # Liquid's Block::MAX_DEPTH, checked as each block's body is parsed
                    return Error(offset, "Nesting too deep", token)
                stack.append(_Block(name, offset, token))
            continue
        if block is not None and name in _INNER.get(block.name, ()):
            case_else = block.name == "case" and name == "else" and markup.strip()
            problem = _CASE_ELSE if case_else else (strict and liquid_strict_parse.problem(name, markup)) or \
                lax_problem(name, markup)
            if problem:
                return Error(offset, problem, token)
            if block.name == "for" and name == "else":
                if block.has_else:  # Liquid's `for` parses one `else`; a second one ends the loop, quietly
                    stack.pop()
                block.has_else = True
            continue
        if block is not None and block.name == "comment":
            continue  # a comment ignores every tag it does not know
        if block is None and name in ("else", "end"):
            return Error(offset, f"Unexpected outer '{name}' tag", token)
        if block is None and name in ("elsif", "when"):
            return Error(offset, f"Unknown tag '{name}'", token)
        if name.startswith("end"):
            if block is None:
                return Error(offset, f"Unknown tag '{name}'", token)
            return Error(offset, f"'{name}' is not a valid delimiter for {block.name} tags. use end{block.name}",
                         token)
        if block is not None and not block.plugin and name in ("else", "elsif", "when"):
            message = (f"{block.name} tag does not expect 'else' tag" if name == "else"
                       else f"Unknown tag '{name}'")
            return Error(offset, message, token)
        if f"end{name}" in ends:
            stack.append(_Block(name, offset, token, plugin=True))  # a plugin's block, by its end tag
    if stack:
        block = stack[-1]
        return Error(block.offset, f"'{block.name}' tag was never closed", block.token)
    return None


def lax_problem(name: str, markup: str) -> str:
    """Liquid's complaint about a known tag's markup, or "" (also for markup too long to
    judge in bounded time: some of the patterns backtrack)."""
    if len(markup) > _MARKUP_MAX:
        return ""
    if name in _NOT_EMPTY:
        return "" if _lax_condition(markup) else _MESSAGES["if"]  # `unless` and `elsif` say `if` too
    syntax = _SYNTAX.get(name)
    if syntax is None or syntax.search(markup.strip() if name == "highlight" else markup):
        return ""
    return _MESSAGES[name]


def _lax_condition(markup: str) -> bool:
    """Whether Liquid's lax `If#lax_parse` reads the condition: its last part, and each
    part before an `and` or `or`, has a value (`{% if a and %}`, `{% if and a %}` fail)."""
    parts = CONDITIONS.findall(markup)
    if not parts or not CONDITION.search(parts.pop()):
        return False
    while parts:
        operator = parts.pop().strip()
        if not (parts and CONDITION.search(parts.pop())) or operator not in ("and", "or"):
            return False
    return True


def _raw_end(tokens_: list[tuple[int, str]], index: int) -> int:
    """The index after the token that ends a raw block, or -1."""
    while index < len(tokens_):
        token = tokens_[index][1]
        index += 1
        if token.endswith("%}") and _raw_name(token) == "endraw":
            return index
    return -1


def _raw_name(token: str) -> str:
    """The tag name Liquid 4's raw reads in a token ending with `%}` (its pattern
    `\\A(.*)\\{%\\s*(\\w+)\\s*(.*)?%\\}\\z`: the last `{%` followed by a name), found
    without the pattern's backtracking over a long token."""
    at = len(token)
    while (at := token.rfind("{%", 0, at)) >= 0:
        found = _NAME.match(token, at + 2)
        if found:
            return found[1]
    return ""
