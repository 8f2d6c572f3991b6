"""Bare URLs as a preview finds them (linkify-it): http and https only, without the
punctuation that ends a sentence or closes a parenthesis."""

from __future__ import annotations

from blogcheck.links.linkify import urls


def test_bare_urls_are_found_without_trailing_punctuation() -> None:
    text = "See https://github.com/ruby/rss. A lecture (https://youtu.be/x?list=Y), ftp://x.org and www.example.com"
    assert urls(text) == [(4, "https://github.com/ruby/rss"), (44, "https://youtu.be/x?list=Y")]
    assert urls("no address here") == [] and urls("mail me@example.com") == []
