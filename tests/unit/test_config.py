"""Config files: keys, types, nearest-key errors, and the example file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from blogcheck.cli import build_parser
from blogcheck.config import KEYS, ConfigError, find_config, load_config

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "blogcheck.example.toml"
NOT_CONFIG_FLAGS = {"--help", "--version", "--config"}


def test_example_file_loads_and_is_valid() -> None:
    config = load_config(EXAMPLE)
    assert config.select == ()
    assert config.max_file_size == 1_000_000


def test_example_lists_every_key() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for table, keys in KEYS.items():
        body = text if not table else text.split(f"[{table}]", 1)[-1]
        if table:
            assert f"[{table}]" in text, f"section [{table}] missing from blogcheck.example.toml"
        for key, kind in keys.items():
            # a table: `[severity]` at the top, `[links.hosts."NAME"]` below a section
            table_pattern = rf"^#? ?\[{table}\.{key}[\].]" if table else rf"^\[{key}\]"
            pattern = table_pattern if kind is dict else rf"^#? ?{key} ="
            assert re.search(pattern, body, re.MULTILINE), f"`{key}` missing from [{table}]"


def _flags() -> set[str]:
    parser = build_parser()
    found: set[str] = set()
    for action in parser._actions:
        for sub in getattr(action, "choices", None) or {}:
            sub_parser = action.choices[sub]  # type: ignore[index]
            found |= {o for a in sub_parser._actions for o in a.option_strings if o.startswith("--")}
    return found


def test_example_mentions_every_flag() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    missing = [f for f in sorted(_flags() - NOT_CONFIG_FLAGS) if f not in text]
    assert missing == []


def test_unknown_key_names_the_nearest(tmp_path: Path) -> None:
    path = tmp_path / "blogcheck.toml"
    path.write_text('selct = ["BC1"]\n')
    with pytest.raises(ConfigError, match="did you mean `select`"):
        load_config(path)


@pytest.mark.parametrize(("text", "message"), [
    ("timeout = 5\n", r"unknown key `timeout`; it belongs in \[links\]"),
    ("[links]\noffline = true\n", "unknown key `offline`; it belongs at the top level"),
    ('[severity]\nBC1 = "error"\n', r"unknown code `BC1` \(`\[severity\]` takes whole codes"),
    ('[severity]\nbc121 = "error"\n', "unknown code `bc121`; did you mean `BC121`"),
])
def test_a_key_of_another_table_or_a_code_prefix_is_named_as_such(tmp_path: Path, text: str, message: str) -> None:
    """These named no near key (`timeout` at the top), or a wrong one (`BC1`: `BC901`)."""
    path = tmp_path / "blogcheck.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("quiet = 3\n", "must be true or false"),
        ("select = [1]\n", "a list of strings"),
        ('format = "xml"\n', "unknown format"),
        ('select = ["BC9999x"]\n', "neither a check name nor a code prefix"),
        ('[severity]\nBC121 = "fatal"\n', "must be one of"),
        ('[severity]\nBC999 = "error"\n', "unknown code"),
        ("max_file_size = -1\n", "positive"),
        ("title = [\n", "invalid TOML"),
        ("title = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
        # a NUL in a path was a traceback (`ValueError: embedded null byte`) where it was used
        ('output = "a\\u0000b"\n', "`output` holds a NUL character"),
        ('schema = "a\\u0000b"\n', "`schema` holds a NUL character"),
        ('[spelling]\nwordlist = "a\\u0000b"\n', "`wordlist` holds a NUL character"),
        ('[links]\nexclude = ["x", "a\\u0000"]\n', "`exclude` holds a NUL character"),
        # an empty prefix starts every code: in per_file_ignores it silenced every finding
        ('select = [""]\n', "an empty check name"), ('[per_file_ignores]\n"*" = [" "]\n', "an empty check name"),
    ],
)
def test_bad_values_are_config_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "blogcheck.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_binary_config_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "blogcheck.toml"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(path)


def test_pyproject_table_is_found_and_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.blogcheck]\nignore = ["BC121"]\n')
    found = find_config(tmp_path)
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found).ignore == ("BC121",)


def test_blogcheck_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.blogcheck]\nignore = ["BC121"]\n')
    (tmp_path / "blogcheck.toml").write_text("quiet = true\n")
    assert find_config(tmp_path) == tmp_path / "blogcheck.toml"


def test_schema_path_is_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "blogcheck.toml").write_text('schema = "my.schema.json"\n')
    assert load_config(tmp_path / "blogcheck.toml").schema == str(tmp_path / "my.schema.json")


def test_odd_pyproject_is_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 1\n")
    assert find_config(tmp_path) is None


def test_a_section_that_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "blogcheck.toml"
    path.write_text("links = 3\n")
    with pytest.raises(ConfigError, match=r"`links` must be a table"):
        load_config(path)


def test_per_file_ignores_drop_codes_in_matching_posts_only(tmp_path: Path) -> None:
    from blogcheck.jekyll.site import load_site
    from blogcheck.run import run

    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts" / "old").mkdir(parents=True)
    body = "---\ntitle: teh\n---\n![a](/assets/gone.png) [b](/gone/) teh\n"
    for rel in ("_posts/old/2010-01-01-a.md", "_posts/2024-01-01-b.md"):
        (tmp_path / rel).write_text(body, encoding="utf-8")
    (tmp_path / "blogcheck.toml").write_text(
        '[per_file_ignores]\n"_posts/old/*" = ["BC303", "spelling"]\n"*2024-*" = ["BC2"]\n', encoding="utf-8")
    config = load_config(tmp_path / "blogcheck.toml").merged(offline=True)
    found = run([tmp_path / "_posts"], load_site(tmp_path), config).diagnostics
    assert sorted((Path(d.path).name, d.code) for d in found) == [
        ("2010-01-01-a.md", "BC204"),
        ("2024-01-01-b.md", "BC303"), ("2024-01-01-b.md", "BC401"), ("2024-01-01-b.md", "BC401")]


@pytest.mark.parametrize("table,message", [
    ('"_posts/*" = ["BC99"]', "`BC99` is neither a check name nor a code prefix"),
    ('"_posts/*" = ["speling"]', "did you mean `spelling`?"),
    ('"_posts/*" = "BC303"', "per_file_ignores: `_posts/*` must be a list of check names or code prefixes"),
    ('"_posts/*" = [3]', "per_file_ignores: `_posts/*` must be a list"),
])
def test_bad_per_file_ignores_are_usage_errors(tmp_path: Path, table: str, message: str) -> None:
    (tmp_path / "blogcheck.toml").write_text(f"[per_file_ignores]\n{table}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(tmp_path / "blogcheck.toml")
