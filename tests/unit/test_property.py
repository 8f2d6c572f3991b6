"""Random bytes and random YAML through discovery, parsing and every reporter:
no exception escapes, and every finding has a valid position."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from blogcheck.config import Config
from blogcheck.diagnostic import Summary
from blogcheck.jekyll.site import load_site
from blogcheck.reporters import REPORTERS, get
from blogcheck.run import run

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_YAMLISH = st.text(alphabet="-:{}[]&*!|>'\"#%@`,? \n\tabc123\r\ufeff", max_size=200)


def _check(content: bytes, name: str = "2024-01-01-post.md") -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "_config.yml").write_text("title: t\n")
        (site / "_posts").mkdir()
        post = site / "_posts" / name
        post.write_bytes(content)
        result = run([site / "_posts"], load_site(site), Config(select=("frontmatter",)))
        lines = max(1, content.count(b"\n") + 1)
        for diag in result.diagnostics:
            assert 1 <= diag.line <= lines + 1, diag
            assert diag.column >= 1, diag
        summary = Summary.of(result.files, result.diagnostics)
        for reporter in REPORTERS:
            assert isinstance(get(reporter)(result.diagnostics, summary), str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(content: bytes) -> None:
    _check(content)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_YAMLISH)
def test_random_yamlish_front_matter(text: str) -> None:
    _check(f"---\n{text}\n---\nbody\n".encode())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=12), _VALUES, max_size=6))
def test_random_yaml_documents(data: dict[str, object]) -> None:
    _check(("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\nbody\n").encode())


_SOUP = st.lists(st.sampled_from([
    "{{", "}}", "{%", "%}", "{", "}", "%", "-", " ", "\n", "\n\n", "`", "```\n", "    ", "<", ">", "</", "/>", "<sos>",
    "<kbd>", "</kbd>", "<!--", "-->", "if x", "endif", "raw", "endraw", "comment", "endcomment", "include a.html",
    "youtube x", "for i in y", "endfor", "teh", "recieve", "word", "[a](b)", "![i](x.png)", "\\", "|", "*", "#",
    "[t]", "(t)", "[", "]", "(", ")", "(https://x.y/z)", "[https://x.y/z]", "https://x.y/z", "/p",
    "[t] (https://x.y/z)", "(t)[/p]", "[t(https://x.y/z]", "```\n{{ a }}\n```\n", "`{% b %}`", "{{1, 2}, {3}}",
    "{% post_url 2024-01-01-x %}", "{% link a.md %}", "![x](/assets/a b.png)", "[l](#top)", "## Head\n",
    "{{ site.baseurl }}/x", "<img src=\"/a.png\">", "[r]: /ref\n", "{% include figure image_path=\"/x.png\" %}",
    "{% highlight ruby %}", "{% endhighlight %}", "| a | b |\n", "|---|---|\n", "P(Y|X) ", "> ", "- ", "{: .x}\n",
    "$$", "<details>\n", "1. ", "2. ", "10. ", "**x **", "__",
]), max_size=40).map("".join)


def _one_post(site: Path, body: str) -> tuple[Path, Path]:
    """A site (with a `baseurl`) holding one post of `body`; the site and the post."""
    (site / "_config.yml").write_text("title: t\nbaseurl: /blog\n")
    (site / "_posts").mkdir()
    post = site / "_posts" / "2024-01-01-post.md"
    post.write_text(f"---\ntitle: t\n---\n{body}", encoding="utf-8")
    return site, post


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SOUP)
def test_liquid_html_and_markdown_soup(body: str) -> None:
    """Bodies of Liquid, HTML, Markdown and link pieces through every check (offline): no
    exception, every position inside the file, and every fix proposed applies to the
    file as it is (its `old` text is where it says)."""
    from blogcheck.fix import plan

    with tempfile.TemporaryDirectory() as folder:
        site, post = _one_post(Path(folder), body)
        result = run([site / "_posts"], load_site(site), Config(offline=True))
        lines = post.read_text(encoding="utf-8").split("\n")
        for diag in result.diagnostics:
            assert 1 <= diag.line <= len(lines) and 1 <= diag.column <= len(lines[diag.line - 1]) + 1, diag
            if "fix" in diag.extras:
                assert plan(post, [diag]) is not None, diag


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SOUP)
@example("<!--<sos>")
@example("text <!-- <sos> --> more")
def test_fix_converges(body: str) -> None:
    """`check --fix` run again and again on the soup stops changing the post within
    three runs: no fix makes a finding that its own fix brings back (a `\\<` put before
    a tag inside an HTML comment did, each run; 1,500 draws passed once)."""
    from blogcheck.fix import apply

    with tempfile.TemporaryDirectory() as folder:
        site, post = _one_post(Path(folder), body)
        seen = []
        for _ in range(4):
            seen.append(post.read_text(encoding="utf-8"))
            apply(run([site / "_posts"], load_site(site), Config(offline=True)))
        assert seen[3] == seen[2], seen
