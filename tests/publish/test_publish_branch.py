"""Which branch `publish` writes to when none is given: the target's HEAD, only
when that branch exists or the target has no branch at all (the first publish
into an empty repository: test_publish_git.py)."""

from __future__ import annotations

from publish_helpers import Sandbox, git

DAY65 = "_posts/2024-03-06-day-65.md"


def _head_names_a_missing_branch(sandbox: Sandbox) -> None:
    """The remote's HEAD says `master`; the site lives on `main` only."""
    git("--git-dir", str(sandbox.remote), "symbolic-ref", "HEAD", "refs/heads/master")
    git("--git-dir", str(sandbox.remote), "branch", "gh-pages", "main")


def test_a_head_naming_a_missing_branch_is_refused(sandbox: Sandbox) -> None:
    _head_names_a_missing_branch(sandbox)
    sandbox.approve(DAY65)
    before = sandbox.refs()
    code, out, err = sandbox.publish()
    assert code == 3, (out, err)
    assert sandbox.refs() == before
    assert "Published" not in out
    assert "`master`, which does not exist" in err
    assert "its branches: gh-pages, main." in err and "--branch" in err
    code, out, err = sandbox.publish("--branch", "main")  # the way out the message names
    assert code == 0, err
    assert sandbox.subjects("main") == ["Publish 1 post", "site"]
    assert "master" not in sandbox.refs() and "(main)" in out


def test_the_dry_run_is_refused_too(sandbox: Sandbox) -> None:
    _head_names_a_missing_branch(sandbox)
    sandbox.approve(DAY65)
    code, out, err = sandbox.publish("--dry-run")
    assert code == 3 and "Dry run" not in out and "`master`" in err
