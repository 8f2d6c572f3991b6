"""Helpers for the spelling tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def codes_in_child(site: Path, body: str) -> list[str]:
    """The codes `blogcheck check --select spelling` finds in a one-post site at `site`
    whose post body is `body`, run in a child process with a 120 s timeout: a hostile
    post that takes minutes fails the test instead of stopping the suite."""
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (site / "_posts").mkdir()
    (site / "_posts" / "2024-01-01-x.md").write_text("---\ntitle: t\n---\n" + body, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "blogcheck", "check", "--select", "spelling", "--format", "json", "."],
                          cwd=site, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    return [d["code"] for d in json.loads(done.stdout)["diagnostics"]]
