"""Parsers that keep positions: front matter (YAML) and Markdown."""
