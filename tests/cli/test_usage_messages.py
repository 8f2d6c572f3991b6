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


@pytest.mark.parametrize("args,config,said", [
    (["--remap", "a{99999999999} x"], "", "repeat count too big"),
    ([], '[links]\nexclude = ["a{99999999999}"]\n', "[links]: `exclude`: repeat count too big"),
    ([], '[links]\nremap = ["a{99999999999} x"]\n', "[links]: `remap`:"),
])
def test_a_regex_too_big_to_compile_is_a_config_error(site: Path, capsys: pytest.CaptureFixture[str],
                                                     args: list[str], config: str, said: str) -> None:
    """Python's `re` raises OverflowError, not re.error, for a repeat count past its limit:
    a traceback and exit 1 ("posts have errors") before; a config error (exit 2) now."""
    if config:
        (site / "blogcheck.toml").write_text(config, encoding="utf-8")
    code, out, err = run(capsys, "check", "--offline", *args, "--select", "frontmatter", "_posts")
    assert (code, out) == (2, "") and said in err and "Traceback" not in err, err


@pytest.mark.parametrize("kind", ["folder", "dangling link"])
def test_a_site_config_that_is_no_file_is_a_config_error(site: Path, capsys: pytest.CaptureFixture[str],
                                                         kind: str) -> None:
    """A `blogcheck.toml` at the site root that is a folder or a link to nothing was
    passed over in silence, and its settings with it."""
    target = site / "blogcheck.toml"
    if kind == "folder":
        target.mkdir()
    else:
        target.symlink_to(site / "gone.toml")
    code, out, err = run(capsys, "check", "--offline", "_posts")
    assert (code, out) == (2, "") and "blogcheck.toml: " in err and "no setting could be read" in err, err


def test_code_prefixes_in_any_case(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--select bc4`, `--ignore bc4`, as an inline suppression takes them (README)."""
    assert run(capsys, "check", "--offline", "--select", "bc4", "_posts")[1].endswith("0 errors, 1 warning.\n")
    assert run(capsys, "check", "--offline", "--ignore", "bc402", "_posts")[1].endswith("no problems found.\n")
    (site / "blogcheck.toml").write_text('ignore = ["bc4"]\n', encoding="utf-8")
    assert run(capsys, "check", "--offline", "_posts")[1].endswith("no problems found.\n")
