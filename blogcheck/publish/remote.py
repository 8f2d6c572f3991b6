"""The publish target: a git URL (https, ssh) or a local path, and the
credentials to hand to git for it: $BLOGCHECK_TOKEN, else $GITHUB_TOKEN (for
GitHub hosts only), else a password written in the URL."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

_SCP = re.compile(r"^(?:[^@/:]+@)?[^/:]+:(?!//)")  # user@host:path, as ssh and git write it
_TRANSPORT = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)::")
_BAD_REF = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]")
_SCHEMES = ("https", "http", "ssh", "git", "file")


class TargetError(Exception):
    """A target blogcheck will not use (bad URL, token over plain http)."""


@dataclass(frozen=True)
class Remote:
    url: str  # what git is given and stores in .git/config: never a password
    shown: str  # for messages
    username: str = ""
    token: str = ""


def remote_for(target: str, environ: Mapping[str, str]) -> Remote:
    if not target or target.startswith("-") or "\0" in target or "\n" in target:
        raise TargetError(f"not a git URL or path: {target!r}")
    helper = _TRANSPORT.match(target)
    if helper:  # git's `<transport>::<address>` (`ext::` runs commands)
        raise TargetError(f"unsupported URL scheme `{helper[1]}`; use https, ssh or a path")
    if is_local_path(target):
        path = str(Path(target).expanduser().resolve())
        return Remote(path, path)
    if "://" not in target:  # user@host:path
        return Remote(target, target)
    try:
        parts = urlsplit(target)
        port = parts.port
    except ValueError as exc:
        raise TargetError(f"not a valid URL: {exc}") from None
    if parts.scheme not in _SCHEMES:
        raise TargetError(f"unsupported URL scheme `{parts.scheme}`; use https, ssh or a path")
    host = parts.hostname or ""
    netloc = (f"[{host}]" if ":" in host else host) + (f":{port}" if port else "")
    if parts.scheme not in ("http", "https"):
        user = f"{parts.username}@" if parts.username else ""
        clean = urlunsplit((parts.scheme, user + netloc, parts.path, parts.query, ""))
        return Remote(clean, clean)
    clean = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    token = environ.get("BLOGCHECK_TOKEN") or (environ.get("GITHUB_TOKEN", "") if _github(host, environ) else "")
    token = token or unquote(parts.password or "")
    if token and parts.scheme == "http" and not _loopback(host):
        raise TargetError("refusing to send a token over plain http; use an https URL")
    return Remote(clean, clean, unquote(parts.username or ""), token)


def is_local_path(target: str) -> bool:
    """A target that is a folder on this machine, not a URL or `host:path`."""
    if "://" in target or _TRANSPORT.match(target):
        return False
    return not _SCP.match(target) or Path(target).exists()


def valid_branch(name: str) -> bool:
    """git check-ref-format's rules for a branch name."""
    return not (not name or name.startswith(("-", "/", ".")) or name.endswith(("/", ".", ".lock")) or ".." in name
                or "//" in name or "@{" in name or "/." in name or name == "@" or _BAD_REF.search(name))


def _github(host: str, environ: Mapping[str, str]) -> bool:
    """GITHUB_TOKEN is GitHub's: it goes only to github.com, or to the server
    the workflow runs on ($GITHUB_SERVER_URL, for GitHub Enterprise)."""
    server = urlsplit(environ.get("GITHUB_SERVER_URL") or "https://github.com").hostname or ""
    return host.lower() in (server.lower(), "github.com")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
