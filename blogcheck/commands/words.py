"""`blogcheck words [PATH ...]`: the site's unknown words by count, to review and add.

Every prose word that no dictionary or word list knows (names inside a sentence and
known misspellings aside), with how often the site uses it, where first, and the
dictionary word it may be a slip for: a slip that many posts repeat (`magnitute`,
three posts) is not reported by `check`, which takes it for the site's jargon.
`--add WORD ...` appends words to the project word list."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from blogcheck.exitcodes import OK, USAGE
from blogcheck.files import silence

if TYPE_CHECKING:
    from blogcheck.config import Config
    from blogcheck.jekyll.site import Site
    from blogcheck.spelling.speller import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="posts (default: the site's)")
    parser.add_argument("--config", type=Path, metavar="PATH", help="blogcheck.toml or pyproject.toml to read")
    parser.add_argument("--add", nargs="+", metavar="WORD", help="append these words to the project word list")


def run(args: argparse.Namespace) -> int:
    from blogcheck.config import ConfigError
    from blogcheck.discover import DiscoverError

    try:
        chosen = _sites(args)
        if args.add:
            if len(chosen) > 1:
                raise ConfigError(f"--add: the posts given are in {len(chosen)} sites "
                                  f"({', '.join(_display(site.root) or '.' for site, _, _ in chosen)}), each with its "
                                  "own word list; give the posts of one site")
            site, config, _ = chosen[0]
            return _add(site.root / _speller_settings(config).wordlist, args.add)
        rows = _merged([unknown_words(paths, site, config) for site, config, paths in chosen])
    except (ConfigError, DiscoverError) as exc:
        print(f"blogcheck: error: {exc}", file=sys.stderr)
        return USAGE
    text = "".join(f"{count:6d}  {word}  {place}{f'  ({best}?)' if best else ''}\n"
                   for word, count, place, best in rows)
    return _say(text + f"{len(rows)} unknown word{'s' * (len(rows) != 1)}; "
                "add the right ones: blogcheck words --add WORD ...\n")


def _say(text: str, code: int = OK) -> int:
    """Write `text` to stdout: `code`; a reader gone away (`words | head`) is no error,
    an output that cannot be written (a full disk) is one, told in a line (exit 2)."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence(sys.stdout)
    except OSError as exc:
        silence(sys.stdout)
        print(f"blogcheck: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return USAGE
    return code


def _sites(args: argparse.Namespace) -> list[tuple[Site, Config, list[Path]]]:
    """Each site of the PATHs with its own settings (the config file at its root, or
    `--config`) and its paths; usage errors raised before any work."""
    from blogcheck.commands import sites as found

    def validate(root: Path, configs: dict[Path, Config]) -> None:
        for config in configs.values():
            _speller_settings(config)

    return found.gather(list(args.paths), args.config, lambda config: config, validate)


def _speller_settings(config: Config) -> Settings:
    from blogcheck.config import ConfigError
    from blogcheck.spelling.speller import Settings

    settings = Settings.from_table(config.section("spelling"))
    if settings.problems():
        raise ConfigError(settings.problems()[0])
    return settings


Row = tuple[str, int, str, str]  # word, count, first place, best suggestion or ""


def _merged(per_site: list[list[Row]]) -> list[Row]:
    """The rows of several sites as one list: counts added, the first place and
    suggestion of the first site that has the word."""
    if len(per_site) == 1:
        return per_site[0]
    rows: dict[str, Row] = {}
    for word, count, place, best in (row for site_rows in per_site for row in site_rows):
        seen = rows.get(word)
        rows[word] = (word, count + seen[1], seen[2], seen[3] or best) if seen else (word, count, place, best)
    return sorted(rows.values(), key=lambda row: (-row[1], row[0]))


def _add(path: Path, words: list[str]) -> int:
    from blogcheck.spelling.wordlist import NotUtf8, append, not_a_word

    refused = [(word, why) for word in words if (why := _path(word) or not_a_word(word))]
    if refused:  # nothing is added: the list gets what the user meant, or nothing
        for word, why in refused:
            print(f"blogcheck: error: not a word: {word!r} ({why})", file=sys.stderr)
        print("blogcheck: error: nothing added", file=sys.stderr)
        return USAGE
    try:
        added = append(path, words)
    except NotUtf8 as exc:
        print(f"blogcheck: error: {exc}; nothing added", file=sys.stderr)
        return USAGE
    except OSError as exc:
        print(f"blogcheck: error: cannot add to {path}: {exc.strerror or exc}", file=sys.stderr)
        return USAGE
    done = {word.lower() for word in added}
    there: dict[str, str] = {}  # the words given that were in the list already, each once as first written
    for word in (w.strip().replace("\u2019", "'") for w in words):
        if word.lower() not in done:
            there.setdefault(word.lower(), word)
    if not added:
        return _say(f"nothing added: already in {path}: {' '.join(there.values())}\n")
    return _say(f"added {len(added)} word{'s' * (len(added) != 1)} to {path}: {' '.join(added)}"
                + (f" (already there: {' '.join(there.values())})" if there else "") + "\n")


def _path(word: str) -> str:
    """`--add` takes every word after it: a post or folder written there was meant as a
    path. Another file's name is a word (`Gemfile`, `Dockerfile`, `Makefile` are jargon)."""
    from blogcheck.discover import POST_SUFFIXES

    try:
        path = Path(word)
        meant = word.strip() and (path.is_dir() or (path.is_file() and path.suffix.lower() in POST_SUFFIXES))
    except (OSError, ValueError):  # a name too long, a NUL
        return ""
    return "a post or folder here: paths go before --add" if meant else ""


def unknown_words(paths: list[Path], site: Site, config: Config) -> list[Row]:
    """(word, count, first place, best suggestion or "") of every unknown prose word,
    most frequent first."""
    from blogcheck.checks import Context
    from blogcheck.checks.spelling import prose_words, speller_for
    from blogcheck.discover import discover
    from blogcheck.post import Post, load
    from blogcheck.run import per_file_ignores
    from blogcheck.select import check_wanted
    from blogcheck.spelling import misspellings
    from blogcheck.spelling.language import other_languages
    from blogcheck.spelling.wordlist import post_words
    from blogcheck.suppress import silenced, suppressions

    files = discover(paths, site.root, config.exclude)
    ignores = per_file_ignores(files, site, config)  # a post whose unknown words are not reported lists none
    files = [f for f in files if check_wanted("spelling", ["BC402"], (), ignores.get(_display(f), ()))]
    posts = [p for p in (load(f, _display(f), site, config.max_file_size) for f in files) if isinstance(p, Post)]
    others = other_languages(posts, site.config)  # not spell-checked: their words are no English
    posts = [p for p in posts if p.path not in others]
    context = Context(site, config, posts)
    speller = speller_for(context)
    for note in context.notes:  # the word list could not be read: said, as `check` says it
        print(f"note: {note}", file=sys.stderr)
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for post in posts:
        quiet = suppressions(post.text)  # `<!-- blogcheck: ignore BC402 -->` silences a line here too
        extra = post_words(post.data)  # the post's `spelling_ignore:`, as `check` accepts them
        for span, word in prose_words(post, speller.fine):
            if silenced("BC402", span.line, quiet):
                continue
            lower = word.text.replace("\u2019", "'").lower()
            if lower in extra or not word.checkable or (word.capitalised and not word.initial):
                continue
            if misspellings.fixes(lower):
                continue
            if speller.known(lower) or speller.in_use(lower):
                speller.fine.add(word.text)
                continue
            counts[lower] += 1
            first.setdefault(lower, f"{post.display}:{span.line}:{span.at(word.start)}")
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(w, n, first[w], next(iter(speller.suggestions(w)), "")) for w, n in ranked]


def _display(path: Path) -> str:
    from blogcheck.run import display

    return display(path)
