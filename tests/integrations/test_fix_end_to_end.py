"""`check --fix` on the whole seed blog, judged by the pages Jekyll builds before and
after: every change of a page's text is one that a fix meant (a misspelling corrected,
Liquid in code shown as written, a hidden `<placeholder>` shown, text that was meant
as a link now one: its text stays, its URL goes; a paragraph that was table cells
one text again, with its `|`; `**` shown as written now bold; an option's en dash two
dashes again; `<<` and `>>` again for guillemets; a `____` blank no longer `__` in
italics; a `:x:` shortcode an emoji; `1)` items a list, their numbers no longer text; numbered lines under text shown
as typed, no list from 1), and nothing else moves."""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from integration_support import page_text

from blogcheck.cli import main


def _build(site: Path, out: Path) -> dict[str, list[str]]:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    done = subprocess.run(["jekyll", "build", "--quiet", "-d", str(out)], cwd=site, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    pages = {str(p.relative_to(out)): page_text(p.read_text(encoding="utf-8")) for p in out.rglob("*.html")}
    return {page: text.replace("\u2019", "'").split() for page, text in pages.items()}  # kramdown's curly apostrophe


def test_fix_changes_the_built_pages_only_where_it_means_to(corpus_dir: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    shutil.copytree(corpus_dir / "ivanstudyblog__ivanstudyblog.github.io" / "_posts", site / "_posts")
    (site / "_layouts").mkdir()
    (site / "_layouts" / "post.html").write_text("{{ content }}\n", encoding="utf-8")
    (site / "_config.yml").write_text("title: t\nmarkdown: kramdown\n", encoding="utf-8")
    before = _build(site, tmp_path / "before")
    monkeypatch.chdir(site)
    main(["check", "--offline", "--format", "json"])
    fixable = [d for d in json.loads(capsys.readouterr().out)["diagnostics"] if "fix" in d]
    main(["check", "--offline", "--fix", "--format", "json"])
    fixed = [d for d in json.loads(capsys.readouterr().out)["diagnostics"] if d["message"].startswith("fixed:")]
    assert len(fixed) == len(fixable) >= 280
    assert {d["code"] for d in fixed} == {"BC401", "BC501", "BC601", "BC602", "BC603", "BC605", "BC606", "BC607",
                                               "BC608", "BC611", "BC612", "BC617", "BC618", "BC619"}
    words = {(old, new) for d in fixable if d["code"] == "BC401" for _, _, old, new in d["fix"]}
    shown = {d["message"].split("`")[1] for d in fixable if d["code"] == "BC601"}  # `<sos>`, its `\<` gone
    linked = {(d["fix"][0][3].split("](")[0][1:], d["url"]) for d in fixable if d["code"] == "BC602"}  # a link now

    def meant(change: tuple[str, str, str, str]) -> bool:
        _, _, old, new = change
        return any(o in old and n in new for o, n in words) or "{{" in new or "{%" in new \
            or any(tag in new for tag in shown) or any(text in new and url not in new for text, url in linked) \
            or ("|" in new and re.sub(r"\W", "", new) in re.sub(r"\W", "", old)) \
            or (("**" in old or "--" in new or "<<" in new or ">>" in new)
                and re.sub(r"\W", "", new) == re.sub(r"\W", "", old)) \
            or ("____" in new and new.replace("____", "__") == old) \
            or all(re.fullmatch(r":[a-z0-9_+-]+:", word) for word in old.split()) \
            or re.sub(r"\W", "", re.sub(r"\d+\)", "", old)) == re.sub(r"\W", "", new) \
            or re.sub(r"\W", "", re.sub(r"\d+\.", "", new)) == re.sub(r"\W", "", old)  # `15.` lines text, no list

    after = _build(site, tmp_path / "after")
    assert sorted(after) == sorted(before)
    changes = [change for page, words in before.items() for change in _changes(page, words, after[page])]
    assert len({page for page, *_ in changes}) >= 140
    assert [c for c in changes if not meant(c)] == []


def _changes(page: str, old: list[str], new: list[str]) -> list[tuple[str, str, str, str]]:
    """(page, "change", old text, new text) of each run of differences, runs fewer than 8
    equal words apart taken as one (restored code can shift a code span's words)."""
    runs: list[list[int]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if runs and i1 - runs[-1][1] < 8 and j1 - runs[-1][3] < 8:
            runs[-1][1], runs[-1][3] = i2, j2
        else:
            runs.append([i1, i2, j1, j2])
    return [(page, "change", " ".join(old[i1:i2]), " ".join(new[j1:j2])) for i1, i2, j1, j2 in runs]
