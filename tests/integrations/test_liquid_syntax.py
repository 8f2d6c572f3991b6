"""BC505 against the Liquid that Jekyll runs: `blogcheck.jekyll.liquid_syntax` must
find exactly the texts that Liquid refuses to parse, with Liquid's own message.

The oracle is `liquid_oracle.rb`: the local `jekyll` package's Liquid (5.4 on
Debian; GitHub Pages runs 4.0, which agrees on every rule here) with Jekyll's tags.
Texts are drawn from fragments of Liquid, broken Liquid and code that looks like it
(`{{1, 2}, {3, 4}}`), with a fixed seed; a whole post of the corpus is a text too.
Left out: Liquid 5's `{% # note %}` comment, `echo`, `render` and `liquid`, where the
two versions differ."""

from __future__ import annotations

import html
import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.jekyll.liquid_syntax import first_error

ORACLE = Path(__file__).with_name("liquid_oracle.rb")
FRAGMENTS = [
    "a ", "\n", "x = 1; ", "{{ x }}", "{{- x -}}", "{{x}", "{{", "}}", "}", "{", "%}", "{%", "{% %}",
    "{{a: 1}, {b: 2}}", "{{ y | upcase }}", "{% if x %}", "{% if %}", "{% elsif y %}", "{% elsif %}", "{% else %}",
    "{% endif %}", "{% unless x %}", "{% endunless %}", "{% for i in items %}", "{% for i %}", "{% endfor %}",
    "{% break %}",
    "{% case x %}", "{% when 1 %}", "{% when %}", "{% endcase %}", "{% capture c %}", "{% capture %}",
    "{% endcapture %}", "{% assign a = 1 %}", "{% assign a %}", "{% raw %}", "{%- raw -%}", "{% raw x %}",
    "{% endraw %}", "{%- endraw -%}", "{% comment %}", "{% endcomment %}", "{% highlight ruby %}",
    "{% highlight %}", "{% highlight ruby linenos %}", "{% endhighlight %}", "{% cycle 'a', 'b' %}", "{% cycle %}",
    "{% tablerow t in items %}", "{% tablerow t %}", "{% endtablerow %}", "{% ifchanged %}", "{% endifchanged %}",
    "{% increment n %}", "{% endfoo %}", "{% figure %}", "{% endfigure %}", "{% gist 1 %}", "{% end %}",
    "{% include a.html %}", "{% link _posts/x.md %}", "{% else x %}", "{% when 1 or 2 %}",
    "{% for i in (1..3) reversed %}", "{% if a == 'b' and c %}", "{% raw %}{{ x }{% endraw %}", "{%- if x -%}",
    "{% if a and %}", "{% if and a %}", "{% if a b %}", "{% if a and b or %}", "{% if , %}", "{% if a and or b %}",
    "{% unless a or %}", "{% elsif and b %}", "{% if a xor b %}", "{% if a == %}",
]


PAIRS = [("{% if x %}", "{% endif %}"), ("{% unless x %}", "{% endunless %}"),
         ("{% for i in items %}", "{% endfor %}"), ("{% case x %}{% when 1 %}", "{% endcase %}"),
         ("{% capture c %}", "{% endcapture %}"), ("{% raw %}", "{% endraw %}"), ("{% comment %}", "{% endcomment %}"),
         ("{% highlight js %}", "{% endhighlight %}"),
         ("{% tablerow t in items %}", "{% endtablerow %}"), ("{% figure %}", "{% endfigure %}")]
PLAIN = ["a ", "\n", "{{ x }}", "{{- x | size -}}", "{% assign a = 1 %}", "{% else %}", "{% elsif y %}", "x = {a: 1}; "]


def _text(draw: random.Random, depth: int = 0) -> str:
    """Well-formed Liquid, nested, then maybe one fragment put in at a random place."""
    parts = []
    for _ in range(draw.randint(1, 4)):
        if depth < 3 and draw.random() < 0.4:
            opener, closer = draw.choice(PAIRS)
            parts.append(opener + _text(draw, depth + 1) + closer)
        else:
            parts.append(draw.choice(PLAIN))
    text = "".join(parts)
    if depth == 0 and draw.random() < 0.6:
        at = draw.randint(0, len(text))
        text = text[:at] + draw.choice(FRAGMENTS) + text[at:]
    return text


def _oracle(texts: list[str], mode: str = "warn") -> list[str]:
    assert shutil.which("ruby") and shutil.which("jekyll"), ".ci/run installs jekyll (and with it ruby)"
    done = subprocess.run(["ruby", str(ORACLE), mode], input="\0".join(texts), capture_output=True, text=True,
                          timeout=300, check=True)
    lines = done.stdout.splitlines()
    assert len(lines) == len(texts), done.stderr
    return lines


def _agree(text: str, said: str, strict: bool = False) -> bool:
    error = first_error(text, strict)
    if error is None:
        return said == "OK"
    if error.message.startswith("Syntax Error in tag 'highlight'"):  # Jekyll's own words
        return said.startswith("ERR Syntax Error in tag 'highlight' while parsing the following markup")
    return said.startswith(f"ERR Liquid syntax error: {error.message.splitlines()[0]}")


def test_the_first_error_is_liquids_on_drawn_texts() -> None:
    draw = random.Random(505)
    texts = ["".join(draw.choice(FRAGMENTS) for _ in range(draw.randint(1, 7))) for _ in range(1000)]
    texts += [_text(draw) for _ in range(2000)]
    said = _oracle(texts)
    pairs = zip(texts, said, strict=True)
    wrong = [(text, answer, first_error(text)) for text, answer in pairs if not _agree(text, answer)]
    assert wrong == []
    assert 600 < sum(answer == "OK" for answer in said) < 2400  # both verdicts are well tried


def test_the_corpus_parses_as_liquid_parses_it(corpus_dir: Path) -> None:
    """Every post of the four blogs, whole: the sites build, and so no error is found."""
    from blogcheck.parse.split import split

    bodies = [split(post.read_text(encoding="utf-8", errors="replace")).body
              for post in sorted(corpus_dir.glob("*/_posts/**/*.*"))]
    said = _oracle(bodies)
    assert len(bodies) == 1512
    pairs = enumerate(zip(bodies, said, strict=True))
    assert [(i, answer) for i, (body, answer) in pairs if not _agree(body, answer)] == []
    assert set(said) == {"OK"}


def test_jekyll_stops_where_bc505_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A C array in a code sample stops the build; `--fix` wraps it in raw and the
    page shows it as written. The `if` left open in the text after it is reported
    at once: Liquid would stop at the code first, but the code's fix is known."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\nmarkdown: kramdown\n", encoding="utf-8")
    post = site / "_posts" / "2024-01-01-c.md"
    post.write_text("---\ntitle: t\n---\n```cpp\nint a[2][2] = {{1, 2}, {3, 4}};\n```\n\nThen {% if x %} more.\n",
                    encoding="utf-8")
    monkeypatch.chdir(site)

    def findings() -> list[tuple[int, int, str, str]]:
        main(["check", "--select", "liquid", "--format", "json"])
        return [(d["line"], d["column"], d["code"], d["message"])
                for d in json.loads(capsys.readouterr().out)["diagnostics"]]

    def build() -> str:
        done = subprocess.run(["jekyll", "build"], capture_output=True, text=True, timeout=300, check=False)
        return "" if done.returncode == 0 else done.stdout + done.stderr

    never_closed = (8, 6, "BC505",
                    "`{% if x %}` stops the Jekyll build: Liquid syntax error: 'if' tag was never closed")
    assert findings() == [(5, 15, "BC505", "`{{1, 2}` in code stops the Jekyll build: Liquid syntax error: "
                           "Variable '{{1, 2}' was not properly terminated"), never_closed]
    assert "Variable '{{1, 2}' was not properly terminated" in build()
    assert main(["check", "--select", "liquid", "--fix"]) == 1  # the code is fixed, the text is the writer's
    capsys.readouterr()
    assert findings() == [never_closed]
    assert "'if' tag was never closed" in build()
    post.write_text(post.read_text(encoding="utf-8").replace("more.", "more.{% endif %}"), encoding="utf-8")
    assert findings() == [] and build() == ""
    page = (site / "_site" / "2024" / "01" / "01" / "c.html").read_text(encoding="utf-8")
    assert "int a[2][2] = {{1, 2}, {3, 4}};" in html.unescape(re.sub(r"<[^>]*>", "", page))  # highlighted: in spans


# Markup that Liquid's default mode only warns about, and its strict mode refuses (or takes).
STRICT_FRAGMENTS = [
    "{{ page.title bar }}", "{{ .Values.x }}", "{% if (a or b) %}", "{{ a | | b }}", "{% for i in items foo:1 %}",
    "{% assign a = b c %}", "{% if a = b %}", "{{ 'a' | f: x: 1, 2 }}", "{% if a contains b %}", "{{ a[0].b }}",
    "{{ a[ }}", "{% for i in (1..n) limit: 2 %}", "{{ -3 }}", "{{ 1.5 }}", "{{ a? }}", "{% elsif a =! b %}",
    '{{ "x" | f: 1 2 }}', "{{ a.b.c | join: ', ' }}", "{% unless a and b or c %}", "{% for x in y reversed %}",
    "{{ a | f: }}", "{% if a == %}", "{{ a b }}", "{{ (1..3) }}", "{{ a.(b) }}", "{{ a-b }}", "{{ a | f: -1.5 }}",
    "{% for %}", "{% for x y %}", "{{ a.b. }}", "{{ 'x' }}", "{{ a | f: (1..2) }}", "{% if a <> b %}",
    "{% echo page.title bar %}", "{% echo a | upcase %}",
]


def test_strict_mode_refuses_what_liquids_strict_parser_refuses() -> None:
    """`liquid: error_mode: strict`: the warnings of the default mode stop the build."""
    draw = random.Random(509)
    pieces = FRAGMENTS + STRICT_FRAGMENTS * 3
    texts = ["".join(draw.choice(pieces) for _ in range(draw.randint(1, 5))) for _ in range(1500)]
    texts += [_text(draw) + draw.choice(STRICT_FRAGMENTS) + _text(draw) for _ in range(1500)]
    said = _oracle(texts, "strict")
    wrong = [(text, answer, first_error(text, True)) for text, answer in zip(texts, said, strict=True)
             if not _agree(text, answer, strict=True)]
    assert wrong == []
    assert 100 < sum(answer == "OK" for answer in said) < 2700
    lax = _oracle(texts)  # and the default mode takes many of them
    assert sum(a == "OK" and b != "OK" for a, b in zip(lax, said, strict=True)) > 150


def test_the_corpus_under_strict_mode(corpus_dir: Path) -> None:
    """Every post of the four blogs, parsed as a site with `error_mode: strict` would."""
    from blogcheck.parse.split import split

    bodies = [split(post.read_text(encoding="utf-8", errors="replace")).body
              for post in sorted(corpus_dir.glob("*/_posts/**/*.*"))]
    said = _oracle(bodies, "strict")
    pairs = enumerate(zip(bodies, said, strict=True))
    assert [(i, answer) for i, (body, answer) in pairs if not _agree(body, answer, strict=True)] == []
    assert 5 <= sum(answer != "OK" for answer in said) < 100  # a few posts stop a strict build
