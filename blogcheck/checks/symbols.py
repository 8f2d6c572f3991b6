"""BC108: a plain YAML value or key that starts with `:` (`mood: :happy`, `- :ruby`).

Ruby's YAML reader (Psych) reads such a scalar as a Symbol, and Jekyll 4 reads
front matter with `safe_load`, which refuses Symbols: "could not read file ...
Tried to load unspecified class: Symbol". Jekyll then drops the whole front
matter and still publishes the file, dated the day of the build, with no title or
layout of its own. GitHub Pages' Jekyll 3.10 (safe_yaml) reads the same scalar
as text. Quoted, it is text to both: the fix quotes it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.parse.frontmatter import place
from blogcheck.post import Post

_SYMBOL = re.compile(r":.")  # Psych's ScalarScanner: /^:./ on a plain scalar
_MOST = 20  # findings per post: one is reason enough to look at the front matter


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    front = post.front
    if front.node is None or ":" not in front.text:
        return
    for node in _plain_symbols(front.node, front.text)[:_MOST]:
        line, column = place(front.text, node.start_mark)
        end_line, end_column = place(front.text, node.end_mark)
        written = front.text.split("\n")[line][column:end_column] if end_line == line else ""
        quoted = _quoted(node.value)
        fix = {"fix": [[line + front.start_line, column + 1, written, quoted]]} if written == node.value else {}
        yield diagnostic(
            "BC108", post.display, line + front.start_line, column + 1,
            f"`{node.value}` is a Ruby symbol to Jekyll 4's YAML reader, which then refuses the whole front "
            "matter: the post is published dated the day of the build, with no title or layout of its own "
            f"(GitHub Pages' Jekyll 3.10 reads it as the text `{node.value}`)",
            f"quote it: `{quoted}`", **fix)


def config_symbols(text: str, root: yaml.Node | None) -> list[tuple[int, int, str]]:
    """(line, column, value), 1-based, of each Ruby symbol of `_config.yml` (its text and
    YAML node): Jekyll 4 reads the config with `safe_load` too, and its build stops
    (`Tried to load unspecified class: Symbol`); a theme's `sass: style: :compressed`."""
    if root is None or ":" not in text:
        return []
    found = []
    for node in _plain_symbols(root, text)[:_MOST]:
        line, column = place(text, node.start_mark)
        found.append((line + 1, column + 1, node.value))
    return found


def _plain_symbols(root: yaml.Node, text: str) -> list[yaml.ScalarNode]:
    """The plain (unquoted, unfolded) scalars that start with `:` and a character, keys
    included, in document order; each node once (aliases share nodes). Not those Psych
    reads as strings all the same (checked with jekyll build): one tagged `!!str` (or any
    tag but `!`), nor one that holds a line break (a plain value over lines with a blank
    one between: ScalarScanner#tokenize keeps any such a string)."""
    found: list[yaml.ScalarNode] = []
    seen: set[int] = set()
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if not node.style and _SYMBOL.match(node.value) and not _tagged(node, text) \
                    and "\n" not in node.value:  # plain: None (PyYAML) or "" (libyaml)
                found.append(node)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(reversed([part for pair in node.value for part in pair]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return sorted(found, key=lambda n: n.start_mark.index)


def _tagged(node: yaml.ScalarNode, text: str) -> bool:
    """The scalar has a tag of its own written before it, other than Psych's non-specific `!`
    (its mark starts at its anchor or tag: `&a !!str :x`)."""
    head = text[node.start_mark.index:node.start_mark.index + 256].split(":", 1)[0]
    return any(word.startswith("!") and word != "!" for word in head.split())


def _quoted(value: str) -> str:
    """`value` as a YAML double-quoted scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
