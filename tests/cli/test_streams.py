"""Standard streams a user's shell or locale hands blogcheck: closed (`1>&-`), or
unable to encode every character (`PYTHONIOENCODING=ascii`, a Windows code page).
No traceback, the run's own exit code, and machine formats stay valid UTF-8."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

POST = "---\ntitle: Café\nlayout: missing\n---\nA café in São Paulo. [gone](/nowhere-é.html)\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-02-03-café.md").write_text(POST, encoding="utf-8")
    return tmp_path


def _run(site: Path, *args: str, env: dict[str, str] | None = None,
         **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    done: subprocess.CompletedProcess[bytes] = subprocess.run(  # type: ignore[call-overload]
        [sys.executable, "-m", "blogcheck", "check", "--offline", *args], cwd=site,
        env={**os.environ, **(env or {})}, timeout=120, check=False, **kwargs)
    return done


@pytest.mark.parametrize("extra", [[], ["--output", "r.json", "--format", "json"]], ids=["stdout", "output file"])
def test_a_closed_stdout_is_no_traceback(site: Path, extra: list[str]) -> None:
    done = _run(site, *extra, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, close_fds=True,
                preexec_fn=lambda: os.close(1))
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    assert done.returncode == 1
    if extra:
        assert json.loads((site / "r.json").read_text(encoding="utf-8"))["summary"]["errors"] >= 1


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_narrow_encoding_keeps_json_valid_and_text_readable(site: Path, encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding}
    done = _run(site, "--format", "json", env=env, capture_output=True)
    assert b"Traceback" not in done.stderr and done.returncode == 1, done.stderr.decode()
    report = json.loads(done.stdout.decode("utf-8"))
    assert any(d["path"].endswith("2024-02-03-café.md") for d in report["diagnostics"])
    text = _run(site, env=env, capture_output=True)
    assert b"Traceback" not in text.stderr and text.returncode == 1, text.stderr.decode()
    assert b"2024-02-03-caf" in text.stdout and b"Checked 1 file" in text.stdout
