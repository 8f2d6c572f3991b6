"""`check --fix`: only misspellings with exactly one known fix are rewritten, in place,
and every other byte of the file stays as it was."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

POST = (
    "\ufeff---\r\n"
    "title: Teh notes\r\n"
    "tags: [recieve]\r\n"
    "---\r\n"
    "\r\n"
    "I recieve it, then recieve it again; a tabel.\tTabs\tstay.\r\n"
    "Gaus is no fix: it has two (gauss, gauze). So is `recieve` in code.\r\n"
    "\r\n"
    "```\r\n"
    "recieve = teh  # code is never touched\r\n"
    "```\r\n"
    "No newline at the end, sturd"
)


@pytest.fixture
def post(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    path = tmp_path / "_posts" / "2024-01-01-fix.md"
    path.write_bytes(POST.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    return path


def test_fix_rewrites_only_single_fix_misspellings(post: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--select", "spelling", "--fix", "_posts"])
    out = capsys.readouterr().out
    expected = (POST.replace("Teh notes", "The notes")
                .replace("I recieve it, then recieve it", "I receive it, then receive it")
                .replace("a tabel.", "a table."))
    assert post.read_bytes() == expected.encode("utf-8")
    assert out.count("fixed: `recieve` -> `receive`") == 2 and "fixed: `Teh` -> `The`" in out
    assert "fixed: `tabel` -> `table`" in out
    assert "BC401 `Gaus` is a misspelling" in out  # two fixes: reported, not rewritten
    assert code == 1  # the unfixed error still fails the run


def test_second_run_has_nothing_to_fix(post: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--select", "spelling", "--fix", "_posts"])
    once = post.read_bytes()
    capsys.readouterr()
    main(["check", "--select", "spelling", "--fix", "_posts"])
    assert post.read_bytes() == once and "fixed:" not in capsys.readouterr().out


def test_without_fix_nothing_changes(post: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--select", "spelling", "_posts"])
    assert post.read_bytes() == POST.encode("utf-8")


def test_ignored_or_suppressed_findings_are_not_fixed(post: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post.write_bytes(POST.replace("a tabel.", "a tabel. <!-- blogcheck: ignore BC401 -->").encode("utf-8"))
    before = post.read_bytes()
    main(["check", "--select", "spelling", "--ignore", "BC401", "--fix", "_posts"])
    assert post.read_bytes() == before
    main(["check", "--select", "spelling", "--fix", "_posts"])
    fixed = post.read_bytes()  # the comment silences its whole line; the title is fixed
    assert b"I recieve it, then recieve it again; a tabel. <!--" in fixed and b"title: The notes" in fixed


def test_a_file_changed_since_the_check_is_left_alone(tmp_path: Path) -> None:
    from blogcheck.codes import diagnostic
    from blogcheck.diagnostic import was_fixed
    from blogcheck.fix import apply
    from blogcheck.run import Result

    path = tmp_path / "p.md"
    path.write_bytes(b"one teh two\n")
    stale = diagnostic("BC401", str(path), 1, 3, "m", fix=[[1, 3, "teh", "the"]])
    assert not was_fixed(apply(Result([stale], 1)).diagnostics[0]) and path.read_bytes() == b"one teh two\n"
    right = diagnostic("BC401", str(path), 1, 5, "m", fix=[[1, 5, "teh", "the"]])
    assert was_fixed(apply(Result([right], 1)).diagnostics[0]) and path.read_bytes() == b"one the two\n"


def test_fix_never_touches_a_link_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-a.md"
    original = "---\ntitle: a\n---\n\nSee [docs](https://example.com/teh/page) teh \\* star.\n"
    post.write_text(original)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--offline", "--fix", "--select", "spelling", "_posts"])
    out = capsys.readouterr().out
    assert "_posts/2024-01-01-a.md:5:42: BC401 fixed: `teh` -> `the`" in out  # after the link, not inside its URL
    # the text around `\*` is found written as a whole, its place is sure: the word is rewritten, the URL is not
    assert code == 0 and post.read_text() == original.replace(" teh ", " the ")


def test_diff_shows_what_fix_writes_and_changes_nothing(post: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    last = post.parent / "2024-01-02-last.md"  # a fix on a last line with no newline
    last.write_bytes(b"---\ntitle: Last\n---\nIt ends with teh")
    before = {p: p.read_bytes() for p in (post, last)}
    code = main(["check", "--select", "spelling", "--diff", "_posts"])
    out, err = capsys.readouterr()
    assert code == 1 and {p: p.read_bytes() for p in (post, last)} == before
    assert out.startswith("--- a/_posts/2024-01-01-fix.md\n+++ b/_posts/2024-01-01-fix.md\n")
    assert "-I recieve it, then recieve it again; a tabel.\tTabs\tstay.\r\n" in out
    assert "-It ends with teh\n\\ No newline at end of file\n+It ends with the\n\\ No newline" in out
    assert "BC401" not in out and err == "5 fixes in 2 files (blogcheck check --fix applies them)\n"
    # `git apply` takes the diff and writes exactly what --fix writes
    patch = tmp_path / "fixes.diff"
    patch.write_text(out, encoding="utf-8", newline="")
    applied = subprocess.run(["git", "apply", "--whitespace=nowarn", str(patch)], capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    patched = {p: p.read_bytes() for p in (post, last)}
    for p, data in before.items():
        p.write_bytes(data)
    main(["check", "--select", "spelling", "--fix", "_posts"])
    assert {p: p.read_bytes() for p in (post, last)} == patched != before
    capsys.readouterr()
    assert main(["check", "--select", "spelling", "--diff", "_posts"]) == 0
    assert capsys.readouterr() == ("", "0 fixes in 0 files\n")


def test_the_report_says_how_many_findings_fix_can_mend(post: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--select", "spelling", "_posts"])
    note = "note: 4 findings can be fixed in place: `blogcheck check --fix` (`--diff` shows the changes first)\n"
    assert note in capsys.readouterr().out
    main(["check", "--select", "spelling", "--format", "json", "_posts"])
    assert json.loads(capsys.readouterr().out)["summary"]["notes"] == [note[len("note: "):-1]]
    main(["check", "--select", "spelling", "--fix", "_posts"])  # fixed ones are reported as done, not as fixable
    assert "can be fixed in place" not in capsys.readouterr().out
    main(["check", "--select", "spelling", "_posts"])
    assert "can be fixed in place" not in capsys.readouterr().out


def test_a_heading_whose_id_comes_from_its_words_keeps_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """kramdown makes `## Altenatives using Shiny` the anchor `#altenatives-using-shiny`; a fix of
    the word would change it and break every link to it (a fix differential on the corpus found
    one, daattali's shinyjs post). Reported, not fixed in place, saying why; a heading that
    gives its own id (`{#x}`, or a `{: #x}` line after it) is fixed."""
    import shutil

    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    text = ("---\ntitle: t\n---\nSee [them](#altenatives-using-shiny).\n\n## Altenatives using Shiny\n\n"
            "## Altenatives kept {#kept}\n\nAltenatives by IAL\n---\n{: #ial}\n")
    post = tmp_path / "_posts" / "2024-01-01-h.md"
    post.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--offline", "--select", "BC401", "--format", "json"])
    found = {d["line"]: d for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert sorted(found) == [6, 8, 10] and "fix" not in found[6] and "changes with it" in found[6]["hint"]
    main(["check", "--offline", "--select", "BC401", "--fix"])
    capsys.readouterr()
    assert post.read_text(encoding="utf-8") == text.replace("Altenatives kept", "Alternatives kept").replace(
        "Altenatives by", "Alternatives by")
    assert shutil.which("ruby"), ".ci/run installs ruby with jekyll"
    html = subprocess.run(["ruby", "-rkramdown", "-e", "print Kramdown::Document.new(STDIN.read).to_html"],
                          input=text.split("---\n", 2)[2], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    assert 'id="altenatives-using-shiny"' in html and 'id="kept"' in html and 'id="ial"' in html


def test_a_diff_of_odd_names_and_of_files_outside_the_working_folder_applies(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A tab in a file name ends the name in a diff unless it is quoted as git quotes
    it; a file above the working folder (`../_posts/x.md`) is a path git refuses, so the
    names are made relative to a folder that holds them all, which stderr names."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "sub").mkdir()
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    posts = [site / "_posts" / "2024-01-01-tab\there.md", site / "_posts" / "2024-01-02-plain.md"]
    for post in posts:
        post.write_text("---\ntitle: t\n---\nTeh end.\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    monkeypatch.chdir(site / "sub")
    assert main(["check", "--select", "spelling", "--diff", "../_posts"]) == 1
    out, err = capsys.readouterr()
    assert f"apply it from {site / '_posts'} (cd {site / '_posts'} && git apply)" in err
    assert '--- "a/2024-01-01-tab\\there.md"' in out
    patch = tmp_path / "fixes.diff"
    patch.write_text(out, encoding="utf-8", newline="")
    applied = subprocess.run(["git", "apply", str(patch)], cwd=site / "_posts", capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    assert [p.read_text(encoding="utf-8") for p in posts] == ["---\ntitle: t\n---\nThe end.\n"] * 2


def test_a_misspelling_in_capitals_is_reported_not_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A word in capitals may be a name (`TEMPLEOS`, listed as a slip of `temples`): reported
    with its fix, written by hand."""
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-caps.md"
    post.write_text("---\ntitle: t\n---\nTHE RECIEVE STEP on TEMPLEOS and NASDAQ.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--offline", "--select", "spelling", "--fix", "_posts"]) == 1
    assert post.read_text().endswith("THE RECIEVE STEP on TEMPLEOS and NASDAQ.\n")
    out = capsys.readouterr().out
    assert "BC401 `RECIEVE` is a misspelling of `RECEIVE`" in out and "may be a name" in out
