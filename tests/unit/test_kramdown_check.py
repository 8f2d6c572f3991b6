"""BC603 paragraph-table, BC604 table-not-rendered and BC605 list-numbering through
the command line: places, messages, fixes, and the sites and files they do not apply
to (tests/integrations/test_kramdown_oracle.py builds the same with Jekyll)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from blogcheck.cli import main

HEAD = "---\ntitle: t\n---\n"


def _site(tmp_path: Path, body: str, config: str = "title: t\n", name: str = "2024-01-01-p.md") -> Path:
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    (tmp_path / "_posts").mkdir(exist_ok=True)
    post = tmp_path / "_posts" / name
    post.write_bytes((HEAD + body).encode("utf-8"))
    return post


def _found(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
           *flags: str) -> list[dict[str, Any]]:
    monkeypatch.chdir(tmp_path)
    main(["check", "--select", "markup", "--format", "json", *flags])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found


def test_a_paragraph_with_a_pipe_is_reported_where_its_first_pipe_is(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path, "Intro.\n\nIn classification we care about P(Y|X).\n\n* [MLOps | Course](https://a.b/c)\n")
    found = _found(tmp_path, capsys, monkeypatch)
    assert [(d["code"], d["line"], d["column"], d["severity"]) for d in found] == [
        ("BC603", 6, 36, "error"), ("BC603", 8, 10, "error")]
    assert "the `|` in `P(Y|X).` splits it into cells" in found[0]["message"]
    assert "the `|` in `[MLOps | Course](https://a.b/c)`" in found[1]["message"]
    assert found[0]["fix"] == [[6, 36, "|", "\\|"]] and found[0]["end_column"] == 37


def test_fix_escapes_every_pipe_of_the_table_and_keeps_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    post = _site(tmp_path, "p(a|b) and `x|y` and <|eos|>\nq(c|d) too\r\n\r\nKept: `a|b`.\n")
    _found(tmp_path, capsys, monkeypatch, "--fix")
    assert post.read_bytes().decode() == HEAD + "p(a\\|b) and `x|y` and <\\|eos\\|>\nq(c\\|d) too\r\n\r\nKept: `a|b`.\n"
    assert _found(tmp_path, capsys, monkeypatch) == []


def test_no_fix_for_pipes_in_math_or_in_an_autolink(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path, "$$P(a|b)$$ is it\n\nsee <https://a.b/?q=a|b> now\n")
    found = _found(tmp_path, capsys, monkeypatch)
    assert [(d["line"], "fix" in d) for d in found] == [(4, False), (6, False)]
    assert "`\\mid`" in found[0]["hint"]


def test_a_pipe_in_a_links_url_or_an_images_alt_text_makes_a_table_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """kramdown's table parser knows no links: Google Fonts' `family=Roboto|Open+Sans` cuts
    the paragraph into cells (a markup audit, checked with kramdown 2.4). Reported without
    a fix: `\\|` in a URL would change it (`%7C` is the writer's to put)."""
    _site(tmp_path, "Load [Roboto](https://f.g/css?family=Roboto|Open+Sans) here.\n\nSee ![a|b](/i.png) here.\n")
    found = _found(tmp_path, capsys, monkeypatch)
    assert [(d["code"], d["line"], d["column"], "fix" in d) for d in found] == [
        ("BC603", 4, 44, False), ("BC603", 6, 8, False)]


def test_a_table_under_text_gets_a_blank_line_before_it_and_after_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    post = _site(tmp_path, "Results:\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\nDone.\r\n\r\n"
                           "> Quoted:\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n")
    found = _found(tmp_path, capsys, monkeypatch)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("BC604", 5, 1), ("BC604", 11, 1)]
    assert "the line above is text" in found[0]["message"] and "line 8 is text under it" in found[0]["message"]
    _found(tmp_path, capsys, monkeypatch, "--fix")
    assert post.read_bytes().decode() == HEAD + (
        "Results:\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n\r\nDone.\r\n\r\n"
        "> Quoted:\n>\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n")
    assert _found(tmp_path, capsys, monkeypatch) == []


def test_a_table_with_no_row_under_its_header_is_reported_without_a_fix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path, "| a | b |\n|---|---|\n")
    (found,) = _found(tmp_path, capsys, monkeypatch)
    assert found["code"] == "BC604" and "no row under its header" in found["message"] and "fix" not in found


@pytest.mark.parametrize("config", ["title: t\nmarkdown: CommonMarkGhPages\n", "markdown: GFM\n"])
def test_a_site_not_on_kramdown_has_no_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, config: str) -> None:
    _site(tmp_path, "P(Y|X) here\n\nText:\n| a | b |\n|---|---|\n| 1 | 2 |\n", config)
    assert _found(tmp_path, capsys, monkeypatch) == []


def test_kramdown_in_any_case_and_by_default(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path, "P(Y|X) here\n", "markdown: Kramdown\n")
    assert [d["code"] for d in _found(tmp_path, capsys, monkeypatch)] == ["BC603"]


def test_an_html_post_and_code_and_liquid_have_no_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path, "P(Y|X) here\n", name="2024-01-02-h.html")
    _site(tmp_path, "```\nP(Y|X)\n```\n\n    a | b\n\n{{ page.title | upcase }} is it\n\n"
                    "{% highlight text %}\na|b\n{% endhighlight %}\n")
    assert _found(tmp_path, capsys, monkeypatch) == []


def test_ignore_and_select_by_code(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path, "P(Y|X) here\n\nText:\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert [d["code"] for d in _found(tmp_path, capsys, monkeypatch, "--ignore", "BC603")] == ["BC604"]
    monkeypatch.chdir(tmp_path)
    main(["check", "--select", "BC603", "--format", "json"])
    assert [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]] == ["BC603"]


def test_steps_with_images_between_them_are_reported_and_fixed_by_indenting(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    body = ("1. Input your key\n\n![image](https://a.b/1.png)\n\n2. Load the data\r\n\r\n"
            "<img src=\"https://a.b/2.png\">\r\n\r\n3. Plot it\n\n## Later\n\n4. On\n")
    post = _site(tmp_path, body)
    found = _found(tmp_path, capsys, monkeypatch)
    assert [(d["code"], d["line"], d["column"], d["severity"], "fix" in d) for d in found] == [
        ("BC605", 8, 1, "warning", True), ("BC605", 12, 1, "warning", True), ("BC605", 16, 1, "warning", False)]
    assert found[0]["message"].startswith("item `2.` shows as `1.` on the page (the Markdown preview shows 2): "
                                          "line 6, not indented to the items above, ends the list there")
    assert found[0]["hint"].startswith("indent line 6 by 3 spaces (check --fix does)")
    assert '`{: start="4"}`' in found[2]["hint"]
    _found(tmp_path, capsys, monkeypatch, "--fix")
    assert post.read_bytes().decode() == HEAD + (
        "1. Input your key\n\n   ![image](https://a.b/1.png)\n\n2. Load the data\r\n\r\n"
        "   <img src=\"https://a.b/2.png\">\r\n\r\n3. Plot it\n\n## Later\n\n4. On\n")
    assert [d["line"] for d in _found(tmp_path, capsys, monkeypatch)] == [16]


def test_a_list_the_list_above_takes_on_is_not_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path, "1. Step\n- a detail, a lazy line to kramdown\n2. Step\n\n1. New\n\n   ![i](x.png)\n\n2. On\n")
    assert _found(tmp_path, capsys, monkeypatch) == []


HOSTILE = {
    "separators": "| a | b |\n" + "|---|---|\n" * 20_000 + "| 1 | 2 |\n",
    "tables": "| a | b |\n|---|---|\n| 1 | 2 |\n\n" * 3_000,
    "math": "$$ a|b\n\n" * 5_000,
    "pipes": "|" * 200_000 + " x\n",
    "lists": "- a\n\n  5. x\n\n" * 3_000,
    "stars": "**a " * 30_000 + " **\n",
    "spaced": "**a **" * 20_000 + "\n",
    "tildes": "~" * 200_000 + "\n\n> " + "~" * 100_000 + "\n",  # a fence's info string: 53 s for 100 KB before
}


def test_hostile_markup_ends_in_a_child_process(tmp_path: Path) -> None:
    """Each of these took quadratic time in a first version (minutes); now the markup
    check reads them all in one child process with a timeout, so a regression fails."""
    import subprocess
    import sys

    for name, body in HOSTILE.items():
        _site(tmp_path, body, name=f"2024-01-01-{name}.md")
    done = subprocess.run([sys.executable, "-m", "blogcheck", "check", "--select", "markup", "--format", "json"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    codes: dict[str, set[str]] = {}
    for diag in json.loads(done.stdout)["diagnostics"]:
        codes.setdefault(Path(diag["path"]).stem.removeprefix("2024-01-01-"), set()).add(diag["code"])
    assert codes == {"math": {"BC603"}, "lists": {"BC605"}, "stars": {"BC606"}, "spaced": {"BC606"},
                     "tildes": {"BC615"}}  # a fence never closed


def test_nothing_inside_a_kramdown_comment_is_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """kramdown writes `{::comment} ... {:/comment}` as an HTML comment (kramdown 2.4:
    `<!-- This is a | b draft ... -->`): no table, list or tag of its text reaches the page."""
    draft = "This is a | b draft\n\n1) one\n2) two\n\nWrite <placeholder> here\n"
    _site(tmp_path, f"Text.\n\n{{::comment}}\n{draft}{{:/comment}}\n\n   {{::comment}}  \na | b\n  {{:/}}\n\n"
                    "{::comment} x\n1) a\n2) <b>\n{:/}\n")  # the last one is in a paragraph: `<p><!-- x ...`
    assert _found(tmp_path, capsys, monkeypatch) == []
    # in a paragraph, kramdown's table parser still sees the pipe: `<td>End {::comment}a</td>`
    for line in ("End {::comment}a | b{:/} here.", "   {::comment}a | b{:/}"):
        _site(tmp_path, f"Text.\n\n{line}\n")
        assert [d["code"] for d in _found(tmp_path, capsys, monkeypatch)] == ["BC603"], line
    _site(tmp_path, f"Text.\n\n{draft}\nEnd.\n")  # the same lines outside a comment: each is reported
    assert sorted(d["code"] for d in _found(tmp_path, capsys, monkeypatch)) == ["BC601", "BC603", "BC608"]


def test_long_runs_of_white_space_take_linear_time(tmp_path: Path) -> None:
    """A line of spaces or tabs by the ten thousand, indented lines under it: no pattern of
    the markup checks may try every split of it (the lazy-code prefilter did: 0.6 s for
    8,000 spaces, hours for a megabyte; so did BC606's `** text**`: 7 s for 20,000).
    Measured as growth (scaling.py)."""
    from collections.abc import Callable

    from scaling import assert_linear

    from blogcheck.config import Config
    from blogcheck.jekyll.site import load_site
    from blogcheck.run import run

    bodies: list[Callable[[int], str]] = [lambda n: " " * n + "\ntext\n", lambda n: "\t" * n + "x\ny\n",
                                          lambda n: "- " * n + "#\n    code\ntext\n",
                                          lambda n: "** " + " " * n + "x\n"]  # BC606's mirror case, unclosed
    for number, body in enumerate(bodies):
        def work_at(size: int, body: Callable[[int], str] = body, number: int = number) -> Callable[[], object]:
            folder = tmp_path / f"s{number}-{size}"
            folder.mkdir()
            post = _site(folder, body(size))
            return lambda: run([post], load_site(folder), Config(select=("markup",)))

        assert_linear(work_at, 20_000, number)
