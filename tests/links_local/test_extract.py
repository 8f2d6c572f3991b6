"""Link extraction: every syntax, its kind, and its exact file position
(front matter lines count: the body of these posts starts on line 4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from blogcheck.links import extract
from blogcheck.links.front import front_links
from blogcheck.links.liquid import Resolver
from blogcheck.links.model import Kind
from blogcheck.post import Post

MakePost = Callable[..., Post]


def _links(post: Post, config: dict[str, object] | None = None) -> list[tuple[int, int, str, str, str]]:
    resolver = Resolver(config or {}, post.data, lambda name: None, lambda path: None)
    found = extract.links(extract.parse(post), resolver.resolve)
    lines = post.text.split("\n")
    for link in found:  # each position points at the URL as written (a wrapped tag's runs on to the next line)
        assert "\n".join(lines[link.line - 1 :])[link.column - 1 :].startswith(link.raw), link
    return [(link.line, link.column, link.kind.value, link.raw, link.url) for link in found]


def test_inline_reference_autolink_and_images(make_post: MakePost) -> None:
    post = make_post(
        "A [link](/a) and ![pic](/b.png \"t\") and <https://example.com/c>.\n"
        "A [ref][r] and ![img ref][i], and [![badge](/badge.svg)](/target).\n"
        "\n"
        "[r]: /ref-target\n"
        "[i]: </img ref.png>\n"
    )
    assert _links(post) == [
        (4, 10, "link", "/a", "/a"),
        (4, 25, "image", "/b.png", "/b.png"),
        (4, 42, "link", "https://example.com/c", "https://example.com/c"),
        (5, 45, "image", "/badge.svg", "/badge.svg"),
        (5, 58, "link", "/target", "/target"),
        (7, 6, "link", "/ref-target", "/ref-target"),  # reported where the URL is written
        (8, 7, "image", "/img ref.png", "/img ref.png"),
    ]


def test_a_label_defined_twice_links_to_its_last_definition(make_post: MakePost) -> None:
    """kramdown (the site) takes a label's last definition, CommonMark (the preview) its first:
    the page links `/two`, so `/two` is checked and `/one`, on no page, is not."""
    post = make_post(
        "See [the docs][d], [again][D] and [spaced][s].\n"
        "\n"
        "[d]: /one\n"
        "[d]: /two\n"
        "[s]: /my notes.pdf\n"
        "[s]: /other notes.pdf\n"
    )
    assert _links(post) == [(7, 6, "link", "/two", "/two"), (9, 6, "link", "/other notes.pdf", "/other notes.pdf")]


def test_a_link_in_a_table_cell_after_a_code_span_with_a_pipe(make_post: MakePost) -> None:
    """kramdown splits no cell inside a code span; GFM does, and drops the cell with the link."""
    post = make_post("| cmd | see |\n|---|---|\n| `ls | grep` | [docs](/docs/) |\n")
    assert _links(post) == [(6, 24, "link", "/docs/", "/docs/")]


def test_an_image_button_is_an_image(make_post: MakePost) -> None:
    """`<input type="image" src=...>`, a PayPal button in daattali's post: the page draws the image."""
    post = make_post('<form><input type="image" src="/btn.gif" alt="Donate"></form>\n')
    assert _links(post) == [(4, 32, "image", "/btn.gif", "/btn.gif")]


def test_a_url_written_with_an_entity_is_placed_where_it_is_written(make_post: MakePost) -> None:
    """`/caf&eacute;/` is `/café/` to markdown-it: no spelling of it was found in the line,
    and the link was placed at the paragraph's start (a link audit)."""
    post = make_post("Text [e](/caf&eacute;/) and [n](/na&#239;ve/) end.\n")
    assert _links(post) == [(4, 10, "link", "/caf&eacute;/", "/café/"), (4, 33, "link", "/na&#239;ve/", "/naïve/")]


def test_html_inline_and_blocks(make_post: MakePost) -> None:
    post = make_post(
        'Text <a href="/x?a=1&amp;b=2">x</a> and <img alt="" src=\'/y.png\'>.\n'
        "\n"
        "<div>\n"
        '  <img class="c"\n'
        '       src="/z.png">\n'
        '  <iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe>\n'
        '  <video><source src="/clip.mp4" type="video/mp4"></video>\n'
        "</div>\n"
    )
    assert _links(post) == [
        (4, 15, "link", "/x?a=1&amp;b=2", "/x?a=1&b=2"),
        (4, 58, "image", "/y.png", "/y.png"),
        (8, 13, "image", "/z.png", "/z.png"),
        (9, 16, "embed", "https://www.youtube.com/embed/abcdefghijk", "https://www.youtube.com/embed/abcdefghijk"),
        (10, 23, "embed", "/clip.mp4", "/clip.mp4"),
    ]



def test_scripts_captions_and_plugin_embeds_are_embeds(make_post: MakePost) -> None:
    post = make_post(
        '<script src="https://gist.github.com/octo/0123456789abcdef0123.js"></script>\n'
        "\n"
        'A widget <script async src="//platform.twitter.com/widgets.js" charset="utf-8"></script> inline.\n'
        "\n"
        '<video controls src="/talk.mp4">\n'
        '  <track kind="captions" src="/talk.vtt" srclang="en">\n'
        "</video>\n"
        '<object data="/slides.pdf" type="application/pdf"><embed src="/slides.pdf"></object>\n'
        "\n"
        '<script>var src = "/not-a-link.js";</script>\n'
    )
    assert _links(post) == [
        (4, 14, "embed", "https://gist.github.com/octo/0123456789abcdef0123.js",
         "https://gist.github.com/octo/0123456789abcdef0123.js"),
        (6, 29, "embed", "//platform.twitter.com/widgets.js", "//platform.twitter.com/widgets.js"),
        (8, 22, "embed", "/talk.mp4", "/talk.mp4"),
        (9, 31, "embed", "/talk.vtt", "/talk.vtt"),
        (11, 15, "embed", "/slides.pdf", "/slides.pdf"),
        (11, 63, "embed", "/slides.pdf", "/slides.pdf"),
    ]

def test_each_srcset_candidate_is_an_image_where_it_is_written(make_post: MakePost) -> None:
    post = make_post(
        "<picture>\n"
        '  <source srcset="/a.webp 1x,\n'
        '                  /b.webp 2x" type="image/webp">\n'
        '  <img src="/c.png" srcset="/c.png 1x, /c&amp;2x.png 2x" alt="x">\n'
        "</picture>\n"
        "\n"
        'Text <img srcset="data:image/gif;base64,R0lG, /d.png 480w">.\n'
    )
    assert _links(post) == [
        (5, 19, "image", "/a.webp", "/a.webp"),
        (6, 19, "image", "/b.webp", "/b.webp"),
        (7, 13, "image", "/c.png", "/c.png"),
        (7, 29, "image", "/c.png", "/c.png"),
        (7, 40, "image", "/c&amp;2x.png", "/c&2x.png"),
        (10, 19, "image", "data:image/gif;base64,R0lG", "data:image/gif;base64,R0lG"),
        (10, 47, "image", "/d.png", "/d.png"),
    ]


@pytest.mark.parametrize("value,urls", [
    ("a.png 1x, b.png 2x", ["a.png", "b.png"]),
    (" a.png 480w,\n  b.png 800w ", ["a.png", "b.png"]),
    ("a.png,b.png", ["a.png,b.png"]),  # no white space: one URL with a comma in it, as browsers read it
    ("a.png, b.png", ["a.png", "b.png"]),  # a comma that ends a URL separates
    ("data:image/svg+xml,%3Csvg%3E 1x, c.png 2x", ["data:image/svg+xml,%3Csvg%3E", "c.png"]),
    ("x.png (max-width: 1px, 2px) 1x, y.png", ["x.png", "y.png"]),  # a comma inside parentheses is no separator
    ("", []), (",, ,", []), ("one.png", ["one.png"]),
])
def test_srcset_candidates_as_the_html_standard_splits_them(value: str, urls: list[str]) -> None:
    from blogcheck.links.html import srcset

    found = srcset(value)
    assert [url for _, url in found] == urls
    assert all(value[at:].startswith(url) for at, url in found)


def test_lists_quotes_and_tables_keep_columns(make_post: MakePost) -> None:
    post = make_post(
        "- item [one](/1)\n"
        "  continued [two](/2)\n"
        "> quoted [three](/3)\n"
        "\n"
        "| a | b |\n"
        "|---|---|\n"
        "| [four](/4) | <img src=\"/5.png\"> |\n"
        "\n"
        "1. <img src=\"/6.png\">\n"
    )
    assert [(line, col, raw) for line, col, _, raw, _ in _links(post)] == [
        (4, 14, "/1"), (5, 19, "/2"), (6, 18, "/3"), (10, 10, "/4"), (10, 26, "/5.png"), (12, 14, "/6.png"),
    ]


def test_liquid_is_resolved_and_positions_hold(make_post: MakePost) -> None:
    post = make_post(
        "[a]({{ site.baseurl }}/assets/x.png) and [b]({{ '/about/' | relative_url }}) "
        "and [c]({{ site.url }}{{ site.baseurl }}/c/) and [d]({{ page.extra }}/d)\n",
        front="title: t\nextra: /from-page",
    )
    config = {"baseurl": "/blog", "url": "https://example.org"}
    assert _links(post, config) == [
        (5, 5, "link", "{{ site.baseurl }}/assets/x.png", "/blog/assets/x.png"),
        (5, 46, "link", "{{ '/about/' | relative_url }}", "/blog/about/"),
        (5, 86, "link", "{{ site.url }}{{ site.baseurl }}/c/", "https://example.org/blog/c/"),
        (5, 131, "link", "{{ page.extra }}/d", "/from-page/d"),
    ]


def test_references_to_liquid_targets_of_one_length_stay_apart(make_post: MakePost) -> None:
    """`[a]: {{ page.good }}` and `[b]: {{ page.badx }}`: both 15 characters of Liquid. Each
    link is reported at its own definition with its own target, as Jekyll renders them
    (`/about/` and `/nope1/`); `[b]`'s was taken for `[a]`'s and never checked."""
    post = make_post("[First][a] and [Second][b].\n\n[a]: {{ page.good }}\n[b]: {{ page.badx }}\n",
                     front="title: t\ngood: /about/\nbadx: /nope1/")
    assert _links(post) == [(8, 6, "link", "{{ page.good }}", "/about/"), (9, 6, "link", "{{ page.badx }}", "/nope1/")]


def test_a_liquid_tag_wrapped_across_lines_is_one_link_in_paragraphs_only(make_post: MakePost) -> None:
    """Liquid renders before Markdown: `[a]({{ site.x` / `}}/a)` is one link. The line break
    moves to a space out of the tag (after it, else before it, never onto a list marker or a
    line a block could start with); an indented code block keeps its lines and gives no link."""
    post = make_post(
        "See [a]({{ site.x\n}}/a) and more, [b]({{ site.x\n}}/b) -not there.\n"
        "\n"
        "    [d]({{ site.x\n    }}/d) code\n"
        "\n"
        "- [c]({{ site.x\n}}/c) here\n"
    )
    assert _links(post, {"x": "/x"}) == [
        (4, 9, "link", "{{ site.x\n}}/a", "/x/a"),
        (5, 21, "link", "{{ site.x\n}}/b", "/x/b"),
        (11, 7, "link", "{{ site.x\n}}/c", "/x/c"),
    ]


def test_nothing_in_code_comments_raw_comment_or_highlight(make_post: MakePost) -> None:
    post = make_post(
        "`[a](/a)` and <!-- [b](/b) --> and {% raw %}[c](/c){% endraw %}\n"
        "\n"
        "```\n[d](/d) <img src=\"/d.png\">\n```\n"
        "\n"
        "    [e](/e)\n"
        "\n"
        "<!--\n[f](/f) <img src=\"/f.png\">\n-->\n"
        "\n"
        "{% comment %}\n[g](/g)\n{% endcomment %}\n"
        "\n"
        "{% highlight html %}\n<img src=\"/h.png\"> [h](/h)\n{% endhighlight %}\n"
        "\n"
        "[kept](/kept)\n"
    )
    assert [raw for _, _, _, raw, _ in _links(post)] == ["/kept"]


def test_markdown_inside_code_elements_is_text(make_post: MakePost) -> None:
    """kramdown keeps the text of `<code>`, `<kbd>`, `<samp>`, `<var>`, `<math>`... as typed
    (checked with jekyll build 4.3.1): `[x](url)` there is no link, `<a href>` still is, and a
    link after the element is one again."""
    post = make_post(
        "Type <code>[text](/no-such-page/)</code> or <kbd>[docs](https://docs.invalid/x)</kbd> and "
        "<samp>![i](/i.png)</samp> <var><https://v.invalid/></var> <math>[m](/m)</math>.\n"
        "<code><a href=\"/live\">live</a></code> <code>x<code>[y](/y)</code>[z](/z)</code> then [after](/after).\n"
        "<CODE>[up](/up)</CODE> <code/>[self](/self) [kept <code>c</code>](/kept)\n"
    )
    assert [raw for _, _, _, raw, _ in _links(post)] == ["/live", "/after", "/self", "/kept"]


def test_markdown_in_elements_kramdown_keeps_raw_is_text_and_after_block_tags_it_is_not(make_post: MakePost) -> None:
    """kramdown 2.4 keeps as typed the content of any element it does not know to hold
    Markdown (`<mark>`, `<u>`, `<s>`, a custom element), and shows a block element met in a
    paragraph as text, its content Markdown again (`<pre>[q](/q)` is a link)."""
    post = make_post("See <mark>[m](/m)</mark>, <u>[u](/u)</u>, <x-foo>[c](/c)</x-foo>, <pre>[q](/q)</pre>, "
                     "<span>[s](/s)</span> and <abbr>[a](/a)</abbr>.\n")
    assert [raw for _, _, _, raw, _ in _links(post)] == ["/q", "/s", "/a"]


def test_on_a_commonmark_site_markdown_in_code_elements_is_a_link(make_post: MakePost) -> None:
    post = make_post("See <code>[docs](/docs/)</code> here.\n")
    found = extract.links(extract.parse(post), lambda raw: raw, kramdown=False)
    assert [link.raw for link in found] == ["/docs/"]


def test_the_rest_of_a_line_after_a_comment_is_markdown(make_post: MakePost) -> None:
    """kramdown ends a comment that starts a block at its `-->` and makes a paragraph of the
    rest of the line (checked with kramdown 2.4 GFM: `<!--more-->` then `<p>Read <a ...`);
    CommonMark makes the whole line an HTML block, so the link was never checked."""
    post = make_post(
        "<!--more--> Read [the rest](/a) here.\n"
        "\n"
        "<!-- a\nb --> and ![pic](/b.png)\n"
        "\n"
        "> <!-- c --> [q](/q)\n"
        "\n"
        "<!-- d --> <a href=\"/e\">e</a> [f](/f)\n"
        "\n"
        "<!-- only a comment --> \n"
        "\n"
        "<!--c--> <div>[raw](/raw)</div> [after](/after)\n"  # an HTML block starts: its text is raw, not after it
        "\n"
        "<!--c--> <p>[p](/p)\n"
        "\n"
        "<!--c--> A [reference][r] too.\n"
        "\n"
        "[r]: /ref\n"
    )
    assert [(line, column, raw) for line, column, _, raw, _ in _links(post)] == [
        (4, 29, "/a"), (7, 18, "/b.png"), (9, 18, "/q"), (11, 21, "/e"), (11, 35, "/f"), (15, 41, "/after"),
        (21, 6, "/ref")]


def test_windows_line_ends(make_post: MakePost) -> None:
    post = make_post("one\r\n\r\n[a](/a) <img src=\"/b.png\">\r\n")
    assert [(line, col) for line, col, *_ in _links(post)] == [(6, 5), (6, 19)]


def test_liquid_link_tags_are_found_everywhere_but_raw(make_post: MakePost) -> None:
    post = make_post(
        "[x]({% post_url 2024-01-01-a %}) `{% link about.md %}`\n"
        "{% raw %}{% post_url 2024-01-01-b %}{% endraw %}\n"
        "{% comment %}{% post_url 2024-01-01-c %}{% endcomment %}\n"
        "{%- post_url 2024-01-01-d -%}\n"
    )
    refs = extract.tag_refs(extract.parse(post))
    assert [(r.name, r.argument, r.line, r.column) for r in refs] == [
        ("post_url", "2024-01-01-a", 4, 5), ("link", "about.md", 4, 35), ("post_url", "2024-01-01-d", 7, 1),
    ]


def test_no_liquid_in_a_post_jekyll_renders_no_liquid_in(make_post: MakePost) -> None:
    """`render_with_liquid: false` (Jekyll 4): `{% post_url nope %}` is text, not a tag that
    stops the build, and a link's `{{ site.baseurl }}` stays as written."""
    post = make_post("{% post_url nope %} and [x]({{ site.baseurl }}/about/)\n",
                     front="title: t\nrender_with_liquid: false")
    assert extract.tag_refs(extract.parse(post)) == []
    written = "{{ site.baseurl }}/about/"
    assert _links(post, {"baseurl": "/b"}) == [(5, 29, "link", written, written)]


def test_front_matter_urls(make_post: MakePost) -> None:
    post = make_post(
        "Body.\n",
        front=(
            'image:\n  feature: "/f.jpg"\n  thumbnail: local-name.jpg\n'
            "cover-img:\n  - /c1.jpg: A caption\n  - /c2.jpg\n"
            "share-img: https://example.org/s.png\n"
            "header:\n  teaser: '{{ site.baseurl }}/t.png'"
        ),
    )
    found = [(link.line, link.column, link.kind, link.url) for link in front_links(post, lambda raw: raw)]
    assert sorted(found) == [
        (3, 13, Kind.IMAGE, "/f.jpg"),
        (6, 5, Kind.IMAGE, "/c1.jpg"),
        (7, 5, Kind.IMAGE, "/c2.jpg"),
        (8, 12, Kind.IMAGE, "https://example.org/s.png"),
        (10, 12, Kind.IMAGE, "{{ site.baseurl }}/t.png"),
    ]


def test_front_matter_redirect_and_canonical_urls_are_links(make_post: MakePost) -> None:
    """jekyll-redirect-from sends every reader of the post to `redirect_to`; jekyll-seo-tag
    gives `canonical_url` to search engines: both were never checked."""
    post = make_post("Body.\n", front="redirect_to: https://new.example/moved\ncanonical_url: /blog/original/")
    found = [(link.line, link.column, link.kind, link.url) for link in front_links(post, lambda raw: raw)]
    assert sorted(found) == [(2, 14, Kind.LINK, "https://new.example/moved"), (3, 16, Kind.LINK, "/blog/original/")]
    listed = make_post("Body.\n", front="redirect_to:\n  - https://new.example/a\n")
    assert [link.url for link in front_links(listed, lambda raw: raw)] == ["https://new.example/a"]


def test_a_url_with_spaces_is_a_link_as_kramdown_reads_it(make_post: MakePost) -> None:
    """CommonMark ends a URL at a space; kramdown reads on to the closing `)` (a title
    after white space and a quote), so these are links and images on the site."""
    post = make_post(
        "![shot](/assets/Screen Shot 1.png) and [doc](/files/my notes.pdf \"Notes\") and [p](/a(1) b).\n"
        "Not a link: [a](b c and\nd) with no `)` on its line.\n"
    )
    assert [(line, col, raw) for line, col, _, raw, _ in _links(post)] == [
        (4, 9, "/assets/Screen Shot 1.png"), (4, 46, "/files/my notes.pdf"), (4, 83, "/a(1) b"),
    ]


def test_embeds_in_code_are_told_apart_in_one_pass(make_post: MakePost) -> None:
    """36,000 tags in one paragraph, every other one in a code span (14 s for 2,000 when
    each tag re-parsed its paragraph)."""
    post = make_post("{% youtube dQw4w9WgXcQ %} `{% youtube dQw4w9WgXcQ %}` " * 18_000)
    found = extract.links(extract.parse(post), lambda raw: raw)
    assert len(found) == 18_000 and {link.column % 54 for link in found} == {12}


def test_markdown_links_in_quoted_liquid_arguments(make_post: MakePost) -> None:
    """Themes render caption arguments as Markdown, so their links are on the page."""
    post = make_post(
        '{% figure caption:"Made with [Paper](https://paper.example/app) and ![i](/i.png)." %}\n'
        "{% include figure.html image_path=\"/a.png\" caption='See [the guide](/guide/).' %}\n"
        '{% raw %}{% figure caption:"[not](/raw/)" %}{% endraw %} {{ "[out](/put/)" }}\n'
        '{% highlight md %}\n{% figure caption:"[code](/code/)" %}\n{% endhighlight %}\n'
    )
    assert [(line, col, raw) for line, col, _, raw, _ in _links(post)] == [
        (4, 38, "https://paper.example/app"), (4, 74, "/i.png"), (5, 36, "/a.png"), (5, 69, "/guide/"),
    ]


def test_a_front_matter_alias_is_one_link_where_its_anchor_is_written(make_post: MakePost) -> None:
    """minimal-mistakes posts write `path: &image /x.jpg` and `feature: *image`: one URL, one finding."""
    post = make_post("Body.\n", front="image:\n  path: &image /assets/x.jpg\n  feature: *image\nog_image: *image")
    found = [(link.line, link.column, link.url) for link in front_links(post, lambda raw: raw)]
    assert found == [(3, 16, "/assets/x.jpg")]


def test_an_image_is_known_by_its_syntax_not_its_url(make_post: MakePost) -> None:
    post = make_post("![shot](https://github.com/user-attachments/assets/0a1b) [shot](/pic.png)\n")
    assert [kind for _, _, kind, _, _ in _links(post)] == ["image", "link"]


def test_strange_input_does_not_raise(make_post: MakePost) -> None:
    body = "[a](<b) <img src=\"unclosed <a href='x'> {{ unclosed {% also [x]( <iframe\n" + "[[[](((\n" * 50
    post = make_post(body)
    extract.links(extract.parse(post), lambda raw: raw)
    assert extract.tag_refs(extract.parse(post)) == []


def test_markdown_after_an_html_element_as_kramdown_reads_it(make_post: MakePost) -> None:
    """CommonMark keeps these lines in the HTML block (no blank line ends it);
    kramdown closes the block with its element, or reads span HTML as a paragraph."""
    post = make_post(
        "<div><p>x</p></div>\n"
        "[after a div](/a)\n"
        "\n"
        '<img src="/b.png"> and [beside an image](/c)\n'
        "\n"
        "<div>\n[inside a div](/not-markdown)\n</div>\n"
        "\n"
        '<div class="notice" markdown="1">\n**Note:** [inside markdown="1"](/d)\n<a href="/e">e</a>\n</div>\n'
        "[after it](/f)\n"
    )
    assert [(line, col, raw) for line, col, _, raw, _ in _links(post)] == [
        (5, 15, "/a"), (7, 11, "/b.png"), (7, 42, "/c"), (14, 33, "/d"), (15, 10, "/e"), (17, 12, "/f"),
    ]


def test_markdown_1_opens_only_block_and_span_elements_to_markdown(make_post: MakePost) -> None:
    """A `<center>` stays raw to kramdown even with `markdown="1"` (its content model is raw,
    as a `<table>`'s): the Markdown link inside is text on the page, only the HTML link is one;
    `markdown="block"` opens it (kramdown 2.4's output, checked)."""
    post = make_post(
        '<center markdown="1">\n[not a link](/a) <a href="/b">b</a>\n</center>\n'
        "\n"
        '<center markdown="block">\n[a link](/c)\n</center>\n'
    )
    assert [raw for _, _, _, raw, _ in _links(post)] == ["/b", "/c"]


@pytest.mark.parametrize("body", [
    "{{ " * 60_000,  # unclosed Liquid: a regex tokenizer would be quadratic
    "{% " * 60_000,
    ("{: " + "a" * 40) * 10_000,  # almost attribute lists
    "[^" + "x" * 200_000,
    "[" * 50_000 + "](x)",
    "[a][r] " * 5_000 + "\n\n" + "".join(f"[r{i}]: /r{i}\n" for i in range(5_000)) + "[r]: /r\n",
    "{% post_url " + "a/" * 5_000 + "x %}",
    "{% raw %}x{% endraw %} [a](/b) " * 20_000 + "{% highlight %} " * 5_000 + "{{ x }}",  # region look-ups
    "[a](x y " * 20_000,  # URLs with spaces never closed: each try must not scan the rest of the line
    "{% youtube dQw4w9WgXcQ %} `{% include figure image_path='/x' %}` " * 12_000,  # one re-parse a paragraph
    '<img srcset="' + "a, " * 150_000 + '">',  # each candidate placed from the tag's start: quadratic
], ids=["liquid", "tags", "ial", "footnote", "brackets", "references", "post-url", "regions", "spaces",
        "embeds", "srcset"])
def test_hostile_bodies_finish_quickly(make_post: MakePost, body: str) -> None:
    import time

    from blogcheck.links import anchors

    post = make_post(body)
    started = time.monotonic()
    parsed = extract.parse(post)
    extract.links(parsed, lambda raw: raw)
    extract.tag_refs(parsed)
    anchors.ids(parsed, anchors.Dialect({}), lambda raw: raw)
    assert time.monotonic() - started < 20  # the quadratic versions took minutes


def _extracted_in(make_post: MakePost, body: str) -> float:
    import time

    post = make_post(body)
    started = time.monotonic()
    extract.links(extract.parse(post), lambda raw: raw)
    return time.monotonic() - started


def test_links_whose_targets_are_not_written_as_they_read_take_linear_time(make_post: MakePost) -> None:
    """`[a](&#47;x)`: each link's target is looked for near it, not in the rest of the paragraph
    (that took 40 s for 80,000 such links). Four times the links take about four times as long,
    not sixteen: a ratio, where a time limit held on one machine and failed on one half as fast
    (its linear run took 20.7 s for 80,000 links)."""
    small = _extracted_in(make_post, "[a](&#47;x) " * 5_000)
    large = _extracted_in(make_post, "[a](&#47;x) " * 20_000)
    assert large < 8 * small + 1.0, (small, large)  # linear: 4x; quadratic: 16x


def test_international_and_invisible_hosts_are_found_where_written(make_post: MakePost) -> None:
    # markdown-it turns the host into punycode (`xn--...`); the link is still reported at its URL
    post = make_post("See [books](https://bücher.example/ü) and [art](http://\u200bsktchy.com/p6juFc ).\n")
    assert _links(post) == [
        (4, 13, "link", "https://bücher.example/ü", "https://bücher.example/ü"),
        (4, 49, "link", "http://\u200bsktchy.com/p6juFc", "http://\u200bsktchy.com/p6juFc"),
    ]
