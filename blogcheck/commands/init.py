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
    problem = _not_a_folder(folder)
    if problem:
        print(f"blogcheck: error: {problem}", file=sys.stderr)
        return USAGE
    if find_root(folder.resolve()) != folder.resolve():  # `init .`: "." and its absolute path are one folder
        print(f"note: {display(folder)} has no _config.yml; is it the site's root?", file=sys.stderr)
    for name, template in _FILES:
        target = folder / name
        try:
            handle = open(target, "x", encoding="utf-8")  # noqa: SIM115 - closed below, removed when cut short
        except FileExistsError:
            print(f"kept {display(target)} (it exists)")
            if name == ".pre-commit-config.yaml":
                _advise_hook(target)
            continue
        except OSError as exc:
            print(f"blogcheck: error: cannot write {display(target)}: {exc.strerror or exc}", file=sys.stderr)
            return USAGE
        try:
            with handle:
                handle.write(_template(template))
        except OSError as exc:  # a full disk: no half file that a later `init` would keep as the user's
            target.unlink(missing_ok=True)
            print(f"blogcheck: error: cannot write {display(target)}: {exc.strerror or exc}", file=sys.stderr)
            return USAGE
        print(f"created {display(target)}")
    _advise_exclude(folder)
    print("Next: `blogcheck check` here, and `pre-commit install` to check every commit.")
    return OK


def _not_a_folder(folder: Path) -> str:
    """Why `folder` cannot be the site's root, or ""."""
    try:
        if folder.is_dir():
            return ""
        if folder.exists():
            return f"{folder}: not a folder; give the site's root folder"
    except OSError as exc:  # a name too long, a loop of symbolic links
        return f"{str(folder)[:80]}{'...' if len(str(folder)) > 80 else ''}: {exc.strerror or exc}"
    return f"{folder}: no such folder"


def _template(name: str) -> str:
    text = (resources.files("blogcheck") / "data" / "init" / name).read_text(encoding="utf-8")
    return text.replace("{repository}", REPOSITORY).replace("{rev}", f"v{__version__}")


def _advise_hook(config: Path) -> None:
    """Print the lines to add unless the config already uses a blogcheck hook."""
    from blogcheck.files import read_text

    try:
        text = read_text(config, 1 << 20, errors="replace")  # a regular file only: a pipe is never waited on
    except OSError:
        text = ""
    if any(f"id: {hook}" in text for hook in HOOK_IDS):
        return
    snippet = _template("pre-commit-config.yaml").split("repos:\n", 1)[1]
    print("  add these lines under its `repos:` to check posts on every commit:")
    print("".join(f"  {line}" for line in snippet.splitlines(keepends=True)), end="")


def _advise_exclude(folder: Path) -> None:
    """Jekyll copies every file of the site that is not excluded into the built site,
    blogcheck.toml too (the dotfiles it skips by itself). _config.yml is the user's and
    is not edited: the lines to add are printed, unless its `exclude:` has the file."""
    from blogcheck.jekyll.site import load_site

    site = load_site(folder)
    if site.config_path is None or site.config_error:
        return
    listed = site.config.get("exclude")
    if isinstance(listed, list) and any(isinstance(glob, str) and _excludes(glob, "blogcheck.toml")
                                        for glob in listed):
        return
    name = site.config_path.name
    if isinstance(listed, list):
        print(f"  Jekyll copies blogcheck.toml into the built site: add `- blogcheck.toml` to `exclude:` in {name}")
    else:
        print(f"  Jekyll copies blogcheck.toml into the built site: add `exclude: [blogcheck.toml]` to {name} "
              "(Jekyll 3, as on GitHub Pages, then no longer skips Gemfile, Gemfile.lock, node_modules and "
              "vendor/ by itself: list those too if the site has them)")


def _excludes(glob: str, name: str) -> bool:
    """An `exclude:` entry that leaves out the file `name` at the site's root, as Jekyll's
    EntryFilter reads it: a glob (File.fnmatch), or any start of the name."""
    import fnmatch

    entry = glob.strip().lstrip("/")
    return bool(entry) and (name.startswith(entry) or fnmatch.fnmatchcase(name, entry))
