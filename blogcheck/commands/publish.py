"""`blogcheck publish --to TARGET [PATH ...]`: check, then publish the approved posts."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from blogcheck.commands.check import add_check_options
from blogcheck.exitcodes import FINDINGS, OK, PUBLISH_FAILED, USAGE
from blogcheck.files import silence

if TYPE_CHECKING:
    from blogcheck.config import Config
    from blogcheck.publish import Outcome, Settings
    from blogcheck.publish.plan import Entry, Rules
    from blogcheck.publish.scrub import Scrubber

MAX_RETRIES = 50


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("A post is published when its front matter says `status: approved` and the checks find no "
                     "error in it. For https targets the token comes from $BLOGCHECK_TOKEN, else $GITHUB_TOKEN "
                     "(GitHub hosts only). Exit codes: 0 published or nothing to do, 1 some posts refused, "
                     "2 usage error, 3 publish failed (the target is unchanged).")
    add_check_options(parser)
    parser.add_argument("--to", metavar="TARGET", help="the Jekyll site repository: a git URL (https, ssh) or a path")
    parser.add_argument("--branch", metavar="NAME", help="branch to publish to (default: the target's default)")
    parser.add_argument("--message", metavar="TEXT", help="commit subject (default: `Publish N posts`)")
    parser.add_argument("--dry-run", action="store_true", default=None,
                        help="print the plan and the diff; change nothing")
    parser.add_argument("--build", action="store_true", default=None,
                        help="run `jekyll build` on the updated site; push only if it succeeds")
    parser.add_argument("--force", action="store_true", default=None,
                        help="overwrite files in the target that blogcheck did not publish")


def run(args: argparse.Namespace) -> int:
    from blogcheck.commands.check import settings
    from blogcheck.config import ConfigError
    from blogcheck.discover import DiscoverError, discover
    from blogcheck.publish import scrubber
    from blogcheck.publish.plan import Action, make_plan, refuse_duplicates
    from blogcheck.run import run as run_checks

    entries: list[Entry] = []
    try:
        chosen = settings(args)
        options, rules = publish_settings(chosen.config, args)
        configs = [chosen.config_for(site) for site, _ in chosen.groups]
        # the re-check inside the target keeps the settings the posts are checked with here
        options = dataclasses.replace(options, checks=configs[0] if len(configs) == 1 else chosen.config)
        for site, paths in chosen.groups:  # each path in the site that holds it, with that site's settings
            config = chosen.config_for(site)
            files = discover(paths, site.root, config.exclude)
            found = run_checks(paths, site, config).diagnostics
            entries += make_plan(files, site, config, found, rules)
    except (ConfigError, DiscoverError) as exc:  # a bad `--to` is named in it: scrubbed as every message
        _say(scrubber(getattr(args, "to", None) or "", os.environ), f"blogcheck: error: {exc}", sys.stderr)
        return USAGE
    scrub = scrubber(options.to, os.environ)
    entries = refuse_duplicates(entries)
    _say(scrub, _plan_text(entries))
    code = FINDINGS if any(e.action is Action.REFUSE for e in entries) else OK
    if not any(e.action is Action.PUBLISH for e in entries):
        _say(scrub, "Nothing to publish: no post is both approved and clean"
                    + (" (the refused ones are listed above)." if code else "."))
        return code
    return _publish(entries, options, scrub) or code


def _publish(entries: list[Entry], options: Settings, scrub: Scrubber) -> int:
    from blogcheck.publish import PublishError, publish
    from blogcheck.publish.plan import Action

    try:
        outcome = publish(entries, options, os.environ)
    except PublishError as exc:
        _say(scrub, f"blogcheck: publish failed: {exc}", sys.stderr)
        return PUBLISH_FAILED
    except Exception as exc:  # whatever it is: say it without secrets, exit 3
        _say(scrub, f"blogcheck: publish failed: {type(exc).__name__}: {exc}", sys.stderr)
        return PUBLISH_FAILED
    refused = sum(1 for e in entries if e.action is Action.REFUSE)
    _say(scrub, _outcome_text(outcome, options.dry_run, refused))
    return 0


def publish_settings(config: Config, args: argparse.Namespace) -> tuple[Settings, Rules]:
    """[publish] from the config file with the flags on top. Raises ConfigError."""
    from blogcheck.config import ConfigError
    from blogcheck.publish import Settings
    from blogcheck.publish.plan import Rules
    from blogcheck.publish.remote import TargetError, is_local_path, remote_for, valid_branch

    flags = {name: getattr(args, name, None) for name in ("to", "branch", "message", "dry_run", "build", "force")}
    table = config.with_section("publish", **flags).section("publish")
    to = str(table.get("to") or "")
    if not to:
        raise ConfigError("publish needs a target: --to URL_OR_PATH (or `to` in [publish])")
    if args.to is None and config.source and is_local_path(to) and not Path(to).is_absolute():
        to = str(Path(config.source).parent / to)  # a path in the config file is relative to it
    try:  # a target git cannot take (`ext::`, `ftp://`) is a usage error, found before any check runs
        remote_for(to, {})
    except TargetError as exc:
        raise ConfigError(f"--to {to}: {exc}") from None
    key = str(table.get("approve_key", "status"))
    retries = int(table.get("max_push_retries", 5))
    if not key or not str(table.get("approve_value", "approved")):
        raise ConfigError("[publish]: approve_key and approve_value must not be empty")
    if not 0 <= retries <= MAX_RETRIES:
        raise ConfigError(f"[publish]: max_push_retries must be 0..{MAX_RETRIES}, not {retries}")
    if not valid_branch(str(table.get("branch", ""))) and table.get("branch"):
        raise ConfigError(f"`{table['branch']}` is not a valid branch name")
    rules = Rules(key, str(table.get("approve_value", "approved")), tuple(table.get("strip_keys", [key])))
    options = Settings(to, str(table.get("branch", "")), str(table.get("message", "")), bool(table.get("dry_run")),
                       bool(table.get("build")), str(table.get("build_command", "jekyll build")),
                       bool(table.get("force")), retries, _stop_codes(config))
    return options, rules


def _stop_codes(config: Config) -> tuple[str, ...]:
    """The build stops the target is checked for: those the user's --select/--ignore keep."""
    from blogcheck.codes import CODES
    from blogcheck.publish.stops import TARGET_LINKS, TARGET_READS
    from blogcheck.select import check_wanted
    from blogcheck.unbuilt_codes import AT_RENDER

    return tuple(code for code in sorted(AT_RENDER | TARGET_LINKS | TARGET_READS)
                 if check_wanted(CODES[code].check, [code], config.select, config.ignore))


_SKIPS_LISTED = 10  # posts not approved listed one a line; more are counted on one line


def _plan_text(entries: list[Entry]) -> str:
    from blogcheck.publish.plan import Action
    from blogcheck.reporters.controls import visible  # a line break in a file name splits no line

    lines = []
    skipped: dict[str, list[str]] = {}  # reason -> posts: a blog of 1,000 posts, 2 approved, is 2 lines, not 1,000
    for entry in entries:
        if entry.action is Action.SKIP:
            skipped.setdefault(entry.reason, []).append(entry.source)
    many = {reason for reason, posts in skipped.items() if len(posts) > _SKIPS_LISTED}
    for reason in sorted(many):
        posts = skipped[reason]
        named = ", ".join(visible(p) for p in posts[:3])
        lines.append(f"skip     {len(posts)} posts {reason}: {named} and {len(posts) - 3} more")
    for entry in entries:
        if entry.action is Action.SKIP and entry.reason in many:
            continue
        if entry.action is Action.PUBLISH:
            lines.append(f"publish  {visible(entry.source)} -> {visible(entry.target)}")
            lines.extend(f"           + {visible(asset.rel)}" for asset in entry.assets)
        else:
            lines.append(f"{entry.action.value:<8} {visible(entry.source)}: {visible(entry.reason)}")
        lines.extend(f"    {visible(d.path)}:{d.line}:{d.column}: {d.code} {visible(d.message)}"
                     for d in entry.diagnostics)
    return "\n".join(lines)


def _outcome_text(outcome: Outcome, dry_run: bool, refused: int = 0) -> str:
    text = _outcome_lines(outcome, dry_run, refused)
    return f"note: {outcome.note}\n{text}" if outcome.note else text


def _outcome_lines(outcome: Outcome, dry_run: bool, refused: int = 0) -> str:
    where = f"{outcome.shown_target} ({outcome.branch})"
    if not outcome.changes:
        return (f"Nothing to publish: {where} already has every approved post"
                + (f" that passes the checks ({refused} refused: see above)." if refused else "."))
    lines = [f"{c.state:<8} {c.path}" for c in outcome.changes] + [f"built    {url}" for url in outcome.pages]
    if outcome.posts_folder:  # the plan, written before the target was read, names `_posts/` in its root
        from blogcheck.reporters.controls import visible

        folder = visible(outcome.posts_folder)
        lines.append(f"(the target's `collections_dir` is `{folder}`: its posts are in `{folder}/_posts/`, "
                     "not in `_posts/` as the plan above says)")
    posts = len({c.post for c in outcome.changes})
    count = f"{posts} post{'s' if posts != 1 else ''}"
    if dry_run:
        return "\n".join([*lines, f"Dry run: would publish {count} to {where}; nothing was changed.", "",
                          outcome.diff.rstrip("\n")])
    retried = outcome.attempts - 1
    retries = f" after {retried} retr{'y' if retried == 1 else 'ies'}" if retried else ""
    return "\n".join([*lines, f"Published {count} to {where} in commit {outcome.commit[:12]}{retries}."])


def _say(scrub: Scrubber, text: str, stream: TextIO | None = None) -> None:
    """Print a line of the log. A reader that went away (`publish | head -1`) stops no
    publish half way: the rest of the log goes nowhere, and the exit code is the publish's."""
    out = stream or sys.stdout
    try:
        print(scrub(text), file=out, flush=out is sys.stdout)
    except BrokenPipeError:
        silence(out)
