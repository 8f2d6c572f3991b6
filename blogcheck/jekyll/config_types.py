"""`_config.yml` values of a kind Jekyll 4.3 stops the build on (checked with `jekyll build`):
`exclude`, `include` and `plugins` that are no list, `exclude:` with no items too
(`Configuration#check_include_exclude`, `check_plugins`), a `permalink` that is no string
(`style_to_permalink` calls `to_sym` on it) and `collections` that is neither a mapping nor a
list (`merge!`).
Other wrong kinds (`title: [1]`, `baseurl: [1, 2]`, `defaults: 5`) build, wrongly or not,
and are left to the page: only what stops the build is an error here."""

from __future__ import annotations

from typing import Any

from blogcheck.parse.frontmatter import FrontMatter

_KINDS: dict[str, tuple[tuple[type, ...], str, str]] = {  # key -> kinds Jekyll takes, what it says, how to write it
    "exclude": ((list,), "'exclude' should be set as an array", "exclude: [vendor, README.md]"),
    "include": ((list,), "'include' should be set as an array", "include: [_pages]"),
    "plugins": ((list,), "'plugins' should be set as an array of gem-names", "plugins: [jekyll-feed]"),
    "permalink": ((str,), "undefined method `to_sym'", "permalink: /:year/:month/:day/:title/"),
    "collections": ((dict, list), "no implicit conversion ... into Hash", "collections: {recipes: {output: true}}"),
}


_NULL_OK = frozenset({"permalink", "collections"})  # an empty `exclude:` (null) stops the build too


def problems(front: FrontMatter) -> list[tuple[int, int, str, str]]:
    """(line, column, message, hint) for each top-level value of a kind that stops the build."""
    found = []
    for key, (kinds, said, example) in _KINDS.items():
        value: Any = front.data.get(key)
        if key not in front.data or isinstance(value, kinds) or (value is None and key in _NULL_OK):
            continue
        where = front.locate((key,))
        wanted = "a list" if kinds == (list,) else "text" if kinds == (str,) else "a mapping"
        found.append((where.line, where.column, f"`{key}` must be {wanted}, not {_kind(value)}: Jekyll stops the "
                      f"build (\"{said}\")", f"write it as `{example}`"))
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
    return "a mapping" if isinstance(value, dict) else type(value).__name__
