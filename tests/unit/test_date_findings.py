"""The date findings, as Jekyll reads dates (see tests/integrations/test_jekyll_dates.py
for the readings themselves): BC120 only where Jekyll stops, BC121 explains the UTC
trap, BC122 only without a `date:`, BC125 for rolled-over days, ignored zones and
forms blogcheck cannot read for sure."""

from __future__ import annotations

from pathlib import Path

from blogcheck.config import Config
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.site import load_site
from blogcheck.run import run


def _found(tmp_path: Path, files: dict[str, str], config: str = "title: t\n") -> dict[str, list[Diagnostic]]:
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    result = run([tmp_path / rel for rel in files], load_site(tmp_path),
                 Config(select=("BC12",), offline=True))
    found: dict[str, list[Diagnostic]] = {Path(rel).name: [] for rel in files}
    for diag in result.diagnostics:
        found[Path(diag.path).name].append(diag)
    return found


def test_an_unquoted_timestamp_without_a_zone_is_utc_to_jekyll(tmp_path: Path) -> None:
    found = _found(tmp_path, {
        "_posts/2024-01-06-bare.md": "---\ntitle: a\ndate: 2024-01-06 02:00:00\n---\n",
        "_posts/2024-01-06-quoted.md": '---\ntitle: b\ndate: "2024-01-06 02:00:00"\n---\n',
        "_posts/2024-01-05-moved.md": "---\ntitle: c\ndate: 2024-01-06 02:00:00\n---\n",
    }, "timezone: America/New_York\n")
    [bare] = found["2024-01-06-bare.md"]  # Jekyll builds it at /2024/01/05/
    assert bare.code == "BC121" and (bare.line, bare.column) == (3, 7)
    assert "is 2024-01-05 in the site's time zone" in bare.message
    assert "without a time zone is UTC to Jekyll" in bare.message and "2024-01-05 21:00" in bare.message
    assert found["2024-01-06-quoted.md"] == []  # a string: read in the site's zone
    assert found["2024-01-05-moved.md"] == []  # where Jekyll puts it


def test_only_dates_jekyll_cannot_read_are_errors(tmp_path: Path) -> None:
    found = _found(tmp_path, {
        "_posts/2024-03-08-typo.md": "---\ntitle: a\ndate: 2024-03-38 18:30:22 +0000\n---\n",
        "_posts/2024-03-08-stray.md": "---\ntitle: b\ndate: 2024-03-08 18:30:22 2024 +0000\n---\n",
        "_posts/2024-03-08-words.md": "---\ntitle: c\ndate: March 8, 2024\n---\n",
        "_posts/2024-01-06-kst.md": "---\ntitle: d\ndate: 2024-01-06 22:00:00 KST\n---\n",
        "_posts/2024-03-01-feb.md": "---\ntitle: e\ndate: 2024-02-30\n---\n",
    })
    assert [(d.code, d.severity.value) for d in found["2024-03-08-typo.md"]] == [("BC120", "error")]
    for name in ("2024-03-08-stray.md", "2024-03-08-words.md"):
        [diag] = found[name]
        assert (diag.code, diag.severity.value) == ("BC125", "warning")
        assert "cannot tell which date Jekyll reads" in diag.message
    [kst] = found["2024-01-06-kst.md"]
    assert kst.code == "BC125" and "ignores the time zone `KST`" in kst.message
    [feb] = found["2024-03-01-feb.md"]  # rolls over to the file name's day: no BC121
    assert feb.code == "BC125" and "Jekyll reads it as 2024-03-01" in feb.message


def test_a_file_name_date_counts_only_without_a_date_key(tmp_path: Path) -> None:
    found = _found(tmp_path, {
        "_posts/2024-13-45-dated.md": "---\ntitle: a\ndate: 2024-01-07\n---\n",  # Jekyll: /2024/01/07/dated
        "_posts/2024-13-45-undated.md": "---\ntitle: b\n---\n",  # Jekyll: Invalid date, the build stops
        "_posts/2024-02-30-rolled.md": "---\ntitle: c\n---\n",  # Jekyll: /2024/03/01/rolled
        "_posts/2024-01-05.md": "---\ntitle: d\n---\n",  # no title: Jekyll skips it
    })
    assert found["2024-13-45-dated.md"] == []
    [undated] = found["2024-13-45-undated.md"]
    assert undated.code == "BC122" and "no `date:`; Jekyll stops the build" in undated.message
    [rolled] = found["2024-02-30-rolled.md"]
    assert rolled.code == "BC125" and "2024-02-30 is no day: Jekyll reads it as 2024-03-01" in rolled.message
    [untitled] = found["2024-01-05.md"]
    assert untitled.code == "BC122" and "has a date but no title" in untitled.message


def test_a_file_jekyll_never_lists_gets_no_date_finding(tmp_path: Path) -> None:
    """`_2024-01-01-x.md`: BC124 says Jekyll skips it; a BC122 beside it would be a second word for it."""
    found = _found(tmp_path, {"_posts/_2024-01-01-x.md": "---\ntitle: a\n---\n",
                              "_posts/#2024-13-45-y.md": "---\ntitle: b\n---\n"})
    assert {name: [d.code for d in found[name]] for name in found} == {"_2024-01-01-x.md": ["BC124"],
                                                                       "#2024-13-45-y.md": ["BC124"]}


def test_each_roll_over_is_told_with_its_own_day() -> None:
    from blogcheck.jekyll import dates

    note = dates.read_date("2024-02-30 24:00").note  # Ruby: 2024-03-02 00:00
    assert "2024-02-30 is no day: Jekyll reads it as 2024-03-01" in note
    assert "24:00 is the next day's midnight to Jekyll, 2024-03-02" in note


def test_a_date_that_moves_no_url_says_what_it_moves(tmp_path: Path) -> None:
    """With `permalink:` in the post (or a site permalink without a date) the `date:`
    changes the post's date in lists and feeds, not its URL: the message says so
    instead of naming a URL that does not carry the date."""
    found = _found(tmp_path, {
        "_posts/2024-01-06-fixed.md": "---\ntitle: a\ndate: 2024-01-09\npermalink: /2024/01/06/fixed/\n---\n",
        "_posts/2024-01-06-moved.md": "---\ntitle: b\ndate: 2024-01-09\n---\n",
    })
    [fixed], [moved] = found["2024-01-06-fixed.md"], found["2024-01-06-moved.md"]
    assert fixed.message.endswith("Jekyll dates the post 2024-01-09 (in lists, feeds and `page.date`; its URL stays "
                                  "/2024/01/06/fixed/)")
    assert moved.message.endswith("Jekyll uses 2024-01-09: /2024/01/09/moved.html")
