"""`_config.yml` values of a kind that stops `jekyll build` are BC107 errors at the value;
values of a kind Jekyll builds with are not (each held against real Jekyll)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from integration_support import one_post_site

from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run

STOPS = ["exclude: 3", "exclude: vendor", "exclude:", "include: {a: b}", "plugins: jekyll-feed", "plugins: ~",
         "permalink: 5", "permalink: [a]", "collections: 3",
         # and the items (a second audit): a plugin or an include that is no name, a collection's settings
         "plugins: [3]", "plugins: [{a: b}]", "include: [[a]]", "markdown_ext: [md]", "markdown_ext: 3",
         "collections: [[a]]", "collections: {recipes: 3}", "collections: {recipes: yes}"]
BUILDS = ["exclude: [vendor]", "exclude: []", "permalink: pretty", "permalink: ~", "collections: [recipes]",
          "collections: ~", "title: [1]", "baseurl: [1, 2]", "defaults: 5", "exclude: [[3]]", "markdown_ext: ~",
          "collections: {recipes: ~}", "plugins: [jekyll-feed]"]


@pytest.mark.parametrize("line", STOPS + BUILDS)
def test_a_config_value_of_a_kind_jekyll_stops_on_is_an_error(tmp_path: Path, line: str) -> None:
    site = one_post_site(tmp_path / "site", "Hello.\n", config=f"title: t\n{line}\n")
    found = [d for d in run([site / "_posts"], load_site(site), Config(offline=True)).diagnostics
             if d.code == "BC107"]
    assert [(d.line, "Jekyll stops the build" in d.message) for d in found] == ([(2, True)] if line in STOPS else [])
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300,
                           check=False)
    assert (build.returncode != 0) is (line in STOPS), build.stdout + build.stderr
