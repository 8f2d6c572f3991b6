"""Published file names carry the date Jekyll reads from the source's name: Ruby's
two-digit years and days past a month's end, built with the real Jekyll."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from publish_helpers import Sandbox


def test_a_two_digit_year_is_published_as_the_year_jekyll_reads(sandbox: Sandbox, tmp_path: Path) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    keep = tmp_path / "built"
    command = f"""sh -c 'jekyll build "$@" && cp -R "$4" "{keep}"' sh"""
    (sandbox.source / "blogcheck.toml").write_text(f"[publish]\nbuild_command = {json.dumps(command)}\n")
    (sandbox.source / "_posts" / "24-3-9-short-year.md").write_text(
        "---\nstatus: approved\ntitle: A short year\n---\nHello.\n", encoding="utf-8")
    code, out, err = sandbox.publish("--build")
    assert code == 0, out + err
    assert sandbox.has("_posts/2024-03-09-short-year.md")
    assert not sandbox.has("_posts/0024-03-09-short-year.md")
    assert (keep / "2024/03/09/short-year/index.html").is_file()
