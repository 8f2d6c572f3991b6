"""The command line, called in-process: exit codes, formats, flags."""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from cli_support import on_a_tty

from blogcheck import __version__
from blogcheck.cli import main
from blogcheck.codes import CODES

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
GOOD = "_posts/good/2015-05-17-offset-date.md"
BAD = "_posts/bad/2024-01-05-BC110-missing-title.md"
WARN = "_posts/bad/2024-01-11-BC131-misspelt-key.md"


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(SITE)
    return SITE


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--version")
    assert (code, out.strip()) == (0, f"blogcheck {__version__}")


def test_no_command_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys)
    assert code == 2 and "COMMAND" in err


def test_unknown_flag_is_usage_error(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "check", "--no-such-flag")
    assert code == 2 and "unrecognized arguments" in err


def test_exit_codes(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "check", "--select", "frontmatter", GOOD)[0] == 0
    assert _run(capsys, "check", "--select", "frontmatter", BAD)[0] == 1
    assert _run(capsys, "check", "--select", "frontmatter", WARN)[0] == 0


def test_text_output_is_clickable(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "check", "--select", "frontmatter", WARN)
    assert out == (
        f"{WARN}:3:1: BC131 unknown key `categoires`\n"
        "    hint: did you mean `categories`?\n"
        "Checked 1 file: 0 errors, 1 warning.\n"
    )


def test_quiet_shows_errors_only(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "check", "-q", "--select", "frontmatter", WARN, BAD)
    assert out == f"{BAD}:1:1: BC110 missing required key `title`\n"


def test_select_and_ignore_by_prefix_and_check(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "check", "--select", "frontmatter", "--ignore", "BC11", BAD)[0] == 0
    assert _run(capsys, "check", "--select", "BC1", "--ignore", "frontmatter", BAD)[0] == 1  # BC1 is more specific
    assert _run(capsys, "check", "--select", "BC121", BAD)[0] == 0
    code, _, err = _run(capsys, "check", "--select", "frontmater", BAD)
    assert code == 2 and "did you mean `frontmatter`" in err


def test_github_actions_default_format(site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                       tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _, out, _ = _run(capsys, "check", "--select", "frontmatter", BAD)
    assert out.startswith(f"::error file={BAD},line=1,col=1,title=BC110::"
                          f"{BAD}:1:1: BC110 missing required key `title`%0A")
    assert "| :x: | BC110 |" in summary.read_text()


def test_json_to_output_file(site: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = _run(capsys, "check", "--select", "frontmatter", "--format", "json", "--output", str(target), BAD)
    assert code == 1 and out == ""
    assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0600
    report = json.loads(target.read_text())
    assert report["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0, "fixed": 0, "notes": []}
    assert report["diagnostics"][0]["code"] == "BC110"


def test_unwritable_output_is_usage_error(site: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "check", "--select", "frontmatter", "--output", str(tmp_path / "no" / "r.txt"), GOOD)
    assert code == 2 and f"there is no folder {tmp_path / 'no'}" in err  # said before the run, not after it
    code, _, err = _run(capsys, "check", "--select", "frontmatter", "--output", str(tmp_path), GOOD)
    assert code == 2 and "is a folder: name the file" in err


def test_default_paths_are_posts_and_drafts(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SITE / "_drafts", tmp_path / "_drafts")
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "README.md").write_text("not a post\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "check", "--select", "frontmatter")
    assert (code, out) == (0, "Checked 1 file: no problems found.\n")


def test_no_posts_folder_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys, "check")
    assert code == 2 and "no _posts/" in err


def test_config_file_is_used_and_flags_win(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SITE, tmp_path / "site")
    site = tmp_path / "site"
    (site / "blogcheck.toml").write_text('select = ["frontmatter"]\nignore = ["BC110"]\n[severity]\nBC131 = "error"\n')
    monkeypatch.chdir(site)
    assert _run(capsys, "check", BAD)[0] == 0
    assert _run(capsys, "check", WARN)[0] == 1  # BC131 raised to an error
    code, out, _ = _run(capsys, "check", "--ignore", "BC131", WARN)
    assert code == 0 and "BC131" not in out


def test_invalid_config_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "c.toml"
    config.write_text("colour = true\n")
    code, _, err = _run(capsys, "check", "--config", str(config), str(SITE / GOOD))
    assert code == 2 and "unknown key `colour`" in err


@pytest.mark.parametrize("content", ['{"type": 12}', "not json", '["a list"]', "[" * 100_000,
                                     '{"properties": {"a": ' * 400 + "{}" + "}}" * 400, '{"$schema": 5}',
                                     # a `$ref` to nothing, to itself, in a cycle, to a file or a URL: never read
                                     '{"$ref": "#/definitions/nope"}', '{"$ref": "#"}',
                                     '{"properties": {"title": {"$ref": "#/properties/title"}}}',
                                     '{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, '
                                     '"$ref": "#/$defs/a"}', '{"$ref": "file:///dev/zero"}',
                                     '{"$ref": "http://127.0.0.1:9/schema.json"}'])
def test_invalid_schema_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str) -> None:
    schema = tmp_path / "s.json"
    schema.write_text(content)
    code, _, err = _run(capsys, "check", "--schema", str(schema), str(SITE / GOOD))
    assert code == 2 and "schema" in err


def test_a_schema_that_is_no_regular_file_is_refused_unread(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    for path, kind in (("/dev/zero", "a device"), (str(tmp_path / "pipe.json"), "a named pipe")):
        code, _, err = _run(capsys, "check", "--schema", path, str(SITE / GOOD))
        assert code == 2 and f"not a regular file ({kind})" in err


@pytest.mark.parametrize(("content", "found"), [("true", []), ("false", ["BC110"]),
                                                ('{"properties": {"title": false}}', ["BC110"])])
def test_true_and_false_are_schemas(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str,
                                    found: list[str]) -> None:
    schema = tmp_path / "s.json"
    schema.write_text(content)
    code, out, _ = _run(capsys, "check", "--format", "json", "--select", "frontmatter", "--schema", str(schema),
                        str(SITE / GOOD))
    assert (code, [d["code"] for d in json.loads(out)["diagnostics"]]) == (1 if found else 0, found)


def test_custom_schema_is_applied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = tmp_path / "s.json"
    schema.write_text(json.dumps({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object", "required": ["title", "author"],
    }))
    code, out, _ = _run(capsys, "check", "--select", "frontmatter", "--schema", str(schema), str(SITE / GOOD))
    assert code == 1 and "missing required key `author`" in out


def test_color_only_on_a_tty(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "check", "--select", "frontmatter", BAD)
    assert "\033[" not in out  # captured stdout is not a TTY


def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "blogcheck", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("blogcheck ")


def _on_a_tty(env_extra: dict[str, str]) -> str:
    return on_a_tty(["check", "--select", "frontmatter", BAD], SITE, env_extra)


def test_color_on_a_tty_unless_no_color() -> None:
    assert "\033[31mBC110\033[0m" in _on_a_tty({})
    plain = _on_a_tty({"NO_COLOR": "1"})
    assert "BC110" in plain and "\033[" not in plain


def test_offline_run_notes_unchecked_remote_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-a.md").write_text(
        "---\ntitle: a\n---\n\n[one](https://example.com/a) and [two](https://example.com/a#x) "
        "and ![img](https://example.org/p.png)\n")
    code, out, _ = _run(capsys, "check", "--offline", "--select", "links", str(tmp_path / "_posts"))
    assert code == 0
    assert out.endswith("note: 3 remote links (2 distinct URLs) not checked: offline\n"
                        "Checked 1 file: no problems found.\n")
    _run(capsys, "check", "--offline", "--select", "links", "--format", "json", "--output",
         str(tmp_path / "r.json"), str(tmp_path / "_posts"))
    assert json.loads((tmp_path / "r.json").read_text())["summary"]["notes"] == [
        "3 remote links (2 distinct URLs) not checked: offline"]


def test_github_paths_are_relative_to_the_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "blog"
    shutil.copytree(SITE, site)
    monkeypatch.chdir(site)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    _, out, _ = _run(capsys, "check", "--select", "frontmatter", "--format", "github", BAD)
    assert out.startswith(f"::error file=blog/{BAD},line=1,col=1,title=BC110::")
    _, out, _ = _run(capsys, "check", "--select", "frontmatter", BAD)
    assert out.startswith(f"{BAD}:1:1:")  # text stays relative to where it runs


def test_sarif_paths_name_the_base_they_are_relative_to(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """SARIF 3.4.4: a relative `uri` comes with its `uriBaseId`, declared in the run's
    `originalUriBaseIds` (the workspace under GitHub Actions); a file outside the
    workspace is named by its absolute URI. Viewers other than GitHub's could not
    tell where the relative paths start."""
    site = tmp_path / "blog"
    shutil.copytree(SITE, site)
    monkeypatch.chdir(site)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    _, out, _ = _run(capsys, "check", "--select", "frontmatter", "--format", "sarif", BAD)
    run = json.loads(out)["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.resolve().as_uri() + "/"}}
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": f"blog/{BAD}", "uriBaseId": "%SRCROOT%"}
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "elsewhere"))
    _, out, _ = _run(capsys, "check", "--select", "frontmatter", "--format", "sarif", BAD)
    where = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where == {"uri": (site / BAD).as_uri()}


def test_statistics_count_the_findings_by_code(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "check", "--offline", "--format", "json", "_posts/bad")
    found = Counter(d["code"] for d in json.loads(out)["diagnostics"])
    assert len(found) > 5
    assert _run(capsys, "check", "--offline", "--statistics", "_posts/bad") == (
        code, "".join(f"{n:>{len(str(max(found.values())))}}  {c}  "
                      f"{CODES[c].severity.value:<7}  {CODES[c].name}"
                      + ("  (1 fixable with --fix)" if c in ("BC401", "BC108") else "") + "\n"
                      for c, n in sorted(found.items(), key=lambda item: (-item[1], item[0])))
        + out_summary(json.loads(out)["summary"]), "")
    _, out, _ = _run(capsys, "check", "--offline", "--statistics", "--format", "json", "_posts/bad")
    rows = json.loads(out)["statistics"]
    assert {row["code"]: row["count"] for row in rows} == found
    assert [row["count"] for row in rows] == sorted(found.values(), reverse=True)
    code, out, err = _run(capsys, "check", "--offline", "--statistics", "--format", "sarif", "_posts/bad")
    assert (code, out) == (2, "") and "--statistics works with --format text or json" in err


def out_summary(summary: dict[str, int]) -> str:
    return f"Checked {summary['files']} files: {summary['errors']} errors, {summary['warnings']} warnings.\n"
