"""GitHub Actions workflow commands, and a Markdown table for the job summary.

GitHub shows at most 10 error, 10 warning and 10 notice annotations a step and
hides the rest without a word; the log keeps every command line but shows only
its message. So each message starts with `path:line:col: CODE` (as ruff's github
format does), a notice says when some findings are not annotations, and the run's
notes come before the notices of info findings, which would hide them. A job
summary above 1 MiB is dropped whole, so its table of findings stops at
SUMMARY_BUDGET bytes and says how many rows it left out."""

from __future__ import annotations

import re
from collections import Counter

from blogcheck.diagnostic import Diagnostic, Severity, Summary
from blogcheck.reporters.json_ import SURROGATE

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
ANNOTATIONS_SHOWN = 10  # of each kind, per step
SUMMARY_BUDGET = 500_000  # bytes of the findings table; GitHub's limit is 1 MiB a step


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics: list[Diagnostic], summary: Summary, *, color: bool = False) -> str:
    from blogcheck.reporters.text import summary_line

    shown = Counter(d.severity for d in diagnostics)
    notes = [*summary.notes, *_hidden(shown, len(summary.notes))]
    said = [f"::notice title=blogcheck::{escape_data(note)}" for note in notes]
    found = [_command(d) for d in diagnostics]
    # GitHub shows the first 10 notices of a step: the run's notes come before info findings' notices.
    lines = [*said, *found] if shown[Severity.INFO] else [*found, *said]
    lines.append(summary_line(summary))
    return SURROGATE.sub("\ufffd", "\n".join(lines) + "\n")  # a file name that is not UTF-8: the log is UTF-8


def _command(d: Diagnostic) -> str:
    props = f"file={escape_property(d.path)},line={d.line},col={d.column}"
    if d.end_line is not None and d.end_column is not None:
        props += f",endLine={d.end_line},endColumn={d.end_column}"
    message = f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}" + (f"\n{d.hint}" if d.hint else "")
    return f"::{_COMMANDS[d.severity]} {props},title={escape_property(d.code)}::{escape_data(message)}"


def _hidden(shown: Counter[Severity], notes: int) -> list[str]:
    """The notice that GitHub hides some annotations, when it does: more than 10 of a
    kind, notices counting the run's `notes` and this one."""
    errors, warnings, infos = shown[Severity.ERROR], shown[Severity.WARNING], shown[Severity.INFO]
    if errors <= ANNOTATIONS_SHOWN and warnings <= ANNOTATIONS_SHOWN and (
            not infos or infos + notes + 1 <= ANNOTATIONS_SHOWN):
        return []
    kinds = (f"{ANNOTATIONS_SHOWN} error, {ANNOTATIONS_SHOWN} warning and {ANNOTATIONS_SHOWN} notice" if infos
             else f"{ANNOTATIONS_SHOWN} error and {ANNOTATIONS_SHOWN} warning")
    return [f"GitHub shows {kinds} annotations a step; all {errors + warnings + infos} findings are in this "
            "step's log, and the job summary counts them by code"]


def step_summary(diagnostics: list[Diagnostic], summary: Summary) -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY`."""
    from blogcheck.reporters.text import plural, summary_line

    out = ["## blogcheck", "", summary_line(summary), "", *(f"- {_cell(note)}" for note in summary.notes)]
    if summary.notes:
        out.append("")
    if not diagnostics:
        return "\n".join(out) + "\n"
    from blogcheck.reporters.statistics import counts

    out += ["| Code | Name | Severity | Findings |", "|---|---|---|---|"]
    out += [f"| {row['code']} | {row['name']} | {row['severity']} | {row['count']} |" for row in counts(diagnostics)]
    out += ["", "| | Code | Where | Message |", "|---|---|---|---|"]
    icons = {Severity.ERROR: ":x:", Severity.WARNING: ":warning:", Severity.INFO: ":information_source:"}
    spent = 0
    for shown, d in enumerate(diagnostics):
        cells = [icons[d.severity], d.code, f"`{d.path}:{d.line}:{d.column}`", d.message]
        row = "| " + " | ".join(_cell(c) for c in cells) + " |"
        spent += len(row.encode("utf-8")) + 1
        if spent > SUMMARY_BUDGET:
            left = plural(len(diagnostics) - shown, "more finding is", "more findings are")
            out += ["", f"{left} not in this table (a job summary holds "
                    "at most 1 MiB): they are all in the step's log, or write them with `--format html` or `sarif`."]
            break
        out.append(row)
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return SURROGATE.sub("\ufffd", re.sub(r"[\r\n]+", " ", text.replace("|", "\\|")))
