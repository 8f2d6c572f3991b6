"""`check --fix` and `--diff` in a site whose `encoding:` is not UTF-8: the post is read and
written in it, as `jekyll build` reads it, every byte no fix changes kept; a fix that would
write a character the encoding cannot hold (an emoji in Latin-1) is left, and a note says why."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

POST = "---\r\ntitle: Café\r\n---\r\nDéjà vu, I recieve it. :rocket: launch.\r\n\r\nMore à la carte.\r\n"
NAME = "2024-01-01-a.md"


def _site(root: Path, encoding: str, post: bytes) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(f"title: t\nencoding: {encoding}\n", encoding="utf-8")
    (root / "_posts" / NAME).write_bytes(post)
    return root


def _check(site: Path, flag: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.chdir(site)
    main(["check", "--offline", "--no-cache", "--select", "BC4,BC6", flag])
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_fix_writes_the_post_in_the_sites_encoding(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    site = _site(tmp_path / "site", "ISO-8859-1", POST.encode("latin-1"))
    out = _check(site, "--fix", monkeypatch, capsys)
    fixed = POST.replace("recieve", "receive").encode("latin-1")  # CRLF and the Latin-1 bytes kept
    assert (site / "_posts" / NAME).read_bytes() == fixed
    assert "BC401 fixed: `recieve` -> `receive`" in out
    assert ("BC619 not fixed: its fix writes `🚀`, which has no bytes in ISO-8859-1, the `encoding:` of "
            "_config.yml") in out
    subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, timeout=300, check=True)
    page = (site / "_site" / "2024" / "01" / "01" / "a.html").read_bytes()
    assert "<p>Déjà vu, I receive it. :rocket: launch.</p>".encode("latin-1") in page


def test_diff_shows_the_post_as_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", "ISO-8859-1", POST.encode("latin-1"))
    out = _check(site, "--diff", monkeypatch, capsys)
    assert out == (f"--- a/_posts/{NAME}\n+++ b/_posts/{NAME}\n@@ -1,6 +1,6 @@\n ---\r\n title: Café\r\n ---\r\n"
                   "-Déjà vu, I recieve it. :rocket: launch.\r\n+Déjà vu, I receive it. :rocket: launch.\r\n \r\n"
                   " More à la carte.\r\n1 fix in 1 file (blogcheck check --fix applies them)\n")
    assert (site / "_posts" / NAME).read_bytes() == POST.encode("latin-1")


def test_a_line_the_codec_would_not_write_back_is_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # b"\x87\x90" is NEC's ≒ in CP932, which Python's cp932 writes back as IBM's b"\x81\xe0"
    post = b"---\ntitle: a\n---\n\x87\x90 I recieve it.\n\nI recieve it.\n"
    site = _site(tmp_path / "site", "CP932", post)
    out = _check(site, "--fix", monkeypatch, capsys)
    assert (site / "_posts" / NAME).read_bytes() == post.replace(b"\nI recieve", b"\nI receive")
    assert "4:5: BC401 not fixed: line 4 would not be written back byte for byte in CP932" in out


@pytest.mark.parametrize("encoding", ["latin1", "UTF-16LE", "BINARY", "nonsense", "'[1]'"])
def test_a_bad_encoding_fixes_nothing_it_cannot_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    site = _site(tmp_path / "site", encoding, POST.encode("latin-1"))
    for flag in ("--fix", "--diff", "--fix-only"):
        assert "Traceback" not in _check(site, flag, monkeypatch, capsys)
    assert (site / "_posts" / NAME).read_bytes() == POST.encode("latin-1")
