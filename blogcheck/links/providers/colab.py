"""Google Colab notebooks: check the notebook, never Colab's page.

Colab's page loads the notebook in the browser, so
`colab.research.google.com/github/<owner>/<repo>/blob/<ref>/<path>.ipynb` and
`/drive/<file id>` answer 200 whatever they name: a plain check cannot tell a
notebook that was renamed, deleted or made private. A GitHub notebook is checked
as its file on GitHub, `https://github.com/<owner>/<repo>/blob/<ref>/<path>`
(404: renamed, deleted, or in a private repository); a Drive notebook as its
Drive file, `https://drive.google.com/file/d/<id>/view` (404: deleted; a
redirect to Google's sign-in: shared with some people only, which readers
cannot open, a warning as for any link to a sign-in page). `?usp=sharing` and
other query strings name the same notebook: one check. Other Colab pages (the
welcome page, gists) get a plain check."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import urlsplit

from blogcheck.links.http import Client
from blogcheck.links.model import Status, Verdict
from blogcheck.links.probe import check_url

NAME = "colab"
_HOST = "colab.research.google.com"
_GITHUB = re.compile(r"/github/([^/]+)/([^/]+)/blob/([^/]+/.+)")
_DRIVE = re.compile(r"/drive/([A-Za-z0-9_-]{10,})/?")


def notebook(url: str) -> str:
    """Where the notebook of a Colab link lives (GitHub or Drive), else ""."""
    parts = urlsplit(url)
    if (parts.hostname or "") != _HOST:
        return ""
    if found := _GITHUB.fullmatch(parts.path):
        return f"https://github.com/{found[1]}/{found[2]}/blob/{found[3]}"
    if found := _DRIVE.fullmatch(parts.path):
        return f"https://drive.google.com/file/d/{found[1]}/view"
    return ""


def match(url: str) -> bool:
    return bool(notebook(url))


def canonical(url: str) -> str:
    return f"https://{_HOST}{urlsplit(url).path}"


def check(url: str, image: bool, client: Client) -> Verdict:
    where = notebook(url)
    verdict = check_url(client, where)
    seen = f"notebook {where}: {verdict.seen}"
    if verdict.status is Status.BROKEN:
        place = "on GitHub (renamed, deleted, or its repository is private)" if "github.com/" in where else \
            "on Google Drive (deleted)"
        hint = f"Colab shows any address; the notebook is not {place}: link where it is now"
        return dataclasses.replace(verdict, seen=seen, hint=hint, provider=NAME)
    return dataclasses.replace(verdict, seen=seen, provider=NAME)
