"""BC111: `tags: a, b` written as one string, which Jekyll splits on spaces only,
so the commas stay in the names (`a,`); the same for `categories:`."""

from __future__ import annotations

from collections.abc import Iterator

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.post import Post

# Plural keys Jekyll splits when they hold a string (Utils.pluralized_array_from_hash);
# the singular `tag:` and `category:` are taken whole.
KEYS = ("tags", "categories")


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    for key in KEYS:
        value = post.front.data.get(key)
        if not isinstance(value, str) or "," not in value:
            continue
        names = value.split()
        meant = [name.strip() for name in value.split(",") if name.strip()]
        where = post.front.locate((key,))
        shown = ", ".join(f"`{name}`" for name in names)
        yield diagnostic("BC111", post.display, where.line, where.column,
                         f"Jekyll splits `{key}:` on spaces, so the commas stay: {shown}",
                         f"write a list: `{key}: [{', '.join(meant)}]`", key=key)
