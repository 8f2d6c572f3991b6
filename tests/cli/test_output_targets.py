"""`--output` writes into what is at the path: a FIFO or a device (`/dev/null`,
`/dev/stdout`) is written into, never replaced by a regular file (as root, in a CI
container, the old rename replaced the device itself); a symbolic link stays a link
and its target gets the report; a regular file is replaced atomically."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
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


def _cli(argv: list[str], cwd: Path, **how: object) -> subprocess.CompletedProcess[bytes]:
    """The real CLI in a process of its own, as root without its bypass of file modes."""
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, "-m", "blogcheck", *argv], cwd=cwd, timeout=120, check=False,
                          **how)  # type: ignore[call-overload,no-any-return]


def test_a_descriptor_is_written_to_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--output /dev/stdout` into a pipe failed after the whole run (its link leads to
    `pipe:[...]`, no file), and into a file opened with `>>` it replaced the file, losing
    what it held; `/dev/fd/N` (a shell's `>(cmd)`) failed the same way."""
    one_post_site(tmp_path, POST, monkeypatch)
    argv = ["check", "--offline", "--format", "json", "--output"]
    piped = _cli([*argv, "/dev/stdout", "."], tmp_path, capture_output=True)
    assert piped.returncode == 1 and piped.stderr == b""
    assert [d["code"] for d in json.loads(piped.stdout)["diagnostics"]] == ["BC401"]
    log = tmp_path / "log.txt"
    log.write_text("kept\n", encoding="utf-8")
    with open(log, "a", encoding="utf-8") as appended:
        assert _cli([*argv, "/dev/stdout", "."], tmp_path, stdout=appended).returncode == 1
    kept, report = log.read_text(encoding="utf-8").split("\n", 1)
    assert kept == "kept" and json.loads(report)["summary"]["errors"] == 1
    read, write = os.pipe()
    with os.fdopen(read, "rb") as reader:
        done = _cli([*argv, f"/dev/fd/{write}", "."], tmp_path, pass_fds=(write,), capture_output=True)
        os.close(write)
        assert done.returncode == 1 and done.stderr == b"" and done.stdout == b""
        assert json.loads(reader.read())["summary"]["errors"] == 1
    shut = _cli([*argv, "/dev/fd/9", "."], tmp_path, capture_output=True)
    assert (shut.returncode, shut.stderr) == (2, b"blogcheck: error: --output /dev/fd/9: descriptor 9 is not open\n")


@pytest.mark.parametrize("flag", ["--output", "--schema", "--cache"])
def test_a_loop_of_links_or_a_missing_folder_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str], flag: str) -> None:
    """Path.resolve() raises RuntimeError on a loop (Python 3.11): it was a traceback."""
    one_post_site(tmp_path, POST, monkeypatch)
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    code, out, err = run(capsys, "check", "--offline", flag, "a", ".")
    assert (code, out) == (2, "") and err.startswith(f"blogcheck: error: {flag} ") and "loop" in err, err
    if flag == "--output":
        code, out, err = run(capsys, "check", "--offline", flag, "report.txt/", ".")
        assert (code, out) == (2, "") and "names a folder, and there is none" in err
        assert not (tmp_path / "report.txt").exists()


def test_a_read_only_file_is_neither_report_nor_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 0444 file in a folder that may be written was replaced (rename needs the folder's
    permission only): the report is refused before the run, the fix is a note."""
    one_post_site(tmp_path, POST, monkeypatch)
    post = tmp_path / "_posts" / "2024-01-01-p.md"
    report = tmp_path / "report.txt"
    report.write_text("old\n", encoding="utf-8")
    for path in (post, report):
        path.chmod(0o444)
    done = _cli(["check", "--offline", "--output", "report.txt", "."], tmp_path, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (2, "blogcheck: error: --output report.txt: the file is read-only\n")
    assert report.read_text(encoding="utf-8") == "old\n"
    done = _cli(["check", "--offline", "--fix", "."], tmp_path, capture_output=True, text=True)
    assert done.returncode == 1 and "not fixed: cannot write it (the file is read-only)" in done.stdout, done.stdout
    assert post.read_text(encoding="utf-8") == POST
    # no advice to run --fix after --fix: the fix left is said to be left, and why
    assert "can be fixed in place" not in done.stdout
    assert "1 finding with a fix left as it is: its file could not be written" in done.stdout


def test_a_post_is_never_replaced_by_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """`--output _posts/...md` (or `output =` in blogcheck.toml) replaced a post with the report."""
    one_post_site(tmp_path, POST, monkeypatch)
    post = next((tmp_path / "_posts").iterdir())
    code, _, err = run(capsys, "check", "--offline", "--output", str(post), ".")
    assert code == 2 and "is a post (its front matter opens with `---`)" in err
    assert post.read_text(encoding="utf-8") == POST
    report = tmp_path / "report.md"  # a Markdown file that is no post is a report like any other
    report.write_text("old report\n", encoding="utf-8")
    assert run(capsys, "check", "--offline", "--output", str(report), ".")[0] == 1
    assert "Teh" in report.read_text(encoding="utf-8")
