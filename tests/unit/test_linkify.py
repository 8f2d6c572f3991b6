"""Bare URLs as a preview finds them (linkify-it): http and https only, without the
punctuation that ends a sentence or closes a parenthesis."""

from __future__ import annotations

from blogcheck.links.linkify import urls


def test_bare_urls_are_found_without_trailing_punctuation() -> None:
    text = "See https://github.com/ruby/rss. A lecture (https://youtu.be/x?list=Y), ftp://x.org and www.example.com"
    assert urls(text) == [(4, "https://github.com/ruby/rss"), (44, "https://youtu.be/x?list=Y")]
    assert urls("no address here") == [] and urls("mail me@example.com") == []


def test_a_huge_run_without_space_is_no_url_and_is_read_in_linear_time() -> None:
    """`https://a.b/` 30,000 times with no space: linkify-it alone took minutes on it
    (quadratic). Runs of over 2,048 characters are not read; run in a child process
    with a timeout, so that a regression fails instead of hanging the suite."""
    import subprocess
    import sys

    code = ("from blogcheck.links.linkify import urls; "
            "assert urls('see ' + 'https://a.b/' * 30000 + ' and https://ok.org/x') == [(360009, 'https://ok.org/x')]")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
