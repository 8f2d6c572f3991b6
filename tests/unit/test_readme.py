"""The README's code table and config reference are generated from the code
table and blogcheck.example.toml; `pytest --update-golden` rewrites them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from blogcheck.codes import CODES

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"


def _codes_table() -> str:
    rows = ["| code | name | check | severity | meaning |", "|---|---|---|---|---|"]
    for code, entry in sorted(CODES.items()):
        anchor = f"{code.lower()}-{entry.name}"
        rows.append(f"| [{code}](docs/codes.md#{anchor}) | {entry.name} | {entry.check} | "
                    f"{entry.severity.value} | {entry.summary} |")
    return "\n".join(rows)


def _config_block() -> str:
    return "```toml\n" + (REPO / "blogcheck.example.toml").read_text(encoding="utf-8").rstrip("\n") + "\n```"


BLOCKS = {"codes": _codes_table, "config": _config_block}


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_generated_block_is_current(name: str, request: pytest.FixtureRequest) -> None:
    text = README.read_text(encoding="utf-8")
    pattern = re.compile(rf"(<!-- {name}:start -->\n)(.*?)(<!-- {name}:end -->)", re.DOTALL)
    match = pattern.search(text)
    assert match, f"README.md lacks the <!-- {name}:start/end --> markers"
    wanted = BLOCKS[name]() + "\n"
    if request.config.getoption("--update-golden") and match[2] != wanted:
        README.write_text(text[: match.start(2)] + wanted + text[match.end(2):], encoding="utf-8")
        text = README.read_text(encoding="utf-8")
        match = pattern.search(text)
        assert match
    assert match[2] == wanted


def test_readme_gives_the_two_fresh_machine_commands() -> None:
    text = README.read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    assert test_command in text and test_command in ci
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/blogcheck check examples/" in text
