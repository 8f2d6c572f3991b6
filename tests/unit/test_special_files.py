"""Files that are not regular files: a named pipe blocks whoever opens it until a
writer comes, `/dev/zero` never ends. Each is a diagnostic or a usage error, never a
hang: the runs here are child processes with a timeout, so a regression fails the
test instead of stopping the suite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from blogcheck import files

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX-only")
_POST = "---\ntitle: fine\n---\nA post.\n"


def _blogcheck(site: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "blogcheck", *argv], cwd=site, capture_output=True, text=True,
                          timeout=120, check=False)


def _site(tmp_path: Path) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-good.md").write_text(_POST + "Its teh end.\n", encoding="utf-8")
    return tmp_path


def test_pipes_devices_and_dangling_links_among_posts_are_diagnostics(tmp_path: Path) -> None:
    site = _site(tmp_path)
    posts = site / "_posts"
    os.mkfifo(posts / "2024-01-02-pipe.md")
    (posts / "2024-01-03-zero.md").symlink_to("/dev/zero")
    (posts / "2024-01-04-gone.md").symlink_to(site / "nowhere.md")
    (posts / "loop").symlink_to(posts)  # a folder that holds itself: not followed
    (posts / "2024-01-05-self.md").symlink_to("2024-01-05-self.md")  # a file that is a link to itself
    done = _blogcheck(site, "check", "--offline", "--format", "json")
    found = {(Path(d["path"]).name, d["code"], d["message"]) for d in json.loads(done.stdout)["diagnostics"]}
    assert found == {
        ("2024-01-01-good.md", "BC401", "`teh` is a misspelling of `the`"),
        ("2024-01-02-pipe.md", "BC100", "cannot read file: not a regular file (a named pipe)"),
        ("2024-01-03-zero.md", "BC100", "a symbolic link out of the site (to /dev/zero): not read"),
        ("2024-01-04-gone.md", "BC100", f"a symbolic link to nothing ({site / 'nowhere.md'})"),
        ("2024-01-05-self.md", "BC100", "a symbolic link loop (2024-01-05-self.md): it leads back to itself"),
    }
    assert done.returncode == 1


@pytest.mark.parametrize(("name", "message"), [
    ("_posts/2024-01-02-pipe.md", "not a regular file or folder"),
    ("_posts/2024-01-04-gone.md", "a symbolic link to nothing"),
])
def test_a_special_file_named_on_the_command_line_is_a_usage_error(tmp_path: Path, name: str, message: str) -> None:
    site = _site(tmp_path)
    os.mkfifo(site / "_posts" / "2024-01-02-pipe.md")
    (site / "_posts" / "2024-01-04-gone.md").symlink_to(site / "nowhere.md")
    done = _blogcheck(site, "check", "--offline", name)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_pipes_as_the_sites_config_word_list_and_layouts(tmp_path: Path) -> None:
    """The run reads these itself: each pipe is reported or passed over, not waited on."""
    site = _site(tmp_path)
    (site / "_config.yml").unlink()
    os.mkfifo(site / "_config.yml")
    os.mkfifo(site / ".blogcheck-words.txt")
    (site / "_layouts").mkdir()
    os.mkfifo(site / "_layouts" / "post.html")
    (site / "_posts" / "2024-01-05-anchor.md").write_text(_POST + "[gone](#nowhere)\n", encoding="utf-8")
    done = _blogcheck(site, "check", "--offline", "--format", "json")
    codes = sorted(d["code"] for d in json.loads(done.stdout)["diagnostics"])
    # a pipe is no config file (passed over, as when there is none); the anchor and `teh` are still found
    assert codes == ["BC203", "BC401"], done.stdout
    os.mkfifo(site / "blogcheck.toml")
    done = _blogcheck(site, "check", "--offline")  # not waited on: meant as the settings, none can be read
    assert done.returncode == 2 and "blogcheck.toml: not a regular file, so no setting could be read" in done.stderr
    done = _blogcheck(site, "check", "--offline", "--config", "blogcheck.toml")  # named: read, and refused
    assert done.returncode == 2 and "not a regular file (a named pipe)" in done.stderr


def test_read_bytes_reads_only_regular_files_and_only_as_far_as_asked(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"0123456789")
    assert files.read_bytes(path, 4) == b"0123" and files.read_bytes(path) == b"0123456789"
    with pytest.raises(files.NotRegular, match="a folder"):
        files.read_bytes(tmp_path)
    with pytest.raises(FileNotFoundError):
        files.read_bytes(tmp_path / "none.md")


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 70_000])
@pytest.mark.parametrize("limit", [-1, 0, 1, 4096, 70_000, 70_001, 1_000_001])
def test_a_bounded_read_gives_what_an_unbounded_one_does_up_to_the_limit(tmp_path: Path, size: int,
                                                                          limit: int) -> None:
    path = tmp_path / "f.md"
    data = bytes(i % 251 for i in range(size))
    path.write_bytes(data)
    assert files.read_bytes(path, limit) == (data if limit < 0 else data[:limit])


def test_a_file_that_says_it_is_empty_is_read_to_its_end() -> None:
    """/proc files report size 0 and have content: the read goes on past the size."""
    status = Path("/proc/self/status")
    if not status.is_file():
        pytest.skip("no /proc here")
    text = files.read_bytes(status, 1_000_000)
    assert status.stat().st_size == 0 and text.startswith(b"Name:") and b"\nPid:" in text


def test_a_file_that_grew_since_it_was_measured_is_read_past_that_size(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "growing.md"
    path.write_bytes(b"a" * 100)
    real = os.fstat

    def measured_smaller(fd: int) -> os.stat_result:  # as if the file was measured before a write
        found = real(fd)
        values = list(found)
        values[6] = 10  # st_size
        return os.stat_result(values)

    monkeypatch.setattr(files.os, "fstat", measured_smaller)
    assert files.read_bytes(path, 1000) == b"a" * 100
    assert files.read_bytes(path, 50) == b"a" * 50


def test_a_post_linked_from_outside_the_site_is_neither_read_nor_fixed(tmp_path: Path) -> None:
    """A pull request that adds `_posts/x.md -> /etc/shadow` got a line of that file into
    the HTML report, and `--fix` wrote through such a link outside the repository. A link
    inside the site is read as before (by its own name)."""
    (tmp_path / "site").mkdir()
    site = _site(tmp_path / "site")
    outside = tmp_path / "victim.md"
    outside.write_text("---\ntitle: x\n---\nThe recieve.\n", encoding="utf-8")
    (site / "_posts" / "2024-01-02-out.md").symlink_to(outside)
    (site / "notes").mkdir()
    (site / "notes" / "in.md").write_text("---\ntitle: y\n---\nok teh.\n", encoding="utf-8")
    (site / "_posts" / "2024-01-03-in.md").symlink_to(site / "notes" / "in.md")
    done = _blogcheck(site, "check", "--offline", "--fix", "--format", "json", "_posts")
    found = {(Path(d["path"]).name, d["code"], d["severity"]) for d in json.loads(done.stdout)["diagnostics"]}
    assert ("2024-01-02-out.md", "BC100", "error") in found
    assert ("2024-01-03-in.md", "BC401", "info") in found  # fixed, through a link inside the site
    assert outside.read_text(encoding="utf-8").endswith("The recieve.\n")
    assert (site / "notes" / "in.md").read_text(encoding="utf-8").endswith("ok the.\n")
    assert "recieve" not in done.stdout
