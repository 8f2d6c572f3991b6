"""What the report shows when a config makes codes `info` (notes): each format
counts them, and GitHub's notice annotations are not all spent on them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import one_post_site, run

# Twelve misspellings (BC401, made `info` below), on lines 5 to 16.
TYPOS = "---\ntitle: Post\n---\n\n" + "Teh end.\n" * 12


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
    assert json.loads(out)["summary"] == {"files": 1, "errors": 0, "warnings": 0, "infos": 12}
