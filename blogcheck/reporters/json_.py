"""`{"version": 1, "diagnostics": [...], "summary": {...}}` (the summary counts each
severity: `infos` are the findings a config made `info`); each diagnostic has the
common keys first, always in the same order, then the check-specific ones (url,
status, word, suggestions...)."""

from __future__ import annotations

import json
import re
from typing import Any

from blogcheck.diagnostic import Diagnostic, Summary
from blogcheck.reporters.controls import BIDI_AND_LINES

VERSION = 1
SURROGATE = re.compile("[\ud800-\udfff]")
# What json.dumps leaves raw that a reader must not get raw: lone surrogates, C1 controls
# (U+009B starts a terminal's escape sequence), bidi controls and line separators.
_RAW = re.compile(f"[\x7f-\x9f{BIDI_AND_LINES}\ud800-\udfff]")


def render(diagnostics: list[Diagnostic], summary: Summary, *, color: bool = False) -> str:
    document = {
        "version": VERSION,
        "diagnostics": [as_dict(d) for d in diagnostics],
        "summary": {"files": summary.files, "errors": summary.errors, "warnings": summary.warnings,
                    "infos": summary.infos, "fixed": summary.fixed, "notes": list(summary.notes)},
    }
    return dumps(document, default=str)


def dumps(document: object, **options: Any) -> str:
    """Indented JSON that is valid UTF-8. A file name that is not UTF-8 comes as a str
    with lone surrogates (`\\udce9`, Python's surrogateescape), which no UTF-8 writer
    takes: they are written as their escapes, which read back as the same str. So are
    the C1 controls, bidi controls and line separators (`\\u202e`): the values are
    kept exact, and a file shown in a terminal or an editor is neither run nor reordered."""
    text = json.dumps(document, indent=2, ensure_ascii=False, **options)
    return _RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


def as_dict(d: Diagnostic) -> dict[str, Any]:
    common: dict[str, Any] = {
        "path": d.path, "line": d.line, "column": d.column, "code": d.code, "check": d.check,
        "severity": d.severity.value, "message": d.message, "hint": d.hint,
    }
    if d.end_line is not None and d.end_column is not None:  # where the finding ends (exclusive), when known
        common |= {"end_line": d.end_line, "end_column": d.end_column}
    return common | {key: value for key, value in d.extra if key not in common}
