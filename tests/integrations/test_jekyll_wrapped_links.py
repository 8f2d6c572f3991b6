"""Links whose Liquid a hard-wrapped paragraph breaks across lines, and reference
definitions made of Liquid tags of one length, against a real Jekyll build: Liquid
renders first, so each is one link on the page, and blogcheck checks each, at the
place it is written (jekyll's own release notes wrap `({{ site.repository` / `}}/...)`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site

from blogcheck.cli import main

BODY = """A [link]({{ site.baseurl
}}/nope2/) and [the about page]({{ site.baseurl
}}/about/), then an issue ([#1338]({{ site.repository
}}/issues/1338)).

[First][a] and [Second][b].

[a]: {{ page.good }}
[b]: {{ page.badx }}
"""


def test_wrapped_liquid_and_twin_references_are_the_links_jekyll_renders(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", BODY, "title: t\nmarkdown: kramdown\nbaseurl: /blog\n"
                         "repository: https://github.com/jekyll/jekyll\n")
    post = site / "_posts" / "2024-01-01-p.md"
    post.write_text(post.read_text(encoding="utf-8").replace("title: t\n", "title: t\ngood: /blog/about/\n"
                                                             "badx: /blog/nope1/\n", 1), encoding="utf-8")
    (site / "about.md").write_text("---\ntitle: About\npermalink: /about/\n---\nMe.\n", encoding="utf-8")
    page = built_post(site)
    for href in ("/blog/nope2/", "/blog/about/", "https://github.com/jekyll/jekyll/issues/1338", "/blog/nope1/"):
        assert f'href="{href}"' in page, href
    monkeypatch.chdir(site)
    main(["check", "--offline", "--select", "links", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    found = [(d["line"], d["column"], d["code"], d["url"]) for d in report["diagnostics"]]
    assert found == [(6, 10, "BC204", "/blog/nope2/"), (14, 6, "BC204", "/blog/nope1/")], found
    assert "1 remote link (1 distinct URL) not checked: offline" in report["summary"]["notes"][0]


def test_a_wrapped_post_url_of_no_post_stops_the_build_and_is_told_on_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess

    site = one_post_site(tmp_path / "site", "Her [first\ncontribution]({% post_url\n2020-01-01-missing %}) 👏\n")
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300,
                           check=False)
    assert build.returncode != 0 and "Could not find post \"2020-01-01-missing\"" in build.stderr, build.stderr
    monkeypatch.chdir(site)
    main(["check", "--offline", "--select", "links", "--format", "json"])
    found = [(d["line"], d["column"], d["code"], d["message"])
             for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [(5, 15, "BC205", "`{% post_url 2020-01-01-missing %}` names no post; Jekyll stops the build "
                                      "when it renders the tag")], found
