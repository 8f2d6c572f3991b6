"""BC123: Jekyll leaves out posts dated after the build unless `future: true`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run

SOON = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=3)


def _found(tmp_path: Path, files: dict[str, str], config: str = "title: t\n") -> list[tuple[str, int, int]]:
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    paths = [tmp_path / rel for rel in files]
    result = run(paths, load_site(tmp_path), Config(select=("BC123",), offline=True))
    return [(Path(d.path).name, d.line, d.column) for d in result.diagnostics]


def test_a_post_dated_ahead_is_reported_where_its_date_is(tmp_path: Path) -> None:
    files = {
        "_posts/2099-01-01-by-name.md": "---\ntitle: a\n---\n",
        "_posts/2024-01-01-by-date.md": f"---\ntitle: b\ndate: {SOON:%Y-%m-%d %H:%M:%S} +0000\n---\n",
        "_posts/2024-01-02-past.md": "---\ntitle: c\ndate: 2024-01-02 10:00:00\n---\n",
        "_drafts/2099-01-01-draft.md": "---\ntitle: d\n---\n",  # a draft gets its date when published
        "_posts/2099-02-02-unpublished.md": "---\ntitle: e\npublished: false\n---\n",  # left out anyway
    }
    assert _found(tmp_path, files) == [("2024-01-01-by-date.md", 3, 7), ("2099-01-01-by-name.md", 1, 1)]


def test_the_message_names_the_date_in_the_site_zone(tmp_path: Path) -> None:
    files = {"_posts/2024-01-01-x.md": "---\ntitle: b\ndate: 2098-12-31 23:30:00 -0500\n---\n"}
    (tmp_path / "_config.yml").write_text("timezone: Europe/Paris\n", encoding="utf-8")
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    [diag] = run([tmp_path / "_posts/2024-01-01-x.md"], load_site(tmp_path),
                 Config(select=("BC123",), offline=True)).diagnostics
    assert diag.severity.value == "warning"
    assert "dated 2099-01-01 05:30, in the future" in diag.message and "future: true" in diag.hint


def test_future_true_publishes_them(tmp_path: Path) -> None:
    files = {"_posts/2099-01-01-by-name.md": "---\ntitle: a\n---\n"}
    assert _found(tmp_path, files, "future: true\n") == []
