"""Keep secrets out of every message: tokens given in the environment, passwords
written in URLs, and anything shaped like a GitHub token."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MASK = "***"
TOKEN_VARS = ("BLOGCHECK_TOKEN", "GITHUB_TOKEN")

# `scheme://user:password@host`: the password goes, the user stays.
_URL_PASSWORD = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@]*:)(?P<secret>[^/\s@]+)(?=@)")
# `scheme://token@host` (a token alone as user name, as actions and docs often write).
_URL_TOKEN_USER = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<secret>(?:gh[pousr]_|github_pat_)[^/\s:@]+)(?=@)")
# GitHub's token formats: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained.
_GITHUB_TOKEN = re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b")
# A secret shorter than this is not masked on its own (masking "a" would garble
# every message); it is still masked inside URLs.
_MIN_SECRET = 4


@dataclass(frozen=True)
class Scrubber:
    secrets: tuple[str, ...] = ()

    @classmethod
    def of(cls, environ: dict[str, str] | None = None, extra: Iterable[str] = ()) -> Scrubber:
        """A scrubber for the token variables in `environ` plus `extra` secrets."""
        env = environ or {}
        found = [env.get(name, "") for name in TOKEN_VARS] + list(extra)
        # Longest first, so a secret that contains another is masked whole.
        kept = sorted({s for s in found if len(s) >= _MIN_SECRET}, key=len, reverse=True)
        return cls(tuple(kept))

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        text = _URL_PASSWORD.sub(lambda m: m["head"] + MASK, text)
        text = _URL_TOKEN_USER.sub(lambda m: m["head"] + MASK, text)
        return _GITHUB_TOKEN.sub(MASK, text)


def url_passwords(url: str) -> list[str]:
    """The password written in a URL (`https://user:secret@host/...`), as
    written and percent-decoded; [] when there is none."""
    from urllib.parse import unquote, urlsplit

    try:
        password = urlsplit(url).password
    except ValueError:
        return []
    return [password, unquote(password)] if password else []
