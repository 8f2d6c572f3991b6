"""`#fragment` links into pages and files of the site, not posts, against a real
Jekyll build: a fragment reported (BC203) names no id of the built page, and the ones
that can be known without a build are found; pages whose ids Liquid makes (a loop in
their layout, Liquid in their text) or whose layout is not on disk (a theme's) are
left alone. A link audit found 33 such broken fragments that were not reported."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

FILES = {
    "_config.yml": "title: t\n",
    "_layouts/default.html": '<html><body><nav id="top-nav"></nav>{{ content }}</body></html>\n',
    "_layouts/page.html": "---\nlayout: default\n---\n<article>{{ content }}</article>\n",
    "_layouts/tags.html": '---\nlayout: default\n---\n{% for t in site.tags %}<h2 id="{{ t[0] }}">x</h2>{% endfor %}\n',
    "about.md": "---\ntitle: About\nlayout: page\npermalink: /about/\n---\n## Contact me\n",
    "tags.md": "---\ntitle: Tags\nlayout: tags\npermalink: /tags/\n---\n",
    "themed.md": "---\ntitle: Themed\nlayout: fancy\npermalink: /themed/\n---\n## Real\n",
    "liq.md": "---\ntitle: Liq\npermalink: /liq/\n---\n## {{ site.title }}\n",
    "legacy/index.html": '<html><body><h1 id="old-section">x</h1></body></html>\n',
    "_posts/2024-01-01-a.md": "---\ntitle: A\nlayout: page\ntags: [python]\n---\n"
                              "[a](/about/#contact-me) [b](/about/#nope) [c](/about/#top-nav) [d](/tags/#python)\n"
                              "[e](/themed/#nope) [f](/liq/#x) [g](/legacy/#old-section) [h](/legacy/#gone)\n"
                              "[i]({% link about.md %}#nope2)\n",
}


def test_fragments_into_pages_are_checked_where_their_ids_are_known(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for rel, text in FILES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    subprocess.run(["jekyll", "build"], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=True)
    monkeypatch.chdir(tmp_path)
    main(["check", "--offline", "--select", "BC203", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    reported = {(d["message"].split("`")[3], d["message"].split("`")[1][1:]) for d in found}
    assert reported == {("/about/", "nope"), ("/legacy/", "gone"), ("/about/", "nope2")}
    for page, fragment in reported:  # none of them is an id of the built page
        built = (tmp_path / "_site" / page.strip("/") / "index.html").read_text(encoding="utf-8")
        assert f'id="{fragment}"' not in built
    about = (tmp_path / "_site" / "about" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'id="([^"]+)"', about) == ["top-nav", "contact-me"]  # the ids the links that pass name


def test_a_page_whose_layout_includes_a_file_that_makes_ids_is_left_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A layout with `{% include toc.html %}`, where the include makes ids with Liquid: the
    page's ids cannot be read without a build, so its fragments stay unchecked."""
    files = {**FILES, "_includes/toc.html": '{% for h in page.heads %}<a id="{{ h }}"></a>{% endfor %}\n',
             "_layouts/page.html": "---\nlayout: default\n---\n{% include toc.html %}<main>{{ content }}</main>\n"}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--offline", "--select", "BC203", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert {d["message"].split("`")[3] for d in found} == {"/legacy/"}  # the static file only
