"""Reporters turn finished Diagnostics and a Summary into text. They never
choose the exit code. The registry maps each `--format` name to its module."""

from __future__ import annotations

import importlib
from typing import Protocol

from blogcheck.diagnostic import Diagnostic, Summary

REPORTERS = {"text": "text", "json": "json_", "github": "github", "sarif": "sarif", "html": "html"}


class Render(Protocol):
    def __call__(self, diagnostics: list[Diagnostic], summary: Summary, *, color: bool = False) -> str: ...


def get(name: str) -> Render:
    module = importlib.import_module(f"blogcheck.reporters.{REPORTERS[name]}")
    render: Render = module.render
    return render
