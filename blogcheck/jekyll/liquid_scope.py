"""Which variables a post's own Liquid gives a value, and where (for BC502 and BC501).

Liquid runs a post's tags in order, code included: a variable has a value from its
`{% assign %}`, `{% capture %}`, `{% increment %}` (or a line of a `{% liquid %}` tag)
on, a loop's variable and `forloop` inside the loop only (not in its `{% else %}`), and
an `{% include %}` shares its variables with the post from where it stands. Only tags
of the text give values here: one in code is reported, and `--fix` wraps it in
`{% raw %}`, so it will give none."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from blogcheck.links.liquid import Tag

LOOPS = {"for": "forloop", "tablerow": "tablerowloop"}  # the variable each loop gives the tags inside it
LOOP_OF = {variable: loop for loop, variable in LOOPS.items()}
_SETS = re.compile(r"^(?:assign|capture|increment|decrement)\s+([\w-]+)|^(?:for|tablerow)\s+([\w-]+)\s+in\b")
_ROOT = re.compile(r"\s*([A-Za-z_][\w-]*)")  # the variable an output starts with
_BLOCKS = ("for", "tablerow", "if", "unless", "case", "capture")
_INCLUDES = ("include", "include_relative")


@dataclass
class Scope:
    assigned: set[str]  # every variable the post's text gives a value, anywhere
    unset: dict[int, dict[str, str]]  # an output's offset -> its variable, when it has no value there, and why
    opaque: int  # from this offset on an include may have set anything (a file not read)


def sets(tag: Tag) -> list[str]:
    """The variables a tag gives a value (a loop's: its variable)."""
    if tag.output:
        return []
    lines = tag.markup.splitlines() if tag.name == "liquid" else [f"{tag.name} {tag.markup}"]
    return [name for line in lines if (match := _SETS.match(line.strip())) for name in match.groups() if name]


def scope(live: list[Tag], in_text: Callable[[Tag], bool],
          included: Callable[[Tag], set[str] | None] = lambda tag: set()) -> Scope:
    """`included(tag)`: the variables the file an include tag names sets (None: unknown)."""
    text = [tag for tag in live if in_text(tag)]
    assigned: set[str] = set()
    opaque = -1
    for tag in text:
        assigned.update(sets(tag))
        if tag.name in LOOPS and not tag.output:
            assigned.add(LOOPS[tag.name])
        if tag.name in _INCLUDES and not tag.output:
            names = included(tag)
            if names is None and opaque < 0:
                opaque = tag.start
            assigned.update(names or ())
    return Scope(assigned, _unset(live, in_text, assigned, included), opaque if opaque >= 0 else 1 << 62)


def _unset(live: list[Tag], in_text: Callable[[Tag], bool], assigned: set[str],
           included: Callable[[Tag], set[str] | None]) -> dict[int, dict[str, str]]:
    found: dict[int, dict[str, str]] = {}
    names = assigned - LOOP_OF.keys()
    if not names:
        return found
    defined: set[str] = set()
    ended: set[str] = set()
    frames: list[tuple[str, str]] = []  # open blocks of the text: (name, the loop's variable or "")
    opened: Counter[str] = Counter()  # the same, counted by name and by loop variable (no scan of a deep stack)
    for tag in live:
        if tag.output:
            root = _ROOT.match(tag.markup)
            name = root[1] if root else ""
            # in a loop, a later assign is the next turn's
            if name in names and name not in defined and not opened["var " + name] and \
                    not any(opened[loop] for loop in LOOPS):
                found[tag.start] = {name: "is the variable of a loop that has ended" if name in ended else
                                    "has no value yet here (the post assigns it further down)"}
            continue
        if not in_text(tag):
            continue
        given = sets(tag)
        if tag.name in _BLOCKS:
            loop_var = given[0] if tag.name in LOOPS and given else ""
            defined.update(name for name in given if name != loop_var)
            frames.append((tag.name, loop_var))
            opened.update((tag.name, "var " + loop_var))
        elif tag.name.startswith("end") and opened[tag.name[3:]]:
            while frames:
                name, var = frames.pop()
                opened.subtract((name, "var " + var))
                ended.add(var)
                if name == tag.name[3:]:
                    break
        else:
            defined.update(given)
            if tag.name in _INCLUDES:
                defined.update(included(tag) or ())
    return found


def inside_loops(live: list[Tag]) -> dict[str, set[int]]:
    """`forloop` and `tablerowloop` -> the offsets of the live tags inside such a loop."""
    inside: dict[str, set[int]] = {name: set() for name in LOOP_OF}
    stack: list[str] = []
    opened: Counter[str] = Counter()  # open blocks by name ("for else": a loop's `{% else %}`, no `forloop`)
    for tag in live:
        if not tag.output and tag.name in _BLOCKS:
            stack.append(tag.name)
            opened[tag.name] += 1
        elif not tag.output and tag.name == "else" and stack and stack[-1] == "for":
            stack[-1] = "for else"  # run when the list is empty
            opened.subtract(("for",))
            opened["for else"] += 1
        elif not tag.output and tag.name.startswith("end") and (opened[tag.name[3:]] or
                                                                opened[tag.name[3:] + " else"]):
            while stack:
                name = stack.pop()
                opened[name] -= 1
                if name.split()[0] == tag.name[3:]:
                    break
        for loop, variable in LOOPS.items():
            if opened[loop]:
                inside[variable].add(tag.start)
    return inside
