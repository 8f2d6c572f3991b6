"""`{% link _posts/2024-3-6-x.md %}` in a published post. publish writes a post under
its zero-padded name (`_posts/2024-03-06-x.md`, names.py), so a tag that names the
source's file names none in the target, and Jekyll stops the build there ("Could not
find document"). The published copy names the file as the target has it; the source
post is not changed. A name with Liquid in it, or one of no file of the source (the
links check reports that), is left as written."""

from __future__ import annotations

from blogcheck.jekyll import dates, folders
from blogcheck.jekyll.site import Site
from blogcheck.publish.names import dated_name


def padded_links(text: str, site: Site) -> str:
    """`text` (a whole post) with each `{% link %}` of an unpadded post name padded."""
    from blogcheck.links import liquid
    from blogcheck.parse.split import split

    if "link" not in text:
        return text
    parts = split(text)
    body = len(text) - len(parts.body) if parts.yaml is not None else 0  # Liquid runs in the body only
    pieces, last = [], 0
    for tag in liquid.rendered(text)[1]:
        if tag.output or tag.name != "link" or tag.start < body:
            continue
        path = tag.markup.strip()
        new = _padded(path, site) if path and not any(c in path for c in "{} \t\n") else None
        if new is None:
            continue
        at = text.index(path, tag.start, tag.end)
        pieces += [text[last:at], new]
        last = at + len(path)
    return "".join(pieces) + text[last:] if pieces else text


def _padded(path: str, site: Site) -> str | None:
    folder, _, name = path.rpartition("/")
    match = dates.POST_NAME.match(name)
    if match is None or folders.split(path) is None or not (site.root / path).is_file():
        return None
    day = dates.filename_date(name)
    padded = dated_name(day, match[2], match[3]) if day is not None else name
    return f"{folder}/{padded}" if padded != name else None
