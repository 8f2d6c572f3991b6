"""A second opinion from GitHub's REST API on github.com links github.com would not answer.

github.com answers busy link checkers with 429 and asks them to wait a minute
or more: hosts.py then closes the run to it, and every link to GitHub is a
warning. With a token in the environment (`GITHUB_TOKEN`, which GitHub Actions
provides, or `GH_TOKEN`, the GitHub CLI's), such a link is asked of the API
instead (github_paths.py says which resource proves it): the resource is
there, ok; it is not (404, 410, a ref that names no commit), broken, except
where github.com shows more than the API (github_paths.py). A
repository the token may read but readers may not (`"private": true`) is
broken too: readers get a 404. Links github.com answered are left as they are,
and nothing is asked without a token (the API allows 60 anonymous requests an
hour). `[links] github_api = false` turns this off.

The token goes only to https://api.github.com, or to a loopback address a
`remap` sends the API to (the tests' mirror): never to another host, whatever
a config file in the repository says."""

from __future__ import annotations

import dataclasses
import ipaddress
import json
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from blogcheck.links.github_paths import Plan, plan
from blogcheck.links.http import Client
from blogcheck.links.model import Status, Verdict
from blogcheck.links.remap import remap
from blogcheck.links.replies import Reply
from blogcheck.links.settings import TOKEN_VARIABLES, token_from

__all__ = ["TOKEN_VARIABLES", "may_carry_token", "rescue", "token_from"]

API = "https://api.github.com"
NAME = "github"
_ACCEPT = "application/vnd.github+json"
_BODY = 65536  # a repository's JSON is a few KB
_HOPS = 3  # a renamed repository answers 301 to its new address


def may_carry_token(url: str) -> bool:
    """Whether a request to `url` (remapped) may carry the token."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if parts.scheme == "https" and host == "api.github.com" and parts.port in (None, 443):
        return True
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def rescue(url: str, image: bool, verdict: Verdict, client: Client) -> Verdict:
    """`verdict` on `url`, or the API's when github.com left it unverified."""
    settings = client.settings
    if verdict.status is not Status.UNVERIFIED or not settings.github_api or not settings.github_token:
        return verdict
    found = plan(url, image)
    if found is None:
        return verdict
    answer = client.once(("github-api", found), lambda: _ask(client, found))
    seen = f"{verdict.seen}; GitHub API: {answer.seen}" if verdict.seen else f"GitHub API: {answer.seen}"
    if answer.status is Status.UNVERIFIED or (answer.status is Status.OK and not found.exact):
        # the API could not say, or says only that the repository is there: still unverified, and why
        return dataclasses.replace(verdict, seen=seen, hint=f"{verdict.hint}; {answer.why}" if verdict.hint
                                   else answer.why)
    return Verdict(answer.status, answer.http_status, None, seen, answer.why, NAME)


@dataclass(frozen=True)
class _Answer:
    status: Status  # OK, BROKEN or UNVERIFIED
    http_status: int | None  # the API's last answer
    seen: str  # "GET /repos/o/r 200, HEAD /repos/o/r/issues/1 200"
    why: str


def _ask(client: Client, found: Plan) -> _Answer:
    stopped = _stop(client)
    if stopped:  # every further request would be refused too
        return _Answer(Status.UNVERIFIED, None, "not asked", stopped[0])
    seen: list[str] = []
    if found.repo:
        repo = client.once(("github-repo", found.repo), lambda: _repository(client, found.repo))
        seen.append(repo.seen)
        if repo.status is not Status.OK or found.paths == (_repo_path(found.repo),):
            why = repo.why if repo.status is not Status.OK else f"{found.what} exists (GitHub API)"
            return _Answer(repo.status, repo.http_status, repo.seen, why)
    for path in found.paths:
        reply = _request(client, "HEAD", path)
        if not 200 <= reply.status < 400 and reply.status:  # HEAD has no body to say why: GET does
            reply = _request(client, "GET", path, keep=_BODY)
        seen.append(f"{path} {reply.label}")
        if 200 <= reply.status < 400:
            return _Answer(Status.OK, reply.status, ", ".join(seen), f"{found.what} exists (GitHub API)")
        if reply.status in (404, 422) and "no commit found" in _message(reply).lower():
            continue  # the ref ends later: `blob/feature/x/a.py`
        status, why = _trouble(reply, found.what)
        if reply.status in (404, 422) and not found.not_found_proves:
            return _Answer(Status.UNVERIFIED, reply.status, ", ".join(seen), _unproved(found.what, reply.status))
        return _Answer(status, reply.status or None, ", ".join(seen), why)
    if not found.not_found_proves:
        return _Answer(Status.UNVERIFIED, 404, ", ".join(seen), _unproved(found.what, 404))
    return _Answer(Status.BROKEN, 404, ", ".join(seen), f"{found.what}: no branch, tag or commit of that name "
                   "(GitHub API)")


def _unproved(what: str, status: int) -> str:
    return (f"the GitHub API has no {what} ({status}), but github.com shows more than the API there (its "
            "own pages, a discussion at an issue's address, a commit of a fork); check it in a browser")


def _repository(client: Client, repo: str) -> _Answer:
    path = _repo_path(repo)
    reply = _request(client, "GET", path, keep=_BODY)
    seen = f"{path} {reply.label}"
    if reply.status == 200 and _private(reply):
        return _Answer(Status.BROKEN, 200, seen, f"{repo} is a private repository: readers who are not its "
                       "collaborators get a 404; make it public, or link something they can see")
    if reply.status == 200:
        return _Answer(Status.OK, 200, seen, "")
    status, why = _trouble(reply, f"the repository {repo}")
    if reply.status == 404:  # no account of that name either: a page of GitHub's own site, or a typo
        owner = repo.split("/", 1)[0]
        path = f"/users/{quote(owner)}"
        account = client.once(("github-account", owner), lambda: _request(client, "HEAD", path))
        seen += f", {path} {account.label}"
        if account.status != 200:
            status, why = Status.UNVERIFIED, _unproved(f"account {owner}", 404)
    return _Answer(status, reply.status or None, seen, why)


def _trouble(reply: Reply, what: str) -> tuple[Status, str]:
    """What an answer other than 2xx/3xx means."""
    if reply.status in (404, 410, 422):
        return Status.BROKEN, (f"{what} does not exist, or is private (the GitHub API answers {reply.status}): "
                               "readers get a 404")
    if reply.status == 401:
        return Status.UNVERIFIED, f"the GitHub API refused the token (401 {_message(reply)}): is it expired?"
    detail = _message(reply) or reply.detail or f"answers {reply.status or reply.failure}"
    return Status.UNVERIFIED, f"the GitHub API could not say ({detail[:200]})"


def _request(client: Client, method: str, path: str, keep: int = 0) -> Reply:
    """`method` on the API's `path`, following a renamed repository's redirect."""
    url = API + path
    for _ in range(_HOPS + 1):
        if not may_carry_token(remap(url, client.settings.remap)):
            return Reply(method, url, failure="excluded",
                         detail="the API is remapped to a host that may not have the token")
        headers = {"Authorization": f"Bearer {client.settings.github_token}", "X-GitHub-Api-Version": "2022-11-28"}
        reply = client.request(method, url, _ACCEPT, keep=keep, headers=headers)
        if reply.status in (403, 429) and "rate limit" in _message(reply).lower():
            _stop(client)[:] = [f"the GitHub API's rate limit is spent ({_message(reply)})"]
        elif reply.status == 401:
            _stop(client)[:] = [_trouble(reply, "")[1]]
        if not (300 <= reply.status < 400 and reply.location):
            return reply
        url = urljoin(reply.url, reply.location.strip())
    return reply


def _stop(client: Client) -> list[str]:
    """Why the API gets no more requests in this run (its rate limit is spent, it
    refused the token): [] while it may be asked."""
    why: list[str] = client.once("github-api-stop", list)
    return why


def _repo_path(repo: str) -> str:
    owner, name = repo.split("/", 1)
    return f"/repos/{quote(owner)}/{quote(name)}"


def _message(reply: Reply) -> str:
    """The `message` of an API error answer, one printable line."""
    try:
        data = json.loads(reply.body.decode("utf-8", "replace"))
    except (ValueError, RecursionError):  # a hostile mirror's `[[[[...`
        return ""
    message = data.get("message") if isinstance(data, dict) else None
    return "".join(c for c in message if c.isprintable())[:200] if isinstance(message, str) else ""


def _private(reply: Reply) -> bool:
    try:
        data = json.loads(reply.body.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("private") is True
