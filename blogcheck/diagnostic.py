"""The one record every check yields and every reporter reads."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Diagnostic:
    """One finding at one place. Lines and columns start at 1 and count from the
    top of the file, front matter included."""

    code: str
    check: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    end_line: int | None = None
    end_column: int | None = None
    # Check-specific keys for the JSON reporter (url, status, word, suggestions...).
    extra: tuple[tuple[str, Any], ...] = ()

    @property
    def extras(self) -> dict[str, Any]:
        return dict(self.extra)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


@dataclass(frozen=True)
class Summary:
    files: int
    errors: int
    warnings: int
    infos: int = 0  # findings a config made `info`
    notes: tuple[str, ...] = ()  # about the run as a whole, e.g. links not checked offline
    fixed: int = 0  # findings `--fix` mended (reported as `info`, not counted in `infos`)
    left: int = 0  # errors and warnings not shown: `--fix-only` shows only what it fixed

    @classmethod
    def of(cls, files: int, diagnostics: list[Diagnostic], notes: tuple[str, ...] = ()) -> Summary:
        def count(severity: Severity) -> int:
            return sum(1 for d in diagnostics if d.severity is severity)

        fixed = sum(1 for d in diagnostics if was_fixed(d))
        return cls(files, count(Severity.ERROR), count(Severity.WARNING), count(Severity.INFO) - fixed, notes, fixed)


FIXED = "fixed: "  # the message of a finding `--fix` mended starts so (fix.py)


def was_fixed(diag: Diagnostic) -> bool:
    """A finding `--fix` mended, reported as an `info` record (fix.py)."""
    return diag.severity is Severity.INFO and diag.message.startswith(FIXED)
