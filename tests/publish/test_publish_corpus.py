"""A round trip over real posts: each post of the corpus, marked approved (a
`status: approved` line put between its top-level keys), is published; the
published copy must be the original file, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from publish_helpers import Sandbox, git, make_remote

from blogcheck.cli import main
from blogcheck.jekyll.site import load_site
from blogcheck.parse.frontmatter import FrontMatterError, parse
from blogcheck.parse.split import split
from blogcheck.post import Post, load
from blogcheck.publish.names import post_name

BLOGS = ["mmistakes__made-mistakes-jekyll", "jekyll__jekyll", "daattali__daattali.github.io",
         "ivanstudyblog__ivanstudyblog.github.io"]


def _approve(raw: bytes, number: int) -> bytes | None:
    """`raw` with `status: approved` before its n-th top-level key (or the closing
    line), n cycling with `number`; None for a file without front matter."""
    text = raw.decode("utf-8-sig", errors="replace")
    parts = split(text)
    if parts.yaml is None or not parts.closed:
        return None
    try:
        front = parse(parts.yaml, start_line=1)
    except FrontMatterError:
        return None
    slots = [entry.key_pos.line for entry in front.entries] + [parts.body_line - 1]
    line = slots[number % len(slots)]
    lines = raw.splitlines(keepends=True)
    ending = b"\r\n" if lines[0].endswith(b"\r\n") else b"\n"
    return b"".join([*lines[: line - 1], b"status: approved" + ending, *lines[line - 1:]])


@pytest.mark.parametrize("blog", BLOGS)
def test_published_copies_are_the_original_files(blog: str, corpus_dir: Path, tmp_path: Path,
                                                 sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / blog
    shutil.copytree(corpus_dir / blog / "_posts", source / "_posts")
    shutil.copy(corpus_dir / blog / "_config.yml", source / "_config.yml")
    originals: dict[Path, bytes] = {}
    for number, path in enumerate(sorted((source / "_posts").rglob("*.*"))):
        marked = _approve(original := path.read_bytes(), number)
        if marked is not None:
            path.write_bytes(marked)
            originals[path] = original
    remote = make_remote(tmp_path / "target")
    monkeypatch.chdir(source)
    code = main(["publish", "--to", str(remote), "--offline", "--select", "frontmatter"])
    out, err = sandbox.capture.readouterr()
    assert code in (0, 1), err
    clone = tmp_path / "published"
    git("clone", "-q", str(remote), str(clone))
    site = load_site(source)
    same, refused = 0, out.count("\nrefuse   ") + out.startswith("refuse   ")
    for path, original in originals.items():
        post = load(path, path.name, site, 10**7)
        inside = path.parent.relative_to(source / "_posts")  # `_posts/articles/x.md` keeps its folder
        target = clone / "_posts" / inside / post_name(post, site) if isinstance(post, Post) else None
        if target is not None and target.is_file():
            assert target.read_bytes() == original, path
            same += 1
    print(f"{blog}: {same} of {len(originals)} published byte for byte; {refused} refused by the checks")
    assert same + refused == len(originals)
    assert same >= 0.9 * len(originals)
    if blog.startswith("mmistakes"):
        assert same == len(originals) == 1005
