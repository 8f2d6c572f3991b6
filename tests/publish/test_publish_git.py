"""`blogcheck publish` against a real bare remote: assertions on its log and files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from publish_helpers import REPO, Sandbox, git

DAY65 = "_posts/2024-03-06-day-65.md"
UNPADDED = "_posts/2024-3-7-unpadded-file-name.md"
UNPADDED_TARGET = "_posts/2024-03-07-unpadded-file-name.md"
NO_TITLE = "_posts/2024-03-09-missing-title.md"


def test_first_publish_writes_approved_posts_in_one_commit(sandbox: Sandbox) -> None:
    sandbox.approve(DAY65)
    sandbox.approve(UNPADDED)
    code, out, err = sandbox.publish()
    assert (code, err) == (0, "")
    assert sandbox.subjects() == ["Publish 2 posts", "site"]
    assert sandbox.show(DAY65) == sandbox.unapproved(DAY65)
    assert sandbox.show(UNPADDED_TARGET) == sandbox.unapproved(UNPADDED)
    assert b"status:" not in sandbox.show(DAY65)
    body = sandbox.message()
    assert f"- {DAY65} (new, from {DAY65})" in body
    assert f"- {UNPADDED_TARGET} (new, from {UNPADDED})" in body
    assert "Published-by: blogcheck" in body
    assert f"publish  {UNPADDED} -> {UNPADDED_TARGET}" in out
    assert "skip     _posts/2024-03-08-malformed-date.md: not approved (no `status: approved`)" in out
    assert out.splitlines()[-1].startswith(f"Published 2 posts to {sandbox.remote} (main) in commit ")


def test_publishing_again_unchanged_makes_no_commit(sandbox: Sandbox) -> None:
    sandbox.approve(DAY65)
    assert sandbox.publish()[0] == 0
    before = sandbox.refs()
    code, out, _ = sandbox.publish()
    assert code == 0
    assert sandbox.refs() == before
    assert out.splitlines()[-1] == f"Nothing to publish: {sandbox.remote} (main) already has every approved post."


def test_a_changed_post_updates_its_copy_in_one_commit(sandbox: Sandbox) -> None:
    post = sandbox.approve(DAY65)
    assert sandbox.publish()[0] == 0
    post.write_text(post.read_text(encoding="utf-8") + "\nA second thought.\n", encoding="utf-8")
    code, out, _ = sandbox.publish()
    assert code == 0
    assert sandbox.subjects() == ["Publish 1 post", "Publish 1 post", "site"]
    assert sandbox.show(DAY65).endswith(b"A second thought.\n")
    assert f"- {DAY65} (updated, from {DAY65})" in sandbox.message()
    assert f"updated  {DAY65}" in out


def test_refused_posts_are_listed_and_the_others_published(sandbox: Sandbox) -> None:
    sandbox.approve(DAY65)
    sandbox.approve(NO_TITLE)
    code, out, _ = sandbox.publish()
    assert code == 1
    assert sandbox.has(DAY65) and not sandbox.has(NO_TITLE)
    assert f"refuse   {NO_TITLE}: approved, but the checks found 1 error" in out
    assert f"    {NO_TITLE}:1:1: BC110 missing required key `title`" in out


def test_the_same_options_as_check_decide(sandbox: Sandbox) -> None:
    sandbox.approve(NO_TITLE)
    assert sandbox.publish()[0] == 1
    assert sandbox.publish("--ignore", "BC110")[0] == 0
    assert sandbox.has(NO_TITLE)


def test_nothing_approved_touches_nothing(sandbox: Sandbox) -> None:
    before = sandbox.refs()
    code, out, _ = sandbox.publish()
    assert code == 0
    assert sandbox.refs() == before
    assert out.splitlines()[-1] == "Nothing to publish: no post is both approved and clean."


def test_a_file_blogcheck_did_not_publish_needs_force(sandbox: Sandbox) -> None:
    sandbox.commit_to_remote({DAY65: b"---\ntitle: written by hand\n---\n"}, "hand-written post")
    sandbox.approve(DAY65)
    before = sandbox.refs()
    code, _, err = sandbox.publish()
    assert code == 3
    assert sandbox.refs() == before
    assert f"  {DAY65}\n" in err and "--force" in err
    code, out, _ = sandbox.publish("--force")
    assert code == 0
    assert sandbox.show(DAY65) == sandbox.unapproved(DAY65)
    assert f"replaced {DAY65}" in out


def test_a_published_copy_edited_in_the_target_is_not_overwritten(sandbox: Sandbox) -> None:
    post = sandbox.approve(DAY65)
    assert sandbox.publish()[0] == 0
    sandbox.commit_to_remote({DAY65: sandbox.show(DAY65) + b"Fixed a typo on the site.\n"}, "typo")
    post.write_text(post.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
    assert sandbox.publish()[0] == 3
    assert sandbox.subjects()[0] == "typo"


def test_a_rejected_push_leaves_the_remote_unchanged(sandbox: Sandbox) -> None:
    sandbox.hook("pre-receive", "echo 'frozen: no pushes today' >&2\nexit 1")
    sandbox.approve(DAY65)
    before = sandbox.refs()
    code, out, err = sandbox.publish()
    assert code == 3
    assert sandbox.refs() == before
    assert "pre-receive hook declined" in err and "frozen: no pushes today" in err
    assert "Published" not in out


def test_two_publishers_racing_both_land(sandbox: Sandbox, tmp_path: Path) -> None:
    runs, results = _race(sandbox, tmp_path)
    assert [run.returncode for run in runs] == [0, 0], results
    assert sandbox.has(DAY65) and sandbox.has(UNPADDED_TARGET)
    assert sandbox.subjects() == ["Publish 1 post", "Publish 1 post", "site"]
    assert sum("after 1 retry." in out for out, _ in results) == 1, results


def test_dry_run_prints_the_plan_and_the_diff_and_changes_nothing(sandbox: Sandbox) -> None:
    sandbox.approve(DAY65)
    before = sandbox.refs()
    code, out, _ = sandbox.publish("--dry-run")
    assert code == 0
    assert sandbox.refs() == before
    assert f"new      {DAY65}" in out
    assert f"Dry run: would publish 1 post to {sandbox.remote} (main); nothing was changed." in out
    assert f"+++ b/{DAY65}" in out and '+title: "Day 65: attention, again"' in out
    assert "+status" not in out


def test_the_dry_runs_diff_keeps_the_carriage_returns_it_would_push(sandbox: Sandbox) -> None:
    """A post with CRLF line ends: the diff printed is the one pushed, `\r` and all (a publish
    audit: read in text mode, git's output lost them, so a change of line ends looked like none)."""
    post = sandbox.approve(DAY65)
    post.write_bytes(post.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    code, out, _ = sandbox.publish("--dry-run")
    assert code == 0
    section = out.split(f"+++ b/{DAY65}\n", 1)[1].split("\ndiff --git", 1)[0]  # the post's (an image goes too)
    added = [line for line in section.split("\n") if line.startswith("+")]
    assert added and [line for line in added if not line.endswith("\r")] == []


def test_branch_and_message(sandbox: Sandbox) -> None:
    git("--git-dir", str(sandbox.remote), "branch", "gh-pages", "main")
    sandbox.approve(DAY65)
    code, out, _ = sandbox.publish("--branch", "gh-pages", "--message", "New post from the notes repo")
    assert code == 0
    assert sandbox.subjects("gh-pages")[0] == "New post from the notes repo"
    assert sandbox.subjects("main") == ["site"]
    assert "(gh-pages)" in out
    code, _, err = sandbox.publish("--branch", "nope")
    assert code == 3 and "nope" in err


def test_retries_are_bounded(sandbox: Sandbox, tmp_path: Path) -> None:
    """With no retry allowed, the publisher that loses the race fails (exit 3) and changes nothing."""
    runs, results = _race(sandbox, tmp_path, config="[publish]\nmax_push_retries = 0\n")
    assert sorted(run.returncode for run in runs) == [0, 3], results
    assert any("still rejected after 0 retries" in err for _, err in results), results
    assert sandbox.subjects() == ["Publish 1 post", "site"]


def test_the_first_publish_into_an_empty_repository(sandbox: Sandbox, tmp_path: Path) -> None:
    empty = tmp_path / "empty.git"
    git("init", "-q", "--bare", "-b", "main", str(empty))
    sandbox.approve(DAY65)
    code, _, err = sandbox.publish(to=str(empty))
    assert code == 0, err
    assert git("--git-dir", str(empty), "log", "--format=%s", "main").splitlines() == ["Publish 1 post"]


def test_posts_of_two_sites_on_one_command_line(sandbox: Sandbox, tmp_path: Path) -> None:
    other = tmp_path / "other-site"
    shutil.copytree(sandbox.source, other)
    sandbox.approve(DAY65)
    Sandbox(tmp_path, sandbox.remote, other, sandbox.capture).approve(UNPADDED)
    code, _, err = sandbox.publish(str(sandbox.source / DAY65), str(other / UNPADDED))
    assert code == 0, err
    assert sandbox.has(DAY65) and sandbox.has(UNPADDED_TARGET)
    assert sandbox.subjects() == ["Publish 2 posts", "site"]


def test_one_asset_path_with_two_different_files_is_refused(sandbox: Sandbox, tmp_path: Path) -> None:
    """Posts of two sites both link `/assets/a.png`, and the two files differ: whichever
    were copied, one post would show the other's picture. Nothing is published; the same
    file linked twice is no conflict."""
    other = tmp_path / "other-site"
    shutil.copytree(sandbox.source, other)
    for site, picture in ((sandbox.source, b"one"), (other, b"two")):
        (site / "assets").mkdir(exist_ok=True)
        (site / "assets" / "a.png").write_bytes(picture)
    first = sandbox.approve(DAY65)
    second = Sandbox(tmp_path, sandbox.remote, other, sandbox.capture).approve(UNPADDED)
    for post in (first, second):
        post.write_text(post.read_text(encoding="utf-8") + "\n![a](/assets/a.png)\n", encoding="utf-8")
    before = sandbox.refs()
    code, _, err = sandbox.publish(str(first), str(second))
    assert code == 3 and sandbox.refs() == before
    assert "`assets/a.png` would be two different files" in err and str(other / "assets" / "a.png") in err, err
    (other / "assets" / "a.png").write_bytes(b"one")
    code, _, err = sandbox.publish(str(first), str(second))
    assert code == 0 and sandbox.show("assets/a.png") == b"one", err


def _race(sandbox: Sandbox, tmp_path: Path,
          config: str = "") -> tuple[list[subprocess.Popen[str]], list[tuple[str, str]]]:
    """Two publishers of two sources pushing to one remote at once. A barrier in
    the hook makes each push wait (10 s at most) until both have arrived, so they
    really race for the same ref."""
    arrived = tmp_path / "arrived"
    arrived.mkdir()
    sandbox.hook("pre-receive", f'touch "{arrived}/$$"\ni=0\n'
                 f'while [ "$(ls "{arrived}" | wc -l)" -lt 2 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done')
    other = tmp_path / "src2"
    shutil.copytree(sandbox.source, other)
    sandbox.approve(DAY65)
    Sandbox(tmp_path, sandbox.remote, other, sandbox.capture).approve(UNPADDED)
    if config:
        for folder in (sandbox.source, other):
            (folder / "blogcheck.toml").write_text(config)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = [subprocess.Popen([sys.executable, "-m", "blogcheck", "publish", "--to", str(sandbox.remote), "--offline"],
                             cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for folder in (sandbox.source, other)]
    return runs, [run.communicate(timeout=120) for run in runs]


def test_an_identity_only_half_given_is_completed(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """CI that sets only GIT_COMMITTER_*: git needs an author too. The committer stays
    the one given; the author is blogcheck's fallback (there is no user config)."""
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("EMAIL", "")
    sandbox.approve(DAY65)
    code, _, err = sandbox.publish()
    assert (code, err) == (0, "")
    people = git("--git-dir", str(sandbox.remote), "log", "-1", "--format=%an <%ae> | %cn <%ce>", "main").strip()
    assert people == "blogcheck <blogcheck@localhost> | Ada <ada@example.org>"


def test_a_push_the_remote_keeps_refusing_says_what_git_said(sandbox: Sandbox) -> None:
    """A stale lock file in the remote (a git process that crashed) refuses every push as a
    lost race would: after the retries the message gives git's own reason, not only a race."""
    (sandbox.remote / "refs" / "heads" / "main.lock").write_text("", encoding="utf-8")
    sandbox.approve(DAY65)
    before = sandbox.refs()
    code, _, err = sandbox.publish()
    assert code == 3 and sandbox.refs() == before
    assert "still rejected after 5 retries" in err and "main.lock': File exists" in err, err


def test_a_reader_that_goes_away_stops_no_publish(sandbox: Sandbox) -> None:
    """`blogcheck publish | head -1` where the reader is gone before the first line: the
    publish still ends (pushed), with its own exit code (not 120, a failed flush) and no
    traceback."""
    sandbox.approve(DAY65)
    sandbox.approve(UNPADDED)
    child = subprocess.Popen([sys.executable, "-m", "blogcheck", "publish", "--to", str(sandbox.remote), "--offline"],
                             cwd=sandbox.source, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    err = child.stderr.read().decode()
    assert child.wait(timeout=300) == 0, err
    assert "Traceback" not in err
    assert sandbox.subjects() == ["Publish 2 posts", "site"]


def _commit_source(sandbox: Sandbox, message: str, when: str) -> str:
    env = {**os.environ, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when}
    subprocess.run(["git", "add", "-A"], cwd=sandbox.source, check=True, timeout=60, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=sandbox.source, check=True, timeout=60, env=env)
    return git("rev-parse", "HEAD", cwd=sandbox.source).strip()


def test_an_older_checkout_never_puts_back_what_a_newer_one_published(sandbox: Sandbox, tmp_path: Path) -> None:
    """A re-run of an old CI job: the source at v1 after v2 was published. Refused,
    whether the clone knows v2 (its ancestor check) or not (a shallow clone: the commit
    times); --force puts v1 back on purpose. The publish commit names its source."""
    post = sandbox.approve(DAY65)
    git("init", "-q", "-b", "main", cwd=sandbox.source)
    first = _commit_source(sandbox, "v1", "2026-01-01T10:00:00+00:00")
    post.write_text(post.read_text(encoding="utf-8") + "\nVersion two.\n", encoding="utf-8")
    second = _commit_source(sandbox, "v2", "2026-01-02T10:00:00+00:00")
    code, _, err = sandbox.publish(DAY65)
    assert code == 0, err
    assert f"Published-from: {second} " in sandbox.message()
    git("checkout", "-q", first, cwd=sandbox.source)
    before = sandbox.refs()
    code, _, err = sandbox.publish(DAY65)
    assert code == 3 and sandbox.refs() == before, err
    assert f"this checkout ({first[:12]}) is older than the one the target's copies came from" in err
    assert f"  {DAY65} was published from {second[:12]} (committed 2026-01-02 10:00 UTC)" in err
    shallow = tmp_path / "shallow"
    git("branch", "old", first, cwd=sandbox.source)
    git("clone", "-q", "--depth", "1", "--single-branch", "--branch", "old", f"file://{sandbox.source}", str(shallow))
    assert subprocess.run(["git", "cat-file", "-e", second], cwd=shallow, timeout=60).returncode != 0
    os.chdir(shallow)
    code, _, err = sandbox.publish(DAY65)
    assert code == 3 and sandbox.refs() == before, err
    # a shallow clone that also fetched v2, without the history between (a publish audit: v1 went back)
    git("fetch", "-q", "--depth", "1", "origin", second, cwd=shallow)
    assert subprocess.run(["git", "cat-file", "-e", second], cwd=shallow, timeout=60).returncode == 0
    code, _, err = sandbox.publish(DAY65)
    assert code == 3 and sandbox.refs() == before, err
    code, _, err = sandbox.publish(DAY65, "--force")
    assert code == 0 and sandbox.refs() != before, err
    assert b"Version two." not in sandbox.show(DAY65)


def test_many_posts_not_approved_are_one_line_and_a_refusal_is_named_at_the_end(sandbox: Sandbox) -> None:
    """A blog of a thousand posts with two approved: the plan does not list the rest one
    a line. A second run with a refused post says the target has every approved post
    *that passes the checks*, and why it exits 1."""
    for number in range(10):
        (sandbox.source / "_posts" / f"2024-04-{number + 1:02d}-idea.md").write_text(
            f"---\ntitle: Idea {number}\n---\nNot yet.\n", encoding="utf-8")
    sandbox.approve(DAY65)
    code, out, _ = sandbox.publish()
    assert code == 0
    skips = [line for line in out.splitlines() if line.startswith("skip")]
    assert len(skips) == 1 and skips[0].startswith("skip     17 posts not approved (no `status: approved`): ")
    assert skips[0].endswith(" and 14 more")
    sandbox.approve("_posts/2024-03-09-missing-title.md")  # refused: BC110
    code, out, _ = sandbox.publish()
    assert code == 1
    assert out.splitlines()[-1] == (f"Nothing to publish: {sandbox.remote} (main) already has every approved post "
                                    "that passes the checks (1 refused: see above).")


def test_another_writing_repositorys_post_is_not_overwritten(sandbox: Sandbox, tmp_path: Path) -> None:
    """Two writing repositories publish into one site: the second's post of the same name
    replaced the first's, "updated", exit 0 (a publish audit: data loss). Each publish
    names its source repository (`Published-source:`, the origin remote as host/path);
    a copy from another is refused, exit 3, unless `--force`. The same repository cloned
    by another URL (ssh here, https in CI) is the same source."""
    post = sandbox.approve(DAY65)
    git("init", "-q", "-b", "main", cwd=sandbox.source)
    git("remote", "add", "origin", "git@github.com:ada/notes.git", cwd=sandbox.source)
    _commit_source(sandbox, "v1", "2026-01-01T10:00:00+00:00")
    code, _, err = sandbox.publish(DAY65)
    assert code == 0 and "Published-source: github.com/ada/notes\n" in sandbox.message(), err
    post.write_text(post.read_text(encoding="utf-8") + "\nVersion two.\n", encoding="utf-8")
    git("remote", "set-url", "origin", "https://github.com/Ada/Notes", cwd=sandbox.source)  # GitHub ignores case
    _commit_source(sandbox, "v2", "2026-01-02T10:00:00+00:00")
    code, _, err = sandbox.publish(DAY65)
    assert code == 0 and b"Version two." in sandbox.show(DAY65), err
    git("remote", "set-url", "origin", "https://github.com/bob/other-blog.git", cwd=sandbox.source)
    post.write_text(post.read_text(encoding="utf-8") + "\nBob's text.\n", encoding="utf-8")
    _commit_source(sandbox, "bob", "2026-01-03T10:00:00+00:00")
    before = sandbox.refs()
    code, _, err = sandbox.publish(DAY65)
    assert code == 3 and sandbox.refs() == before, err
    assert f"  {DAY65} was published from github.com/ada/notes" in err.lower()
    code, _, err = sandbox.publish(DAY65, "--force")
    assert code == 0 and b"Bob's text." in sandbox.show(DAY65), err


def test_a_clean_checkout_never_puts_back_what_was_published_from_its_changes(sandbox: Sandbox) -> None:
    """A fix published by hand before it was committed named HEAD as its source; CI's run
    of that same commit then put the old text back (a publish audit). The trailer says
    `+changes`, and the same commit without them is older: refused, exit 3."""
    post = sandbox.approve(DAY65)
    git("init", "-q", "-b", "main", cwd=sandbox.source)
    head = _commit_source(sandbox, "v1", "2026-01-01T10:00:00+00:00")
    post.write_text(post.read_text(encoding="utf-8") + "\nThe fix.\n", encoding="utf-8")
    code, _, err = sandbox.publish(DAY65)
    assert code == 0 and f"Published-from: {head} " in sandbox.message(), err
    assert sandbox.message().split(f"Published-from: {head} ")[1].split("\n")[0].endswith(" +changes")
    git("checkout", "-q", "--", ".", cwd=sandbox.source)  # CI's clean checkout of the same commit
    before = sandbox.refs()
    code, _, err = sandbox.publish(DAY65)
    assert code == 3 and sandbox.refs() == before, err
    assert f"was published from {head[:12]} with changes not committed" in err
    post.write_text(post.read_text(encoding="utf-8") + "\nThe fix.\n", encoding="utf-8")
    _commit_source(sandbox, "the fix", "2026-01-02T10:00:00+00:00")
    code, _, err = sandbox.publish(DAY65)
    assert code == 0 and b"The fix." in sandbox.show(DAY65), err


def test_a_source_repository_git_cannot_read_is_said(sandbox: Sandbox) -> None:
    """A garbage `.git/HEAD` in the writing repository: git no longer names its commit, so
    the publish commit carried no `Published-from:` and the guard against an older
    checkout was off without a word (hostile-input audit). It publishes, with a note."""
    sandbox.approve(DAY65)
    git("init", "-q", "-b", "main", cwd=sandbox.source)
    _commit_source(sandbox, "v1", "2026-01-01T10:00:00+00:00")
    (sandbox.source / ".git" / "HEAD").write_text("garbage\n", encoding="utf-8")
    code, out, err = sandbox.publish(DAY65)
    assert code == 0, err
    assert "note: " in out and "git does not read it as a repository: this publish names no source commit" in out
    assert "Published-from:" not in sandbox.message()
