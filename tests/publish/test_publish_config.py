"""[publish] in blogcheck.toml, flags on top, and bad settings (exit 2)."""

from __future__ import annotations

import os

import pytest
from publish_helpers import Sandbox

from blogcheck.cli import main

DAY65 = "_posts/2024-03-06-day-65.md"


def test_the_config_section_sets_target_approval_and_stripped_keys(sandbox: Sandbox) -> None:
    target = os.path.relpath(sandbox.remote, sandbox.source)
    (sandbox.source / "blogcheck.toml").write_text(
        f'[publish]\nto = "{target}"\napprove_key = "review"\napprove_value = "yes"\n'
        'strip_keys = ["review", "reviewer"]\nmessage = "Notes go live"\n', encoding="utf-8")
    sandbox.approve(DAY65, "review: Yes  # by the editor\nreviewer: Bo")
    sandbox.approve("_posts/2024-3-7-unpadded-file-name.md")  # `status: approved` means nothing now
    code = main(["publish", "--offline"])  # the target comes from the file
    out, _ = sandbox.capture.readouterr()
    assert code == 0, out
    assert sandbox.subjects()[0] == "Notes go live"
    published = sandbox.show(DAY65)
    assert b"review" not in published and published == (sandbox.source / DAY65).read_bytes().replace(
        b"review: Yes  # by the editor\nreviewer: Bo\n", b"")
    assert not sandbox.has("_posts/2024-03-07-unpadded-file-name.md")
    assert "not approved (no `review: yes`)" in out


@pytest.mark.parametrize(("toml", "args", "message"), [
    ('[publish]\napprove_kee = "x"\n', [], "did you mean `approve_key`?"),
    ('[publish]\nmax_push_retries = 500\n', [], "max_push_retries must be 0..50, not 500"),
    ('[publish]\nbuild = "yes"\n', [], "`build` must be true or false"),
    ("", ["--to", ""], "publish needs a target"),
    ("", ["--to", "x", "--branch", "../main"], "`../main` is not a valid branch name"),
    ("", ["--to", "x", "--branch=-f"], "`-f` is not a valid branch name"),
])
def test_bad_settings_exit_2(sandbox: Sandbox, toml: str, args: list[str], message: str) -> None:
    (sandbox.source / "blogcheck.toml").write_text(toml, encoding="utf-8")
    sandbox.approve(DAY65)
    code = main(["publish", *args] if args else ["publish", "--to", str(sandbox.remote)])
    _, err = sandbox.capture.readouterr()
    assert code == 2 and message in err
    assert "approve_key" not in err or "approve_kee" in toml  # only what is wrong is named
    assert sandbox.subjects() == ["site"]


@pytest.mark.parametrize("target", ["ext::sh -c x", "ftp://h/x.git", "https://h:99999/x"])
def test_a_target_git_cannot_take_is_a_usage_error_before_any_check(sandbox: Sandbox, target: str) -> None:
    """`--to 'ext::...'` ran every check and then failed as a publish (exit 3), and was never
    looked at when no post was approved (a publish audit): exit 2 now, before the checks."""
    code, out, err = sandbox.publish(to=target)
    assert code == 2 and out == "" and f"--to {target}: " in err, err
