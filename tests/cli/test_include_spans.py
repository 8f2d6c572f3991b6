"""BC503/BC504 know where the `{% include %}` ends, and every reporter gets it: the
github annotation's endLine/endColumn, SARIF's region, JSON's end keys, HTML's mark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main

INCLUDE = "---\ntitle: Post\n---\n\nText {% include nothere.html %} and more.\n"


@pytest.fixture
def include(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_includes" / "note.html").write_text("")
    (tmp_path / "_posts" / "2024-01-01-p.md").write_text(INCLUDE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_reporter_gets_the_span_of_an_include(include: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "check", "--offline", "--format", "github")
    assert out.startswith("::error file=_posts/2024-01-01-p.md,line=5,col=6,endLine=5,endColumn=32,title=BC503::")
    _, out, _ = _run(capsys, "check", "--offline", "--format", "sarif")
    region = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 5, "startColumn": 6, "endLine": 5, "endColumn": 32}
    _, out, _ = _run(capsys, "check", "--offline", "--format", "json")
    found = json.loads(out)["diagnostics"][0]
    assert (found["code"], found["end_line"], found["end_column"]) == ("BC503", 5, 32)
    assert list(found)[-2:] == ["end_line", "end_column"]  # the common keys' place, not an extra's
    _run(capsys, "check", "--offline", "--format", "html", "--output", "r.html")
    assert "Text <mark>{% include nothere.html %}</mark> and more." in (include / "r.html").read_text()
