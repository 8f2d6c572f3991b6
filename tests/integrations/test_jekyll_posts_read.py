"""Which files inside `_posts/` and `_drafts/` Jekyll 4 reads: its listing
(Reader#get_entries: Ruby's `Dir["**/*"]`, which lists nothing hidden) goes
through the entry filter (EntryFilter#filter) with the path inside the folder:
`include:` wins, `exclude:` drops by the path from the site root, and so does a
path or file name starting with `_`, `.`, `#` or `~`, or ending in `~`. Real
Jekyll builds the site; blogcheck must agree file for file, report BC124 with
the reason for each file left out, and take `{% post_url %}` of one for a
missing post, as the build does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from blogcheck.cli import main
from blogcheck.jekyll.site import load_site
from blogcheck.post import Post, load

REPORT = """require "json"
Jekyll::Hooks.register :site, :post_write do |site|
  File.write(File.join(site.source, "read.json"), JSON.dump(site.posts.docs.map(&:relative_path)))
end
"""
CONFIG = {"title": "t", "include": ["_kept"], "exclude": ["_posts/old", "_posts/*-wip.md", "read.json"]}
# Each file, and why Jekyll leaves it out ("" = it reads it), as blogcheck says it.
FILES = {
    "_posts/2024-01-01-read.md": "",
    "_posts/_arch/2024-01-02-arch.md": "Jekyll skips the folder `_posts/_arch/`",
    "_posts/old/2024-01-03-old.md": "`exclude:` in _config.yml covers it",
    "_posts/2024-01-04-notes-wip.md": "`exclude:` in _config.yml covers it",
    "_posts/sub/_inner/2024-01-05-inner.md": "",  # only the first folder inside `_posts/` counts
    "_posts/sub/.wip/2024-01-06-hidden.md": "`.wip` is hidden",
    "_posts/#tmp/2024-01-07-hash.md": "Jekyll skips the folder `_posts/#tmp/`",
    "_posts/~tmp/2024-01-08-tilde.md": "Jekyll skips the folder `_posts/~tmp/`",
    "_posts/_kept/2024-01-09-kept.md": "",  # `include:` wins
    "blog/_posts/_old/2024-01-10-blog.md": "Jekyll skips the folder `blog/_posts/_old/`",
    "_drafts/draft-read.md": "",
    "_drafts/_draft-under.md": "Jekyll skips a file whose name starts with `_`",
    "_drafts/#draft-hash.md": "Jekyll skips a file whose name starts with `#`",
    "_drafts/draft-backup.md~": "ends with `~`",
    "_drafts/_wip/draft-wip.md": "Jekyll skips the folder `_drafts/_wip/`",
}


def _site(root: Path) -> Path:
    for rel in FILES:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\ntitle: t\n---\nText.\n", encoding="utf-8")
    (root / "_config.yml").write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    return root


def _build(root: Path) -> subprocess.CompletedProcess[str]:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    return subprocess.run(["jekyll", "build", "--quiet", "--drafts"], cwd=root, capture_output=True, text=True,
                          timeout=300, check=False)


def test_blogcheck_reads_the_files_jekyll_reads(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    (root / "_plugins").mkdir()
    (root / "_plugins" / "report.rb").write_text(REPORT, encoding="utf-8")
    build = _build(root)
    assert build.returncode == 0, build.stderr[-2000:]
    jekyll = set(json.loads((root / "read.json").read_text(encoding="utf-8")))
    assert jekyll == {rel for rel, why in FILES.items() if not why}
    site = load_site(root)
    posts = {rel: load(root / rel, rel, site, 10**6) for rel in FILES}
    assert all(isinstance(post, Post) for post in posts.values())
    unread = {rel: post.unread for rel, post in posts.items() if isinstance(post, Post)}
    assert {rel for rel, why in unread.items() if not why} == jekyll, unread
    for rel, why in FILES.items():
        assert why in unread[rel], (rel, unread[rel])


def test_bc124_and_post_url_of_a_file_jekyll_skips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _site(tmp_path / "site")
    linking = root / "_posts" / "2024-02-01-links.md"
    linking.write_text("---\ntitle: t\n---\n[a]({% post_url _arch/2024-01-02-arch %}) "
                       "[b]({% post_url old/2024-01-03-old %})\n", encoding="utf-8")
    build = _build(root)
    assert build.returncode != 0 and "Could not find post" in build.stderr
    main(["check", "--offline", "--select", "BC124,BC205", "--format", "json", str(root)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    bc124 = {d["path"].removeprefix(str(root) + "/"): d["message"] for d in found if d["code"] == "BC124"}
    # A `.md~` is no post file, and a walk of the site skips hidden folders, as Jekyll does.
    shown = {rel: why for rel, why in FILES.items() if why and not rel.endswith("~") and "/." not in rel}
    assert set(bc124) == set(shown), bc124
    for rel, why in shown.items():
        assert why in bc124[rel]
    links = [d for d in found if d["code"] == "BC205"]
    assert [d["column"] for d in links] == [5, 47], links
    assert all("Jekyll never reads it (BC124)" in d["hint"] for d in links), links


def test_a_post_without_front_matter_is_published_as_bc101_says(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """BC101 says what Jekyll does: the post is published anyway, titled from its file
    name, with the `defaults:` layout; a page with no front matter is copied unrendered."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_layouts").mkdir()
    (root / "_layouts" / "default.html").write_text("<title>{{ page.title }}</title>{{ content }}", encoding="utf-8")
    (root / "_config.yml").write_text(
        "title: t\ndefaults:\n  - scope: {path: '', type: posts}\n    values: {layout: default}\n", encoding="utf-8")
    (root / "_posts" / "2024-01-02-my-notes.md").write_text("Some *notes*.\n", encoding="utf-8")
    (root / "about.md").write_text("About *me*.\n", encoding="utf-8")
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=root, capture_output=True, text=True, timeout=300,
                           check=False)
    assert build.returncode == 0, build.stderr[-2000:]
    page = (root / "_site" / "2024" / "01" / "02" / "my-notes.html").read_text(encoding="utf-8")
    assert page == "<title>My Notes</title><p>Some <em>notes</em>.</p>\n"
    assert (root / "_site" / "about.md").read_text(encoding="utf-8") == "About *me*.\n"
    code = main(["check", "--select", "BC101", "--format", "json", str(root / "_posts"), str(root / "about.md")])
    found = {Path(d["path"]).name: d["message"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert code == 1
    assert found == {"2024-01-02-my-notes.md": "no front matter: Jekyll still publishes it, titled from its file "
                                               "name, with no values of its own",
                     "about.md": "no front matter: Jekyll copies it to the site unrendered"}


def test_a_date_key_does_not_save_a_post_whose_name_has_no_date(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Jekyll's PostReader keeps only the names that match its date pattern, before it reads
    any front matter: `date:` rescues a name with an impossible date, not a name with none.
    BC122 names exactly the files the real build leaves out."""
    root = tmp_path / "site"
    (root / "_plugins").mkdir(parents=True)
    (root / "_plugins" / "report.rb").write_text(REPORT, encoding="utf-8")
    (root / "_config.yml").write_text("title: t\nexclude: [read.json]\n", encoding="utf-8")
    names = {"2024-01-01-kept.md": True, "2024-13-45-odd.md": True, "notes.md": False, "2024-01-05.md": False,
             "sub/undated.md": False, "\uff12\uff10\uff12\uff14-01-05-wide.md": False}
    for name in names:
        path = root / "_posts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\ntitle: t\ndate: 2024-01-07 10:00:00 +0000\n---\nText.\n", encoding="utf-8")
    build = _build(root)
    assert build.returncode == 0, build.stderr[-2000:]
    jekyll = set(json.loads((root / "read.json").read_text(encoding="utf-8")))
    assert jekyll == {f"_posts/{name}" for name, kept in names.items() if kept}
    main(["check", "--offline", "--select", "BC122", "--format", "json", str(root / "_posts")])
    found = {d["path"].removeprefix(str(root) + "/"): d["message"]
             for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert set(found) == {f"_posts/{name}" for name, kept in names.items() if not kept}
    assert all("Jekyll skips this post silently (its `date:` does not save it" in m for m in found.values()), found


def test_empty_date_stops_the_build_and_empty_published_leaves_the_post_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`date:` with no value: "Invalid date ''", the build stops (BC120). `published:` with no
    value is nil, false to Ruby: the post is left out, and a `{% post_url %}` of it stops the
    build (BC205 says why). A year 0, which Jekyll takes, is no crash (BC125)."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (root / "_posts" / "2024-01-05-a.md").write_text("---\ntitle: T\npublished:\n---\nHi\n", encoding="utf-8")
    (root / "_posts" / "0000-01-01-z.md").write_text("---\ntitle: Z\n---\nHi\n", encoding="utf-8")
    build = _build(root)
    assert build.returncode == 0, build.stderr[-2000:]
    assert (root / "_site" / "0000" / "01" / "01" / "z.html").exists()
    assert not (root / "_site" / "2024" / "01" / "05" / "a.html").exists()
    (root / "_posts" / "2024-01-06-b.md").write_text("---\ntitle: T\n---\n{% post_url 2024-01-05-a %}\n",
                                                     encoding="utf-8")
    stopped = _build(root)
    assert stopped.returncode != 0 and "Could not find post \"2024-01-05-a\"" in stopped.stderr
    (root / "_posts" / "2024-01-06-b.md").write_text("---\ntitle: T\ndate:\n---\nHi\n", encoding="utf-8")
    stopped = _build(root)
    assert stopped.returncode != 0 and "Invalid date ''" in stopped.stdout + stopped.stderr
    (root / "_posts" / "2024-01-07-c.md").write_text("---\ntitle: T\n---\n{% post_url 2024-01-05-a %}\n",
                                                     encoding="utf-8")
    main(["check", "--offline", "--format", "json", str(root / "_posts")])
    found = {(Path(d["path"]).name, d["code"]): d for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert set(found) == {("2024-01-05-a.md", "BC110"), ("2024-01-06-b.md", "BC120"), ("2024-01-07-c.md", "BC205"),
                          ("0000-01-01-z.md", "BC125")}
    assert "which Jekyll reads as false" in found["2024-01-05-a.md", "BC110"]["message"]
    assert (found["2024-01-06-b.md", "BC120"]["line"], found["2024-01-06-b.md", "BC120"]["column"]) == (3, 1)
    assert "`published:` with no value" in found["2024-01-07-c.md", "BC205"]["hint"]


def test_every_dated_file_in_posts_is_a_post_to_jekyll(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A backup, a merge leftover, a text or data file with a date in its name: Jekyll lists
    each with the posts and publishes it unconverted. BC126 names exactly those; a `.mdown`
    the site's `markdown_ext:` names is a Markdown post, and one in an `exclude:`d folder is
    read by neither."""
    root = tmp_path / "site"
    (root / "_plugins").mkdir(parents=True)
    (root / "_plugins" / "report.rb").write_text(REPORT, encoding="utf-8")
    (root / "_config.yml").write_text("title: t\nexclude: [read.json, _posts/old]\nmarkdown_ext: md,mdown\n",
                                      encoding="utf-8")
    names = {"2024-01-05-a.md": "", "2024-01-05-a.md.bak": "BC126", "2024-01-05-b.txt": "BC126",
             "2024-01-05-c.md.orig": "BC126", "2024-01-05-d.htm": "", "2024-01-05-e.json": "BC126",
             "2024-01-05-g.mdown": "", "2024-01-05-x.md~": "", "old/2024-01-05-old.md.bak": "", "notes.txt": ""}
    for name in names:
        (root / "_posts" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "_posts" / name).write_text("---\ntitle: T\n---\nHi *x*\n", encoding="utf-8")
    build = _build(root)
    assert build.returncode == 0, build.stderr[-2000:]
    jekyll = {Path(p).name for p in json.loads((root / "read.json").read_text(encoding="utf-8"))}
    assert jekyll == {"2024-01-05-a.md", "2024-01-05-a.md.bak", "2024-01-05-b.txt", "2024-01-05-c.md.orig",
                      "2024-01-05-d.htm", "2024-01-05-e.json", "2024-01-05-g.mdown"}
    assert (root / "_site" / "2024" / "01" / "05" / "a.md.bak").read_text(encoding="utf-8") == "Hi *x*\n"
    assert "<em>x</em>" in (root / "_site" / "2024" / "01" / "05" / "g.html").read_text(encoding="utf-8")
    main(["check", "--offline", "--format", "json", str(root)])
    found = {Path(d["path"]).name: d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert found == {name.split("/")[-1]: code for name, code in names.items() if code}


def test_a_post_in_a_capitalised_posts_folder_is_bc124(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Jekyll looks for `_posts/` and `_drafts/` in lower case: on a Linux disk (GitHub
    Pages, CI) it reads nothing from `_Posts/` or `_DRAFTS/`, and says nothing. Named on
    the command line (a Mac user's pre-commit run), such a file is BC124."""
    root = tmp_path / "site"
    for rel in ("_posts/2024-01-01-read.md", "_Posts/2024-01-02-upper.md", "_DRAFTS/draft.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("---\ntitle: t\n---\nText.\n", encoding="utf-8")
    (root / "_config.yml").write_text("title: t\nexclude: [read.json]\n", encoding="utf-8")
    (root / "_plugins").mkdir()
    (root / "_plugins" / "report.rb").write_text(REPORT, encoding="utf-8")
    build = _build(root)
    assert build.returncode == 0, build.stderr[-2000:]
    assert json.loads((root / "read.json").read_text(encoding="utf-8")) == ["_posts/2024-01-01-read.md"]
    main(["check", "--offline", "--select", "BC124", "--format", "json", str(root / "_posts/2024-01-01-read.md"),
          str(root / "_Posts/2024-01-02-upper.md"), str(root / "_DRAFTS/draft.md")])
    found = {d["path"].removeprefix(str(root) + "/"): d["message"]
             for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert found == {
        "_Posts/2024-01-02-upper.md": "Jekyll never reads this post: its folder is `_Posts/`, and Jekyll reads "
        "`_posts/`, in lower case: a Mac's disk does not mind the case, GitHub Pages and CI do",
        "_DRAFTS/draft.md": "Jekyll never reads this draft: its folder is `_DRAFTS/`, and Jekyll reads `_drafts/`, "
        "in lower case: a Mac's disk does not mind the case, GitHub Pages and CI do"}


@pytest.mark.parametrize(("name", "renamed"), [("2024-01-06-my-post", "2024-01-06-my-post.md"),
                                               ("2024-01-07-other.md.", "2024-01-07-other.md")])
def test_a_dated_name_without_an_extension_is_dropped_and_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str,
        renamed: str) -> None:
    """Jekyll's DATE_FILENAME_MATCHER wants an extension: `2024-01-06-my-post` (a forgotten
    `.md`) is not read (checked with jekyll build). blogcheck found no such file and said
    nothing; named, it blamed a missing date (an audit). BC122 now says what is missing."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_plugins").mkdir()
    (site / "_config.yml").write_text("title: t\nexclude: [read.json]\n", encoding="utf-8")
    (site / "_plugins" / "report.rb").write_text(REPORT, encoding="utf-8")
    (site / "_posts" / "2024-01-08-ok.md").write_text("---\ntitle: C\n---\nx\n", encoding="utf-8")
    (site / "_posts" / name).write_text("---\ntitle: A\n---\nx\n", encoding="utf-8")
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300,
                           check=False)
    assert build.returncode == 0, build.stderr
    assert json.loads((site / "read.json").read_text(encoding="utf-8")) == ["_posts/2024-01-08-ok.md"]
    monkeypatch.chdir(site)
    for named in (["."], [f"_posts/{name}"]):
        main(["check", "--offline", "--format", "json", *named])
        found = [(d["code"], d["message"].split(": ")[0], d["hint"]) for d in
                 json.loads(capsys.readouterr().out)["diagnostics"]]
        assert found == [("BC122", f"file name `{name}` has no extension", f"rename it `{renamed}`")]
