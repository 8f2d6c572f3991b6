"""`_config.yml` values of a kind Jekyll 4.3 stops the build on (checked with `jekyll build`):
`exclude`, `include` and `plugins` that are no list, `exclude:` with no items too
(`Configuration#check_include_exclude`, `check_plugins`), a `permalink` that is no string
(`style_to_permalink` calls `to_sym` on it) and `collections` that is neither a mapping nor a
list (`merge!`).
Other wrong kinds (`title: [1]`, `baseurl: [1, 2]`, `defaults: 5`) build, wrongly or not,
and are left to the page: only what stops the build is an error here."""

from __future__ import annotations

import re
from typing import Any

from blogcheck.parse.frontmatter import FrontMatter

_KINDS: dict[str, tuple[tuple[type, ...], str, str]] = {  # key -> kinds Jekyll takes, what it says, how to write it
    "exclude": ((list,), "'exclude' should be set as an array", "exclude: [vendor, README.md]"),
    "include": ((list,), "'include' should be set as an array", "include: [_pages]"),
    "plugins": ((list,), "'plugins' should be set as an array of gem-names", "plugins: [jekyll-feed]"),
    "permalink": ((str,), "undefined method `to_sym'", "permalink: /:year/:month/:day/:title/"),
    "collections": ((dict, list), "no implicit conversion ... into Hash", "collections: {recipes: {output: true}}"),
    "markdown_ext": ((str,), "undefined method `split'", "markdown_ext: \"markdown,mkdown,mkdn,mkd,md\""),
    # (`timezone: +08:00` is the number 28800 to YAML 1.1 and Psych: quote it, or name the zone)
    "timezone": ((str,), "no implicit conversion ... into String", "timezone: Asia/Shanghai"),
}
# and the items: each `plugins` and `include` entry a name (`require`, `start_with?`), each collection
# a name (a list's) or a mapping of its settings (a mapping's, or nothing)
_ITEMS: dict[str, str] = {"plugins": "no implicit conversion ... into String",
                          "include": "undefined method `start_with?'"}


# an empty `exclude:` (null) stops the build; these do not
_NULL_OK = frozenset({"permalink", "collections", "markdown_ext", "timezone"})
# Psych's sexagesimal number (ScalarScanner): `-05:00`, `+08:00`
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}(?:\.[0-9_]*)?")


def problems(front: FrontMatter) -> list[tuple[int, int, str, str]]:
    """(line, column, message, hint) for each top-level value of a kind that stops the build."""
    found, offset = [], _offset_zone(front)
    for key, (kinds, said, example) in _KINDS.items():
        value: Any = front.data.get(key)
        if key not in front.data or isinstance(value, kinds) or (value is None and key in _NULL_OK) or \
                (offset and key == "timezone"):  # said better below
            continue
        where = front.locate((key,))
        wanted = "a list" if kinds == (list,) else "text" if kinds == (str,) else "a mapping"
        found.append((where.line, where.column, f"`{key}` must be {wanted}, not {_kind(value)}: Jekyll stops the "
                      f"build (\"{said}\")", f"write it as `{example}`"))
    return found + _items(front) + offset


def _offset_zone(front: FrontMatter) -> list[tuple[int, int, str, str]]:
    """`timezone: +08:00`, unquoted: the number 28800 to Psych (and to blogcheck, which types
    plain values as Psych does), and the build stops (checked with jekyll build)."""
    import yaml

    value = front.value_node("timezone")
    if not isinstance(value, yaml.ScalarNode) or value.style or isinstance(front.data.get("timezone"), (str, bool)) \
            or not _SEXAGESIMAL.fullmatch(value.value):
        return []
    where = front.locate(("timezone",))
    return [(where.line, where.column, f"`timezone: {value.value}` is a number to Jekyll's YAML reader (Ruby reads "
             "hours:minutes as seconds), not a zone: Jekyll stops the build (\"no implicit conversion of Integer into "
             "String\")", "name the zone, e.g. `timezone: Asia/Shanghai` (an offset is no zone to Jekyll)")]


def _items(front: FrontMatter) -> list[tuple[int, int, str, str]]:
    """The entries of the lists and mappings above that stop the build."""
    found = []
    for key, said in _ITEMS.items():
        value = front.data.get(key)
        for index, item in enumerate(value if isinstance(value, list) else []):
            if not isinstance(item, str):
                where = front.locate((key, index))
                found.append((where.line, where.column, f"`{key}` item {index + 1} must be a name, not "
                              f"{_kind(item)}: Jekyll stops the build (\"{said}\")", "write each item as a name"))
    collections = front.data.get("collections")
    items = collections.items() if isinstance(collections, dict) else (
        (item, None) for item in collections) if isinstance(collections, list) else ()
    for name, settings in items:
        named = isinstance(name, str) or isinstance(collections, dict)  # (a mapping's keys: not held against Jekyll)
        if not named or not (settings is None or isinstance(settings, dict)):
            where = front.locate(("collections", name) if isinstance(collections, dict) else ("collections",))
            shown = f"`{name}`'s settings must be a mapping" if named else "a collection's name must be a name"
            found.append((where.line, where.column, f"{shown}: Jekyll stops the build",
                          "write it as `recipes: {output: true}`"))
    return found


def _kind(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text `{value[:60]}`"
    return "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else type(value).__name__
