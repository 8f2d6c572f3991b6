"""`blogcheck check [PATH ...]`: run the checks and report."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from blogcheck.exitcodes import FINDINGS, OK, USAGE
from blogcheck.fixable import fix_help

if TYPE_CHECKING:
    from blogcheck.changes import Changes
    from blogcheck.config import Config
    from blogcheck.jekyll.site import Site
    from blogcheck.run import Result


def _words(text: str) -> list[str]:
    return [w for w in text.replace(",", " ").split() if w]


def add_check_options(parser: argparse.ArgumentParser) -> None:
    """Options that choose what is checked; `publish` takes the same ones."""
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="post files or folders")
    parser.add_argument("--select", action="append", type=_words, metavar="CODES",
                        help="only these checks or code prefixes, comma-separated (e.g. frontmatter,BC2)")
    parser.add_argument("--ignore", action="append", type=_words, metavar="CODES",
                        help="skip these checks or code prefixes")
    parser.add_argument("--config", type=Path, metavar="PATH", help="blogcheck.toml or pyproject.toml to read")
    parser.add_argument("--schema", metavar="PATH", help="JSON Schema for front matter (default: built in)")
    parser.add_argument("--offline", action="store_true", default=None, help="no network: local checks only")
    parser.add_argument("--max-file-size", type=int, metavar="BYTES", help="report files larger than this")
    parser.add_argument("--remap", action="append", metavar="'REGEX REPLACEMENT'",
                        help="rewrite matching URLs before any request (repeatable; e.g. to a local mirror)")
    parser.add_argument("--cache", metavar="PATH", help="the link cache file (default: in the user's cache folder)")
    parser.add_argument("--no-cache", action="store_true", default=None,
                        help="check every remote link again, without the link cache")
    parser.add_argument("--suggest-archive", action="store_true", default=None,
                        help="name the Wayback Machine's copy of each broken link (one request to archive.org each)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_check_options(parser)
    parser.add_argument("--format", choices=("text", "json", "github", "sarif", "html"),
                        help="output format (default: text; github under GitHub Actions)")
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--quiet", "-q", action="store_true", default=None,
                        help="show only errors, without hints, notes or the summary line")
    parser.add_argument("--changed-since", metavar="REF",
                        help="check only posts changed since the merge base of REF and HEAD (e.g. origin/main)")
    parser.add_argument("--new-links-only", action="store_true",
                        help="with --changed-since: link errors fail only on links added since REF (others warn)")
    parser.add_argument("--fix", action="store_true", help=fix_help())
    parser.add_argument("--fix-only", action="store_true",
                        help="apply the fixes as --fix does, report only what was fixed, and exit 0 whatever is left "
                             "(as ruff's --fix-only: pre-commit fails a hook that changed a file)")
    parser.add_argument("--diff", action="store_true",
                        help="print what --fix would change as a unified diff, and change nothing (with --fix "
                             "or --fix-only too)")
    parser.add_argument("--statistics", action="store_true",
                        help="count the findings by code instead of listing them (text, or json with --format json)")


@dataclass(frozen=True)
class Settings:
    config: Config  # the first site's settings; its format, output and quiet make the run's report
    site: Site
    paths: list[Path]
    # Paths of other sites given on the same command line, each with its site.
    more: tuple[tuple[Site, list[Path]], ...] = ()
    configs: dict[Path, Config] = field(default_factory=dict)  # site root -> its settings (else `config`)

    @property
    def groups(self) -> list[tuple[Site, list[Path]]]:
        return [(self.site, self.paths), *self.more]

    def config_for(self, site: Site) -> Config:
        """The settings of the site: the config file at its root (or `--config`), flags on top."""
        return self.configs.get(site.root, self.config)


def settings(args: argparse.Namespace) -> Settings:
    """Config files + flags, the sites, and the paths to check in each. Raises
    ConfigError or DiscoverError (usage errors), before any work."""
    from blogcheck.commands import sites as found
    from blogcheck.links.settings import LinkSettings

    def validate(root: Path, configs: dict[Path, Config]) -> None:
        for config in {id(c): c for c in configs.values()}.values():
            LinkSettings.from_config(config)  # a bad --remap or [links] value is a usage error before any work
        _check_output(configs[root].output)  # and so is a report that could not be written after a long run
        _check_statistics(configs[root], getattr(args, "statistics", False))
        if getattr(args, "statistics", False) and getattr(args, "diff", False):
            from blogcheck.config import ConfigError

            raise ConfigError("--statistics and --diff cannot go together: --diff prints the diff, not counts")

    chosen = found.gather(list(args.paths), args.config, lambda config: _with_flags(config, args), validate)
    (site, report, paths), more = chosen[0], chosen[1:]
    return Settings(report, site, paths, tuple((s, group) for s, _, group in more),
                    {s.root: config for s, config, _ in chosen})


def _with_flags(config: Config, args: argparse.Namespace) -> Config:
    """A site's file settings with the command-line flags on top: a flag wins over every site's file."""
    from blogcheck.config import absolute

    flags = {name: getattr(args, name, None) for name in ("format", "output", "quiet", "offline", "max_file_size")}
    config = config.merged(**flags, select=_flat(args.select), ignore=_flat(args.ignore),
                           schema=absolute(Path(args.schema), "--schema") if args.schema else None)
    cache = getattr(args, "cache", None)
    return config.with_section("links", remap=getattr(args, "remap", None), no_cache=getattr(args, "no_cache", None),
                               suggest_archive=getattr(args, "suggest_archive", None),
                               cache=absolute(Path(cache).expanduser(), "--cache") if cache else None)


def _built(paths: list[Path], site: Site) -> list[Path]:
    """The files pre-commit names, less those the site's `exclude:` (or Jekyll's own, such as
    `node_modules/`) leaves out: a run over the site skips them, and so does the hook (it
    refused commits to an excluded `archive/_posts/` that CI passed)."""
    from blogcheck.jekyll.folders import excluded
    from blogcheck.post import site_relative

    return [p for p in paths if not excluded(site_relative(p.absolute(), site.root), site.config)]


def _configs_of_added_sites(chosen: Settings, groups: list[tuple[Site, list[Path]]], args: argparse.Namespace) -> None:
    """The settings of the sites a commit's deletions brought in (changes.staged): each
    site's own config file, the flags on top, as for the sites of the paths."""
    from blogcheck.commands.sites import configs

    added = [site.root for site, _ in groups if site.root not in chosen.configs]
    if added:
        chosen.configs.update(configs(added, args.config, lambda config: _with_flags(config, args)))


def report_format(config: Config, statistics: bool = False) -> str:
    """--format, else the config's, else `github` under GitHub Actions; `--statistics`
    asked for, with no format chosen or `github`, is text (a count, not annotations)."""
    if config.format:  # counts have no place in annotations: `--format github --statistics` (the action's) is text
        return "text" if statistics and config.format == "github" else config.format
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not statistics else "text"


def _check_statistics(config: Config, statistics: bool) -> None:
    from blogcheck.config import ConfigError
    from blogcheck.reporters.statistics import FORMATS

    fmt = report_format(config, statistics)
    if statistics and fmt not in FORMATS:
        raise ConfigError(f"--statistics works with --format {' or '.join(FORMATS)}, not {fmt}")


def run(args: argparse.Namespace) -> int:
    from blogcheck import changes as git_changes
    from blogcheck.config import ConfigError
    from blogcheck.discover import DiscoverError
    from blogcheck.run import Result
    from blogcheck.run import run as run_checks

    fixing = args.fix or args.fix_only or args.diff  # never edits a post nobody changed
    hook = os.environ.get("PRE_COMMIT") == "1" and not fixing and args.changed_since is None
    try:
        try:
            chosen = settings(args)
        except DiscoverError:
            if hook and not args.paths:  # a commit in a repository with no post yet
                return OK
            raise
        groups, changes = git_changes.narrow(chosen.groups, lambda site: chosen.config_for(site).exclude,
                                             args.changed_since, args.new_links_only, naming=not fixing)
        if hook:
            if not args.paths:  # pre-commit's always_run with no post staged: a commit that deletes a post
                groups = [(site, []) for site, _ in groups]
            groups = [(site, _built(paths, site)) for site, paths in groups]
            groups, changes = git_changes.staged(groups, lambda site: chosen.config_for(site).exclude)
            _configs_of_added_sites(chosen, groups, args)
        results = [run_checks(paths, site, chosen.config_for(site)) for site, paths in groups if paths]
        result = Result([d for r in results for d in r.diagnostics], sum(r.files for r in results),
                        tuple(note for r in results for note in r.notes))
        if changes is not None:
            result = _since(result, changes, [site for site, _ in groups], chosen.config.max_file_size,
                            args.new_links_only)
    except (ConfigError, DiscoverError, git_changes.ChangesError) as exc:
        print(f"blogcheck: error: {exc}", file=sys.stderr)
        return USAGE
    if args.diff:
        return _diff(result, chosen.config)
    held = 0  # fixes --fix left because the site's `encoding:` cannot hold what they write
    if args.fix or args.fix_only:
        from blogcheck.diagnostic import Severity, was_fixed
        from blogcheck.fix import HELD_BY_ENCODING, apply

        before = len(result.notes)
        result = apply(result)
        held = sum(1 for note in result.notes[before:] if note.endswith(HELD_BY_ENCODING))
        if args.fix_only:  # what is left is another hook's to report (`blogcheck`): only the fixes are shown
            shown = [d for d in result.diagnostics if was_fixed(d)]
            left = sum(1 for d in result.diagnostics if not was_fixed(d) and d.severity is not Severity.INFO)
            return _report(dataclasses.replace(result, diagnostics=shown), chosen.config, args.statistics, left)
    return _report(result, chosen.config, args.statistics, fixed=bool(args.fix), held=held)


def _since(result: Result, changes: Changes, sites: list[Site], max_size: int,
           new_links: bool) -> Result:
    """--changed-since: of the posts that name a file deleted or renamed since the base,
    only those links' findings; with --new-links-only, old links' errors as warnings."""
    from blogcheck.newlinks import about_gone, new_links_only

    found = about_gone(result.diagnostics, changes, sites, max_size)
    if new_links:
        found = new_links_only(found, changes, sites, max_size)
    notes = result.notes
    if changes.naming:
        count, gone = len(changes.naming), len(changes.gone)
        notes += (f"{count} unchanged post{'s' * (count != 1)} checked only for links to the {gone} "
                  f"file{'s' * (gone != 1)} deleted or renamed "
                  f"{'by the commit' if changes.ref == 'HEAD' else 'since ' + changes.ref}",)
    return dataclasses.replace(result, diagnostics=found, notes=notes)


def _diff(result: Result, config: Config) -> int:
    """`--diff`: the edits `--fix` would make, exit 1 when there are some (as ruff does)."""
    from blogcheck.fix import diff

    text, fixes, files, base = diff(result)
    if base:
        print(f"blogcheck: the diff names files outside the working folder: apply it from {base} "
              f"(cd {base} && git apply)", file=sys.stderr)
    try:
        write_atomic(text, config.output, utf8=True)  # a patch is bytes
    except OSError as exc:
        print(f"blogcheck: error: cannot write the report: {_why(exc)}", file=sys.stderr)
        return USAGE
    if not config.quiet:
        print(f"{fixes} fix{'es' if fixes != 1 else ''} in {files} file{'s' if files != 1 else ''}"
              + (" (blogcheck check --fix applies them)" if fixes else ""), file=sys.stderr)
    return FINDINGS if fixes else OK




def _left(fixable: int, held: int) -> str:
    """After --fix, why fixes are left: `held` of them the site's `encoding:` cannot take (a
    note says why); the others' file could not be written, or another fix took their place."""
    held = min(held, fixable)
    said = []
    if held:
        said.append(f"{_findings(held)}: the site's `encoding:` cannot take "
                    + ("its fix (the note says why)" if held == 1 else "their fixes (the notes say why)")
                    + "; edit by hand")
    if fixable > held:
        said.append(f"{_findings(fixable - held)}: its file could not be written, or another fix took its place "
                    "(run `blogcheck check --fix` again)")
    return "; ".join(said)


def _findings(count: int) -> str:
    return f"{count} finding{'s' * (count != 1)} with a fix left as {'it is' if count == 1 else 'they are'}"


def _flat(groups: list[list[str]] | None) -> list[str] | None:
    return None if groups is None else [w for group in groups for w in group]


def _report(result: Result, config: Config, statistics: bool = False, left: int = 0, fixed: bool = False,
            held: int = 0) -> int:
    from blogcheck.diagnostic import Severity, Summary
    from blogcheck.reporters import get
    from blogcheck.reporters import statistics as counts

    fmt = report_format(config, statistics)
    fixable = sum(1 for d in result.diagnostics if d.severity is not Severity.INFO and "fix" in d.extras)
    many = "s" * (fixable != 1)
    advice = (f"{fixable} finding{many} can be fixed in place: `blogcheck check --fix` (`--diff` shows the "
              "changes first)")
    if fixed:
        advice = _left(fixable, held)
    notes = result.notes + ((advice,) if fixable else ())
    summary = dataclasses.replace(Summary.of(result.files, result.diagnostics, () if config.quiet else notes),
                                  left=left)
    shown = result.diagnostics
    if config.quiet:
        shown = [d for d in shown if d.severity is Severity.ERROR]
    color = fmt == "text" and not config.output and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    text = counts.render(shown, summary, fmt) if statistics else get(fmt)(shown, summary, color=color)
    if config.quiet and fmt == "text":
        text = "".join(line for line in text.splitlines(True)[:-1] if not line.startswith("    hint:"))
    try:
        write_atomic(text, config.output, utf8=fmt in ("json", "sarif", "html"))
        if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            from blogcheck.reporters.github import step_summary

            with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
                handle.write(step_summary(shown, summary))
    except OSError as exc:
        print(f"blogcheck: error: cannot write the report: {_why(exc)}", file=sys.stderr)
        return USAGE
    return FINDINGS if summary.errors else OK


def _why(exc: OSError) -> str:
    """"No space left on device: /tmp/r.json", not the temporary file's name."""
    return f"{exc.strerror}: {exc.filename}" if exc.strerror and exc.filename else str(exc)


def descriptor(output: str) -> int | None:
    """The open descriptor `output` names (`/dev/stdout`, `/dev/fd/3`, the `/dev/fd/63` of
    a shell's `>(cmd)`): written to as it is, never reopened by name (a pipe has no file
    to open, and a file the shell opened with `>>` must keep what it holds)."""
    if output in _STANDARD:
        return _STANDARD[output]
    number = output.removeprefix("/dev/fd/").removeprefix("/proc/self/fd/")
    return int(number) if number != output and number.isdigit() else None


_STANDARD = {"/dev/stdout": 1, "/dev/stderr": 2}


def _a_post(path: Path) -> bool:
    """A Markdown or HTML file that opens with front matter: a post or page, never a report."""
    from blogcheck.discover import POST_SUFFIXES
    from blogcheck.files import read_bytes

    if path.suffix.lower() not in POST_SUFFIXES:
        return False
    try:
        return read_bytes(path, 8).lstrip(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:
        return False


def _check_output(output: str) -> None:
    """--output names a file in a folder that exists: said before the run, not after it."""
    from blogcheck.config import ConfigError

    target = Path(output)
    number = descriptor(output)
    if number is not None:
        try:
            os.fstat(number)
        except OSError:
            raise ConfigError(f"--output {output}: descriptor {number} is not open") from None
        return
    if output.endswith(("/", os.sep)) and not target.is_dir():
        raise ConfigError(f"--output {output} names a folder, and there is none: name the file to write the report to")
    try:
        if output and target.is_symlink():
            target = target.resolve()  # written where it points (write_atomic): that folder must be there
        if output and target.is_dir():
            raise ConfigError(f"--output {output} is a folder: name the file to write the report to")
        if output and not target.parent.is_dir():
            raise ConfigError(f"--output {output}: there is no folder {target.parent}")
        if output and (target.is_file() or not target.exists()) and not os.access(target.parent, os.W_OK):
            raise ConfigError(f"--output {output}: the folder {target.parent} cannot be written to")
        if output and target.is_file() and not os.access(target, os.W_OK):
            raise ConfigError(f"--output {output}: the file is read-only")
        if output and target.is_file() and _a_post(target):
            raise ConfigError(f"--output {output} is a post (its front matter opens with `---`): the report would "
                              "replace it; name another file")
    except (OSError, RuntimeError) as exc:  # a name too long, a loop of symbolic links on the way (3.11: RuntimeError)
        raise ConfigError(f"--output {output[:80]}{'...' if len(output) > 80 else ''}: "
                          f"{getattr(exc, 'strerror', None) or exc}") from None


def write_atomic(text: str, output: str, utf8: bool = False) -> None:
    """To stdout, or atomically to a file (never a half-written report). `utf8`: a
    format whose files are UTF-8 (JSON, SARIF, HTML) goes to stdout as UTF-8 bytes
    too, whatever its encoding (an ASCII locale would make escapes that break it)."""
    number = descriptor(output)
    if number == 1:
        output = ""
    elif number is not None:
        sys.stderr.flush()
        with open(number, "w", encoding="utf-8", errors="surrogateescape", closefd=False) as stream:
            stream.write(text)
        return
    if not output:
        buffer = getattr(sys.stdout, "buffer", None)
        if utf8 and buffer is not None and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
            sys.stdout.flush()
            buffer.write(text.encode("utf-8", errors="surrogateescape"))
            buffer.flush()
            return
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    if target.is_symlink():
        target = target.resolve()  # the report goes where the link points; the link stays
    if target.exists() and not target.is_file():  # /dev/null, /dev/stdout, a FIFO: written into, never replaced
        with open(target, "w", encoding="utf-8", errors="surrogateescape") as stream:
            stream.write(text)
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".blogcheck-")
    except OSError as exc:  # named after the file asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, output) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(text)
        # mkstemp makes 0600; a report is an ordinary file (keep a replaced file's mode).
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
