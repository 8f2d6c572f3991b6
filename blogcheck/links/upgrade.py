"""`http://` links whose page redirects to the very same address over `https://`
(BC210): the reader's first request goes out in the clear, and the redirect costs
a round trip. Known from the redirect chain the check followed anyway, so it
costs no request, and the fix (`http://` -> `https://`) is known to work.

Only an exact upgrade counts (same host, port, path and query): a redirect to
another address may be a moved page, or a host's front door."""

from __future__ import annotations

from blogcheck.links.dedupe import normalise
from blogcheck.links.model import Status, Verdict
from blogcheck.links.remap import remap


def to_https(url: str, verdict: Verdict, rules: tuple[tuple[str, str], ...]) -> bool:
    """True when `url` (as written) is http:// and its redirects ended at its https:// form.
    `verdict.final_url` is after remap, so the https form is remapped too before comparing."""
    page_fine = (verdict.status is Status.OK and not verdict.provider) or verdict.provider == "anchor"
    if not page_fine or not verdict.final_url:  # a missing anchor (BC209) is on a page that is there
        return False
    if url.strip()[:7].lower() != "http://":
        return False
    try:
        plain = normalise(url)
    except ValueError:
        return False
    return remap("https://" + plain[len("http://"):], rules) == verdict.final_url
