"""BC110: front matter against the post JSON Schema (built in, or the user's)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, cast

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.config import ConfigError
from blogcheck.diagnostic import Diagnostic
from blogcheck.post import Post
from blogcheck.regexes import time_limit

_LIMIT = 3.0  # seconds to check one post's front matter: it takes a millisecond, unless a `pattern` backtracks
_TYPE_NAMES = {"string": "a string", "array": "a list", "object": "a mapping", "boolean": "true or false",
               "integer": "an integer", "number": "a number", "null": "null"}


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    validator = validator_for(ctx)
    instance = _as_json(post.front.data)
    try:
        with time_limit(_LIMIT, f"schema {ctx.config.schema}: checking the front matter of {post.display} took more "
                        f"than {_LIMIT:g} s: a `pattern` of the schema backtracks without end on one of its values "
                        "(a repeat inside a repeat, like `(a|aa)+` or `(a+)+`); rewrite it with one repeat"):
            errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    except RecursionError:  # `{"$ref": "#"}`: a reference to itself, met as a post is checked
        raise ConfigError(f"schema {ctx.config.schema}: a `$ref` leads back to itself") from None
    except Exception as exc:  # a `$ref` to nothing (referencing.Unresolvable): no schema to check against
        if _unresolved(exc):
            raise ConfigError(f"schema {ctx.config.schema}: a `$ref` names nothing in the schema ({exc}); "
                              "blogcheck reads no other file or URL for it") from None
        raise
    for error in errors:
        path = tuple(error.absolute_path)
        blamed = _blamed(error)
        where = post.front.locate(tuple(blamed.absolute_path))
        yield diagnostic("BC110", post.display, where.line, where.column, _message(blamed, tuple(blamed.absolute_path)),
                         _hint(error, path, validator.schema), key=".".join(map(str, path)))


def _unresolved(exc: Exception) -> bool:
    from referencing.exceptions import Unresolvable

    return isinstance(exc, Unresolvable)


def _blamed(error: Any) -> Any:
    """The error to report: for a value none of whose alternatives fit (`anyOf`), the one
    inside it when an alternative fits its kind but not an item or a field (`tags: [a, null]`:
    item 2), so the finding points at that; else the error itself."""
    if error.validator not in ("anyOf", "oneOf"):
        return error
    depth = len(error.absolute_path)
    inner = sorted((e for e in error.context or () if len(e.absolute_path) > depth),
                   key=lambda e: list(map(str, e.absolute_path)))
    return _blamed(inner[0]) if inner else error


def validator_for(ctx: Context) -> Any:
    """The run's validator, compiled once."""
    if "validator" not in ctx.cache:
        ctx.cache["validator"] = load_validator(ctx.config.schema)
    return ctx.cache["validator"]


_MAX_SCHEMA = 8 << 20  # bytes: a schema is a few KB; a device or a huge file is refused, not read


def load_validator(path: str) -> Any:
    """A validator for the schema at `path` ("" = built-in); a bad schema is a ConfigError.
    A `$ref` resolves inside the schema only: no file or URL is ever read for it (jsonschema
    would fetch one, offline or not)."""
    import jsonschema
    import jsonschema.validators
    from referencing import Registry

    from blogcheck.files import read_bytes
    from blogcheck.reporters.controls import visible  # (a path may hold control characters)

    try:
        if path:
            raw = read_bytes(Path(path), _MAX_SCHEMA + 1)  # a regular file only: no pipe waited on
            if len(raw) > _MAX_SCHEMA:
                raise ConfigError(f"schema {path}: larger than {_MAX_SCHEMA >> 20} MB, not read")
            schema = json.loads(raw.decode("utf-8-sig"))
        else:
            schema = json.loads(resources.files("blogcheck.schemas").joinpath("post.schema.json").read_text("utf-8"))
        if not isinstance(schema, (dict, bool)):
            raise ConfigError(f"schema {path}: not a valid JSON Schema: an object (or true, false) is, "
                              f"not {type(schema).__name__}")
        if isinstance(schema, dict) and not isinstance(schema.get("$schema", ""), str):
            raise ConfigError(f"schema {path}: not a valid JSON Schema: `$schema` must be a URI string")
        cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
        if path:  # the user's; the built-in one is checked against its metaschema by the tests (17 ms a run)
            cls.check_schema(cast(Any, schema))  # `true` and `false` are schemas too
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"schema {path}: cannot read it: {visible(str(exc))}") from None
    except RecursionError:  # the JSON reader and the metaschema check both recurse
        raise ConfigError(f"schema {path}: nested too deeply to read") from None
    except jsonschema.SchemaError as exc:
        raise ConfigError(f"schema {path}: not a valid JSON Schema: {exc.message}") from None
    except TypeError as exc:  # a schema that is not an object
        raise ConfigError(f"schema {path}: not a valid JSON Schema: {exc}") from None
    return cls(schema, registry=Registry())


def _as_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _message(error: Any, path: tuple[Any, ...]) -> str:
    name = _name(path)
    if error.validator == "required":
        missing = error.message.split("'")[1] if error.message.count("'") >= 2 else error.message
        return f"missing required key `{missing}`"
    if path == ("published",) and error.instance is None:
        return "`published` has no value, which Jekyll reads as false: it leaves the post out of the site"
    if error.validator in ("type", "anyOf", "oneOf"):
        said = f"{name} must be {_expected(error.schema)}, not {_describe(error.instance)}"
        if path == ("categories",) and isinstance(error.instance, (int, float)):  # bool too
            said += (": Jekyll then refuses the whole front matter (\"no implicit conversion ... into Array\") and "
                     "publishes the post dated the day of the build, with no title or layout of its own")
        elif path == ("tags",) and isinstance(error.instance, (int, float)):
            said += ": Jekyll drops it, and the post has no tags"
        return said
    if error.validator in ("pattern", "minLength") and isinstance(error.instance, str):
        return f"{name} must not be empty"
    return f"{name}: {error.message}"


def _name(path: tuple[Any, ...]) -> str:
    """`tags`, `image.path`, or `tags` item 2 for a list's item."""
    if not path:
        return "front matter"
    if isinstance(path[-1], int) and len(path) > 1:
        return f"`{'.'.join(map(str, path[:-1]))}` item {path[-1] + 1}"
    return f"`{'.'.join(map(str, path))}`"


def _field(schema: Any, key: str, default: Any = None) -> Any:
    """A keyword of a schema, which may be `true` or `false` (then it has none)."""
    return schema.get(key, default) if isinstance(schema, dict) else default


def _expected(schema: Any) -> str:
    options: list[str] = []
    for branch in _field(schema, "anyOf", _field(schema, "oneOf", [schema])):
        kinds = _field(branch, "type", "object" if isinstance(branch, dict) and "$ref" in branch else "a value")
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            items = _field(_field(branch, "items"), "type") if kind == "array" else None
            listed = " or ".join(f"{item}s" for item in (items if isinstance(items, list) else [items]))
            text = f"a list of {listed}" if items else _TYPE_NAMES.get(str(kind), str(kind))
            if text not in options:
                options.append(text)
    return options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1]


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{value!r}"


def _hint(error: Any, path: tuple[Any, ...], root: Any) -> str:
    if error.validator == "required":
        return "add it to the front matter, e.g. `title: My post`"
    described = _field(_field(root, "properties"), path[0]) if path else None
    return str(_field(error.schema, "description") or _field(described, "description", ""))
