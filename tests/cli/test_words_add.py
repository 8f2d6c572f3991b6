"""`blogcheck words`: `--add` appends bytes to the word list in its own line breaks and
refuses a list that is not UTF-8; the listing leaves out a post's `spelling_ignore:`."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run

POST = "---\ntitle: x\n{extra}---\nThe gromulent code and a sturd base and quxxle.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-x.md").write_text(POST.format(extra=""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("before", "after"), [
    (b"gromulent\r\nkiwi", b"gromulent\r\nkiwi\r\nquxxle\r\nsturd\r\n"),
    (b"\xef\xbb\xbfgromulent\r\n# ours\r\n", b"\xef\xbb\xbfgromulent\r\n# ours\r\nquxxle\r\nsturd\r\n"),
    (b"gromulent\rkiwi\r", b"gromulent\rkiwi\rquxxle\rsturd\r"),
    (b"gromulent\r\nkiwi\n", b"gromulent\r\nkiwi\nquxxle\r\nsturd\r\n"),  # the first line break says
])
def test_add_appends_in_the_lists_own_line_breaks(site: Path, capsys: pytest.CaptureFixture[str],
                                                  before: bytes, after: bytes) -> None:
    wordlist = site / ".blogcheck-words.txt"
    wordlist.write_bytes(before)
    code, out, _ = run(capsys, "words", "--add", "sturd", "quxxle", "Gromulent")
    assert code == 0 and wordlist.read_bytes() == after
    assert out == f"added 2 words to {wordlist}: quxxle sturd (already there: Gromulent)\n"


def test_a_list_that_is_not_utf8_is_refused_and_kept(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wordlist = site / ".blogcheck-words.txt"
    wordlist.write_bytes(b"gromulent\ncaf\xe9\n")
    code, out, err = run(capsys, "words", "--add", "sturd")
    assert (code, out) == (2, "") and wordlist.read_bytes() == b"gromulent\ncaf\xe9\n"
    assert err == (f"blogcheck: error: {wordlist} is not UTF-8 text (byte 0xe9 on line 2); save it as UTF-8 first; "
                   "nothing added\n")


def test_a_list_that_is_not_utf8_or_not_readable_is_said_by_check_and_words(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Read in silence, its words' findings came with no word why."""
    wordlist = site / ".blogcheck-words.txt"
    wordlist.write_bytes(b"gromulent\ncaf\xe9\nsturd\n")
    code, out, _ = run(capsys, "check", "--offline", "--select", "spelling", ".")
    assert "note: the word list .blogcheck-words.txt is not UTF-8 (line 2): words with its odd bytes are not " \
           "accepted; save it as UTF-8\n" in out
    assert "sturd" not in out  # the other words hold
    code, out, err = run(capsys, "words", ".")
    assert code == 0 and "not UTF-8 (line 2)" in err and "quxxle" in out
    wordlist.unlink()
    wordlist.mkdir()
    code, out, _ = run(capsys, "check", "--offline", "--select", "spelling", ".")
    assert "note: the word list .blogcheck-words.txt cannot be read (not a regular file (a folder)): none of its " \
           "words is accepted\n" in out and "`sturd`" in out


def test_adding_words_already_there_says_so(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wordlist = site / ".blogcheck-words.txt"
    wordlist.write_bytes(b"sturd\r\ngromulent")
    code, out, _ = run(capsys, "words", "--add", "STURD", "gromulent", "sturd")
    assert code == 0 and wordlist.read_bytes() == b"sturd\r\ngromulent"
    assert out == f"nothing added: already in {wordlist}: STURD gromulent\n"


@pytest.mark.parametrize("extra", ["spelling_ignore: [gromulent, Sturd]\n", "spelling_ignore: gromulent sturd\n"])
def test_words_leaves_out_the_posts_spelling_ignore(site: Path, capsys: pytest.CaptureFixture[str],
                                                    extra: str) -> None:
    assert [line.split()[1] for line in run(capsys, "words")[1].splitlines()[:-1]] == ["gromulent", "quxxle",
                                                                                           "sturd"]
    assert "`sturd`" in run(capsys, "check", "--offline", "--select", "BC402")[1]
    (site / "_posts" / "2024-01-01-x.md").write_text(POST.format(extra=extra), encoding="utf-8")
    code, out, _ = run(capsys, "words")
    assert code == 0 and out.splitlines()[:-1] == ["     1  quxxle  _posts/2024-01-01-x.md:5:41"]
    assert "`sturd`" not in run(capsys, "check", "--offline", "--select", "BC402")[1]  # as check accepts them


def test_a_word_with_a_typographic_apostrophe_is_added_as_the_check_reads_it(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`l\u2019hopitalx`, as a finding shows it, is added as `l'hopitalx`: the check reads
    both apostrophes as one, so the finding goes; a curly entry written by hand counts too."""
    post = site / "_posts" / "2024-01-01-x.md"
    post.write_text("---\ntitle: x\n---\nWe used the l\u2019hopitalx rule today.\n", encoding="utf-8")
    (site / "blogcheck.toml").write_text('[spelling]\nunknown = "all"\n', encoding="utf-8")  # no near word needed
    assert "BC402 unknown word `l\u2019hopitalx`" in run(capsys, "check", "--offline", "--select", "BC402")[1]
    code, out, _ = run(capsys, "words", "--add", "l\u2019hopitalx")
    assert code == 0 and "added 1 word" in out
    assert (site / ".blogcheck-words.txt").read_text(encoding="utf-8") == "l'hopitalx\n"
    (site / ".blogcheck-words.txt").write_text("l'hopitalx\nzorblax\u2019t\n", encoding="utf-8")
    post.write_text("---\ntitle: x\n---\nWe used the l\u2019hopitalx rule and zorblax't today.\n", encoding="utf-8")
    assert run(capsys, "check", "--offline", "--select", "BC402")[0] == 0


def test_output_that_cannot_be_written_is_one_line_and_exit_2(site: Path) -> None:
    """`words > /dev/full`: no traceback; a reader that goes away (`| head -c0`) is no error."""
    import subprocess
    import sys

    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PATH": "/usr/bin:/bin"}
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "blogcheck", "words"], cwd=site, stdout=full,
                              stderr=subprocess.PIPE, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr == "blogcheck: error: cannot write the output: No space left on device\n"
    child = subprocess.Popen([sys.executable, "-m", "blogcheck", "words", "--add", "zorblax"], cwd=site,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    err = child.stderr.read().decode()
    assert child.wait(timeout=120) == 0 and err == ""
    assert "zorblax" in (site / ".blogcheck-words.txt").read_text(encoding="utf-8")
