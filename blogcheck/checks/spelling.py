"""BC401 known misspellings, BC402 unknown words, BC403 repeated words, in prose only.

A site check: how many posts of the site use a word is evidence that it is jargon."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator

from blogcheck import parallel
from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.post import Post
from blogcheck.spelling.prose import Span, holds, spans, written
from blogcheck.spelling.speller import Settings, Speller, Verdict
from blogcheck.spelling.tokens import Word, broken_at_end, last_word, name_heavy, words
from blogcheck.spelling.usage import Occurrences, forms

CODES = ["BC401", "BC402", "BC403"]
_PREFILTER = 8  # posts checked in one run from which the whole-file prefilter pays
_BIG = 100_000  # characters of a post from which it pays for that post alone
_SPREAD = 64  # posts from which the check is spread over the CPUs (parallel.py)
# Words that are fine twice in a row.
_REPEAT_OK = frozenset({
    "that", "had", "is", "do", "bye", "very", "so", "no", "ha", "la", "knock", "yeah", "really", "many", "far", "long",
    "hey", "now", "well", "there", "go", "blah", "bla", "ho", "tsk", "chop", "wow", "yes", "ok", "oh", "hip", "pew",
    "boo", "tut", "can", "dum", "ding", "hush", "wink", "nudge", "har", "etc", "chin", "tick", "tock", "bang", "boom",
    "beep", "honk", "woof", "meow", "purr", "oink", "tweet", "choo", "cha", "hubba", "ta", "much",
})
# A repeat that opens a sentence is word play (`Oink oink`, `Eye eye captain`) unless the word is one of these.
_SLIPS = frozenset({"the", "a", "an", "to", "of", "and", "or", "in", "on", "at", "for", "with", "from", "by", "as",
                    "is", "are", "was", "it", "that", "this", "be", "if", "we", "i", "you", "my", "our"})


def check(posts: list[Post], ctx: Context) -> Iterator[Diagnostic]:
    from blogcheck.select import check_wanted

    if not posts or not check_wanted("spelling", CODES, ctx.config.select, ctx.config.ignore):
        return
    posts = _english(posts, ctx)
    if not posts:
        return
    speller = speller_for(ctx)
    many = len(posts) >= _PREFILTER
    prefilter = many or any(len(post.text) > _BIG for post in posts)  # a big post: most of it needs no parse
    if many and speller.unknown_words:
        speller.usage.prepare()  # before the workers fork: they share it
    if parallel.will_spread(len(posts), _SPREAD):  # built once here, shared by the workers
        from blogcheck.spelling import attested, dictionary, misspellings

        for words in (dictionary, misspellings, attested):
            words.build()
    kramdown = ctx.site.kramdown  # the lines kramdown makes code are no prose on the page
    spread = parallel.map_items(lambda post: list(check_post(post, speller, prefilter, kramdown)), posts, _SPREAD)
    if spread is not None:
        for found in spread:
            yield from found
        return
    for post in posts:
        yield from check_post(post, speller, prefilter, kramdown)


def _english(posts: list[Post], ctx: Context) -> list[Post]:
    """The posts written in English; the others are counted in the run's notes."""
    from blogcheck.spelling.language import other_languages

    others = other_languages(posts, ctx.site.config)
    if others:
        languages = ", ".join(f"{name} {count}" for name, count in sorted(Counter(others.values()).items()))
        ctx.notes.append(f"{len(others)} post{'s' * (len(others) != 1)} not spell-checked: written in another "
                         f"language than English (`lang:` or `locale:` {languages})")
    return [post for post in posts if post.path not in others]


def speller_for(ctx: Context) -> Speller:
    """One Speller per run: settings, word lists and site usage are read once."""
    if "speller" not in ctx.cache:
        from blogcheck.config import ConfigError
        from blogcheck.select import check_wanted
        from blogcheck.spelling.usage import Usage
        from blogcheck.spelling.wordlist import project_words, tech_words

        settings = Settings.from_table(ctx.config.section("spelling"))
        if settings.problems():
            raise ConfigError(settings.problems()[0])
        named = "wordlist" in ctx.config.section("spelling")
        accepted = tech_words() | project_words(ctx.site.root / settings.wordlist, ctx.notes, named)
        accepted |= {w.lower() for w in settings.words}
        unknown = check_wanted("spelling", ["BC402"], ctx.config.select, ctx.config.ignore)
        repeats = check_wanted("spelling", ["BC403"], ctx.config.select, ctx.config.ignore)
        # Nothing that holds ctx goes into ctx.cache: that cycle kept every post of the run alive until the
        # garbage collector found it (0.15 s more over the corpus, measured)
        texts = ctx.texts if ctx.texts is not None else [p.text for p in ctx.site_posts]
        ctx.cache["speller"] = Speller(settings, accepted, Usage(texts), unknown, repeats)
    speller: Speller = ctx.cache["speller"]
    return speller


def check_post(post: Post, speller: Speller, prefilter: bool = False, kramdown: bool = True) -> Iterator[Diagnostic]:
    """`prefilter`: first look at every word of the file, code included, and parse the
    Markdown only when one could be a finding. Each word is judged once per run, so
    this pays on many posts; one post is parsed at once."""
    from blogcheck.spelling.wordlist import post_words

    extra = post_words(post.data)
    wanted = speller.candidates(post.text, extra) if prefilter else None
    if wanted is not None and not wanted:
        return  # no word of the whole file could be a finding: no need to parse it
    if wanted:  # read every prose use of a possible finding, in any case: `in_prose` below counts them
        wanted |= {form for word in wanted for form in (word.lower(), word.lower().capitalize(), word.upper())}
    heavy: dict[tuple[int, int], bool] = {}  # by place: a span object may not outlive its words
    foreign: dict[tuple[int, int], bool] = {}
    in_prose: Counter[str] = Counter()  # how often the prose has each word
    unknown: list[tuple[str, Diagnostic]] = []  # BC402, held back until the whole post is read
    for span, word in prose_words(post, speller.fine, wanted, kramdown):
        column = span.at(word.start)
        if word.repeated and _repeat_counts(word):
            yield _at(diagnostic("BC403", post.display, span.line, column, f"`{word.text}` twice in a row",
                                 "remove one of them", word=word.text, suggestions=[word.text]), word)
        # counted as `Occurrences` counts (`MLOps` is no `mlops`); a word after an escaped mark (`\*ptr`) no prose use
        if word.text in forms(word.text) and not word.marked:
            in_prose[word.text.lower()] += 1
        if not word.checkable:
            continue
        verdict = speller.verdict(word, extra)
        if verdict is not None and not verdict.variant and (verdict.code == "BC402" or speller.short_name(word)):
            key = (span.line, span.column)
            if key not in heavy:
                heavy[key] = name_heavy(span.text)
            verdict = None if heavy[key] else verdict
        if verdict is not None and verdict.code == "BC402" and not verdict.variant:
            key = (span.line, span.column)
            if key not in foreign:
                foreign[key] = speller.foreign(span.text)
            if not foreign[key]:  # a line of made-up words or another language: no slip of English
                unknown.append((word.text, _at(_finding(post, span, word, column, verdict, speller.settings), word)))
        elif verdict is not None:
            yield _at(_finding(post, span, word, column, verdict, speller.settings), word)
    occurrences = Occurrences(post.text)
    for text, diag in unknown:
        if occurrences(text) <= in_prose[text.lower()]:
            yield diag  # else the post also writes it in code, a URL or a tag: a name (`knitr`), not a slip


def prose_words(post: Post, fine: set[str] | frozenset[str] = frozenset(),
                wanted: set[str] | None = None, kramdown: bool = True) -> Iterator[tuple[Span, Word]]:
    """The words of the post's prose that need a look (see `tokens.words`), with
    sentence starts and the word before carried across a paragraph's line breaks.
    With `wanted` (see `Speller.candidates`), only spans that hold one are read."""
    block, tail, before = 0, "", ""
    for span in spans(post, wanted, kramdown):
        fresh = span.block != block
        start = fresh or tail.rstrip().endswith((".", "!", "?", ":"))
        previous = before if span.joined and not fresh else ""
        broken = span.joined and not fresh and broken_at_end(tail)
        if wanted is None or holds(span.text, wanted) or _starts_with(span.text, previous):
            for word in words(span.text, start, previous, fine, broken, span.escapes()):
                yield span, word
        block, tail, before = span.block, span.text, last_word(span.text)


def _starts_with(text: str, word: str) -> bool:
    """`text` goes on with `word` (a repeat across a line break)."""
    return bool(word) and text.lstrip()[: len(word)].lower() == word.lower()


def _repeat_counts(word: Word) -> bool:
    lower = word.text.lower()
    if lower in _REPEAT_OK or any(c.isdigit() for c in lower):
        return False
    return lower in _SLIPS or not word.previous[:1].isupper()


def _at(diag: Diagnostic, word: Word) -> Diagnostic:
    return dataclasses.replace(diag, end_line=diag.line, end_column=diag.column + len(word.text))


def _finding(post: Post, span: Span, word: Word, column: int, verdict: Verdict, settings: Settings) -> Diagnostic:
    best = verdict.suggestions[0] if verdict.suggestions else ""
    where = {"line": span.line, "column": column}
    extra: dict[str, object] = {"word": word.text, "suggestions": list(verdict.suggestions)}
    if verdict.code == "BC401":
        message = f"`{word.text}` is a misspelling of " + " or ".join(f"`{s}`" for s in verdict.suggestions)
        hint = f"write `{best}`" if len(verdict.suggestions) == 1 else "pick the word you meant"
        hint += f", unless `{word.text}` is a name (then: `blogcheck words --add {word.text}`)" if verdict.name else ""
        fix = written(best, span.context) if len(verdict.suggestions) == 1 else None
        shouted = word.text.isupper()  # `TEMPLEOS` is a name more often than `RECIEVE` a slip: reported, never fixed
        plain = span.exact and span.plain(word.start, word.start + len(word.text))  # no escape inside (`It\'s`)
        if fix is not None and plain and not verdict.name and not span.anchored and not shouted:
            extra["fix"] = [[span.line, column, word.text, fix]]
        elif shouted and fix is not None and not verdict.name:
            hint += " (by hand: a word in capitals may be a name)"
        elif fix is None and len(verdict.suggestions) == 1 and not verdict.name:
            hint += " (by hand: an unquoted HTML attribute value takes no space or quote; quote it first)"
        elif span.anchored and len(verdict.suggestions) == 1 and not verdict.name:
            hint += (" (by hand: the heading's #anchor, made from its words, changes with it, and links to it "
                     "break; add `{#...}` with the old anchor after the heading to keep them working)")
    elif verdict.variant:
        message = f"`{word.text}` is not the {settings.language} spelling"
        hint = f"write `{best}` (or set [spelling] language = \"en\" to accept both)"
    else:
        rare = verdict.rare and best
        message = f"`{word.text}` is a rare word, nearly always a slip of `{best}`" if rare else \
            f"unknown word `{word.text}`"
        add = f"`blogcheck words --add {word.text}` puts it on {settings.wordlist}"
        meant = f"`{best}` (`{word.previous} {word.text}` as one word)" if verdict.joins else f"`{best}`"
        hint = f"did you mean {meant}? If `{word.text}` is right, {add}" if best else f"if it is right, {add}"
    return diagnostic(verdict.code, post.display, where["line"], where["column"], message, hint, **extra)
