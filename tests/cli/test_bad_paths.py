"""Paths the system cannot look up (a symbolic link loop, a name too long): a
PATH argument is a usage error (exit 2, one line), never a traceback; a loop met
while walking a site is a finding of its own (BC100), and the run goes on."""

from __future__ import annotations

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
