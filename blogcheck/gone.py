"""Files removed or renamed since the base of `--changed-since`, and the links that
name them. A post nobody changed can still break in a pull request: its
`{% post_url %}` names a post the pull request renamed, its image one it deleted.
Such posts are checked too, for those links only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from urllib.parse import quote

from blogcheck.jekyll.dates import POST_NAME


def pattern(paths: Iterable[str]) -> re.Pattern[str] | None:
    """What names one of the files at `paths` (as git names them): its whole file name,
    as written or percent-encoded (`{% link %}`, an image; not `big-shot.png` for `shot.png`), and for a post its
    dated name in any zero-padding (`{% post_url 2024-3-6-day-65 %}`) and its slug as
    a URL segment (`/day-65/`, `/day-65.html`). None for no paths."""
    found = []
    for path in paths:
        name = PurePosixPath(path).name
        found.append(rf"(?<![\w.-]){re.escape(name)}(?![\w-])")
        encoded = quote(name)
        if encoded != name:  # as a link must write it: `my%20pic.png`, `caf%C3%A9.png` (escapes in either case)
            found.append(rf"(?<![\w.-])(?i:{re.escape(encoded)})(?![\w-])")
        match = POST_NAME.match(name)
        if match and match[2]:
            slug = re.escape(match[2])
            found.append(rf"(?<![\w-])\d{{2,4}}-\d{{1,2}}-\d{{1,2}}-{slug}(?![\w-])")
            found.append(rf"/{slug}(?=[/#?)\"'\s]|\.html?\b|$)")
    return re.compile("|".join(found)) if found else None
