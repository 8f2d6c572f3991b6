"""Reporter details the golden files do not pin: escaping and odd paths."""

from __future__ import annotations

import dataclasses
import json

import pytest

from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Summary
from blogcheck.reporters import REPORTERS, get, github
from blogcheck.reporters.github import escape_data, escape_property, step_summary

ODD = diagnostic("BC110", "a dir/100% post,1:x.md", 2, 3, "50% done\r\nnext: line", "use a|b")


def test_github_escaping_follows_the_documented_rules() -> None:
    assert escape_data("100%\r\n") == "100%25%0D%0A"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    line = get("github")([ODD], Summary.of(1, [ODD])).splitlines()[0]
    assert line == (
        "::error file=a dir/100%25 post%2C1%3Ax.md,line=2,col=3,title=BC110::"
        "a dir/100%25 post,1:x.md:2:3: BC110 50%25 done%0D%0Anext: line%0Ause a|b"
    )


def test_github_messages_carry_their_place_and_the_hidden_annotations_are_counted() -> None:
    many = [dataclasses.replace(diagnostic("BC402", "p.md", n, 5, f"`wrd{n}` is in no dictionary"),
                                end_line=n, end_column=9) for n in range(1, 12)]
    lines = get("github")(many, Summary.of(1, many)).splitlines()
    assert lines[0] == ("::warning file=p.md,line=1,col=5,endLine=1,endColumn=9,title=BC402::"
                        "p.md:1:5: BC402 `wrd1` is in no dictionary")
    assert lines[-2] == ("::notice title=blogcheck::GitHub shows 10 error and 10 warning annotations a step; "
                         "all 11 findings are in this step's log, and the job summary counts them by code")
    ten = get("github")(many[:10], Summary.of(1, many[:10]))
    assert "annotations a step" not in ten and ten.count("::warning ") == 10


def test_step_summary_counts_by_code_and_stays_under_githubs_limit() -> None:
    long = "x" * 1000
    found = [diagnostic("BC303", f"_posts/p{n}.md", 1, 1, f"`/assets/{long}{n}.png` is no image") for n in range(2000)]
    found.append(diagnostic("BC121", "_posts/q.md", 2, 7, "date"))
    text = step_summary(found, Summary.of(2001, found))
    assert "| BC303 | missing-local-image | error | 2000 |\n| BC121 | date-filename-mismatch | warning | 1 |" in text
    assert len(text.encode("utf-8")) < github.SUMMARY_BUDGET + 10_000 < 1024 * 1024
    rows = text.count("| :x: |")
    assert 400 < rows < 2000 and f"{2001 - rows} more findings are not in this table" in text
    small = step_summary(found[:3], Summary.of(3, found[:3]))
    assert small.count("| :x: |") == 3 and "more findings" not in small


def test_step_summary_escapes_table_cells() -> None:
    table = step_summary([ODD], Summary.of(1, [ODD]))
    assert "use a|b" not in table
    assert "50% done next: line" in table


def test_every_reporter_renders_odd_input() -> None:
    for name in REPORTERS:
        out = get(name)([ODD], Summary.of(1, [ODD]))
        assert "BC110" in out


def test_sarif_uri_is_percent_encoded() -> None:
    document = json.loads(get("sarif")([ODD], Summary.of(1, [ODD])))
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "a%20dir/100%25%20post%2C1%3Ax.md"


def test_json_keeps_extra_keys_beside_common_ones() -> None:
    diag = diagnostic("BC110", "p.md", 1, 1, "m", url="https://x", status=404)
    entry = json.loads(get("json")([diag], Summary.of(1, [diag])))["diagnostics"][0]
    assert entry["url"] == "https://x" and entry["status"] == 404 and entry["code"] == "BC110"


def test_sarif_region_has_the_end_when_the_finding_knows_it() -> None:
    spans = [dataclasses.replace(diagnostic("BC401", "p.md", 3, 5, "m"), end_line=3, end_column=9),
             diagnostic("BC110", "p.md", 1, 1, "m")]
    results = json.loads(get("sarif")(spans, Summary.of(1, spans)))["runs"][0]["results"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert regions == [{"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 9},
                       {"startLine": 1, "startColumn": 1}]


def test_counts_of_one_are_singular(monkeypatch: pytest.MonkeyPatch) -> None:
    from blogcheck.reporters import sarif

    two = [diagnostic("BC110", "p.md", 1, 1, "m"), diagnostic("BC131", "p.md", 2, 1, "m")]
    monkeypatch.setattr(sarif, "MAX_RESULTS", 1)
    run = json.loads(get("sarif")(two, Summary.of(1, two)))["runs"][0]
    said = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert said.startswith("1 of 2 findings is left out, the least severe first")
    monkeypatch.setattr(github, "SUMMARY_BUDGET", 60)
    assert "\n1 more finding is not in this table" in step_summary(two, Summary.of(1, two))
    page = get("html")(two[:1], Summary.of(2, two[:1]))
    assert "1 other file has no findings." in page and "<title>blogcheck: 2 files, 1 error, 0 warnings" in page
    assert "No findings in 1 file." in get("html")([], Summary.of(1, []))
