"""`check --fix`: apply the fixes that findings propose, in place, changing no other byte.

A check proposes a fix with the extra key `fix` = (line, column, old, new), 1-based
positions in the decoded text (as every finding has). A fix is applied only when
`old` is still exactly there; the file keeps its BOM, line endings and everything
else. A fixed finding is reported again as `info`: "fixed: `teh` -> `the`".
`check --diff` shows the same edits as a unified diff and writes nothing."""

from __future__ import annotations

import dataclasses
import difflib
import os
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from blogcheck.diagnostic import Diagnostic, Severity

if TYPE_CHECKING:
    from blogcheck.run import Result

_BOM = b"\xef\xbb\xbf"


def apply(result: Result) -> Result:
    """The result with every applied fix's finding turned into an `info` record."""
    done: set[int] = set()
    for path, diags in _fixable(result).items():
        done |= fix_file(Path(path), diags)
    kept = [_fixed(d) if id(d) in done else d for d in result.diagnostics]
    return dataclasses.replace(result, diagnostics=kept)


def _fixable(result: Result) -> dict[str, list[Diagnostic]]:
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for diag in result.diagnostics:
        if _edit(diag) is not None:
            by_path[diag.path].append(diag)
    return by_path


def _edit(diag: Diagnostic) -> tuple[int, int, str, str] | None:
    value = diag.extras.get("fix")
    if isinstance(value, (list, tuple)) and len(value) == 4:
        line, column, old, new = value
        if isinstance(line, int) and isinstance(column, int) and isinstance(old, str) and isinstance(new, str):
            return line, column, old, new
    return None


def fix_file(path: Path, diags: list[Diagnostic]) -> set[int]:
    """Apply the fixes of `diags` to `path`; ids of the diagnostics applied."""
    planned = plan(path, diags)
    if planned is None:
        return set()
    _, new, applied = planned
    _write_atomic(path, new)
    return applied


def plan(path: Path, diags: list[Diagnostic]) -> tuple[bytes, bytes, set[int]] | None:
    """The file's bytes before and after the fixes of `diags`, and the ids of the
    diagnostics applied; None when none applies (or the file cannot be read)."""
    try:
        raw = path.read_bytes()
        bom = raw.startswith(_BOM)
        lines = raw[len(_BOM) if bom else 0:].decode("utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    applied: set[int] = set()
    # Right to left on each line, so earlier columns stay true.
    for diag in sorted(diags, key=lambda d: (d.line, d.column), reverse=True):
        edit = _edit(diag)
        if edit is None or not 1 <= edit[0] <= len(lines):
            continue
        line, column, old, new = edit
        text, start = lines[line - 1], column - 1
        if text[start: start + len(old)] == old:
            lines[line - 1] = text[:start] + new + text[start + len(old):]
            applied.add(id(diag))
    if not applied:
        return None
    return raw, (_BOM if bom else b"") + "\n".join(lines).encode("utf-8"), applied


def diff(result: Result) -> tuple[str, int, int]:
    """What `apply` would write, as a git-style unified diff (`git apply` takes it);
    the number of fixes and of files."""
    chunks: list[str] = []
    fixes = files = 0
    for path, diags in _fixable(result).items():
        planned = plan(Path(path), diags)
        if planned is None:
            continue
        old, new, applied = planned
        fixes, files = fixes + len(applied), files + 1
        name = os.path.relpath(path) if os.path.isabs(path) else path
        lines = difflib.unified_diff(_lines(old), _lines(new), f"a/{name}", f"b/{name}")
        chunks.extend(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    return "".join(chunks), fixes, files


def _lines(data: bytes) -> list[str]:
    """Lines as git counts them: split at \\n only (a \\r or U+2028 stays inside its line)."""
    parts = data.decode("utf-8").split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".blogcheck-fix-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fixed(diag: Diagnostic) -> Diagnostic:
    edit = _edit(diag)
    assert edit is not None
    return dataclasses.replace(diag, severity=Severity.INFO, message=f"fixed: `{edit[2]}` -> `{edit[3]}`", hint="")
