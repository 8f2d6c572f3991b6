"""`check --changed-since REF` and `--new-links-only` where a blog's git history
is less tidy than a pull request: posts moved without `git add`, more renames
than git's rename limit, file names that are not UTF-8, posts that are symbolic
links, paths in two repositories, a shallow clone. Real git repositories."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from integration_support import git, make_site

from blogcheck.cli import main

OLD = "---\ntitle: Old\ndate: 2024-03-01 09:00:00 +0000\n---\nSee [the old page](/old-missing.html).\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A site on `main` with one post holding a broken link, on a branch `work`."""
    site = make_site(tmp_path / "site", {"_posts/2024-03-01-old.md": OLD})
    git("checkout", "-q", "-b", "work", cwd=site)
    return site


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[tuple[str, str, str]]]:
    code = main(["check", "--offline", "--select", "links", "--format", "json", "--changed-since", "main",
                 "--new-links-only", *args])
    report = json.loads(capsys.readouterr().out)
    return code, [(Path(d["path"]).name, d["url"], d["severity"]) for d in report["diagnostics"]]


def test_renames_beyond_git_rename_limit_are_still_renames(repo: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """diff.renameLimit (1000 by default: a blog moving every post, `.markdown` to `.md`,
    passes it) must not make every old broken link an error."""
    for day in range(2, 5):
        (repo / f"_posts/2024-03-0{day}-more.markdown").write_text(OLD.replace("03-01", f"03-0{day}"))
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "More posts", cwd=repo)
    git("branch", "-f", "main", cwd=repo)
    git("config", "diff.renameLimit", "1", cwd=repo)
    for post in (repo / "_posts").glob("*.markdown"):
        git("mv", str(post), str(post.with_suffix(".md")), cwd=repo)
        post.with_suffix(".md").write_text(post.with_suffix(".md").read_text().replace("Old", "Renamed"))
    git("commit", "-q", "-am", "Markdown posts end in .md", cwd=repo)
    code, found = _check(capsys, str(repo))
    assert (code, {severity for _, _, severity in found}, len(found)) == (0, {"warning"}, 3)


def test_a_file_name_that_is_not_utf8_is_no_crash(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = Path(os.fsdecode(bytes(repo / "_posts") + b"/2024-03-02-caf\xe9.md"))
    post.write_text(OLD.replace("03-01", "03-02"))
    (repo / "_posts/2024-03-01-old.md").write_text(OLD + "Edited.\n")
    assert _check(capsys, str(repo)) == (1, [("2024-03-01-old.md", "/old-missing.html", "warning"),
                                             (post.name, "/old-missing.html", "error")])


def test_a_post_moved_without_git_add_keeps_its_old_links(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mv`, not `git mv`: the old name is deleted, the new one untracked; still a rename."""
    moved = repo / "_posts/2024-03-01-old [moved] ü.md"
    (repo / "_posts/2024-03-01-old.md").rename(moved)
    moved.write_text(OLD + "And [a new one](/new-missing.html).\n")
    assert _check(capsys, str(repo)) == (1, [(moved.name, "/old-missing.html", "warning"),
                                             (moved.name, "/new-missing.html", "error")])
    status = git("status", "--porcelain", "-z", cwd=repo).split("\0")
    assert status[:2] == [" D _posts/2024-03-01-old.md", "?? _posts/2024-03-01-old [moved] ü.md"]  # index untouched


def test_a_post_that_is_a_symbolic_link_is_checked(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "shared").mkdir()
    (repo / "shared/2024-03-02-linked.md").write_text(OLD.replace("03-01", "03-02"))
    (repo / "_posts/2024-03-02-linked.md").symlink_to("../shared/2024-03-02-linked.md")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "A linked post", cwd=repo)
    git("branch", "-f", "main", cwd=repo)
    with (repo / "shared/2024-03-02-linked.md").open("a") as post:
        post.write("[new](/new-missing.html)\n")
    assert _check(capsys, str(repo)) == (1, [("2024-03-02-linked.md", "/old-missing.html", "warning"),
                                             ("2024-03-02-linked.md", "/new-missing.html", "error")])


def test_paths_in_another_repository_are_a_usage_error(repo: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Not left out without a word: the second repository's changes are never looked at."""
    other = make_site(tmp_path / "other", {"_posts/2024-03-01-old.md": OLD})
    (other / "_posts/2024-03-01-old.md").write_text(OLD + "[new](/new-missing.html)\n")
    assert main(["check", "--offline", "--changed-since", "main", str(repo), str(other)]) == 2
    said = capsys.readouterr().err
    assert f"{other.resolve()} is in another git repository" in said and "Traceback" not in said
    (tmp_path / "plain/_posts").mkdir(parents=True)
    (tmp_path / "plain/_config.yml").write_text("title: t\n")
    (tmp_path / "plain/_posts/2024-03-01-old.md").write_text(OLD)
    assert main(["check", "--offline", "--changed-since", "main", str(repo), str(tmp_path / "plain")]) == 2
    assert "not a git repository" in capsys.readouterr().err


def test_an_unknown_ref_in_a_shallow_clone_says_why(repo: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """actions/checkout fetches one commit and no other branch: `origin/main` is unknown."""
    (repo / "_posts/2024-03-01-old.md").write_text(OLD + "Edited.\n")
    git("commit", "-q", "-am", "Edit", cwd=repo)
    shallow = tmp_path / "shallow"
    git("clone", "-q", "--depth", "1", "--branch", "work", f"file://{repo}", str(shallow), cwd=tmp_path)
    assert main(["check", "--offline", "--changed-since", "origin/main", str(shallow)]) == 2
    said = capsys.readouterr().err
    assert "unknown git ref `origin/main` in this shallow clone" in said and "fetch-depth: 0" in said
