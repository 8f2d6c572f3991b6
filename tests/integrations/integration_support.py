"""Helpers for the integration tests (a module name of its own, so that it
cannot be mistaken for another folder's conftest)."""

from __future__ import annotations

import http.server
import os
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

REPO = Path(__file__).resolve().parents[2]
IDENTITY = {"GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.org",
            "GIT_COMMITTER_NAME": "Ada", "GIT_COMMITTER_EMAIL": "ada@example.org",
            "GIT_CONFIG_NOSYSTEM": "1"}
GOOD_POST = "---\ntitle: A good post\ndate: 2024-03-06 09:00:00 +0000\n---\nHello, [home](/).\n"
BAD_POST = "---\ntitl: A bad post\ndate: 2024-03-38 18:30:22 +0000\n---\nHello.\n"


def git(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60,
                          env=env or os.environ.copy())
    assert done.returncode == 0, f"git {' '.join(args)} failed: {done.stderr}"
    return done.stdout


def make_site(root: Path, posts: dict[str, str]) -> Path:
    """A Jekyll site in a new git repository on branch `main`, posts committed."""
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Test site\npermalink: /:year/:month/:day/:title/\n")
    (root / "index.md").write_text("---\ntitle: Home\n---\nHome.\n")
    for rel, text in posts.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git("init", "-q", "-b", "main", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "Start the site", cwd=root)
    return root


class LinkServer(http.server.BaseHTTPRequestHandler):
    """Loopback links: /ok answers 200, anything else 404; `hits` records each request's path."""

    hits: ClassVar[list[str]] = []

    def do_HEAD(self) -> None:
        self.hits.append(self.path)
        self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args: object) -> None:
        pass


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def page_text(page: str, separator: str = "") -> str:
    """The text a browser shows of an HTML page: the data outside its tags (a tag of an
    element the browser does not know shows nothing either), joined by `separator`."""
    reader = _Text()
    reader.feed(page)
    return separator.join(reader.parts)


def kramdown(texts: list[str], *flags: str) -> list[set[int]]:
    """kramdown_oracle.rb on `texts` (NUL-separated): per text, the 1-based lines where
    kramdown starts a table (`--ol`: an ordered list; `--liquid`: Liquid renders first)."""
    import shutil

    assert shutil.which("ruby") and shutil.which("jekyll"), ".ci/run installs jekyll (and with it ruby)"
    oracle = Path(__file__).with_name("kramdown_oracle.rb")
    done = subprocess.run(["ruby", str(oracle), *flags], input="\0".join(texts), capture_output=True, text=True,
                          timeout=600, check=True)
    return [{int(n) for n in line.split()} for line in done.stdout.split("\n")[:len(texts)]]


def corpus_bodies(corpus: Path) -> list[str]:
    """The body of every Markdown post of the corpus, its Liquid tags blanked as `mask`
    does (kramdown then sees no Liquid, as after Jekyll's; plugin tags cannot run here)."""
    from blogcheck.links.liquid import live, mask, quiet, tags

    bodies = []
    for path in sorted(corpus.glob("*/_posts/**/*.*")):
        if path.suffix in (".md", ".markdown"):
            text = path.read_text(encoding="utf-8", errors="replace")
            body = text.split("---", 2)[2].lstrip("\n") if text.startswith("---") else text
            found = tags(body)
            bodies.append(mask(body, live(found, quiet(body, found)[0])).replace("\0", ""))
    return bodies


def one_post_site(root: Path, body: str, config: str = "title: t\nmarkdown: kramdown\n", title: str = "t") -> Path:
    """A Jekyll site at `root` with one post, `_posts/2024-01-01-p.md`, of `body` (its line
    endings kept)."""
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(config, encoding="utf-8")
    (root / "_posts" / "2024-01-01-p.md").write_bytes(f"---\ntitle: {title}\n---\n{body}".encode())
    return root


def built_post(site: Path) -> str:
    """`jekyll build` of `one_post_site`'s site; the post's page."""
    import shutil

    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    done = subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    return (site / "_site" / "2024" / "01" / "01" / "p.html").read_text(encoding="utf-8")
