"""Providers: sites whose links need more than a plain HTTP check.

Each provider is one module in this package with `NAME`, `match(url) -> bool`,
`canonical(url) -> str` (the form several spellings share, for dedupe) and
`check(url, image, client) -> Verdict`, and may have `known(url) -> Verdict | None`:
what the URL alone tells, with no request (a malformed video id), so that it
is reported offline too. Adding a provider = adding one file:
the registry finds every module here. `url` is the normal form of the link as
written (before remap); the provider's own requests go through `client`,
which remaps them."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from blogcheck.links.http import Client
from blogcheck.links.model import Verdict


@dataclass(frozen=True)
class Provider:
    name: str
    match: Callable[[str], bool]
    canonical: Callable[[str], str]
    check: Callable[[str, bool, Client], Verdict]
    known: Callable[[str], Verdict | None]


def _nothing_known(url: str) -> Verdict | None:
    return None


@functools.lru_cache(maxsize=1)
def providers() -> tuple[Provider, ...]:
    """Every provider module of this package, in name order."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.append(Provider(module.NAME, module.match, module.canonical, module.check,
                              getattr(module, "known", _nothing_known)))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def find(url: str) -> Provider | None:
    """The provider for `url` (a normalised http(s) URL), or None for a plain check.
    Remembered: a run asks it several times per URL (extraction, planning, the check)."""
    return next((p for p in providers() if p.match(url)), None)
