"""The codes `check --fix` can fix, each with what its fix does: the one list the `--fix`
help is made of (a test checks it against the fixes the checks really make)."""

from __future__ import annotations

FIXES: dict[str, str] = {
    "BC108": "a front-matter value that starts with : quoted",
    "BC210": "http:// made https:// where the server redirects there",
    "BC401": "known misspellings with exactly one fix, in the text and the title, description and excerpt",
    "BC501": "Liquid in code wrapped in {% raw %}",
    "BC505": "Liquid in code wrapped in {% raw %}",
    "BC601": "hidden <tags> escaped",
    "BC602": "links written as text made links",
    "BC603": "pipes that make tables escaped",
    "BC604": "blank lines around tables",
    "BC605": "steps indented so that a list goes on",
    "BC606": "the space inside a spaced ** or __ taken out",
    "BC607": "an option's -- escaped",
    "BC608": "1) items numbered 1.",
    "BC609": "the end tag of a markdown=\"1\" block put on a line of its own",
    "BC610": "markdown=\"1\" in an HTML block's tag",
    "BC611": "a bare URL written <URL>",
    "BC612": "<< and >> in the text escaped",
    "BC613": "the words after a fence's language taken out",
    "BC614": "an indented fence moved back with its code",
    "BC615": "a fence never closed closed at the post's end",
    "BC616": "the spaces before a heading's # taken out",
    "BC617": "a blank line put above a heading, rule or fence right under a list",
    "BC618": "each mark of a ____ blank escaped",
    "BC619": "an emoji shortcode written as the emoji",
    "BC620": "a backtick fence written with ~~~ on a site whose kramdown input is not GFM",
    "BC621": "a blank line put between indented code and the line right under it",
}


def fix_help() -> str:
    """`--fix`'s help: what each fix does, the codes that share a fix named together."""
    codes: dict[str, list[str]] = {}
    for code, what in FIXES.items():
        codes.setdefault(what, []).append(code)
    listed = ", ".join(f"{what} ({', '.join(names)})" for what, names in codes.items())
    return f"apply the safe fixes in place: {listed}".replace("%", "%%")  # argparse formats the help with %
