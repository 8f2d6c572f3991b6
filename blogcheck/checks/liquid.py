"""BC501 liquid-in-code: Liquid written in code, which Jekyll renders anyway; BC502
unknown-liquid-variable: `{{ name }}` in the text, with no such variable in Jekyll;
BC505 liquid-syntax: Liquid that Jekyll cannot parse, which stops the build
(`blogcheck.jekyll.liquid_syntax`; in code, it takes the place of that code's BC501, and
the search goes on past it as if it were fixed);
BC506 unknown-liquid-tag: a tag in the text that no plugin of the site defines, when
its plugins are all known (`blogcheck.jekyll.plugins`); BC507 liquid-render-error and
BC508 liquid-drops-text: Liquid in the text that stops the build when Jekyll renders it,
or drops text (`blogcheck.jekyll.liquid_render`; in code, BC501 says it); BC509
liquid-strict: a name or a filter that the site's `liquid: strict_variables` or
`strict_filters` make a build error (`blogcheck.jekyll.liquid_strict`; in text and in
code that BC501 does not report); BC510 liquid-read-loosely: Liquid in the text that
Jekyll's default error mode warns about (its strict parser refuses it) and reads loosely
(`blogcheck.jekyll.liquid_strict_parse`; under `error_mode: strict` it is BC505); BC511
liquid-trims-newline: `{%-`/`-%}` in the text that take away a line break Markdown reads
(`blogcheck.jekyll.liquid_trim`).

Jekyll runs every post through Liquid before Markdown, code blocks and code spans
included. A dbt model's `{{ ref('orders') }}`, an Ansible `{{ item }}`, a GitHub
Actions `${{ secrets.TOKEN }}` or a Helm `{{ .Values.image }}` in a code sample is
published as nothing (Jekyll at most logs a "Liquid Warning"); a Jinja `{% if %}` or
`{% for %}` runs and can empty the whole block; a tag Liquid does not know
(`{% set %}`, `{% macro %}`) stops the build. Built with Jekyll 4.3: the seed blog's
dbt post loses every `{{ ref(...) }}` of its SQL.

Not reported: Liquid inside `{% raw %}` or `{% comment %}`, posts with
`render_with_liquid: false`, `{% include %}`/`{% include_relative %}` (a common way
to fill a code block from a file), and `{{ site.x }}`, `{{ page.x }}` and the like,
or a variable the post's text assigns (not its code, whose Liquid `--fix` wraps in
`{% raw %}` with the rest): those are most likely meant to be filled in. One
finding per code block, at its first such tag. In the text only an output tag whose
variable Jekyll does not give a post (nor the post assigns) is reported: other tags
there are the post's own Liquid."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll import liquid_render, liquid_scope, liquid_strict, liquid_strict_parse, liquid_trim, plugins
from blogcheck.jekyll.liquid_syntax import Error, first_error, lax_problem
from blogcheck.links import liquid
from blogcheck.links.liquid import Tag
from blogcheck.parse import kramdown_comments
from blogcheck.post import Post
from blogcheck.suppress import spans_silenced, suppressions

CODES = ["BC501", "BC502", "BC505", "BC506", "BC507", "BC508", "BC509", "BC510", "BC511"]
# Tags of widely used plugins: in code they are most likely meant to run.
_PLUGIN_TAGS = frozenset({"gist", "seo", "feed_meta", "github_edit_link", "avatar", "twitter", "tweet", "youtube",
                          "vimeo", "octicon", "bibliography", "cite", "reference", "jekyll_version", "asset",
                          "stylesheet", "javascript", "picture", "img", "responsive_image", "figure"})
# Tags that fill or mark a code block (jekyll-include-cache's `include_cached` too).
_MEANT = frozenset({"include", "include_relative", "include_cached", "highlight", "endhighlight"})
_JEKYLL_ROOTS = frozenset({"site", "page", "layout", "include", "content", "paginator", "jekyll",
                           "theme"})
# Jekyll's variables that a post does not have, and where they are.
_ELSEWHERE = {"content": " here (a layout has it, holding the page's HTML; here it is empty or another page's "
                         "HTML)",
              "paginator": " here (only the pages jekyll-paginate builds have it)",
              "include": " here (a file that `{% include %}` includes has it, with the tag's parameters)"}
_LITERALS = frozenset({"true", "false", "nil", "null", "empty", "blank"})  # `{{ true }}` prints `true`
_CONTENT = "the published page shows nothing, or another page's HTML, in its place"
_LOOSELY = ("Liquid's strict parser refuses it, so Jekyll reads it loosely (with a \"Liquid Warning\"): the "
            "published code shows what that reading makes of it, not this")
_INCLUDED_MAX = 1_000_000  # characters of an included file read for the variables it sets
_STOPS_MAX = 50  # code blocks with a Liquid syntax error, found in one post
_WORD = re.compile(r"\w+", re.ASCII)
_ROOT = re.compile(r"\s*([A-Za-z_][\w-]*)")
_LITERAL = re.compile(r"""(?:"[^"]*"|'[^']*'|-?\d[\d.]*)\s*(?:\|.*)?""", re.S)


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    """The findings; one whose fix edits several lines (a paragraph's code spans) is
    silenced by a mark on any of them, so that `--fix` edits no line the writer silenced."""
    marks: dict[int, frozenset[str]] | None = None  # read once there is a finding
    for found in _found(post, ctx):
        marks = suppressions(post.text) if marks is None else marks
        if not spans_silenced(found, marks):
            yield found


def _found(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    body = post.body
    if "{" not in body or post.data.get("render_with_liquid") is False:
        return
    every, live = liquid.rendered(body)
    strict = liquid_strict.settings(ctx.site.config)
    error = first_error(body, strict.syntax)
    starts = line_starts(body)
    comments = liquid.comment_blocks(body, every) if "comment" in body else []
    if not live and not comments:
        if error is not None:
            yield _stops(post, starts, error, in_code=False)
        return
    blocks = _in_code(post, live, ctx.site.converts_markdown(post.path), comments)
    scope = liquid_scope.scope(live, lambda tag: tag.start not in blocks, _included(post, ctx))
    assigned = scope.assigned
    own, defined = _site_tags(ctx)
    known = defined if defined is not None else plugins.CORE | _PLUGIN_TAGS | own
    roots = _roots(post, ctx)
    liquid_loops = liquid_scope.inside_loops(live)
    unset = scope.unset
    shows = ("the build stops: `_config.yml` sets `liquid: strict_variables`" if strict.variables
             else "the published page shows nothing in its place")
    grouped: dict[int, list[tuple[Tag, str]]] = {}
    unknown_tags: list[Tag] = []  # BC506, up to where Liquid stops
    opened = {comment.start for comment in comments}  # (no live tag starts there: a comment's inside is quiet)
    unseen = _comments(body) if "<!--" in body or "{::comment}" in body else []
    for tag in sorted(live + comments, key=lambda t: t.start):
        block = blocks.get(tag.start)
        if tag.start in opened:  # a Django sample's `{% comment %}`: Liquid drops its lines from the code
            if block is not None:
                grouped.setdefault(block, []).append((tag, "a Liquid comment, so the published code loses it and "
                                                           "every line up to its `{% endcomment %}`"))
            continue
        if block is None:  # in the text: only a variable Jekyll does not have is surely a slip
            seen = strict.variables or not liquid.inside(tag.start, unseen)  # a strict build stops in a comment too
            if tag.output and (root := _ROOT.match(tag.markup)) and liquid_loops.get(root[1]) is not None \
                    and tag.start not in liquid_loops[root[1]] and seen:
                yield _at(post, starts, tag, "BC502", f"`{short(body[tag.start:tag.end])}` is outside every "
                          f"`{{% {liquid_scope.LOOP_OF[root[1]]} %}}` loop, and only a loop has `{root[1]}`: "
                          f"{_filtered(shows, tag)}")
            elif tag.output and root and (why_not := unset.get(tag.start, {}).get(root[1])) and seen:
                yield _at(post, starts, tag, "BC502", f"`{short(body[tag.start:tag.end])}` is Liquid to Jekyll, and "
                          f"`{root[1]}` {why_not}: {_filtered(shows, tag)}")
            elif tag.output and root and root[1] not in liquid_scope.LOOP_OF and _unknown(root[1], assigned, roots) \
                    and seen and tag.start < scope.opaque:
                says = _CONTENT if root[1] == "content" else shows  # (a post's `content` is there, empty)
                yield _at(post, starts, tag, "BC502", f"`{short(body[tag.start:tag.end])}` is Liquid to Jekyll, and "
                          f"it has no variable `{root[1]}`{_ELSEWHERE.get(root[1], '')}: {_filtered(says, tag)}")
            elif tag.output and tag.markup.lstrip().startswith(".") and not liquid.inside(tag.start, unseen):
                yield _at(post, starts, tag, "BC502", f"`{short(body[tag.start:tag.end])}` is Liquid to Jekyll, which "
                          "reads no name starting with `.` (Go and Helm templates do): the published page shows "
                          "nothing in its place")
            elif not strict.syntax and (loose := _loose(body, tag)):
                yield _at(post, starts, tag, "BC510", f"`{short(body[tag.start:tag.end])}`: Liquid's strict parser "
                          f"refuses it ({short(loose, 120)}), so Jekyll reads it loosely, with a \"Liquid Warning\" in "
                          "its default error mode: the page may not show what it says",
                          hint="mend the Liquid as the message says; if it is meant as text, wrap it in {% raw %} ... "
                          "{% endraw %}")
            elif defined is not None and not tag.output and (name := _liquid_name(tag)) and name not in defined \
                    and not name.startswith("end"):
                unknown_tags.append(dataclasses.replace(tag, name=name))
        elif (why := _why(tag, assigned, known, shows, _names(ctx).filters, roots, _loose(body, tag),
                          unset.get(tag.start, {}))) is not None:
            grouped.setdefault(block, []).append((tag, _undefined_filter(tag, _names(ctx).filters) or why
                                                  if strict.filters else why))
    for problem in liquid_render.problems(live):
        if problem.tag.start not in blocks:
            yield _rendered(post, starts, problem)
    dashed = any("-" in body[tag.start + 2] + body[tag.end - 3] for tag in every)
    raws = [tag for tag in every if tag.name == "raw" and not tag.output]  # `{%- raw %}` trims too
    trimmed = sorted((tag for tag in live + comments + raws if tag.start not in blocks),
                     key=lambda tag: tag.start) if dashed else []  # (a comment block is one tag here)
    for trim in liquid_trim.problems(body, trimmed):
        yield _at(post, starts, trim.tag, "BC511", f"`{short(body[trim.tag.start:trim.tag.end])}`: {trim.message}",
                  hint="drop the `-` on that side of the tag (it only tidies HTML)")
    if strict:
        yield from _strict(post, ctx, starts, live, blocks, grouped, assigned, strict)
    # in order: the tags between two are counted by bisection; those inside a comment are none (it is one)
    inert = liquid.union([(c.start + 1, c.end) for c in comments])
    tag_starts = [tag.start for tag in every if not liquid.inside(tag.start, inert)]
    edits = {block: _raw_edits(post, starts, tag_starts, [t for t, _ in found]) for block, found in grouped.items()}
    stops, final = _code_errors(body, error, live, blocks, grouped, edits, strict.syntax)
    final_block = _block_of(final, live, blocks) if final is not None else None
    for tag in unknown_tags:
        if final is None or tag.start < final.offset:
            yield _unknown_tag(post, starts, tag)
    if final is not None and final_block not in grouped:
        yield _stops(post, starts, final, in_code=final_block is not None)
    for block, found in grouped.items():
        tag, why = found[0]
        if block in stops:  # the build stops in this code: say so, with the fix that gets past it
            yield _stops(post, starts, stops[block], in_code=True, fix=edits[block])
        elif final is not None and block == final_block:
            yield _stops(post, starts, final, in_code=True)  # `{% raw %}` around its tags would not get past it
        else:
            more = f" (and {len(found) - 1} more Liquid tag{'s' * (len(found) > 2)} in this code)" \
                if len(found) > 1 else ""
            yield _at(post, starts, tag, "BC501", f"`{short(body[tag.start:tag.end])}` in code is Liquid to "
                      f"Jekyll: {why}{more}", **({"fix": edits[block]} if edits[block] else {}))


def _code_errors(body: str, error: Error | None, live: list[Tag], blocks: dict[int, int],
                 grouped: dict[int, list[tuple[Tag, str]]], edits: dict[int, list[list[object]]],
                 strict: bool = False) -> tuple[dict[int, Error], Error | None]:
    """The code blocks Liquid stops in, each with its error, found one after another
    as if each were fixed (so one `--fix` mends them all), and the error that ends the
    search: one that `{% raw %}` around a block's tags does not get past, or one
    outside code (Liquid stops there, and what follows is not known)."""
    found: dict[int, Error] = {}
    text = body
    while error is not None and len(found) < _STOPS_MAX:
        block = _block_of(error, live, blocks)
        if block is None or block in found or not edits.get(block):
            return found, error
        group = [t for t, _ in grouped[block]]
        if not _fixes(text, group, error, strict):
            return found, error
        found[block] = error
        first, last = group[0].start, group[-1].end
        text = text[:first] + re.sub(r"[{}%]", " ", text[first:last]) + text[last:]  # as raw: no Liquid, same offsets
        error = first_error(text, strict)
    return found, error


def _unknown_tag(post: Post, starts: list[int], tag: Tag) -> Diagnostic:
    """BC506: no Liquid, Jekyll or plugin of this site defines the tag."""
    line, column = position(starts, tag.start, post.body_line)
    written = post.body[tag.start:tag.end]
    found = diagnostic("BC506", post.display, line, column,
                       f"`{short(written)}` stops the Jekyll build: Liquid syntax error: Unknown tag '{tag.name}' "
                       "(no plugin this site loads defines it)",
                       "add the plugin that defines it to `plugins:` in _config.yml (and the Gemfile); if it is meant "
                       "as text, wrap it in {% raw %} ... {% endraw %}")
    return dataclasses.replace(found, end_line=line, end_column=column + len(written.split("\n")[0]))


def _block_of(error: Error, live: list[Tag], blocks: dict[int, int]) -> int | None:
    """The code block the error's token is written in, if any."""
    holder = next((t for t in live if t.start <= error.offset < t.end), None)
    return None if holder is None else blocks.get(holder.start)


def _fixes(body: str, group: list[Tag], error: Error, strict: bool = False) -> bool:
    """`{% raw %}` around the group gets Liquid past the error (it could lie outside the
    group): the text parses, or its first error is outside the wrapped code (a block
    opened before it and never closed, an error after it)."""
    first, last = group[0], group[-1]
    fixed = body[:first.start] + "{% raw %}" + body[first.start:last.end] + "{% endraw %}" + body[last.end:]
    after = first_error(fixed, strict)
    return after is None or not first.start <= after.offset < last.end + len("{% raw %}{% endraw %}")


def _stops(post: Post, starts: list[int], error: Error, in_code: bool, **extra: object) -> Diagnostic:
    """BC505: Jekyll's build ends at this token."""
    line, column = position(starts, error.offset, post.body_line)
    where = "in code " if in_code else ""
    hint = ("wrap the code in {% raw %} ... {% endraw %} (`blogcheck check --fix` does), or set "
            "`render_with_liquid: false` in the front matter" if in_code else
            "if it is meant as text, wrap it in {% raw %} ... {% endraw %}; else mend the Liquid as the message says")
    found = diagnostic("BC505", post.display, line, column,
                       f"`{short(error.token)}` {where}stops the Jekyll build: Liquid syntax error: {error.message}",
                       hint, **extra)
    return dataclasses.replace(found, end_line=line, end_column=column + len(error.token.split("\n")[0]))


def _strict(post: Post, ctx: Context, starts: list[int], live: list[Tag], blocks: dict[int, int],
            grouped: dict[int, list[tuple[Tag, str]]], assigned: set[str],
            strict: liquid_strict.Strict) -> Iterator[Diagnostic]:
    """BC509: what `liquid: strict_variables` / `strict_filters` stop the build on; not
    for a tag in code that BC501 reports (its fix, `{% raw %}`, mends both)."""
    known = _names(ctx)
    reported = {tag.start for found in grouped.values() for tag, _ in found}
    for tag in live:
        if tag.start in reported:
            continue
        for problem in liquid_strict.problems(tag, post, known, strict, assigned, tag.start not in blocks):
            yield _at(post, starts, tag, "BC509", f"`{short(post.body[tag.start:tag.end])}`: {problem.message}",
                      hint=problem.hint)


def _rendered(post: Post, starts: list[int], problem: liquid_render.Problem) -> Diagnostic:
    """BC507 (the build stops when Jekyll renders the tag) or BC508 (text is dropped)."""
    written = short(post.body[problem.tag.start:problem.tag.end])
    if problem.code == "BC507":
        message = f"`{written}` stops the Jekyll build when it renders the post: {problem.message}"
        hint = ("mend it as the message says; if it is meant as text, wrap it in {% raw %} ... {% endraw %}")
    else:
        message = f"`{written}`: {problem.message}"
        hint = ("put it inside the loop it belongs to, or remove it" if problem.tag.name in ("break", "continue")
                else "make it an `{% elsif %}` before the `{% else %}`, or remove it")
    return _at(post, starts, problem.tag, problem.code, message, hint=hint)


def _at(post: Post, starts: list[int], tag: Tag, code: str, message: str, **extra: object) -> Diagnostic:
    line, column = position(starts, tag.start, post.body_line)
    first_line = post.body[tag.start:tag.end].split("\n")[0]
    hint = str(extra.pop("hint", "wrap it in {% raw %} ... {% endraw %}, or set `render_with_liquid: false` in the "
                                 "front matter"))
    found = diagnostic(code, post.display, line, column, message, hint, **extra)
    return dataclasses.replace(found, end_line=line, end_column=column + len(first_line))


def _raw_edits(post: Post, starts: list[int], tag_starts: list[int], group: list[Tag]) -> list[list[object]]:
    """`check --fix`: `{% raw %}` before the block's first reported tag and `{% endraw %}`
    after its last, inside the code (Liquid runs before Markdown, so the tags vanish and
    the code reads as written). None when another tag lies between them: a meant one
    (`{{ site.url }}`, `{% include %}`) would stop running, and a `{% raw %}` or
    `{% comment %}` already there would end the new one early or show up as text."""
    first, last = group[0], group[-1]
    between = bisect.bisect_left(tag_starts, last.end) - bisect.bisect_left(tag_starts, first.start)
    if between != len(group):  # (a scan of every tag per block was quadratic on a post of many)
        return []
    line, column = position(starts, first.start, post.body_line)
    end_line, end_column = position(starts, last.end - 2, post.body_line)
    opener, closer = post.body[first.start:first.start + 2], post.body[last.end - 2:last.end]
    return [[line, column, opener, "{% raw %}" + opener], [end_line, end_column, closer, closer + "{% endraw %}"]]


def _comments(body: str) -> list[tuple[int, int]]:
    """The HTML comments (`<!-- TODO {{ x }} -->`, one never closed to the end) and kramdown
    ones (`{::comment}`, written into an HTML comment) of `body`: what renders there is never
    seen. Found once a post (looked for once a tag, a post of many tags took quadratic time)."""
    found: list[tuple[int, int]] = []
    at = body.find("<!--")
    while at >= 0:
        end = body.find("-->", at + 4)
        stop = end + 3 if end >= 0 else len(body)
        found.append((at, stop))
        at = body.find("<!--", stop)
    return liquid.union(found + kramdown_comments.regions(body))


def _filtered(shows: str, tag: Tag) -> str:
    """What the page shows for an output of no value: its filters may make one of it
    (`{{ forloop.index | plus: 1 }}` shows `1`, `| default: "x"` shows `x`)."""
    if shows.startswith("the published page shows nothing") and liquid_strict.filter_names(tag.markup):
        return "the published page shows only what its filters make of no value (`| default:` its default)"
    return shows


def _loose(body: str, tag: Tag) -> str:
    """What Liquid's strict parser says about a tag in the text that its lax parser
    reads ("" when the strict one takes it; the lax one's refusal is BC505's)."""
    if not tag.output:
        return "" if lax_problem(tag.name, tag.markup) else liquid_strict_parse.problem(tag.name, tag.markup)
    inner = body[tag.start + 2:tag.end - 2]  # as written: Liquid quotes it so
    return liquid_strict_parse.problem("", inner.removeprefix("-").removesuffix("-"))


def _unknown(root: str, assigned: set[str], roots: frozenset[str] = _JEKYLL_ROOTS) -> bool:
    return root not in roots and root not in assigned and root not in _LITERALS


def _included(post: Post, ctx: Context) -> Callable[[Tag], set[str] | None]:
    """The variables the file an `{% include %}` of the post names sets (None: not known:
    a name Liquid builds, a file not there or not read, one that includes more)."""
    from blogcheck.checks.includes import included_file  # (it imports this module)
    from blogcheck.jekyll.encoding import read_text

    known: dict[Path, set[str] | None] = ctx.cache.setdefault("liquid.included", {})

    def sets(tag: Tag) -> set[str] | None:
        path = included_file(tag.name, tag.markup, post, ctx)
        if path is None:
            return None
        if path not in known:
            try:
                inner = liquid.rendered(read_text(path, _INCLUDED_MAX, ctx.site.encoding))[1]  # as Jekyll reads it
            except (OSError, ValueError):
                inner = None
            nested = inner is None or any(t.name in ("include", "include_relative") for t in inner if not t.output)
            known[path] = None if nested else {var for t in inner or [] for var in liquid_scope.sets(t)}
        return known[path]

    return sets


def _roots(post: Post, ctx: Context) -> frozenset[str]:
    """The variables Jekyll gives this file: no `content` or `include` of its own (a
    layout and an included file have them), a post no `paginator` either (the pages
    jekyll-paginate builds have it), and `theme` only with a gem theme."""
    roots = (_JEKYLL_ROOTS if ctx.site.has_theme else _JEKYLL_ROOTS - {"theme"}) - {"content", "include"}
    return roots - {"paginator"} if post.kind in ("posts", "drafts") else roots


def _why(tag: Tag, assigned: set[str], known: frozenset[str],
         shows: str = "the published page shows nothing in its place",
         filters: frozenset[str] | None = None, roots: frozenset[str] = _JEKYLL_ROOTS, loose: str = "",
         unset: dict[str, str] | None = None) -> str | None:
    """What Jekyll does with a live tag written in code, or None when that is most likely
    meant. `filters`: those the site defines (None: any may be); `roots`: its variables;
    `loose`: what Liquid's strict parser says of it (`_loose`)."""
    if tag.output:
        root = _ROOT.match(tag.markup)
        if root is not None and unset and root[1] in unset:  # the text assigns it further down
            return f"`{root[1]}` {unset[root[1]]}: {shows}"
        if root is not None and not _unknown(root[1], assigned, roots):
            return _LOOSELY if loose else None
        if _LITERAL.fullmatch(tag.markup) and _meant_value(tag.markup, filters):
            return None  # `{{ "/about/" | relative_url }}`: a value, filled in on purpose
        if root is None and not tag.markup.startswith("."):  # `{{ "a": 1 }}`: Liquid prints what it can read
            return "the published page shows Liquid's output in its place, not this"
        return shows if root is not None else "the published page shows nothing in its place"  # `ref(...)`, `.Values`
    name = _liquid_name(tag)
    if name in _MEANT:
        return None
    if loose and name in ("if", "elsif", "unless", "for", "assign"):  # `{% if page.x | upcase %}`
        return _LOOSELY
    if name in known or (name.startswith("end") and name[3:] in known):  # `endif` closes an `if`
        return f"it runs as a Liquid `{name}` tag: the published code shows its output, not this text"
    return f"`{name}` is no Liquid tag, so the Jekyll build stops (`Unknown tag '{name}'`)"


def _undefined_filter(tag: Tag, filters: frozenset[str] | None) -> str:
    """Under `liquid: strict_filters`, why an output in code that BC501 reports stops the
    build, when it applies a filter no one defines ("" otherwise; BC509 says it of a
    tag meant to run)."""
    if not tag.output or filters is None:
        return ""
    unknown = [name for name in liquid_strict.filter_names(tag.markup) if name not in filters]
    return (f"no filter `{unknown[0]}` is defined, and `_config.yml` sets `liquid: strict_filters`: the build "
            "stops") if unknown else ""


def _meant_value(markup: str, filters: frozenset[str] | None) -> bool:
    """A literal Liquid reads whole, through filters the site has: not a Go template's
    `{{ "hello" | printf "%s" }}` (Liquid reads `hello`) nor a Jinja `{{ 'a' | upper }}`
    (no such filter: Liquid prints `a`)."""
    if liquid_strict_parse.problem("", markup):
        return False
    return filters is None or all(name in filters for name in liquid_strict.filter_names(markup))


def _names(ctx: Context) -> liquid_strict.Names:
    """What the site defines, for the strict settings and the filters; read once per run."""
    if "liquid.strict_names" not in ctx.cache:
        ctx.cache["liquid.strict_names"] = liquid_strict.names(ctx.site)
    known: liquid_strict.Names = ctx.cache["liquid.strict_names"]
    return known


def _liquid_name(tag: Tag) -> str:
    """The tag's name as Liquid reads it: the word characters it starts with (`{%3bbc85-57 %}`
    is the tag `3bbc85`, not `3bbc85-57`); "" for none (Liquid then stops on the token)."""
    found = _WORD.match(tag.name)
    return found[0] if found else ""


def _in_code(post: Post, live: list[Tag], markdown: bool = True, comments: list[Tag] | None = None) -> dict[int, int]:
    """Tag offset -> a key of the code block (fence, indented block, paragraph with code
    spans, or `{% highlight %}` block) it is written in; in a post Jekyll does not
    convert from Markdown (`.html`), only `{% highlight %}` blocks are code. `comments`
    (comment blocks, as one tag each) count in fences, indented blocks and highlights."""
    from blogcheck.links import extract

    found: dict[int, int] = {}
    opened = None  # a {% highlight %} block: code, though Liquid runs in it
    comments = comments or []
    for tag in sorted(live + comments, key=lambda t: t.start) if comments else live:
        if tag.name == "highlight" and not tag.output:
            opened = tag.end
        elif tag.name == "endhighlight" and not tag.output:
            opened = None
        elif opened is not None:
            found[tag.start] = -opened  # negative: no token index is
    rest = [t.start for t in live if t.start not in found]
    loose = [t.start for t in comments if t.start not in found]
    body = post.body
    if markdown and (rest or loose) and ("`" in body or "~~~" in body or "\n    " in body or "\n\t" in body):
        parsed = extract.parse(post)  # code needs Markdown: parsed only then
        found.update(extract.code_blocks(parsed, rest))
        found.update(extract.fenced(parsed, loose))
    return found


def _site_tags(ctx: Context) -> tuple[frozenset[str], frozenset[str] | None]:
    """(the tags the site's own plugins register, every tag its build defines or None
    when that cannot be known), read once per run."""
    if "liquid.site_tags" not in ctx.cache:
        from blogcheck.jekyll import plugins

        ctx.cache["liquid.site_tags"] = (plugins.site_tags(ctx.site.root)[0], plugins.known_tags(ctx.site))
    tags: tuple[frozenset[str], frozenset[str] | None] = ctx.cache["liquid.site_tags"]
    return tags


def line_starts(text: str) -> list[int]:
    starts, at = [0], text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def position(starts: list[int], offset: int, first_line: int) -> tuple[int, int]:
    row = bisect.bisect_right(starts, offset) - 1
    return first_line + row, offset - starts[row] + 1


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
