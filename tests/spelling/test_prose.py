"""Prose spans: what is masked and where each span starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from spelling_support import codes_in_child

from blogcheck.jekyll.site import load_site
from blogcheck.post import Post, load
from blogcheck.spelling.prose import SHOWN, mask, spans


def _post(tmp_path: Path, text: str, newline: str = "\n") -> Post:
    """`text` (front matter and all) as a post of a site at `tmp_path`."""
    (tmp_path / "_posts").mkdir()
    path = tmp_path / "_posts" / "2024-01-01-p.md"
    path.write_text(text, encoding="utf-8", newline=newline)
    post = load(path, "p.md", load_site(tmp_path), 10**6)
    assert isinstance(post, Post)
    return post


def test_mask_keeps_length_and_line_breaks() -> None:
    body = "a {% raw %}\n{{ x }}\n{% endraw %} b {{ y }} $$x^2$$ {: .note} $\\alpha$ c $5 and $6"
    masked = mask(body)
    assert len(masked) == len(body) and masked.count("\n") == body.count("\n")
    assert masked.replace("\u00a0", "").replace(SHOWN, "").split() == ["a", "b", "c", "$5", "and", "$6"]
    # what shows on the page (an output, a raw block, math) keeps a mark; an attribute list does not
    assert masked.count(SHOWN) == 4 and mask("{% if x %}{% endif %}{: .note}{% comment %}y{% endcomment %}") == \
        "\u00a0" * 60


@pytest.mark.parametrize(("body", "left"), [
    ("cost $x_1 + y$ here", ["cost", "here"]),
    ("cost $x_1 + y $ here", ["cost", "$x_1", "+", "y", "$", "here"]),  # space before the closing `$`
    ("$5 and $6", ["$5", "and", "$6"]),  # no TeX character: money
    ("a $x$ b", ["a", "$x$", "b"]),
    ("a $x^2$b", ["a", "$x^2$b"]),  # a word right after: not TeX
    ("a $x^\n2$ b", ["a", "$x^", "2$", "b"]),  # never across lines
])
def test_inline_tex(body: str, left: list[str]) -> None:
    assert mask(body).replace("\u00a0", " ").replace(SHOWN, " ").split() == left


def test_a_lone_dollar_before_a_long_line_costs_linear_time(tmp_path: Path) -> None:
    """A `$` and then a 440 KB line full of braces (a kramdown comment closer pasted
    40,000 times; a mutation fuzz found half as many): the inline-TeX pattern tried the
    rest of the line again from each brace (77 s for half of it, four times that for
    this). A child process with a timeout, so a regression fails instead of stopping
    the suite."""
    body = "It costs $x " + "{:/comment}" * 40_000 + "\n\nThe the end.\n"
    assert codes_in_child(tmp_path, body) == ["BC403"]


def test_header_ids_and_footnote_markers_are_not_prose() -> None:
    """kramdown shows neither `{#id}` nor a footnote's label (a number stands for it)."""
    body = "## Background {#bakground-sec}\nA claim[^polyfil-note] here.\n\n[^polyfil-note]: The note.\n"
    assert mask(body).replace("\u00a0", "").split() == ["##", "Background", "A", "claim", "here.", ":", "The",
                                                          "note."]


def test_kramdown_comments_are_not_prose() -> None:
    """kramdown 2.4 writes `{::comment} ... {:/comment}` (or `{:/}`) as an HTML comment,
    its text unparsed; one never closed is text on the page."""
    body = "a {::comment}hiden[x](/y){:/comment} b\n\n{::comment}\nblok wrods\n{:/}\n\nc {::comment}open ended\n"
    assert mask(body).replace("\u00a0", "").split() == ["a", "b", "c", "open", "ended"]
    hostile = "{::comment}" * 20_000 + "x"
    assert mask(hostile).replace("\u00a0", "") == "x"  # each opener an extension tag, masked; no closer


def test_spans_and_their_places(tmp_path: Path) -> None:
    post = _post(tmp_path, "---\ntitle: 'A title'\n---\n\n## Head *em* `code`\n\n> quoted [link](http://x) "
                           "<b>bold</b>\n\n<div>html</div>\n\n    indented code\n")
    found = [(s.text, s.line, s.column, s.where) for s in spans(post)]
    assert found == [("A title", 2, 9, "title"), ("Head ", 5, 4, "body"), ("em", 5, 10, "body"),
                     ("quoted ", 7, 3, "body"), ("link", 7, 11, "body"), ("bold", 7, 30, "body"),
                     ("html", 9, 6, "body")]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_the_text_readers_see_in_html_blocks(tmp_path: Path, newline: str) -> None:
    """Text between tags is prose, wherever the block sits (a blockquote strips `> `
    from markdown-it's copy); tags, attributes, comments, code and scripts are not.
    The line after the first element, and the lines inside one that says
    `markdown="1"`, are Markdown to kramdown."""
    post = _post(tmp_path, "---\ntitle: t\n---\n\n"
                 '<p align="center" title="attr">Some <em>caption</em> &amp; more <b>S</b>aturation</p>\n'
                 "<script>var notprose = 1;</script>\n<!-- hidden words -->\n\n"
                 "> <div>quoted <code>x_y</code> text</div>\n\n"
                 "<div>first</div>\nMarkdown *after* it\n\n"
                 '<div class="notice" markdown="1">\n**Note:** `code` here\n</div>\n', newline=newline)
    found = [(s.text, s.line, s.column, s.exact) for s in spans(post) if s.where == "body"]
    assert found == [
        ("Some ", 5, 32, True), ("caption", 5, 41, True), ("&", 5, 54, True), ("more", 5, 60, True),
        ("quoted ", 9, 8, True), (" text", 9, 31, True),
        ("first", 11, 6, True), ("Markdown ", 12, 1, True), ("after", 12, 11, True), (" it", 12, 17, True),
        ("Note:", 15, 3, True), (" here", 15, 17, True),
    ]


def test_the_alt_text_of_raw_html_images_is_prose(tmp_path: Path) -> None:
    """An `<img alt>` shows in the image's place when it cannot load, and screen readers
    say it: prose, as a Markdown image's alt text is, in a block, in a paragraph, in an
    `<input type="image">`. Each is a block of its own (no word runs on into it)."""
    post = _post(tmp_path, "---\ntitle: t\n---\n\n"
                 '<div class="gallery">\n  <a href="/b.jpg"><img src="/s.jpg" alt="Work in teh process"></a>\n'
                 '</div>\n\n'
                 'Text before <img src="/a.png" alt="teh inline"> and after.\n\n'
                 '<form><input type="image" alt="Donate &amp; more"><input type="text" alt="not one"></form>\n\n'
                 '`<img alt="in code">` and <code><img alt="hidden"></code>\n')
    found = [(s.text, s.line, s.column, s.exact) for s in spans(post) if s.where == "body"]
    assert found == [
        ("Work in teh process", 6, 43, True),
        ("Text before ", 9, 1, True), ("teh inline", 9, 36, True), (" and after.", 9, 48, True),
        ("Donate", 11, 32, True), ("&", 11, 39, True), ("more", 11, 45, True),  # `&amp;` decoded, found as a whole
        (" and ", 13, 22, True),
    ]
    assert len({s.block for s in spans(post) if s.line == 9}) == 2


def test_a_word_cut_by_a_tag_is_not_read_as_two(tmp_path: Path) -> None:
    from blogcheck.spelling.tokens import words

    post = _post(tmp_path, "---\ntitle: t\n---\n\nThe <u>H</u>ue and <u>S</u>aturation of <b>bold</b> :tophat: "
                           "text.\n\n| data<br>Production ready |\n|---|\n")
    found = [w.text for s in spans(post) if s.where == "body" for w in words(s.text)]
    assert found == ["The", "H", "and", "S", "of", "bold", "text", "data", "Production", "ready"]  # <br> cuts none


def test_words_written_with_backslash_escapes_are_read_where_written(tmp_path: Path) -> None:
    """markdown-it drops the backslash of `It\\'s`; the word is still read, at its place."""
    post = _post(tmp_path, "---\ntitle: t\n---\nIt\\'s &amp; Kath\\'s \\*note\\*.\n")
    found = [(s.text, s.line, s.column) for s in spans(post) if s.where == "body"]
    assert found == [("It's", 4, 1), ("&", 4, 7), ("Kath's", 4, 13), ("*note*.", 4, 21)]


def test_dollars_in_code_are_no_math() -> None:
    """kramdown never reads `$$` in code as math: masking display math from a fence's
    `$$` to a code span's blanked the fence markers, and every word in between."""
    body = "```bash\necho $$\n```\n\nSome teh here.\n\nKill it with `kill $$` and $$x_1$$ then $a^2$.\n\n    $$ y\n"
    masked = mask(body).replace("\u00a0", "").replace(SHOWN, "")
    assert masked == "```bash\necho $$\n```\n\nSome teh here.\n\nKill it with `kill $$` and  then .\n\n    $$ y\n"
    assert mask("Cost $$ then `code $$` and $x_1$ and `$b_1` $c_2$.") == (
        "Cost $$ then `code $$` and " + SHOWN + "\u00a0" * 4 + " and `$b_1` " + SHOWN + "\u00a0" * 4 + ".")


def test_a_post_with_dollars_in_code_is_read_to_the_end(tmp_path: Path) -> None:
    from blogcheck.spelling.tokens import words

    post = _post(tmp_path, "---\ntitle: t\n---\n```bash\necho $$\n```\n\nThis paragraph has teh typo and recieve too.\n"
                           "\nThen kill it with `kill $$` and definately move on.\n")
    found = [(s.line, s.column + w.start, w.text) for s in spans(post) if s.where == "body" for w in words(s.text)]
    assert [place for place in found if place[2] in ("teh", "recieve", "definately")] == [
        (8, 20, "teh"), (8, 33, "recieve"), (10, 33, "definately")]


@pytest.mark.parametrize(("title", "sure"), [('"Say \\"teh\\" and recieve"', False),
                                             ("'Say ''teh'' and recieve'", True)])  # `'teh'` is written in `''teh''`
def test_front_matter_words_next_to_yaml_escapes_are_read(tmp_path: Path, title: str, sure: bool) -> None:
    """YAML wrote `"teh"` as `\\"teh\\"` (or `''teh''`): the word is read where its letters
    are, as a guess (reported, never fixed), instead of dropped; `recieve`, written as it
    reads, is placed for sure (and --fix mends it in the YAML's own quoting)."""
    from blogcheck.spelling.tokens import words

    post = _post(tmp_path, f"---\ntitle: {title}\n---\nBody.\n")
    found = [(s.line, s.column + w.start, w.text, s.exact) for s in spans(post) if s.where == "title"
             for w in words(s.text)]
    assert [f for f in found if f[2] in ("teh", "recieve")] == [(2, 15, "teh", sure), (2, 25, "recieve", True)]


def test_a_table_cell_after_a_code_span_with_a_pipe_is_prose(tmp_path: Path) -> None:
    """GFM splits a row at the `|` inside `` `ls | grep x` `` and drops the cell past the
    header's count; kramdown splits no code span, and shows `the step` (checked with kramdown
    2.4: `<td><code>ls | grep x</code></td><td>the step</td>`). Its words are on the page."""
    post = _post(tmp_path, "---\ntitle: T\n---\n| cmd | what |\n|---|---|\n| `ls | grep x` | the step |\n"
                           "| a \\| b | c |\n")
    found = [(s.text, s.line, s.column) for s in spans(post)]
    assert found == [("T", 2, 8), ("cmd", 4, 3), ("what", 4, 9), ("the step", 6, 19),
                     ("a", 7, 3), ("|", 7, 5), ("b", 7, 8), ("c", 7, 12)]  # `\\|` from its backslash


def test_a_word_after_an_entity_or_an_escape_is_placed_where_it_is_written(tmp_path: Path) -> None:
    """markdown-it decodes `&ldquo;` and `\\"` to one character: the word after one was
    placed that many columns too far left (`recieve` at `ldquo;r`)."""
    from blogcheck.spelling.tokens import words

    line = 'He said &ldquo;recieve&rdquo; and \\"seperate\\" and &#8212;definately and \\(beleive\\) caf&eacute;s teh.'
    post = _post(tmp_path, f"---\ntitle: t\n---\n{line}\n")
    found = {w.text: s.at(w.start) for s in spans(post) if s.where == "body" for w in words(s.text)}
    for word in ("recieve", "seperate", "definately", "beleive", "teh"):
        assert line[found[word] - 1:].startswith(word), word
    assert line[found["cafés"] - 1:].startswith("caf&eacute;s")


def test_an_entity_chunk_is_placed_before_the_same_text_written_out_further_on(tmp_path: Path) -> None:
    """`caf&eacute; recieve and café recieve`: the first chunk jumped to the `café` written
    out further on, and the first `recieve` was lost (a second audit)."""
    from blogcheck.spelling.tokens import words

    post = _post(tmp_path, "---\ntitle: t\n---\ncaf&eacute; recieve and café recieve\n\n"
                           "&ldquo;teh&rdquo; and “teh” x\n")
    found = [(s.line, s.at(w.start), w.text) for s in spans(post) if s.where == "body" for w in words(s.text)
             if w.text in ("recieve", "teh")]
    assert found == [(4, 13, "recieve"), (4, 30, "recieve"), (6, 8, "teh"), (6, 24, "teh")]


def test_liquid_tag_lines_may_print() -> None:
    """`{% liquid echo x %}` prints: no repeat across it (it was taken for a quiet tag)."""
    assert mask("the {% liquid echo x %} the").count(SHOWN) == 1
