"""The composite action's own steps, run as a Linux runner runs them: each `run:`
script under `bash -eo pipefail` with GITHUB_OUTPUT, GITHUB_PATH,
GITHUB_STEP_SUMMARY and RUNNER_TEMP, its `${{ }}` expressions and `if:`
conditions evaluated. The steps that use GitHub's own actions (cache, SARIF
upload) are only recorded: they need GitHub. The install step pip-installs a
snapshot of this repository, once a session."""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from integration_support import BAD_POST, GOOD_POST, REPO, git, make_site

ACTION: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Runner:
    """One job: its temp folder, workspace, files the runner reads back, and step results."""

    temp: Path
    workspace: Path
    action_path: Path
    inputs: dict[str, str]
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    outcomes: dict[str, str] = field(default_factory=dict)
    log: str = ""
    skipped: list[str] = field(default_factory=list)
    used: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    failed: bool = False

    def value(self, expression: str) -> str:
        parts = expression.split(".")
        if parts[0] == "inputs":
            return self.inputs.get(parts[1], self.substitute(str(ACTION["inputs"][parts[1]].get("default", ""))))
        if parts[0] == "steps" and parts[2] == "outputs":
            return self.outputs.get(parts[1], {}).get(parts[3], "")
        if parts[0] == "steps" and parts[2] == "outcome":
            return self.outcomes.get(parts[1], "")
        known = {"github.action_path": str(self.action_path), "runner.os": "Linux", "github.run_id": "7",
                 "github.run_attempt": "1", "github.token": ""}
        assert expression in known, f"the harness does not know `{expression}`"
        return known[expression]

    def substitute(self, text: str) -> str:
        return _EXPRESSION.sub(lambda m: self.value(m[1]), text)

    def condition(self, text: str | None) -> bool:
        """`if:`: comparisons of contexts and strings joined by && and ||. Without
        always(), a step runs only while no step has failed, as on GitHub."""
        if text is None or "always()" not in text:
            return not self.failed and (text is None or self.condition(f"always() && ({text})"))
        names = r"(?:inputs|steps)\.[\w.-]+"
        python = re.sub(names, lambda m: repr(self.value(m[0])), text)
        python = python.replace("&&", " and ").replace("||", " or ").replace("always()", "True")
        assert re.fullmatch(r"[\s\w'\"().=!-]*", python), python
        return bool(eval(python, {"__builtins__": {}}))  # the action's own `if:` lines, nothing else

    def run(self, environ: dict[str, str], first: int = 0) -> None:
        summary = self.temp / "step-summary.md"
        for number, step in list(enumerate(STEPS))[first:]:
            name = step.get("id", f"step{number}")
            if not self.condition(step.get("if")):
                self.skipped.append(name)
                continue
            if "uses" in step:
                self.used.append(step["uses"])
                self.outcomes[name] = "success"
                continue
            output = self.temp / f"output-{number}"
            env = {**environ, **{k: self.substitute(str(v)) for k, v in step.get("env", {}).items()},
                   "GITHUB_OUTPUT": str(output), "GITHUB_PATH": str(self.temp / "path"),
                   "GITHUB_STEP_SUMMARY": str(summary), "RUNNER_TEMP": str(self.temp), "GITHUB_ACTIONS": "true",
                   "PATH": os.pathsep.join([*self.paths, environ["PATH"]])}
            cwd = self.workspace / self.substitute(step.get("working-directory", "."))
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                                   self.substitute(step["run"])], cwd=cwd, env=env, capture_output=True,
                                  text=True, timeout=600)
            self.log += done.stdout + done.stderr
            lines = output.read_text().splitlines() if output.exists() else []
            self.outputs[name] = dict(line.split("=", 1) for line in lines)
            self.outcomes[name] = "success" if done.returncode == 0 else "failure"
            self.failed = self.failed or done.returncode != 0
            if (self.temp / "path").exists():
                self.paths = (self.temp / "path").read_text().split()[::-1]


@pytest.fixture(scope="session")
def installed(snapshot: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The install step, run once: its outputs, for the other steps."""
    temp = tmp_path_factory.mktemp("runner-install")
    runner = Runner(temp, temp, snapshot, {})
    step = STEPS[0]
    assert step["id"] == "install"
    env = {**os.environ, **{k: runner.substitute(str(v)) for k, v in step["env"].items()},
           "GITHUB_OUTPUT": str(temp / "out"), "GITHUB_PATH": str(temp / "path"), "RUNNER_TEMP": str(temp)}
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    outputs = dict(line.split("=", 1) for line in (temp / "out").read_text().splitlines())
    assert (temp / "path").read_text().strip() == str(Path(outputs["python"]).parent)
    return outputs


def job(tmp_path: Path, site: Path, installed: dict[str, str], **inputs: str) -> Runner:
    """Every step after install, as the runner would run them in `site`."""
    temp = tmp_path / "runner"
    temp.mkdir()
    runner = Runner(temp, site, REPO, inputs, outputs={"install": installed}, outcomes={"install": "success"})
    runner.paths = [str(Path(installed["python"]).parent)]
    runner.run(dict(os.environ), first=1)
    return runner


def _bad_site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "blog", {"_posts/2024-03-08-bad.md": BAD_POST, "_posts/2024-03-06-good.md": GOOD_POST})


def test_findings_give_annotations_a_summary_sarif_and_a_failed_job(tmp_path: Path, installed: dict[str, str]) -> None:
    runner = job(tmp_path, _bad_site(tmp_path), installed, offline="true", sarif="report.sarif")
    assert runner.outputs["check"]["exit-code"] == "1"
    assert "::error file=_posts/2024-03-08-bad.md,line=3,col=7,title=BC120::" in runner.log
    summary = (runner.temp / "step-summary.md").read_text()
    assert summary.startswith("## blogcheck") and "| :x: | BC120 |" in summary
    assert Path(runner.outputs["check"]["summary-file"]).read_text() == summary
    sarif = json.loads(Path(runner.outputs["sarif"]["sarif-file"]).read_text())
    assert sarif["version"] == "2.1.0"
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"BC110", "BC120", "BC131"}
    assert runner.used == ["actions/cache/restore@v4", "actions/cache/save@v4"]  # no upload unless asked
    assert runner.skipped == ["step4", "publish"] and runner.failed
    assert "blogcheck found errors in the posts" in runner.log


def test_a_clean_site_passes_and_the_job_succeeds(tmp_path: Path, installed: dict[str, str]) -> None:
    site = make_site(tmp_path / "blog", {"_posts/2024-03-06-good.md": GOOD_POST})
    runner = job(tmp_path, site, installed, offline="true", cache="false")
    assert runner.outputs["check"]["exit-code"] == "0" and not runner.failed
    assert "Checked 1 file: no problems found." in runner.log
    assert runner.used == [] and "step7" in runner.skipped  # no cache, and no failing step


def test_fail_on_findings_false_leaves_the_decision_to_the_workflow(tmp_path: Path,
                                                                    installed: dict[str, str]) -> None:
    runner = job(tmp_path, _bad_site(tmp_path), installed, offline="true", **{"fail-on-findings": "false"})
    assert runner.outputs["check"]["exit-code"] == "1" and not runner.failed


def test_a_bad_argument_fails_the_check_step_itself(tmp_path: Path, installed: dict[str, str]) -> None:
    runner = job(tmp_path, _bad_site(tmp_path), installed, args="--select nosuch", sarif="x.sarif")
    assert runner.outputs["check"]["exit-code"] == "2" and runner.outcomes["check"] == "failure"
    assert runner.log.count("`nosuch` is neither a check name nor a code prefix") == 1
    assert "sarif" not in runner.outcomes and "actions/cache/save@v4" in runner.used


def test_unbalanced_quotes_in_an_input_stop_the_step(tmp_path: Path, installed: dict[str, str]) -> None:
    runner = job(tmp_path, _bad_site(tmp_path), installed, offline="true", args='--ignore "BC120')
    assert runner.outcomes["check"] == "failure"
    assert "input args is not valid shell quoting" in runner.log
    assert runner.outputs["check"]["exit-code"] == "2"  # as documented for a usage error (it was empty)
    assert "Traceback" not in runner.log
    assert "Checked" not in runner.log  # blogcheck never ran without the user's arguments


def test_arguments_are_shell_quoted(tmp_path: Path, installed: dict[str, str]) -> None:
    site = _bad_site(tmp_path)
    (site / "my settings.toml").write_text('ignore = ["BC120"]\n')
    runner = job(tmp_path, site, installed, offline="true", args="--config 'my settings.toml'",
                 paths='"_posts/2024-03-08-bad.md"')
    assert runner.outputs["check"]["exit-code"] == "1", runner.log
    assert "title=BC110::" in runner.log and "BC120" not in runner.log
    assert "Checked 1 file:" in runner.log


def test_pull_request_inputs_check_changed_posts_and_new_links(tmp_path: Path, installed: dict[str, str]) -> None:
    old = "---\ntitle: Old\ndate: 2024-03-01 09:00:00 +0000\n---\nSee [gone](/gone.html).\n"
    site = make_site(tmp_path / "blog", {"_posts/2024-03-01-old.md": old, "_posts/2024-03-08-bad.md": BAD_POST})
    git("checkout", "-q", "-b", "pr", cwd=site)
    (site / "_posts/2024-03-01-old.md").write_text(old + "\nEdited.\n")
    git("commit", "-q", "-am", "Edit", cwd=site)
    runner = job(tmp_path, site, installed, offline="true", args="--ignore spelling",
                 **{"changed-since": "main", "new-links-only": "true"})
    assert runner.outputs["check"]["exit-code"] == "0", runner.log
    assert "::warning file=_posts/2024-03-01-old.md,line=5,col=12,endLine=5,endColumn=22,title=BC204::" in runner.log
    assert "2024-03-08-bad.md" not in runner.log  # not changed: not checked


def test_publish_pushes_approved_posts_to_the_site_repository(tmp_path: Path, installed: dict[str, str]) -> None:
    target = make_site(tmp_path / "site", {})
    git("clone", "-q", "--bare", str(target), str(tmp_path / "site.git"), cwd=tmp_path)
    approved = GOOD_POST.replace("---\n", "---\nstatus: approved\n", 1)
    blog = make_site(tmp_path / "blog", {"_posts/2024-03-06-good.md": approved, "_drafts/idea.md": GOOD_POST})
    runner = job(tmp_path, blog, installed, offline="true", publish="true", cache="false",
                 **{"publish-args": f"--to {tmp_path / 'site.git'}"})
    assert runner.outputs["publish"]["exit-code"] == "0", runner.log
    files = git("--git-dir", str(tmp_path / "site.git"), "ls-tree", "-r", "--name-only", "main", cwd=tmp_path)
    assert "_posts/2024-03-06-good.md" in files.split()
    assert "_drafts/idea.md" not in files.split()


def test_check_only_arguments_do_not_reach_publish(tmp_path: Path, installed: dict[str, str]) -> None:
    """`args` goes to check, and the options publish takes too go to publish (the same
    checks choose what is clean); `-q` or `--format` would stop publish with exit 2."""
    target = make_site(tmp_path / "site", {})
    git("clone", "-q", "--bare", str(target), str(tmp_path / "site.git"), cwd=tmp_path)
    approved = "---\nstatus: approved\ntitle: Teh post\ndate: 2024-03-06 09:00:00 +0000\n---\nHello.\n"
    blog = make_site(tmp_path / "blog", {"_posts/2024-03-06-good.md": approved})
    runner = job(tmp_path, blog, installed, offline="true", publish="true", cache="false",
                 args="-q --ignore BC401", **{"publish-args": f"--to {tmp_path / 'site.git'}"})
    assert runner.outputs["check"]["exit-code"] == "0", runner.log
    assert runner.outputs["publish"]["exit-code"] == "0", runner.log  # BC401 ignored there too
    files = git("--git-dir", str(tmp_path / "site.git"), "ls-tree", "-r", "--name-only", "main", cwd=tmp_path)
    assert "_posts/2024-03-06-good.md" in files.split()


def test_the_checking_steps_get_a_token_for_githubs_api_and_publish_keeps_the_jobs() -> None:
    """github.com refuses busy link checkers: the check (and its SARIF run) get the job's
    token for the REST API (github_api.py); publish's GITHUB_TOKEN, which may push, stays
    the one the workflow sets."""
    assert ACTION["inputs"]["github-token"]["default"] == "${{ github.token }}"
    checking = [s for s in STEPS if "blogcheck check" in s.get("run", "")]
    assert len(checking) == 2
    assert all(s["env"]["GITHUB_TOKEN"] == "${{ inputs.github-token }}" for s in checking)
    publishing = [s for s in STEPS if "blogcheck publish" in s.get("run", "")]
    assert publishing and all("GITHUB_TOKEN" not in s.get("env", {}) for s in publishing)


def test_report_options_in_args_leave_the_sarif_run_alone(tmp_path: Path, installed: dict[str, str]) -> None:
    """`args` came after the SARIF run's `--format sarif --output FILE`: `--format html
    --output report.html` there wrote no SARIF (the upload would fail on a missing file)
    and `-q` dropped its warnings; `--statistics` stopped the check step (exit 2)."""
    site = _bad_site(tmp_path)
    runner = job(tmp_path, site, installed, offline="true", sarif="x.sarif",
                 args="--format html --output report.html -q")
    assert runner.outputs["check"]["exit-code"] == "1", runner.log
    assert (site / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    sarif = json.loads(Path(runner.outputs["sarif"]["sarif-file"]).read_text())
    assert {r["ruleId"]: r["level"] for r in sarif["runs"][0]["results"]}["BC131"] == "warning"
    (tmp_path / "again").mkdir()
    counted = job(tmp_path / "again", site, installed, offline="true", sarif="y.sarif", args="--statistics")
    assert counted.outputs["check"]["exit-code"] == "1", counted.log
    assert "1  BC120  error    invalid-date" in counted.log and "::error file=" not in counted.log  # counts, as text
    assert json.loads((site / "y.sarif").read_text())["version"] == "2.1.0"


def test_each_site_keeps_a_cache_key_of_its_own(installed: dict[str, str]) -> None:
    """Two sites in one run (a matrix) had one key: only the first save was kept."""
    keys = [step["with"]["key"] for step in STEPS if "cache" in step.get("uses", "")]
    assert len(keys) == 2 and all("${{ steps.install.outputs.site }}" in key for key in keys)
    restore = next(step for step in STEPS if "cache/restore" in step.get("uses", ""))
    assert restore["with"]["restore-keys"].endswith("-${{ steps.install.outputs.site }}-")
    assert re.fullmatch(r"[0-9a-f]{12}", installed["site"])
