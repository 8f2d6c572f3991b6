"""Each link is placed where its URL is written, after an autolink too (whose
text, the same URL, was looked for again and found in a later link that starts
the same way); one that cannot be placed for sure says so (`exact`)."""

from __future__ import annotations

from collections.abc import Callable

from blogcheck.links import extract
from blogcheck.links.liquid import Resolver
from blogcheck.post import Post

MakePost = Callable[..., Post]


def _places(post: Post) -> list[tuple[int, int, str, bool]]:
    resolver = Resolver({}, post.data, lambda name: None, lambda path: None)
    found = extract.links(extract.parse(post), resolver.resolve)
    lines = post.text.split("\n")
    for link in found:
        if link.exact:
            assert lines[link.line - 1][link.column - 1 :].startswith(link.raw), link
    return [(link.line, link.column, link.raw, link.exact) for link in found]


def test_a_link_after_an_autolink_to_a_prefix_of_it_is_placed_exactly(make_post: MakePost) -> None:
    b = "http://127.0.0.1:8820"
    post = make_post(f"Intro line.\nHome: <{b}/ok> and the [docs]({b}/ok/docs). <!-- blogcheck: ignore BC201 -->\n")
    line = post.text.split("\n")[4]
    assert _places(post) == [(5, 8, f"{b}/ok", True), (5, line.index("(") + 2, f"{b}/ok/docs", True)]  # was (4, 1)


def test_links_after_an_autolink_in_a_paragraph_of_two_lines(make_post: MakePost) -> None:
    b = "http://127.0.0.1:8821"
    post = make_post(f"{b}/status/404 is the old address; <{b}/ok> is home.\n"
                     f"See [x]({b}/up) and [y]({b}/ok#there).\n")
    lines = post.text.split("\n")
    assert _places(post) == [
        (4, lines[3].index(f"<{b}/ok>") + 2, f"{b}/ok", True),
        (5, lines[4].index(f"{b}/up") + 1, f"{b}/up", True),  # both were (4, 1), on the unlinked text
        (5, lines[4].index(f"{b}/ok#") + 1, f"{b}/ok#there", True)]


def test_an_image_whose_alt_text_is_its_url_is_placed_at_the_url(make_post: MakePost) -> None:
    url = "http://example.test/a.png"
    post = make_post(f"See ![{url}]({url}) and [![{url}]({url})](/b).\n")
    lines = post.text.split("\n")
    first = lines[3].index(f"]({url}") + 3
    second = lines[3].index(f"]({url}", first) + 3
    assert _places(post) == [(4, first, url, True), (4, second, url, True), (4, lines[3].index("](/b") + 3, "/b", True)]


def test_a_link_that_cannot_be_placed_is_marked_so(make_post: MakePost) -> None:
    post = make_post("Text first, then [a](http://example.test/&#117;p).\n")
    assert _places(post) == [(4, 1, "http://example.test/up", False)]
