"""A Markdown link target with escapes beside raw characters: markdown-it escapes
the raw ones (`ü` is `%C3%BC` in its href), and the link is found where it is
written, as written: a reserved escape (`%2f`, `%3f`, `%23`) is never decoded."""

from __future__ import annotations

from collections.abc import Callable

from blogcheck.links import extract
from blogcheck.links.liquid import Resolver
from blogcheck.post import Post

MakePost = Callable[..., Post]


def _links(post: Post) -> list[tuple[int, int, str, str, bool]]:
    resolver = Resolver({}, post.data, lambda name: None, lambda path: None)
    found = extract.links(extract.parse(post), resolver.resolve)
    lines = post.text.split("\n")
    for link in found:  # each position points at the URL as written
        assert lines[link.line - 1][link.column - 1 :].startswith(link.raw), link
    return [(link.line, link.column, link.raw, link.url, link.exact) for link in found]


def test_a_reserved_escape_beside_a_raw_letter_is_kept_and_placed(make_post: MakePost) -> None:
    post = make_post("[docs](https://t.example/docs/a%2fb/\u00fc) and [q](https://t.example/docs/a%3fb/\u00fc)\n"
                     "<https://t.example/a%23b/\u00fc> [m](https://t.example/x%2f%c3%bc/\u00fc_100%)\n")
    docs, query, hashed, mixed = (f"https://t.example/{rest}" for rest in (
        "docs/a%2fb/\u00fc", "docs/a%3fb/\u00fc", "a%23b/\u00fc", "x%2f%c3%bc/\u00fc_100%"))
    assert _links(post) == [(4, 8, docs, docs, True), (4, 48, query, query, True),
                            (5, 2, hashed, hashed, True), (5, 33, mixed, mixed, True)]


def test_at_its_reference_definition_and_in_a_liquid_argument(make_post: MakePost) -> None:
    post = make_post("See [the docs][d].\n\n[d]: https://t.example/a%2fb/\u00fc\n\n"
                     '{% include figure.html caption="[s](https://t.example/c%3Fd/\u00e9)" %}\n')
    first, second = "https://t.example/a%2fb/\u00fc", "https://t.example/c%3Fd/\u00e9"
    assert _links(post) == [(6, 6, first, first, True), (8, 37, second, second, True)]
