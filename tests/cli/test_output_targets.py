"""`--output` writes into what is at the path: a FIFO or a device (`/dev/null`,
`/dev/stdout`) is written into, never replaced by a regular file (as root, in a CI
container, the old rename replaced the device itself); a symbolic link stays a link
and its target gets the report; a regular file is replaced atomically."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from cli_support import one_post_site, run

POST = "---\ntitle: Post\n---\n\nTeh end.\n"


def test_a_fifo_is_written_into(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    one_post_site(tmp_path, POST, monkeypatch)
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = run(capsys, "check", "--offline", "--format", "json", "--output", str(fifo), ".")
    reader.join(timeout=30)
    assert code == 1, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a FIFO
    assert [d["code"] for d in json.loads(got[0])["diagnostics"]] == ["BC401"]


def test_a_symbolic_link_stays_and_its_target_gets_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    one_post_site(tmp_path, POST, monkeypatch)
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "latest.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    code, _, err = run(capsys, "check", "--offline", "--format", "json", "--output", str(link), ".")
    assert code == 1, err
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert [d["code"] for d in json.loads(real.read_text(encoding="utf-8"))["diagnostics"]] == ["BC401"]
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["latest.json"]  # no temporary file left


def test_a_link_to_a_missing_folder_is_refused_before_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    one_post_site(tmp_path, POST, monkeypatch)
    link = tmp_path / "report.json"
    link.symlink_to(tmp_path / "missing" / "r.json")
    code, out, err = run(capsys, "check", "--offline", "--output", str(link), ".")
    assert (code, out) == (2, "")
    assert f"--output {link}: there is no folder {tmp_path / 'missing'}" in err


def test_a_report_that_cannot_be_written_names_the_file_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """/sys takes no new file, even from root: the message names the path given, not
    the temporary file blogcheck tried to write first."""
    one_post_site(tmp_path, POST, monkeypatch)
    code, _, err = run(capsys, "check", "--offline", "--output", "/sys/blogcheck-report.json", ".")
    assert code == 2
    assert "/sys/blogcheck-report.json" in err and ".blogcheck-" not in err, err
