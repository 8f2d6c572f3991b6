"""BC609 against real Jekyll: inside an HTML block that kramdown keeps raw (Jekyll leaves
`parse_block_html` off), `<email>` opens an element nothing closes, so kramdown never
sees `</details>` and the rest of the post is raw HTML: the page shows `**bold**` and the
table's pipes as typed. (Node.js's collaborator guide and release notes do this.) Escaped
as `&lt;email>`, the block ends where the writer ends it, and there is no finding."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

BODY = ("<details>\n<summary>Steps</summary>\n\n"
        "Add a `Reviewed-By: Name {email}` line.\n\n"
        "</details>\n\n"
        "After **bold** text.\n\n"
        "P(Y|X) is not a table here.\n")


def _site(root: Path, email: str) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (root / "_posts" / "2024-01-01-a.md").write_text("---\ntitle: t\n---\n" + BODY.format(email=email),
                                                    encoding="utf-8")
    return root


def _page(root: Path) -> str:
    done = subprocess.run(["jekyll", "build", "--quiet"], cwd=root, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    return (root / "_site" / "2024" / "01" / "01" / "a.html").read_text(encoding="utf-8")


def _found(root: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int, int]]:
    main(["check", "--select", "markup", "--format", "json", str(root)])
    return [(d["code"], d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_a_tag_left_open_in_a_raw_block_makes_the_rest_of_the_post_raw(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = _site(tmp_path / "open", "<email>")
    page = _page(root)
    assert "&lt;/details&gt;" in page and "After **bold** text." in page and "<strong>" not in page
    assert _found(root, capsys) == [("BC609", 7, 26)]  # at `<email>`; no BC603: kramdown makes no table there


def test_escaped_it_ends_where_the_writer_ends_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _site(tmp_path / "escaped", "&lt;email>")
    page = _page(root)
    assert "<strong>bold</strong>" in page and "&lt;/details&gt;" not in page and "<table>" in page
    assert "`Reviewed-By: Name &lt;email&gt;`" in page  # the backticks inside `<details>` show (BC610)
    assert _found(root, capsys) == [("BC610", 4, 1), ("BC603", 13, 4)]  # now `P(Y|X)` makes a table


MARKDOWN_INSIDE = ("<details>\n<summary>More</summary>\n\n## Heading\n\nSome **bold** text.\n\n"
                   "| a | b |\n|---|---|\n| 1 | 2 |\n\n</details>\n\n"
                   '<div class="highlighter-rouge">\n<pre class="highlight"><code>```terminal\n\n```</code></pre>\n'
                   "</div>\n\nAfter.\n")


def test_markdown_inside_an_html_block_shows_as_typed_until_it_says_markdown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """BC610: the preview renders the heading, bold text and table inside `<details>`;
    kramdown shows them as typed. `--fix` writes `markdown="1"` and the build renders
    them. The fence inside `<pre><code>` (made-mistakes shows a fence that way) is meant
    as typed, and is no finding."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    post = root / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: t\n---\n" + MARKDOWN_INSIDE, encoding="utf-8")
    page = _page(root)
    assert "## Heading" in page and "**bold**" in page and "<table>" not in page
    main(["check", "--select", "markup", "--format", "json", "--fix", str(root)])
    fixed = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["code"], d["line"]) for d in fixed] == [("BC610", 4)]
    assert post.read_text(encoding="utf-8").split("\n")[3] == '<details markdown="1">'
    page = _page(root)
    assert "<h2" in page and "<strong>bold</strong>" in page and "<table>" in page
    assert "<code>```terminal" in page  # the `<pre>` is still as the writer typed it
    assert _found(root, capsys) == []


def test_a_site_that_parses_block_html_has_neither_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`kramdown: parse_block_html: true` in _config.yml: kramdown reads the inside of an
    HTML block as Markdown, as the preview does, so neither BC609 nor BC610 is true."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\nkramdown:\n  parse_block_html: true\n", encoding="utf-8")
    (root / "_posts" / "2024-01-01-a.md").write_text("---\ntitle: t\n---\n" + MARKDOWN_INSIDE + "\n"
                                                      + BODY.format(email="<email>"), encoding="utf-8")
    page = _page(root)
    assert "<h2" in page and "<strong>bold</strong>" in page and "After <strong>bold</strong> text." in page
    assert [code for code, _, _ in _found(root, capsys)] == []


def test_a_post_that_switches_on_parse_block_html_has_no_finding(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """kramdown's switch in the post itself, `{::options parse_block_html="true" /}`."""
    root = _site(tmp_path / "switched", "<email>")
    post = root / "_posts" / "2024-01-01-a.md"
    post.write_text(post.read_text(encoding="utf-8").replace("---\n<details>", "---\n"
                                                             '{::options parse_block_html="true" /}\n\n'
                                                             + MARKDOWN_INSIDE + "\n<details>"), encoding="utf-8")
    page = _page(root)
    assert "<h2" in page and "<strong>bold</strong>" in page
    assert [code for code, _, _ in _found(root, capsys) if code in ("BC609", "BC610")] == []


@pytest.mark.parametrize(("tag", "found", "fixed"), [
    ('<center>', [("BC610", 4, 1)], False),  # raw even with markdown="1": no fix offered
    ('<center markdown="1">', [("BC610", 4, 1)], False),  # and still reported
    ('<center markdown="block">', [], True),  # "block" opens any element to Markdown
    ('<div markdown="1">', [], True),
])
def test_markdown_1_opens_only_block_and_span_elements(tmp_path: Path, capsys: pytest.CaptureFixture[str], tag: str,
                                                       found: list[tuple[str, int, int]], fixed: bool) -> None:
    """kramdown reads `markdown="1"` as the element's own content model: a `<center>` (or a
    `<table>`, `<ul>`) stays raw with it, as a real build shows; `markdown="block"` does not."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    close = "</" + tag[1:].split()[0].rstrip(">") + ">"
    (root / "_posts" / "2024-01-01-a.md").write_text(f"---\ntitle: t\n---\n{tag}\n\n**bold**\n\n{close}\n",
                                                    encoding="utf-8")
    assert ("<strong>bold</strong>" in _page(root)) == fixed
    main(["check", "--select", "markup", "--format", "json", str(root)])
    diags = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["code"], d["line"], d["column"]) for d in diags] == found
    assert all("fix" not in d for d in diags)


def test_inside_a_raw_block_markdown_findings_are_left_out_and_a_tag_is_escaped_as_html(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On a line kramdown reads as raw HTML, `--opt` keeps its dashes and a URL is text either
    way (no BC607, no BC611), and `\\<email>` would still open a tag: BC601's fix there is
    `&lt;`, after which the block ends where the writer ends it (a real build)."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    post = root / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: t\n---\n<details>\n<summary>s</summary>\n\nName <email>, run --opt, see "
                    "https://x.org/a\n\n</details>\n\nAfter **bold** text.\n", encoding="utf-8")
    assert [(code, line) for code, line, _ in _found(root, capsys)] == [("BC601", 7), ("BC609", 7)]
    main(["check", "--select", "BC601", "--fix", str(root)])
    capsys.readouterr()
    assert "Name &lt;email>, run --opt" in post.read_text(encoding="utf-8")
    page = _page(root)
    assert "Name &lt;email&gt;, run --opt" in page and "After <strong>bold</strong> text." in page
    assert _found(root, capsys) == []


def test_the_lines_of_a_markdown_block_before_a_blank_line_are_markdown_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A blank line inside `<div markdown="1">` ends CommonMark's HTML block there: the
    lines before it were kept as HTML, so their links went unchecked (and a theme's
    `<div class="notice" markdown="1">` usually opens with a line of text). kramdown
    renders them as links; so does `markdown="span"`; `markdown="0"` keeps them as typed."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (root / "_posts" / "2024-01-01-a.md").write_text(
        "---\ntitle: t\n---\n"
        '<div class="notice" markdown="1">\n**Note:** see [one](/gone-1.html).\n\nAnd [two](/gone-2.html).\n</div>\n\n'
        '<div markdown="span">\n[three](/gone-3.html) and this\n\nthat\n</div>\n\n'
        '<div markdown="0">\n[four](/gone-4.html)\n\nthat\n</div>\n', encoding="utf-8")
    page = _page(root)
    assert all(f'<a href="/gone-{n}.html">' in page for n in (1, 2, 3)) and "[four](/gone-4.html)" in page
    main(["check", "--offline", "--select", "BC204", "--format", "json", str(root)])
    found = [(d["line"], d["column"], d["url"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [(5, 21, "/gone-1.html"), (7, 11, "/gone-2.html"), (11, 9, "/gone-3.html")]


@pytest.mark.parametrize(("opening", "column"), [("<details>", 1), ('  <div class="x">', 3)])
def test_a_block_never_closed_is_reported_at_its_own_tag(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         opening: str, column: int) -> None:
    """The block's own element left open: BC609 at its tag's `<`, not just past the tag (a
    markup audit: column 10, the line's end, for `<details>`)."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (root / "_posts" / "2024-01-01-a.md").write_text(f"---\ntitle: t\n---\n{opening}\n<summary>Steps</summary>\n\n"
                                                     "Add a line.\n\n## Heading\n", encoding="utf-8")
    assert "## Heading" in _page(root)  # raw to the end
    assert _found(root, capsys) == [("BC609", 4, column)]
