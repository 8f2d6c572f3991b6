"""Reporter details the golden files do not pin: escaping and odd paths."""

from __future__ import annotations

import json

from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Summary
from blogcheck.reporters import REPORTERS, get
from blogcheck.reporters.github import escape_data, escape_property, step_summary

ODD = diagnostic("BC110", "a dir/100% post,1:x.md", 2, 3, "50% done\r\nnext: line", "use a|b")


def test_github_escaping_follows_the_documented_rules() -> None:
    assert escape_data("100%\r\n") == "100%25%0D%0A"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    line = get("github")([ODD], Summary.of(1, [ODD])).splitlines()[0]
    assert line == (
        "::error file=a dir/100%25 post%2C1%3Ax.md,line=2,col=3,title=BC110::50%25 done%0D%0Anext: line%0Ause a|b"
    )


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
