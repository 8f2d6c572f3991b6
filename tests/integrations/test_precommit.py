"""The pre-commit hooks, run by the real `pre-commit` on a small Jekyll site in
a git repository: `try-repo` as a user tries them, and an installed hook under
a real `git commit`. pre-commit installs blogcheck from a snapshot of this
repository into its own environment (from the package registry, once a session)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from integration_support import BAD_POST, GOOD_POST, REPO, LinkServer, git, make_site

from blogcheck.cli import main

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
HOOK_IDS = [hook["id"] for hook in HOOKS]
_TIMEOUT = 900  # the first run builds pre-commit's environment for blogcheck


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit store for the session, so blogcheck's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=_TIMEOUT)


def _site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "blog", {})


def _config(site: Path, snapshot: Path, hook: str) -> None:
    rev = git("rev-parse", "HEAD", cwd=snapshot).strip()
    (site / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {snapshot}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n")
    git("add", ".pre-commit-config.yaml", cwd=site)
    git("commit", "-q", "-m", "Add pre-commit", cwd=site)


def test_manifest_and_configs_are_valid_for_pre_commit(tmp_path: Path) -> None:
    from blogcheck.commands.init import _template

    (tmp_path / "init.yaml").write_text(_template("pre-commit-config.yaml"))
    for command, path in [("validate-manifest", REPO / ".pre-commit-hooks.yaml"),
                          ("validate-config", REPO / ".pre-commit-config.yaml"),
                          ("validate-config", tmp_path / "init.yaml")]:
        done = pre_commit(command, str(path), cwd=tmp_path, home=tmp_path / "home")
        assert done.returncode == 0, f"{path.name}: {done.stdout}{done.stderr}"


def test_every_hook_id_appears_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert HOOK_IDS == ["blogcheck", "blogcheck-offline", "blogcheck-fix"]
    missing = [hook for hook in HOOK_IDS if not re.search(rf"id: {re.escape(hook)}(?![\w-])", readme)]
    assert missing == [], "README.md should show `- id: HOOK` for every hook of .pre-commit-hooks.yaml"


def _post_files() -> list[Path]:
    folders = [REPO / "tests/fixtures/site", REPO / "examples"]
    return sorted(p for f in folders for d in ("_posts", "_drafts") for p in (f / d).rglob("*") if p.is_file())


@pytest.mark.parametrize("hook", HOOKS, ids=HOOK_IDS)
def test_files_pattern_matches_posts_and_drafts_only(hook: dict[str, object]) -> None:
    pattern = re.compile(str(hook["files"]))
    posts = [p.relative_to(REPO).as_posix() for p in _post_files()]
    assert len(posts) > 20
    assert [p for p in posts if not pattern.search(p)] == []
    for other in ["examples/_layouts/post.html", "examples/index.md", "_config.yml", "README.md",
                  "_posts/image.png", "docs/_posts.md", "my_posts/2024-01-01-x.md"]:
        assert not pattern.search(other), other
    for nested in ["blog/_posts/2024-01-01-x.markdown", "_drafts/idea.HTML", "_posts/2024/2024-01-01-x.mkdn",
                   "_posts/2024-01-01-x.md.bak", "blog/_posts/notes/2024-1-5-data.json"]:  # dated: Jekyll's posts
        assert pattern.search(nested), nested
    for skipped in ["_posts/2024-01-01-x.md~", "_posts/diagram.png", "_drafts/2024-01-01-x.md.bak"]:
        assert not pattern.search(skipped), skipped
    assert hook["require_serial"] is True and hook["language"] == "python"


def test_try_repo_fails_on_a_bad_post_with_blogchecks_messages(tmp_path: Path, snapshot: Path) -> None:
    site = _site(tmp_path)
    (site / "_posts/2024-03-08-bad.md").write_text(BAD_POST)
    done = pre_commit("try-repo", str(snapshot), "blogcheck-offline", "--files", "_posts/2024-03-08-bad.md",
                      cwd=site, home=tmp_path / "home")
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"blogcheck \(offline\)\.+Failed", done.stdout)
    assert "_posts/2024-03-08-bad.md:3:7: BC120 " in done.stdout
    assert "_posts/2024-03-08-bad.md:2:1: BC131 unknown key `titl`" in done.stdout
    assert "Checked 1 file: 2 errors, 1 warning." in done.stdout


def test_try_repo_passes_on_a_good_post(tmp_path: Path, snapshot: Path) -> None:
    site = _site(tmp_path)
    (site / "_posts/2024-03-06-good.md").write_text(GOOD_POST)
    done = pre_commit("try-repo", str(snapshot), "blogcheck-offline", "--files", "_posts/2024-03-06-good.md",
                      cwd=site, home=tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"blogcheck \(offline\)\.+Passed", done.stdout)


def test_fix_hook_mends_the_post_and_stops_the_commit_once(tmp_path: Path, snapshot: Path) -> None:
    """pre-commit fails a hook that changed a file; the second run, on the mended post, passes."""
    site = _site(tmp_path)
    post = site / "_posts/2024-03-06-fixable.md"
    post.write_text(GOOD_POST.replace("Hello,", "Teh SQL is") + "\n```sql\nselect * from {{ ref('orders') }}\n```\n")
    git("add", "-A", cwd=site)
    first = pre_commit("try-repo", str(snapshot), "blogcheck-fix", "--files", "_posts/2024-03-06-fixable.md",
                       cwd=site, home=tmp_path / "home")
    assert first.returncode == 1 and re.search(r"blogcheck \(fix\)\.+Failed", first.stdout), first.stdout
    assert "files were modified by this hook" in first.stdout and "BC401 fixed: `Teh` -> `The`" in first.stdout
    assert post.read_text() == GOOD_POST.replace("Hello,", "The SQL is") + (
        "\n```sql\nselect * from {% raw %}{{ ref('orders') }}{% endraw %}\n```\n")
    second = pre_commit("try-repo", str(snapshot), "blogcheck-fix", "--files", "_posts/2024-03-06-fixable.md",
                        cwd=site, home=tmp_path / "home")
    assert second.returncode == 0 and re.search(r"blogcheck \(fix\)\.+Passed", second.stdout), second.stdout


def test_fix_hook_leaves_what_it_cannot_fix_to_the_check_hook(tmp_path: Path, snapshot: Path) -> None:
    """`--fix-only`: with an error no fix mends (a date no calendar has), the fix hook fails
    only while it changes a file, and shows only its fixes; `blogcheck` reports the rest."""
    site = _site(tmp_path)
    post = site / "_posts/2024-03-06-fixable.md"
    post.write_text(GOOD_POST.replace("Hello,", "Teh SQL is").replace("2024-03-06 09:00:00 +0000", "2024-03-38"))
    git("add", "-A", cwd=site)
    first = pre_commit("try-repo", str(snapshot), "blogcheck-fix", "--files", "_posts/2024-03-06-fixable.md",
                       cwd=site, home=tmp_path / "home")
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout, first.stdout
    assert "BC401 fixed: `Teh` -> `The`" in first.stdout and "BC120" not in first.stdout
    second = pre_commit("try-repo", str(snapshot), "blogcheck-fix", "--files", "_posts/2024-03-06-fixable.md",
                        cwd=site, home=tmp_path / "home")
    assert second.returncode == 0 and re.search(r"blogcheck \(fix\)\.+Passed", second.stdout), second.stdout
    check = pre_commit("try-repo", str(snapshot), "blogcheck-offline", "--files", "_posts/2024-03-06-fixable.md",
                       cwd=site, home=tmp_path / "home")
    assert check.returncode == 1 and "BC120" in check.stdout, check.stdout


def test_hooks_take_a_post_that_is_a_symbolic_link(tmp_path: Path, snapshot: Path) -> None:
    """A post kept elsewhere in the repository and linked into `_posts/` (Jekyll reads it,
    outside safe mode): pre-commit's `types: [file]` would pass it over; the check hook
    reports it, and the fix hook mends the file the link points to, leaving the link."""
    site = _site(tmp_path)
    (site / "notes").mkdir()
    target = site / "notes/bad.md"
    target.write_text(BAD_POST)
    link = site / "_posts/2024-03-08-bad.md"
    link.symlink_to("../notes/bad.md")
    git("add", "-A", cwd=site)
    done = pre_commit("try-repo", str(snapshot), "blogcheck-offline", "--files", "_posts/2024-03-08-bad.md",
                      cwd=site, home=tmp_path / "home")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "_posts/2024-03-08-bad.md:3:7: BC120 " in done.stdout

    target.write_text(GOOD_POST.replace("2024-03-06", "2024-03-08").replace("Hello,", "Teh end,"))
    git("add", "-A", cwd=site)
    fixed = pre_commit("try-repo", str(snapshot), "blogcheck-fix", "--files", "_posts/2024-03-08-bad.md",
                       cwd=site, home=tmp_path / "home")
    assert fixed.returncode == 1 and "BC401 fixed: `Teh` -> `The`" in fixed.stdout, fixed.stdout
    assert link.is_symlink() and "The end," in target.read_text()


def test_a_backup_left_in_posts_fails_the_hook(tmp_path: Path, snapshot: Path) -> None:
    """A dated file of `_posts/` with another extension is a post to Jekyll (BC126): the
    hooks take it too, though it is no Markdown."""
    site = _site(tmp_path)
    (site / "_posts/2024-03-06-good.md.bak").write_text(GOOD_POST)
    done = pre_commit("try-repo", str(snapshot), "blogcheck-offline", "--verbose", "--files",
                      "_posts/2024-03-06-good.md.bak", cwd=site, home=tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr  # a warning: the commit goes on
    assert "_posts/2024-03-06-good.md.bak:1:1: BC126 " in done.stdout


def _commit(site: Path, message: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "commit", "-m", message], cwd=site, capture_output=True, text=True,
                          timeout=_TIMEOUT)


def _subjects(site: Path) -> list[str]:
    return git("log", "--format=%s", cwd=site).splitlines()


def test_installed_hook_blocks_a_bad_commit_and_lets_a_good_one_through(
        tmp_path: Path, snapshot: Path, pre_commit_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path)
    _config(site, snapshot, "blogcheck-offline")
    monkeypatch.setenv("PRE_COMMIT_HOME", str(pre_commit_home))
    installed = pre_commit("install", cwd=site, home=pre_commit_home)
    assert installed.returncode == 0, installed.stderr
    post = site / "_posts/2024-03-08-bad.md"
    post.write_text(BAD_POST)
    git("add", str(post), cwd=site)
    refused = _commit(site, "Add a bad post")
    assert refused.returncode == 1
    assert "_posts/2024-03-08-bad.md:3:7: BC120 " in refused.stdout + refused.stderr
    assert _subjects(site) == ["Add pre-commit", "Start the site"]

    post.write_text(GOOD_POST.replace("2024-03-06", "2024-03-08"))
    git("add", str(post), cwd=site)
    accepted = _commit(site, "Add a good post")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert re.search(r"blogcheck \(offline\)\.+Passed", accepted.stdout + accepted.stderr)
    assert _subjects(site) == ["Add a good post", "Add pre-commit", "Start the site"]

    (site / "about.md").write_text("Not a post.\n")
    git("add", "about.md", cwd=site)
    other = _commit(site, "Add a page")  # always_run: it runs, finds no deletion, and passes
    assert other.returncode == 0 and re.search(r"blogcheck \(offline\)\.+Passed", other.stdout + other.stderr)


def _two_sites(tmp_path: Path, posts: dict[str, str], snapshot: Path, home: Path,
               monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository of two sites, `a/` and `b/`, each with `posts` (b's blogcheck.toml
    ignores BC401), the offline hook installed and every file staged."""
    repo = make_site(tmp_path / "repo", {})
    for name in ("a", "b"):
        (repo / name / "_posts").mkdir(parents=True)
        (repo / name / "_config.yml").write_text("title: t\n")
        for post, text in posts.items():
            (repo / name / "_posts" / post).write_text(text)
    (repo / "b" / "blogcheck.toml").write_text('ignore = ["BC401"]\n')
    _config(repo, snapshot, "blogcheck-offline")
    monkeypatch.setenv("PRE_COMMIT_HOME", str(home))
    assert pre_commit("install", cwd=repo, home=home).returncode == 0
    git("add", "-A", cwd=repo)
    return repo


def test_a_commit_touching_two_sites_checks_each_with_its_own_config(
        tmp_path: Path, snapshot: Path, pre_commit_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repository holding two sites, `a/` and `b/`; b's blogcheck.toml ignores BC401.
    pre-commit names the files in path order, so b's post comes second."""
    teh = GOOD_POST.replace("Hello,", "Teh end,")
    repo = _two_sites(tmp_path, {"2024-03-06-teh.md": teh}, snapshot, pre_commit_home, monkeypatch)
    refused = _commit(repo, "Two posts")
    said = refused.stdout + refused.stderr
    assert refused.returncode == 1, said
    assert "a/_posts/2024-03-06-teh.md:5:1: BC401 `Teh` is a misspelling of `The`" in said
    assert "b/_posts/" not in said and "Checked 2 files: 1 error, 0 warnings." in said
    (repo / "a" / "blogcheck.toml").write_text('ignore = ["BC401"]\n')
    git("add", "-A", cwd=repo)
    accepted = _commit(repo, "Two posts")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_a_commit_whose_posts_are_all_excluded_passes(tmp_path: Path, snapshot: Path, pre_commit_home: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A hook run with files, all left out by `exclude`, passes (a PATH folder with no post
    is a usage error, a file list that `exclude` empties is not)."""
    site = _site(tmp_path)
    (site / "blogcheck.toml").write_text('exclude = ["_drafts/*"]\n')
    _config(site, snapshot, "blogcheck-offline")
    monkeypatch.setenv("PRE_COMMIT_HOME", str(pre_commit_home))
    assert pre_commit("install", cwd=site, home=pre_commit_home).returncode == 0
    (site / "_drafts").mkdir()
    (site / "_drafts" / "idea.md").write_text("not a post yet\n")
    (site / "empty").mkdir()
    git("add", "-A", cwd=site)
    done = _commit(site, "An idea")
    said = done.stdout + done.stderr
    assert done.returncode == 0 and re.search(r"blogcheck \(offline\)\.+Passed", said), said
    monkeypatch.chdir(site)
    assert main(["check", "--offline", "empty"]) == 2  # while a folder named with no post in it is refused


def test_online_hook_checks_remote_links_through_the_cache(
        tmp_path: Path, snapshot: Path, pre_commit_home: Path, link_server: str) -> None:
    site = _site(tmp_path)
    _config(site, snapshot, "blogcheck")
    post = site / "_posts/2024-03-06-links.md"
    post.write_text(GOOD_POST.replace("[home](/)", f"[ok]({link_server}/ok)"))
    first = pre_commit("run", "blogcheck", "--files", "_posts/2024-03-06-links.md", cwd=site, home=pre_commit_home)
    assert first.returncode == 0, first.stdout + first.stderr
    assert LinkServer.hits == ["/ok"]
    assert (Path(os.environ["XDG_CACHE_HOME"]) / "blogcheck" / "links.sqlite").is_file()

    post.write_text(post.read_text() + f"\nAnd [gone]({link_server}/gone).\n")
    second = pre_commit("run", "blogcheck", "--files", "_posts/2024-03-06-links.md", cwd=site, home=pre_commit_home)
    assert second.returncode == 1
    assert f"_posts/2024-03-06-links.md:7:12: BC201 broken link: {link_server}/gone" in second.stdout
    assert LinkServer.hits.count("/ok") == 1, "the ok link is answered from the cache the second time"


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_this_repos_hooks_install_every_runtime_dependency() -> None:
    import tomllib

    needed = {_name(r) for r in tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]}
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    for hook in ("mypy", "blogcheck-examples"):
        have = {_name(r) for r in hooks[hook]["additional_dependencies"]}
        assert needed - have == set(), f"{hook}: add these to additional_dependencies"


def test_this_repos_own_hooks_pass_on_it_and_catch_a_bad_example(
        tmp_path: Path, snapshot: Path, pre_commit_home: Path) -> None:
    """Dogfooding: ruff, mypy and blogcheck on examples/, from .pre-commit-config.yaml."""
    done = pre_commit("run", "--all-files", cwd=snapshot, home=pre_commit_home)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("ruff", r"mypy \(strict, the whole package\)", r"blogcheck \(good example posts\)"):
        assert re.search(rf"^{name}\.+Passed$", done.stdout, re.MULTILINE), name

    copy = tmp_path / "copy"
    shutil.copytree(snapshot, copy, symlinks=True)
    post = copy / "examples/_posts/2024-03-06-day-65.md"
    post.write_text(post.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    broken = pre_commit("run", "blogcheck-examples", "--files", "examples/_posts/2024-03-06-day-65.md",
                        cwd=copy, home=pre_commit_home)
    assert broken.returncode == 1
    assert "examples/_posts/2024-03-06-day-65.md:1:1: BC110 missing required key `title`" in broken.stdout


REFERS = "---\ntitle: Refers\n---\nSee [it]({% post_url 2024-03-06-target %}). Teh end.\n"


def _linking_site(tmp_path: Path, snapshot: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site whose second post links to the first with `{% post_url %}` (and has a typo),
    with the offline hook installed."""
    site = make_site(tmp_path / "blog", {"_posts/2024-03-06-target.md": "---\ntitle: Target\n---\nHello.\n",
                                         "_posts/2024-03-07-refers.md": REFERS})
    _config(site, snapshot, "blogcheck-offline")
    monkeypatch.setenv("PRE_COMMIT_HOME", str(home))
    assert pre_commit("install", cwd=site, home=home).returncode == 0
    return site


def _refused_for_the_link(refused: subprocess.CompletedProcess[str]) -> None:
    """The linking post was checked for its link to the gone post only (its old typo is
    not this commit's), and the commit refused."""
    said = refused.stdout + refused.stderr
    assert refused.returncode == 1, said
    assert "_posts/2024-03-07-refers.md:4:10: BC205 " in said and "BC401" not in said
    assert "1 unchanged post checked only for links to the 1 file deleted or renamed by the commit" in said


def test_a_commit_renaming_a_post_checks_the_posts_that_link_to_it(
        tmp_path: Path, snapshot: Path, pre_commit_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pre-commit passes the renamed post only; the post whose `{% post_url %}` names the old
    name changed not, yet Jekyll's build now stops at it. The hook checks it for that link
    (and only that: its old typo is not this commit's), and the commit is refused."""
    site = _linking_site(tmp_path, snapshot, pre_commit_home, monkeypatch)
    git("mv", "_posts/2024-03-06-target.md", "_posts/2024-03-09-target.md", cwd=site)
    _refused_for_the_link(_commit(site, "Re-date the post"))
    (site / "_posts/2024-03-07-refers.md").write_text(REFERS.replace("2024-03-06", "2024-03-09").replace("Teh", "The"))
    git("add", "-A", cwd=site)
    accepted = _commit(site, "Re-date the post")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_a_commit_that_only_deletes_a_post_checks_the_posts_that_link_to_it(
        tmp_path: Path, snapshot: Path, pre_commit_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pre-commit passes no file for a commit that only deletes one, and ran no hook: the
    deletion broke the build at the other post's `{% post_url %}`. The hooks run always;
    with no post given they check only the posts naming a file the commit deletes."""
    site = _linking_site(tmp_path, snapshot, pre_commit_home, monkeypatch)
    git("rm", "-q", "_posts/2024-03-06-target.md", cwd=site)
    _refused_for_the_link(_commit(site, "Delete the post"))
    git("rm", "-q", "_posts/2024-03-07-refers.md", cwd=site)
    accepted = _commit(site, "Delete both posts")  # no post left: nothing names the deleted files
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_a_deletion_in_one_site_with_an_edit_in_another_checks_the_first_sites_links(
        tmp_path: Path, snapshot: Path, pre_commit_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sites; the commit deletes b's target and edits a's post. pre-commit names a's
    post only, and the posts that name a deleted file were looked for in a's site only:
    b's `{% post_url %}` broke its build through a commit the hook passed. b's own
    blogcheck.toml holds for b."""
    repo = _two_sites(tmp_path, {"2024-03-06-target.md": "---\ntitle: Target\n---\nHello.\n",
                                 "2024-03-07-refers.md": REFERS}, snapshot, pre_commit_home, monkeypatch)
    assert _commit(repo, "Two sites").returncode == 1  # a's typo (b ignores it)
    (repo / "a" / "_posts" / "2024-03-07-refers.md").write_text(REFERS.replace("Teh", "The"))
    git("add", "-A", cwd=repo)
    assert _commit(repo, "Two sites").returncode == 0
    git("rm", "-q", "b/_posts/2024-03-06-target.md", cwd=repo)
    (repo / "a" / "_posts" / "2024-03-07-refers.md").write_text(REFERS.replace("Teh", "The") + "\nMore.\n")
    git("add", "-A", cwd=repo)
    refused = _commit(repo, "Delete b's target, edit a")
    said = refused.stdout + refused.stderr
    assert refused.returncode == 1, said
    assert "b/_posts/2024-03-07-refers.md:4:10: BC205 " in said and "BC401" not in said, said
    (repo / "b" / "blogcheck.toml").write_text('ignore = ["BC401"]\n[severity]\nBC205 = "warning"\n')
    git("add", "-A", cwd=repo)
    accepted = _commit(repo, "Delete b's target, edit a")  # b's settings are b's own
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_the_hook_passes_commits_in_a_repository_with_no_post_yet(
        tmp_path: Path, snapshot: Path, pre_commit_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """always_run: a commit of a repository with no `_posts/` yet is no usage error (exit 2)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git("init", "-q", "-b", "main", cwd=repo)
    (repo / "README.md").write_text("A site to be.\n")
    git("add", "README.md", cwd=repo)
    git("commit", "-q", "-m", "Start", cwd=repo)
    _config(repo, snapshot, "blogcheck")
    monkeypatch.setenv("PRE_COMMIT_HOME", str(pre_commit_home))
    assert pre_commit("install", cwd=repo, home=pre_commit_home).returncode == 0
    (repo / "notes.txt").write_text("later\n")
    git("add", "notes.txt", cwd=repo)
    accepted = _commit(repo, "Notes")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert re.search(r"blogcheck\.+Passed", accepted.stdout + accepted.stderr)
