"""Real posts, damaged at random, through every check (offline): no exception, every
finding inside the file (`\\n` lines, as git counts them), every proposed fix where it
says. The posts are the bundled examples and, where `../shared/corpus` is (CI always
has it), a few of the corpus's; the damage is cuts, copies and inserted pieces of
Markdown, Liquid, HTML, YAML and odd characters (a lone CR among them: a mutation fuzz
found the crash that tests/unit/test_line_breaks.py now guards)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run

_ROOT = Path(__file__).resolve().parents[2]
_CORPUS = _ROOT.parent / "shared" / "corpus"
_SAMPLE = ("ivanstudyblog__ivanstudyblog.github.io/_posts/2024-3-6-day-65.md",
           "daattali__daattali.github.io/_posts/2016-08-29-advanced-shiny-tips.md",
           "jekyll__jekyll/_posts/2016-10-06-jekyll-3-3-is-here.md")
_POSTS = sorted((_ROOT / "examples").glob("_*/*.md")) + [p for p in (_CORPUS / s for s in _SAMPLE) if p.is_file()]
_PIECES = ["\r", "\r\n", "\n", "\n\n", "\x00", "\x0c", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\t",
           "\u00e9", "\U0001d518",
           "{{", "}}", "{%", "%}", "{% raw %}", "{% endraw %}", "{% post_url x %}", "```", "\n```\n", "~~~", "    ",
           "<", ">", "<!--", "-->", "<pre>", "</pre>", "<img src='", "<img srcset='", " 2x, ", "'>",
           "[", "]", "(", ")", "![", "](", "\\", "|",
           "*", "# ", "- ", "1. ", "> ", "\n---\n", "---", ": ", "[^1]", "[^1]: ", "{: .x}", "{::comment}", "{:/}",
           "$$", "&#x0;", "&amp;", "https://", "teh ", "the the ", "title: ", "date: 2024-13-45\n", "*a",
           "<script src='", "<object data=", "\u2010\n", "f(x) ", "libico abesawing "]

# Written last, after the damage: a parser that counts lines otherwise than the file
# does (a lone CR) puts their findings on another line, or past the end.
_LAST_URLS = ("/appended-page/", "/appended.png", "{% post_url appended %}")
_LAST = "\n\n[a](/appended-page/) ![b](/appended.png) [c]({% post_url appended %})\n"


def _damage(text: str, cuts: list[tuple[float, float, int, int]]) -> str:
    for where, length, piece, times in cuts:
        at = int(where * len(text))
        if piece < len(_PIECES):
            text = text[:at] + _PIECES[piece] * times + text[at:]
        elif piece % 2:
            text = text[:at] + text[at + int(length * 200):]  # a cut
        else:
            text = text[:at] + text[at: at + int(length * 400)] + text[at:]  # a copy
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_POSTS), st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.integers(0, len(_PIECES) + 9),
                                                   st.sampled_from([1, 1, 1, 2, 30])), min_size=1, max_size=8))
def test_damaged_real_posts(source: Path, cuts: list[tuple[float, float, int, int]]) -> None:
    from blogcheck.fix import plan

    text = _damage(source.read_text(encoding="utf-8"), cuts) + _LAST
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "_config.yml").write_text("title: t\nbaseurl: /blog\n", encoding="utf-8")
        (site / "_posts").mkdir()
        post = site / "_posts" / "2024-01-01-post.md"
        post.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        result = run([site / "_posts"], load_site(site), Config(offline=True))
        lines = text.removeprefix("\ufeff").split("\n")
        for diag in result.diagnostics:
            assert 1 <= diag.line <= len(lines) and 1 <= diag.column <= len(lines[diag.line - 1]) + 1, diag
            url = diag.extras.get("url")
            if url in _LAST_URLS:  # found where it is written: on the last line, at its column
                assert (diag.line, lines[diag.line - 1][diag.column - 1:][: len(url)]) == (len(lines) - 1, url), diag
            if "fix" in diag.extras:
                assert plan(post, [diag]) is not None, diag
