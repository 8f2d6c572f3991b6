"""Which line a suppression comment silences, through the command line: a line with
content silences itself (a `#` heading, a line opening with another comment), a line
of comments only silences the next; codes match in any case, by prefix or check name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main


def _site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-x.md"
    post.write_bytes(f"---\ntitle: x\n---\n{body}".encode())
    monkeypatch.chdir(tmp_path)
    return post


def _found(capsys: pytest.CaptureFixture[str], *argv: str) -> list[tuple[str, int]]:
    main(["check", "--offline", "--select", "spelling", "--format", "json", *argv])
    return [(d["code"], d["line"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


@pytest.mark.parametrize("line", [
    "## Heading recieve <!-- blogcheck: ignore BC401 -->",
    "# Heading recieve <!-- blogcheck: ignore -->",
    "<!-- note --> I recieve it. <!-- blogcheck: ignore BC401 -->",
    "<!-- note --> I recieve it. <!-- blogcheck: ignore BC401 --> <!-- end -->",
])
def test_a_line_with_content_silences_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str], line: str) -> None:
    alone = "  <!-- note --> <!-- blogcheck: ignore BC401 -->\r"  # comments only: the next line
    _site(tmp_path, monkeypatch, f"{line}\nNext teh line.\n{alone}\nAnd recieve.\nEnd teh.\n")
    assert _found(capsys) == [("BC401", 5), ("BC401", 8)]


def test_a_yaml_comment_line_is_alone_but_a_heading_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    post = _site(tmp_path, monkeypatch, "")
    post.write_text("---\ntitle: x\n# blogcheck: ignore BC131\ncategoires: [a]\n---\n"
                    "# Title recieve <!-- blogcheck: ignore BC401 -->\nText teh.\n", encoding="utf-8")
    assert _found(capsys, "--select", "frontmatter") == [("BC401", 7)]


def test_codes_in_any_case_prefixes_and_check_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    words = ["bc401", "Bc4", "spelling", "SPELLING, BC999", "BC4", "BC402", "links", "frontmatter, bc6"]
    _site(tmp_path, monkeypatch, "".join(f"I recieve it. <!-- blogcheck: ignore {w} -->\n" for w in words))
    assert _found(capsys) == [("BC401", 9), ("BC401", 10), ("BC401", 11)]


def test_fix_leaves_a_silenced_heading_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    post = _site(tmp_path, monkeypatch, "## Heading recieve <!-- blogcheck: ignore BC401 -->\nNext teh line.\n")
    main(["check", "--offline", "--fix"])
    capsys.readouterr()
    assert post.read_bytes() == (b"---\ntitle: x\n---\n## Heading recieve <!-- blogcheck: ignore BC401 -->\n"
                                 b"Next the line.\n")
