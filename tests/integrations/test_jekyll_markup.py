"""The markup check against real Jekyll. BC601: each reported tag is on the built page
as a tag (the browser shows nothing for it), the ones left alone are elements or
text, and after `check --fix` the page shows each as written. BC602: text meant as a
link is a link after the fix. BC606: a `**` after a space shows, and bold after it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site, page_text

from blogcheck.cli import main

BODY = """So if we have <sos>, I and am tokens, we hide the rest.

* Run `git checkout <branch>` in code, or git checkout <branch> in the text.
* A generic List<T> and <happy noises> too; <sos/start> is no tag.
* Press <kbd>Ctrl</kbd>, see <model-viewer src="a.glb"></model-viewer> and <span>this</span>.

<algorithm>
The block after it.
"""


def _visible(page: Path) -> str:
    return " ".join(page_text(page.read_text(encoding="utf-8"), " ").split())


def _checked(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[dict[str, object]]]:
    """A site with one post of `body`, and the markup check's findings on it (JSON)."""
    site = one_post_site(tmp_path / "site", body)
    monkeypatch.chdir(site)
    main(["check", "--select", "markup", "--format", "json"])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return site, found


def test_reported_tags_are_hidden_and_fix_shows_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    site, found = _checked(tmp_path, BODY, monkeypatch, capsys)
    assert [(d["line"], d["column"], d["message"].split("`")[1]) for d in found] == [
        (4, 15, "<sos>"), (6, 56, "<branch>"), (7, 17, "<T>"), (7, 25, "<happy noises>"), (10, 1, "<algorithm>")]
    assert shutil.which("jekyll"), ".ci/run installs jekyll"

    def build() -> str:
        done = subprocess.run(["jekyll", "build"], capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        return _visible(site / "_site" / "2024" / "01" / "01" / "p.html")

    shown = build()
    assert "<sos>" not in shown and "So if we have , I and am tokens" in shown
    assert "git checkout <branch> in code" in shown and "or git checkout in the text" in shown
    assert "List and too" in shown and "<sos/start> is no tag" in shown and "Press Ctrl , see and this ." in shown
    assert main(["check", "--select", "markup", "--fix"]) == 0
    capsys.readouterr()
    shown = build()
    for written in ("So if we have <sos>, I", "or git checkout <branch> in the text", "List<T> and <happy noises> too",
                    "<algorithm> The block after it."):
        assert written in shown, written


def test_an_html_post_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Jekyll does not convert a `.html` post; `markdown_ext` names the ones it does."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\nmarkdown_ext: MD\n", encoding="utf-8")
    for name in ("2024-01-01-a.html", "2024-01-02-b.md", "2024-01-03-c.markdown"):
        (site / "_posts" / name).write_text("---\ntitle: t\n---\nA <sos> token.\n", encoding="utf-8")
    monkeypatch.chdir(site)
    main(["check", "--select", "markup", "--format", "json", "_posts"])
    assert [Path(d["path"]).name for d in json.loads(capsys.readouterr().out)["diagnostics"]] == ["2024-01-02-b.md"]


def test_on_the_corpus_each_finding_is_hidden_by_the_page(corpus_dir: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Six findings, all in the seed blog (`<sos>`, `gds.<algorithm>`, `<happy noises>`,
    a prompt's `<extract ... here>`), none in the other three; Jekyll's page of each
    post has the tag as a tag, so its words are not shown."""
    found: dict[str, list[dict[str, object]]] = {}
    for blog in sorted(p for p in corpus_dir.iterdir() if (p / "_posts").is_dir()):
        monkeypatch.chdir(blog)
        main(["check", "--select", "BC601", "--format", "json"])
        for d in json.loads(capsys.readouterr().out)["diagnostics"]:
            found.setdefault(f"{blog.name}/{d['path']}", []).append(d)
    seed = "ivanstudyblog__ivanstudyblog.github.io/_posts/"
    assert sorted(found) == [seed + name for name in ("2024-10-05-day-278.md", "2024-2-16-day-46.md",
                                                      "2024-2-17-day-47.md", "2024-3-23-day-82.md")]
    assert sum(map(len, found.values())) == 6
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\nmarkdown: kramdown\n", encoding="utf-8")
    for name in found:
        text = (corpus_dir / name).read_text(encoding="utf-8")
        (site / "_posts" / Path(name).name).write_text(text.replace("layout: post", "layout: none", 1),
                                                       encoding="utf-8")
    done = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    pages = list((site / "_site").rglob("*.html"))
    shown = " ".join(_visible(page) for page in pages)
    raw = " ".join(page.read_text(encoding="utf-8") for page in pages)
    for diagnostics in found.values():
        for d in diagnostics:
            tag = str(d["message"]).split("`")[1]
            element = "<" + tag[1:].split()[0].rstrip(">")  # kramdown rewrites `<happy noises>` as an element
            assert element in raw and tag not in shown, tag


LINKS = """A [spaced] (https://example.org/a) link, a (reversed)[https://example.org/b] one,
and I covered [this(https://example.org/c/1986175] *amazing* course.

Not these: a list [1, 2] (see https://example.org/e), `[code] (https://example.org/f)` and [fine](/g).
"""


def test_text_written_like_a_link_becomes_one_with_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """BC602 against Jekyll: each reported one is text on the page; after `--fix` a link."""
    site, found = _checked(tmp_path, LINKS, monkeypatch, capsys)
    assert [(d["line"], d["column"], d["code"], d["url"]) for d in found] == [
        (4, 3, "BC602", "https://example.org/a"), (4, 44, "BC602", "https://example.org/b"),
        (5, 15, "BC602", "https://example.org/c/1986175"),
        (7, 31, "BC611", "https://example.org/e")]  # a bare URL: text on the page too (BC611)

    def links() -> list[str]:
        done = subprocess.run(["jekyll", "build"], capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        page = (site / "_site" / "2024" / "01" / "01" / "p.html").read_text(encoding="utf-8")
        return re.findall(r'<a href="([^"]+)">', page)

    assert links() == ["/g"]
    assert main(["check", "--select", "markup", "--fix"]) == 0
    capsys.readouterr()
    assert links() == ["https://example.org/a", "https://example.org/b", "https://example.org/c/1986175",
                       "https://example.org/e", "/g"]


BOLD = """**How do we train such a model? **

Next, **Chapter 4: Classification ** and **Chapter 8 **, too.

Not these: **bold**, **a** **b**, a ** b, `**code **`.

Nor 2**3 in a sum.
"""


def test_a_closing_star_pair_after_a_space_shows_and_fix_makes_bold(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC606 against Jekyll: each reported `**` shows on the page; after `--fix` the
    text is bold and no `**` is left but the ones written on purpose."""
    site, found = _checked(tmp_path, BOLD, monkeypatch, capsys)
    assert [(d["line"], d["column"], d["code"], d["severity"]) for d in found] == [
        (4, 32, "BC606", "warning"), (6, 34, "BC606", "warning"), (6, 53, "BC606", "warning")]
    assert found[1]["fix"] == [[6, 34, " **", "**"]]
    before = built_post(site)
    assert "**How do we train such a model? **" in before and before.count("<strong>") == 3  # bold, a, b
    assert main(["check", "--select", "BC606", "--fix"]) == 0
    capsys.readouterr()
    after = built_post(site)
    assert "<strong>How do we train such a model?</strong>" in after and after.count("<strong>") == 6
    assert "<strong>Chapter 4: Classification</strong> and <strong>Chapter 8</strong>, too" in after
    assert "a ** b" in after and "Nor 2**3 in a sum." in after


OPTIONS = """To run it: python starter.py --year 2024 --month 3, then mlflow ui.

Not these: `python starter.py --year 2024`, a -- b, well--known, and:

{% highlight shell %}
$ gem install jekyll --pre
git checkout <branch>
**a **
{% endhighlight %}

{% comment %}
run --foo and <sos> and **b **
{% endcomment %}
"""


def test_an_option_in_the_text_shows_an_en_dash_and_fix_keeps_its_dashes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC607 against Jekyll: each reported `--option` has an en dash on the page, and two
    dashes after `--fix`. Nothing in a highlight or comment block is reported, by any
    markup code: code there, and text Liquid drops."""
    site, found = _checked(tmp_path, OPTIONS, monkeypatch, capsys)
    assert [(d["line"], d["column"], d["code"]) for d in found] == [(4, 30, "BC607"), (4, 42, "BC607")]
    before = page_text(built_post(site))
    assert "python starter.py \u2013year 2024 \u2013month 3" in before and "jekyll --pre" in before
    assert main(["check", "--select", "BC607", "--fix"]) == 0
    capsys.readouterr()
    after = page_text(built_post(site))
    assert "python starter.py --year 2024 --month 3" in after and "a \u2013 b" in after


def test_an_option_in_an_autolink_is_part_of_its_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Node.js's docs link `<https://nodejs.org/api/cli.html#--watch>`: the URL and the link's
    text keep both dashes on the page, so no BC607 (whose fix would have broken the URL).
    A bare URL is no link to kramdown, which makes its `--` a dash like any text's: BC607,
    as is `run with --watch`."""
    body = "See <https://nodejs.org/api/cli.html#--watch> and https://x.org/#--run, or run with --watch.\n"
    site, found = _checked(tmp_path, body, monkeypatch, capsys)
    assert [(d["code"], d["column"]) for d in found] == [("BC611", 51), ("BC607", 66), ("BC607", 85)]
    page = built_post(site)
    assert 'href="https://nodejs.org/api/cli.html#--watch">https://nodejs.org/api/cli.html#--watch</a>' in page
    assert "https://x.org/#\u2013run" in page_text(page) and "run with \u2013watch" in page_text(page)


def test_a_bare_url_is_text_on_the_page_and_fix_makes_it_a_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC611 against Jekyll: kramdown makes no link of a bare URL (the preview does); `--fix`
    writes `<URL>`, an autolink both read. Not for a URL in code, in a link's text, or in
    an autolink, nor one BC602 reports (`[this] (https://...)`)."""
    body = ("See https://github.com/ruby/rss for more, a lecture (https://youtu.be/abc?list=X).\n\n"
            "`https://in.code/x` and [https://as.text](https://target.org) and <https://auto.link/>.\n\n"
            "I covered [this] (https://academy.astronomer.io/course) free course.\n")
    site, found = _checked(tmp_path, body, monkeypatch, capsys)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("BC611", 4, 5), ("BC611", 4, 54),
                                                                     ("BC602", 8, 11)]
    before = built_post(site)
    assert "See https://github.com/ruby/rss for more" in before and 'href="https://github.com/ruby/rss"' not in before
    assert main(["check", "--select", "BC611", "--fix"]) == 0
    capsys.readouterr()
    after = built_post(site)
    assert '<a href="https://github.com/ruby/rss">https://github.com/ruby/rss</a> for more' in after
    assert '(<a href="https://youtu.be/abc?list=X">https://youtu.be/abc?list=X</a>).' in after


def test_no_bare_url_is_made_of_liquid_left_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A `{%` typed into an image URL (a mutation fuzz wrote one) runs to the next `%}`: to
    Liquid, the tag `3bbc85` (its name is the word characters it starts with), unknown, so
    the build stops. blogcheck says so (BC506, with Liquid's name), and finds no bare URL
    in the text hidden under that tag: BC611 was reported there, with a fix that did not apply."""
    body = ("Text before.\n\n![image](https://github.com/user-attachments/assets/a9{%3bbc85-5707-41df)\n"
            "![image](https://github.com/user-attachments/assets/879c0bc6-7d05)\n\n[c]({% post_url appended %})\n")
    site = one_post_site(tmp_path / "site", body)
    monkeypatch.chdir(site)
    main(["check", "--offline", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["code"], d["column"]) for d in found] == [("BC506", 55)], found
    assert "Unknown tag '3bbc85'" in found[0]["message"]
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300,
                           check=False)
    assert build.returncode != 0 and "Unknown tag '3bbc85'" in build.stderr, build.stderr[-2000:]


def test_a_bare_url_with_a_placeholder_is_a_form_not_a_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`https://cran.r-project.org/package=PACKAGE_NAME` (daattali) is a form to fill in: made a
    link by `--fix`, it was a link to no page (a fix differential on the corpus showed it). No
    BC611 for it, nor for `USERNAME`, `YOUR_API_KEY` or `{id}`; a real page's URL with an
    upper-case word (`HTTP_404`) is still one."""
    body = ("Install from https://cran.r-project.org/package=PACKAGE_NAME or https://github.com/USERNAME/repo,\n"
            "call https://api.example.com/v1/{id}?key=YOUR_API_KEY, and read https://en.wikipedia.org/wiki/HTTP_404.\n")
    site = one_post_site(tmp_path / "site", body)
    monkeypatch.chdir(site)
    main(["check", "--offline", "--select", "BC611", "--format", "json"])
    found = [d["url"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == ["https://en.wikipedia.org/wiki/HTTP_404"], found
    page = built_post(site)
    assert "https://cran.r-project.org/package=PACKAGE_NAME or" in page_text(page)  # text on the page, as written


ANGLES = """Use cout >> x and cin << y, and cat <<EOF.

| prompt | said |
|---|---|
| >>> Choi <<< | x |

Entity &gt;&gt; and `a << b` and \\<< stay. Press **<<** to go back.

$$ a << b $$
"""


def test_double_angles_in_the_text_show_as_guillemets_and_fix_keeps_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC612 against Jekyll (a GFM-vs-kramdown audit): kramdown makes `<<` and `>>` in the
    text `«` and `»` (the preview keeps them); an entity, code, an escape and math keep
    theirs. After `--fix` the page shows each as typed."""
    site, found = _checked(tmp_path, ANGLES, monkeypatch, capsys)
    assert [(d["line"], d["column"]) for d in found if d["code"] == "BC612"] == [
        (4, 10), (4, 23), (4, 37), (8, 3), (8, 12), (10, 52)]
    before = page_text(built_post(site)).replace("\u00a0", " ")  # kramdown's `<< ` is `«` and a no-break space
    assert "cout \u00bb x and cin \u00ab y, and cat \u00abEOF" in before and "\u00bb> Choi \u00ab<" in before
    assert main(["check", "--select", "BC612", "--fix"]) == 0
    capsys.readouterr()
    after = page_text(built_post(site))
    assert "cout >> x and cin << y, and cat <<EOF" in after and ">>> Choi <<<" in after
    assert "\u00ab" not in after and "\u00bb" not in after and "Entity >> and a << b and << stay" in after


FENCES = """Text.

```python title="a.py"
x = 1
```

```js {linenos=true}
y()
```

- item

  ~~~ruby title="b.rb"
  z
  ~~~

```{r}
fine
```

``` python
fine too
```
"""


def test_a_fence_with_words_after_its_language_is_no_code_block_and_fix_makes_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC613 against Jekyll (a GFM-vs-kramdown audit): kramdown takes no fence with words
    after its language (Hugo's `title="a.py"`, `{linenos=true}`), and shows the code as one
    line of inline code; `{r}` and a space before the language are fine. After `--fix`
    each is a code block."""
    site, found = _checked(tmp_path, FENCES, monkeypatch, capsys)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("BC613", 6, 4), ("BC613", 10, 4),
                                                                   ("BC613", 16, 6)]
    before = built_post(site)
    assert "```python title=" in before and "~~~ruby title=" in before  # the fences show as text
    assert main(["check", "--select", "BC613", "--fix"]) == 0
    capsys.readouterr()
    page = built_post(site)
    assert page.count("<pre") == 5 and "title" not in page


SHIFTED = """- Install:

    ```python
    if x:
        y()
    ```

1. Step:

    ```python
    if x:
        y()
    ```

Top:

  ```python
  if x:
      y()
  ```

- Fine:

  ```python
  if x:
      y()
  ```
"""


def test_a_fence_indented_past_its_text_shifts_its_code_and_fix_aligns_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC614 against Jekyll (a GFM-vs-kramdown audit): kramdown keeps a fence's own
    indentation on each line of its code (the preview takes it off), so the Python
    reads `  if x:`; after `--fix` each block starts with `if x:`, as the preview shows."""
    site, found = _checked(tmp_path, SHIFTED, monkeypatch, capsys)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("BC614", 6, 3), ("BC614", 13, 4),
                                                                   ("BC614", 20, 1)]

    def code(page: str) -> list[str]:
        return [page_text(block) for block in re.findall(r"<code>(.*?)</code>", page, re.S)]

    assert code(built_post(site)) == ["  if x:\n      y()\n", " if x:\n     y()\n", "  if x:\n      y()\n",
                                      "if x:\n    y()\n"]
    assert main(["check", "--select", "BC614", "--fix"]) == 0
    capsys.readouterr()
    assert code(built_post(site)) == ["if x:\n    y()\n"] * 4


def test_an_indented_heading_and_a_fence_never_closed_show_as_text_and_fix_makes_blocks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC616 and BC615 against Jekyll (a GFM-vs-kramdown audit): kramdown takes a heading only
    with its `#` at the line's start (CommonMark allows 3 spaces), and no fence never closed
    (CommonMark ends it with the post); an indented code block of `## ...` is no heading."""
    body = " ## Title\n\nText.\n\n   # Top\n\n    ## code, not a heading\n\n```python\nx = 1\ny = 2\n"
    site, found = _checked(tmp_path, body, monkeypatch, capsys)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("BC616", 4, 1), ("BC616", 8, 1),
                                                                   ("BC615", 12, 1)]
    before = built_post(site)
    assert "<p>## Title</p>" in before and "<p># Top</p>" in before and "<p>```python" in before
    assert main(["check", "--select", "BC615,BC616", "--fix"]) == 0
    capsys.readouterr()
    after = built_post(site)
    assert '<h2 id="title">Title</h2>' in after and '<h1 id="top">Top</h1>' in after and "```" not in after
    assert after.count("<pre") == 2
    assert _checked(tmp_path / "again", (site / "_posts" / "2024-01-01-p.md").read_text(encoding="utf-8")
                    .split("---\n", 2)[2], monkeypatch, capsys)[1] == []


def test_a_heading_rule_or_fence_right_under_a_list_joins_its_last_item_and_fix_parts_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC617 against Jekyll (a GFM-vs-kramdown audit): with no blank line, kramdown takes a
    heading under a list into the last item, makes `---` under an item its heading, and takes
    a fence in too, less the item's indentation on each code line (the seed blog's Python lost 3
    spaces); the preview ends the list. After `--fix` (a blank line) both render alike."""
    body = ("- a\n- b\n## Heading\n\nText.\n\n1. one\n2. two\n### Next\n\n- item\n---\n\n- x\n\n## Fine\n\n"
            "1. There is this\n```python\nif x:\n        y()\n```\n")
    site, found = _checked(tmp_path, body, monkeypatch, capsys)
    assert [(d["code"], d["line"]) for d in found] == [("BC617", 6), ("BC617", 12), ("BC617", 15), ("BC617", 22)]
    page = built_post(site)
    before = " ".join(page.split())
    assert '<li>b <h2 id="heading">Heading</h2> </li>' in before and '<li> <h2 id="item">item</h2> </li>' in before
    assert re.sub(r"<[^>]+>", "", re.findall(r"<code>(.*?)</code>", page, re.S)[0]) == "if x:\n     y()\n"
    assert main(["check", "--select", "BC617", "--fix"]) == 0
    capsys.readouterr()
    after = " ".join(built_post(site).split())
    assert '</ul> <h2 id="heading">Heading</h2>' in after and '</ol> <h3 id="next">Next</h3>' in after
    assert "<li>item</li> </ul> <hr />" in after
    code = re.findall(r"<code>(.*?)</code>", built_post(site), re.S)[0]
    assert re.sub(r"<[^>]+>", "", code) == "if x:\n        y()\n"


def test_a_blank_of_underscores_is_emphasis_to_kramdown_and_fix_shows_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC618 against Jekyll (a GFM-vs-kramdown audit: the seed blog's `small is to ____?`):
    kramdown reads a run of 4 (or of 6 and more) `_` or `*` standing alone as emphasis; one of
    5, or one inside a word, shows as typed. After `--fix` each shows as typed."""
    body = ("Big is to bigger as small is to ____?\n\nName: ______\n\nStars ****.\n\nFine: _____ here.\n\n"
            "Fine: a____b and `____`.\n")
    site, found = _checked(tmp_path, body, monkeypatch, capsys)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("BC618", 4, 33), ("BC618", 6, 7),
                                                                   ("BC618", 8, 7)]
    before = built_post(site)
    assert "<em>__</em>?" in before and "<strong>__</strong>" in before and "<em>**</em>" in before
    assert "Fine: _____ here." in before and "Fine: a____b" in before
    assert main(["check", "--select", "BC618", "--fix"]) == 0
    capsys.readouterr()
    after = built_post(site)
    assert "small is to ____?" in after and "Name: ______" in after and "Stars ****." in after
    assert "<em>" not in after and "<strong>" not in after


def test_an_emoji_shortcode_shows_as_typed_without_jemoji_and_fix_writes_the_emoji(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC619 against Jekyll (a GFM-vs-kramdown audit: the seed blog's table of :x: and
    :heavy_check_mark:): GitHub shows the emoji, a site without jemoji the word between
    colons. A time, `a:b:c`, code and a word that names no emoji are left alone; with
    jemoji in `plugins:` there is no finding."""
    body = "Done :heavy_check_mark: and :x: and :rocket:! At 10:30:00, a:b:c, `:smile:`, :notanemoji:.\n"
    site, found = _checked(tmp_path, body, monkeypatch, capsys)
    assert [(d["code"], d["column"]) for d in found] == [("BC619", 6), ("BC619", 29), ("BC619", 37)]
    assert ":rocket:" in built_post(site)
    assert main(["check", "--select", "BC619", "--fix"]) == 0
    capsys.readouterr()
    after = built_post(site)
    assert "\u2714" in after and "\u274c" in after and "\U0001f680" in after and ":notanemoji:" in after
    (site / "_posts" / "2024-01-01-p.md").write_text("---\ntitle: t\n---\n" + body, encoding="utf-8")
    (site / "_config.yml").write_text("title: t\nplugins: [jemoji]\n", encoding="utf-8")
    main(["check", "--select", "BC619", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []


def test_a_fence_whose_closer_is_a_near_miss_is_not_closed_at_the_posts_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A closer with a language (```` ```python ````, a pasted opener) closes nothing, to kramdown
    as to CommonMark: BC615 names that line, and `--fix` appends no fence at the post's end,
    which made the heading and text after it code (a markup audit, checked with jekyll build).
    A shorter bare closer under a four-tick opener does close it to kramdown (its pattern
    backtracks): no BC615 there."""
    tail = "\n\n## Next section\n\nText after with *emphasis*.\n"
    site, found = _checked(tmp_path, "```python\nx = 1\n```python" + tail, monkeypatch, capsys)
    assert [(d["code"], d["line"], "fix" in d) for d in found] == [("BC615", 4, False)]
    assert found[0]["hint"].startswith("line 6, `` ```python ``, is no closing fence")
    assert main(["check", "--select", "BC615", "--fix"]) == 1
    capsys.readouterr()
    page = built_post(site)
    assert '<h2 id="next-section">Next section</h2>' in page and "<em>emphasis</em>" in page
    longer, found = _checked(tmp_path / "longer", "````python\nx = 1\n```" + tail, monkeypatch, capsys)
    assert found == []
    page = built_post(longer)
    assert "<pre" in page and "x = 1" in page and '<h2 id="next-section">' in page


def test_a_fence_in_a_list_item_holding_liquid_over_several_lines_is_closed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`{{` ... `}}` over three lines inside a fenced block of item 1: the tag's later lines keep
    their indentation in the mask (as `xxxxx` at column 0 they ended the item, and the fence's
    closer was taken for an unclosed opener: a false BC615 error, and `--fix` put a stray fence
    on the page; a markup audit). Jekyll builds one list of two items, the code inside item 1."""
    body = ("1. When we have the original answer:\n\n   ```\n   Reply in JSON:\n   {{\n     \"Relevance\": \"R\"\n"
            "   }}\n   ```\n\n2. When we evaluate online\n")
    site, found = _checked(tmp_path, body, monkeypatch, capsys)
    assert found == []
    page = " ".join(built_post(site).split())
    assert page.count("<li>") == 2 and page.index("<pre") < page.index("When we evaluate online") and "```" not in page


def test_a_tag_inside_an_html_block_kramdown_keeps_raw_is_fixed_with_an_entity(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`<div>Use git checkout <branch> now.</div>`: kramdown keeps the block as HTML, where
    `\\<` shows its backslash and hides the tag all the same (each `--fix` added one more;
    a markup audit). The fix writes `&lt;`, as BC609's hint says, and the page is right."""
    site, found = _checked(tmp_path, "<div>Use git checkout <branch> now.</div>\n\n## Next\n\nSome **bold** text.\n",
                           monkeypatch, capsys)
    assert [(d["code"], d.get("fix")) for d in found] == [("BC601", [[4, 23, "<", "&lt;"]]), ("BC609", None)]
    main(["check", "--select", "markup", "--fix"])
    capsys.readouterr()
    page = built_post(site)
    assert "Use git checkout &lt;branch&gt; now.</div>" in page and '<h2 id="next">Next</h2>' in page
    assert _checked(tmp_path / "again", (site / "_posts" / "2024-01-01-p.md").read_text(encoding="utf-8")
                    .split("---\n", 2)[2], monkeypatch, capsys)[1] == []


def test_a_tab_after_the_number_puts_the_items_text_at_the_next_tab_stop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`1.<tab>Step one`: kramdown's item text starts at column 4, so BC605's fix indents the
    image between the items by 4 (by 3 the lists stayed apart, and the re-check called the
    post fine; a markup audit). After the fix Jekyll builds one list of two items."""
    site, found = _checked(tmp_path, "1.\tStep one\n\n![img](x.png)\n\n2.\tStep two\n\nAfter.\n", monkeypatch, capsys)
    assert [(d["code"], d.get("fix")) for d in found] == [("BC605", [[6, 1, "", "    "]])]
    main(["check", "--select", "markup", "--fix"])
    capsys.readouterr()
    page = " ".join(built_post(site).split())
    assert page.count("<ol>") == 1 and page.count("<li>") == 2 and page.index("x.png") < page.index("Step two")


def test_placeholders_named_like_svg_or_form_elements_are_hidden_and_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`<path>`, `<pattern>`, `<mask>`, `<image>` are elements inside `<svg>` only: in text they
    hide like any made-up tag; a bare `<input>` draws a text box, `<output>` and `<source>` hide
    (a markup audit: 7 of 9 such placeholders passed). With attributes, `<input type=...>` is
    meant; in a post that draws an `<svg>`, its own `<path>` is one."""
    body = ("Usage: python convert.py <input> <output>\n\nCopy with cp <source> <dest>, add with git add <path>.\n\n"
            "Give the model an <image> token and a <mask> token, grep <pattern>.\n\n"
            'A field: <input type="text" name="q">\n')
    site, found = _checked(tmp_path, body, monkeypatch, capsys)
    assert [(d["code"], d["line"]) for d in found] == [("BC601", 4)] * 2 + [("BC601", 6)] * 3 + [("BC601", 8)] * 3
    assert "the page shows an empty text box in its place" in str(found[0]["message"])
    page = built_post(site)
    assert "<input />" in page and "<mask>" in page and "&lt;" not in page  # hidden or drawn, as reported
    main(["check", "--select", "markup", "--fix"])
    capsys.readouterr()
    page = built_post(site)
    assert all(f"&lt;{name}&gt;" in page for name in ("input", "output", "source", "path", "image", "mask", "pattern"))
    assert '<input type="text" name="q" />' in page
    drawing = '<svg width="10" height="10"><path d="M0 0L10 10"/></svg> and <mask> too\n'
    assert [d["message"].split("`")[1] for d in _checked(tmp_path / "svg", drawing, monkeypatch, capsys)[1]] == []


@pytest.mark.parametrize(("kramdown", "dashed"), [("{}", True), ("{gfm_quirks: [paragraph_end, no_auto_typographic]}",
                                                                 False),
                                                  ("{gfm_quirks: 'paragraph_end,no_auto_typographic'}", False),
                                                  ("{input: kramdown, gfm_quirks: [no_auto_typographic]}", True)])
def test_no_auto_typographic_keeps_dashes_and_angles_as_typed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kramdown: str,
        dashed: bool) -> None:
    """`kramdown: {gfm_quirks: [no_auto_typographic]}` keeps `--` and `>>` as typed on a GFM site
    (checked with jekyll build): BC607 and BC612 were false alarms there (a markup audit). The
    quirk is the GFM parser's; `input: kramdown` still makes dashes. A run of `____` is
    emphasis either way (BC618 stays)."""
    site = one_post_site(tmp_path / "site", "Run a.py --year 2024 and cin >> x, fill ____ in.\n",
                         config=f"title: t\nmarkdown: kramdown\nkramdown: {kramdown}\n")
    monkeypatch.chdir(site)
    main(["check", "--select", "markup", "--format", "json"])
    found = sorted(d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"])
    assert found == (["BC607", "BC612", "BC618"] if dashed else ["BC618"])
    page = built_post(site)
    assert ("\u2013year" in page and "»" in page) is dashed and ("--year" in page) is not dashed


def test_a_made_up_tag_starting_a_line_says_the_rest_of_the_post_is_raw(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """kramdown starts an HTML block at a tag that starts a line, mid-paragraph too: with no end
    tag, the heading and emphasis after it show as typed (checked with jekyll build). BC601 said
    only "nothing in its place" (a markup audit); a tag inside the line says no more than that."""
    site, found = _checked(tmp_path, "First line\n<sos> and <eos> are tokens.\n\n## Heading\n\nText *em*.\n",
                           monkeypatch, capsys)
    assert [(d["code"], d["line"], "rest of the post" in str(d["message"])) for d in found] == [
        ("BC601", 5, True), ("BC601", 5, False)]
    assert "## Heading" in built_post(site)


def test_a_fence_left_open_in_a_list_item_or_a_quote_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The preview closes a fence with its list item or quote and shows code; kramdown takes no
    code block, and the page shows the fence as text (checked with jekyll build; a markup audit:
    no finding). Closed ones, in both, are fine; no fix is offered (where the code ends is the
    writer's to say)."""
    open_ = "1. Install it:\n   ```bash\n   pip install x\n2. Run it\n\n> Example:\n> ```python\n> x = 1\n\nText.\n"
    site, found = _checked(tmp_path, open_, monkeypatch, capsys)
    assert [(d["code"], d["line"], d["column"], "fix" in d) for d in found] == [("BC615", 5, 4, False),
                                                                               ("BC615", 10, 3, False)]
    page = built_post(site)
    assert "```bash" in page and "```python" in page and "<pre" not in page
    closed = "1. Install it:\n   ```bash\n   pip install x\n   ```\n2. Run it\n\n> ```python\n> x = 1\n> ```\n"
    site, found = _checked(tmp_path / "closed", closed, monkeypatch, capsys)
    assert found == [] and built_post(site).count("<pre") == 2


def test_a_list_starting_at_zero_is_renumbered_from_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`0. Prerequisites`: the preview starts at 0, kramdown at 1 (checked with jekyll build; a
    markup audit: 0 was read as "no start", so no finding)."""
    site, found = _checked(tmp_path, "0. Prerequisites\n1. Install\n2. Run\n", monkeypatch, capsys)
    assert [(d["code"], d["line"], str(d["message"]).startswith("item `0.` shows as `1.`")) for d in found] == [
        ("BC605", 4, True)]
    assert "<ol>" in built_post(site)  # no `start`: numbered from 1


def test_a_star_rule_or_a_quote_right_under_a_list_joins_its_last_item(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`***` (or `___`) and `> quote` with no blank line under a list: kramdown keeps them in the
    last item, `***` as text, the quote nested (checked with jekyll build; a markup audit: only
    `---`, headings and fences were looked at). After `--fix` both render as the preview shows."""
    body = "- first\n- second\n***\n\nNext.\n\n1. third\n2. fourth\n> A quoted note.\n\n- x\n___\n\nEnd.\n"
    site, found = _checked(tmp_path, body, monkeypatch, capsys)
    assert [(d["code"], d["line"]) for d in found] == [("BC617", 6), ("BC617", 12), ("BC617", 15)]
    assert "`***` is text at the end of the item" in str(found[0]["message"])
    before = " ".join(built_post(site).split())
    assert "<li>second ***</li>" in before and "<hr />" not in before
    main(["check", "--select", "BC617", "--fix"])
    capsys.readouterr()
    after = " ".join(built_post(site).split())
    assert after.count("<hr />") == 2 and "</ol> <blockquote>" in after


def test_a_line_a_fix_adds_to_a_crlf_post_ends_in_crlf(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """BC617's blank line and BC615's closing fence in a post with CRLF line ends: each added
    line ends in CRLF too (a markup audit: a bare LF, so the post had mixed line ends)."""
    site = one_post_site(tmp_path / "site", "")
    post = site / "_posts" / "2024-01-01-p.md"
    post.write_bytes(b"---\r\ntitle: t\r\n---\r\n- a\r\n- b\r\n## Head\r\n\r\n```python\r\nx = 1\r\n")
    monkeypatch.chdir(site)
    main(["check", "--select", "markup", "--format", "json"])
    assert sorted(d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]) == ["BC615", "BC617"]
    main(["check", "--select", "markup", "--fix"])
    capsys.readouterr()
    raw = (site / "_posts" / "2024-01-01-p.md").read_bytes()
    assert raw.endswith(b"x = 1\r\n```\r\n") and b"- b\r\n\r\n## Head" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_a_pipe_in_an_inline_raw_block_makes_a_table_and_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`{% raw %}{{ page.title | upcase }}{% endraw %}` on one line prints its text as written,
    so kramdown sees the `|` and makes the paragraph a table (checked with jekyll build; a
    markup audit: the line was taken as unknown). `--fix`'s `\\|` shows a `|` and no table."""
    body = "To shout the title, write {% raw %}{{ page.title | upcase }}{% endraw %} in the layout.\n"
    site, found = _checked(tmp_path, body, monkeypatch, capsys)
    assert [(d["code"], d["line"]) for d in found] == [("BC603", 4)]
    assert "<table" in built_post(site)
    main(["check", "--select", "markup", "--fix"])
    capsys.readouterr()
    page = built_post(site)
    assert "<table" not in page and "{{ page.title | upcase }}" in page
