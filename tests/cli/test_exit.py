"""The command's end (`cli.entry`): the report is flushed whole before the fast exit,
the exit code is the run's, and a report that cannot be delivered exits 120."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site"

POSTS = 2000  # one finding each: the report is several times a pipe's 64 KB buffer


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    posts = root / "_posts"
    posts.mkdir()
    for number in range(POSTS):
        (posts / f"2024-01-01-post-{number:04d}.md").write_text("---\nlayout: post\n---\nText.\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("command", [[sys.executable, "-m", "blogcheck"],
                                     [str(Path(sys.executable).parent / "blogcheck")]], ids=["python -m", "script"])
def test_a_long_report_reaches_a_pipe_whole_with_the_run_s_exit_code(site: Path, command: list[str]) -> None:
    done = subprocess.run([*command, "check", "--select", "BC110", "_posts"], cwd=site, capture_output=True,
                          text=True, check=False, timeout=120, env=_buffered())
    lines = done.stdout.splitlines()
    assert done.returncode == 1, done.stderr
    assert len(done.stdout) > 3 * 65536
    assert sum(" BC110 " in line for line in lines) == POSTS
    assert lines[-1] == f"Checked {POSTS} files: {POSTS} errors, 0 warnings."
    assert done.stderr == ""


def test_a_short_report_left_in_the_buffer_is_flushed_before_the_exit(site: Path) -> None:
    """A few lines stay in stdout's buffer until a flush: the fast exit must not drop them."""
    done = subprocess.run([sys.executable, "-m", "blogcheck", "check", "--select", "BC110",
                           "_posts/2024-01-01-post-0000.md"], cwd=site, capture_output=True, text=True, check=False,
                          timeout=120, env=_buffered())
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "Checked 1 file: 1 error, 0 warnings."


def test_a_clean_run_exits_0_through_the_script() -> None:
    done = subprocess.run([sys.executable, "-m", "blogcheck", "--version"], capture_output=True, text=True,
                          check=False, timeout=60)
    assert (done.returncode, done.stdout.startswith("blogcheck "), done.stderr) == (0, True, "")


def test_a_report_that_cannot_be_written_exits_2_with_a_message() -> None:
    read, write = os.pipe()
    os.close(read)  # nobody reads: writing the report meets a closed pipe (EPIPE)
    try:
        done = subprocess.run([sys.executable, "-m", "blogcheck", "check", "--select", "frontmatter", "_posts"],
                              stdout=write, stderr=subprocess.PIPE, text=True, check=False, timeout=60, cwd=SITE)
    finally:
        os.close(write)
    assert done.returncode == 2
    assert done.stderr == "blogcheck: error: cannot write the report: [Errno 32] Broken pipe\n"


def test_output_still_pending_at_the_end_that_cannot_be_flushed_exits_120() -> None:
    """What the interpreter does when its own exit cannot flush stdout; no traceback."""
    script = ("import sys\nfrom blogcheck import cli\nsys.argv = ['blogcheck', '--version']\n"
              "sys.stdout.write('pending')\ncli.entry()\n")
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([sys.executable, "-c", script], stdout=write, stderr=subprocess.PIPE, text=True,
                              check=False, timeout=60, env=_buffered())
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (120, "")


def _buffered() -> dict[str, str]:
    """The environment with stdout buffered, as on most machines (PYTHONUNBUFFERED writes at once)."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}


def test_a_profiled_run_exits_normally_so_the_profile_is_written(tmp_path: Path) -> None:
    """`python -m cProfile -o FILE -m blogcheck ...`: the profiler writes FILE at the interpreter's exit."""
    profile = tmp_path / "run.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "blogcheck", "check",
                           "--select", "frontmatter", "_posts"], cwd=SITE, capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.stdout.splitlines()[-1].startswith("Checked "), done.stderr  # (cProfile swallows the exit code)
    assert profile.stat().st_size > 1000
