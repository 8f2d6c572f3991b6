"""The command line's own messages: an unknown option with the command's usage,
and a bad `BLOGCHECK_JOBS` said once (the run goes on with one process per CPU)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import one_post_site, run

POST = "---\ntitle: Post\n---\n\nThe sturd end.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return one_post_site(tmp_path, POST, monkeypatch)


@pytest.mark.parametrize("command", ["check", "words", "init", "publish"])
def test_an_unknown_option_shows_the_commands_own_usage(site: Path, capsys: pytest.CaptureFixture[str],
                                                        command: str) -> None:
    code, out, err = run(capsys, command, "--bogus")
    assert (code, out) == (2, "")
    assert err.startswith(f"usage: blogcheck {command} ")
    assert err.endswith(f"blogcheck {command}: error: unrecognized arguments: --bogus\n")


@pytest.mark.parametrize("value", ["abc", "0", "-2", "1.5"])
def test_a_bad_blogcheck_jobs_is_said_once_and_the_run_goes_on(site: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("BLOGCHECK_JOBS", value)
    code, out, err = run(capsys, "check", "--offline", "_posts")
    assert code == 0 and out.endswith("Checked 1 file: 0 errors, 1 warning.\n")
    assert err.count("\n") == 1
    assert err.startswith(f"blogcheck: warning: BLOGCHECK_JOBS={value!r} is not a positive whole number; it is "
                          "ignored (the run uses ")


def test_a_good_blogcheck_jobs_says_nothing(site: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLOGCHECK_JOBS", "abc")
    assert run(capsys, "words")[2] != ""
    monkeypatch.setenv("BLOGCHECK_JOBS", " 2 ")
    assert run(capsys, "words")[2] == ""
