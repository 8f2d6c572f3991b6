"""Removing pipeline-only keys edits the text: only their lines go."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blogcheck.publish.frontmatter_edit import EditError, strip_keys

BODY = "---\nBody with status: approved in it.\n"

CASES = [
    # (front matter in, front matter out)
    ("status: approved # reviewed by Bo\ntitle: x\n", "title: x\n"),
    ("title: x   # kept comment\nstatus: approved\n", "title: x   # kept comment\n"),
    ("title: x\nstatus:\n  - a\n  - b\n# about tags\ntags: x\n", "title: x\n# about tags\ntags: x\n"),
    ("status: |\n  line1\n\n  line2\ntitle: x\n", "title: x\n"),
    ("status: >-\n  folded\n  more\ntitle: x\n", "title: x\n"),
    ("status:\ntitle: x\n", "title: x\n"),
    ("status: [a,\n  b]  # c\ntitle: x\n", "title: x\n"),
    ('status: "multi\n  line"\ntitle: x\n', "title: x\n"),
    ("status:\n  a: 1\n  b:\n    - c\n\n# trailing\ntitle: x\n", "\n# trailing\ntitle: x\n"),
    ("status: plain\n  continued\ntitle: x\n", "title: x\n"),
    ("? status\n: approved\ntitle: x\n", "title: x\n"),
    ("image: &img /a.png\nstatus: *img\nthumb: *img\n", "image: &img /a.png\nthumb: *img\n"),
    ("status: x\nstatus: y\ntitle: z\n", "title: z\n"),
    ("a: &a 1\nstatus:\n  - x\n  - *a\n  - {k: *a}\ntitle: y\n", "a: &a 1\ntitle: y\n"),
    ("status:\n  note: >\n    folded\n\n    text\n  by: bo\ntitle: y\n", "title: y\n"),
    ("status: x\r\ntitle: 'y'  # q\r\n", "title: 'y'  # q\r\n"),
    ("title: x\n", "title: x\n"),
    ("", ""),
]


@pytest.mark.parametrize(("front", "expected"), CASES)
def test_only_the_lines_of_the_key_go(front: str, expected: str) -> None:
    assert strip_keys("---\n" + front + BODY, ["status"]) == "---\n" + expected + BODY


def test_several_keys_a_bom_and_the_closing_dots_are_kept() -> None:
    text = "\ufeff---\r\nstatus: approved\r\nreviewer: Bo\r\ntitle: x\r\n...\r\nbody\r\n"
    assert strip_keys(text, ["status", "reviewer"]) == "\ufeff---\r\ntitle: x\r\n...\r\nbody\r\n"


@pytest.mark.parametrize(("front", "reason"), [
    ("status: &s approved\ntitle: *s\n", "would break the front matter"),
    ("{status: x, title: y}\n", "flow mapping"),
    ("status: [\n", "not valid YAML"),
])
def test_edits_that_would_change_other_keys_are_refused(front: str, reason: str) -> None:
    with pytest.raises(EditError, match=reason):
        strip_keys("---\n" + front + "---\n", ["status"])


def test_no_front_matter_is_an_error() -> None:
    with pytest.raises(EditError):
        strip_keys("just text\n", ["status"])


_KEY = st.sampled_from(["title", "tags", "image", "date", "layout", "excerpt"])
_VALUE = st.sampled_from([" x", " 'quoted: yes'", ' "a # b"', " [a, b]", "\n  - a\n  - b", " |\n  one\n\n  two",
                          "\n  path: &p /x.png\n  feature: *p", " 2024-01-01 10:00:00 +0000", "", " x  # note"])


@settings(max_examples=300, deadline=None)
@given(entries=st.lists(st.tuples(_KEY, _VALUE), max_size=6, unique_by=lambda e: e[0]),
       where=st.integers(min_value=0, max_value=6), value=_VALUE)
def test_removing_an_inserted_key_gives_back_the_original(entries: list[tuple[str, str]], where: int,
                                                           value: str) -> None:
    # Each anchor gets its own name: PyYAML, like the checks, refuses a repeated one.
    lines = [f"{k}:{v.replace('&p ', f'&p{i} ').replace('*p', f'*p{i}')}\n" for i, (k, v) in enumerate(entries)]
    original = "---\n" + "".join(lines) + BODY
    lines.insert(min(where, len(lines)), f"status:{value}\n")
    assert strip_keys("---\n" + "".join(lines) + BODY, ["status"]) == original
