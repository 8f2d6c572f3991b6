"""What the report options promise: usage errors before any work (`--fix` writes
nothing then), `--statistics` under GitHub Actions, `--quiet` without notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import one_post_site, run

TYPO = "---\ntitle: Post\n---\n\nTeh end, with [a link](https://example.com/x).\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return one_post_site(tmp_path, TYPO, monkeypatch)


def test_a_usage_error_comes_before_fix_writes_anything(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--offline", "--fix", "--statistics", "--format", "sarif")
    assert (code, out, err) == (2, "", "blogcheck: error: --statistics works with --format text or json, not sarif\n")
    assert (site / "_posts" / "2024-01-01-p.md").read_text() == TYPO


def test_statistics_under_github_actions_is_text(site: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, "check", "--offline", "--statistics")
    assert (code, out) == (1, "1  BC401  error    known-misspelling  (1 fixable with --fix)\n"
                              "Checked 1 file: 1 error, 0 warnings.\n")
    code, out, _ = run(capsys, "check", "--offline")
    assert code == 1 and out.startswith("::error file=_posts/2024-01-01-p.md,line=5,col=1,")  # annotations still


def test_quiet_leaves_out_notes(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--offline")
    assert code == 1 and "note: 1 finding can be fixed in place" in out and "note: 1 remote link" in out
    code, out, _ = run(capsys, "check", "--offline", "-q")
    assert (code, out) == (1, "_posts/2024-01-01-p.md:5:1: BC401 `Teh` is a misspelling of `The`\n")
    _, out, _ = run(capsys, "check", "--offline", "-q", "--format", "json")
    assert json.loads(out)["summary"]["notes"] == []


def test_quiet_help_says_notes_go_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0 and "show only errors, without hints, notes or the summary line" in " ".join(out.split())


def test_statistics_of_a_fix_run_count_what_was_fixed(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--offline", "--fix", "--statistics")
    assert (code, out.splitlines()[0]) == (0, "1  BC401  info     known-misspelling  (1 fixed)")
    code, out, _ = run(capsys, "check", "--offline", "--fix", "--statistics", "--format", "json")
    assert [(r["code"], r["fixable"], r["fixed"]) for r in json.loads(out)["statistics"]] == []


def test_a_fix_run_counts_its_fixes_as_fixed_not_as_notes(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A note is a remark about the run (or a finding a config made `info`); a fix is a fix."""
    code, out, _ = run(capsys, "check", "--offline", "--fix", "--format", "json")
    summary = json.loads(out)["summary"]
    assert (code, summary["infos"], summary["fixed"]) == (0, 0, 1)
    (site / "_posts" / "2024-01-01-p.md").write_text(TYPO)
    code, out, _ = run(capsys, "check", "--offline", "--fix")
    assert (code, out.splitlines()[-1]) == (0, "Checked 1 file: 0 errors, 0 warnings, 1 fixed.")


def test_diff_with_statistics_is_a_usage_error_and_diff_with_fix_writes_nothing(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--offline", "--diff", "--statistics")
    assert (code, out) == (2, "") and "--statistics and --diff cannot go together" in err
    code, out, _ = run(capsys, "check", "--offline", "--fix", "--diff")
    assert code == 1 and "+The end" in out
    assert (site / "_posts" / "2024-01-01-p.md").read_text() == TYPO
