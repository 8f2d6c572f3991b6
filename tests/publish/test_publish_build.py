"""`--build`: the real Jekyll (Debian's `jekyll`, installed by .ci/run) builds
the updated target before anything is pushed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from publish_helpers import Sandbox, git

from blogcheck.checks import Context
from blogcheck.checks.urls import url_of
from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.jekyll.url import destination
from blogcheck.post import Post, load

GOOD = {"_posts/2024-03-06-day-65.md": "_posts/2024-03-06-day-65.md",
        "_posts/2024-3-7-unpadded-file-name.md": "_posts/2024-03-07-unpadded-file-name.md"}


def _build_command(sandbox: Sandbox, keep: Path) -> None:
    """Real `jekyll build`, then a copy of what it built, for the test to read."""
    command = f"""sh -c 'jekyll build "$@" && cp -R "$4" "{keep}"' sh"""
    (sandbox.source / "blogcheck.toml").write_text(f"[publish]\nbuild_command = {json.dumps(command)}\n")


def test_publish_with_build_builds_the_page_of_every_published_post(sandbox: Sandbox, tmp_path: Path) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    keep = tmp_path / "built"
    _build_command(sandbox, keep)
    for rel in GOOD:
        sandbox.approve(rel)
    code, out, err = sandbox.publish("--build")
    assert code == 0, out + err
    clone = tmp_path / "published"
    git("clone", "-q", str(sandbox.remote), str(clone))
    site = load_site(clone)
    for target in GOOD.values():
        post = load(clone / target, target, site, 10**6)
        assert isinstance(post, Post)
        url = url_of(post, Context(site, Config()))
        assert url is not None
        page = keep / destination(url).lstrip("/")
        assert page.is_file(), f"{target}: no {page}"
        assert "<article><h1>" in page.read_text(encoding="utf-8")
        assert f"built    {url}" in out
    assert (keep / "2024/03/06/day-65/index.html").is_file()


def test_a_failing_build_pushes_nothing_and_shows_jekylls_error(sandbox: Sandbox) -> None:
    sandbox.commit_to_remote({"_layouts/post.html": b"---\nlayout: default\n---\n{% if page.title %}{{ content }}\n"},
                             "broken layout")
    sandbox.approve("_posts/2024-03-06-day-65.md")
    before = sandbox.refs()
    code, _, err = sandbox.publish("--build")
    assert code == 3
    assert sandbox.refs() == before
    assert "`jekyll build` failed" in err and "nothing was pushed" in err
    assert "Liquid syntax error" in err or "'if' tag was never closed" in err


def test_a_post_jekyll_would_skip_is_not_pushed(sandbox: Sandbox) -> None:
    (sandbox.source / "_posts" / "2999-01-01-from-the-future.md").write_text(
        "---\nstatus: approved\ntitle: Not yet\n---\n\nJekyll skips posts dated after the build.\n", encoding="utf-8")
    before = sandbox.refs()
    code, _, err = sandbox.publish("--build")
    assert code == 3
    assert sandbox.refs() == before
    assert "_posts/2999-01-01-from-the-future.md (expected at /2999/01/01/from-the-future/)" in err


def test_a_missing_build_command_is_a_clear_failure(sandbox: Sandbox) -> None:
    (sandbox.source / "blogcheck.toml").write_text('[publish]\nbuild_command = "no-such-jekyll build"\n')
    sandbox.approve("_posts/2024-03-06-day-65.md")
    code, _, err = sandbox.publish("--build")
    assert code == 3 and "`no-such-jekyll` not found" in err


def test_a_target_with_collections_dir_gets_the_post_where_its_jekyll_reads_posts(
        sandbox: Sandbox, tmp_path: Path) -> None:
    """A target whose Jekyll reads posts from `collections_dir` only: a post in its
    root `_posts/` would be merged and never go live."""
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    config = (sandbox.source / "_config.yml").read_bytes() + b"collections_dir: site_posts\n"
    sandbox.commit_to_remote({"_config.yml": config}, "posts in a collections folder")
    keep = tmp_path / "built"
    _build_command(sandbox, keep)
    sandbox.approve("_posts/2024-03-06-day-65.md")
    before = sandbox.refs()
    code, out, err = sandbox.publish("--dry-run")
    assert code == 0 and sandbox.refs() == before, out + err
    # the plan is written before the target is read; the lines after it say where the post goes
    assert "-> _posts/2024-03-06-day-65.md" in out and "new      site_posts/_posts/2024-03-06-day-65.md" in out
    assert "`collections_dir` is `site_posts`: its posts are in `site_posts/_posts/`" in out
    code, out, err = sandbox.publish("--build")
    assert code == 0, out + err
    assert "`collections_dir` is `site_posts`" in out
    assert sandbox.has("site_posts/_posts/2024-03-06-day-65.md")
    assert not sandbox.has("_posts/2024-03-06-day-65.md")
    assert (keep / "2024/03/06/day-65/index.html").is_file()  # Jekyll read it: its page is built
    assert "new      site_posts/_posts/2024-03-06-day-65.md" in out


def test_a_target_whose_jekyll_reads_no_posts_gets_nothing(sandbox: Sandbox) -> None:
    config = (sandbox.source / "_config.yml").read_bytes() + b"collections_dir: _site_posts\n"
    sandbox.commit_to_remote({"_config.yml": config}, "a collections folder Jekyll skips")
    sandbox.approve("_posts/2024-03-06-day-65.md")
    before = sandbox.refs()
    code, _, err = sandbox.publish()
    assert code == 3
    assert sandbox.refs() == before
    assert "would never read `_site_posts/_posts/2024-03-06-day-65.md`" in err
    assert "`collections_dir: _site_posts` is a folder Jekyll skips" in err


def test_a_post_in_a_category_folder_keeps_its_folder(sandbox: Sandbox, tmp_path: Path) -> None:
    """`blog/_posts/x.md` is in category `blog` (a `/:categories/` permalink puts it in the
    URL): published to the target's root `_posts/`, it would lose both."""
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    config = (sandbox.source / "_config.yml").read_text(encoding="utf-8").replace(
        "permalink: /:year/:month/:day/:title/", "permalink: /:categories/:year/:title/")
    (sandbox.source / "_config.yml").write_text(config, encoding="utf-8")
    sandbox.commit_to_remote({"_config.yml": config.encode()}, "categories in URLs")
    (sandbox.source / "blog" / "_posts").mkdir(parents=True)
    (sandbox.source / "_posts" / "2024-03-06-day-65.md").rename(sandbox.source / "blog/_posts/2024-03-06-day-65.md")
    keep = tmp_path / "built"
    _build_command(sandbox, keep)
    sandbox.approve("blog/_posts/2024-03-06-day-65.md")
    code, out, err = sandbox.publish("--build", "blog/_posts/2024-03-06-day-65.md")
    assert code == 0, out + err
    assert sandbox.has("blog/_posts/2024-03-06-day-65.md")
    assert "built    /blog/study/nlp/2024/day-65/" in out  # the folder's category, then the post's own
    assert (keep / "blog/study/nlp/2024/day-65/index.html").is_file()
