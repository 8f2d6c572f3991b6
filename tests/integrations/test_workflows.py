"""action.yml and every workflow validate against the published GitHub schemas
(check-jsonschema's vendored copies, so no network), and say what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from integration_support import REPO

WORKFLOWS = sorted([*REPO.glob(".github/workflows/*.yml"), *REPO.glob("examples/workflows/*.yml")])
ACTION = REPO / "action.yml"


def validate(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


def test_there_are_workflows_to_validate() -> None:
    names = [p.relative_to(REPO).as_posix() for p in WORKFLOWS]
    assert ".github/workflows/ci.yml" in names and "examples/workflows/blog.yml" in names


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_workflow_validates_against_githubs_schema(path: Path) -> None:
    done = validate("vendor.github-workflows", path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_action_validates_against_githubs_schema() -> None:
    done = validate("vendor.github-actions", ACTION)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_validator_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The schema really is applied: a job without `runs-on` or `uses` fails."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  test:\n    steps:\n      - run: echo hi\n")
    done = validate("vendor.github-workflows", bad)
    assert done.returncode == 1 and "bad.yml" in done.stdout


def _action() -> dict[str, dict[str, dict[str, str]]]:
    loaded: dict[str, dict[str, dict[str, str]]] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return loaded


def test_every_action_input_and_output_is_documented() -> None:
    action = _action()
    for kind in ("inputs", "outputs"):
        for name, spec in action[kind].items():
            assert len(spec.get("description", "")) > 20, f"{kind}.{name} needs a description"
    assert set(action["outputs"]) == {"exit-code", "summary-file", "sarif-file", "publish-exit-code"}


def test_action_caches_links_and_runs_the_promised_steps() -> None:
    steps = _action()["runs"]["steps"]
    assert isinstance(steps, list)
    uses = [step.get("uses", "") for step in steps]
    assert "actions/cache/restore@v4" in uses and "actions/cache/save@v4" in uses
    assert "github/codeql-action/upload-sarif@v4" in uses
    save = next(step for step in steps if step.get("uses") == "actions/cache/save@v4")
    assert save["if"].startswith("always()"), "the cache is saved when the check fails too"
    script = "\n".join(step.get("run", "") for step in steps)
    for command in ("blogcheck check --format github", "blogcheck check --format sarif", "blogcheck publish"):
        assert command in script


def test_blog_workflow_has_the_three_jobs() -> None:
    blog = yaml.safe_load((REPO / "examples/workflows/blog.yml").read_text(encoding="utf-8"))
    jobs = blog["jobs"]
    assert set(jobs) == {"check", "publish", "sweep"}
    pr = jobs["check"]["steps"][1]["with"]
    assert pr["new-links-only"] == "true" and pr["changed-since"].startswith("origin/")
    assert jobs["check"]["steps"][0]["with"]["fetch-depth"] == 0
    assert "secrets.BLOG_SITE_TOKEN" in jobs["publish"]["steps"][1]["with"]["token"]
    assert blog[True]["schedule"][0]["cron"]  # YAML 1.1 reads the key `on` as True
    sweep = "\n".join(step.get("run", "") for step in jobs["sweep"]["steps"])
    assert "gh issue edit" in sweep and "gh issue create" in sweep and "gh issue close" in sweep


@pytest.mark.parametrize("rows", [10, 3_000])
def test_sweep_issue_body_fits_githubs_limit_in_whole_lines(tmp_path: Path, rows: int) -> None:
    """The sweep's issue body, built by its own shell lines from a real job summary."""
    from blogcheck.codes import diagnostic
    from blogcheck.diagnostic import Summary
    from blogcheck.reporters.github import step_summary

    found = [diagnostic("BC201", f"_posts/2024-01-{i:05d}-café.md", 3, 7, f"broken link: https://e.org/ü{i}")
             for i in range(rows)]
    summary = tmp_path / "summary.md"
    summary.write_text(step_summary(found, Summary.of(rows, found)), encoding="utf-8")
    blog = yaml.safe_load((REPO / "examples/workflows/blog.yml").read_text(encoding="utf-8"))
    script = next(step["run"] for step in blog["jobs"]["sweep"]["steps"] if "gh issue edit" in step.get("run", ""))
    lines = script.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "{")
    end = next(i for i, line in enumerate(lines) if line.strip().startswith('} > "$body"'))
    body = tmp_path / "body.md"
    shell = "\n".join([*lines[start:end], f'}} > "{body}"'])
    subprocess.run(["bash", "-euo", "pipefail", "-c", shell], check=True, env={
        "SUMMARY": str(summary), "RUN_URL": "https://github.com/o/r/actions/runs/1", "PATH": "/usr/bin:/bin"})
    text = body.read_bytes().decode("utf-8")  # whole characters: no line cut inside one
    assert len(text) <= 65_536 and "| BC201 | broken-link | error |" in text
    if rows == 10:
        assert text.endswith(summary.read_text(encoding="utf-8")) and "cut here" not in text
    else:
        assert text.endswith("... (cut here; the run's job summary has the rest)\n")
        assert text.splitlines()[-2].endswith(" |")  # the last row is whole
