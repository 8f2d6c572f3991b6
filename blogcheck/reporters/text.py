"""`path:line:col: CODE message`, the hint beneath, and a summary line. Control
characters a post put in a path or a message (an escape sequence in a link's
target) are shown as `\\x1b`, never sent to the terminal, nor a line break that
would split a finding's line, nor a bidi control that would reorder it (`\\u202e`)."""

from __future__ import annotations

from blogcheck.diagnostic import Diagnostic, Severity, Summary
from blogcheck.reporters.controls import visible

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def render(diagnostics: list[Diagnostic], summary: Summary, *, color: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if color else text

    lines = []
    for d in diagnostics:
        where = paint(f"{visible(d.path)}:{d.line}:{d.column}:", "1")
        lines.append(f"{where} {paint(d.code, _COLORS[d.severity])} {visible(d.message)}")
        if d.hint:
            lines.append(f"    hint: {visible(d.hint)}")
    lines.extend(f"note: {visible(note)}" for note in summary.notes)
    lines.append(summary_line(summary))
    return "\n".join(lines) + "\n"


def summary_line(summary: Summary) -> str:
    files = plural(summary.files, "file")
    if summary.left:  # --fix-only: what it mended, and what the `blogcheck` hook will say
        done = f"{summary.fixed} fixed" if summary.fixed else "nothing fixed"
        return (f"Checked {files}: {done}; {plural(summary.left, 'finding')} left, not shown here "
                "(`blogcheck check` lists them).")
    if not summary.errors and not summary.warnings and not summary.infos and not summary.fixed:
        return f"Checked {files}: no problems found."
    parts = [plural(summary.errors, "error"), plural(summary.warnings, "warning")]
    if summary.infos:
        parts.append(plural(summary.infos, "note"))
    if summary.fixed:
        parts.append(f"{summary.fixed} fixed")
    return f"Checked {files}: {', '.join(parts)}."


def plural(count: int, word: str, many: str = "") -> str:
    """`1 file`, `2 files` (`many`: the plural when it is not `word` + s)."""
    return f"{count} {word if count == 1 else many or word + 's'}"
