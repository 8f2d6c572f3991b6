from __future__ import annotations

from blogcheck.cli import entry

entry()
