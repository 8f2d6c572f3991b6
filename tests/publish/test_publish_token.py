"""Credentials: the token reaches git (a real `git http-backend` on 127.0.0.1
that demands it) and never appears in any output or file of the clone."""

from __future__ import annotations

import base64
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from publish_helpers import Sandbox

from blogcheck.publish.remote import TargetError, remote_for
from blogcheck.publish.scrub import MASK, Scrubber, url_passwords

TOKEN = "tok-SENTINEL-4f1c2b9e7d"
DAY65 = "_posts/2024-03-06-day-65.md"


class _GitServer(ThreadingHTTPServer):
    project_root: Path
    token: str
    scan_root: Path
    seen_auth: list[bool]
    clone_files: dict[str, bytes]


class _Backend(BaseHTTPRequestHandler):
    """Smart HTTP through `git http-backend` (CGI), behind Basic auth."""

    server: _GitServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        wanted = "Basic " + base64.b64encode(f"x-access-token:{self.server.token}".encode()).decode()
        given = self.headers.get("Authorization")
        self.server.seen_auth.append(given == wanted)
        if given != wanted:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="git"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if "git-receive-pack" in self.path and self.command == "POST":
            self._snapshot_clone()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path, _, query = self.path.partition("?")
        env = {"GIT_PROJECT_ROOT": str(self.server.project_root), "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": path,
               "QUERY_STRING": query, "REQUEST_METHOD": self.command, "REMOTE_USER": "x-access-token",
               "REMOTE_ADDR": "127.0.0.1", "CONTENT_TYPE": self.headers.get("Content-Type", ""),
               "CONTENT_LENGTH": str(len(body)), "PATH": "/usr/bin:/bin",
               "HTTP_CONTENT_ENCODING": self.headers.get("Content-Encoding", ""),
               "GIT_PROTOCOL": self.headers.get("Git-Protocol", "")}
        done = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True, timeout=60)
        head, _, payload = done.stdout.partition(b"\r\n\r\n")
        headers = [line.split(":", 1) for line in head.decode().split("\r\n") if ":" in line]
        status = next((int(v.split()[0]) for k, v in headers if k.lower() == "status"), 200)
        self.send_response(status)
        for key, value in headers:
            if key.lower() != "status":
                self.send_header(key, value.strip())
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _snapshot_clone(self) -> None:
        """While the push is in flight, read every file of blogcheck's temporary work folder."""
        for path in self.server.scan_root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                self.server.clone_files[str(path)] = path.read_bytes()


@pytest.fixture
def server(fd_sandbox: Sandbox, tmp_path: Path) -> Iterator[_GitServer]:
    httpd = _GitServer(("127.0.0.1", 0), _Backend)
    httpd.project_root, httpd.token, httpd.scan_root = fd_sandbox.root, TOKEN, tmp_path / "tmp"
    httpd.seen_auth, httpd.clone_files = [], {}
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    thread.join(timeout=10)
    httpd.server_close()


def _url(server: _GitServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/site.git"


def test_the_token_authenticates_and_is_never_shown(fd_sandbox: Sandbox, server: _GitServer,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLOGCHECK_TOKEN", TOKEN)
    fd_sandbox.approve(DAY65)
    code, out, err = fd_sandbox.publish(to=_url(server))
    assert code == 0, err
    assert fd_sandbox.has(DAY65)
    assert True in server.seen_auth  # git sent the token...
    assert TOKEN not in out + err  # ...and nobody saw it (stdout and stderr of every process)
    configs = [p for p in server.clone_files if p.endswith("/.git/config")]
    assert configs, "the push did not come from a clone under tmp"
    for path, data in server.clone_files.items():
        assert TOKEN.encode() not in data, path
    assert not any(p.endswith(".git-credentials") for p in server.clone_files)


def test_github_token_is_the_fallback_and_a_wrong_one_fails_cleanly(fd_sandbox: Sandbox, server: _GitServer,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    sandbox = fd_sandbox
    monkeypatch.setenv("GITHUB_SERVER_URL", f"http://127.0.0.1:{server.server_address[1]}")  # as on GHES
    monkeypatch.setenv("GITHUB_TOKEN", "wrong-token-77a1")
    sandbox.approve(DAY65)
    before = sandbox.refs()
    code, out, err = sandbox.publish(to=_url(server))
    assert code == 3 and "publish failed" in err
    assert "wrong-token-77a1" not in out + err
    assert sandbox.refs() == before
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    assert sandbox.publish(to=_url(server))[0] == 0


def test_a_password_in_the_url_is_never_shown(fd_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLOGCHECK_TOKEN", TOKEN)
    fd_sandbox.approve(DAY65)
    code, out, err = fd_sandbox.publish(to="https://user:secret-pw-91@127.0.0.1:1/x.git")
    assert code == 3
    assert "https://127.0.0.1:1/x.git" in err  # the reason names the target, without credentials
    assert "secret-pw-91" not in out + err and TOKEN not in out + err


def test_scrubber_masks_tokens_url_passwords_and_github_tokens() -> None:
    scrub = Scrubber.of({"BLOGCHECK_TOKEN": "abcd1234", "GITHUB_TOKEN": ""}, extra=url_passwords("https://u:p%40ss@h/x"))
    text = ("fatal: https://u:p%40ss@h/x said abcd1234; also https://x:other@example.org/y "
            "and ghp_0123456789abcdefghijABCDEFGHIJ and https://ghs_0123456789abcdefghij0123@github.com/o/r")
    clean = scrub(text)
    for secret in ("p%40ss", "abcd1234", "other", "ghp_0123456789", "ghs_0123456789"):
        assert secret not in clean
    assert f"https://u:{MASK}@h/x" in clean and f"https://x:{MASK}@example.org/y" in clean


def test_targets() -> None:
    env = {"BLOGCHECK_TOKEN": "t0ken"}
    remote = remote_for("https://me:pw@github.com/o/site.git", env)
    assert (remote.url, remote.username, remote.token) == ("https://github.com/o/site.git", "me", "t0ken")
    assert remote_for("https://me:pw@github.com/o/site.git", {}).token == "pw"
    assert remote_for("git@github.com:o/site.git", env).url == "git@github.com:o/site.git"
    assert remote_for("ssh://git@github.com/o/site.git", env).token == ""
    assert remote_for("http://127.0.0.1:8000/site.git", env).token == "t0ken"
    github = {"GITHUB_TOKEN": "gh-t0ken"}
    assert remote_for("https://github.com/o/site.git", github).token == "gh-t0ken"
    assert remote_for("https://gitlab.example/o/site.git", github).token == ""  # never handed to another host
    assert remote_for("https://git.corp/o/s.git", {**github, "GITHUB_SERVER_URL": "https://git.corp"}).token
    for bad, message in [("http://example.org/site.git", "plain http"), ("--upload-pack=x", "not a git URL"),
                         ("ext::sh -c x", "unsupported"), ("ftp://h/x", "unsupported")]:
        with pytest.raises(TargetError, match=message):
            remote_for(bad, env)


def test_git_runs_without_token_variables_or_inherited_repository(tmp_path: Path) -> None:
    from blogcheck.publish.git import environment

    inherited = {"PATH": "/usr/bin", "HOME": "/home/x", "BLOGCHECK_TOKEN": TOKEN, "GITHUB_TOKEN": TOKEN,
                 "GIT_DIR": "/elsewhere/.git", "GIT_TRACE_CURL": "1", "GIT_SSH_COMMAND": "ssh -i key"}
    env = environment(inherited, tmp_path, "", TOKEN)
    assert "BLOGCHECK_TOKEN" not in env and "GITHUB_TOKEN" not in env
    assert "GIT_DIR" not in env and "GIT_TRACE_CURL" not in env
    assert env["GIT_SSH_COMMAND"] == "ssh -i key" and env["GIT_TERMINAL_PROMPT"] == "0"
    assert env["BLOGCHECK_GIT_TOKEN"] == TOKEN and env["BLOGCHECK_GIT_USERNAME"] == "x-access-token"
    script = Path(env["GIT_ASKPASS"])
    assert TOKEN not in script.read_text() and script.stat().st_mode & 0o777 == 0o700
    answer = subprocess.run([str(script), "Password for 'https://x-access-token@github.com': "], env=env,
                            capture_output=True, text=True, check=True)
    assert answer.stdout == TOKEN + "\n"
    assert "GIT_ASKPASS" not in environment(inherited, tmp_path)


@pytest.mark.parametrize("target", ["http://x-access-token:ghs_S3cretT0kenValue1234567890@git.example.com/site.git",
                                    "https://oauth2:glpat-S3cretT0kenValue@gitlab.example.com:99999/me/site.git",
                                    "ftp://deploy:hunter2-S3cret@example.com/site.git"])
@pytest.mark.parametrize("in_config", [False, True])
def test_a_target_refused_as_a_usage_error_is_named_without_its_secret(sandbox: Sandbox, target: str,
                                                                        in_config: bool) -> None:
    """Plain http with a token, a port out of range, a scheme git cannot take: each is exit 2,
    and the message names the target with its password masked (a publish audit: printed whole)."""
    from blogcheck.cli import main

    if in_config:
        (sandbox.source / "blogcheck.toml").write_text(f'[publish]\nto = "{target}"\n', encoding="utf-8")
    code = main(["publish", "--offline"] if in_config else ["publish", "--to", target, "--offline"])
    out, err = sandbox.capture.readouterr()
    secret = target.split("://", 1)[1].split("@", 1)[0].split(":", 1)[1]
    assert code == 2 and "blogcheck: error: --to " in err
    assert secret not in out + err and MASK in err
