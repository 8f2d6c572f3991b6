"""The layouts Jekyll 4 knows (readers/layout_reader.rb): every `Dir["**/*.*"]` file of
`layouts_dir` (nothing hidden; subfolders too) that the entry filter keeps (no name
starting with `_`, `.`, `#`, `~`; `exclude:` matched as if the path were from the
site root), named by its path less the last extension; `layout:` is looked up
exactly. Real Jekyll builds the site and warns "Layout 'x' requested in ... does not
exist" for each post it renders without one: BC130 must name exactly those."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from blogcheck.cli import main

LAYOUTS = ["default.html", "blog/post.html", "_partials/part.html", ".hidden/secret.html", "notes.v2.html",
           "ex/gone.html", "deep/_sub/kept.html"]
NAMES = ["default", "default.html", "blog/post", "blog/post.html", "_partials/part", ".hidden/secret", "notes.v2",
         "notes", "ex/gone", "deep/_sub/kept", "post", "none", "'null'"]  # the text "null" is a name to look up
CASES = {"_layouts": {"exclude": ["ex"]}, "_mylayouts": {"layouts_dir": "_mylayouts"}}


@pytest.mark.parametrize("folder", CASES)
def test_bc130_names_the_layouts_jekyll_cannot_find(tmp_path: Path, folder: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    root = tmp_path / "site"
    for rel in LAYOUTS:
        (root / folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / folder / rel).write_text("<main>{{ content }}</main>\n", encoding="utf-8")
    if folder != "_layouts":  # a `_layouts/` the config does not name is no layout folder
        (root / "_layouts").mkdir()
        (root / "_layouts" / "post.html").write_text("{{ content }}\n", encoding="utf-8")
    (root / "_posts").mkdir()
    for number, name in enumerate(NAMES, start=1):
        post = root / "_posts" / f"2024-01-{number:02d}-p{number}.md"
        post.write_text(f"---\ntitle: t\nlayout: {name}\n---\nText.\n", encoding="utf-8")
    (root / "_config.yml").write_text(yaml.safe_dump({"title": "t", **CASES[folder]}), encoding="utf-8")
    build = subprocess.run(["jekyll", "build"], cwd=root, capture_output=True, text=True, timeout=300, check=False)
    assert build.returncode == 0, build.stderr[-2000:]
    warned = set(re.findall(r"Layout '([^']*)' requested in (\S+) does not exist", build.stdout + build.stderr))
    assert warned, build.stdout + build.stderr
    main(["check", "--offline", "--select", "BC130", "--format", "json", str(root)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    ours = {(re.findall(r"`([^`]*)`", d["message"])[0], d["path"].removeprefix(str(root) + "/")) for d in found}
    assert ours == warned
    assert all(f"is not in {folder}/" in d["message"] for d in found)
    hints = {d["message"].split("`")[1]: d["hint"] for d in found}
    assert hints["blog/post.html"] == "drop the extension: `layout: blog/post`"
