"""`check --fix` as any check uses it: a finding's edits apply all or none, never
over another finding's, and every other byte of the file stays."""

from __future__ import annotations

from pathlib import Path

from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic, was_fixed
from blogcheck.fix import apply, plan
from blogcheck.run import Result


def fix_file(path: Path, diags: list[Diagnostic]) -> set[int]:
    """What `check --fix` does with `diags` (all about `path`): the ids of those it fixed."""
    done = apply(Result(list(diags), 1)).diagnostics
    return {id(before) for before, after in zip(diags, done, strict=True) if was_fixed(after)}


def _finding(path: Path, *edits: list[object]) -> Diagnostic:
    return diagnostic("BC501", str(path), 1, 1, "m", fix=list(edits))


def test_a_findings_edits_apply_all_or_none(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_bytes(b"a {{ x }} b\r\nc {{ y }} d\r\n")
    stale = _finding(path, [1, 3, "{{", "{% raw %}{{"], [2, 9, "}}", "}}{% endraw %}"])  # the 2nd is off by one
    assert fix_file(path, [stale]) == set() and path.read_bytes() == b"a {{ x }} b\r\nc {{ y }} d\r\n"
    both = _finding(path, [1, 3, "{{", "{% raw %}{{"], [2, 8, "}}", "}}{% endraw %}"])
    assert fix_file(path, [both]) == {id(both)}
    assert path.read_bytes() == b"a {% raw %}{{ x }} b\r\nc {{ y }}{% endraw %} d\r\n"  # CRLF kept


def test_edits_on_one_line_apply_right_to_left(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_bytes(b"\xef\xbb\xbfteh `{{ a }}` teh")
    first = diagnostic("BC401", str(path), 1, 1, "m", fix=[[1, 1, "teh", "the"]])
    raw = _finding(path, [1, 6, "{{", "{% raw %}{{"], [1, 11, "}}", "}}{% endraw %}"])
    last = diagnostic("BC401", str(path), 1, 15, "m", fix=[[1, 15, "teh", "the"]])
    assert fix_file(path, [last, raw, first]) == {id(first), id(raw), id(last)}
    assert path.read_bytes() == b"\xef\xbb\xbfthe `{% raw %}{{ a }}{% endraw %}` the"  # BOM kept


def test_overlapping_fixes_take_the_first_one_only(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_bytes(b"x teh y\n")
    one = diagnostic("BC401", str(path), 1, 3, "m", fix=[[1, 3, "teh", "the"]])
    again = diagnostic("BC401", str(path), 1, 3, "m", fix=[[1, 3, "teh", "tea"]])
    inside = diagnostic("BC401", str(path), 1, 4, "m", fix=[[1, 4, "eh", "ah"]])
    assert fix_file(path, [again, inside, one]) in ({id(one)}, {id(again)})
    assert path.read_bytes() in (b"x the y\n", b"x tea y\n")


def test_malformed_fixes_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_bytes(b"x teh y\n")
    for fix in ([1, 3, "teh", "the"], [[1, 3, "teh"]], [["1", 3, "teh", "the"]], [[9, 3, "teh", "the"]],
                [[1, 0, "teh", "the"]], "teh", []):
        assert plan(path, [diagnostic("BC401", str(path), 1, 3, "m", fix=fix)]) is None, fix
    assert path.read_bytes() == b"x teh y\n"


def test_thirty_thousand_fixes_on_one_line_end(tmp_path: Path) -> None:
    """Each edit is held against the others of its line by a binary search, not one by
    one (that took minutes here); a child process with a timeout, so a regression fails."""
    import subprocess
    import sys

    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: t\n---\n" + "teh " * 30_000 + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "blogcheck", "check", "--select", "BC401", "--fix", "-q"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert post.read_text(encoding="utf-8") == "---\ntitle: t\n---\n" + "the " * 30_000 + "\n"


def test_an_insertion_goes_before_a_replacement_at_its_place_but_never_inside_one(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_bytes(b"{{ a }} and teh\n")
    indent = diagnostic("BC605", str(path), 1, 1, "m", fix=[[1, 1, "", "   "]])
    raw = _finding(path, [1, 1, "{{", "{% raw %}{{"], [1, 6, "}}", "}}{% endraw %}"])
    twice = diagnostic("BC605", str(path), 1, 1, "m", fix=[[1, 1, "", "  "]])
    inside = diagnostic("BC605", str(path), 1, 14, "m", fix=[[1, 14, "", "x"]])
    word = diagnostic("BC401", str(path), 1, 13, "m", fix=[[1, 13, "teh", "the"]])
    after = diagnostic("BC605", str(path), 1, 16, "m", fix=[[1, 16, "", "!"]])
    assert fix_file(path, [indent, raw, twice, inside, word, after]) == {id(indent), id(raw), id(word), id(after)}
    assert path.read_bytes() == b"   {% raw %}{{ a }}{% endraw %} and the!\n"


def test_a_line_put_in_moves_the_findings_below_it_alike_in_lf_and_crlf_files(tmp_path: Path) -> None:
    """The line a fix puts in ends as the file's lines do (CRLF in a CRLF file); the findings
    after it, the fixed one too, move by what was written: line 3 column 1 in both files,
    not line 2 column 2 in the CRLF one. The `fixed:` line says what was put in."""
    for ending in ("\n", "\r\n"):
        path = tmp_path / f"p{len(ending)}.md"
        path.write_bytes(ending.join(["- item", "## Heading", "Text with teh", ""]).encode())
        put_in = diagnostic("BC617", str(path), 2, 1, "m", fix=[[2, 1, "", "\n"]])
        later = diagnostic("BC401", str(path), 3, 11, "m")
        fixed, moved = apply(Result([put_in, later], 1)).diagnostics
        assert path.read_bytes() == ending.join(["- item", "", "## Heading", "Text with teh", ""]).encode()
        assert (fixed.line, fixed.column, fixed.message) == (3, 1, "fixed: a line break put in")
        assert (moved.line, moved.column) == (4, 11)
