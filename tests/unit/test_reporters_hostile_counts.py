"""What a report counts and in what order it says it: the HTML page under `--quiet`
counts only what it shows, and JSON keys come in one order for every finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reporter_sites import make_site

from blogcheck.cli import main

COMMON = ["path", "line", "column", "code", "check", "severity", "message", "hint"]


def _cards(errors: int, warnings: int) -> str:
    return (f'<div class="card error"><b>{errors}</b>errors</div>'
            f'<div class="card warning"><b>{warnings}</b>warnings</div>')


def test_quiet_html_counts_what_it_shows_and_calls_no_file_with_a_warning_clean(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    make_site(tmp_path, {"2024-01-01-error.md": "---\nlayout: post\n---\nok\n",  # BC110: no title
                     "2024-01-02-warning.md": "---\ntitle: t\nlayout: nope\n---\nok\n"}, monkeypatch)  # BC130
    assert main(["check", "--offline", "--quiet", "--format", "html"]) == 1
    page = capsys.readouterr().out
    assert _cards(1, 0) in page  # as the tables below: the warning is not on the page
    assert '<tr><td>frontmatter</td><td class="n">1</td><td class="n">0</td><td class="n">0</td></tr>' in page
    assert "--quiet left out 1 warning: the counts and tables below are of the errors only." in page
    assert "<title>blogcheck: 2 files, 1 error, 0 warnings, 0 notes (1 warning left out)</title>" in page
    assert "1 other file has no findings shown: --quiet left out 1 warning." in page
    assert "no findings." not in page

    assert main(["check", "--offline", "--format", "html"]) == 1  # without --quiet, everything is counted
    page = capsys.readouterr().out
    assert _cards(1, 1) in page and "left out" not in page


def test_quiet_html_with_nothing_shown_does_not_say_there_are_no_findings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    make_site(tmp_path, {"2024-01-02-warning.md": "---\ntitle: t\nlayout: nope\n---\nok\n"}, monkeypatch)
    assert main(["check", "--offline", "--quiet", "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert _cards(0, 0) in page and "No findings shown in 1 file: --quiet left out 1 warning." in page


def test_json_keys_come_common_first_in_one_order_then_a_checks_own(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    make_site(tmp_path, {"2024-01-01-a.md": "---\ntitle: t\ncategoires: [x]\n---\nSee [x](/nowhere.html).\n",
                     "2024-01-02-b.md": "---\ntitle: t\ntitle: u\nlayout: nope\n---\nok\n"}, monkeypatch)
    main(["check", "--offline", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    extras: set[str] = set()
    for d in found:
        first = [*COMMON, *(["end_line", "end_column"] if "end_line" in d else [])]
        keys = list(d)
        assert keys[:len(first)] == first
        extras |= set(keys[len(first):])
    assert {"key", "url"} <= extras and {d["code"] for d in found} >= {"BC106", "BC131", "BC204", "BC130"}
