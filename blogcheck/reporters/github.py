"""GitHub Actions workflow commands, and a Markdown table for the job summary.

GitHub shows at most 10 error, 10 warning and 10 notice annotations a step and
hides the rest without a word; the log keeps every command line but shows only
its message. So each message starts with `path:line:col: CODE` (as ruff's github
format does), a notice says when some findings are not annotations, and the run's
notes come before the notices of info findings, which would hide them. A job
summary above 1 MiB is dropped whole, so its table of findings stops at
SUMMARY_BUDGET bytes and says how many rows it left out.

What a post put in a path or a message never acts: in a command, control and bidi
characters are written as escapes (`\\x1b`, `\\u202e`; line breaks keep GitHub's
`%0A`), and in the job summary each value is a code span (see `_code`)."""

from __future__ import annotations

import re
from collections import Counter

from blogcheck.diagnostic import Diagnostic, Severity, Summary
from blogcheck.reporters.controls import controls, visible
from blogcheck.reporters.json_ import SURROGATE
from blogcheck.reporters.workspace import from_workspace

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_LINES = "\r\n"  # line breaks: written %0D and %0A, which GitHub shows as line breaks
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
    said = [f"::notice title=blogcheck::{escape_data(controls(note, keep=_LINES))}" for note in notes]
    found = [_command(d) for d in diagnostics]
    # GitHub shows the first 10 notices of a step: the run's notes come before info findings' notices.
    lines = [*said, *found] if shown[Severity.INFO] else [*found, *said]
    lines.append(summary_line(summary))
    return SURROGATE.sub("\ufffd", "\n".join(lines) + "\n")  # a file name that is not UTF-8: the log is UTF-8


def _command(d: Diagnostic) -> str:
    path = from_workspace(d.path)
    # The file property keeps a line break of the name (%0A: GitHub reads it back); the
    # message names the place as the text format does, on one line.
    props = f"file={escape_property(controls(path, keep=_LINES))},line={d.line},col={d.column}"
    if d.end_line is not None and d.end_column is not None:
        props += f",endLine={d.end_line},endColumn={d.end_column}"
    # the bytes of a file name that is not UTF-8 shown as `\\xe9`: two such files stay two in the log
    message = f"{visible(path)}:{d.line}:{d.column}: {d.code} {visible(d.message, keep=_LINES)}"
    message += f"\n{visible(d.hint, keep=_LINES)}" if d.hint else ""
    title = escape_property(controls(d.code))
    return f"::{_COMMANDS[d.severity]} {props},title={title}::{escape_data(message)}"


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

    out = ["## blogcheck", "", summary_line(summary), "", *(f"- {_code(note)}" for note in summary.notes)]
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
        cells = [icons[d.severity], d.code, _code(f"{from_workspace(d.path)}:{d.line}:{d.column}"), _code(d.message)]
        row = "| " + " | ".join(cells) + " |"
        spent += len(row.encode("utf-8")) + 1
        if spent > SUMMARY_BUDGET:
            left = plural(len(diagnostics) - shown, "more finding is", "more findings are")
            out += ["", f"{left} not in this table (a job summary holds "
                    "at most 1 MiB): they are all in the step's log, or write them with `--format html` or `sarif`."]
            break
        out.append(row)
    return "\n".join(out) + "\n"


def _code(text: str) -> str:
    """`text` as a code span for a table cell, shown as it is and never as Markdown or
    HTML: GitHub makes no emphasis, link, image, tag, autolink, emoji or @mention inside
    code. The fence is one backtick longer than the longest run of backticks in `text`,
    with a space inside each end, which CommonMark takes off (so a text that starts or
    ends with a backtick cannot close it). A `|` is written `\\|`, which the table takes
    as a pipe of the cell (even inside code, and after a backslash), not as its end."""
    text = SURROGATE.sub("\ufffd", controls(re.sub(r"[\r\n]+", " ", text)))
    if not text:
        return ""
    fence = "`" * (1 + max(map(len, re.findall("`+", text)), default=0))
    pad = " " if text.strip(" ") else ""  # a span of spaces only keeps them all: no pad to take off
    piped = text.replace("|", "\\|")
    return f"{fence}{pad}{piped}{pad}{fence}"
