"""blogcheck: lint Jekyll blog posts and publish the approved ones."""

from __future__ import annotations

__version__ = "0.1.0"
