"""What the report shows when a config makes codes `info` (notes): each format
counts them, and GitHub's notice annotations are not all spent on them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import one_post_site, run

# Twelve misspellings (BC401, made `info` below), on lines 5 to 16, and a remote link (a note offline).
TYPOS = "---\ntitle: Post\n---\n\nTeh end, with [a link](https://example.com/x).\n" + "Teh end.\n" * 11


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = one_post_site(tmp_path, TYPOS, monkeypatch)
    (root / "blogcheck.toml").write_text('[severity]\nBC401 = "info"\n')
    return root


def test_json_summaries_count_the_notes_the_text_summary_counts(site: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--offline")
    assert out.endswith("Checked 1 file: 0 errors, 0 warnings, 12 notes.\n")
    _, out, _ = run(capsys, "check", "--offline", "--format", "json")
    summary = json.loads(out)["summary"]
    assert (summary["errors"], summary["warnings"], summary["infos"]) == (0, 0, 12)
    _, out, _ = run(capsys, "check", "--offline", "--format", "json", "--statistics")
    assert json.loads(out)["summary"] == {"files": 1, "errors": 0, "warnings": 0, "infos": 12, "fixed": 0}


def test_github_notes_come_before_info_notices_and_say_notices_are_hidden(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--offline", "--format", "github")
    lines = out.splitlines()
    # GitHub shows the first 10 notices of a step: the run's notes are among them, not after 12 findings.
    assert lines[0] == "::notice title=blogcheck::1 remote link (1 distinct URL) not checked: offline"
    assert lines[1] == ("::notice title=blogcheck::GitHub shows 10 error, 10 warning and 10 notice annotations "
                        "a step; all 12 findings are in this step's log, and the job summary counts them by code")
    assert [line.split(",")[0] for line in lines[2:4]] == ["::notice file=_posts/2024-01-01-p.md"] * 2
    assert len(lines) == 2 + 12 + 1 and lines[-1] == "Checked 1 file: 0 errors, 0 warnings, 12 notes."


def test_github_quiet_counts_only_the_errors_it_shows(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    one_post_site(tmp_path, TYPOS, monkeypatch)
    (tmp_path / "blogcheck.toml").write_text('[severity]\nBC401 = "warning"\n')
    _, out, _ = run(capsys, "check", "--offline", "--format", "github", "-q")
    assert "::warning" not in out and "annotations a step" not in out  # no warning shown, none hidden
