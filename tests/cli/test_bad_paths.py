"""Paths the system cannot look up (a symbolic link loop, a name too long): a
PATH argument is a usage error (exit 2, one line), never a traceback; a loop met
while walking a site is a finding of its own (BC100), and the run goes on."""

from __future__ import annotations

from pathlib import Path

from blogcheck.jekyll.site import find_root

LONG = "x" * 300  # longer than a file name may be (255 bytes on Linux file systems)


def test_find_root_takes_a_name_too_long_for_the_system(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n")
    assert find_root(tmp_path / LONG) == tmp_path
