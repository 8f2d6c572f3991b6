"""The code table: every code blogcheck can raise, its name and default severity.

A code keeps its meaning forever. The first digit is the family:
BC1 front matter and Jekyll rules, BC2 links, BC3 images, BC4 spelling, BC9 publish.
"""

from __future__ import annotations

from dataclasses import dataclass

from blogcheck.diagnostic import Diagnostic, Severity


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    check: str
    severity: Severity
    summary: str


_E, _W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {
    c.code: c
    for c in [
        Code("BC100", "unreadable-file", "frontmatter", _E,
             "The file cannot be read as text in the site's encoding (UTF-8 by default)."),
        Code("BC101", "no-front-matter", "frontmatter", _E, "The post has no YAML front matter."),
        Code("BC102", "yaml-syntax", "frontmatter", _E, "The front matter is not valid YAML."),
        Code("BC103", "front-matter-not-mapping", "frontmatter", _E, "The front matter is not a key: value mapping."),
        Code("BC104", "yaml-too-complex", "frontmatter", _E, "YAML aliases expand too far or refer to themselves."),
        Code("BC105", "file-too-large", "frontmatter", _E, "The file is larger than `max_file_size`."),
        Code("BC106", "duplicate-key", "frontmatter", _W, "A front-matter key appears twice; the last one wins."),
        Code("BC107", "site-config-invalid", "frontmatter", _E, "The site's `_config.yml` cannot be read."),
        Code("BC108", "ruby-symbol", "frontmatter", _W,
             "A plain value starting with `:`, which Jekyll 4 reads as a symbol and refuses."),
        Code("BC110", "schema-violation", "frontmatter", _E, "A front-matter value breaks the post schema."),
        Code("BC111", "comma-separated-names", "frontmatter", _W, "A `tags:` or `categories:` string with commas."),
        Code("BC120", "invalid-date", "frontmatter", _E, "`date:` is not a date Jekyll can read."),
        Code("BC121", "date-filename-mismatch", "frontmatter", _W, "`date:` falls on another day than the file name."),
        Code("BC122", "bad-post-filename", "frontmatter", _E, "A `_posts` file name lacks the date Jekyll needs."),
        Code("BC123", "future-date", "frontmatter", _W, "A post dated in the future; Jekyll leaves it out until then."),
        Code("BC124", "post-not-read", "frontmatter", _E,
             "A post Jekyll never reads (its folder, `collections_dir`, `exclude:`)."),
        Code("BC125", "date-read-otherwise", "frontmatter", _W,
             "Jekyll reads a date otherwise than written, or blogcheck cannot tell how it reads it."),
        Code("BC126", "stray-post-file", "frontmatter", _W,
             "A dated file in `_posts/` that is no Markdown or HTML post; Jekyll publishes it as a post."),
        Code("BC127", "empty-slug", "frontmatter", _W,
             "The post's title for its URL is empty (`2024-03-07-.md`); Jekyll writes a hidden `.html` file."),
        Code("BC130", "unknown-layout", "frontmatter", _W, "`layout:` names no layout Jekyll has."),
        Code("BC131", "misspelt-key", "frontmatter", _W, "An unknown key is a near miss of a known one."),
        Code("BC140", "duplicate-url", "frontmatter", _E, "Two posts would publish to the same URL."),
        Code("BC141", "unknown-permalink-placeholder", "frontmatter", _E,
             "A permalink has a `:name` Jekyll does not know; the build stops."),
        # BC2xx links, BC3xx images: rows go here.
        Code("BC201", "broken-link", "links", _E, "A link's target is gone (404, 410, no such host, redirect loop)."),
        Code("BC202", "unverified-link", "links", _W, "A link could not be verified (429, bot wall, timeout, reset)."),
        Code("BC203", "broken-anchor", "links", _E, "A `#fragment` matches no heading of the post."),
        Code("BC204", "missing-local-file", "links", _E, "A link to a file of the site names no such file."),
        Code("BC205", "unknown-post-url", "links", _E, "`{% post_url %}` names no post; Jekyll stops the build."),
        Code("BC206", "video-unavailable", "links", _E, "A YouTube video or playlist is removed or does not exist."),
        Code("BC207", "video-restricted", "links", _W, "A YouTube video is private or cannot be embedded."),
        Code("BC208", "invalid-url", "links", _E, "A link is not a valid URL."),
        Code("BC209", "missing-remote-anchor", "links", _W, "A remote page has no element the `#fragment` names."),
        Code("BC210", "https-redirect", "links", _W, "An http:// link redirects to the same address over https."),
        Code("BC301", "broken-image", "links", _E, "An image URL is gone, refused, or serves a page, not an image."),
        Code("BC302", "private-image", "links", _E, "A GitHub attachment image is visible only to signed-in users."),
        Code("BC303", "missing-local-image", "links", _E, "An image file of the site does not exist."),
        Code("BC304", "unverified-image", "links", _W,
             "An image could not be verified (429, bot wall, timeout, reset)."),
        # BC4xx spelling: rows go here.
        Code("BC401", "known-misspelling", "spelling", _E, "A common misspelling with a known fix."),
        Code("BC402", "unknown-word", "spelling", _W, "A word found in no dictionary or word list."),
        Code("BC403", "repeated-word", "spelling", _W, "The same word twice in a row."),
        Code("BC501", "liquid-in-code", "liquid", _E, "Liquid written in code, which Jekyll renders anyway."),
        Code("BC502", "unknown-liquid-variable", "liquid", _E, "`{{ x }}` names a variable Jekyll does not have."),
        Code("BC503", "missing-include", "liquid", _E, "`{% include %}` names no file; Jekyll stops the build."),
        Code("BC504", "include-syntax", "liquid", _E, "An `{% include %}` Jekyll cannot read; the build stops."),
        Code("BC505", "liquid-syntax", "liquid", _E, "Liquid that Jekyll cannot parse; the build stops."),
        Code("BC506", "unknown-liquid-tag", "liquid", _E, "A tag no plugin of the site defines; the build stops."),
        Code("BC507", "liquid-render-error", "liquid", _E,
             "Liquid that Jekyll cannot render (a filter's arguments, an operator); the build stops."),
        Code("BC508", "liquid-drops-text", "liquid", _E,
             "Liquid that drops text from the page in silence (`{% break %}` outside a loop)."),
        Code("BC509", "liquid-strict", "liquid", _E,
             "A name or filter that `liquid: strict_variables`/`strict_filters` make a build error."),
        Code("BC510", "liquid-read-loosely", "liquid", _W,
             "Liquid that Jekyll warns about and reads loosely (`{{ page.title bar }}`, `{% if (a or b) %}`)."),
        Code("BC511", "liquid-trims-newline", "liquid", _E,
             "A `{%-`/`-%}` that removes a line break Markdown needs: blocks run together."),
        Code("BC601", "hidden-html-tag", "markup", _E, "A `<placeholder>` in the text, which the browser hides."),
        Code("BC602", "text-not-link", "markup", _W, "A link written so that Markdown shows it as text."),
        Code("BC603", "paragraph-table", "markup", _E, "A paragraph with a pipe that kramdown makes a table."),
        Code("BC604", "table-not-rendered", "markup", _E, "A table that kramdown shows as text (no blank line)."),
        Code("BC605", "list-numbering", "markup", _W, "A list the preview numbers from 2 or more, kramdown from 1."),
        Code("BC606", "spaced-emphasis", "markup", _W, "`**bold **` with a space before the closing `**`."),
        Code("BC607", "dashed-option", "markup", _W, "A `--option` in the text, which kramdown shows with an en dash."),
        Code("BC608", "paren-list", "markup", _W, "`1)` items on adjacent lines: kramdown makes them one paragraph."),
        Code("BC609", "unclosed-html", "markup", _E, "An HTML block kramdown never ends: the rest of the post is raw."),
        Code("BC610", "markdown-in-html", "markup", _E, "Markdown in an HTML block, which kramdown shows as typed."),
        Code("BC611", "bare-url", "markup", _W, "A bare URL, which kramdown shows as text, not as a link."),
        Code("BC612", "guillemets", "markup", _W, "`<<` or `>>` in the text, which kramdown shows as `«` or `»`."),
        Code("BC613", "fence-info-words", "markup", _E,
             "A code fence with words after its language, which kramdown takes for no fence."),
        Code("BC614", "indented-fence", "markup", _W,
             "A fence indented past its text: kramdown keeps those spaces on each line of the code."),
        Code("BC615", "unclosed-fence", "markup", _E,
             "A code fence never closed: kramdown shows the fence and the code as text."),
        Code("BC616", "indented-heading", "markup", _E,
             "A heading with spaces before its `#`, which kramdown shows as text."),
        Code("BC617", "heading-in-list", "markup", _W,
             "A heading, rule or code fence right under a list: kramdown makes it part of the last item."),
        Code("BC618", "underscore-run", "markup", _W,
             "A run of four or more `_` or `*` in the text (a blank to fill in), which kramdown reads as emphasis."),
        Code("BC619", "emoji-shortcode", "markup", _W,
             "An emoji shortcode (`:rocket:`) on a site without jemoji, which the page shows as typed."),
        Code("BC620", "fence-needs-gfm", "markup", _E,
             "A backtick code fence on a site whose kramdown input is not GFM: the page shows no code block."),
        Code("BC621", "code-swallows-line", "markup", _E,
             "A line right under indented code, which kramdown makes part of the code (the preview shows text)."),
        # BC9xx publish: rows go here.
        Code("BC901", "no-publish-date", "publish", _E, "An approved post has no date for its `_posts/` file name."),
        Code("BC902", "unsafe-publish-path", "publish", _E,
             "A post or a file it links would be written outside the site, or is hidden or a symlink out."),
        Code("BC903", "duplicate-publish-target", "publish", _E, "Two approved posts would publish to one file."),
        Code("BC904", "front-matter-not-editable", "publish", _E,
             "Pipeline-only keys cannot be removed without changing the rest of the front matter."),
    ]
}


def checks() -> list[str]:
    """Names of every check, in code order."""
    return sorted({c.check for c in CODES.values()})


def diagnostic(
    code: str, path: str, line: int, column: int, message: str, hint: str = "", **extra: object
) -> Diagnostic:
    """A Diagnostic with the check name and default severity from the table."""
    entry = CODES[code]
    return Diagnostic(code, entry.check, entry.severity, path, line, column, message, hint,
                      extra=tuple(extra.items()))
