"""Heading ids (the targets of `#fragment` links) against kramdown itself: a setext
heading is one line of text to kramdown (`Line one` / `Line two` / `---` is a
paragraph), and `{ "/docs/#x" | relative_url }` shown as written is no attribute list."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from blogcheck.jekyll.site import load_site
from blogcheck.links import anchors, extract
from blogcheck.post import Post, load

TEXT = """Intro line one
intro line two
---

Single heading
--------------

First of two
second of two
===

## Atx heading {#custom-id}

A paragraph with {{ "/docs/themes/#assets" | relative_url }} as written, and *this*{: #given} here.
"""


def _kramdown_ids(text: str) -> set[str]:
    assert shutil.which("ruby"), ".ci/run installs ruby with jekyll"
    script = 'print Kramdown::Document.new(STDIN.read, input: "GFM").to_html'
    html = subprocess.run(["ruby", "-rkramdown", "-e", script], input=text, capture_output=True, text=True,
                          timeout=60, check=True).stdout
    return set(re.findall(r'\bid="([^"]+)"', html))


def test_heading_ids_are_kramdowns(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts" / "2024-01-01-a.md").write_text(
        "---\ntitle: t\nrender_with_liquid: false\n---\n" + TEXT, encoding="utf-8")
    site = load_site(tmp_path)
    post = load(tmp_path / "_posts" / "2024-01-01-a.md", "a.md", site, 10**6)
    assert isinstance(post, Post)
    ours = anchors.ids(extract.parse(post), anchors.Dialect(site.config), lambda raw: raw)
    assert ours == _kramdown_ids(TEXT) == {"single-heading", "custom-id", "given"}, json.dumps(sorted(ours))
