"""`check --fix-only`: the fixes `--fix` makes, a report of only those, and exit 0
whatever is left; a usage error is still exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import one_post_site, run

POST = "---\ntitle: Post\ndate: 2024-01-38\n---\n\nTeh end, and a sturd word.\n"


def test_fix_only_fixes_reports_the_fixes_and_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = one_post_site(tmp_path, POST, monkeypatch)
    code, out, err = run(capsys, "check", "--offline", "--fix-only", "--format", "json", ".")
    assert code == 0, err
    assert [(d["code"], d["message"]) for d in json.loads(out)["diagnostics"]] == [
        ("BC401", "fixed: `Teh` -> `The`")]  # not the date (BC120) nor the unknown word (BC402)
    assert (root / "_posts" / "2024-01-01-p.md").read_text() == POST.replace("Teh", "The")
    code, out, _ = run(capsys, "check", "--offline", "--fix-only", ".")
    assert code == 0 and "BC" not in out  # nothing left to fix: nothing to show
    # and the summary does not say "no problems found" of a post with two left
    assert out.endswith("Checked 1 file: nothing fixed; 2 findings left, not shown here (`blogcheck check` lists "
                        "them).\n"), out
    code, out, _ = run(capsys, "check", "--offline", ".")
    assert code == 1 and "BC120" in out  # the check still reports the rest


def test_fix_only_still_refuses_bad_usage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    one_post_site(tmp_path, POST, monkeypatch)
    code, _, err = run(capsys, "check", "--fix-only", "--select", "nosuchcheck", ".")
    assert code == 2 and "nosuchcheck" in err
