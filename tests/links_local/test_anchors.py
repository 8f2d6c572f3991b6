"""Heading ids as Jekyll's kramdown makes them, and the ids a post ends up with."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from blogcheck.links import anchors, extract
from blogcheck.post import Post

MakePost = Callable[..., Post]
GFM = anchors.Dialect({})


@pytest.mark.parametrize("text,expected", [
    # kramdown-parser-gfm's own test (test/testcases/header_ids.html)
    ("variable_name", "variable_name"),
    ("abc def öúß", "abc-def-öúß"),
    ("192 abc 192", "192-abc-192"),
    ("before \tafter tab", "before--after-tab"),
    ("with code", "with-code"),
    ("With “smart” quotes", "with-smart-quotes"),
    # the typographic symbols kramdown makes of -- and ... are dropped
    ("Jekyll 4.0 -- what's new...", "jekyll-40--whats-new"),
    ("C++ & Python: a/b", "c--python-ab"),
])
def test_gfm_ids(text: str, expected: str) -> None:
    assert anchors.gfm_id(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("1. Introduction", "introduction"),
    ("Café au lait", "caf-au-lait"),
    ("!!!", "section"),
])
def test_plain_kramdown_ids(text: str, expected: str) -> None:
    assert anchors.kramdown_id(text) == expected


def test_repeats_are_numbered_and_empty_ids_skipped() -> None:
    texts = ["Intro", "Intro", ";.;", "Intro", ";;"]
    assert anchors.heading_ids(texts, GFM) == {"intro", "intro-1", "intro-2", "-1"}


def test_dialects_from_the_site_config() -> None:
    plain = anchors.Dialect({"kramdown": {"input": "kramdown", "auto_id_prefix": "h-"}})
    assert anchors.heading_ids(["1. Café"], plain) == {"h-caf"}
    assert anchors.heading_ids(["Intro"], anchors.Dialect({"kramdown": {"auto_ids": False}})) == set()
    either = anchors.Dialect({"markdown": "CommonMarkGhPages"})
    assert anchors.heading_ids(["1. Café"], either) == {"1-café", "caf"}


def test_ids_of_a_post(make_post: MakePost) -> None:
    post = make_post(
        "# Getting *started* with `jekyll`\n"
        "## Setup {#custom}\n"
        "Setext heading\n--------------\n"
        "## {{ page.title }} notes\n"
        'Text <a name="named"></a> and <span id="inline-id">x</span>.\n'
        "A list\n{: #list-ial}\n"
        "A note[^1].\n\n[^1]: The note.\n\n"
        '<div id="block-id"><a id="inner"></a></div>\n',
        front="title: My Title",
    )
    parsed = extract.parse(post)
    ids = anchors.ids(parsed, GFM, lambda raw: raw.replace("{{ page.title }}", "My Title"))
    assert {"getting-started-with-jekyll", "custom", "setext-heading", "my-title-notes", "named", "inline-id",
            "list-ial", "fn:1", "fnref:1", "block-id", "inner"} <= ids
    assert "setup" not in ids  # an explicit id replaces the automatic one


def test_the_kramdown_input_makes_ids_of_the_heading_as_written(make_post: MakePost) -> None:
    """`kramdown: input: kramdown` makes a heading's id of its source text (a link's URL, an
    entity, an image's path kept): the ids below are kramdown 2.4's for these headings; the
    rendered text gave `install-jekyll`, and a correct link was a BC203."""
    post = make_post("## Install [Jekyll](https://jekyllrb.com/)\n\n## &amp; entity &lt;tag&gt;\n\n"
                     "## See ![icon](/assets/i.png) here\n\n## 2. `code` *em*\n\n"
                     "## Install [Jekyll](https://jekyllrb.com/)\n")
    plain = anchors.Dialect({"kramdown": {"input": "kramdown"}})
    assert anchors.ids(extract.parse(post), plain, lambda raw: raw) == {
        "install-jekyllhttpsjekyllrbcom", "amp-entity-lttaggt", "see-iconassetsipng-here", "code-em",
        "install-jekyllhttpsjekyllrbcom-1"}


def test_auto_id_stripping_makes_ids_of_the_text_elements_only(make_post: MakePost) -> None:
    """With `auto_id_stripping: true` kramdown strips the markup first: no link URL, no
    entity as written, no code span (kramdown 2.4: `install-jekyll`, `fish--chips`, `use--now`)."""
    post = make_post("## Install [Jekyll](https://jekyllrb.com)\n\n## Fish &amp; Chips\n\n## Use `code_span` now\n")
    stripping = anchors.Dialect({"kramdown": {"input": "kramdown", "auto_id_stripping": True}})
    assert anchors.ids(extract.parse(post), stripping, lambda raw: raw) == {"install-jekyll", "fish--chips", "use--now"}


def test_footnote_ids_as_kramdown_gives_them(make_post: MakePost) -> None:
    """Only a footnote both used and defined gets ids; a second use gets fnref:NAME:1."""
    post = make_post("Used[^a], again[^a], and [^b] undefined.\n\n[^a]: Note a.\n[^c]: Never used.\n")
    ids = anchors.ids(extract.parse(post), GFM, lambda raw: raw)
    assert ids == {"fn:a", "fnref:a", "fnref:a:1"}


def test_a_one_word_footnote_is_a_footnote_not_a_link_definition(make_post: MakePost) -> None:
    """`[^1]: Wikipedia.` is also a valid CommonMark link reference definition; kramdown
    reads a footnote, so `[^1]` is no link to `Wikipedia.` and its ids exist."""
    post = make_post("A claim[^1], again[^1].\n\n[^1]: Wikipedia.\n")
    parsed = extract.parse(post)
    assert extract.links(parsed, lambda raw: raw) == []
    assert anchors.ids(parsed, GFM, lambda raw: raw) == {"fn:1", "fnref:1", "fnref:1:1"}


def test_many_footnotes_take_linear_time(make_post: MakePost) -> None:
    post = make_post("".join(f"Use[^n{i}].\n\n[^n{i}]: A note.\n\n" for i in range(20_000)))
    assert len(anchors.ids(extract.parse(post), GFM, lambda raw: raw)) == 40_000


def test_layout_ids(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    root = Path(str(tmp_path))
    (root / "_layouts").mkdir()
    (root / "_includes").mkdir()
    (root / "_layouts" / "post.html").write_text('<main id="main">{{ content }}</main><div id="{{ x }}">')
    (root / "_includes" / "comments.html").write_text('<section id="comments"></section>')
    assert anchors.layout_ids(root, {}) == {"main", "comments"}
    assert "disqus_thread" in anchors.layout_ids(root, {"comments": {"disqus_shortname": "x"}})


def test_a_post_of_many_broken_fragments_and_text_headings_takes_linear_time(tmp_path: Path) -> None:
    """Each `#fragment` that matches nothing asks which headings kramdown shows as text
    (BC203 names them): asked once a post, not once a link (3,000 links to 9,000 such
    headings took minutes). Measured as growth with the post's size (scaling.py)."""
    from scaling import assert_linear

    from blogcheck.config import Config
    from blogcheck.jekyll.site import load_site
    from blogcheck.run import run

    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-p.md"
    config = Config(select=("BC203",), offline=True)

    def work_at(size: int) -> Callable[[], object]:
        parts = (f"[to {i}](#quoted-{i})\n\n>  # Quoted {i}\n\n- item\n\n   ## In item {i}\n" for i in range(size))
        post.write_text("---\ntitle: t\n---\n\n" + "\n".join(parts), encoding="utf-8")
        return lambda: run([post], load_site(tmp_path), config)

    assert_linear(work_at, 150)
    work_at(150)
    found = run([post], load_site(tmp_path), config).diagnostics
    assert len(found) == 150 and all("is text to kramdown (BC616)" in d.message for d in found)
