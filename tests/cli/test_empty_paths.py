"""A folder named on the command line that holds no post is a usage error (a
mistyped folder that exists would pass CI in silence); files named (as pre-commit
names them) are taken as given, even when `exclude` leaves none of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from blogcheck.cli import main

POST = "---\ntitle: Post\n---\n\nHello.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-p.md").write_text(POST)
    (tmp_path / "empty").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "style.css").write_text("p {}\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", ["check", "words"])
@pytest.mark.parametrize("folder", ["empty", "assets", "empty/"])
def test_a_folder_without_posts_is_a_usage_error(site: Path, capsys: pytest.CaptureFixture[str],
                                                 command: str, folder: str) -> None:
    assert main([command, folder, "_posts"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"blogcheck: error: {folder.rstrip('/')}: no post in this folder (no Markdown or HTML file in "
                   "its _posts/ or _drafts/, or in it when it has neither); give the posts to check\n")


def test_posts_left_out_by_exclude_are_no_usage_error(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What pre-commit runs when `exclude` leaves out every file it names passes, and so
    does a folder whose posts are all excluded; only a folder with no post is refused."""
    (site / "_drafts").mkdir()
    (site / "_drafts" / "idea.md").write_text("no front matter\n")
    (site / "blogcheck.toml").write_text('exclude = ["_drafts/*", "_posts/*"]\n')
    assert main(["check", "--offline", "_drafts/idea.md"]) == 0
    assert main(["check", "--offline", "_posts", "_drafts"]) == 0
    assert capsys.readouterr().out == "Checked 0 files: no problems found.\n" * 2
    assert main(["check", "--offline", "_posts", "empty"]) == 2


def test_a_posts_folder_in_another_case_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """`_Posts/` works on a Mac's disk, which does not mind the case, and not where Jekyll
    builds for GitHub Pages or CI: Jekyll reads `_posts/` (a front-matter audit)."""
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_Posts").mkdir()
    (tmp_path / "_Posts" / "2024-01-01-p.md").write_text(POST)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "(`_Posts/` is there: Jekyll reads `_posts/`, in lower case;" in capsys.readouterr().err
