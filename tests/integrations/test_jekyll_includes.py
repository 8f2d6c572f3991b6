"""BC503/BC504 against real Jekyll: each post blogcheck reports stops `jekyll build`
with the error its message quotes; a post with every include that works builds, and
has no finding. On the corpus, with each blog's real `_includes/` file list (its
`tree.txt`), no include is reported."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

LOCATE = "Could not locate the included file"
SYNTAX = "Invalid syntax for include tag"
BROKEN = {  # post body -> (code, what Jekyll says)
    "{% include missing.html %}\n": ("BC503", LOCATE),
    "{% include Sub/a.html %}\n": ("BC503", LOCATE),  # the file is sub/a.html: the server tells case apart
    "Code: `{% include_relative nope.py %}`\n": ("BC503", LOCATE),
    "<!-- later: {% include gone.html %} -->\n": ("BC503", LOCATE),  # Liquid knows no HTML comment
    "```liquid\n{% include sample.html %}\n```\n": ("BC503", LOCATE),  # nor code
    "{% include sub/a.html image=/assets/x.png %}\n": ("BC504", SYNTAX),  # an unquoted path
    "{% include sub/a.html caption=\"a\" extra %}\n": ("BC504", SYNTAX),
    "{% include ../_config.yml %}\n": ("BC504", SYNTAX),
    "{% include 'sub/a.html' %}\n": ("BC504", SYNTAX),
    # a name from the front matter is known before the build (it was left alone)
    "---\ntitle: t\ninc: nope.html\n---\n{% include {{ page.inc }} %}\n": ("BC503", LOCATE),
    "---\ntitle: t\ninc: ../x.html\n---\n{% include {{page.inc}} %}\n": ("BC504", SYNTAX),
    "---\ntitle: t\n---\n{% include {{ page.nothing }} %}\n": ("BC504", SYNTAX),  # not set: no name at all
}
WORKS = """---
title: t
inc: sub/a.html
---
{% include sub/a.html caption="a b" alt='it\\'s' size=page.title %}
{%- include sub/a.html -%}
{% include_relative code.py %}
{% include {{ page.inc }} %}
{% raw %}{% include nope.html %}{% endraw %}
{% comment %}{% include nope.html %}{% endcomment %}
"""


def _site(root: Path, body: str) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_includes" / "sub").mkdir(parents=True)
    (root / "_includes" / "sub" / "a.html").write_text("INCLUDED {{ include.caption }}\n", encoding="utf-8")
    (root / "_posts" / "code.py").write_text("print('relative')\n", encoding="utf-8")
    (root / "_config.yml").write_text("title: t\nmarkdown: kramdown\n", encoding="utf-8")
    head = "" if body.startswith("---") else "---\ntitle: t\n---\n"
    (root / "_posts" / "2024-01-01-p.md").write_text(head + body, encoding="utf-8")
    return root


def _build(site: Path) -> subprocess.CompletedProcess[str]:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    return subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)


def _findings(site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
              select: str = "BC503,BC504") -> list[dict[str, object]]:
    monkeypatch.chdir(site)
    main(["check", "--select", select, "--format", "json"])
    diagnostics: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return diagnostics


@pytest.mark.parametrize("body", list(BROKEN))
def test_each_reported_include_stops_the_build(body: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, said = BROKEN[body]
    site = _site(tmp_path / "site", body)
    found = _findings(site, monkeypatch, capsys)
    assert [d["code"] for d in found] == [code]
    first = 1 if body.startswith("---") else 4  # (else _site writes a front matter of three lines)
    assert said in str(found[0]["message"]) and found[0]["line"] == first + body.split("{%")[0].count("\n")
    build = _build(site)
    assert build.returncode != 0 and said in build.stdout + build.stderr


def test_includes_that_work_build_and_are_not_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", WORKS)
    assert _findings(site, monkeypatch, capsys, "liquid") == []
    build = _build(site)
    assert build.returncode == 0, build.stderr
    page = (site / "_site" / "2024" / "01" / "01" / "p.html").read_text(encoding="utf-8")
    assert page.count("INCLUDED") == 3 and "INCLUDED a b" in page and "relative" in page


def test_the_hint_names_the_file_meant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", "{% include Sub/a.html %} {% include sub/b.html %} {% include zzz.txt %}\n")
    hints = [d["hint"] for d in _findings(site, monkeypatch, capsys)]
    assert hints == ["the file is `sub/a.html`: the server that builds the site tells upper from lower case",
                     "did you mean `sub/a.html`?", "add the file to _includes/, or fix the name"]


def test_an_include_that_is_no_regular_file_is_named_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A pipe or a link to a device in _includes/ got "the file is `x.html`: the server tells
    upper from lower case", naming the same file (hostile-input audit)."""
    site = _site(tmp_path / "site", "{% include pipe.html %} {% include zero.html %}\n")
    os.mkfifo(site / "_includes" / "pipe.html")
    (site / "_includes" / "zero.html").symlink_to("/dev/zero")
    hints = [d["hint"] for d in _findings(site, monkeypatch, capsys)]
    assert hints == [f"`{name}` in _includes/ is no regular file (a pipe, a device or a folder): make it the file "
                     "to include" for name in ("pipe.html", "zero.html")]


def test_a_theme_may_hold_the_include(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    """minima's `{% include google-analytics.html %}` is not on disk; a bad name is bad anywhere."""
    site = _site(tmp_path / "site", "{% include google-analytics.html %} {% include ../x.html %}\n")
    (site / "_config.yml").write_text("title: t\ntheme: minima\n", encoding="utf-8")
    assert [d["code"] for d in _findings(site, monkeypatch, capsys)] == ["BC504"]
    (site / "_config.yml").write_text("title: t\nincludes_dir: parts\n", encoding="utf-8")
    (site / "parts").mkdir()
    (site / "parts" / "google-analytics.html").write_text("GA\n", encoding="utf-8")
    assert [d["code"] for d in _findings(site, monkeypatch, capsys)] == ["BC504"]
    # a value that is no folder name (Jekyll itself fails on it) counts as the default, _includes/
    (site / "_config.yml").write_text("title: t\nincludes_dir: [1, 2]\nmarkdown_ext: {a: 1}\n", encoding="utf-8")
    assert [d["message"].split(", which is not in ")[-1][:11] for d in _findings(site, monkeypatch, capsys)
            if d["code"] == "BC503"] == ["_includes/:"]
    # Jekyll keeps includes_dir inside the site: `/parts` and `../../parts` are `<site>/parts` too
    for outside in ("/parts", "../../parts", str(site / "parts"), str(tmp_path)):
        (site / "_config.yml").write_text(f"title: t\nincludes_dir: '{outside}'\n", encoding="utf-8")
        found = _findings(site, monkeypatch, capsys)
        assert [d["code"] for d in found] == (["BC504"] if outside != str(tmp_path) else ["BC503", "BC504"])


def test_corpus_includes_resolve_against_each_blogs_real_file_list(
        corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The corpus holds posts only; `tree.txt` lists every file of each blog's repository
    (made-mistakes builds from `src/`). With empty files in place of the real includes,
    made-mistakes' 900-odd includes all resolve; without them they are all reported."""
    total = 0
    for blog in sorted(p for p in corpus_dir.iterdir() if (p / "_posts").is_dir()):
        site = tmp_path / blog.name
        shutil.copytree(blog / "_posts", site / "_posts")
        shutil.copy(blog / "_config.yml", site / "_config.yml")
        before = len(_findings(site, monkeypatch, capsys))
        for line in (blog / "tree.txt").read_text(encoding="utf-8").splitlines():
            name = line.removeprefix("src/") if line.startswith("src/_includes/") else line
            if name.startswith("_includes/"):
                (site / name).parent.mkdir(parents=True, exist_ok=True)
                (site / name).write_text("", encoding="utf-8")
        assert _findings(site, monkeypatch, capsys) == [], blog.name
        total += before
    assert total > 900  # made-mistakes' `{% include_cached boilerplate/... %}`, with no _includes/ at all


@pytest.mark.parametrize(("name", "content", "body", "line"), [
    ("_includes/bad.html", "<p>\n{% if %}x{% endif %}\n</p>\n", "{% include bad.html %}\n", 2),
    ("_posts/snippet.py", "table = {{1, 2}, {3, 4}}\n", "```python\n{% include_relative snippet.py %}\n```\n", 1),
])
def test_an_included_file_liquid_cannot_parse_stops_the_build_at_the_tag(
        name: str, content: str, body: str, line: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A Liquid audit: Jekyll renders an included file as a template of its own, and stops
    at Liquid it cannot parse there; the post's tag was no finding (the file exists)."""
    site = _site(tmp_path / "site", body)
    (site / name).write_text(content, encoding="utf-8")
    build = _build(site)
    assert build.returncode != 0 and "Liquid syntax error" in build.stdout + build.stderr
    found = _findings(site, monkeypatch, capsys, "BC503,BC504,BC505")
    assert [(d["code"], d["line"]) for d in found] == [("BC505", 4 + body.split("{%")[0].count("\n"))]
    assert f"{Path(name).name}, whose Liquid Jekyll cannot parse (line {line}: " in str(found[0]["message"])


LOOPS = {  # file -> content, for the include loops below
    "_includes/loop.html": "self {% include loop.html %}\n",
    "_includes/a.html": "a {% include b.html %}\n",
    "_includes/b.html": "b {% include a.html %}\n",
    "_includes/tree.html": "t {% if include.depth == nil %}{% include tree.html depth=1 %}{% endif %}\n",
}


@pytest.mark.parametrize(("body", "reported"), [
    ("{% include loop.html %}\n", True), ("{% include a.html %}\n", True),
    ("{% include_relative 2024-01-01-p.md %}\n", True),  # the post includes itself
    ("{% include tree.html %}\n", False),  # the inner include runs under a condition that ends: it builds
    ("{% if page.nothing %}{% include loop.html %}{% endif %}\n", False),  # never run here: it builds
])
def test_an_include_loop_stops_the_build_with_nesting_too_deep(
        body: str, reported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A hostile-input audit: a file that always includes itself, or two that include each
    other, render deeper until Liquid stops the build ("Nesting too deep"); blogcheck
    said nothing."""
    site = _site(tmp_path / "site", body)
    for name, content in LOOPS.items():
        (site / name).write_text(content, encoding="utf-8")
    found = _findings(site, monkeypatch, capsys, "liquid")
    assert [d["code"] for d in found] == (["BC507"] if reported else [])
    build = _build(site)
    assert (build.returncode != 0 and "Nesting too deep" in build.stdout + build.stderr) is reported


@pytest.mark.parametrize(("depth", "reported"), [(100, False), (101, True)])
def test_blocks_nested_past_liquids_limit_stop_the_build(depth: int, reported: bool, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", "{% if true %}" * depth + "x" + "{% endif %}" * depth + "\n")
    found = _findings(site, monkeypatch, capsys, "liquid")
    assert [(d["code"], "Nesting too deep" in str(d["message"])) for d in found] == ([("BC505", True)] if reported
                                                                                      else [])
    build = _build(site)
    assert (build.returncode != 0 and "Nesting too deep" in build.stdout + build.stderr) is reported
