"""What publish refuses to write, and the files it copies with a post."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from publish_helpers import Sandbox, git

from blogcheck.cli import main

DAY65 = "_posts/2024-03-06-day-65.md"


def test_linked_local_files_are_copied_at_the_same_site_paths(sandbox: Sandbox) -> None:
    (sandbox.source / "assets" / "img").mkdir(parents=True, exist_ok=True)
    (sandbox.source / "files").mkdir()
    png, pdf, cover = b"\x89PNG\r\n\x1a\n-a", b"%PDF-1.4 b", b"\x89PNG\r\n\x1a\n-c"
    (sandbox.source / "assets/img/a.png").write_bytes(png)
    (sandbox.source / "files/notes.pdf").write_bytes(pdf)
    (sandbox.source / "assets/img/cover.png").write_bytes(cover)
    (sandbox.source / "feed.xml").write_text("---\nlayout: null\n---\n<feed/>\n")  # a page, not a file
    sandbox.commit_to_remote({"feed.xml": b"---\nlayout: null\n---\n<feed/>\n"}, "the feed")  # (a link to it works)
    post = sandbox.approve(DAY65, "status: approved\nimage: /assets/img/cover.png")
    post.write_text(post.read_text(encoding="utf-8") + (
        "\n![a](/assets/img/a.png) [notes]({{ site.baseurl }}/files/notes.pdf) [home](/) [feed](/feed.xml)\n"
        "\n```\n![in code](/assets/img/not-copied.png)\n```\n"), encoding="utf-8")
    code, out, err = sandbox.publish()
    assert code == 0, out + err
    assert sandbox.show("assets/img/a.png") == png
    assert sandbox.show("files/notes.pdf") == pdf
    assert sandbox.show("assets/img/cover.png") == cover
    assert "feed.xml" not in out
    assert "           + files/notes.pdf" in out
    assert "- files/notes.pdf (new, for _posts/2024-03-06-day-65.md)" in sandbox.message()


def test_links_that_escape_the_site_are_refused(sandbox: Sandbox, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("private key\n")
    (sandbox.source / ".private").mkdir()
    (sandbox.source / ".private" / "token.txt").write_text("hidden\n")
    (sandbox.source / "assets").mkdir(exist_ok=True)
    (sandbox.source / "assets" / "leak.png").symlink_to(tmp_path / "secret.txt")
    cases = {"../../secret.txt": "outside the site folder", "/.private/token.txt": "hidden folder",
             "/assets/leak.png": "symlink", "/_config.yml": "`_` folders"}
    for number, link in enumerate(cases, start=10):
        rel = f"_posts/2024-04-{number}-escape.md"
        (sandbox.source / rel).write_text(f"---\nstatus: approved\ntitle: t\n---\n\n![x]({link})\n", encoding="utf-8")
    (sandbox.source / "_drafts" / "..md").write_text("---\nstatus: approved\ntitle: t\ndate: 2024-05-01\n---\n")
    (tmp_path / "elsewhere.md").write_text("---\nstatus: approved\ntitle: not part of the site\n---\n")
    (sandbox.source / "_posts" / "2024-04-20-linked.md").symlink_to(tmp_path / "elsewhere.md")
    before = sandbox.refs()
    code, out, _ = sandbox.publish()
    assert code == 1 and "Nothing to publish" in out
    # The guard holds even when the checks that would refuse these are off (BC124: Jekyll
    # lists no hidden file, such as `..md`, in `_drafts/`).
    code, out, _ = sandbox.publish("--ignore", "links,BC124")
    assert code == 1
    assert sandbox.refs() == before
    for number, (link, reason) in enumerate(cases.items(), start=10):
        assert f"_posts/2024-04-{number}-escape.md:6:1: BC902 `{link}` " in out and reason in out
    assert "_drafts/..md:1:1: BC902 `..md` cannot be a post file name" in out
    # a post that is a link out of the site is not even read (post.linked_out): refused as unreadable
    assert "_posts/2024-04-20-linked.md:1:1: BC100 a symbolic link out of the site" in out


def test_a_symlink_in_the_target_is_not_followed(sandbox: Sandbox, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    work = tmp_path / "work"
    git("clone", "-q", str(sandbox.remote), str(work))
    os.symlink(str(outside), work / "assets")
    git("add", "assets", cwd=work)
    git("commit", "-q", "-m", "assets elsewhere", cwd=work)
    git("push", "-q", "origin", "main", cwd=work)
    (sandbox.source / "assets").mkdir(exist_ok=True)
    (sandbox.source / "assets" / "a.png").write_bytes(b"png")
    post = sandbox.approve(DAY65)
    post.write_text(post.read_text(encoding="utf-8") + "\n![a](/assets/a.png)\n", encoding="utf-8")
    before = sandbox.refs()
    code, _, err = sandbox.publish()
    assert code == 3 and "`assets` is a symlink in the target" in err
    assert sandbox.refs() == before and list(outside.iterdir()) == []


def test_a_post_of_the_target_at_the_same_url_is_a_conflict(sandbox: Sandbox) -> None:
    sandbox.commit_to_remote({"_posts/2024-03-06-day-65.markdown": b"---\ntitle: The old copy\n---\nOld.\n"},
                             "an older copy under another name")
    sandbox.approve(DAY65)
    before = sandbox.refs()
    code, _, err = sandbox.publish()
    assert code == 3 and sandbox.refs() == before
    assert (f"  {DAY65} and _posts/2024-03-06-day-65.markdown would both be /2024/03/06/day-65/" in err), err


def test_a_page_of_the_target_at_the_same_url_is_a_conflict(sandbox: Sandbox) -> None:
    """A post with `permalink: /` would become the target's home page (Jekyll only warns,
    "Conflict: The following destination is shared by multiple files")."""
    post = sandbox.approve(DAY65)  # the target's home page is its index.md
    post.write_text(post.read_text(encoding="utf-8").replace("---\n", "---\npermalink: /\n", 1), encoding="utf-8")
    before = sandbox.refs()
    code, _, err = sandbox.publish()
    assert code == 3 and sandbox.refs() == before
    assert f"  {DAY65} and index.md would both be /" in err, err


def test_two_posts_for_one_target_file_are_both_refused(sandbox: Sandbox) -> None:
    sandbox.approve(DAY65)
    (sandbox.source / "_drafts" / "day-65.md").write_text(
        "---\nstatus: approved\ntitle: Day 65 again\ndate: 2024-03-06\n---\nA draft of the same day.\n")
    code, out, _ = sandbox.publish()
    assert code == 1
    assert sandbox.subjects() == ["site"]
    assert f"_drafts/day-65.md:1:1: BC903 publishes to `{DAY65}`, as {DAY65} does" in out
    assert f"{DAY65}:1:1: BC903 publishes to `{DAY65}`, as _drafts/day-65.md does" in out


def test_images_below_media_subpath_are_copied(sandbox: Sandbox) -> None:
    """Chirpy's `media_subpath:` puts the post's images (and its preview) below a folder."""
    (sandbox.source / "assets" / "p1").mkdir(parents=True)
    shot, cover = b"\x89PNG\r\n\x1a\n-s", b"\x89PNG\r\n\x1a\n-c"
    (sandbox.source / "assets/p1/shot.png").write_bytes(shot)
    (sandbox.source / "assets/p1/cover.png").write_bytes(cover)
    post = sandbox.approve("_posts/2024-3-7-unpadded-file-name.md",
                           "status: approved\nmedia_subpath: /assets/p1\nimage:\n  path: cover.png")
    post.write_text(post.read_text(encoding="utf-8") + "\n![a shot](shot.png)\n", encoding="utf-8")
    code, out, _ = sandbox.publish()
    assert code == 0, out
    assert sandbox.show("assets/p1/shot.png") == shot
    assert sandbox.show("assets/p1/cover.png") == cover


def test_what_would_stop_the_targets_build_is_refused(sandbox: Sandbox) -> None:
    """Fine in the source, fatal in the target: a `{% post_url %}` of a post that is not
    approved (so not published, and not in the target), an `{% include %}` of a file only
    the source has. Nothing is pushed; approved too, the linked post goes along and both
    are published."""
    post = sandbox.approve(DAY65)
    added = "\nSee [the next day]({% post_url 2024-3-7-unpadded-file-name %}) and {% include note.html %}\n"
    post.write_text(post.read_text(encoding="utf-8") + added, encoding="utf-8")
    (sandbox.source / "_includes").mkdir(exist_ok=True)
    (sandbox.source / "_includes" / "note.html").write_text("<p>A note.</p>\n", encoding="utf-8")
    before = sandbox.refs()
    code, _, err = sandbox.publish()
    assert code == 3 and sandbox.refs() == before
    assert "in the target, these would stop the Jekyll build or break on the page; nothing was changed" in err
    assert f"  {DAY65}:" in err and "BC205 `{% post_url 2024-3-7-unpadded-file-name %}` names no post" in err
    assert "BC503" in err and "note.html" in err, err
    code, _, err = sandbox.publish("--ignore", "BC205,BC503", "--dry-run")  # what the user leaves out is not held
    assert code == 0 and sandbox.refs() == before, err
    sandbox.commit_to_remote({"_includes/note.html": b"<p>A note.</p>\n"}, "the include")
    sandbox.approve("_posts/2024-3-7-unpadded-file-name.md")
    code, _, err = sandbox.publish("--build")  # and the real Jekyll builds the target
    assert code == 0, err
    assert sandbox.has(DAY65) and sandbox.has("_posts/2024-03-07-unpadded-file-name.md")


def test_a_draft_published_again_under_a_new_date_is_not_a_second_copy(sandbox: Sandbox) -> None:
    """A draft is published under its `date:`; its date changed, it would be a new file
    beside the old one, and the post live twice at two URLs: refused, naming both."""
    draft = sandbox.source / "_drafts" / "trip.md"
    draft.write_text("---\nstatus: approved\ntitle: Trip\ndate: 2024-03-03\n---\nA trip.\n", encoding="utf-8")
    code, _, err = sandbox.publish(str(draft))
    assert code == 0 and sandbox.has("_posts/2024-03-03-trip.md"), err
    draft.write_text(draft.read_text(encoding="utf-8").replace("2024-03-03", "2024-03-10"), encoding="utf-8")
    before = sandbox.refs()
    code, _, err = sandbox.publish(str(draft))
    assert code == 3 and sandbox.refs() == before
    assert ("_drafts/trip.md was published as _posts/2024-03-03-trip.md; now it would be _posts/2024-03-10-trip.md "
            "too") in err, err


def test_a_post_in_a_subfolder_of_posts_keeps_it(sandbox: Sandbox) -> None:
    """`_posts/2024/x.md` goes to the target's `_posts/2024/`: a `{% link %}` names the
    folder, and the real Jekyll builds the target with the link resolved."""
    (sandbox.source / "_posts" / "2024").mkdir()
    (sandbox.source / DAY65).rename(sandbox.source / "_posts/2024/2024-03-06-day-65.md")
    sandbox.approve("_posts/2024/2024-03-06-day-65.md")
    post = sandbox.approve("_posts/2024-3-7-unpadded-file-name.md")
    post.write_text(post.read_text(encoding="utf-8")
                    + "\nSee [the day before]({% link _posts/2024/2024-03-06-day-65.md %}).\n", encoding="utf-8")
    code, out, err = sandbox.publish("--build")
    assert code == 0, out + err
    assert sandbox.has("_posts/2024/2024-03-06-day-65.md")
    assert not sandbox.has(DAY65)
    assert sandbox.has("_posts/2024-03-07-unpadded-file-name.md")


def test_two_posts_of_one_name_in_two_subfolders_are_a_conflict(sandbox: Sandbox) -> None:
    """`_posts/a/x.md` and `_posts/b/x.md` are two files but one URL: nothing is pushed."""
    for folder in ("a", "b"):
        (sandbox.source / "_posts" / folder).mkdir()
        shutil.copy(sandbox.source / DAY65, sandbox.source / "_posts" / folder / "2024-03-06-day-65.md")
        sandbox.approve(f"_posts/{folder}/2024-03-06-day-65.md")
    before = sandbox.refs()
    code, out, err = sandbox.publish("_posts/a", "_posts/b")
    assert code != 0 and sandbox.refs() == before, out + err
    assert "_posts/a/2024-03-06-day-65.md:1:1: BC140 publishes to /2024/03/06/day-65/" in out
    assert "_posts/b/2024-03-06-day-65.md:1:1: BC140 publishes to /2024/03/06/day-65/" in out


def test_a_post_renamed_in_the_source_is_not_published_twice(sandbox: Sandbox) -> None:
    """Re-dated by renaming its file (`git mv`, an edit or not), a published post would be
    a new file beside its old copy, live at two URLs: refused, naming both. Another post
    that only shares the slug is published."""
    post = sandbox.approve(DAY65)
    code, _, err = sandbox.publish(str(post))
    assert code == 0 and sandbox.has(DAY65), err
    moved = post.rename(sandbox.source / "_posts/2024-03-12-day-65.md")
    moved.write_text(moved.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    before = sandbox.refs()
    code, _, err = sandbox.publish(str(moved))
    assert code == 3 and sandbox.refs() == before, err
    assert (f"_posts/2024-03-12-day-65.md was published as {DAY65}; now it would be "
            "_posts/2024-03-12-day-65.md too") in err
    moved.write_text("---\ntitle: Another day 65\nstatus: approved\n---\nA new post of the same slug.\n",
                     encoding="utf-8")
    code, _, err = sandbox.publish(str(moved))
    assert code == 0 and sandbox.has("_posts/2024-03-12-day-65.md") and sandbox.has(DAY65), err


def test_a_file_name_with_a_line_break_is_refused_on_one_line(sandbox: Sandbox) -> None:
    """Refused (BC902), and named with its break written `\\x0a`: one line of the plan."""
    odd = sandbox.source / "_posts" / "2024-03-12-two\nlines.md"
    odd.write_text("---\ntitle: Odd\nstatus: approved\n---\nText.\n", encoding="utf-8")
    code, out, _ = sandbox.publish(str(odd))
    assert code == 1
    refused = [line for line in out.splitlines() if line.startswith("refuse")]
    assert len(refused) == 1 and "2024-03-12-two\\x0alines.md" in refused[0], out
    assert "lines.md" not in out.replace("two\\x0alines.md", ""), out


def test_a_target_that_is_no_jekyll_site_is_refused(sandbox: Sandbox, tmp_path: Path) -> None:
    """A mistyped `--to` (or a wrong secret) pointing at another project: its branch has
    files but no `_config.yml` and no `_posts/`, and nothing is written there (a publish
    audit found the posts pushed into a Python project). `--force` writes anyway."""
    other = tmp_path / "project.git"
    git("init", "-q", "--bare", "-b", "main", str(other))
    seed = tmp_path / "project"
    git("init", "-q", "-b", "main", str(seed))
    (seed / "README.md").write_text("# A Python project\n", encoding="utf-8")
    (seed / "src").mkdir()
    (seed / "src" / "app.py").write_text("print('hi')\n", encoding="utf-8")
    git("add", "-A", cwd=seed)
    git("-c", "user.name=x", "-c", "user.email=x@y", "commit", "-q", "-m", "project", cwd=seed)
    git("push", "-q", str(other), "main", cwd=seed)
    sandbox.approve(DAY65)
    before = git("--git-dir", str(other), "for-each-ref")
    code, _, err = sandbox.publish(to=str(other))
    assert code == 3 and "is no Jekyll site: it has no _config.yml and no _posts/ (README.md, src)" in err, err
    assert git("--git-dir", str(other), "for-each-ref") == before
    code, _, err = sandbox.publish("--force", to=str(other))
    assert code == 0, err


def test_a_new_post_reusing_a_recurring_slug_is_no_rename(sandbox: Sandbox) -> None:
    """A writing repository used as an inbox (a published source deleted), then a new
    `year-in-review` post: their front matter lines (`---`, `layout:`, `tags:`) made them
    two-thirds alike, so the new one was taken for the old one renamed and the whole
    publish refused (a publish audit). Only the bodies are compared."""
    head = "---\ntitle: {}\nlayout: post\ntags: [review, year]\ncategories: [notes]\nstatus: approved\n---\n"
    old = sandbox.source / "_posts" / "2023-12-31-year-in-review.md"
    old.write_text(head.format("2023 in review") + "Learned Python.\n", encoding="utf-8")
    code, _, err = sandbox.publish(str(old))
    assert code == 0 and sandbox.has("_posts/2023-12-31-year-in-review.md"), err
    old.unlink()
    new = sandbox.source / "_posts" / "2024-12-31-year-in-review.md"
    new.write_text(head.format("2024 in review") + "Moved to Rust and wrote a compiler.\n", encoding="utf-8")
    code, _, err = sandbox.publish(str(new))
    assert code == 0 and sandbox.has("_posts/2024-12-31-year-in-review.md"), err


def test_a_link_that_breaks_only_in_the_target_is_refused(sandbox: Sandbox) -> None:
    """The target has `baseurl: /blog`, the source none: the post's `/assets/...` image and
    `/about/` link pass in the source and break on the site (a publish audit found them
    published, exit 0). Refused, naming each, nothing pushed."""
    sandbox.commit_to_remote({"_config.yml": b"title: Site\nbaseurl: /blog\n", "about.md": b"---\n---\nAbout.\n"},
                             "the site moves below /blog")
    (sandbox.source / "about.md").write_text("---\n---\nAbout.\n", encoding="utf-8")
    (sandbox.source / "assets").mkdir(exist_ok=True)
    (sandbox.source / "assets" / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    post = sandbox.approve(DAY65)
    post.write_text(post.read_text(encoding="utf-8") + "\n![cat](/assets/cat.png) and [me](/about/)\n",
                    encoding="utf-8")
    before = sandbox.refs()
    code, _, err = sandbox.publish(DAY65)
    assert code == 3 and sandbox.refs() == before, err
    assert "would stop the Jekyll build or break on the page" in err
    assert f"{DAY65}:" in err and "BC303 `/assets/cat.png` is outside the site's baseurl (/blog)" in err
    assert "BC204 `/about/` is outside the site's baseurl (/blog)" in err


def test_a_link_to_a_page_only_the_source_has_is_refused(sandbox: Sandbox) -> None:
    """Pages are not published with a post (only the files it links): a link to a page the
    target lacks would be a 404 on the site."""
    (sandbox.source / "feed.xml").write_text("---\nlayout: null\n---\n<feed/>\n")
    post = sandbox.approve(DAY65)
    post.write_text(post.read_text(encoding="utf-8") + "\n[feed](/feed.xml)\n", encoding="utf-8")
    code, _, err = sandbox.publish(DAY65)
    assert code == 3 and "BC204 `/feed.xml` is no file or page of this site" in err, err


def test_a_linked_file_that_cannot_be_read_refuses_its_post_only(sandbox: Sandbox) -> None:
    """A linked image the publishing user cannot read failed the whole publish (exit 3);
    now that post is refused, with the reason, and the others are published. Run without
    root's bypass of file modes (as root, util-linux's setpriv drops it)."""
    (sandbox.source / "assets").mkdir(exist_ok=True)
    locked = sandbox.source / "assets" / "locked.png"
    locked.write_bytes(b"\x89PNG\r\n\x1a\n")
    post = sandbox.approve(DAY65)
    post.write_text(post.read_text(encoding="utf-8") + "\n![x](/assets/locked.png)\n", encoding="utf-8")
    other = sandbox.source / "_posts" / "2024-04-01-other.md"
    other.write_text("---\nstatus: approved\ntitle: Other\n---\n\nHello.\n", encoding="utf-8")
    locked.chmod(0)
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    try:
        done = subprocess.run([*prefix, sys.executable, "-m", "blogcheck", "publish", "--to", str(sandbox.remote),
                               "--offline", "--ignore", "spelling"], cwd=sandbox.source, capture_output=True,
                              text=True, timeout=300, check=False)
    finally:
        locked.chmod(0o644)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "links `assets/locked.png`, which cannot be read (Permission denied)" in done.stdout
    assert sandbox.has("_posts/2024-04-01-other.md") and not sandbox.has(DAY65)


def test_the_recheck_in_the_target_keeps_the_settings_the_posts_were_checked_with(sandbox: Sandbox) -> None:
    """`[severity]`, `per_file_ignores` and `[links] exclude` accept a lost image, a dead page and a
    page the web server serves: `check` passes, and so must the re-check inside the target (a
    publish audit: it used bare settings, refused all three and blocked the clean post too)."""
    posts = sandbox.source / "_posts"
    body = {"2014-03-06-old.md": "![x](/assets/lost.png)", "2015-03-07-older.md": "[dead](/gone/page.html)",
            "2016-01-01-private.md": "[members](/private/members.html)", "2024-03-08-new.md": "Clean."}
    for name, text in body.items():
        (posts / name).write_text(f"---\nlayout: post\ntitle: T\nstatus: approved\n---\n{text}\n", encoding="utf-8")
    config = sandbox.source / "blogcheck.toml"
    settings = ('[severity]\nBC303 = "warning"\n[per_file_ignores]\n"_posts/2015-*" = ["BC204"]\n'
                '[links]\nexclude = ["^/private/"]\n')
    config.write_text((config.read_text(encoding="utf-8") if config.exists() else "") + settings, encoding="utf-8")
    paths = [str(posts / name) for name in body]
    assert main(["check", "--offline", "--select", "links", *paths]) == 0
    sandbox.capture.readouterr()
    code, out, err = sandbox.publish(*paths)
    assert code == 0, out + err
    assert all(sandbox.has(f"_posts/{name}") for name in body)
    config.write_text(config.read_text(encoding="utf-8").replace('BC303 = "warning"', 'BC303 = "error"'),
                      encoding="utf-8")
    (posts / "2024-03-09-next.md").write_text("---\nlayout: post\ntitle: N\nstatus: approved\n---\n"
                                              "![y](/assets/lost.png)\n", encoding="utf-8")
    code, out, _ = sandbox.publish(str(posts / "2024-03-09-next.md"))
    assert code == 1 and "BC303" in out  # the settings are the user's, not a blanket pass


def test_a_markdown_or_html_file_without_front_matter_is_copied_with_its_post(sandbox: Sandbox) -> None:
    """Jekyll copies `downloads/cheatsheet.md` and `demo.html` as they are when they open with
    no front matter (checked with jekyll build): files like any other, copied with the post
    that links them (a publish audit: left behind, so the re-check in the target refused the
    post, exit 3). A page with front matter, and another post, are still not copied."""
    (sandbox.source / "downloads").mkdir()
    (sandbox.source / "downloads" / "cheatsheet.md").write_bytes(b"# Cheatsheet\nno front matter\n")
    (sandbox.source / "downloads" / "demo.html").write_bytes(b"<html><body>demo</body></html>\n")
    post = sandbox.approve(DAY65)
    post.write_text(post.read_text(encoding="utf-8") + "\nGet the [cheatsheet](/downloads/cheatsheet.md) and the "
                    "[demo](/downloads/demo.html).\n", encoding="utf-8")
    code, out, err = sandbox.publish(DAY65)
    assert code == 0, out + err
    assert sandbox.show("downloads/cheatsheet.md") == b"# Cheatsheet\nno front matter\n"
    assert sandbox.show("downloads/demo.html") == b"<html><body>demo</body></html>\n"


def test_a_file_under_an_underscore_folder_that_include_names_is_copied(sandbox: Sandbox) -> None:
    """`include: [_pdfs]` makes Jekyll publish `_pdfs/cv.pdf` (checked with jekyll build): it is
    copied with the post, as check accepts the link (a publish audit: refused as under a `_`
    folder). A hidden folder stays refused, with the reason: publish writes no hidden path."""
    sandbox.commit_to_remote({"_config.yml": b"title: Site\ninclude: [_pdfs, .well-known]\n"}, "include _pdfs")
    config = sandbox.source / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "include: [_pdfs, .well-known]\n", encoding="utf-8")
    (sandbox.source / "_pdfs").mkdir()
    (sandbox.source / "_pdfs" / "cv.pdf").write_bytes(b"%PDF-1.4 cv")
    post = sandbox.approve(DAY65)
    post.write_text(post.read_text(encoding="utf-8") + "\nMy [cv](/_pdfs/cv.pdf).\n", encoding="utf-8")
    code, out, err = sandbox.publish(DAY65)
    assert code == 0, out + err
    assert sandbox.show("_pdfs/cv.pdf") == b"%PDF-1.4 cv"
    (sandbox.source / ".well-known").mkdir()
    (sandbox.source / ".well-known" / "key.txt").write_bytes(b"key")
    post.write_text(post.read_text(encoding="utf-8") + "\nMy [key](/.well-known/key.txt).\n", encoding="utf-8")
    code, out, _ = sandbox.publish(DAY65)
    assert code == 1 and "publish never writes a hidden path into the target" in out


def test_a_link_tag_to_a_post_published_under_its_padded_name_is_written_so(sandbox: Sandbox) -> None:
    """publish pads `2024-3-7-...md` to `2024-03-07-...md`; a `{% link %}` naming the source's
    file would name none in the target and stop its build. The published copy names the
    target's file; the source is not changed, and the real Jekyll builds the target."""
    post = sandbox.approve(DAY65)
    tag = "{% link _posts/2024-3-7-unpadded-file-name.md %}"
    added = f"\nSee [the next day]({tag}), and {{%- link  _posts/2024-3-7-unpadded-file-name.md -%}} again.\n"
    post.write_text(post.read_text(encoding="utf-8") + added, encoding="utf-8")
    source = post.read_bytes()
    sandbox.approve("_posts/2024-3-7-unpadded-file-name.md")
    code, out, err = sandbox.publish("--build")
    assert code == 0, out + err
    published = sandbox.show(DAY65).decode("utf-8")
    assert "({% link _posts/2024-03-07-unpadded-file-name.md %})" in published
    assert "{%- link  _posts/2024-03-07-unpadded-file-name.md -%} again" in published
    assert "2024-3-7" not in published and post.read_bytes() == source


def test_a_post_in_the_sites_encoding_is_published_byte_for_byte_or_refused_by_a_utf8_target(
        sandbox: Sandbox) -> None:
    """A source site of `encoding: ISO-8859-1` holds Latin-1 posts (Jekyll reads them so):
    published as its bytes, less the approval line. A target that reads UTF-8 could not read
    it: the re-check there refuses it (BC100) and nothing is pushed."""
    config = sandbox.source / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "encoding: ISO-8859-1\n", encoding="utf-8")
    post = sandbox.source / "_posts" / "2024-03-08-cafe.md"
    post.write_bytes("---\nstatus: approved\ntitle: Caf\xe9\n---\n\nUn caf\xe9 cr\xe8me.\n".encode("latin-1"))
    before = sandbox.refs()
    code, out, err = sandbox.publish(str(post))
    assert code == 3 and sandbox.refs() == before, out + err
    assert "BC100" in err and "2024-03-08-cafe.md" in err
    remote_config = sandbox.show("_config.yml") + b"encoding: ISO-8859-1\n"
    sandbox.commit_to_remote({"_config.yml": remote_config}, "the site is Latin-1")
    code, out, err = sandbox.publish(str(post))
    assert code == 0, out + err
    assert sandbox.show("_posts/2024-03-08-cafe.md") == post.read_bytes().replace(b"status: approved\n", b"")
