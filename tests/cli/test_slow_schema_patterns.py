"""A `--schema` whose `pattern` backtracks without end on a post's value: a usage error
that names the schema and the post, never a hung run. Each run is a child process with
a timeout, so a regression fails the test instead of stopping the suite."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

_SLOW = "a" * 60 + "!"  # hours for `re` against `^(a|aa)+$`


def _site(tmp_path: Path, schema: dict[str, object], *posts: tuple[str, str]) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    for name, front in posts:
        (tmp_path / "_posts" / name).write_text(f"---\n{front}\n---\nText.\n")
    (tmp_path / "s.json").write_text(json.dumps(schema))
    return tmp_path


def _check(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "blogcheck", "check", "--select", "frontmatter", "--schema", "s.json",
                           "_posts"], cwd=site, capture_output=True, text=True, timeout=90, check=False)


@pytest.mark.parametrize("schema", [
    {"properties": {"title": {"type": "string", "pattern": "^(a|aa)+$"}}},
    {"patternProperties": {"^(a|aa)+$": {"type": "string"}}},
    {"additionalProperties": False, "patternProperties": {"^(a|aa)+$": {}, "^title$": {}}},
])
def test_a_pattern_that_backtracks_without_end_is_a_usage_error(tmp_path: Path, schema: dict[str, object]) -> None:
    site = _site(tmp_path, schema, ("2024-01-01-a.md", f"title: {_SLOW}\n{_SLOW}: x"))
    done = _check(site)
    assert done.returncode == 2, done.stdout
    assert "checking the front matter of _posts/2024-01-01-a.md took more than" in done.stderr
    assert "a `pattern` of the schema backtracks" in done.stderr and "Traceback" not in done.stderr


def test_the_same_error_comes_back_from_forked_workers(tmp_path: Path) -> None:
    posts = [(f"2024-02-{n % 28 + 1:02d}-p{n}.md", f"title: {_SLOW}") for n in range(70)]
    done = _check(_site(tmp_path, {"properties": {"title": {"pattern": "^(a|aa)+$"}}}, *posts))
    assert done.returncode == 2 and "took more than" in done.stderr and "Traceback" not in done.stderr


def test_a_pattern_that_ends_is_checked_as_before(tmp_path: Path) -> None:
    site = _site(tmp_path, {"properties": {"title": {"type": "string", "pattern": "^(a|aa)+$"}}},
                 ("2024-01-01-a.md", "title: aaaa"), ("2024-01-02-b.md", "title: ab"))
    done = _check(site)
    assert done.returncode == 1
    assert "_posts/2024-01-02-b.md:2:8: BC110" in done.stdout and "2024-01-01-a.md" not in done.stdout
