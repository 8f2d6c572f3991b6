"""`{% post_url %}` of a post Jekyll reads but leaves out of the build (dated after
the build, or `published: false`) stops the build with "Could not find post",
unless `_config.yml` sets `future: true` or `unpublished: true`. Real Jekyll 4
builds each case; blogcheck must report BC205 exactly when the build fails, and
say why the post is left out. A plain link to an unpublished post's URL is
BC204, with the same reason."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

POSTS = {"_posts/2999-01-02-later.md": "title: Later", "_posts/2024-01-02-hidden.md": "title: Hidden\npublished: false",
         "_posts/2024-01-03-shown.md": "title: Shown"}
CASES = [(name, config) for name in ("2999-01-02-later", "2024-01-02-hidden", "2024-01-03-shown")
         for config in ("", "future: true\n", "unpublished: true\n")]


@pytest.mark.parametrize(("name", "config"), CASES)
def test_post_url_of_a_left_out_post_is_bc205_when_jekyll_fails(tmp_path: Path, name: str, config: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text(f"title: t\n{config}", encoding="utf-8")
    for rel, front in POSTS.items():
        (site / rel).write_text(f"---\n{front}\n---\nText.\n", encoding="utf-8")
    (site / "_posts" / "2024-01-01-a.md").write_text(f"---\ntitle: A\n---\n[it]({{% post_url {name} %}})\n")
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300,
                           check=False)
    main(["check", "--offline", "--select", "BC205", "--format", "json", str(site / "_posts" / "2024-01-01-a.md")])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert bool(found) == (build.returncode != 0), build.stderr[-500:]
    assert bool(found) == ("Could not find post" in build.stderr)
    if found:
        reason = "in the future" if "later" in name else "`published: false`"
        assert "is that post, but it" in found[0]["hint"] and reason in found[0]["hint"]


def test_a_link_to_an_unpublished_post_says_why_it_is_missing(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    for rel, front in POSTS.items():
        (site / rel).write_text(f"---\n{front}\n---\nText.\n", encoding="utf-8")
    (site / "_posts" / "2024-01-01-a.md").write_text("---\ntitle: A\n---\n[it](/2024/01/02/hidden.html)\n")
    main(["check", "--offline", "--select", "links", "--format", "json", str(site / "_posts" / "2024-01-01-a.md")])
    (found,) = json.loads(capsys.readouterr().out)["diagnostics"]
    assert found["code"] == "BC204"
    assert found["hint"].startswith("`_posts/2024-01-02-hidden.md` would be there, but it has `published: false`")
