"""SARIF 2.1.0, one rule per code, for GitHub code scanning and other viewers.

GitHub code scanning rejects a whole run with more than 25,000 results, so a
larger report keeps the first MAX_RESULTS (errors first, then warnings, then
notes) and says in the run's invocation how many it left out. A message is for a
person: its control and bidi characters are written as escapes (`\\x1b`, `\\u202e`);
paths are relative to $GITHUB_WORKSPACE when the file is inside it."""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from blogcheck import __version__
from blogcheck.codes import CODES
from blogcheck.diagnostic import Diagnostic, Severity, Summary
from blogcheck.reporters.controls import controls
from blogcheck.reporters.json_ import dumps
from blogcheck.reporters.workspace import from_workspace

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
MAX_RESULTS = 25_000
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def render(diagnostics: list[Diagnostic], summary: Summary, *, color: bool = False) -> str:
    codes = sorted(CODES)
    index = {code: i for i, code in enumerate(codes)}
    rules = [_rule(code) for code in codes]
    kept = diagnostics
    if len(diagnostics) > MAX_RESULTS:
        kept = sorted(diagnostics, key=lambda d: _RANK[d.severity])[:MAX_RESULTS]  # stable: file order stays
    base = _base()
    results = [_result(d, index, base) for d in kept]
    driver = {"name": "blogcheck", "version": __version__, "informationUri": "https://pypi.org/project/blogcheck/",
              "rules": rules}
    run: dict[str, Any] = {"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints",
                           "originalUriBaseIds": {_ROOT: {"uri": base.as_uri() + "/"}}}
    if len(kept) < len(diagnostics):
        left = f"{len(diagnostics) - len(kept)} of {len(diagnostics)} findings " \
               f"{'is' if len(diagnostics) - len(kept) == 1 else 'are'} left out, the least severe first: " \
               f"GitHub code scanning rejects a run with more than {MAX_RESULTS:,} results"
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [
            {"level": "warning", "message": {"text": left}}]}]
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return dumps(document)


def _rule(code: str) -> dict[str, Any]:
    entry = CODES[code]
    return {
        "id": code,
        "name": "".join(part.capitalize() for part in entry.name.split("-")),
        "shortDescription": {"text": entry.summary},
        "defaultConfiguration": {"level": _LEVELS[entry.severity]},
        "properties": {"check": entry.check},
    }


def _base() -> Path:
    """The folder relative paths start from: the workspace under GitHub Actions, else here."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    try:
        return Path(workspace).resolve() if workspace else Path.cwd().resolve()
    except OSError:  # the working folder was removed
        return Path("/")


def _location(path: str, base: Path) -> dict[str, str]:
    """A relative path with the base it is relative to (SARIF 3.4.4: `uriBaseId`), or an
    absolute URI: a file outside the workspace stays relative to the working folder."""
    shown = from_workspace(path)
    if PurePath(shown).is_absolute():
        return {"uri": _uri(shown)}
    if os.environ.get("GITHUB_WORKSPACE") and shown == path and Path.cwd().resolve() != base:
        return {"uri": _uri(os.path.abspath(path))}  # outside the workspace: where it is
    return {"uri": _uri(shown), "uriBaseId": _ROOT}


_ROOT = "%SRCROOT%"


def _result(d: Diagnostic, index: dict[str, int], base: Path) -> dict[str, Any]:
    message = f"{d.message}. {d.hint[:1].upper()}{d.hint[1:]}" if d.hint else d.message  # two sentences
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": _LEVELS[d.severity],
        "message": {"text": controls(message)},
        "locations": [{"physicalLocation": {
            "artifactLocation": _location(d.path, base),
            "region": _region(d),
        }}],
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    return result


def _region(d: Diagnostic) -> dict[str, int]:
    region = {"startLine": d.line, "startColumn": d.column}
    if d.end_line is not None and d.end_column is not None:
        region |= {"endLine": d.end_line, "endColumn": d.end_column}
    return region


def _uri(path: str) -> str:
    """The path's bytes percent-encoded (a name that is not UTF-8 too); `\\` is a
    separator only where the system says so (a POSIX name may hold one)."""
    native = PurePath(path)
    if native.is_absolute():
        return native.as_uri()
    return quote(os.fsencode(native.as_posix()))
