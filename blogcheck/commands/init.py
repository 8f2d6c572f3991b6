"""`blogcheck init [DIR]`: start a site off with a commented `blogcheck.toml`, a
word list for the spelling check, and the pre-commit hook. Nothing that exists
is overwritten: a file already there is kept, and what to add to it is printed."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from blogcheck import __version__
from blogcheck.exitcodes import OK, USAGE

# Where the hooks (.pre-commit-hooks.yaml) and the GitHub Action (action.yml) are published.
REPOSITORY = "https://github.com/blogcheck/blogcheck"
HOOK_IDS = ("blogcheck", "blogcheck-offline")

# (file written into the site, template in blogcheck/data/init/)
_FILES = (
    ("blogcheck.toml", "blogcheck.toml"),
    (".blogcheck-words.txt", "blogcheck-words.txt"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml"),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="?", type=Path, metavar="DIR",
                        help="the site's root folder (default: the site around the working folder)")


def run(args: argparse.Namespace) -> int:
    from blogcheck.jekyll.site import find_root
    from blogcheck.run import display

    folder = args.folder or find_root(Path.cwd()) or Path.cwd()
    if not folder.is_dir():
        print(f"blogcheck: error: {folder}: no such folder", file=sys.stderr)
        return USAGE
    if find_root(folder.resolve()) != folder.resolve():  # `init .`: "." and its absolute path are one folder
        print(f"note: {display(folder)} has no _config.yml; is it the site's root?", file=sys.stderr)
    for name, template in _FILES:
        target = folder / name
        try:
            with open(target, "x", encoding="utf-8") as handle:
                handle.write(_template(template))
        except FileExistsError:
            print(f"kept {display(target)} (it exists)")
            if name == ".pre-commit-config.yaml":
                _advise_hook(target)
            continue
        except OSError as exc:
            print(f"blogcheck: error: cannot write {display(target)}: {exc.strerror or exc}", file=sys.stderr)
            return USAGE
        print(f"created {display(target)}")
    print("Next: `blogcheck check` here, and `pre-commit install` to check every commit.")
    return OK


def _template(name: str) -> str:
    text = (resources.files("blogcheck") / "data" / "init" / name).read_text(encoding="utf-8")
    return text.replace("{repository}", REPOSITORY).replace("{rev}", f"v{__version__}")


def _advise_hook(config: Path) -> None:
    """Print the lines to add unless the config already uses a blogcheck hook."""
    try:
        text = config.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    if any(f"id: {hook}" in text for hook in HOOK_IDS):
        return
    snippet = _template("pre-commit-config.yaml").split("repos:\n", 1)[1]
    print("  add these lines under its `repos:` to check posts on every commit:")
    print("".join(f"  {line}" for line in snippet.splitlines(keepends=True)), end="")
