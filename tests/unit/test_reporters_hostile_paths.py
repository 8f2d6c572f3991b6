"""Annotations and code scanning name a file relative to $GITHUB_WORKSPACE, the
repository root, wherever blogcheck runs from and however the file was named."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from blogcheck.cli import main

POST = "blog/_posts/2024-01-01-p.md"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """tmp/x/ws, the repository, with the site in ws/blog/; a link to it at tmp/link."""
    root = tmp_path / "x" / "ws"
    (root / "blog" / "_posts").mkdir(parents=True)
    (root / "blog" / "_layouts").mkdir()
    (root / "blog" / "_layouts" / "post.html").write_text("{{ content }}\n")
    (root / "blog" / "_config.yml").write_text("title: t\n")
    (root / POST).write_text("---\ntitle: t\nlayout: nope\n---\nok\n")  # BC130, a warning
    (tmp_path / "link").symlink_to(root)
    return root


def _run(capsys: pytest.CaptureFixture[str], fmt: str, path: str) -> str:
    main(["check", "--offline", "--format", fmt, path])
    return capsys.readouterr().out


@pytest.mark.parametrize(("workspace_is", "here", "named"), [
    (".", "..", f"ws/{POST}"),  # from outside the workspace
    (".", "blog", "_posts/2024-01-01-p.md"),  # from a folder below it
    (".", ".", POST),  # from its root
    (".", "..", "ABSOLUTE"),
    (".", "blog", "ABSOLUTE"),
    ("../../link", "..", f"ws/{POST}"),  # the workspace named through a symbolic link
])
def test_paths_are_relative_to_the_workspace_wherever_blogcheck_runs(
        workspace_is: str, here: str, named: str, workspace: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", os.path.normpath(workspace / workspace_is))
    monkeypatch.chdir(workspace / here)
    named = str(workspace / POST) if named == "ABSOLUTE" else named
    annotation = _run(capsys, "github", named).splitlines()[0]
    assert annotation.startswith(f"::warning file={POST},line=3,col=9,title=BC130::{POST}:3:9: BC130 ")
    sarif = json.loads(_run(capsys, "sarif", named))
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == POST


def test_a_file_outside_the_workspace_keeps_its_name(
        workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(workspace / "blog" / "_posts" / "elsewhere"))
    monkeypatch.chdir(workspace.parent)
    assert _run(capsys, "github", f"ws/{POST}").startswith(f"::warning file=ws/{POST},line=3,")


def test_the_job_summary_shows_what_the_annotations_show(
        workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Its paths relative to the workspace too, and under --quiet its errors only."""
    monkeypatch.setenv("GITHUB_WORKSPACE", str(workspace))
    summary = workspace.parent / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(workspace / "blog")
    (workspace / "blog" / "_posts" / "2024-01-02-q.md").write_text("---\ntitle: t\n---\n[x](/gone.html)\n")
    _run(capsys, "github", "_posts")
    table = summary.read_text(encoding="utf-8")
    assert f"`` {POST}:3:9 ``" in table or f"` {POST}:3:9 `" in table, table
    assert "BC130" in table and "BC204" in table
    summary.unlink()
    main(["check", "--offline", "--format", "github", "--quiet", "_posts"])
    capsys.readouterr()
    quiet = summary.read_text(encoding="utf-8")
    assert "BC204" in quiet and "BC130" not in quiet, quiet
