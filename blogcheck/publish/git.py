"""A thin wrapper over the `git` command line, with a scrubbed environment.

Credentials: for https targets the token reaches git through GIT_ASKPASS, a
tiny shell script that prints `$BLOGCHECK_GIT_TOKEN` from git's environment.
The token is never on a command line, in the script or in `.git/config` (the
remote URL is stored without user or password). Stored credential helpers are
switched off (through GIT_CONFIG_COUNT, not argv) so git neither prefers a
stale credential nor saves the token to a keychain or ~/.git-credentials.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from blogcheck.publish.scrub import TOKEN_VARS, Scrubber

TIMEOUT = 900  # seconds for one git command; a stalled network must not hang CI forever
ALLOWED_PROTOCOLS = "file:git:http:https:ssh"  # never `ext::`, which runs commands
# Inherited GIT_* variables that are safe and useful to keep; the rest (GIT_DIR,
# GIT_WORK_TREE, GIT_INDEX_FILE, GIT_TRACE_*, GIT_CONFIG_*...) would point git at
# another repository or log secrets, so they go.
_KEEP = frozenset({
    "GIT_SSH", "GIT_SSH_COMMAND", "GIT_SSL_CAINFO", "GIT_SSL_CAPATH", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM",
    "GIT_CONFIG_NOSYSTEM", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_AUTHOR_DATE", "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL", "GIT_COMMITTER_DATE", "GIT_HTTP_LOW_SPEED_LIMIT", "GIT_HTTP_LOW_SPEED_TIME",
})
_ASKPASS = """#!/bin/sh
# blogcheck: answers git's credential prompts from the environment; holds no secret.
case "$1" in
  Username*) printf '%s\\n' "$BLOGCHECK_GIT_USERNAME" ;;
  *) printf '%s\\n' "$BLOGCHECK_GIT_TOKEN" ;;
esac
"""


class GitError(Exception):
    """A git command failed; the message is already scrubbed of secrets."""


@dataclass(frozen=True)
class Completed:
    code: int
    stdout: str
    stderr: str


def environment(base: Mapping[str, str], workdir: Path, username: str = "", token: str = "") -> dict[str, str]:
    """The environment git runs in: no inherited repository or tracing
    variables, no token variables, no prompts, and the askpass helper when a
    token is given."""
    env = {k: v for k, v in base.items() if (not k.startswith("GIT_") or k in _KEEP) and k not in TOKEN_VARS}
    env.update({
        "GIT_TERMINAL_PROMPT": "0", "GIT_ALLOW_PROTOCOL": ALLOWED_PROTOCOLS, "LC_ALL": "C", "LANGUAGE": "C",
        "GIT_EDITOR": "true", "GIT_MERGE_AUTOEDIT": "no", "GCM_INTERACTIVE": "never",
        # No hooks of the user's (a global core.hooksPath) run on our commit and push.
        "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "core.hooksPath", "GIT_CONFIG_VALUE_0": str(workdir / "hooks"),
    })
    (workdir / "hooks").mkdir(exist_ok=True)
    env.pop("SSH_ASKPASS", None)
    if token:
        script = workdir / "askpass.sh"
        script.write_text(_ASKPASS, encoding="utf-8")
        script.chmod(0o700)
        env.update({
            "GIT_ASKPASS": str(script), "BLOGCHECK_GIT_USERNAME": username or "x-access-token",
            "BLOGCHECK_GIT_TOKEN": token,
            # An empty credential.helper clears the list: no stored credential is
            # used, and the token is never handed to a helper that would save it.
            "GIT_CONFIG_COUNT": "2", "GIT_CONFIG_KEY_1": "credential.helper", "GIT_CONFIG_VALUE_1": "",
        })
    return env


@dataclass(frozen=True)
class Git:
    """Runs git in `cwd` with `env`; every message it raises is scrubbed."""

    cwd: Path
    env: dict[str, str]
    scrub: Scrubber

    def run(self, *args: str, check: bool = True, cwd: Path | None = None) -> Completed:
        try:
            proc = subprocess.run(  # bytes, decoded below: text mode would drop the CR of CRLF lines of a diff
                ["git", *args], cwd=cwd or self.cwd, env=self.env, capture_output=True, timeout=TIMEOUT,
                stdin=subprocess.DEVNULL,
            )
        except FileNotFoundError:
            raise GitError("git is not installed (no `git` on PATH)") from None
        except subprocess.TimeoutExpired:
            raise GitError(f"`git {args[0]}` took longer than {TIMEOUT} s") from None
        done = Completed(proc.returncode, self.scrub(proc.stdout.decode("utf-8", errors="replace")),
                         self.scrub(proc.stderr.decode("utf-8", errors="replace")))
        if check and done.code != 0:
            raise GitError(f"`git {args[0]}` failed: {_tail(done.stderr or done.stdout)}")
        return done

    def out(self, *args: str) -> str:
        return self.run(*args).stdout.strip()

    def with_cwd(self, cwd: Path) -> Git:
        return Git(cwd, self.env, self.scrub)


def _tail(text: str, lines: int = 12) -> str:
    kept = [line for line in text.strip().splitlines() if not line.startswith("hint:")]
    return "\n".join(kept[-lines:]) or "(no message)"
