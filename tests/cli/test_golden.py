"""Each reporter's output for the fixture site, byte for byte. After a deliberate
change, regenerate with `pytest tests/cli/test_golden.py --update-golden` and
review the diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main

TESTS = Path(__file__).resolve().parents[1]
SITE = TESTS / "fixtures" / "site"
GOLDEN = TESTS / "golden"


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_reporter_output_matches_golden(fmt: str, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    monkeypatch.chdir(SITE)
    code = main(["check", "--select", "frontmatter", "--format", fmt])
    out = capsys.readouterr().out.replace(SITE.as_uri() + "/", "file:///SITE/")  # SARIF's base: where the clone is
    assert code == 1
    golden = GOLDEN / f"site.{fmt}"
    if request.config.getoption("--update-golden"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_sarif_is_valid_against_the_oasis_schema(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    monkeypatch.chdir(SITE)
    main(["check", "--select", "frontmatter", "--format", "sarif"])
    document = json.loads(capsys.readouterr().out)
    schema = json.loads((TESTS / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(document))
    assert errors == []
    run = document["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]


def test_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SITE)
    main(["check", "--select", "frontmatter", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == 1
    assert set(document["summary"]) >= {"files", "errors", "warnings"}
    common = {"path", "line", "column", "code", "check", "severity", "message", "hint"}
    assert all(common <= set(d) for d in document["diagnostics"])
    assert document["summary"]["errors"] == sum(d["severity"] == "error" for d in document["diagnostics"])


def test_a_sarif_run_over_githubs_result_limit_keeps_the_errors_and_says_so(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    from blogcheck.reporters import sarif

    monkeypatch.chdir(SITE)
    monkeypatch.setattr(sarif, "MAX_RESULTS", 17)  # the fixture site has 16 errors and 11 warnings
    main(["check", "--select", "frontmatter", "--format", "sarif"])
    document = json.loads(capsys.readouterr().out)
    schema = json.loads((TESTS / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(document)) == []
    run = document["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error"] * 16 + ["warning"]
    paths = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"][:16]]
    assert paths == sorted(paths)  # file order within a severity
    notice = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert notice.startswith("10 of 27 findings are left out, the least severe first")
    monkeypatch.setattr(sarif, "MAX_RESULTS", 27)
    main(["check", "--select", "frontmatter", "--format", "sarif"])
    assert "invocations" not in json.loads(capsys.readouterr().out)["runs"][0]
