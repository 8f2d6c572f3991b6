"""Messages a new user meets: `words` counts in the singular, `--config
pyproject.toml` without a `[tool.blogcheck]` table, and NO_COLOR as no-color.org
defines it (set and not empty)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import on_a_tty, one_post_site, run

POST = "---\ntitle: Post\n---\n\nThe sturd end.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return one_post_site(tmp_path, POST, monkeypatch)


def test_one_unknown_word_is_singular(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "words")
    assert code == 0 and out.endswith("\n1 unknown word; add the right ones: blogcheck words --add WORD ...\n")


def test_an_explicit_pyproject_without_a_blogcheck_table_is_a_usage_error(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n')
    for command in ("check", "words"):
        assert run(capsys, command, "--config", "pyproject.toml") == (
            2, "", "blogcheck: error: pyproject.toml: no [tool.blogcheck] table, so no setting to read; add one, "
                   "or give a blogcheck.toml\n")
    (site / "pyproject.toml").write_text('[tool.blogcheck]\nignore = ["BC402"]\n')
    assert run(capsys, "check", "--offline", "--config", "pyproject.toml")[0] == 0


def _on_a_tty(site: Path, environ: dict[str, str]) -> str:
    return on_a_tty(["check", "--offline"], site, environ)


def test_an_empty_no_color_leaves_colour_on(site: Path) -> None:
    assert "\033[33mBC402\033[0m" in _on_a_tty(site, {"NO_COLOR": ""})
    assert "\033[" not in _on_a_tty(site, {"NO_COLOR": "0"})
