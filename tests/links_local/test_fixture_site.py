"""The fixture site under tests/links_local/site, checked offline: the good post
has no finding, the bad post has exactly its seeded ones, at their exact places,
and the same URLs in code, comments, `{% raw %}`, `{% comment %}` and
`{% highlight %}` are not reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run

SITE = Path(__file__).resolve().parent / "site"
GOOD = SITE / "_posts" / "2024-01-10-good-links.md"
BAD = SITE / "_posts" / "2024-01-11-bad-links.md"
OFFLINE_LINKS = Config(select=("links",), offline=True)

# (line, column, code, what is written there)
BAD_FINDINGS = [
    (4, 12, "BC303", "/blog/assets/img/missing-feature.png"),  # front matter image.feature
    (8, 18, "BC204", "/blog/nope/"),
    (8, 54, "BC303", "/blog/assets/img/nope.png"),
    (9, 16, "BC203", "#no-such-heading"),
    (9, 56, "BC203", "/blog/2024/03/06/day-65/#no-such-part"),  # a heading of another post
    (10, 18, "BC205", "{% post_url 2023-01-01-no-such-post %}"),
    (10, 80, "BC204", "{% link _docs/missing.md %}"),
    (11, 18, "BC208", "www.example.com"),
    (11, 52, "BC208", ")"),  # `[empty link]()`: where the URL is missing
    (11, 68, "BC208", "http://example.com:port/"),
    (12, 10, "BC208", "htps://example.com/"),
    (12, 52, "BC208", "C:\\Users\\me\\photo.png"),
    (13, 11, "BC303", "{{ site.baseurl }}/assets/img/gone.png"),  # <img src>
    (13, 72, "BC204", "/blog/embed/nope.html"),  # <iframe src>
    (16, 9, "BC204", "/blog/gone/"),  # a reference link, at its definition
    # Liquid runs in code spans too: this tag stops the Jekyll build, so it is
    # reported; the same tag inside {% raw %} (line 35) is not.
    (43, 32, "BC205", "{% post_url 2023-01-02-also-missing %}"),
]


def _findings(path: Path) -> list[tuple[int, int, str]]:
    result = run([path], load_site(SITE), OFFLINE_LINKS)
    return [(d.line, d.column, d.code) for d in result.diagnostics]


def test_good_post_has_no_findings() -> None:
    assert _findings(GOOD) == []


def test_other_posts_have_no_findings() -> None:
    others = [p for p in sorted((SITE / "_posts").rglob("*.md")) if p not in (GOOD, BAD)]
    assert len(others) == 2
    for path in others:
        assert _findings(path) == [], path.name


def test_bad_post_findings_at_their_exact_places() -> None:
    assert _findings(BAD) == [(line, column, code) for line, column, code, _ in BAD_FINDINGS]


@pytest.mark.parametrize("line,column,code,written", BAD_FINDINGS, ids=lambda v: str(v))
def test_each_position_points_at_what_is_written(line: int, column: int, code: str, written: str) -> None:
    text = BAD.read_text(encoding="utf-8").split("\n")[line - 1]
    assert text[column - 1 :].startswith(written)


def test_nothing_reported_below_the_heading_but_the_liquid_tag() -> None:
    """Every URL of the first paragraph is repeated after `## A heading` in code
    spans, fences, indented code, HTML comments, raw, comment and highlight."""
    below = [f for f in _findings(BAD) if f[0] > 18]
    assert below == [(43, 32, "BC205")]


def test_text_output_of_the_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SITE)
    code = main(["check", "--offline", "--select", "links", "_posts/2024-01-11-bad-links.md"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0] == ("_posts/2024-01-11-bad-links.md:4:12: BC303 `/blog/assets/img/missing-feature.png` "
                      "is no image of this site")
    assert "_posts/2024-01-11-bad-links.md:10:18: BC205 `{% post_url 2023-01-01-no-such-post %}` names no post; " \
           "Jekyll stops the build when it renders the tag" in out
    assert out[-1] == f"Checked 1 file: {len(BAD_FINDINGS)} errors, 0 warnings."


def test_json_carries_url_and_status(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SITE)
    main(["check", "--offline", "--select", "links", "--format", "json", "_posts/2024-01-11-bad-links.md"])
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    assert len(diagnostics) == len(BAD_FINDINGS)
    assert all({"url", "status"} <= set(d) for d in diagnostics)
    first = diagnostics[0]
    assert (first["url"], first["status"], first["check"]) == ("/blog/assets/img/missing-feature.png", "broken",
                                                                "links")


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_other_reporters_carry_the_findings(fmt: str, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SITE)
    main(["check", "--offline", "--select", "links", "--format", fmt, "_posts/2024-01-11-bad-links.md"])
    out = capsys.readouterr().out
    assert out.count("BC205") >= 2 and "BC303" in out and "BC208" in out


def test_ignore_and_select_by_code(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run([BAD], load_site(SITE), Config(select=("BC2",), ignore=("BC208",), offline=True))
    assert {d.code for d in result.diagnostics} == {"BC203", "BC204", "BC205"}


def test_inline_suppression(tmp_path: Path) -> None:
    import shutil

    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    post = site / "_posts" / "2024-01-11-bad-links.md"
    lines = post.read_text(encoding="utf-8").split("\n")
    lines[7] += " <!-- blogcheck: ignore BC204 -->"
    post.write_text("\n".join(lines), encoding="utf-8")
    result = run([post], load_site(site), OFFLINE_LINKS)
    on_line_8 = [(d.line, d.code) for d in result.diagnostics if d.line == 8]
    assert on_line_8 == [(8, "BC303")]
