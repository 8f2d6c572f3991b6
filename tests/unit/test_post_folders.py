"""Where Jekyll reads posts: `<folder>/_posts/` anywhere it walks, only below
`collections_dir` when one is set, and a post's path below that folder for its
categories, `defaults:`, `{% post_url %}` and `{% link %}`. What real Jekyll 4
does with the same sites is in tests/integrations/test_jekyll_folders.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.jekyll.folders import document_path, not_read, post_folders, unread_reason

POST = "---\ntitle: {title}\n---\n{body}\n"


def _site(root: Path, config: str, posts: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(config, encoding="utf-8")
    for rel, body in posts.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(POST.format(title=path.stem, body=body), encoding="utf-8")
    return root


def _check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[tuple[str, str, str]]]:
    code = main(["check", "--offline", "--select", "frontmatter,links", "--format", "json", *argv])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    return code, sorted((d["path"], d["code"], f"{d['message']} | {d.get('hint', '')}") for d in found)


def test_posts_outside_collections_dir_are_reported_and_links_follow_jekyll(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    body = ("[a](/a/) [b](/blog/b/) [c](/c/) [wrong](/my_collections/a/)\n\n"
            "{% post_url 2024-01-02-b %} {% post_url blog/2024-01-02-b %} {% post_url 2024-01-03-c %}\n\n"
            "[l]({% link _posts/2024-01-01-a.md %}) [l2]({% link my_collections/_posts/2024-01-01-a.md %})")
    site = _site(tmp_path / "site", "collections_dir: my_collections\npermalink: /:categories/:title/\n", {
        "my_collections/_posts/2024-01-01-a.md": "A.",
        "my_collections/blog/_posts/2024-01-02-b.md": "B.",
        "_posts/2024-01-03-c.md": "C, where Jekyll never looks.",
        "my_collections/_posts/2024-01-04-d.md": body,
    })
    monkeypatch.chdir(site)
    code, found = _check(capsys)  # no paths: the post folders Jekyll reads, and the root's
    d = "my_collections/_posts/2024-01-04-d.md"
    assert code == 1
    assert [(path, c) for path, c, _ in found] == [
        ("_posts/2024-01-03-c.md", "BC124"), (d, "BC204"), (d, "BC204"), (d, "BC204"), (d, "BC205")]
    messages = "\n".join(m for _, _, m in found)
    assert "`/c/`" in messages and "`/my_collections/a/`" in messages  # /a/ and /blog/b/ resolve
    # the unread post has no URL, and the hint says why
    assert "{% post_url 2024-01-03-c %}` names no post; Jekyll stops the build when it renders the tag | " \
           "`_posts/2024-01-03-c.md` is that post, but Jekyll never reads it (BC124): it is outside " \
           "`collections_dir: my_collections`" in messages
    assert "{% link my_collections/_posts/2024-01-01-a.md %}" in messages  # named below the folder
    assert "outside `collections_dir: my_collections`, the folder Jekyll reads posts from | move it into " \
           "`my_collections/_posts/`" in messages


def test_category_folders_hold_posts_of_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path / "site", "title: t\n", {
        "blog/_posts/2024-01-02-b.md": "B.",
        "_old/_posts/2024-01-05-e.md": "E, in a folder Jekyll skips.",
        "_posts/2024-01-04-d.md": "[b](/blog/2024/01/02/b.html) {% post_url blog/2024-01-02-b %} "
                                  "[e](/2024/01/05/e.html)",
    })
    monkeypatch.chdir(site)
    code, found = _check(capsys, "_posts", "_old")
    assert [(path, c) for path, c, _ in found] == [
        ("_old/_posts/2024-01-05-e.md", "BC124"), ("_posts/2024-01-04-d.md", "BC204")]
    assert "Jekyll skips the folder `_old/`" in found[0][2] and found[0][2].endswith("| move it into `_posts/`")
    assert "`/2024/01/05/e.html`" in found[1][2]
    code, found = _check(capsys)  # no paths: blog/_posts/ is checked too, _old/ is not read
    assert code == 1 and [c for _, c, _ in found] == ["BC204"]


@pytest.mark.parametrize(("folder", "reason"), [
    ("_coll", "`collections_dir: _coll` is a folder Jekyll skips"),
    ("coll/", "`collections_dir: coll/` has a slash Jekyll keeps"),
])
def test_a_collections_dir_jekyll_cannot_use_is_named(tmp_path: Path, folder: str, reason: str) -> None:
    config = {"collections_dir": folder}
    rel = f"{folder.strip('/')}/_posts/2024-01-01-a.md"
    assert unread_reason(rel, config).startswith(reason)
    found = not_read(rel, config)
    assert found is not None and found.fix == ("name a `collections_dir:` folder Jekyll walks" if folder == "_coll"
                                               else "write `collections_dir: coll` in _config.yml")
    assert unread_reason(f"{folder.strip('/')}/blog/_posts/2024-01-01-a.md", config).startswith(
        reason if folder.startswith("_") else "")


def test_document_paths_and_defaults_are_taken_below_collections_dir(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    config = {"collections_dir": "my_collections"}
    assert document_path("my_collections/blog/_posts/x.md", config) == "blog/_posts/x.md"
    assert document_path("my_collectionsX/_posts/x.md", config) == "my_collectionsX/_posts/x.md"
    assert document_path("_posts/x.md", {}) == "_posts/x.md"
    site = _site(tmp_path / "site", "collections_dir: my_collections\n"
                 "defaults:\n  - {scope: {path: _posts}, values: {layout: nope}}\n"
                 "  - {scope: {path: my_collections/blog}, values: {permalink: /b/}}\n", {
                     "my_collections/blog/_posts/2024-01-02-b.md": "B.",
                     "my_collections/_posts/2024-01-04-d.md": "[b](/b/)",
                 })
    (site / "_layouts").mkdir()
    monkeypatch.chdir(site)
    _, found = _check(capsys)
    # the `_posts` scope reaches my_collections/_posts/ (layout `nope`: BC130), the
    # `my_collections/blog` scope gives b its permalink, so /b/ resolves
    assert [(path, c) for path, c, _ in found] == [("my_collections/_posts/2024-01-04-d.md", "BC130")]


def test_post_folders_skip_what_jekyll_skips(tmp_path: Path) -> None:
    for folder in ("_posts", "blog/_posts", "blog/_drafts", "node_modules/x/_posts", "_old/_posts", ".git/_posts",
                   "vendor/bundle/_posts", "notes/_posts", "kept/_posts"):
        (tmp_path / folder).mkdir(parents=True)
    config = {"exclude": ["notes"], "include": ["_old"]}
    found = [p.relative_to(tmp_path).as_posix() for p in post_folders(tmp_path, config)]
    assert found == ["_old/_posts", "_posts", "blog/_drafts", "blog/_posts", "kept/_posts"]
    assert [p.relative_to(tmp_path).as_posix() for p in post_folders(tmp_path, {"collections_dir": "blog"})] == [
        "blog/_drafts", "blog/_posts"]
    # Jekyll's exclude patterns: a glob, a prefix of the path (`kep` excludes `kept`), a folder with its slash
    for exclude, left in (("b*g", ["_posts", "kept/_posts"]), ("kep", ["_posts", "blog/_drafts", "blog/_posts"]),
                          ("blog/", ["_posts", "kept/_posts"])):
        found = [p.relative_to(tmp_path).as_posix() for p in post_folders(tmp_path, {"exclude": [exclude, "notes"]})]
        assert found == left, exclude
