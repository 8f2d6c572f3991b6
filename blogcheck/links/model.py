"""The records passed between link extraction, the remote checker and the check.

Extraction (links/extract.py) yields `Link`s; the remote checker
(links/remote.py) takes distinct `Target`s and returns a `Verdict` for each;
the check (checks/links.py) maps verdicts back to every occurrence."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(str, enum.Enum):
    LINK = "link"  # [text](url), <a href>, autolinks, {% link %}
    IMAGE = "image"  # ![alt](url), <img src>, front-matter image
    EMBED = "embed"  # <iframe src>, <source src>, <script src>, ...


@dataclass(frozen=True)
class Link:
    url: str  # after Liquid is resolved ({{ site.baseurl }} etc.)
    raw: str  # as written in the file
    kind: Kind
    line: int  # 1-based file position, front matter included
    column: int
    exact: bool = True  # False: not found where written (placed at its block's start): no fix, no span


class Status(str, enum.Enum):
    OK = "ok"
    BROKEN = "broken"  # an error
    UNVERIFIED = "unverified"  # a warning: 429 after retries, bot walls, timeouts, resets
    SKIPPED = "skipped"  # excluded or offline: not checked


@dataclass(frozen=True)
class Target:
    """A remote URL to check, as written (Liquid resolved; links/remote.py normalises
    and remaps it), and whether it must be an image."""

    url: str
    image: bool = False


@dataclass(frozen=True)
class Verdict:
    status: Status
    http_status: int | None = None
    final_url: str | None = None
    seen: str = ""  # what was seen: "HEAD 404", "GET 200 text/html for an image", "oEmbed 404"
    hint: str = ""
    provider: str = ""  # "youtube", "github-attachments", ... or "" for plain HTTP
