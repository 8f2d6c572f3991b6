"""SARIF 2.1.0, one rule per code, for GitHub code scanning and other viewers."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from blogcheck import __version__
from blogcheck.codes import CODES
from blogcheck.diagnostic import Diagnostic, Severity, Summary

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def render(diagnostics: list[Diagnostic], summary: Summary, *, color: bool = False) -> str:
    codes = sorted(CODES)
    index = {code: i for i, code in enumerate(codes)}
    rules = [_rule(code) for code in codes]
    results = [_result(d, index) for d in diagnostics]
    driver = {"name": "blogcheck", "version": __version__, "informationUri": "https://pypi.org/project/blogcheck/",
              "rules": rules}
    run = {"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _rule(code: str) -> dict[str, Any]:
    entry = CODES[code]
    return {
        "id": code,
        "name": "".join(part.capitalize() for part in entry.name.split("-")),
        "shortDescription": {"text": entry.summary},
        "defaultConfiguration": {"level": _LEVELS[entry.severity]},
        "properties": {"check": entry.check},
    }


def _result(d: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    message = f"{d.message}. {d.hint}" if d.hint else d.message
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": _LEVELS[d.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(d.path)},
            "region": {"startLine": d.line, "startColumn": d.column},
        }}],
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    return result


def _uri(path: str) -> str:
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return "file://" + quote(posix.as_posix())
    return quote(posix.as_posix())
