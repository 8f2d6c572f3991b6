"""`check --changed-since REF` and `--new-links-only`, in real git repositories:
a site on `main`, a bare remote, and a clone that works on a branch, as a pull
request does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from integration_support import GOOD_POST, LinkServer, git, make_site

from blogcheck.changes import ChangesError, changed_since
from blogcheck.cli import main

OLD = "---\ntitle: Old\ndate: 2024-03-01 09:00:00 +0000\n---\nSee [the old page](/old-missing.html).\n"
OTHER = "---\ntitle: Other\ndate: 2024-03-02 09:00:00 +0000\n---\nSee [a gap](/other-missing.html).\n"


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A clone of a site (bare remote in between) on a branch `work`."""
    site = make_site(tmp_path / "site", {"_posts/2024-03-01-old.md": OLD, "_posts/2024-03-02-other.md": OTHER})
    git("clone", "-q", "--bare", str(site), str(tmp_path / "remote.git"), cwd=tmp_path)
    git("clone", "-q", str(tmp_path / "remote.git"), str(tmp_path / "clone"), cwd=tmp_path)
    work = tmp_path / "clone"
    git("checkout", "-q", "-b", "work", cwd=work)
    return work


def _check(capsys: pytest.CaptureFixture[str], work: Path, *args: str) -> tuple[int, dict[str, object]]:
    code = main(["check", "--offline", "--ignore", "spelling", "--format", "json", *args, str(work)])
    return code, json.loads(capsys.readouterr().out)


def _found(report: dict[str, object]) -> list[tuple[str, str, str]]:
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    return [(Path(d["path"]).name, d["code"], d["severity"]) for d in diagnostics]


def test_only_posts_changed_since_the_ref_are_checked(clone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = clone / "_posts/2024-03-01-old.md"
    post.write_text(OLD + "More words.\n")
    git("commit", "-q", "-am", "Edit the old post", cwd=clone)
    code, report = _check(capsys, clone, "--changed-since", "origin/main")
    assert code == 1
    assert _found(report) == [("2024-03-01-old.md", "BC204", "error")]
    assert report["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0, "fixed": 0, "notes": []}


def test_nothing_changed_checks_nothing_and_passes(clone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = _check(capsys, clone, "--changed-since", "origin/main")
    empty = {"files": 0, "errors": 0, "warnings": 0, "infos": 0, "fixed": 0, "notes": []}
    assert (code, report["diagnostics"], report["summary"]) == (0, [], empty)


def test_uncommitted_and_untracked_posts_count_as_changed(clone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (clone / "_posts/2024-03-02-other.md").write_text(OTHER + "Not committed yet.\n")
    (clone / "_posts/2024-03-06-new.md").write_text(GOOD_POST)
    changes = changed_since("origin/main", clone)
    names = sorted(p.name for p in changes.files)
    assert names == ["2024-03-02-other.md", "2024-03-06-new.md"]
    assert changes.files[(clone / "_posts/2024-03-06-new.md").resolve()] is None  # new: no old version
    code, report = _check(capsys, clone, "--changed-since", "origin/main")
    assert (code, report["summary"]) == (1, {"files": 2, "errors": 1, "warnings": 0, "infos": 0, "fixed": 0,
                                             "notes": []})


def test_changes_on_the_base_branch_after_the_fork_are_not_ours(clone: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Since the merge base, as a pull request's diff: the base moving on adds nothing."""
    site = tmp_path / "site"
    (site / "_posts/2024-03-02-other.md").write_text(OTHER + "Edited on main later.\n")
    git("commit", "-q", "-am", "Edit on main", cwd=site)
    git("push", "-q", str(tmp_path / "remote.git"), "main", cwd=site)
    git("fetch", "-q", "origin", cwd=clone)
    (clone / "_posts/2024-03-06-new.md").write_text(GOOD_POST)
    code, report = _check(capsys, clone, "--changed-since", "origin/main")
    assert (code, report["summary"]) == (0, {"files": 1, "errors": 0, "warnings": 0, "infos": 0, "fixed": 0,
                                             "notes": []})


def test_new_links_only_fails_only_on_added_links(clone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = clone / "_posts/2024-03-01-old.md"
    post.write_text(OLD + "And [a new one](/new-missing.html).\n")
    git("commit", "-q", "-am", "Add a link", cwd=clone)
    code, report = _check(capsys, clone, "--changed-since", "origin/main", "--new-links-only")
    assert code == 1
    assert _found(report) == [("2024-03-01-old.md", "BC204", "warning"), ("2024-03-01-old.md", "BC204", "error")]
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    old, new = diagnostics
    assert (old["url"], new["url"]) == ("/old-missing.html", "/new-missing.html")
    assert "there before origin/main" in old["hint"] and "before" not in new["hint"]


def test_new_links_only_passes_when_only_old_links_are_broken(clone: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    post = clone / "_posts/2024-03-01-old.md"
    post.write_text("---\ntitle: Old, retitled\ndate: 2024-03-01 09:00:00 +0000\n---\n\nIntro.\n\n"
                    + OLD.split("---\n")[2])
    code, report = _check(capsys, clone, "--changed-since", "origin/main", "--new-links-only")
    assert (code, _found(report)) == (0, [("2024-03-01-old.md", "BC204", "warning")])


def test_a_renamed_post_compares_with_its_old_name(clone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git("mv", "_posts/2024-03-01-old.md", "_posts/2024-03-01-renamed.md", cwd=clone)
    git("commit", "-q", "-m", "Rename", cwd=clone)
    changes = changed_since("origin/main", clone)
    assert changes.files == {(clone / "_posts/2024-03-01-renamed.md").resolve(): "_posts/2024-03-01-old.md"}
    code, report = _check(capsys, clone, "--changed-since", "origin/main", "--new-links-only")
    assert (code, _found(report)) == (0, [("2024-03-01-renamed.md", "BC204", "warning")])


def test_a_new_post_has_only_new_links(clone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (clone / "_posts/2024-03-06-new.md").write_text(OLD.replace("title: Old", "title: New").replace("03-01", "03-06"))
    code, report = _check(capsys, clone, "--changed-since", "origin/main", "--new-links-only")
    assert (code, _found(report)) == (1, [("2024-03-06-new.md", "BC204", "error")])


def test_other_checks_are_not_softened(clone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = clone / "_posts/2024-03-01-old.md"
    post.write_text(OLD.replace("title: Old\n", ""))
    code, report = _check(capsys, clone, "--changed-since", "origin/main", "--new-links-only")
    assert (code, sorted(_found(report))) == (1, [("2024-03-01-old.md", "BC110", "error"),
                                                  ("2024-03-01-old.md", "BC204", "warning")])


@pytest.mark.parametrize("old_text", [b"\xff\xfe not utf-8 [x](/old-missing.html)", b"no front matter"])
def test_an_unreadable_base_version_is_no_crash(clone: Path, tmp_path: Path, old_text: bytes,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "_posts/2024-03-01-old.md").write_bytes(old_text)
    git("commit", "-q", "-am", "Break the post", cwd=site)
    work = tmp_path / "work"
    git("clone", "-q", str(site), str(work), cwd=tmp_path)
    (work / "_posts/2024-03-01-old.md").write_text(OLD)
    code, report = _check(capsys, work, "--changed-since", "origin/main", "--new-links-only")
    assert (code, _found(report)) == (1, [("2024-03-01-old.md", "BC204", "error")])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--changed-since", "no-such-branch"], "unknown git ref `no-such-branch`"),
        (["--changed-since", "--help"], "expected one argument"),
        (["--changed-since=-x"], "is not a git ref"),
        (["--new-links-only"], "--new-links-only needs --changed-since REF"),
    ],
)
def test_bad_refs_are_usage_errors(clone: Path, args: list[str], message: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--offline", *args, str(clone)]) == 2
    assert message in capsys.readouterr().err


def test_outside_a_git_repository_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-p.md").write_text("---\ntitle: t\n---\nHello.\n")
    (tmp_path / "_config.yml").write_text("title: t\n")
    assert main(["check", "--offline", "--changed-since", "main", str(tmp_path)]) == 2
    assert "not a git repository" in capsys.readouterr().err


def test_unrelated_histories_are_no_shallow_clone(tmp_path: Path, clone: Path) -> None:
    """A full clone whose histories do not meet: no advice to unshallow it (git refuses that)."""
    lone = tmp_path / "lone"
    make_site(lone, {"_posts/2024-03-06-x.md": GOOD_POST})
    git("fetch", "-q", str(clone), "work:unrelated", cwd=lone)
    with pytest.raises(ChangesError, match="no common history") as raised:
        changed_since("unrelated", lone)
    assert "shallow" not in str(raised.value)
    git("checkout", "-q", "--orphan", "empty", cwd=lone)
    with pytest.raises(ChangesError, match="HEAD has no commit yet"):
        changed_since("main", lone)


def test_a_shallow_clone_without_the_merge_base_says_how_to_fetch_it(tmp_path: Path, clone: Path) -> None:
    """actions/checkout's default, `fetch-depth: 1`: the branch and the base ref meet
    in no commit the clone has."""
    git("commit", "-q", "--allow-empty", "-m", "one", cwd=clone)
    git("commit", "-q", "--allow-empty", "-m", "two", cwd=clone)
    git("push", "-q", "origin", "work", cwd=clone)
    shallow = tmp_path / "shallow"
    git("clone", "-q", "--depth", "1", "--no-single-branch", f"file://{tmp_path / 'remote.git'}", str(shallow),
        cwd=tmp_path)
    git("checkout", "-q", "work", cwd=shallow)
    with pytest.raises(ChangesError, match="no common history") as raised:
        changed_since("origin/main", shallow)
    assert "in this shallow clone" in str(raised.value)
    assert "`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout" in str(raised.value)


def test_a_repository_folder_name_may_end_in_a_space(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "blog ", {"_posts/2024-03-01-old.md": OLD})
    git("branch", "base", cwd=site)
    (site / "_posts/2024-03-01-old.md").write_text(OLD + "Edited.\n")
    code, report = _check(capsys, site, "--changed-since", "base")
    assert (code, _found(report)) == (1, [("2024-03-01-old.md", "BC204", "error")])


def test_a_changed_symbolic_link_loop_is_a_finding_and_the_run_goes_on(clone: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (clone / "_posts/2024-03-05-loop.md").symlink_to("2024-03-05-loop.md")
    (clone / "_posts/2024-03-02-other.md").write_text(OTHER + "Edited.\n")
    code, report = _check(capsys, clone, "--changed-since", "origin/main")
    assert code == 1
    assert _found(report) == [("2024-03-02-other.md", "BC204", "error"), ("2024-03-05-loop.md", "BC100", "error")]


def test_new_links_only_with_remote_links(clone: Path, link_server: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Broken remote links (BC201 from a loopback server): only the added one fails."""
    site = tmp_path / "site"
    post = "_posts/2024-03-03-remote.md"
    (site / post).write_text(f"---\ntitle: Remote\ndate: 2024-03-03\n---\n[old]({link_server}/old-gone)\n")
    git("add", post, cwd=site)
    git("commit", "-q", "-m", "Remote links", cwd=site)
    git("push", "-q", str(tmp_path / "remote.git"), "main", cwd=site)
    git("pull", "-q", "origin", "main", cwd=clone)
    (clone / post).write_text((site / post).read_text() + f"[new]({link_server}/new-gone) [ok]({link_server}/ok)\n")
    code = main(["check", "--ignore", "spelling", "--no-cache", "--format", "json", "--changed-since", "origin/main",
                 "--new-links-only", str(clone)])
    report = json.loads(capsys.readouterr().out)
    found = [(d["code"], d["severity"], d["url"]) for d in report["diagnostics"]]
    assert (code, found) == (1, [("BC201", "warning", f"{link_server}/old-gone"),
                                 ("BC201", "error", f"{link_server}/new-gone")])
    assert sorted(set(LinkServer.hits)) == ["/new-gone", "/ok", "/old-gone"]


def test_a_site_in_a_subfolder_of_the_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_site(tmp_path / "repo", {"blog/_config.yml": "title: Blog\n", "blog/_posts/2024-03-01-old.md": OLD,
                                         "blog/_posts/2024-03-02-other.md": OTHER})
    git("checkout", "-q", "-b", "work", cwd=repo)
    post = repo / "blog/_posts/2024-03-02-other.md"
    post.write_text(OTHER + "[new](/also-missing.html)\n")
    code, report = _check(capsys, repo / "blog", "--changed-since", "main", "--new-links-only")
    assert (code, _found(report)) == (1, [("2024-03-02-other.md", "BC204", "warning"),
                                          ("2024-03-02-other.md", "BC204", "error")])


TARGET = "---\ntitle: Target\n---\nThe post others link to.\n"
REFERS = ("---\ntitle: Refers\n---\nSee [it]({% post_url 2020-01-01-target %}), [its page](/2020/01/01/target/),\n"
          "![a picture](/assets/shot.png) and [a gap](/never-there.html). Speling.\n")


@pytest.mark.parametrize("change", ["rename", "delete", "delete the picture"])
def test_an_unchanged_post_naming_a_removed_file_is_checked_for_that_link(
        tmp_path: Path, change: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A pull request that renames or deletes a post (or a picture) breaks the posts that
    link to it, though it changes none of them: the full check finds the break (BC205
    stops Jekyll's build), so --changed-since must too; only those links' findings are
    reported for such a post, not its older ones (a link that was always broken, a typo)."""
    site = make_site(tmp_path / "site", {"_posts/2020-01-01-target.md": TARGET,
                                         "_posts/2020-01-02-refers.md": REFERS,
                                         "_posts/2020-01-03-alone.md": "---\ntitle: Alone\n---\nNo links.\n"})
    (site / "assets").mkdir()
    (site / "assets/shot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    git("add", "-A", cwd=site)
    git("commit", "-q", "-m", "a picture", cwd=site)
    git("checkout", "-q", "-b", "pr", cwd=site)
    if change == "rename":
        git("mv", "_posts/2020-01-01-target.md", "_posts/2020-02-01-target.md", cwd=site)
    elif change == "delete":
        git("rm", "-q", "_posts/2020-01-01-target.md", cwd=site)
    else:
        git("rm", "-q", "assets/shot.png", cwd=site)
    git("commit", "-q", "-m", change, cwd=site)
    code = main(["check", "--offline", "--format", "json", "--changed-since", "main", str(site)])
    report = json.loads(capsys.readouterr().out)
    found = [(Path(d["path"]).name, d["code"], d["severity"]) for d in report["diagnostics"]]
    if change == "delete the picture":
        assert found == [("2020-01-02-refers.md", "BC303", "error")]
    else:
        assert found == [("2020-01-02-refers.md", "BC205", "error"), ("2020-01-02-refers.md", "BC204", "error")]
    assert code == 1
    assert report["summary"]["notes"] == [
        "1 unchanged post checked only for links to the 1 file deleted or renamed since main"]
    main(["check", "--offline", "--format", "json", "--changed-since", "main", "--new-links-only", str(site)])
    again = json.loads(capsys.readouterr().out)
    assert {d["severity"] for d in again["diagnostics"]} == {"error"}  # old links, broken by this change
    assert main(["check", "--offline", "--changed-since", "main", "--fix", str(site)]) == 0  # fixes touch no such post


def test_posts_in_a_changed_submodule_are_all_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`_posts/` as a git submodule: git lists only the submodule's new commit, not the
    posts that changed in it; rather than none, every post of it is checked."""
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "2024-03-01-old.md").write_text(OLD)
    git("init", "-q", "-b", "main", cwd=posts)
    git("add", "-A", cwd=posts)
    git("commit", "-q", "-m", "posts", cwd=posts)
    site = tmp_path / "site"
    site.mkdir()
    (site / "_config.yml").write_text("title: t\n")
    git("init", "-q", "-b", "main", cwd=site)
    git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(posts), "_posts", cwd=site)
    git("add", "-A", cwd=site)
    git("commit", "-q", "-m", "site", cwd=site)
    git("branch", "base", cwd=site)
    (site / "_posts" / "2024-03-02-other.md").write_text(OTHER)
    git("add", "-A", cwd=site / "_posts")
    git("commit", "-q", "-m", "another post", cwd=site / "_posts")
    git("add", "_posts", cwd=site)
    git("commit", "-q", "-m", "bump the posts", cwd=site)
    code, report = _check(capsys, site, "--changed-since", "base")
    assert (code, sorted(_found(report))) == (1, [("2024-03-01-old.md", "BC204", "error"),
                                                  ("2024-03-02-other.md", "BC204", "error")])


def test_an_unchanged_post_including_a_deleted_include_is_an_error(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Deleting `_includes/note.html` that a post includes stops Jekyll's build ("Could not
    locate the included file"): the post is checked for it, and its BC503 is kept (a hook
    audit: it was found, then dropped as no link finding, and the change passed)."""
    site = make_site(tmp_path / "site", {"_posts/2020-01-02-uses.md": "---\ntitle: U\n---\nText.\n\n"
                                                                      "{% include note.html %} Speling.\n"})
    (site / "_includes").mkdir()
    (site / "_includes" / "note.html").write_text("<b>note</b>\n", encoding="utf-8")
    git("add", "-A", cwd=site)
    git("commit", "-q", "-m", "an include", cwd=site)
    git("checkout", "-q", "-b", "pr", cwd=site)
    git("rm", "-q", "_includes/note.html", cwd=site)
    git("commit", "-q", "-m", "delete the include", cwd=site)
    code = main(["check", "--offline", "--format", "json", "--changed-since", "main", str(site)])
    found = [(Path(d["path"]).name, d["code"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert (code, found) == (1, [("2020-01-02-uses.md", "BC503")])  # not the old typo
