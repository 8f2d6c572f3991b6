"""Command line: argv -> command -> exit code. The only place that prints or
exits. Each command is a module in `blogcheck.commands` with `add_arguments`
and `run`, registered in COMMANDS."""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from blogcheck import __version__
from blogcheck.exitcodes import USAGE

# name -> (module in blogcheck.commands, one-line help)
COMMANDS = {
    "check": ("check", "check posts and report findings"),
    "publish": ("publish", "check posts, then publish the approved ones to a Jekyll site repository"),
    "init": ("init", "write a commented blogcheck.toml, a word list and the pre-commit hook into a site"),
    "words": ("words", "list the site's unknown words by count; --add puts words on the project word list"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="blogcheck", description="Lint Jekyll blog posts before readers see them.")
    parser.add_argument("--version", action="version", version=f"blogcheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
        importlib.import_module(f"blogcheck.commands.{module}").add_arguments(sub)
        sub.set_defaults(command_parser=sub)  # for errors found after parsing, said with the command's usage
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _usable_streams()
    parser = build_parser()
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:  # said with the command's own usage (`check --bogus`), not the top level's
            getattr(args, "command_parser", parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    except SystemExit as exc:  # argparse: --help/--version exit 0, bad usage exits 2
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return USAGE
    from blogcheck.parallel import jobs_problem

    problem = jobs_problem()
    if problem:
        print(f"blogcheck: warning: {problem}", file=sys.stderr)
    module = importlib.import_module(f"blogcheck.commands.{COMMANDS[args.command][0]}")
    try:
        code: int = module.run(args)
    except KeyboardInterrupt:
        print("blogcheck: interrupted", file=sys.stderr)
        return 130
    return code


def _usable_streams() -> None:
    """A standard stream closed before the run (`1>&-`) is None in Python: what goes to
    it goes nowhere, as a shell's would. One whose encoding cannot write every
    character (`PYTHONIOENCODING=ascii`, a Windows code page) writes escapes for the
    others instead of stopping the run (JSON, SARIF and HTML go out as UTF-8 bytes:
    see commands/check.py, write_atomic)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the run
        elif isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


# Python's own exit status when the standard streams cannot be flushed at the end
FLUSH_FAILED = 120


def entry() -> NoReturn:
    """The `blogcheck` command and `python -m blogcheck`: `main`, then, once the output
    is flushed, an exit that skips the interpreter's teardown. That teardown frees
    every object of the run one by one, and took 16-45 ms of each run (a tenth of a
    one-post pre-commit run) for nothing: every file, process and thread of the run is
    closed or joined by then (mypy ends the same way). A report that cannot be flushed
    (a closed pipe) exits 120, as the interpreter does. Under a profiler or a coverage
    tool, the exit is the ordinary one."""
    code = main()
    if _observed():
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe, or a stream closed under us
        code = FLUSH_FAILED
    os._exit(code)


def _observed() -> bool:
    """A profiler or a coverage tool watches the run: it writes its results at the
    interpreter's exit (`python -m cProfile -m blogcheck` wrote nothing after a hard exit)."""
    return sys.getprofile() is not None or sys.gettrace() is not None or "coverage" in sys.modules
