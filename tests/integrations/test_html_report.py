"""`check --format html`: one self-contained page, read here as HTML and opened
in real headless Chromium (Debian's `chromium`, which .ci/run installs) with
every network path shut, whose screenshot must show the report."""

from __future__ import annotations

import html.parser
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from integration_support import make_site

from blogcheck.cli import main

POSTS = {
    "_posts/2024-03-06-links.md": "---\ntitle: Links\ndate: 2024-03-06 09:00:00 +0000\n---\n"
                                  "Read [the guide](/no-such-guide.html) and recieve it.\n",
    "_posts/2024-03-07-evil.md": "---\ntitle: Evil\ndate: <script>alert()</script>\n"
                                 "categoires: [x]\n---\nFine.\n",
    "_posts/2024-03-08-fine.md": "---\ntitle: Fine\ndate: 2024-03-08\n---\nAll good here.\n",
}


class _Page(html.parser.HTMLParser):
    """Tags and attributes of the page, and the text of each element by id."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture
def report(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    site = make_site(tmp_path / "blog", POSTS)
    monkeypatch.chdir(site)
    out = tmp_path / "report.html"
    assert main(["check", "--offline", "--format", "html", "--output", str(out)]) == 1
    assert capsys.readouterr().out == ""
    return out


def _parse(path: Path) -> _Page:
    return _parse_text(path.read_text(encoding="utf-8"))


def test_page_loads_nothing_from_anywhere(report: Path) -> None:
    page = _parse(report)
    names = [tag for tag, _ in page.tags]
    assert "script" not in names and "link" not in names and "img" not in names and "iframe" not in names
    assert not any("src" in attrs for _, attrs in page.tags)
    policy = [a.get("content") for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert policy == ["default-src 'none'; style-src 'unsafe-inline'"]
    assert "url(" not in report.read_text() and "@import" not in report.read_text()


def test_page_has_counts_per_check_a_table_of_posts_and_each_finding_in_context(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    assert '<tr><td>links</td><td class="n">1</td><td class="n">0</td><td class="n">0</td></tr>' in text
    assert '<tr><td>frontmatter</td><td class="n">1</td><td class="n">1</td><td class="n">0</td></tr>' in text
    assert '<a href="#post-1">_posts/2024-03-06-links.md</a>' in text
    assert '<a href="#post-2">_posts/2024-03-07-evil.md</a>' in text and "2024-03-08-fine.md" not in text
    assert "1 other file has no findings." in text
    assert ('<pre class="context"><span class="ln">5</span>Read [the guide](<mark>/no-such-guide.html</mark>) and'
            in text)
    assert "and <mark>recieve</mark> it." in text  # the typo, marked in its line
    assert "<span class=\"muted\">suggestions:</span> receive" in text


def test_page_escapes_what_posts_contain(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "<mark>&lt;script&gt;alert()&lt;/script&gt;</mark>" in text  # the bad date, in its line
    assert "`date: &lt;script&gt;alert()&lt;/script&gt;` is not a date" in text  # and in the message


def test_no_findings_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(tmp_path / "blog", {"_posts/2024-03-08-fine.md": POSTS["_posts/2024-03-08-fine.md"]})
    monkeypatch.chdir(site)
    assert main(["check", "--offline", "--format", "html", "--output", "r.html"]) == 0
    page = _parse(site / "r.html")
    assert "No findings in 1 file." in page.text and "Findings" not in page.text


def test_unreadable_sources_give_findings_without_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(tmp_path / "blog", {})
    (site / "_posts/2024-03-08-binary.md").write_bytes(b"---\x00\xff\xfe")
    (site / "_posts/2024-03-09-latin1.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    monkeypatch.chdir(site)
    assert main(["check", "--offline", "--format", "html", "--output", "r.html"]) == 1
    text = (site / "r.html").read_text(encoding="utf-8")
    assert text.count("BC100") == 2 and "binary file" in text
    assert '<span class="ln">2</span>title: caf<mark>\ufffd</mark>' in text  # decoded with replacement, never a crash



def test_a_post_in_the_sites_encoding_is_shown_in_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A site of `encoding: ISO-8859-1` (Jekyll reads its posts so): a finding's line is
    shown as the post reads, `café`, not `caf\ufffd`, and its mark sits on the word."""
    site = make_site(tmp_path / "blog", {})
    (site / "_config.yml").write_text("title: t\nencoding: ISO-8859-1\n", encoding="utf-8")
    (site / "_posts/2024-03-09-latin1.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n\nUn caf\xe9 recieve.\n")
    monkeypatch.chdir(site)
    assert main(["check", "--offline", "--select", "BC401", "--format", "html", "--output", "r.html"]) == 1
    text = (site / "r.html").read_text(encoding="utf-8")
    assert '<span class="ln">5</span>Un caf\xe9 <mark>recieve</mark>.' in text and "\ufffd" not in text

CHROMIUM = os.environ.get("BLOGCHECK_CHROMIUM", "/usr/bin/chromium")


def _pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of an 8-bit PNG (Chromium writes these)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += body
        pos += 12 + length
    raw, stride, rows, previous = zlib.decompress(data), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            guess = (0, left, up, (left + up) // 2, _paeth(left, up, corner))[kind]
            line[i] = (line[i] + guess) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, channels, rows


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def test_chromium_shows_the_report_offline(report: Path, tmp_path: Path) -> None:
    assert shutil.which(CHROMIUM), ".ci/run installs Debian's chromium (or set BLOGCHECK_CHROMIUM)"
    shot = tmp_path / "report.png"
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,900",
         report.as_uri()],
        capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    width, channels, rows = _pixels(shot.read_bytes())
    assert (width, len(rows)) == (1200, 900)
    pixels = [row[i:i + 3] for row in rows[::3] for i in range(0, len(row), channels * 3)]
    background = max(set(pixels), key=pixels.count)
    drawn = sum(p != background for p in pixels) / len(pixels)
    assert 0.02 < drawn < 0.6, f"{drawn:.1%} of the screenshot differs from the background"
    reds = [p for p in pixels if p[0] > 150 and p[1] < 90 and p[2] < 90]
    assert reds, "the error count and badges are drawn in red"


def test_web_addresses_of_a_finding_are_links_and_nothing_else_is() -> None:
    from blogcheck.diagnostic import Diagnostic, Severity, Summary
    from blogcheck.reporters.html import render

    found = [Diagnostic("BC201", "links", Severity.ERROR, "_posts/a.md", 1, 1, "broken link",
                        extra=(("url", "https://x.test/a?b=1&c=\"><script>"), ("final_url", "javascript:alert(1)"),
                               ("archive", "https://web.archive.org/web/2020/https://x.test/a"), ("status", "broken"))),
             Diagnostic("BC204", "links", Severity.ERROR, "_posts/a.md", 2, 1, "missing",
                        extra=(("url", "/no-such-page/"),))]
    page = render(found, Summary.of(1, found))
    anchors = [a["href"] for tag, a in _parse_text(page).tags if tag == "a" and not (a["href"] or "").startswith("#")]
    assert anchors == ['https://x.test/a?b=1&c="><script>', "https://web.archive.org/web/2020/https://x.test/a"]
    assert "<script>" not in page
    assert "javascript:alert(1)" in page and 'href="javascript' not in page
    assert 'rel="noopener noreferrer nofollow"' in page


def _parse_text(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page
