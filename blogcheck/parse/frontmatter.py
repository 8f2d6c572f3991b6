"""Front-matter YAML with a line and column for every key and value."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from blogcheck.parse import psych_scalars, yaml_hints

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc,valid-type,unused-ignore]
    """Safe loading (libyaml when present: faster, same marks) where plain scalars
    are typed as Jekyll's Psych types them, and a timestamp-shaped value that is no
    real date stays a string, so the date rule can report it at its own position."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        """A plain scalar's type as Jekyll's Psych reads it (`yEs` true, `1,000` 1000), not YAML 1.1's."""
        if kind is yaml.ScalarNode and implicit[0]:
            return psych_scalars.tag(value)
        if kind is yaml.ScalarNode and implicit[1] and value == "<<":
            return psych_scalars.MERGE  # a quoted `"<<"` merges too: Psych spares only an explicit `!!str`
        return str(super().resolve(kind, value, implicit))

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        """Merge keys as Psych merges them: in document order (a key after `<<` wins over the
        merged ones, a key before it loses), the first mapping of a list winning within it; a
        `<<` whose value is no mapping or list of mappings is a plain key, not an error."""
        pairs: list[tuple[yaml.Node, yaml.Node]] = []
        for key, value in node.value:
            merged = self._merged(value) if key.tag == psych_scalars.MERGE else None
            if merged is None and key.tag == psych_scalars.MERGE:
                key = yaml.ScalarNode(psych_scalars.STR, key.value, key.start_mark, key.end_mark, key.style)
            pairs.extend(merged if merged is not None else [(key, value)])
        node.value = pairs

    def _merged(self, value: yaml.Node) -> list[tuple[yaml.Node, yaml.Node]] | None:
        """The pairs a `<<` brings in, or None when Psych keeps it as a key (its merge! raises TypeError)."""
        if isinstance(value, yaml.MappingNode):
            self.flatten_mapping(value)
            return list(value.value)
        if isinstance(value, yaml.SequenceNode) and all(isinstance(item, yaml.MappingNode) for item in value.value):
            for item in value.value:
                self.flatten_mapping(item)
            return [pair for item in reversed(value.value) for pair in item.value]
        return None

    def construct_yaml_timestamp(self, node: yaml.Node) -> object:
        return psych_scalars.moment(self.construct_scalar(node))

    def construct_yaml_int(self, node: yaml.Node) -> object:
        """An integer as Psych reads it: `1,000`, `12:30` hours and minutes (`!!int abc` is text to Psych)."""
        return psych_scalars.value(self.construct_scalar(node))

    def construct_yaml_float(self, node: yaml.Node) -> object:
        """Psych's Float() of what it reads (`!!float 1` is 1.0; `!!float abc` stops Psych: an error here too)."""
        number = psych_scalars.value(self.construct_scalar(node))
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise ValueError(f"`{node.value}` is no number")
        return float(number)

    def construct_undefined(self, node: yaml.Node) -> object:
        """A tag PyYAML does not know: Jekyll's Psych refuses a Ruby class (`!ruby/object:Post`,
        `!ruby/sym`) and reads any other tag (`!note`, `!!python/tuple`) as a plain value."""
        tag = node.tag or ""
        if tag.startswith(("!ruby/", "tag:ruby.yaml.org,2002:")) and tag not in _RUBY_PLAIN:
            raise _Refused(tag, node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            return self.construct_scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return self.construct_yaml_seq(node)
        return self.construct_yaml_map(node)

    def refuse_set(self, node: yaml.Node) -> object:
        raise _Refused(node.tag or "!!set", node.start_mark)


_RUBY_PLAIN = frozenset({"!ruby/string", "!ruby/hash", "!ruby/array"})  # a String, Hash, Array: Psych allows those


class _Refused(yaml.constructor.ConstructorError):
    """A tag that makes Psych build an object of a class Jekyll's safe YAML does not permit."""

    def __init__(self, tag: str, mark: yaml.Mark) -> None:
        super().__init__(None, None, tag, mark)
        self.tag = tag


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
_Loader.add_constructor("tag:yaml.org,2002:set", _Loader.refuse_set)
_Loader.add_constructor(None, _Loader.construct_undefined)


def _one_line(exc: Exception) -> str:
    """What went wrong, on one line (a KeyError's text is the key alone, quoted)."""
    said = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"no such value {said} for its `!!` tag" if isinstance(exc, KeyError) else said

# An alias bomb composes into a small graph that expands exponentially; refuse
# documents whose expansion passes this many nodes before constructing them.
MAX_NODES = 100_000


class FrontMatterError(Exception):
    """Why front matter could not be read, and where (1-based file positions)."""

    def __init__(self, code: str, message: str, line: int, column: int, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column, self.hint = code, message, line, column, hint


# Line breaks to YAML (1.1, as PyYAML and Jekyll's Psych read it) but not to git, editors'
# `file:line` or blogcheck, which count lines at `\n` only (a CRLF is one break to both).
_YAML_ONLY_BREAK = re.compile(r"\r(?!\n)|[\x85\u2028\u2029]")


def place(text: str, mark: Any) -> tuple[int, int]:
    """0-based (line, column) in `text`, lines counted at `\n` only, of a YAML mark
    (which counts a lone CR, U+0085, U+2028 and U+2029 as line breaks too: a
    front matter of lone CRs put its findings past the end of the file)."""
    starts = _line_starts(text)
    if starts is None:
        return mark.line, mark.column
    index = min(max(0, mark.index), len(text))  # characters, with libyaml as with PyYAML
    line = bisect.bisect_right(starts, index) - 1
    return line, index - starts[line]


@functools.lru_cache(maxsize=4)
def _line_starts(text: str) -> list[int] | None:
    """Where each `\n` line of `text` starts, or None when YAML counts the same lines
    (nearly always: then the marks' own lines and columns are right)."""
    if _YAML_ONLY_BREAK.search(text) is None:
        return None
    return [0, *(found.end() for found in re.finditer("\n", text))]


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True)
class Entry:
    """One top-level key with its position and its value's position."""

    key: str
    key_pos: Position
    value_pos: Position


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any]
    node: yaml.Node | None
    start_line: int = 1
    entries: tuple[Entry, ...] = field(default=())
    text: str = ""  # the YAML text, for its positions

    def _pos(self, node: yaml.Node) -> Position:
        return _position(self.text, self.start_line, node)

    def value_node(self, key: str) -> yaml.Node | None:
        """The YAML node of a top-level key's value (an alias's: the node it names), or None."""
        return self.node_at((key,))

    def node_at(self, path: tuple[str | int, ...]) -> yaml.Node | None:
        """The YAML node of the value at `path` (`("defaults", 0, "values")`), or None."""
        node = self.node
        for step in path:
            node = _child(node, step)[0] if node is not None else None
        return node

    def locate(self, path: tuple[str | int, ...], key: bool = False) -> Position:
        """Where the value at `path` (or its key, with `key=True`) is written.
        Falls back to the nearest enclosing node, then the opening `---`."""
        node = self.node
        best = Position(self.start_line, 1)
        if node is None:
            return best
        for depth, step in enumerate(path):
            child, key_node = _child(node, step)
            if child is None:
                break
            last = depth == len(path) - 1
            node = key_node if (key and last and key_node is not None) else child
            best = self._pos(node)
        return best


def _child(node: yaml.Node, step: str | int) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.MappingNode):
        matches = [(v, k) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(step)]
        return matches[-1] if matches else (None, None)  # the last duplicate wins, as in YAML loaders
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step], None
    return None, None


def parse(text: str, start_line: int = 1, first_document: bool = False) -> FrontMatter:
    """Parse `text` (front matter whose line 0 is file line `start_line`). With
    `first_document` (`_config.yml`, as Jekyll's Psych reads it), a `---` that starts
    another document ends the text read; else it is an error."""
    try:
        loader = _Loader(text)  # PyYAML's reader refuses a character here, libyaml's when it reads
    except yaml.reader.ReaderError as exc:
        raise _refused(text, exc, start_line) from None
    except UnicodeEncodeError as exc:  # a lone surrogate, which libyaml's UTF-8 cannot hold
        refused = yaml.reader.ReaderError("", exc.start, ord(text[exc.start]), "", "")
        raise _refused(text, refused, start_line) from None
    try:
        node = (loader.get_node() if loader.check_node() else None) if first_document else loader.get_single_node()
        if "*" in text:  # only an alias (`*name`) can expand a document, or make it a cycle
            _check_size(node, text, start_line)
        data = loader.construct_document(node) if node is not None else None
        plain = jsonable(data)  # recursive, as the size check is: a deep nesting stops here without aliases
    except _Refused as exc:
        line, column = place(text, exc.problem_mark)
        shown = "!!set" if exc.tag == "tag:yaml.org,2002:set" else exc.tag
        raise FrontMatterError("BC102", f"`{shown}` makes a Ruby object of a class Jekyll's YAML reader refuses: "
                               "Jekyll drops the whole front matter (\"Tried to load unspecified class\") and "
                               "publishes the post without it", line + start_line, column + 1,
                               "write the value without the tag (a list `[a, b]` for a set)") from None
    except yaml.MarkedYAMLError as exc:
        # `title:Day 4` among other keys: libyaml notices at the next line, the key is where it began
        simple_key = exc.context == "while scanning a simple key" and exc.context_mark is not None
        mark = exc.context_mark if simple_key else exc.problem_mark or exc.context_mark
        line, column = place(text, mark) if mark else (0, 0)
        fix = yaml_hints.hint(text, exc.problem or "", line, column, start_line) if mark else ""
        raise FrontMatterError("BC102", _yaml_message(exc, text, start_line), line + start_line, column + 1,
                               fix) from None
    except yaml.reader.ReaderError as exc:
        raise _refused(text, exc, start_line) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError("BC102", f"invalid YAML: {str(exc).splitlines()[0]}", start_line, 1) from None
    except (TypeError, ValueError, OverflowError, KeyError, AttributeError) as exc:  # `!!bool xyz`: a KeyError
        raise FrontMatterError("BC102", f"cannot read value: {_one_line(exc)}", start_line, 1) from None
    except RecursionError:
        raise FrontMatterError("BC104", "YAML nested too deeply", start_line, 1) from None
    finally:
        loader.dispose()
    if data is None:
        data = plain = {}
    if not isinstance(data, dict):
        line = place(text, node.start_mark)[0] + start_line if node is not None else start_line
        raise FrontMatterError(
            "BC103", f"front matter is a {_kind(data)}, not a mapping of keys", line, 1,
            yaml_hints.string_hint(text, start_line) if isinstance(data, str) else "",
        )
    return FrontMatter(plain, node, start_line, _entries(node, text, start_line), text)


def _entries(node: yaml.Node | None, text: str, start_line: int) -> tuple[Entry, ...]:
    if not isinstance(node, yaml.MappingNode):
        return ()
    return tuple(Entry(k.value, _position(text, start_line, k), _position(text, start_line, v))
                 for k, v in node.value if isinstance(k, yaml.ScalarNode))


def _position(text: str, start_line: int, node: yaml.Node) -> Position:
    """The 1-based file position of `node` in front matter `text` that starts on file line `start_line`."""
    line, column = place(text, node.start_mark)
    return Position(line + start_line, column + 1)


def _refused(text: str, exc: yaml.reader.ReaderError, start_line: int) -> FrontMatterError:
    """BC102 at the character YAML's reader refused."""
    line, column = _character_place(text, exc)
    message, fix = _character_message(exc.character)
    return FrontMatterError("BC102", message, line + start_line, column + 1, fix)


def _character_place(text: str, exc: yaml.reader.ReaderError) -> tuple[int, int]:
    """0-based (line, column) of the character YAML's reader refused. It has no mark, only
    a position: characters to PyYAML, bytes to libyaml; the refused character is the
    first of its kind in the text either way."""
    found = chr(exc.character) if isinstance(exc.character, int) and 0 <= exc.character <= 0x10FFFF else ""
    index = exc.position if found and 0 <= exc.position < len(text) and text[exc.position] == found else (
        text.find(found) if found else -1)
    if index < 0:
        return 0, 0
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)


def _character_message(character: object) -> tuple[str, str]:
    """The message and the fix for a character YAML does not allow (often an invisible one, pasted in)."""
    if not isinstance(character, int) or not 0 <= character <= 0x10FFFF:
        return "invalid YAML: a character YAML does not allow", "delete it"
    control = unicodedata.category(chr(character)) == "Cc"
    kind = " (a control character)" if control else ""
    fix = f"delete it; inside double quotes, write it as `\\x{character:02x}`" if control else "delete it"
    return f"invalid YAML: character U+{character:04X}{kind} is not allowed", fix


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, start_line: int) -> str:
    """libyaml's problem first, then the context with its own position."""
    message = f"invalid YAML: {exc.problem or 'cannot parse'}"
    if exc.context and exc.context_mark is not None:
        line, column = place(text, exc.context_mark)
        where = f"line {line + start_line}, column {column + 1}"
        message += f" ({exc.context} at {where})"
    return message


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "list" if isinstance(value, list) else "string" if isinstance(value, str) else type(value).__name__


def _check_size(root: yaml.Node | None, text: str, start_line: int) -> None:
    """Count nodes as if aliases were expanded (memoised, so a bomb costs no more
    than its text); refuse cycles, and expansions past MAX_NODES. A big document
    without aliases is fine: its nodes already exist."""
    sizes: dict[int, int] = {}
    active: set[int] = set()
    over: list[yaml.Node] = []

    def size(node: yaml.Node) -> int:
        ident = id(node)
        if ident in sizes:
            return sizes[ident]
        if ident in active:
            raise FrontMatterError(
                "BC104", "a YAML alias refers to itself", place(text, node.start_mark)[0] + start_line, 1
            )
        active.add(ident)
        total = 1
        if isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total += sum(size(v) for v in node.value)
        active.discard(ident)
        if total > MAX_NODES and not over:
            over.append(node)
        sizes[ident] = total
        return total

    if root is not None and size(root) > max(MAX_NODES, len(sizes)):
        line, column = place(text, over[0].start_mark)
        raise FrontMatterError(
            "BC104", f"YAML aliases expand to more than {MAX_NODES:,} values", line + start_line, column + 1,
        )


_SCALARS = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime})


def jsonable(value: Any) -> Any:
    """The JSON view of a YAML value that the schema validates. Dates stay
    `date`/`datetime` objects; the date rules read them before validation."""
    if type(value) in _SCALARS:  # most values: first, and by the exact type (a subclass goes on below)
        return value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(str(v) for v in value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, (str, int, float, bool, dt.date)) or value is None:
        return value
    return str(value)
