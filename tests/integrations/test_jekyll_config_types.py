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
         "collections: [[a]]", "collections: {recipes: 3}", "collections: {recipes: yes}",
         # a zone that is no text: Psych reads an unquoted `+08:00` as the number 28800 (an audit)
         "timezone: 8", "timezone: +08:00", "timezone: -05:30", "timezone: true"]
BUILDS = ["exclude: [vendor]", "exclude: []", "permalink: pretty", "permalink: ~", "collections: [recipes]",
          "collections: ~", "title: [1]", "baseurl: [1, 2]", "defaults: 5", "exclude: [[3]]", "markdown_ext: ~",
          "collections: {recipes: ~}", "plugins: [jekyll-feed]", "timezone: ~", "timezone: '+08:00'",
          "timezone: GMT+8", "timezone: +0800"]


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


@pytest.mark.parametrize(("zone", "day"), [("GMT+8", "09"), ("JST-9", "10"), ("UTC+3", "10"), ("<-03>+3", "10"),
                                           ("Asia/Nowhere", "10"), ("America/Los_Angeles", "09")])
def test_a_posix_time_zone_rule_dates_the_post_as_jekyll_does(tmp_path: Path, zone: str, day: str) -> None:
    """Jekyll sets `timezone:` as TZ, which the C library reads as a POSIX rule when it names
    no zone of the database: `GMT+8` is UTC-8 (west of Greenwich is plus). A post at 05:00 UTC
    on the 10th is on the 9th there (an audit: blogcheck read UTC, and missed the BC121)."""
    site = one_post_site(tmp_path / "site", "Hello.\n", config=f"title: t\ntimezone: '{zone}'\n")
    post = next((site / "_posts").iterdir())
    post.write_text("---\ntitle: A\ndate: 2024-01-10 05:00:00 +0000\n---\nHello.\n", encoding="utf-8")
    post.rename(post.with_name("2024-01-10-a.md"))
    found = [d for d in run([site / "_posts"], load_site(site), Config(offline=True)).diagnostics if d.code == "BC121"]
    assert [f"/2024/01/{day}/a.html" in d.message for d in found] == ([True] if day == "09" else [])
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300,
                           check=False)
    assert build.returncode == 0 and (site / "_site" / "2024" / "01" / day / "a.html").is_file(), build.stderr
