"""The `liquid` check's rules one by one (tests/integrations/test_jekyll_liquid.py
holds them against real Jekyll)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main


def _found(tmp_path: Path, body: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
           plugin: str = "") -> list[tuple[int, str, str]]:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir(exist_ok=True)
    if plugin:
        (tmp_path / "_plugins").mkdir(exist_ok=True)
        (tmp_path / "_plugins" / "tags.rb").write_text(plugin, encoding="utf-8")
    (tmp_path / "_posts" / "2024-01-01-p.md").write_text("---\ntitle: t\n---\n" + body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--select", "BC501,BC502", "--format", "json"])
    return [(d["line"], d["code"], d["message"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_a_highlight_block_is_code_and_its_markers_are_not_findings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    body = "{% highlight yaml %}\nname: {{ item }}\n{% endhighlight %}\n\nAfter {{ page.title }}.\n"
    found = _found(tmp_path, body, capsys, monkeypatch)
    assert [(line, code) for line, code, _ in found] == [(5, "BC501")]
    assert "`{{ item }}` in code" in found[0][2]


def test_tags_a_site_plugin_or_a_known_plugin_defines_run_on_purpose(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    body = ("```text\n{% mytag a %}\n```\n\n```text\n{% gist 123 %}\n```\n\n"
            "```text\n{% include_cached code.py %}\n```\n\n```text\n{% macro m() %}\n```\n")
    found = _found(tmp_path, body, capsys, monkeypatch, "Liquid::Template.register_tag('mytag', MyTag)\n")
    assert [(line, code) for line, code, _ in found] == [(5, "BC501"), (9, "BC501"), (17, "BC501")]
    assert "runs as a Liquid `mytag` tag" in found[0][2]
    assert "runs as a Liquid `gist` tag" in found[1][2]
    assert "`macro` is no Liquid tag, so the Jekyll build stops" in found[2][2]  # include_cached: not reported


def test_raw_blocks_and_render_with_liquid_false_are_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    body = "{% raw %}\n```\n{{ item }}\n```\n{% endraw %}\n\n`{% raw %}{{ x }}{% endraw %}` and {{ y }}\n"
    assert [(line, code) for line, code, _ in _found(tmp_path, body, capsys, monkeypatch)] == [(10, "BC502")]
    post = tmp_path / "_posts" / "2024-01-01-p.md"
    post.write_text("---\ntitle: t\nrender_with_liquid: false\n---\n" + body, encoding="utf-8")
    main(["check", "--select", "BC501,BC502", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []


def test_a_variable_the_post_assigns_is_meant(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    body = ("{% assign user = 'me' %}{% capture note %}x{% endcapture %}\n"
            "{% for tag in page.tags %}`{{ tag }}`{% endfor %} {{ user }} {{ note }} {{ other }}\n"
            "<!-- TODO: {{ later }} --> <!-- x --> {{ again }}\n")
    found = _found(tmp_path, body, capsys, monkeypatch)
    assert [(line, code) for line, code, _ in found] == [(5, "BC502"), (6, "BC502")]  # not in the comment
    assert "no variable `other`" in found[0][2] and "no variable `again`" in found[1][2]


def test_a_helm_value_in_the_text_shows_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`{{ .Values.image.tag }}` renders empty (Liquid only warns); BC502 needed a letter first."""
    found = _found(tmp_path, "Set {{ .Values.image.tag }} in values.yaml.\n", capsys, monkeypatch)
    assert [(line, code) for line, code, _ in found] == [(4, "BC502")]
    assert "reads no name starting with `.`" in found[0][2]


def test_post_is_a_variable_only_inside_the_loop_that_names_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Jekyll gives a post `page`, not `post`: `{{ post.title }}` outside a loop is empty."""
    found = _found(tmp_path, "By {{ post.title }}.\n", capsys, monkeypatch)
    assert [(line, code) for line, code, _ in found] == [(4, "BC502")]
    body = "{% for post in site.posts %}{{ post.title }}{% endfor %}\n"
    assert _found(tmp_path, body, capsys, monkeypatch) == []


def test_a_variable_in_a_kramdown_comment_is_never_seen(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """kramdown writes `{::comment}` into an HTML comment: the empty output is not seen there."""
    body = "{::comment}\nTODO {{ draft_note }}\n{:/comment}\n\nShown {{ shown_note }}.\n"
    found = _found(tmp_path, body, capsys, monkeypatch)
    assert [(line, code) for line, code, _ in found] == [(8, "BC502")]


def _fixes(tmp_path: Path, body: str, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> list[object]:
    _found(tmp_path, body, capsys, monkeypatch)
    main(["check", "--select", "BC501,BC502", "--format", "json"])
    return [d.get("fix") for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_fix_wraps_the_blocks_liquid_in_raw(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    body = "```sql\nselect {{ a }}\n{% if b %}x{% endif %}\n```\n\nSee `{{ c }}`, {{ d }}.\n"
    assert _fixes(tmp_path, body, capsys, monkeypatch) == [
        [[5, 8, "{{", "{% raw %}{{"], [6, 21, "%}", "%}{% endraw %}"]],  # from the first tag to the last
        [[9, 6, "{{", "{% raw %}{{"], [9, 11, "}}", "}}{% endraw %}"]],
        None,  # BC502 in the text: `{{ title }}` may be a slip for `{{ page.title }}`, not code
    ]
    assert main(["check", "--select", "BC501,BC502", "--fix"]) == 1  # the BC502 is left
    capsys.readouterr()
    post = (tmp_path / "_posts" / "2024-01-01-p.md").read_text(encoding="utf-8")
    assert post.endswith("```sql\nselect {% raw %}{{ a }}\n{% if b %}x{% endif %}{% endraw %}\n```\n\n"
                         "See `{% raw %}{{ c }}{% endraw %}`, {{ d }}.\n")
    main(["check", "--select", "BC501,BC502", "--format", "json"])
    assert [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]] == ["BC502"]


def test_no_fix_when_other_liquid_lies_between(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Wrapping would stop a meant tag from running, or end early at a `{% endraw %}`.
    (A `{% comment %}` in code is reported itself: it drops its lines from the code, and
    the fix wraps it with the rest.)"""
    for between in ("{{ site.title }}", "{% include a.html %}", "{% raw %}{{ r }}{% endraw %}"):
        body = f"```text\n{{{{ a }}}}\n{between}\n{{{{ b }}}}\n```\n"
        assert _fixes(tmp_path, body, capsys, monkeypatch) == [None], between
    body = "```text\n{{ a }}\n{% comment %}note{% endcomment %}\n{{ b }}\n```\n"
    assert _fixes(tmp_path, body, capsys, monkeypatch) == [[[5, 1, "{{", "{% raw %}{{"],
                                                             [7, 6, "}}", "}}{% endraw %}"]]]
    body = "```text\n{{ site.title }}\n{{ a }}\n```\n"  # a meant tag before the first one reported: no matter
    wrap = [[6, 1, "{{", "{% raw %}{{"], [6, 6, "}}", "}}{% endraw %}"]]
    assert _fixes(tmp_path, body, capsys, monkeypatch) == [wrap]


def test_each_broken_code_block_is_found_in_one_run_and_fixed_at_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Liquid stops at the first; the fix of each block is known, so the next are found too."""
    block = "```c\nint a[2][2] = {{1, 2}, {3, 4}};\n```\n\n"
    body = block * 3 + "{% if x %} open\n\n" + block
    post = tmp_path / "_posts" / "2024-01-01-p.md"
    _found(tmp_path, body, capsys, monkeypatch)
    main(["check", "--select", "BC505", "--format", "json"])
    found = [(d["line"], "fix" in d) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [(5, True), (9, True), (13, True), (16, False), (19, True)]  # the `if` is the writer's
    assert main(["check", "--select", "BC505", "--fix"]) == 1
    capsys.readouterr()
    assert post.read_text(encoding="utf-8").count("{% raw %}{{1, 2}, {3, 4}}{% endraw %}") == 4


def test_an_html_post_has_no_markdown_code(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Indented lines of an `.html` post are HTML, not a code block: its Liquid runs as meant."""
    body = "<p>Posts:</p>\n\n    {% for p in site.posts %}<b>{{ p.title }}</b>{% endfor %}\n"
    assert [code for _, code, _ in _found(tmp_path, body, capsys, monkeypatch)] == ["BC501"]  # as Markdown: code
    html = tmp_path / "_posts" / "2024-01-01-p.html"
    (tmp_path / "_posts" / "2024-01-01-p.md").rename(html)
    main(["check", "--select", "BC501,BC502", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []


def test_an_end_tag_in_code_closes_its_block(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """`{% endif %}` in code closes an `if` of the text: it runs; it does not stop the build."""
    found = _found(tmp_path, "{% if page.x %}\nText.\n\n```\nx {% endif %}\n```\n", capsys, monkeypatch)
    assert [(line, code) for line, code, _ in found] == [(8, "BC501")]
    assert "it runs as a Liquid `endif` tag" in found[0][2]
