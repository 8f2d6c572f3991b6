"""One `check --fix` makes a code block of Liquid show as written on the page Jekyll
builds, when the block's own Liquid gives a variable to the tags after it (an unclosed
`{% for x in y %}` and then `{{ x }}`): they are wrapped in `{% raw %}` together, and
a second `--fix` changes no byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site, page_text

from blogcheck.cli import main

CODE = {  # what the block holds, and what the page must show
    "unclosed-for": "{% for x in y %}\n{{ x }}",
    "unclosed-for-forloop": "{% for x in y %}\n{{ forloop.index }}",
    "unclosed-capture": "{% capture note %}\n{{ note }}",
    "closed-assign": "{% assign v = '1.2' %}\npip install foo=={{ v }}",
    # a Django sample's comment: Liquid dropped it and its lines from the code, with no finding
    "django-comment": "{% comment %}\nExplain the loop here\n{% endcomment %}\n<ul></ul>",
    "django-comment-and-output": "{% comment %}note{% endcomment %}\n<p>{{ name }}</p>",
    "indented-comment": "{% comment %} {{ x }} {% endcomment %} after",
}


def _codes(site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[str]:
    monkeypatch.chdir(site)
    main(["check", "--offline", "--format", "json"])
    return [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]


@pytest.mark.parametrize("code", CODE.values(), ids=CODE.keys())
def test_one_fix_shows_the_whole_block_as_written(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", f"Text.\n\n```jinja\n{code}\n```\n\nAfter.\n")
    post = site / "_posts" / "2024-01-01-p.md"
    assert _codes(site, monkeypatch, capsys) in (["BC505"], ["BC501"])
    main(["check", "--offline", "--fix"])
    assert "fixed:" in capsys.readouterr().out
    once = post.read_bytes()
    assert _codes(site, monkeypatch, capsys) == []
    shown = page_text(built_post(site))
    for line in code.split("\n"):
        assert line in shown, line
    assert "{% raw %}" not in shown
    main(["check", "--offline", "--fix"])
    capsys.readouterr()
    assert post.read_bytes() == once


def test_a_variable_the_text_assigns_still_runs_in_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Only code's own Liquid is taken back: `{{ v }}` set by the post's text is filled in."""
    site = one_post_site(tmp_path / "site", "{% assign v = '1.2' %}\n```text\npip install foo=={{ v }}\n```\n")
    assert _codes(site, monkeypatch, capsys) == []
    assert "pip install foo==1.2" in page_text(built_post(site))


@pytest.mark.parametrize(("body", "codes", "shown"), [
    ("Count: {% for i in (1..3) %}{{ forloop.index }}{% endfor %}.\n", [], "Count: 123."),
    ("Alone: {{ forloop.index }}.\n", ["BC502"], "Alone: ."),
])
def test_forloop_is_a_variable_only_in_a_post_whose_text_loops(body: str, codes: list[str], shown: str,
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """`forloop` is no variable Jekyll gives a post: a loop of its text gives it (the page
    counts); with none, it renders as nothing (BC502)."""
    site = one_post_site(tmp_path / "site", body)
    assert _codes(site, monkeypatch, capsys) == codes
    assert shown in page_text(built_post(site))
