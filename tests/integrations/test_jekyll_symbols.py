"""BC108 against a real Jekyll 4 build: an unquoted value starting with `:` is a Ruby
Symbol to Psych, which Jekyll's safe_load refuses, so the whole front matter is lost
(the post is published under the build's date, untitled); after `check --fix` the
value is quoted and the post has its date, title and layout again."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

POST = "---\nlayout: page\ntitle: Launch\nmood: :happy\ntags:\n  - :ruby\n  - \":quoted\"\n---\nHi\n"


def _build(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)


def test_a_symbol_loses_the_front_matter_and_the_fix_brings_it_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (site / "_layouts" / "page.html").write_text("<h1>{{ page.title }}</h1>{{ content }}", encoding="utf-8")
    (site / "_posts" / "2024-01-05-a.md").write_text(POST, encoding="utf-8")
    before = _build(site)
    assert before.returncode == 0 and "Tried to load unspecified class: Symbol" in before.stdout + before.stderr
    assert not (site / "_site" / "2024" / "01" / "05" / "a.html").exists()
    monkeypatch.chdir(site)
    main(["check", "--offline", "--select", "BC108", "--format", "json"])
    found = [(d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [(4, 7), (6, 5)]
    assert main(["check", "--offline", "--select", "BC108", "--fix"]) == 0
    capsys.readouterr()
    assert (site / "_posts" / "2024-01-05-a.md").read_text(encoding="utf-8") == POST.replace(
        ":happy", '":happy"').replace("- :ruby", '- ":ruby"')
    after = _build(site)
    assert after.returncode == 0 and "Symbol" not in after.stdout + after.stderr
    page = (site / "_site" / "2024" / "01" / "05" / "a.html").read_text(encoding="utf-8")
    assert page == "<h1>Launch</h1><p>Hi</p>\n"


def test_a_symbol_in_the_config_stops_jekylls_build_and_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Jekyll 4 reads `_config.yml` with safe_load too: `style: :expanded` (the seed blog's
    theme config) stops the whole build. Written without its colon, the build goes."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\nsass:\n  style: :expanded\n", encoding="utf-8")
    (site / "_posts" / "2024-01-05-a.md").write_text("---\ntitle: A\n---\nHi\n", encoding="utf-8")
    before = _build(site)
    assert before.returncode != 0 and "Tried to load unspecified class: Symbol" in before.stdout + before.stderr
    monkeypatch.chdir(site)
    assert main(["check", "--offline", "--select", "BC108", "--format", "json"]) == 0  # a warning: Jekyll 3.10 takes it
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["path"], d["line"], d["column"], d["severity"]) for d in found] == [("_config.yml", 3, 10, "warning")]
    assert "write `expanded`" in found[0]["hint"]
    (site / "_config.yml").write_text("title: t\nsass:\n  style: expanded\n", encoding="utf-8")
    assert _build(site).returncode == 0


TAGS = {  # a value's YAML tag -> does Jekyll 4's safe_load refuse the front matter for it?
    "!!set {a, b}": True, "!ruby/sym x": True, "!ruby/regexp /a/": True, "!ruby/range 1..2": True,
    "!ruby/object:Post {}": True, "!ruby/string x": False, "!ruby/hash {a: 1}": False, "!ruby/array [1]": False,
    "!!python/tuple [1, 2]": False, "!note x": False, "!!omap [{a: 1}]": False, "!!merge x": False,
    "!<tag:example.com,2000:x> y": False, "[a, !note {b: !x c}]": False,
}


def test_a_tag_jekyll_refuses_is_bc102_and_one_it_reads_is_no_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Psych, as Jekyll 4 calls it, refuses the classes it is not permitted (`!!set` makes a
    Psych::Set) and so loses the whole front matter, but reads a tag it does not know as a
    plain value. blogcheck took `!note x` for invalid YAML and `!!set` for a fine list."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    names = {}
    for day, value in enumerate(TAGS, start=10):
        names[f"2024-01-{day}-t.md"] = value
        (site / "_posts" / f"2024-01-{day}-t.md").write_text(f"---\ntitle: T\nx: {value}\n---\nHi\n", encoding="utf-8")
    built = _build(site)
    said = built.stdout + built.stderr
    assert built.returncode == 0
    assert {name for name in names if f"{name}: Tried to load unspecified class" in said} == \
        {name for name, value in names.items() if TAGS[value]}
    main(["check", "--offline", "--select", "BC1", "--format", "json", str(site)])
    found = {Path(d["path"]).name: (d["code"], d["line"], d["column"])
             for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert found == {name: ("BC102", 3, 4) for name, value in names.items() if TAGS[value]}


@pytest.mark.parametrize(("mood", "symbol"), [("!!str :happy", False), ("! :happy", True), ("&m :happy", True),
                                              ("&m !!str :happy", False), (":happy\n\n  more", False),
                                              (":a\n\n  b", False)])
def test_a_value_psych_reads_as_a_string_all_the_same_is_no_symbol(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], mood: str,
        symbol: bool) -> None:
    """`!!str :happy` (an explicit tag) and a plain value over lines (a line break in it) are
    strings to Psych: Jekyll keeps the front matter, so no BC108 (an audit found both
    reported); `! :happy` and an anchored `:happy` are still symbols."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (site / "_layouts" / "page.html").write_text("<h1>{{ page.title }}</h1>{{ content }}", encoding="utf-8")
    (site / "_posts" / "2024-01-05-a.md").write_text(f"---\nlayout: page\ntitle: Launch\nmood: {mood}\n---\nHi\n",
                                                     encoding="utf-8")
    built = _build(site)
    assert (site / "_site" / "2024" / "01" / "05" / "a.html").exists() is not symbol, built.stdout + built.stderr
    monkeypatch.chdir(site)
    main(["check", "--offline", "--select", "BC108", "--format", "json"])
    assert bool(json.loads(capsys.readouterr().out)["diagnostics"]) is symbol


def test_a_symbol_in_a_config_jekyll_reads_only_the_first_key_of_is_left_to_bc107(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """With a byte-order mark, Jekyll keeps `title:` only, so `sass: style: :compressed` stops
    nothing (checked: the build passes); BC107 says the rest is lost, BC108 says nothing."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_bytes(b"\xef\xbb\xbftitle: t\npermalink: /:title/\nsass:\n  style: :compressed\n")
    (site / "_posts" / "2024-01-05-a.md").write_text("---\ntitle: A\n---\nHi\n", encoding="utf-8")
    assert _build(site).returncode == 0
    monkeypatch.chdir(site)
    main(["check", "--offline", "--format", "json"])
    assert [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]] == ["BC107"]
