"""`--new-links-only` in a site whose `encoding:` is not UTF-8: the post, now and at the base,
is read in it, as `check` reads posts. Read as UTF-8, a Latin-1 post was no text at all, so
every link of it was taken for a new one and stayed an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from integration_support import git, make_site

from blogcheck.cli import main

NAME = "_posts/2024-03-01-old.md"
OLD = "---\ntitle: Café\n---\nDéjà vu: [the old café](/café-missing.html).\n"


def test_old_links_of_a_latin1_post_are_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "site", {})
    (site / "_config.yml").write_text("title: t\nencoding: ISO-8859-1\n", encoding="utf-8")
    (site / NAME).write_bytes(OLD.encode("latin-1"))
    git("add", "-A", cwd=site)
    git("commit", "-q", "-m", "A Latin-1 post", cwd=site)
    git("checkout", "-q", "-b", "work", cwd=site)
    (site / NAME).write_bytes((OLD + "À la [new one](/new-à-missing.html).\n").encode("latin-1"))
    git("commit", "-q", "-am", "Add a link", cwd=site)
    main(["check", "--offline", "--no-cache", "--ignore", "spelling", "--format", "json",
          "--changed-since", "main", "--new-links-only", str(site)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["code"], d["line"], d["url"], d["severity"]) for d in found] == [
        ("BC204", 4, "/café-missing.html", "warning"), ("BC204", 5, "/new-à-missing.html", "error")]
