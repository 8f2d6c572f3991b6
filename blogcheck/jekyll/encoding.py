"""The encoding Jekyll reads posts, pages, layouts and includes in: `encoding:` of _config.yml
(not _config.yml itself, nor static files it copies unread), checked with jekyll build 4.3.

Jekyll passes the name to Ruby's File.read (a `utf-` name as `bom|utf-...`, so a byte-order
mark is dropped). Ruby ignores a name it does not know ("Unsupported encoding latin1
ignored") and reads UTF-8; a name it knows that is not ASCII-compatible (UTF-16) makes
every file unreadable ("ASCII incompatible encoding needs binmode")."""

from __future__ import annotations

import codecs
import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from blogcheck import files

_UTF8 = "utf-8-sig"


@dataclass(frozen=True)
class Encoding:
    codec: str = _UTF8  # Python's name, to decode posts with
    name: str = "UTF-8"  # as the site writes it, for messages
    problem: str = ""  # why Jekyll cannot use `encoding:` (a BC107 finding)
    note: str = ""  # a name Jekyll uses that blogcheck cannot read in


UTF8 = Encoding()


@functools.cache
def _ruby_names() -> dict[str, bool]:
    """Ruby's encoding names, lower case, each with whether Ruby can read a text file in it."""
    text = resources.files("blogcheck").joinpath("data/ruby_encodings.txt").read_text("utf-8")
    return {line.split()[0].lower(): not line.endswith("ascii-incompatible") for line in text.splitlines() if line}


def site_encoding(config: dict[str, Any]) -> Encoding:
    """How Jekyll reads the site's posts under `encoding:` (UTF-8 when unset)."""
    written = config.get("encoding")
    if not isinstance(written, str) or not written.strip():
        return UTF8
    name = written.strip()
    readable = _ruby_names().get(name.lower())
    if readable is None:
        return Encoding(problem=f"`encoding: {name}` is no encoding Ruby knows: Jekyll ignores it (\"Unsupported "
                        f"encoding {name} ignored\") and reads every file as UTF-8")
    if not readable:
        return Encoding(problem=f"Jekyll cannot read a file in `encoding: {name}` (\"ASCII incompatible encoding "
                        "needs binmode\"): no post or page of the site is read")
    if name.lower().startswith("utf-8") or name.lower() == "cp65001":
        return UTF8
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return Encoding(note=f"blogcheck cannot read text in `encoding: {name}` of _config.yml: it reads the posts "
                        "as UTF-8")
    return Encoding(codec, name)


def read_text(path: Path, limit: int, encoding: Encoding = UTF8) -> str:
    """A file Jekyll reads in the site's `encoding:` (a layout, an include, a page), at most
    `limit` bytes of it; a byte that does not decode is U+FFFD. Raises OSError."""
    return files.read_bytes(path, limit).decode(encoding.codec, "replace")


def file_encoding(path: Path, known: dict[Path, Encoding]) -> Encoding:
    """The encoding Jekyll reads `path` in: the `encoding:` of the site that holds it (`known`:
    site root -> encoding, filled as sites are read); UTF-8 in no site, and for _config.yml,
    which Jekyll reads as UTF-8 whatever it says."""
    from blogcheck.jekyll.site import CONFIG_NAMES, find_root, load_site

    try:
        resolved = path.resolve()
    except (OSError, RuntimeError, ValueError):
        return UTF8
    root = find_root(resolved)
    if root is None or (resolved.parent == root and resolved.name in CONFIG_NAMES):
        return UTF8
    if root not in known:
        known[root] = load_site(root).encoding
    return known[root]
