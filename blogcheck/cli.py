"""Command line: argv -> Config -> run() -> report -> exit code. The only module
that prints or exits."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from blogcheck import __version__

OK, FINDINGS, USAGE, PUBLISH_FAILED = 0, 1, 2, 3


def _words(text: str) -> list[str]:
    return [w for w in text.replace(",", " ").split() if w]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="blogcheck", description="Lint Jekyll blog posts before readers see them.")
    parser.add_argument("--version", action="version", version=f"blogcheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="check posts and report findings",
                                description="Check posts (default: _posts/ and _drafts/ of the site).")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="post files or folders")
    check.add_argument("--format", choices=("text", "json", "github", "sarif"),
                       help="output format (default: text; github under GitHub Actions)")
    check.add_argument("--select", action="append", type=_words, metavar="CODES",
                       help="only these checks or code prefixes, comma-separated (e.g. frontmatter,BC2)")
    check.add_argument("--ignore", action="append", type=_words, metavar="CODES",
                       help="skip these checks or code prefixes")
    check.add_argument("--config", type=Path, metavar="PATH", help="blogcheck.toml or pyproject.toml to read")
    check.add_argument("--schema", metavar="PATH", help="JSON Schema for front matter (default: built in)")
    check.add_argument("--offline", action="store_true", default=None, help="no network: local checks only")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--quiet", "-q", action="store_true", default=None,
                       help="show only errors, without hints or the summary line")
    check.add_argument("--max-file-size", type=int, metavar="BYTES", help="skip files larger than this")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, bad usage exits 2
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return USAGE
    try:
        return _check(args)
    except KeyboardInterrupt:
        print("blogcheck: interrupted", file=sys.stderr)
        return 130


def _check(args: argparse.Namespace) -> int:
    from blogcheck.config import ConfigError, find_config, load_config
    from blogcheck.discover import DiscoverError, default_paths
    from blogcheck.jekyll.site import find_root, load_site

    start = args.paths[0] if args.paths else Path.cwd()
    root = (find_root(start.resolve()) or (start.resolve() if start.is_dir() else start.resolve().parent))
    try:
        config = load_config(args.config if args.config else find_config(root)).merged(
            format=args.format, output=args.output, quiet=args.quiet, offline=args.offline,
            schema=str(Path(args.schema).resolve()) if args.schema else None,
            select=_flat(args.select), ignore=_flat(args.ignore), max_file_size=args.max_file_size,
        )
        paths = list(args.paths) or default_paths(root)
        if not paths:
            raise DiscoverError(f"no _posts/ or _drafts/ folder in {root}; give the posts to check")
        from blogcheck.run import run

        result = run(paths, load_site(root), config)
    except (ConfigError, DiscoverError) as exc:
        print(f"blogcheck: error: {exc}", file=sys.stderr)
        return USAGE
    return _report(result, config)


def _flat(groups: list[list[str]] | None) -> list[str] | None:
    return None if groups is None else [w for group in groups for w in group]


def _report(result: object, config: object) -> int:
    from blogcheck.config import Config
    from blogcheck.diagnostic import Severity, Summary
    from blogcheck.reporters import get
    from blogcheck.run import Result

    assert isinstance(result, Result) and isinstance(config, Config)
    fmt = config.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    summary = Summary.of(result.files, result.diagnostics)
    shown = result.diagnostics
    if config.quiet:
        shown = [d for d in shown if d.severity is Severity.ERROR]
    color = fmt == "text" and not config.output and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = get(fmt)(shown, summary, color=color)
    if config.quiet and fmt == "text":
        text = "".join(line for line in text.splitlines(True)[:-1] if not line.startswith("    hint:"))
    try:
        _write(text, config.output)
        if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            from blogcheck.reporters.github import step_summary

            with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
                handle.write(step_summary(result.diagnostics, summary))
    except OSError as exc:
        print(f"blogcheck: error: cannot write report: {exc}", file=sys.stderr)
        return USAGE
    return FINDINGS if summary.errors else OK


def _write(text: str, output: str) -> None:
    """To stdout, or atomically to a file (no half-written report)."""
    if not output:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=".blogcheck-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
