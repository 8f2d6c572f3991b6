"""Liquid's strict parser, for sites whose `_config.yml` sets `liquid: error_mode: strict`.

In its default ("warn") mode Liquid parses an output, an `if`, a `for` strictly first,
and when that fails prints a "Liquid Warning" and reads the markup loosely
(`{{ page.title bar }}` shows the title and drops ` bar`). With `error_mode: strict`
that failure ends the build. This replays Liquid 4.0's `Lexer` and `Parser`
(`lib/liquid/lexer.rb`, `parser.rb`) and the tags that use them: `Variable` (outputs,
`assign`'s value, Liquid 5's `echo`), `If` (`elsif`, `unless`) and `For`; `case`,
`when`, `cycle`, `tablerow` and Jekyll's tags read their markup with patterns in both
modes. Checked against the Liquid that the local `jekyll` package runs."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s*", re.ASCII)
_TOKEN = re.compile(r"""(?:(?P<comparison>==|!=|<>|<=?|>=?|contains(?=\s))|(?P<string>'[^']*'|"[^"]*")
                        |(?P<number>-?\d+(?:\.\d+)?)|(?P<id>[a-zA-Z_][\w-]*\??)|(?P<dotdot>\.\.)|(?P<special>.))""",
                    re.S | re.X | re.ASCII)
_SPECIALS = {"|": "pipe", ".": "dot", ":": "colon", ",": "comma", "[": "open_square", "]": "close_square",
             "(": "open_round", ")": "close_round", "?": "question", "-": "dash"}
_MARKUP_MAX = 2_000  # characters of markup judged


class StrictError(Exception):
    """Liquid's message, as it follows "Liquid syntax error: "."""


def _tokens(markup: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    at = 0
    while True:
        at = _SPACE.match(markup, at).end()  # type: ignore[union-attr] # (it matches "" at least)
        match = _TOKEN.match(markup, at)
        if match is None:  # the end
            break
        at = match.end()
        kind = match.lastgroup or ""
        text = match[kind]
        if kind == "special":
            if text not in _SPECIALS:
                raise StrictError(f"Unexpected character {text}")
            kind = _SPECIALS[text]
        found.append((kind, text))
    found.append(("end_of_string", ""))
    return found


def _ruby(token: tuple[str, str]) -> str:
    """A token as Ruby prints it in "... is not a valid expression": `[:dot, "."]`."""
    return f'[:{token[0]}]' if token[0] == "end_of_string" else f'[:{token[0]}, "{token[1]}"]'


class _Parser:
    def __init__(self, markup: str) -> None:
        self.tokens = _tokens(markup)
        self.at = 0

    def consume(self, kind: str | None = None) -> str:
        token = self.tokens[self.at]
        if kind is not None and token[0] != kind:
            raise StrictError(f"Expected {kind} but found {token[0]}")
        self.at += 1
        return token[1]

    def consume_if(self, kind: str) -> bool:
        if self.tokens[self.at][0] != kind:
            return False
        self.at += 1
        return True

    def word(self, text: str) -> bool:
        if self.tokens[self.at] != ("id", text):
            return False
        self.at += 1
        return True

    def look(self, kind: str, ahead: int = 0) -> bool:
        return self.at + ahead < len(self.tokens) and self.tokens[self.at + ahead][0] == kind

    def expression(self) -> None:
        token = self.tokens[self.at]
        if token[0] == "id":
            self.lookup()
        elif token[0] in ("string", "number"):
            self.consume()
        elif token[0] == "open_round":
            self.consume()
            self.expression()
            self.consume("dotdot")
            self.expression()
            self.consume("close_round")
        else:
            raise StrictError(f"{_ruby(token)} is not a valid expression")

    def argument(self) -> None:
        if self.look("id") and self.look("colon", 1):
            self.consume()
            self.consume()
        self.expression()

    def lookup(self) -> None:
        while True:  # Liquid recurses after each dot; a loop reads the same
            self.consume("id")
            while self.look("open_square"):
                self.consume()
                self.expression()
                self.consume("close_square")
            if not self.consume_if("dot"):
                return


def variable(markup: str) -> None:
    """An output's markup (`Variable#strict_parse`)."""
    parser = _Parser(markup)
    parser.expression()
    while parser.consume_if("pipe"):
        parser.consume("id")
        if parser.consume_if("colon"):
            parser.argument()
            while parser.consume_if("comma"):
                parser.argument()
    parser.consume("end_of_string")


def condition(markup: str) -> None:
    """An `if`, `elsif` or `unless` condition (`If#strict_parse`)."""
    parser = _Parser(markup)
    while True:
        parser.expression()
        if parser.consume_if("comparison"):
            parser.expression()
        if not (parser.word("and") or parser.word("or")):
            break
    parser.consume("end_of_string")


def loop(markup: str) -> None:
    """A `for` loop's markup (`For#strict_parse`)."""
    parser = _Parser(markup)
    parser.consume("id")
    if not parser.word("in"):
        raise StrictError("For loops require an 'in' clause")
    parser.expression()
    parser.word("reversed")
    while parser.look("id") and parser.look("colon", 1):
        if not (parser.word("limit") or parser.word("offset")):
            raise StrictError("Invalid attribute in for loop. Valid attributes are limit and offset")
        parser.consume()
        parser.expression()
    parser.consume("end_of_string")


def problem(name: str, markup: str) -> str:
    """Liquid's strict-mode complaint about a tag's markup (name "" for an output), or ""."""
    if len(markup) > _MARKUP_MAX:
        return ""
    if name == "assign":  # its pattern finds the value, which is read as an output
        if "=" not in markup:
            return ""
        name, markup = "", markup.split("=", 1)[1].lstrip()
    try:
        if name in ("", "echo"):
            if markup.strip():  # `{{ }}` prints nothing, in any mode
                variable(markup)
        elif name in ("if", "elsif", "unless"):
            condition(markup)
        elif name == "for":
            loop(markup)
    except StrictError as error:
        context = f"{{{{{markup}}}}}" if name in ("", "echo") else markup.strip()
        return f'{error} in "{context}"'
    return ""
