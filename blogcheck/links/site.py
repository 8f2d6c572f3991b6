"""What the links check knows about one site for a run: its published URLs,
its posts by name, and the ids of any post a link points into (parsed once)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from blogcheck import regexes
from blogcheck.checks import Context
from blogcheck.jekyll import built
from blogcheck.jekyll.markup_syntax import no_markdown
from blogcheck.links import anchors, extract, judge, liquid
from blogcheck.links.front import front_links
from blogcheck.links.liquid import Resolver, unresolved
from blogcheck.links.local import SiteIndex
from blogcheck.links.media import PREVIEW, media
from blogcheck.links.model import Kind, Link
from blogcheck.links.posturl import PostFinder
from blogcheck.post import Post

Outcome = judge.Problem | judge.Remote | None
_EXCLUDE = "the `exclude` pattern"
_LINK_TAG = re.compile(r"\{%-?\s*(?:post_url|link)\s")


class LinkSite:
    def __init__(self, ctx: Context, posts: list[Post], exclude: tuple[str, ...] = ()) -> None:
        every = {p.path: p for p in [*ctx.site_posts, *posts]}
        self.ctx = ctx
        self.index = SiteIndex.build(ctx.site, list(every.values()), self._built_url, self._unbuilt)
        self.finder = PostFinder(list(every.values()), self._url_of, ctx.site.timezone, self._left_out)
        self.dialect = anchors.Dialect(ctx.site.config)
        self.site_url = str(ctx.site.config.get("url") or "").rstrip("/")
        self._exclude = [regexes.compile(p) for p in exclude]
        self._ids: dict[str, set[str]] = {}
        self._text: dict[str, dict[str, str]] = {}  # post -> ids of headings kramdown shows as text
        self._layout_ids = anchors.layout_ids(ctx.site.root, ctx.site.config)
        self._pages: dict[str, set[str] | None] = {}  # a page's source file -> its ids (None: unknown)
        self._guesses = [judge.GUESSES]  # the run's budget of ids compared for "did you mean" (judge.AnchorLookup)

    def _left_out(self, post: Post) -> str:
        """Why a build of the site has no such post ("" when it has)."""
        if post.unread:
            return f"Jekyll never reads it (BC124): {post.unread}"
        site = self.ctx.site
        return built.left_out(post.data, PurePosixPath(post.rel).name, site.config, site.timezone)

    def _unbuilt(self, post: Post) -> tuple[str, str] | None:
        """The URL of a post Jekyll reads but does not build (`published: false`), or
        does not read (BC124), and why; None for the others."""
        from blogcheck.checks.urls import unbuilt_url

        why = self._left_out(post)
        url = unbuilt_url(post, self.ctx) if why and post.kind == "posts" else None
        return (url, why) if url is not None else None

    def _built_url(self, post: Post) -> str | None:
        """The URL of a post a build of the site has now: none for one dated ahead."""
        return None if self._left_out(post) else self._url_of(post)

    def _url_of(self, post: Post) -> str | None:
        from blogcheck.checks.urls import url_of

        return url_of(post, self.ctx)

    def resolver(self, post: Post) -> Resolver:
        page = {**post.data, "url": self._page_url(post)} if "url" not in post.data else post.data
        return Resolver(self.ctx.site.config, page, self.finder.url, self._link_url)

    def outcomes(self, post: Post) -> Iterator[tuple[Link, Outcome]]:
        """Each link of `post` with what it is (a Problem, a Remote URL, or None)."""
        parsed = extract.parse(post)
        resolver = self.resolver(post)
        resolve = resolver.resolve
        lookup = judge.AnchorLookup(lambda: self._own_ids(post, parsed), self._ids_at, self._guesses,
                                    lambda target: self._text_ids(post, parsed, target))
        base = self._base(post)
        folder = str(PurePosixPath(post.rel).parent)
        for ref in extract.tag_refs(parsed):
            link = Link(ref.raw, ref.raw, Kind.LINK, ref.line, ref.column)
            yield link, self._tag_problem(ref)
        chirpy = media(post.data, self.ctx.site.config)
        front = list(front_links(post, resolve, PREVIEW if chirpy.active else ()))
        kept_as_written = no_markdown(post.body) if self.ctx.site.kramdown else []  # math, nomarkdown
        for written in [*front, *extract.links(parsed, resolve, self._raw_lines(post), self.ctx.site.kramdown)]:
            link = chirpy.place(written)
            if unresolved(link.url):
                continue
            if "\\" in link.raw and self.ctx.site.kramdown and _BROWSED.match(link.raw):
                yield link, _backslash(link.raw)
                continue
            unfragmented = link.url.partition("#")[0]  # (the docs: never its #fragment)
            if any(regexes.search(p, unfragmented, _EXCLUDE) for p in self._exclude):
                excluded = judge.classify(link, self.index, self.site_url, base, lookup, folder)
                if isinstance(excluded, judge.Remote):  # skipped, and counted, by the remote checker
                    yield link, excluded
                continue
            if kept_as_written and written not in front and \
                    liquid.inside(parsed.offset(written.line, written.column), kept_as_written):
                continue  # `$$[a](b)$$`: text of the math, no link on the page
            outcome = judge.classify(link, self.index, self.site_url, base, lookup, folder)
            if isinstance(outcome, judge.Problem) and self.index.baseurl and _LINK_TAG.search(link.raw):
                # the URL Jekyll 3 writes (no baseurl) may be the one that works: either version passes
                jekyll3 = dataclasses.replace(resolver, tags_under_base=False).resolve(link.raw)
                other = judge.classify(dataclasses.replace(link, url=html.unescape(jekyll3)), self.index,
                                       self.site_url, base, lookup, folder)
                if other is None:
                    outcome = None
                elif isinstance(other, judge.Problem) and other.code == "BC203" and outcome.code != "BC203":
                    outcome = other  # the page is there in Jekyll 3's reading: its #fragment is what is wrong
            if outcome is None and link is written and written not in front:  # themes put baseurl before theirs
                outcome = judge.outside_base(link, self.index)
            if link is not written and isinstance(outcome, judge.Problem) and (why := chirpy.why(written)):
                outcome = dataclasses.replace(outcome, hint=f"{why}; {outcome.hint}")
            yield link, outcome

    def _tag_problem(self, ref: extract.TagRef) -> judge.Problem | None:
        if ref.name == "post_url":
            if self.finder.find(ref.argument) is not None:
                return None
            left_out, near = self.finder.left_out(ref.argument), self.finder.nearest(ref.argument)
            hint = f"did you mean `{near}`?" if near else "use the post's file name without extension"
            if left_out is not None:
                hint = f"`{left_out[0].rel}` is that post, but {left_out[1]}"
            return judge.Problem("BC205", f"`{_one_line(ref.raw)}` names no post; Jekyll stops the build when it "
                                 "renders the tag", hint)
        if unresolved(ref.argument) or self._link_url(ref.argument) is not None:
            return None
        bare = ref.argument.strip().strip("'\"").lstrip("/")
        hint = (f"the site has no file `{bare}`: check its folder, name and extension (the path is from the site "
                "root, as `_posts/2024-01-01-name.md` or `about.md`)")
        below = self.index.document(bare)
        if bare in self.index.unbuilt:  # a post dated ahead, a page with `published: false`
            hint = f"`{bare}` is there, but {self.index.unbuilt[bare]}"
        elif bare in self.index.by_link:  # written `'about.md'` or `/about.md`
            hint = (f"Jekyll looks for the path exactly as written, quotes included, and a page or post has no "
                    f"leading slash: `{{% {ref.name} {bare} %}}`")
        elif below in self.index.by_link:
            hint = f"Jekyll names a document by its path below `collections_dir`: `{{% {ref.name} {below} %}}`"
        return judge.Problem("BC204", f"`{_one_line(ref.raw)}` names no file of the site; Jekyll stops the build "
                             "when it renders the tag", hint)

    def _raw_lines(self, post: Post) -> set[int]:
        """The body lines kramdown keeps as raw HTML (BC610's blocks), where Markdown links
        are text on the page."""
        from blogcheck.jekyll.kramdown_blocks import may_keep_raw, raw_lines, view
        from blogcheck.parse.markdown import blocks

        site = self.ctx.site
        if not site.kramdown or not site.converts_markdown(post.path) or \
                not may_keep_raw(post.body, site.raw_html_blocks):
            return set()
        seen = view(post.body)
        return raw_lines(seen.text, blocks(seen.rendered)[0])

    def _link_url(self, path: str) -> str | None:
        """The URL of the file `{% link path %}` names, as Jekyll finds it: the path exactly
        (quotes are part of it), with a leading slash for a static file only."""
        return self.index.by_link.get(path.strip())

    def _page_ids(self, target: str) -> set[str] | None:
        """The ids of the page or file at `target`, when known without a build (page_ids)."""
        from blogcheck.links.page_ids import page_ids

        rel = self.index.source_at(target)
        if rel is None:
            return None
        if rel not in self._pages:
            self._pages[rel] = page_ids(self.ctx.site, rel, self._markdown_ids, self.ctx.config.max_file_size)
        return self._pages[rel]

    def _markdown_ids(self, page: Post) -> set[str]:
        return anchors.ids(extract.parse(page), self.dialect, self.resolver(page).resolve) | self._layout_ids

    def _own_ids(self, post: Post, parsed: extract.Parsed) -> set[str]:
        if str(post.path) not in self._ids:
            own = anchors.ids(parsed, self.dialect, self.resolver(post).resolve)
            self._ids[str(post.path)] = own | self._layout_ids
        return self._ids[str(post.path)]

    def _text_ids(self, post: Post, parsed: extract.Parsed, target: str | None) -> dict[str, str]:
        """The ids that headings kramdown shows as text would have in `post` (`target`
        None) or in the post at `target`: BC203 says why a link to one fails."""
        read: extract.Parsed | None = parsed
        if target is not None:
            other = self.index.post_at(target)
            if other is None:
                return {}
            post, read = other, None
        key = str(post.path)  # once a post: a post of 3,000 broken fragments read its headings 3,000 times
        if key not in self._text:
            self._text[key] = anchors.text_ids(read or extract.parse(post), self.dialect, self.resolver(post).resolve)
        return self._text[key]

    def _ids_at(self, target: str) -> set[str] | None:
        post = self.index.post_at(target)
        if post is None:
            return self._page_ids(target)
        cached = self._ids.get(str(post.path))
        return cached if cached is not None else self._own_ids(post, extract.parse(post))

    def _base(self, post: Post) -> str | None:
        """The post's URL as served (under `baseurl`): relative links resolve against it."""
        url = self._page_url(post)
        return self.index.baseurl + url if url is not None else None

    def _page_url(self, post: Post) -> str | None:
        url = self._url_of(post)
        if url is not None or post.kind == "posts":
            return url
        if post.kind == "drafts":  # `jekyll serve --drafts` dates a draft today
            from blogcheck.jekyll.url import post_url

            name = PurePosixPath(post.rel)
            return post_url(post.data, name.stem, dt.datetime.now(), post.path_categories, self.ctx.site.config,
                            name.suffix, file=post.doc or post.rel)
        permalink = post.data.get("permalink")
        return permalink if isinstance(permalink, str) else "/" + str(PurePosixPath(post.rel).with_suffix(".html"))


def _one_line(tag: str) -> str:
    """A tag as a message shows it: a line break in it (a wrapped paragraph's) as a space."""
    return " ".join(tag.split()) if "\n" in tag else tag


_BROWSED = re.compile(r"(?:https?:)?//|[^:]*(?:[/?#]|$)", re.IGNORECASE)  # a web URL or a path, not `mailto:`


def _backslash(raw: str) -> judge.Problem:
    """A backslash in a link's URL (`Big\\_O\\_notation`, as converters write it): kramdown
    keeps it in the page's link (CommonMark drops an escape's), and browsers read a
    backslash in a web address as `/`: readers get another page."""
    shown, fixed = judge.short(raw), judge.short(raw.replace(chr(92), ""))
    if "{{" in raw:  # `relative_url` writes it `%5C`: the path has a backslash no file has
        return judge.Problem("BC208", f"`{shown}` holds a backslash, which the link keeps (`%5C`): no page or file "
                             "has it in its path", f"remove the backslash: `{fixed}`")
    path = re.match(r"[^?#]*", raw)
    read = raw.replace(chr(92), "/") if path is None else path[0].replace(chr(92), "/") + raw[path.end():]
    return judge.Problem("BC208", f"`{shown}` holds a backslash, which kramdown keeps in the link and browsers read "
                         f"as `/` in its path: readers get `{judge.short(read)}`", f"remove the backslash: `{fixed}`")
