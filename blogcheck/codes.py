"""The code table: every code blogcheck can raise, its name and default severity.

A code keeps its meaning forever. The first digit is the family:
BC1 front matter and Jekyll rules, BC2 links, BC3 images, BC4 spelling, BC9 publish.
"""

from __future__ import annotations

from dataclasses import dataclass

from blogcheck.diagnostic import Diagnostic, Severity


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    check: str
    severity: Severity
    summary: str


_E, _W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {
    c.code: c
    for c in [
        Code("BC100", "unreadable-file", "frontmatter", _E, "The file cannot be read as UTF-8 text."),
        Code("BC101", "no-front-matter", "frontmatter", _E, "The post has no YAML front matter."),
        Code("BC102", "yaml-syntax", "frontmatter", _E, "The front matter is not valid YAML."),
        Code("BC103", "front-matter-not-mapping", "frontmatter", _E, "The front matter is not a key: value mapping."),
        Code("BC104", "yaml-too-complex", "frontmatter", _E, "YAML aliases expand too far or refer to themselves."),
        Code("BC105", "file-too-large", "frontmatter", _E, "The file is larger than `max_file_size`."),
        Code("BC106", "duplicate-key", "frontmatter", _W, "A front-matter key appears twice; the last one wins."),
        Code("BC107", "site-config-invalid", "frontmatter", _E, "The site's `_config.yml` cannot be read."),
        Code("BC110", "schema-violation", "frontmatter", _E, "A front-matter value breaks the post schema."),
        Code("BC120", "invalid-date", "frontmatter", _E, "`date:` is not a date Jekyll can read."),
        Code("BC121", "date-filename-mismatch", "frontmatter", _W, "`date:` falls on another day than the file name."),
        Code("BC122", "bad-post-filename", "frontmatter", _E, "A `_posts` file name lacks the date Jekyll needs."),
        Code("BC130", "unknown-layout", "frontmatter", _W, "`layout:` names no file in `_layouts/`."),
        Code("BC131", "misspelt-key", "frontmatter", _W, "An unknown key is a near miss of a known one."),
        Code("BC140", "duplicate-url", "frontmatter", _E, "Two posts would publish to the same URL."),
        # BC2xx links, BC3xx images: rows go here.
        # BC4xx spelling: rows go here.
        # BC9xx publish: rows go here.
    ]
}


def checks() -> list[str]:
    """Names of every check, in code order."""
    return sorted({c.check for c in CODES.values()})


def diagnostic(
    code: str, path: str, line: int, column: int, message: str, hint: str = "", **extra: object
) -> Diagnostic:
    """A Diagnostic with the check name and default severity from the table."""
    entry = CODES[code]
    return Diagnostic(code, entry.check, entry.severity, path, line, column, message, hint,
                      extra=tuple(extra.items()))
