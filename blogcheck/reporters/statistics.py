"""`check --statistics`: how many findings of each code, most frequent first,
instead of the findings themselves (as flake8 and ruff do). A code whose findings
carry a fix says how many `--fix` would rewrite (or, in a `--fix` run, rewrote)."""

from __future__ import annotations

import json
from collections import Counter

from blogcheck.codes import CODES
from blogcheck.diagnostic import Diagnostic, Summary, was_fixed
from blogcheck.reporters.text import summary_line

FORMATS = ("text", "json")


def render(diagnostics: list[Diagnostic], summary: Summary, fmt: str) -> str:
    rows = counts(diagnostics)
    if fmt == "json":
        document = {"version": 1, "statistics": rows,
                    "summary": {"files": summary.files, "errors": summary.errors, "warnings": summary.warnings,
                                "infos": summary.infos, "fixed": summary.fixed}}
        return json.dumps(document, indent=2) + "\n"
    width = max((len(str(row["count"])) for row in rows), default=1)
    lines = [f"{row['count']:>{width}}  {row['code']}  {row['severity']:<7}  {row['name']}"
             + (f"  ({row['fixable']} fixable with --fix)" if row["fixable"] else "")
             + (f"  ({row['fixed']} fixed)" if row["fixed"] else "") for row in rows]
    return "\n".join([*lines, summary_line(summary)]) + "\n"


def counts(diagnostics: list[Diagnostic]) -> list[dict[str, str | int]]:
    """One row per code and severity (a config or --new-links-only can change a
    code's severity), most findings first."""
    found = Counter((d.code, d.severity.value) for d in diagnostics)
    fixed = Counter((d.code, d.severity.value) for d in diagnostics if was_fixed(d))
    fixable = Counter((d.code, d.severity.value) for d in diagnostics if "fix" in d.extras and not was_fixed(d))
    order = sorted(found, key=lambda key: (-found[key], key))
    return [{"code": code, "name": CODES[code].name if code in CODES else "", "severity": severity,
             "count": found[code, severity], "fixable": fixable[code, severity], "fixed": fixed[code, severity]}
            for code, severity in order]
