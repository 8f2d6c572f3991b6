"""BC503/BC504 know where the `{% include %}` ends, and every reporter gets it: the
github annotation's endLine/endColumn, SARIF's region, JSON's end keys, HTML's mark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import one_post_site, run

INCLUDE = "---\ntitle: Post\n---\n\nText {% include nothere.html %} and more.\n"


@pytest.fixture
def include(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_includes" / "note.html").write_text("")
    return one_post_site(tmp_path, INCLUDE, monkeypatch)


def test_every_reporter_gets_the_span_of_an_include(include: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--offline", "--format", "github")
    assert out.startswith("::error file=_posts/2024-01-01-p.md,line=5,col=6,endLine=5,endColumn=32,title=BC503::")
    _, out, _ = run(capsys, "check", "--offline", "--format", "sarif")
    region = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 5, "startColumn": 6, "endLine": 5, "endColumn": 32}
    _, out, _ = run(capsys, "check", "--offline", "--format", "json")
    found = json.loads(out)["diagnostics"][0]
    assert (found["code"], found["end_line"], found["end_column"]) == ("BC503", 5, 32)
    assert list(found)[-2:] == ["end_line", "end_column"]  # the common keys' place, not an extra's
    run(capsys, "check", "--offline", "--format", "html", "--output", "r.html")
    assert "Text <mark>{% include nothere.html %}</mark> and more." in (include / "r.html").read_text()
