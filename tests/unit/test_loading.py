"""Bad input never crashes: each gives one clear diagnostic and the run goes on."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run


def _site(tmp_path: Path, config: str = "title: t\n") -> Path:
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    return tmp_path


def _post(site: Path, name: str, content: bytes) -> Path:
    path = site / "_posts" / name
    path.write_bytes(content)
    return path


def test_bad_files_each_get_a_diagnostic_and_the_run_goes_on(tmp_path: Path) -> None:
    site = _site(tmp_path)
    _post(site, "2024-01-01-empty.md", b"")
    _post(site, "2024-01-02-binary.md", bytes(range(256)) * 10)
    _post(site, "2024-01-03-latin1.md", b"---\ntitle: caf\xe9\n---\n")
    _post(site, "2024-01-04-unclosed.md", b"---\ntitle: x\n")
    _post(site, "2024-01-05-good.md", b"---\ntitle: fine\n---\nbody\n")
    result = run([site / "_posts"], load_site(site), Config())
    codes = {Path(d.path).name: d.code for d in result.diagnostics}
    assert result.files == 5
    assert codes == {
        "2024-01-01-empty.md": "BC101",
        "2024-01-02-binary.md": "BC100",
        "2024-01-03-latin1.md": "BC100",
        "2024-01-04-unclosed.md": "BC101",
    }


def test_a_file_no_check_could_read_is_named_even_when_its_code_is_not_selected(tmp_path: Path) -> None:
    """`--select spelling` on a post that is not UTF-8 said "no problems found": its BC100
    was left out, and nothing said the post went unchecked (a post in another language
    gets a note)."""
    site = _site(tmp_path)
    _post(site, "2024-01-01-a.md", "---\ntitle: a\n---\nrecieve caf\u00e9\n".encode("latin-1"))
    _post(site, "2024-01-02-b.md", b"\0binary")
    _post(site, "2024-01-03-c.md", b"---\ntitle: c\n---\nfine\n")
    result = run([site / "_posts"], load_site(site), Config(select=("spelling",)))
    assert result.diagnostics == []
    (note,) = result.notes
    assert note.startswith("2 files not checked: they cannot be read as posts (BC100, left out by --select/--ignore; "
                           "first: ") and note.endswith("2024-01-01-a.md)")
    assert run([site / "_posts"], load_site(site), Config()).notes == ()  # reported, so nothing more to say


def test_file_over_max_size_is_reported_not_read(tmp_path: Path) -> None:
    site = _site(tmp_path)
    _post(site, "2024-01-01-huge.md", b"---\ntitle: x\n---\n" + b"word " * 300_000)
    result = run([site / "_posts"], load_site(site), Config(max_file_size=1_000_000))
    assert [d.code for d in result.diagnostics] == ["BC105"]


def test_huge_front_matter_and_alias_bomb_finish_quickly(tmp_path: Path) -> None:
    site = _site(tmp_path)
    keys = "".join(f"key{i}: value {i}\n" for i in range(100_000))
    _post(site, "2024-01-01-many-keys.md", f"---\ntitle: x\n{keys}---\n".encode())
    bomb = "---\ntitle: x\na: &a [" + ",".join(['"lol"'] * 50) + "]\n"
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ",".join([f"*{previous}"] * 50) + "]\n"
    _post(site, "2024-01-02-bomb.md", (bomb + "---\n").encode())
    started = time.monotonic()
    result = run([site / "_posts"], load_site(site), Config(max_file_size=5_000_000))  # 1.8 MB of front matter
    # A generous bound: the point is "finishes", not speed (bench/ measures speed).
    assert time.monotonic() - started < 60
    assert [d.code for d in result.diagnostics] == ["BC104"]


def test_recursive_alias_is_reported(tmp_path: Path) -> None:
    site = _site(tmp_path)
    _post(site, "2024-01-01-loop.md", b"---\ntitle: x\na: &a [1, *a]\n---\n")
    result = run([site / "_posts"], load_site(site), Config())
    assert [(d.code, d.line) for d in result.diagnostics] == [("BC104", 3)]


def test_broken_site_config_is_reported_once(tmp_path: Path) -> None:
    site = _site(tmp_path, "title: [unclosed\n")
    _post(site, "2024-01-01-a.md", b"---\ntitle: a\n---\n")
    _post(site, "2024-01-02-b.md", b"---\ntitle: b\n---\n")
    result = run([site / "_posts"], load_site(site), Config())
    assert [(Path(d.path).name, d.code) for d in result.diagnostics] == [("_config.yml", "BC107")]
    assert result.diagnostics[0].hint.startswith("a `[` list is never closed")  # the fix, as for a post


def test_a_config_of_several_yaml_documents_is_read_as_jekyll_reads_it(tmp_path: Path) -> None:
    """Jekyll (Psych) reads the first document of `_config.yml` and builds the site: it was
    a BC107 error here ("expected a single document"). The settings after the `---` are
    ignored, which a note says."""
    site = _site(tmp_path, "title: a\nbaseurl: /blog\n---\ntitle: b\nbaseurl: /x\n")
    _post(site, "2024-01-01-a.md", b"---\ntitle: a\n---\n")
    loaded = load_site(site)
    result = run([site / "_posts"], loaded, Config())
    assert loaded.config == {"title": "a", "baseurl": "/blog"} and result.diagnostics == []
    assert result.notes == ("_config.yml goes on after the `---` of line 3, a new YAML document: Jekyll reads the "
                            "first document only, so the settings after it are ignored (remove the line to keep them)",)
    (site / "_config.yml").write_text("title: a\n---\n\n", encoding="utf-8")  # nothing after it: nothing to say
    assert run([site / "_posts"], load_site(site), Config()).notes == ()


def test_an_integer_python_will_not_convert_is_a_number_not_an_error(tmp_path: Path) -> None:
    """Python converts 4,300 digits at most (a finding "use sys.set_int_max_str_digits()" at
    1:1); Jekyll reads the value. It is read as infinity, a number."""
    site = _site(tmp_path, "title: t\nsize: " + "9" * 5000 + "\n")
    _post(site, "2024-01-01-a.md", b"---\ntitle: a\nk: " + b"9" * 200_000 + b"\nn: -" + b"9" * 5000 + b"\n---\n")
    loaded = load_site(site)
    assert run([site / "_posts"], loaded, Config()).diagnostics == []
    assert loaded.config["size"] == float("inf")


@pytest.mark.parametrize(("text", "kind"), [("- a\n", "a list"), ("hello\n", "a string"), ("42\n", "a number")])
def test_a_site_config_that_is_no_mapping_is_ignored_by_jekyll(tmp_path: Path, text: str, kind: str) -> None:
    """Jekyll says "Configuration file: (INVALID)" and builds with its defaults: it was
    reported as front matter that stops the build (a second audit)."""
    site = _site(tmp_path, text)
    _post(site, "2024-01-01-a.md", b"---\ntitle: a\n---\n")
    (found,) = run([site / "_posts"], load_site(site), Config()).diagnostics
    assert found.code == "BC107" and found.message.startswith(f"_config.yml is {kind}, not a mapping of settings")
    assert "cannot build" not in found.hint and "front matter" not in found.message


def test_a_huge_site_config_is_not_read(tmp_path: Path) -> None:
    """posts have `max_file_size`; a 60 MB `_config.yml` took minutes of YAML reading. Jekyll
    builds with it, so it is a note (that the checks assume the defaults), not an error."""
    from blogcheck.jekyll.site import MAX_CONFIG

    site = _site(tmp_path, "title: t\n" + "k: v\n" * (MAX_CONFIG // 5 + 1))
    _post(site, "2024-01-01-a.md", b"---\ntitle: a\n---\n")
    result = run([site / "_posts"], load_site(site), Config())
    assert result.diagnostics == []  # Jekyll builds with it: no error, a note
    assert result.notes[0].startswith("_config.yml is over 4 MB: not read, so the checks assume Jekyll's default")


def test_a_site_config_with_a_colon_in_its_title_gets_the_quoted_line(tmp_path: Path) -> None:
    site = _site(tmp_path, "title: My notes: ML\n")
    _post(site, "2024-01-01-a.md", b"---\ntitle: a\n---\n")
    (found,) = run([site / "_posts"], load_site(site), Config()).diagnostics
    assert found.code == "BC107" and '`title: "My notes: ML"`' in found.hint
    assert (found.line, found.column) == (1, 16)  # the second `:`, where YAML stops


def test_symlink_loop_and_unreadable_paths_do_not_crash(tmp_path: Path, capsys: object) -> None:
    site = _site(tmp_path)
    (site / "_posts" / "loop").symlink_to(site / "_posts")
    _post(site, "2024-01-01-ok.md", b"---\ntitle: ok\n---\n")
    (site / "_posts" / "2024-01-02-dangling.md").symlink_to(site / "nowhere.md")
    assert main(["check", "--select", "frontmatter", str(site / "_posts")]) in (0, 1)


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "nope.md")]) == 2


def test_deep_nesting_is_reported(tmp_path: Path) -> None:
    site = _site(tmp_path)
    for depth in (500, 5000):
        nested = "[" * depth + "]" * depth
        _post(site, f"2024-01-0{depth // 1000}-deep.md", f"---\ntitle: x\na: {nested}\n---\n".encode())
    result = run([site / "_posts"], load_site(site), Config())
    assert sorted(d.code for d in result.diagnostics) == ["BC102", "BC104"]


def test_a_date_at_the_edge_of_the_calendar_does_not_crash_the_run(tmp_path: Path) -> None:
    site = _site(tmp_path, "title: t\ntimezone: America/New_York\n")
    _post(site, "0001-01-01-early.md", b"---\ntitle: x\ndate: 0001-01-01 00:30:00 +01:00\n---\n")
    _post(site, "2024-01-01-ok.md", b"---\ntitle: ok\n---\n")
    result = run([site / "_posts" / "2024-01-01-ok.md"], load_site(site), Config(select=("frontmatter",)))
    assert result.diagnostics == []


def test_a_byte_that_is_not_utf8_is_placed_in_characters(tmp_path: Path) -> None:
    """One Windows-1252 byte after accented letters and an emoji: the column counts
    characters, as every other finding's does (and SARIF's columnKind says)."""
    site = _site(tmp_path)
    _post(site, "2024-01-01-mixed.md", "---\ntitle: x\n---\nhé😀llo ".encode() + b"\xe9 x\n")
    _post(site, "2024-01-02-bom.md", "\ufeffé".encode() + b"\xe9\n")
    result = run([site / "_posts"], load_site(site), Config())
    places = {Path(d.path).name: (d.line, d.column) for d in result.diagnostics if d.code == "BC100"}
    assert places == {"2024-01-01-mixed.md": (4, 8), "2024-01-02-bom.md": (1, 2)}


def test_yaml_tags_on_values_they_cannot_take_are_findings(tmp_path: Path) -> None:
    """`!!timestamp xyz` made PyYAML call a method on no match, `!!bool xyz` look up an
    unknown word: tracebacks. The first is a date Jekyll cannot read (BC120), the other
    a value that cannot be read (BC102); the run goes on."""
    site = _site(tmp_path)
    _post(site, "2024-01-01-a.md", b"---\ntitle: x\ndate: !!timestamp xyz\n---\nhi\n")
    _post(site, "2024-01-02-b.md", b"---\ntitle: x\na: !!bool xyz\n---\nhi\n")
    _post(site, "2024-01-03-c.md", b"---\ntitle: fine\n---\nbody\n")
    result = run([site / "_posts"], load_site(site), Config(offline=True))
    codes = {Path(d.path).name: d.code for d in result.diagnostics}
    assert codes == {"2024-01-01-a.md": "BC120", "2024-01-02-b.md": "BC102"}
    assert result.files == 3
