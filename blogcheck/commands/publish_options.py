"""The options of a `check` command line that `publish` takes too.

The GitHub Action passes its `args` input to `check` and then to `publish`, so
that `--select`, `--config` or `--offline` choose the same checks in both; an
option only `check` knows (`-q`, `--format`, `--statistics`...) would stop
`publish` with a usage error. `python -m blogcheck.commands.publish_options`
reads the check's arguments, NUL-separated, on stdin and writes publish's; with
`--sarif`, those of the action's SARIF run: the check's own less the options that
choose the report (`--format`, `--output`, `-q`, `--statistics`) or edit posts,
since the SARIF run's `--format sarif --output FILE` must hold."""

from __future__ import annotations

import argparse
import sys
from typing import Any

_NOT_FOR_SARIF = frozenset({"format", "output", "quiet", "statistics", "fix", "fix_only", "diff"})


def publish_options(argv: list[str]) -> list[str]:
    """The arguments of `argv` (a `check` command line) that `publish` accepts, as
    long options, paths last; `argv` as it is when `check` refuses it (`publish`
    then says what is wrong)."""
    from blogcheck.commands.check import add_check_options

    return _rebuilt(argv, add_check_options, frozenset())


def sarif_options(argv: list[str]) -> list[str]:
    """The arguments of `argv` (a `check` command line) for the action's SARIF run."""
    from blogcheck.commands.check import add_arguments

    return _rebuilt(argv, add_arguments, _NOT_FOR_SARIF)


def _rebuilt(argv: list[str], add: Any, drop: frozenset[str]) -> list[str]:
    """`argv` parsed as `check` does, written again with the options `add` adds to a
    parser, less those whose destination is in `drop`."""
    from blogcheck.cli import build_parser

    try:
        args = build_parser().parse_args(["check", *argv])
    except SystemExit:
        return list(argv)
    shared = _Recorder(add_help=False)
    add(shared)
    out: list[str] = []
    for action in shared.recorded:
        value = getattr(args, action.dest, None)
        if not action.option_strings or value in (None, False, []) or action.dest in drop:
            continue
        option = next(o for o in action.option_strings if o.startswith("--"))
        if value is True:
            out.append(option)
        elif isinstance(value, list):  # a repeatable option: --select a,b --select c
            out += [w for item in value for w in (option, ",".join(item) if isinstance(item, list) else str(item))]
        else:
            out += [option, str(value)]
    return out + [str(path) for path in args.paths]


class _Recorder(argparse.ArgumentParser):
    """A parser that lists the actions added to it (argparse has no public way)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.recorded: list[argparse.Action] = []

    def add_argument(self, *names: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*names, **kwargs)
        self.recorded.append(action)
        return action


def main() -> int:
    words = sys.stdin.buffer.read().decode("utf-8", "surrogateescape").split("\0")
    choose = sarif_options if sys.argv[1:] == ["--sarif"] else publish_options
    kept = choose(words[:-1] if words and words[-1] == "" else words)
    sys.stdout.buffer.write(b"".join(word.encode("utf-8", "surrogateescape") + b"\0" for word in kept))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
