"""Which posts are written in English: the spelling check reads only those.

A post says its language the way Jekyll themes and plugins read it: `lang:`
(minima, jekyll-seo-tag, jekyll-polyglot) or `locale:` (minimal-mistakes), in
its front matter or its `defaults:`, else the site's own `lang:` or `locale:`
in _config.yml. No value means English. `en`, `en-US`, `en_GB`... are English;
`fr`, `pt-BR`, `de_DE`... are not, and every word of such a post would be an
"unknown word" to an English dictionary: the check leaves it alone and the run
says so."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from blogcheck.post import Post

_KEYS = ("lang", "locale")
_ENGLISH = frozenset({"en", "eng", "english"})


def declared(post: Post, site_config: dict[str, Any]) -> str:
    """The language the post (else the site) declares, as written; "" for none."""
    for source in (post.data, site_config):
        for key in _KEYS:
            value = source.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return ""


def is_english(language: str) -> bool:
    """True for "" (nothing declared) and any English tag: "en", "en-US", "en_GB", "English"."""
    return not language or re.split(r"[-_\s]", language.lower(), maxsplit=1)[0] in _ENGLISH


def other_languages(posts: list[Post], site_config: dict[str, Any]) -> dict[Path, str]:
    """The posts (by path) declared in another language than English, with that language."""
    found = {post.path: declared(post, site_config) for post in posts}
    return {path: language for path, language in found.items() if not is_english(language)}
