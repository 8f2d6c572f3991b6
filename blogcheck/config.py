"""Settings: built-in defaults, then a config file, then command-line flags.

Keys are the long flag names. `[tool.blogcheck]` in pyproject.toml and
`blogcheck.toml` hold the same keys; `[links]` there is `[tool.blogcheck.links]`.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from blogcheck import files

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

FORMATS = ("text", "json", "github", "sarif", "html")
SEVERITIES = ("error", "warning", "info")

# table -> key -> type. "" is the top level; every other table is a section
# owned by one check family (`[links]`, ...). blogcheck.example.toml documents all.
KEYS: dict[str, dict[str, type]] = {
    "": {
        "select": list, "ignore": list, "format": str, "output": str, "quiet": bool,
        "offline": bool, "schema": str, "exclude": list, "max_file_size": int, "severity": dict,
        "per_file_ignores": dict,
    },
    # Sections: each family adds its table here.
    "spelling": {
        "language": str, "wordlist": str, "words": list, "min_site_usage": int, "min_zipf": float, "max_distance": int,
        "unknown": str,
    },
    "publish": {
        "to": str, "branch": str, "message": str, "dry_run": bool, "build": bool, "build_command": str, "force": bool,
        "approve_key": str, "approve_value": str, "strip_keys": list, "max_push_retries": int,
    },
    # `object`: checked by blogcheck.links.settings (cache_ttl, max_stale "3d" or seconds; accept 403 or "200-299").
    "links": {
        "timeout": float, "max_concurrency": int, "max_per_host": int, "retries": int, "max_retry_wait": float,
        "max_redirects": int, "remap": list, "exclude": list, "exclude_private": bool, "exclude_loopback": bool,
        "exclude_link_local": bool, "cache": str, "no_cache": bool, "cache_ttl": object, "accept": object,
        "user_agent": str, "remote_anchors": bool, "suggest_archive": bool, "max_stale": object,
        "github_api": bool, "request_interval": float, "hosts": dict,
    },
}


class ConfigError(Exception):
    """A bad setting: blogcheck exits 2 with this message."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    format: str = ""  # "" = text, or github under GitHub Actions
    output: str = ""
    quiet: bool = False
    offline: bool = False
    schema: str = ""  # "" = the built-in post schema
    exclude: tuple[str, ...] = ()
    max_file_size: int = 1_000_000  # a 2 MB post of tables takes 2.4 GB and a minute to parse
    severity: dict[str, str] = field(default_factory=dict)
    # path glob (relative to the site root, as `exclude`) -> checks or code prefixes not reported there
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)  # `[links]` etc., checked against KEYS
    source: str = ""  # the file the settings came from, for messages

    def section(self, name: str) -> dict[str, Any]:
        """The `[name]` table as written (defaults are the family's business)."""
        table: dict[str, Any] = self.sections.get(name, {})
        return table

    def with_section(self, name: str, **flags: Any) -> Config:
        """Command-line flags for a section on top of its table (None = not given)."""
        given = {k: v for k, v in flags.items() if v is not None}
        _check_table(given, KEYS[name], f"[{name}]")
        return replace(self, sections={**self.sections, name: {**self.section(name), **given}})

    def merged(self, **flags: Any) -> Config:
        """These settings with command-line flags on top (None = not given)."""
        given: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v) for k, v in flags.items() if v is not None}
        merged = replace(self, **given)
        validate_values(merged)
        return merged


def find_config(root: Path) -> Path | None:
    """`blogcheck.toml`, else a pyproject.toml with `[tool.blogcheck]`, at the site root."""
    candidate = root / "blogcheck.toml"
    if candidate.is_file():
        return candidate
    if candidate.exists() or candidate.is_symlink():  # a folder, a link to nothing: meant as the settings
        kind = "a symbolic link to nothing" if not candidate.exists() else "not a regular file"
        raise ConfigError(f"{candidate}: {kind}, so no setting could be read; make it the settings file, "
                          "or remove it")
    pyproject = root / "pyproject.toml"
    tool = _read(pyproject).get("tool") if pyproject.is_file() else None
    if isinstance(tool, dict) and "blogcheck" in tool:
        return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        table: dict[str, Any] = tomllib.loads(files.read_text(path))
        return table
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def load_explicit(path: Path) -> Config:
    """`--config PATH`: a file named on purpose must hold settings; a pyproject.toml
    without `[tool.blogcheck]` would otherwise be ignored in silence."""
    if path.name == "pyproject.toml":
        tool = _read(path).get("tool")
        if not isinstance(tool, dict) or "blogcheck" not in tool:
            raise ConfigError(f"{path}: no [tool.blogcheck] table, so no setting to read; add one, "
                              "or give a blogcheck.toml")
    return load_config(path)


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    table = _read(path)
    if path.name == "pyproject.toml":
        tool = table.get("tool", {})
        table = tool.get("blogcheck", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.blogcheck] must be a table")
    check_keys(table, str(path))
    base = path.parent
    values: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v) for k, v in table.items() if k in KEYS[""]}
    if values.get("schema"):
        values["schema"] = absolute(base / values["schema"], f"{path}: schema")
    sections = {k: v for k, v in table.items() if k in KEYS and k != ""}
    config = Config(**values, sections=sections, source=str(path))
    validate_values(config)
    return config


def check_keys(table: dict[str, Any], where: str) -> None:
    """Every key and value type known; unknown keys name the nearest valid one."""
    for name, value in table.items():
        if name in KEYS and name != "" and isinstance(value, dict):
            _check_table(value, KEYS[name], f"{where}: [{name}]")
        elif name in KEYS and name != "":
            raise ConfigError(f"{where}: `{name}` must be a table (`[{name}]`), not {value!r}")
        elif name not in KEYS[""]:
            near = _elsewhere(name, "") or _nearest(name, [*KEYS[""], *KEYS])
            raise ConfigError(f"{where}: unknown key `{name}`{near}")
        else:
            _check_type(name, value, KEYS[""][name], where)


def _check_table(table: dict[str, Any], keys: dict[str, type], where: str) -> None:
    for name, value in table.items():
        if "token" in name.lower() and name not in keys:
            raise ConfigError(f"{where}: `{name}`: a token is never read from a config file (it would be committed "
                              "with the site): set it in the environment, GITHUB_TOKEN or GH_TOKEN for the links "
                              "check, BLOGCHECK_TOKEN for publish")
        if name not in keys:
            section = next((k for k, v in KEYS.items() if v is keys), "")
            raise ConfigError(f"{where}: unknown key `{name}`{_elsewhere(name, section) or _nearest(name, list(keys))}")
        _check_type(name, value, keys[name], where)


def _elsewhere(name: str, section: str) -> str:
    """"; it belongs in [links]" for a key of another table (a top-level `timeout`), or ""."""
    homes = [other for other, keys in KEYS.items() if other != section and name in keys]
    if not homes:
        return ""
    return f"; it belongs {'at the top level' if homes[0] == '' else f'in [{homes[0]}]'}"


def _check_type(name: str, value: Any, kind: type, where: str) -> None:
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    if kind is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    if ok and kind is list:
        ok = all(isinstance(item, str) for item in value)
    if not ok:
        wanted = {list: "a list of strings", str: "a string", bool: "true or false", int: "an integer",
                  float: "a number", dict: "a table"}[kind]
        raise ConfigError(f"{where}: `{name}` must be {wanted}, not {value!r}")
    if any("\0" in text for text in ([value] if isinstance(value, str) else value if kind is list else [])):
        raise ConfigError(f"{where}: `{name}` holds a NUL character, which no path, pattern or word has")


def _nearest(name: str, options: list[str]) -> str:
    import difflib  # only for a mistyped key: 4 ms of every run's start-up otherwise

    close = difflib.get_close_matches(name, [o for o in options if o], n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def validate_values(config: Config) -> None:
    from blogcheck.codes import CODES, checks

    if config.format and config.format not in FORMATS:
        raise ConfigError(f"unknown format `{config.format}`{_nearest(config.format, list(FORMATS))}")
    for glob, words in config.per_file_ignores.items():
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise ConfigError(f"per_file_ignores: `{glob}` must be a list of check names or code prefixes, "
                              f"not {words!r}")
    for word in (*config.select, *config.ignore, *(w for words in config.per_file_ignores.values() for w in words)):
        if not word.strip():  # an empty prefix starts every code: in per_file_ignores it silenced every finding
            raise ConfigError("an empty check name or code prefix: name a check (`links`) or a code (`BC2`)")
        if word not in checks() and not any(code.startswith(word.upper()) for code in CODES):
            near = _nearest(word, [*checks(), *CODES])
            raise ConfigError(f"`{word}` is neither a check name nor a code prefix{near}")
    for code, level in config.severity.items():
        if code not in CODES:
            whole = " (`[severity]` takes whole codes such as `BC121`, not prefixes)" \
                if re.fullmatch(r"BC\d{0,2}", code, re.IGNORECASE) else ""
            raise ConfigError(f"severity: unknown code `{code}`{whole or _nearest(code.upper(), list(CODES))}")
        if level not in SEVERITIES:
            raise ConfigError(f"severity: `{code}` must be one of {', '.join(SEVERITIES)}, not {level!r}")
    if config.max_file_size <= 0:
        raise ConfigError("`max_file_size` must be a positive number of bytes")


def absolute(path: Path, what: str) -> str:
    """`path` made absolute, its symbolic links followed; a loop of them (a RuntimeError
    on Python 3.11, an OSError later) is a ConfigError that says `what` named it."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError, ValueError) as exc:  # ValueError: a NUL in the path
        raise ConfigError(f"{what} {path}: {getattr(exc, 'strerror', None) or exc}") from None
