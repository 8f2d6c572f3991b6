"""GitHub Actions workflow commands, and a Markdown table for the job summary."""

from __future__ import annotations

import re

from blogcheck.diagnostic import Diagnostic, Severity, Summary

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics: list[Diagnostic], summary: Summary, *, color: bool = False) -> str:
    lines = []
    for d in diagnostics:
        props = f"file={escape_property(d.path)},line={d.line},col={d.column},title={escape_property(d.code)}"
        message = f"{d.message}\n{d.hint}" if d.hint else d.message
        lines.append(f"::{_COMMANDS[d.severity]} {props}::{escape_data(message)}")
    from blogcheck.reporters.text import summary_line

    lines.extend(f"::notice title=blogcheck::{escape_data(note)}" for note in summary.notes)
    lines.append(summary_line(summary))
    return "\n".join(lines) + "\n"


def step_summary(diagnostics: list[Diagnostic], summary: Summary) -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY`."""
    from blogcheck.reporters.text import summary_line

    out = ["## blogcheck", "", summary_line(summary), "", *(f"- {_cell(note)}" for note in summary.notes)]
    if summary.notes:
        out.append("")
    if diagnostics:
        out += ["| | Code | Where | Message |", "|---|---|---|---|"]
        icons = {Severity.ERROR: ":x:", Severity.WARNING: ":warning:", Severity.INFO: ":information_source:"}
        for d in diagnostics:
            cells = [icons[d.severity], d.code, f"`{d.path}:{d.line}:{d.column}`", d.message]
            out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return re.sub(r"[\r\n]+", " ", text.replace("|", "\\|"))
