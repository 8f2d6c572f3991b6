"""BC511 against `jekyll build`: each post below is reported exactly when its `{%-`/`-%}`
join what Markdown keeps apart, and the page Jekyll builds shows it (the evidence)."""

from __future__ import annotations

import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from blogcheck.cli import main

# post body -> (reported, what the built page holds, white space squeezed)
CASES = {
    "Para one\n\n{{- page.title -}}\n\nPara two\n": (True, "<p>Para oneHelloPara two</p>"),
    "Para two\n\n{%- for i in (1..2) -%}\n- item {{ i }}\n{%- endfor -%}\n\nAfter list\n":
        (True, "<p>Para two- item 1- item 2After list</p>"),
    "text {%- if true -%}\n```\ncode\n```\n{%- endif -%}\n\nTAIL\n": (True, "<p>text<code"),
    "## Heading\n{{- page.title }}\n\nText\n": (True, ">HeadingHello</h2>"),
    "Some text {{ page.title -}}\n- item\n- other\n": (True, "<p>Some text Hello- item</p>"),
    "Quote next {{ page.title -}}\n> quoted\n": (True, "<p>Quote next Hello&gt; quoted</p>"),
    "Table {%- if true -%}\n| a | b |\n|---|---|\n| 1 | 2 |\n{%- endif %}\n": (True, "<th>Table</th>"),
    "Para\n\n{%- comment -%} note {%- endcomment -%}\n\nNext\n": (True, "<p>ParaNext</p>"),
    "```\ncode\n```\n{{- page.title }}\n\nAfter\n": (True, "</code>Hello</p>"),
    "One\n{% assign x = 1 -%}\n\nTwo {{ x }}\n": (True, "<p>One Two 1</p>"),
    # the dashes tidy, nothing joins
    "Intro\n\n{% for i in (1..2) -%}\n- keep {{ i }}\n{% endfor %}\n\nAfter\n":
        (False, "<li>keep 1</li> <li>keep 2</li>"),
    "A sentence {%- if true -%} with {% endif %} a tag.\n": (False, "<p>A sentencewith a tag.</p>"),
    "Line one\n{{- page.title }} goes on.\n": (False, "<p>Line oneHello goes on.</p>"),
    "{%- if true -%}\nFirst paragraph.\n{%- endif -%}\n": (False, "<p>First paragraph.</p>"),
    "Text\n\n{% if true -%}\n# Title\n{%- endif %}\n\nMore\n": (False, '<h1 id="title">Title</h1> <p>More</p>'),
    "One\n\n{% assign x = 1 -%}\n\nTwo {{ x }}\n": (False, "<p>One</p> <p>Two 1</p>"),
    "- a\n- b {{- page.title }}\n- c\n": (False, "<li>bHello</li> <li>c</li>"),
    "# Title {{- page.title }}\n\nText\n": (False, ">TitleHello</h1> <p>Text</p>"),
    "Text\n\n{%- assign x = 1 %}\n\nMore\n": (False, "<p>Text</p> <p>More</p>"),
}


def _site(root: Path, body: str) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: S\nmarkdown: kramdown\n", encoding="utf-8")
    (root / "_posts" / "2024-03-06-p.md").write_text(f"---\ntitle: Hello\n---\n{body}", encoding="utf-8")
    return root


def _page(site: Path) -> str:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    done = subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    return " ".join((site / "_site" / "2024" / "03" / "06" / "p.html").read_text(encoding="utf-8").split())


def test_reported_exactly_where_the_dashes_join_blocks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    sites = [_site(tmp_path / f"s{i}", body) for i, body in enumerate(CASES)]
    with ThreadPoolExecutor(4) as pool:
        pages = list(pool.map(_page, sites))
    wrong = []
    for (body, (reported, evidence)), site, page in zip(CASES.items(), sites, pages, strict=True):
        monkeypatch.chdir(site)
        main(["check", "--select", "BC511", "--format", "json"])
        found = json.loads(capsys.readouterr().out)["diagnostics"]
        if bool(found) is not reported or evidence not in page:
            wrong.append((body, page[:200], [d["message"] for d in found]))
    assert wrong == []


def test_the_place_and_the_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "s", "Para two\n\n{%- for i in (1..2) -%}\n- item {{ i }}\n{% endfor %}\n")
    monkeypatch.chdir(site)
    main(["check", "--select", "BC511", "--format", "json"])
    [found] = json.loads(capsys.readouterr().out)["diagnostics"]
    assert (found["line"], found["column"], found["severity"]) == (6, 1, "error")
    assert found["message"].startswith("`{%- for i in (1..2) -%}`: `{%-` removes the blank line before it")
