"""One self-contained HTML page for a person: counts per check, a table of the
posts with findings, and each finding with the line it is on.

No script and no fetch of any kind: the styles are inline and a
Content-Security-Policy forbids every load, so the page opens the same offline.
What a post put in a path, a message or a line is escaped, its control and bidi
characters written as `\\x1b`, `\\u202e`. The counts are of the findings on the page:
those `--quiet` leaves out are only said to be left out."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

from blogcheck import __version__
from blogcheck.codes import CODES, checks
from blogcheck.diagnostic import Diagnostic, Severity, Summary
from blogcheck.jekyll.encoding import Encoding, file_encoding
from blogcheck.reporters.controls import visible
from blogcheck.reporters.json_ import SURROGATE
from blogcheck.reporters.text import plural

_LABELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_HIDDEN = frozenset({"fix"})  # extras for machines (`check --fix`), not for the reader
_ADDRESSES = frozenset({"url", "final_url", "archive"})  # extras shown as links when they are web addresses
_WEB = re.compile(r"https?://[^\s]+\Z", re.IGNORECASE)
_CONTEXT = 160  # characters of a long line shown on each side of the finding
_MAX_SOURCE = 5_000_000  # bytes: larger files are shown without context lines
_STYLE = """
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --muted: #59636e; --line: #d1d9e0;
  --error: #cf222e; --warning: #9a6700; --note: #0969da; --mark: #fff8c5; --code: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1;
  --line: #3d444d; --error: #ff7b72; --warning: #d29922; --note: #4493f8; --mark: #5a4a00; --code: #161b22; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto;
  max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
h3 { font: 600 1rem ui-monospace, monospace; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .35rem .6rem;
  border-bottom: 1px solid var(--line); vertical-align: top; }
table.findings { table-layout: fixed; }
.findings td:nth-child(1) { width: 5.5rem; } .findings td:nth-child(2) { width: 5rem; }
.findings td:nth-child(3) { width: 4.5rem; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; width: 7rem; }
.cards { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; min-width: 8rem; }
.card b { display: block; font-size: 1.8rem; }
.error { color: var(--error); } .warning { color: var(--warning); } .note { color: var(--note); }
.badge { font: 600 .8rem ui-monospace, monospace; border: 1px solid currentColor; border-radius: 4px;
  padding: 0 .3rem; white-space: nowrap; }
.where, .code { font-family: ui-monospace, monospace; white-space: nowrap; }
.hint, .muted { color: var(--muted); } .extra { font-size: .9rem; word-break: break-all; }
pre { background: var(--code); padding: .4rem .6rem; margin: .3rem 0 0; overflow-x: auto; border-radius: 4px; }
pre .ln { color: var(--muted); user-select: none; margin-right: 1rem; }
mark { background: var(--mark); color: inherit; text-decoration: underline wavy currentColor; }
"""


def render(diagnostics: list[Diagnostic], summary: Summary, *, color: bool = False) -> str:
    sources = _Sources()
    by_path: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_path.setdefault(d.path, []).append(d)
    shown = Summary.of(summary.files, diagnostics, summary.notes)
    left_out = _left_out(shown, summary)
    title = f"blogcheck: {_counts_text(shown)}" + (f" ({left_out} left out)" if left_out else "")
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="blogcheck {_e(__version__)}">',
        f"<title>{_e(title)}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>",
        "<h1>blogcheck report</h1>", _cards(shown, left_out),
        *(f'<p class="note">{_t(n)}</p>' for n in summary.notes),
        _per_check(diagnostics), _per_post(by_path, shown, left_out),
        *_findings(by_path, sources), "</body>", "</html>",
    ]
    return SURROGATE.sub("\ufffd", "\n".join(parts) + "\n")  # a file name that is not UTF-8: a page is UTF-8


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _t(text: str) -> str:
    """Text from a post, escaped, its control characters shown as escapes, and the bytes of
    a file name that is not UTF-8 (`caf\\xe9.md`: two such files stay two on the page)."""
    return _e(visible(text))


def _counts_text(summary: Summary) -> str:
    return ", ".join([plural(summary.files, "file"), plural(summary.errors, "error"),
                      plural(summary.warnings, "warning"), plural(summary.infos, "note")]
                     + ([f"{summary.fixed} fixed"] if summary.fixed else []))


def _left_out(shown: Summary, summary: Summary) -> str:
    """The findings the run counted that are not on the page (`--quiet` passes only the
    errors), as `1 warning and 2 notes`; empty when all are there."""
    counts = [(summary.errors - shown.errors, "error"), (summary.warnings - shown.warnings, "warning"),
              (summary.infos - shown.infos, "note"), (summary.fixed - shown.fixed, "fixed finding")]
    said = [plural(count, word) for count, word in counts if count > 0]
    return f"{', '.join(said[:-1])} and {said[-1]}" if len(said) > 1 else "".join(said)


def _cards(shown: Summary, left_out: str) -> str:
    cards = [("files checked", shown.files, ""), ("errors", shown.errors, "error"),
             ("warnings", shown.warnings, "warning"), ("notes", shown.infos, "note")]
    if shown.fixed:
        cards.append(("fixed", shown.fixed, "note"))
    cells = "".join(f'<div class="card {css}"><b>{count}</b>{name}</div>' for name, count, css in cards)
    said = (f'<p class="muted" id="left-out">--quiet left out {left_out}: the counts and tables '
            "below are of the errors only.</p>") if left_out else ""
    return f'<section class="cards" id="summary">{cells}</section>{said}'


def _count_row(label: str, found: list[Diagnostic]) -> str:
    counts = Counter(d.severity for d in found)
    cells = "".join(f'<td class="n">{counts[s]}</td>' for s in _LABELS)
    return f"<tr><td>{label}</td>{cells}</tr>"


def _head_row(first: str) -> str:
    return f"<tr><th>{first}</th>" + "".join(f'<th class="n">{n}s</th>' for n in _LABELS.values()) + "</tr>"


def _per_check(diagnostics: list[Diagnostic]) -> str:
    rows = [_count_row(_e(name), [d for d in diagnostics if d.check == name]) for name in checks()]
    return f'<h2>By check</h2><table id="checks">{_head_row("check")}{"".join(rows)}</table>'


def _per_post(by_path: dict[str, list[Diagnostic]], shown: Summary, left_out: str) -> str:
    # With findings left out, a file not in the table may hold some: it is not called clean.
    seen, why = (" shown", f": --quiet left out {left_out}") if left_out else ("", "")
    if not by_path:
        return f'<h2>By post</h2><p class="muted">No findings{seen} in {plural(shown.files, "file")}{why}.</p>'
    rows = [_count_row(f'<a href="#post-{n}">{_t(path)}</a>', found)
            for n, (path, found) in enumerate(by_path.items(), 1)]
    clean = shown.files - len(by_path)
    others = plural(clean, "other file has", "other files have")
    note = f'<p class="muted">{others} no findings{seen}{why}.</p>' if clean > 0 else ""
    return f'<h2>By post</h2><table id="posts">{_head_row("post")}{"".join(rows)}</table>{note}'


def _findings(by_path: dict[str, list[Diagnostic]], sources: _Sources) -> list[str]:
    out = ["<h2>Findings</h2>"] if by_path else []
    for n, (path, found) in enumerate(by_path.items(), 1):
        rows = "".join(_finding(d, sources) for d in found)
        out.append(f'<section id="post-{n}"><h3>{_t(path)}</h3><table class="findings">{rows}</table></section>')
    return out


def _finding(d: Diagnostic, sources: _Sources) -> str:
    label = _LABELS[d.severity]
    entry = CODES.get(d.code)
    summary = f' title="{_e(entry.summary)}"' if entry else ""
    extras = "".join(f"<div class=\"extra\"><span class=\"muted\">{_e(k)}:</span> {_value(k, v)}</div>"
                     for k, v in d.extra if v not in (None, "", [], ()) and k not in _HIDDEN)
    hint = f'<div class="hint">hint: {_t(d.hint)}</div>' if d.hint else ""
    context = sources.context(d)
    return (f'<tr class="finding"><td><span class="badge {label}">{label}</span></td>'
            f'<td class="where">{d.line}:{d.column}</td><td class="code"{summary}>{_e(d.code)}</td>'
            f"<td><div>{_t(d.message)}</div>{hint}{extras}{context}</td></tr>")


def _value(key: str, value: object) -> str:
    """An extra's value, escaped; a web address (a link's URL, where it led, its archived
    copy) as a link to open, never another scheme (`javascript:` stays text)."""
    text = _plain(value)
    if key in _ADDRESSES and _WEB.match(text) and text.isprintable():
        return f'<a href="{_e(text)}" rel="noopener noreferrer nofollow">{_t(text)}</a>'
    return _t(text)


def _plain(value: object) -> str:
    return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


class _Sources:
    """The lines of each reported file, read once; a file that cannot be read has none."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str]] = {}
        self._sites: dict[Path, Encoding] = {}  # site root -> the encoding its posts are written in

    def context(self, d: Diagnostic) -> str:
        lines = self._read(d.path)
        if not 1 <= d.line <= len(lines):
            return ""
        text = lines[d.line - 1].rstrip("\r\n")
        start = min(max(d.column - 1, 0), len(text))
        end = start + _length(d, text[start:])
        left = max(0, start - _CONTEXT)
        right = min(len(text), end + _CONTEXT)
        shown = ("…" if left else "") + _t(text[left:start]) + f"<mark>{_t(text[start:end])}</mark>"
        shown += _t(text[end:right]) + ("…" if right < len(text) else "")
        return f'<pre class="context"><span class="ln">{d.line}</span>{shown}</pre>'

    def _read(self, path: str) -> list[str]:
        if path not in self._lines:
            try:
                file = Path(path)
                small = file.is_file() and file.stat().st_size <= _MAX_SOURCE
                data = file.read_bytes() if small else b""
            except OSError:
                data = b""
            codec = file_encoding(Path(path), self._sites).codec if data and not data.isascii() else "utf-8-sig"
            self._lines[path] = [] if b"\0" in data else data.decode(codec, "replace").split("\n")
        return self._lines[path]


def _length(d: Diagnostic, rest: str) -> int:
    """How much of the line from the finding's column to mark."""
    if d.end_line == d.line and d.end_column is not None and d.end_column > d.column:
        return min(d.end_column - d.column, len(rest))
    for key in ("raw", "word", "url"):
        value = d.extras.get(key)
        if isinstance(value, str) and value and rest.startswith(value):
            return len(value)
    match = re.match(r"\S+", rest)
    return match.end() if match else 0
