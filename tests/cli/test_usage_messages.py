"""The command line's own messages: an unknown option with the command's usage,
and a bad `BLOGCHECK_JOBS` said once (the run goes on with one process per CPU)."""

from __future__ import annotations

from pathlib import Path

import pytest

from blogcheck.cli import main

POST = "---\ntitle: Post\n---\n\nThe sturd end.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-p.md").write_text(POST)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["check", "words", "init", "publish"])
def test_an_unknown_option_shows_the_commands_own_usage(site: Path, capsys: pytest.CaptureFixture[str],
                                                        command: str) -> None:
    code, out, err = _run(capsys, command, "--bogus")
    assert (code, out) == (2, "")
    assert err.startswith(f"usage: blogcheck {command} ")
    assert err.endswith(f"blogcheck {command}: error: unrecognized arguments: --bogus\n")


@pytest.mark.parametrize("value", ["abc", "0", "-2", "1.5"])
def test_a_bad_blogcheck_jobs_is_said_once_and_the_run_goes_on(site: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("BLOGCHECK_JOBS", value)
    code, out, err = _run(capsys, "check", "--offline", "_posts")
    assert code == 0 and out.endswith("Checked 1 file: 0 errors, 1 warning.\n")
    assert err.count("\n") == 1
    assert err.startswith(f"blogcheck: warning: BLOGCHECK_JOBS={value!r} is not a positive whole number; it is "
                          "ignored (the run uses ")


def test_a_good_blogcheck_jobs_says_nothing(site: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLOGCHECK_JOBS", "abc")
    assert _run(capsys, "words")[2] != ""
    monkeypatch.setenv("BLOGCHECK_JOBS", " 2 ")
    assert _run(capsys, "words")[2] == ""
