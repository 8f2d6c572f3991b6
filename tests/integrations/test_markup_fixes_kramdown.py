"""kramdown, Jekyll's Markdown, judges the markup check's findings and `--fix` on the
posts of tests/unit/test_markup_fixes.py: where no finding is left, kramdown shows the
text as written (so there was nothing to mend), and each fixed page shows what was meant
with every link, heading id, math and attribute of the page before it."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

import pytest
from integration_support import page_text

from blogcheck.cli import main

HEAD = "---\ntitle: t\n---\n"
# kramdown as Jekyll runs it, on NUL-separated texts; each page is followed by a NUL.
_KRAMDOWN = ('STDIN.read.split("\\0", -1).each { |text| print Kramdown::Document.new(text, input: "GFM", '
             'hard_wrap: false).to_html, "\\0" }')
POSTS = {
    "attribute": '<span title="<sos>">x</span> and <eos> here.\n\n<div title=\'<sos>\'>\ny\n</div>\n',
    "code": "Run <code>ls --all</code>, <kbd>--x</kbd>, <samp>--y</samp>, <var>--z</var>, <CODE>**a **</CODE>\n"
            "and <code>curl https://example.com/c</code>.\n\nSee <a href=\"/x\">https://example.com/d</a>.\n\n"
            "Then <code>git checkout <branch></code> or <code>Vec<Vec<u8>></code>.\n\n"
            "And <tt>run --t</tt> or <tt>List<T></tt>.\n",
    "kramdown": "$$\nf(x) --g\n$$\n\nInline $$a --b **c **$$ math, and some text\n$$\nh --i \\lt <sos>\n$$\n\n"
                "A para.\n{: title=\"use --force\" .x}\n\n{::nomarkdown}\nSee https://example.com/n --force\n"
                "{:/nomarkdown}\n\nA {::nomarkdown}<b>--x</b>{:/} and *z*{: title=\"a --b\"}, but --real.\n",
    "headings": "## Use <branch> name\n\n## **How do we train? **\n\n## Run --force now\n\n"
                "## See [docs] (https://example.com/b)\n\n## See https://example.com/c\n\n## Run --force {#run}\n\n"
                "Setext <sos> here\n=================\n\n## Use <eos> key\n{: #key}\n",
    "references": "See [**the docs **] here.\n\nThe [**the docs **][] too.\n\nA [**a guide **][g].\n\n"
                  "Run [run --force].\n\n"
                  "[**the docs **]: https://example.com/docs\n[g]: https://example.com/g\n"
                  "[run --force]: https://example.com/r\n",
    "rendered": "See HTTPS://EXAMPLE.COM/A, Http://example.com/b, Vec<Vec<u8>> and Vec<Vec<Vec<u8>>>, not <sos>.\n",
}


@dataclass(frozen=True)
class Page:
    """A post's body and kramdown's HTML of it, before `check --fix` and after; `stable`:
    a second `--fix` changed nothing."""

    before: str
    after: str
    html_before: str
    html_after: str
    stable: bool


def _kramdown(texts: list[str]) -> list[str]:
    assert shutil.which("ruby"), ".ci/run installs jekyll (and with it ruby and kramdown)"
    done = subprocess.run(["ruby", "-rkramdown", "-rkramdown-parser-gfm", "-e", _KRAMDOWN], input="\0".join(texts),
                          capture_output=True, text=True, timeout=300, check=True)
    return done.stdout.split("\0")[:len(texts)]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    """Each post of POSTS in one kramdown site, fixed by `check --fix` (and again, to see it
    stable), and kramdown's pages of all of them, asked at once."""
    site = tmp_path_factory.mktemp("site")
    (site / "_config.yml").write_text("title: t\nmarkdown: kramdown\n", encoding="utf-8")
    (site / "_posts").mkdir()
    paths = {name: site / "_posts" / f"2024-01-{day:02}-{name}.md" for day, name in enumerate(POSTS, 1)}
    for name, path in paths.items():
        path.write_text(HEAD + POSTS[name], encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site)
        report = str(site / "report.txt")
        main(["check", "--offline", "--select", "markup", "--fix", "--output", report])
        after = {name: path.read_text(encoding="utf-8")[len(HEAD):] for name, path in paths.items()}
        main(["check", "--offline", "--select", "markup", "--fix", "--output", report])
    html = _kramdown(list(POSTS.values()) + list(after.values()))
    return {name: Page(POSTS[name], after[name], html[number], html[len(POSTS) + number],
                       path.read_text(encoding="utf-8") == HEAD + after[name])
            for number, (name, path) in enumerate(paths.items())}


def _shown(html: str) -> str:
    return " ".join(page_text(html, " ").split())


def test_a_tag_in_an_attribute_value_stays_an_attribute(pages: dict[str, Page]) -> None:
    page = pages["attribute"]
    assert page.stable, "a second --fix changed the post"
    assert page.html_before.count('title="&lt;sos&gt;"') == page.html_after.count('title="&lt;sos&gt;"') == 2
    assert "<eos> here." not in _shown(page.html_before) and "x and <eos> here." in _shown(page.html_after)


def test_code_is_shown_as_typed_and_fixed_placeholders_show(pages: dict[str, Page]) -> None:
    """kramdown keeps the `--`, `**` and URLs of `<code>`, `<kbd>`, `<samp>` and `<var>` as
    typed (no finding was right there); after the fix, each placeholder shows, in code too."""
    page = pages["code"]
    assert page.stable, "a second --fix changed the post"
    for typed in ("<code>ls --all</code>", "<kbd>--x</kbd>", "<samp>--y</samp>", "<var>--z</var>",
                  "<code>**a **</code>", "<code>curl https://example.com/c</code>",
                  '<a href="/x">https://example.com/d</a>'):
        assert typed in page.html_before and typed in page.html_after, typed
    assert "<tt>run \u2013t</tt>" in page.html_before and "<tt>run --t</tt>" in page.html_after
    shown = _shown(page.html_after)
    assert "Then git checkout <branch> or Vec<Vec<u8>> . And run --t or List<T> ." in shown, shown
    assert page.html_after.count("<a ") == page.html_before.count("<a ") == 1


def test_math_attribute_lists_and_nomarkdown_are_unchanged(pages: dict[str, Page]) -> None:
    page = pages["kramdown"]
    assert page.stable, "a second --fix changed the post"
    assert "\\[f(x) --g\\]" in page.html_before and '<p title="use --force" class="x">' in page.html_before
    assert page.html_after == page.html_before.replace("but \u2013real", "but --real")
    assert page.after == page.before.replace("--real", "\\-\\-real")


def test_heading_ids_stay_what_links_point_to(pages: dict[str, Page]) -> None:
    page = pages["headings"]
    assert page.stable, "a second --fix changed the post"
    ids = re.findall(r'<h[1-6] id="([^"]*)"', page.html_before)
    assert ids == ["use--name", "how-do-we-train-", "run-force-now", "see-docs-httpsexamplecomb",
                   "see-httpsexamplecomc", "run", "setext--here", "key"]
    assert re.findall(r'<h[1-6] id="([^"]*)"', page.html_after) == ids
    assert 'id="key">Use &lt;eos&gt; key</h2>' in page.html_after  # fixed: its id is its own
    assert '<a href="https://example.com/c">' in page.html_after


def test_reference_links_keep_their_targets(pages: dict[str, Page]) -> None:
    page = pages["references"]
    assert page.stable, "a second --fix changed the post"
    targets = re.findall(r'<a href="([^"]*)"', page.html_before)
    assert targets == ["https://example.com/docs", "https://example.com/docs", "https://example.com/g",
                       "https://example.com/r"]
    assert re.findall(r'<a href="([^"]*)"', page.html_after) == targets
    assert '<a href="https://example.com/g"><strong>a guide</strong></a>' in page.html_after


def test_fixes_render_as_written(pages: dict[str, Page]) -> None:
    """An upper-case scheme in `<...>` is no autolink to kramdown; `>>` after an escaped tag
    is its `»`."""
    page = pages["rendered"]
    assert page.stable, "a second --fix changed the post"
    assert '<a href="https://EXAMPLE.COM/A">https://EXAMPLE.COM/A</a>' in page.html_after
    assert '<a href="http://example.com/b">http://example.com/b</a>' in page.html_after
    assert "Vec<Vec<u8>> and Vec<Vec<Vec<u8>>>, not <sos>." in _shown(page.html_after)
