"""Which GitHub REST API resource answers for a github.com link (github_api.py asks it).

github.com answers link checkers with 429 and then closes the run to them; the
API, with a token, answers 5,000 requests an hour. Each link becomes the
resource that proves it: `/o/r` the repository, `/o/r/blob/REF/PATH` (and
`tree`, `raw`, `blame`, raw.githubusercontent.com) the file or folder at that
ref, `/o/r/issues/N` and `/o/r/pull/N` the issue, `/o/r/commit/SHA` the
commit, `/o/r/releases/tag/T` the tag (its page shows a tag with no release
too), `/USER` the account, a gist its id. Where github.com shows more than the
API knows (a discussion at `/issues/N`, a fork's commit), a 404 proves nothing.
A branch name may hold slashes (`blob/feature/x/a.py`): each split of the
ref from the path is a candidate, tried in order. Any other page of a
repository (`/wiki`, `/compare/...`) maps to its repository only, which can
prove the link broken but not working."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})")  # a user or organisation
_REPO = re.compile(r"[A-Za-z0-9._-]{1,100}")
_NUMBER = re.compile(r"[0-9]{1,10}")
_GIST = re.compile(r"[0-9a-f]{20,40}")
_HASH = re.compile(r"[0-9a-fA-F]{7,40}")  # a commit's hash as a ref
_FILES = frozenset({"blob", "tree", "raw", "blame"})
_MOST_SPLITS = 6  # a ref of up to 6 segments (`refs/heads/release/2024/v1/x`); a longer one proves nothing
# first path segments of github.com that are GitHub's own pages, not accounts
_RESERVED = frozenset({
    "about", "account", "advisories", "apps", "blog", "codespaces", "collections", "contact", "copilot",
    "customer-stories", "dashboard", "discussions", "education", "enterprise", "events", "explore", "features",
    "git-guides", "home", "issues", "join", "login", "logout", "marketplace", "mobile", "new", "newsroom",
    "notifications", "organizations", "orgs", "partners", "premium-support", "pricing", "pulls", "readme",
    "resources", "search", "security", "sessions", "settings", "signup", "site", "solutions", "sponsors", "stars",
    "team", "topics", "trending", "user-attachments", "watching",
})


@dataclass(frozen=True)
class Plan:
    """The API paths to try for one link, and what they prove."""

    paths: tuple[str, ...]  # tried in order until one answers other than "no such ref"
    what: str  # "the repository o/r", "the file or folder `p` at `main` of o/r", ...
    repo: str  # "o/r" whose visibility matters ("" for an account or a gist)
    exact: bool  # True: the resource is the page; False: only its repository is known
    # False where github.com shows more than the API knows, so a 404 proves nothing: an account
    # page (GitHub's own pages live there too), `/issues/N` of a discussion, a fork's commit
    not_found_proves: bool = True


def plan(url: str, image: bool = False) -> Plan | None:
    """The API resource for `url`, or None when the API cannot speak for it."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if host == "raw.githubusercontent.com" and len(segments) >= 4:
        return _files(segments[0], segments[1], segments[2:])
    if host == "gist.github.com" and not image:
        # `/USER/ID`, `/ID`, and the script that embeds it: `/USER/ID.js`
        gist = next((g for s in reversed(segments[:2]) if _GIST.fullmatch(g := s.removesuffix(".js"))), "")
        return Plan((f"/gists/{gist}",), f"the gist {gist}", "", True) if gist else None
    if host not in ("github.com", "www.github.com") or not segments:
        return None
    owner = segments[0]
    if owner.lower() in _RESERVED or not _NAME.fullmatch(owner):
        return None
    if len(segments) == 1:
        # github.com/<name> may be a page of GitHub's own site: a 404 proves nothing
        return None if image else Plan((f"/users/{quote(owner)}",), f"the account {owner}", "", True,
                                       not_found_proves=False)
    name = segments[1].removesuffix(".git")
    if not _repository_name(name):
        return None
    rest = segments[2:]
    if image:  # only a file's bytes can be an image
        return _files(owner, name, rest[1:]) if rest[:1] == ["raw"] else None
    return _repo_page(owner, name, rest)


def _repo_page(owner: str, name: str, rest: list[str]) -> Plan | None:
    repo = f"{owner}/{name}"
    base = f"/repos/{quote(owner)}/{quote(name)}"
    kind = rest[0] if rest else ""
    if not rest:
        return Plan((base,), f"the repository {repo}", repo, True)
    if kind in _FILES and len(rest) >= 2:
        return _files(owner, name, rest[1:], ref_alone=kind == "tree")
    if kind in ("issues", "pull") and len(rest) >= 2 and _NUMBER.fullmatch(rest[1]):
        return Plan((f"{base}/issues/{rest[1]}",), f"issue or pull request #{rest[1]} of {repo}", repo, True,
                    not_found_proves=False)
    if any(part in (".", "..") or "\x00" in part for part in rest[1:]):  # would name another resource
        return Plan((base,), f"the repository {repo}", repo, False)
    if kind == "commit" and len(rest) >= 2:  # github.com also shows the commits of forks here: a 404 proves nothing
        return Plan((f"{base}/commits/{quote(rest[1], safe='')}",), f"the commit {rest[1]} of {repo}", repo, True,
                    not_found_proves=False)
    if kind == "releases" and len(rest) >= 3 and rest[1] == "tag":  # the page shows a tag with no release too
        tag = "/".join(rest[2:])
        return Plan((f"{base}/git/ref/tags/{quote(tag)}",), f"the tag {tag} of {repo}", repo, True)
    return Plan((base,), f"the repository {repo}", repo, False)


def _files(owner: str, name: str, tail: list[str], ref_alone: bool = False) -> Plan | None:
    """`REF/PATH` of a repository: one candidate per place the ref may end (at
    the end only for a folder view, `tree/REF`: a file needs a path)."""
    if not _NAME.fullmatch(owner) or not _repository_name(name.removesuffix(".git")) or not tail:
        return None
    if any(part in (".", "..") or "\x00" in part for part in tail):  # would name another resource
        return None
    name = name.removesuffix(".git")
    base = f"/repos/{quote(owner)}/{quote(name)}"
    paths: list[str] = []
    for cut in range(1, min(len(tail) if ref_alone else len(tail) - 1, _MOST_SPLITS) + 1):
        ref, path = "/".join(tail[:cut]), "/".join(tail[cut:])
        if path:
            paths.append(f"{base}/contents/{quote(path)}?ref={quote(ref, safe='')}")
        else:
            paths.append(f"{base}/commits/{quote(ref, safe='')}")
    if not paths:
        return None
    ref, path = tail[0], "/".join(tail[1:])
    by_hash = bool(_HASH.fullmatch(ref))  # a commit of a fork shows here too: a 404 proves nothing
    what = f"`{path}` at `{ref}` of {owner}/{name}" if path else f"the branch or tag `{ref}` of {owner}/{name}"
    untried = (len(tail) if ref_alone else len(tail) - 1) > _MOST_SPLITS  # a ref longer than the splits tried
    return Plan(tuple(paths), what, f"{owner}/{name}", True, not_found_proves=not by_hash and not untried)


def _repository_name(name: str) -> bool:
    """A name GitHub allows for a repository, and not a dot segment (`.`, `..`)."""
    return bool(_REPO.fullmatch(name)) and name not in (".", "..")
