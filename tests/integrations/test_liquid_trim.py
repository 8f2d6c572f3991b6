"""BC511 against `jekyll build`: each post below is reported exactly when its `{%-`/`-%}`
join what Markdown keeps apart, and the page Jekyll builds shows it (the evidence)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site

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
    # from a second audit (each shape found in templates copied into posts)
    "Intro\n\n{% for i in (1..3) -%}\n- item {{ i }}\n{%- endfor %}\n\nAfter\n":
        (True, "<li>item 1- item 2- item 3</li>"),
    "{% for i in (1..2) -%}\n## Heading {{ i }}\n{%- endfor %}\n\nAfter\n": (True, ">Heading 1## Heading 2</h2>"),
    "{% for i in (1..2) %}\nParagraph {{ i }}\n\n{%- endfor %}\n\nAfter\n": (True, "<p>Paragraph 1 Paragraph 2</p>"),
    "Para one\n\n{%- if true %}\nPara two\n{% endif %}\n": (True, "<p>Para one Para two</p>"),
    "{% if true %}\n- a\n- b\n\n{%- endif %}\nAfter\n": (True, "<li>b After</li>"),
    "# Title {{ page.title -}}\nText below\n": (True, ">Title HelloText below</h1>"),
    "- a\n{% if true -%}\n  - nested\n{% endif %}\n- b\n": (True, "<li>a</li> <li> <p>nested</p> </li>"),
    "Text\n\n{% if true -%}\n    indented code\n{% endif %}\n\nAfter\n": (True, "<p>indented code</p>"),
    "Para one\r\n\r\n{{- page.title -}}\r\n\r\nPara two\r\n": (True, "<p>Para oneHelloPara two</p>"),
    "Title {{ page.title -}}\n=====\n\nText\n": (True, "<p>Title Hello=====</p>"),
    "## Title {{ page.title -}}\n{: .special}\n\nText\n": (True, ">Title Hello{: .special}</h2>"),
    "- a\n{% if false -%}\n- x\n{%- else -%}\n- y\n{%- endif %}\n- b\n": (False, "<li>a</li> <li>y</li> <li>b</li>"),
    "Intro\n\n{%- highlight ruby -%}\nx = 1\n{%- endhighlight -%}\n\nAfter\n": (False, "<p>Intro</p> <figure"),
    "Para one\n\n{%- capture c %}x{% endcapture %}\n- item\n": (False, "<p>Para one</p> <ul> <li>item</li>"),
    "1. step\n{% if true -%}\n   - sub\n{% endif %}\n2. step two\n": (False, "<li>step <ul> <li>sub</li> </ul> </li>"),
    "Para one\n\n{%- assign x = 1 %}\n- item\n": (False, "<p>Para one</p> <ul> <li>item</li>"),
    "<details>\n{% for i in (1..2) -%}\n<p>{{ i }}</p>\n{%- endfor %}\n</details>\n": (False, "<p>1</p><p>2</p>"),
    "{% for o in (1..2) %}\n\nPara {{ o }}\n\n{% for i in (1..2) %}\nx\n{%- endfor -%}\n\nTail\n"
    "{%- endfor %}\n\nAfter\n": (True, "xTail"),  # nested loops: each end tag closes its own
}


def _page(site: Path) -> str:
    return " ".join(built_post(site).split())


def test_reported_exactly_where_the_dashes_join_blocks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    sites = [one_post_site(tmp_path / f"s{i}", body, title="Hello") for i, body in enumerate(CASES)]
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
    site = one_post_site(tmp_path / "s", "Para two\n\n{%- for i in (1..2) -%}\n- item {{ i }}\n{% endfor %}\n")
    monkeypatch.chdir(site)
    main(["check", "--select", "BC511", "--format", "json"])
    [found] = json.loads(capsys.readouterr().out)["diagnostics"]
    assert (found["line"], found["column"], found["severity"]) == (6, 1, "error")
    assert found["message"].startswith("`{%- for i in (1..2) -%}`: `{%-` removes the blank line before it")


def test_each_end_tag_closes_its_own_loop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """An inner loop's end tag with a finding of its own still closes the inner loop: the
    outer one's `{%- endfor %}` is judged with the outer `{% for -%}`."""
    body = ("{% for o in (1..2) -%}\n- outer {{ o }}\n{% for i in (1..2) %}\nx\n{%- endfor -%}\n\nTail\n"
            "{%- endfor %}\n\nAfter\n")
    site = one_post_site(tmp_path / "s", body)
    assert "<li>outer 1" in built_post(site) and "- outer 2" in built_post(site)  # the turns joined
    monkeypatch.chdir(site)
    main(["check", "--select", "BC511", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [d["line"] for d in found] == [8, 11]  # the inner end tag, and the outer loop's turns
    assert "each turn's `- outer {{ o }}`" in found[1]["message"]
