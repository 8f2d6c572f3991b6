"""URL normal forms: one request per distinct URL."""

from __future__ import annotations

import pytest

from blogcheck.links.dedupe import host_key, normalise


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.COM/Path?Q=1#frag", "http://example.com/Path?Q=1"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/a#", "http://example.com:8080/a"),
        ("//cdn.example.com/lib.js", "https://cdn.example.com/lib.js"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        ("https://straße.de/", "https://xn--strae-oqa.de/"),  # IDNA 2008, as browsers: not strasse.de
        ("https://STRASSE.de/", "https://strasse.de/"),
        ("https://i❤.ws/", "https://xn--i-7iq.ws/"),  # refused by IDNA 2008: the 2003 form
        ("http://[::1]:8000/x", "http://[::1]:8000/x"),
        ("https://user:pw@example.com/", "https://user:pw@example.com/"),
        ("https://example.com./a", "https://example.com/a"),
    ],
)
def test_normal_forms(url: str, expected: str) -> None:
    assert normalise(url) == expected


@pytest.mark.parametrize("url", ["ftp://example.com/", "http://", "https://exa mple.com/", "http://x:99999/", "/rel"])
def test_what_cannot_be_normalised(url: str) -> None:
    with pytest.raises(ValueError):
        normalise(url)


def test_host_keys_include_the_port() -> None:
    assert host_key("https://example.com/a") == "example.com:443"
    assert host_key("http://127.0.0.1:8900/a") == "127.0.0.1:8900"
