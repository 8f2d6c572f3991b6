"""Link extraction parses inline Markdown only where a link or an id can be
(links/extract._may_link): on every real post, the blocks it skips hold no
link, image, raw HTML or id in a full parse, and the blocks it parses come out
the same as in a full parse."""

from __future__ import annotations

from pathlib import Path

from blogcheck.links.extract import _may_link
from blogcheck.parse.markdown import tokens, tokens_where

_TRICKY = """# A heading, no link: its text makes an id

Plain prose with `code` and *emphasis* only.

An entity &#91;x&#93; and &lt;b&gt; and a [link](https://example.com) and <https://a.example>.

A kramdown id {: #here} and a footnote[^1] and <a name="there"></a>.

[^1]: The note.
"""
_LINKISH = {"link_open", "image", "html_inline"}


def _check(body: str) -> tuple[int, int]:
    full, some = tokens(body), tokens_where(body, _may_link)
    assert [t.type for t in full] == [t.type for t in some]
    skipped = parsed = 0
    for whole, part in zip(full, some, strict=True):
        if whole.type != "inline":
            continue
        children = whole.children or []
        if part.children:
            assert [(c.type, c.content) for c in part.children] == [(c.type, c.content) for c in children]
            parsed += 1
        else:
            assert not any(c.type in _LINKISH or "{" in c.content or "[" in c.content for c in children)
            skipped += children != []
    return skipped, parsed


def test_a_tricky_post_keeps_every_link_and_id() -> None:
    skipped, parsed = _check(_TRICKY)
    assert skipped == 1 and parsed == 4  # the plain paragraph only; the heading is always parsed


def test_every_corpus_post_parses_the_same_where_it_matters(corpus_dir: Path) -> None:
    skipped = parsed = 0
    for path in sorted(corpus_dir.glob("*/_posts/**/*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        s, p = _check(text)
        skipped, parsed = skipped + s, parsed + p
    assert skipped > 10_000 and parsed > 10_000  # both paths are exercised, at scale
