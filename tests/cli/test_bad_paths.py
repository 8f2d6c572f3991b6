"""Paths the system cannot look up (a symbolic link loop, a name too long): a
PATH argument is a usage error (exit 2, one line), never a traceback; a loop met
while walking a site is a finding of its own (BC100), and the run goes on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import run

from blogcheck.jekyll.site import find_root

LONG = "x" * 300  # longer than a file name may be (255 bytes on Linux file systems)


def test_find_root_takes_a_name_too_long_for_the_system(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n")
    assert find_root(tmp_path / LONG) == tmp_path


POST = "---\ntitle: Post\n---\n\nHello.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site with one good post and `_posts/2024-02-06-loop.md`, a link to itself."""
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-02-05-ok.md").write_text(POST)
    (tmp_path / "_posts" / "2024-02-06-loop.md").symlink_to("2024-02-06-loop.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


LOOP = "_posts/2024-02-06-loop.md"


@pytest.mark.parametrize("argv", [["check", "--offline", LOOP], ["words", LOOP],
                                  ["publish", "--to", "nowhere", "--dry-run", "--offline", LOOP]])
def test_a_path_argument_that_loops_is_a_usage_error(site: Path, capsys: pytest.CaptureFixture[str],
                                                     argv: list[str]) -> None:
    assert run(capsys, *argv) == (2, "", f"blogcheck: error: {LOOP}: a symbolic link loop (it points back to "
                                           "itself)\n")


@pytest.mark.parametrize("argv", [["check", "--offline", LONG], ["words", LONG], ["init", LONG],
                                  ["check", "--offline", "--output", f"{LONG}/r.txt"],
                                  ["check", "--offline", "--output", LONG, "_posts"],
                                  ["publish", "--to", "nowhere", "--dry-run", "--offline", LONG]])
def test_a_name_too_long_is_a_usage_error(site: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("blogcheck: error: ") and err.endswith(": File name too long\n") and err.count("\n") == 1


def test_a_loop_met_while_walking_the_site_is_a_finding_and_the_run_goes_on(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "_posts" / "2024-02-07-teh.md").write_text(POST.replace("Hello", "Teh end"))
    code, out, _ = run(capsys, "check", "--offline", "-q")
    assert code == 1
    assert out == (f"{LOOP}:1:1: BC100 a symbolic link loop (2024-02-06-loop.md): it leads back to itself\n"
                   "_posts/2024-02-07-teh.md:5:1: BC401 `Teh` is a misspelling of `The`\n")


def _without_root_bypass() -> list[str]:
    """A command prefix under which file modes hold: root reads any folder, so as root
    the run drops the two capabilities that let it (util-linux's setpriv)."""
    if os.geteuid() != 0:
        return []
    assert shutil.which("setpriv"), "util-linux's setpriv runs the CLI without root's bypass of file modes"
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def _cli(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    done = subprocess.run([*_without_root_bypass(), sys.executable, "-m", "blogcheck", *argv], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)
    return done.returncode, done.stdout, done.stderr


def test_a_folder_that_cannot_be_read_is_bc100_and_the_rest_is_checked(site: Path) -> None:
    """An unreadable `_drafts/` was skipped in silence (a green CI over half a site), and
    an unreadable `_posts/` was a traceback; named on the command line, it is a usage error."""
    (site / LOOP).unlink()
    (site / "_drafts").mkdir()
    (site / "_drafts" / "wip.md").write_text("---\ntitle: Wip\n---\n\nTeh draft.\n")
    try:
        for folder, left in (("_drafts", "_posts/2024-02-05-ok.md"), ("_posts", "_drafts/wip.md")):
            (site / folder).chmod(0)
            for argv in (["check", "--offline", "--format", "json"], ["check", "--offline", "--format", "json", "."]):
                code, out, err = _cli(argv, site)
                assert code == 1 and err == "", err
                report = json.loads(out)
                assert [(d["path"], d["code"], d["message"]) for d in report["diagnostics"] if d["code"] == "BC100"] \
                    == [(folder, "BC100", "cannot read: Permission denied; no post in it is checked")]
                assert report["summary"]["files"] == 1
            code, out, err = _cli(["check", "--offline", left], site)
            assert code in (0, 1) and "Traceback" not in err, err
            code, out, err = _cli(["check", "--offline", folder], site)
            assert (code, out, err) == (2, "", f"blogcheck: error: {folder}: cannot read: Permission denied\n")
            (site / folder).chmod(0o755)
    finally:
        for folder in ("_posts", "_drafts"):
            (site / folder).chmod(0o755)


def test_the_hook_skips_files_jekylls_exclude_leaves_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """pre-commit names every staged `_posts/` file; one in a folder `exclude:` names (or
    in `node_modules/`, which Jekyll excludes itself) is no post of the site, and a run
    over the site skips it: the hook refused commits CI passed. By hand, a file named
    is checked as given (BC124 says Jekyll never reads it)."""
    (tmp_path / "_config.yml").write_text("title: t\nexclude: [archive]\n")
    old = "---\npublished: 'yes'\n---\nx\n"
    for rel in ("archive/_posts/2019-01-01-old.md", "node_modules/pkg/_posts/2019-01-02-x.md"):
        (tmp_path / rel).parent.mkdir(parents=True)
        (tmp_path / rel).write_text(old)
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-a.md").write_text(POST)
    monkeypatch.chdir(tmp_path)
    named = ["archive/_posts/2019-01-01-old.md", "node_modules/pkg/_posts/2019-01-02-x.md", "_posts/2024-01-01-a.md"]
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert run(capsys, "check", "--offline", *named) == (0, "Checked 1 file: no problems found.\n", "")
    monkeypatch.delenv("PRE_COMMIT")
    code, out, _ = run(capsys, "check", "--offline", named[0])
    assert code == 1 and "BC124 Jekyll never reads this post" in out
