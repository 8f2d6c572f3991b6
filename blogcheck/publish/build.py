"""`--build`: the real Jekyll build of the updated site, before anything is pushed.

Besides Jekyll's own exit code, the page of every published post must be in
the built site: Jekyll skips a post dated in the future (without `future:
true`) without a word, and such a post would be merged but never go live."""

from __future__ import annotations

import re
import shlex
import subprocess
from collections.abc import Mapping
from pathlib import Path

from blogcheck.publish.scrub import TOKEN_VARS, Scrubber
from blogcheck.publish.target import PublishError

TIMEOUT = 1800  # seconds
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_BACKTRACE = re.compile(r"^\s+from \S+:\d+:in ")


def build(clone: Path, destination: Path, command: str, environ: Mapping[str, str], scrub: Scrubber,
          posts: list[str]) -> list[str]:
    """Build `clone` into `destination`; return the URLs of `posts` (paths in
    the clone). Raise PublishError with Jekyll's output when it fails."""
    try:
        args = [*shlex.split(command), "--source", str(clone), "--destination", str(destination)]
    except ValueError as exc:
        raise PublishError(f"build_command {command!r}: {exc}") from None
    env = {k: v for k, v in environ.items() if k not in TOKEN_VARS}
    try:
        proc = subprocess.run(args, cwd=clone, env=env, capture_output=True, text=True, errors="replace",
                              timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise PublishError(f"`{args[0]}` not found: install Jekyll (Debian: apt-get install jekyll) "
                           "or set `build_command` in [publish]") from None
    except subprocess.TimeoutExpired:
        raise PublishError(f"`{command}` took longer than {TIMEOUT} s; nothing was pushed") from None
    if proc.returncode != 0:
        log = _readable(proc.stdout + proc.stderr, clone)
        raise PublishError(f"`{command}` failed (exit {proc.returncode}); nothing was pushed:\n{scrub(log)}")
    return _built_pages(clone, destination, posts)


def _readable(output: str, clone: Path) -> str:
    """Jekyll's messages without colours, Ruby backtrace lines or the temporary clone's path."""
    lines = [_ANSI.sub("", line).replace(f"{clone}/", "") for line in output.strip().splitlines()]
    return "\n".join([line for line in lines if not _BACKTRACE.match(line)][-30:])


def _built_pages(clone: Path, destination: Path, posts: list[str]) -> list[str]:
    from blogcheck.checks import Context
    from blogcheck.checks.urls import url_of
    from blogcheck.config import Config
    from blogcheck.jekyll.site import load_site
    from blogcheck.jekyll.url import destination as page_file
    from blogcheck.post import Post, load

    site = load_site(clone)
    urls, missing = [], []
    for rel in posts:
        post = load(clone / rel, rel, site, Config().max_file_size)
        url = url_of(post, Context(site, Config())) if isinstance(post, Post) else None
        if url is None:
            continue
        if (destination / page_file(url).lstrip("/")).is_file():
            urls.append(url)
        else:
            missing.append(f"  {rel} (expected at {url})")
    if missing:
        raise PublishError("Jekyll built the site without these posts (dated in the future without "
                           "`future: true`?); nothing was pushed:\n" + "\n".join(missing))
    return urls
