"""The lines right under an indented code block, which kramdown takes into the code
(`jekyll/kramdown_lazy_code`), against a real Jekyll build."""

from __future__ import annotations

import html
import re
from pathlib import Path

from integration_support import built_post, one_post_site

from blogcheck.jekyll.kramdown_lazy_code import rows

# each `lazy` word is code on the page, each `kept` word is not
BODY = """Intro one:

    code one
lazya text here
lazyb second

Intro two:

    code two
- lazyc item

Intro three:

    code three
# lazyd heading

Intro four:

    code four
> lazye quote

Intro five:

    code five
<div>keptf</div>

Intro six:

    code six
^
keptg

Intro seven:

    code seven
lazyh

    code seven again
lazyi

- item

      code in item
  lazyj indented

> quote
>
>     code in quote
> lazyk

Intro nine:

\ttab code
lazyl

> quote two
>
>     code quote two
lazym bare

- item two

      code item two
lazyn bare
"""


def _in_code(page: str) -> str:
    codes = re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", page, re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", code)) for code in codes)


def _words(text: str, prefix: str) -> set[str]:
    return set(re.findall(rf"\b{prefix}[a-z]\b", text))


def test_kramdown_takes_the_lines_under_indented_code_into_it(tmp_path: Path) -> None:
    page = built_post(one_post_site(tmp_path / "site", BODY))
    code = _in_code(page)
    assert _words(code, "lazy") == _words(BODY, "lazy") and not _words(code, "kept")
    assert "code one lazya text here lazyb second" in code  # joined to the code line, a space between
    lines = BODY.split("\n")
    assert rows(BODY) == {number for number, line in enumerate(lines) if "lazy" in line}

