"""`check --fix` writes the file a post's name points at: through a symbolic link, to
every hard link, keeping the mode; a write that fails leaves the old bytes whole."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

import blogcheck.fix
from blogcheck.cli import main

BEFORE = b"---\ntitle: x\n---\nI recieve it.\r\n"
AFTER = b"---\ntitle: x\n---\nI receive it.\r\n"


def _site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The site, its `_posts/2024-01-01-x.md` still to be made, and `shared/real.md`."""
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "shared").mkdir()
    real = tmp_path / "shared" / "real.md"
    real.write_bytes(BEFORE)
    real.chmod(0o640)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "_posts" / "2024-01-01-x.md", real


def _fix(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "--offline", "--select", "spelling", "--fix"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out


def test_a_symbolic_link_is_kept_and_its_target_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    post, real = _site(tmp_path, monkeypatch)
    post.symlink_to(Path("..", "shared", "real.md"))
    assert _fix(capsys)[0] == 0
    assert post.is_symlink() and os.readlink(post) == os.path.join("..", "shared", "real.md")
    assert real.read_bytes() == AFTER and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.md"]  # no temporary file left


def test_hard_links_all_see_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    post, real = _site(tmp_path, monkeypatch)
    os.link(real, post)
    assert _fix(capsys)[0] == 0
    assert real.read_bytes() == post.read_bytes() == AFTER
    assert os.path.samefile(real, post) and real.stat().st_nlink == 2
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_file_that_cannot_be_written_stays_whole_and_is_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    post, _ = _site(tmp_path, monkeypatch)
    post.write_bytes(BEFORE)

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    code, out = _fix(capsys)
    assert code == 1 and post.read_bytes() == BEFORE
    assert f"note: _posts/2024-01-01-x.md not fixed: cannot write it ({os.strerror(errno.ENOSPC)})" in out
    assert sorted(p.name for p in post.parent.iterdir()) == ["2024-01-01-x.md"]


def test_a_hard_linked_file_whose_write_fails_gets_its_old_bytes_back(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    post, real = _site(tmp_path, monkeypatch)
    os.link(real, post)
    overwrite = blogcheck.fix._overwrite
    calls: list[bytes] = []

    def half(handle: object, data: bytes) -> None:
        calls.append(data)
        overwrite(handle, data if len(calls) > 1 else data[:len(data) // 2])  # type: ignore[arg-type]
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(blogcheck.fix, "_overwrite", half)
    code, out = _fix(capsys)
    assert code == 1 and "not fixed" in out and calls == [AFTER, BEFORE]
    assert real.read_bytes() == post.read_bytes() == BEFORE
