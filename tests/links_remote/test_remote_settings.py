"""`[links]` settings and the flags that layer on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.config import Config, ConfigError, load_config
from blogcheck.links.remap import remap
from blogcheck.links.settings import LinkSettings

REPO = Path(__file__).resolve().parents[2]


def _settings(text: str, tmp_path: Path) -> LinkSettings:
    path = tmp_path / "blogcheck.toml"
    path.write_text(text, encoding="utf-8")
    return LinkSettings.from_config(load_config(path))


def test_defaults_are_sane() -> None:
    settings = LinkSettings.from_config(Config())
    assert (settings.max_concurrency, settings.max_per_host, settings.retries) == (128, 10, 2)
    assert settings.accept == tuple(range(200, 300))
    assert settings.cache_ttl == 3 * 86400
    assert settings.max_stale == 30 * 86400 and not settings.suggest_archive
    assert settings.exclude_link_local and not settings.exclude_loopback and not settings.offline


def test_a_config_table_is_read_and_converted(tmp_path: Path) -> None:
    settings = _settings('offline = true\n[links]\ntimeout = 2\ncache_ttl = "12h"\n'
                         'accept = ["200-204", 403, "418..420"]\n'
                         'remap = ["^https://old\\\\.example/ https://new.example/"]\ncache = "c/links.sqlite"\n',
                         tmp_path)
    assert settings.timeout == 2.0 and settings.offline
    assert settings.cache_ttl == 12 * 3600
    assert settings.accept == (*range(200, 300), 403, 418, 419, 420)  # 2xx always: the list adds to it
    assert settings.remap == ((r"^https://old\.example/", "https://new.example/"),)
    assert settings.cache == str(tmp_path / "c" / "links.sqlite")  # relative to the config file


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('remap = ["(unclosed https://x/"]', "`remap`"),
        ('remap = ["just-one-word"]', "REGEX REPLACEMENT"),
        ('remap = ["^(a) \\\\2"]', "no such group"),
        ('exclude = ["[z-a]"]', "`exclude`"),
        ('cache_ttl = "soon"', "duration"),
        ('max_stale = "forever"', "duration"),
        ("max_stale = -1", "duration"),
        ("accept = [99]", "not a status code"),
        ('accept = "200"', "must be a list"),
        ("max_concurrency = 0", "between 1 and 1024"),
        ("timeout = -1", "between"),
        ('user_agent = " "', "must not be empty"),
        ('user_agent = "blogcheck\\nX-Injected: 1"', "one line of printable text"),
        ("remote_anchors = \"yes\"", "true or false"),
        ("retrys = 3", "did you mean `retries`"),
    ],
)
def test_bad_values_are_config_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        _settings(f"[links]\n{text}\n", tmp_path)


def test_remap_first_matching_rule_wins_with_groups() -> None:
    rules = ((r"^https://(\w+)\.example\.org/", r"http://127.0.0.1:9/\1/"), (r"example", "never"))
    assert remap("https://blog.example.org/a?b=1", rules) == "http://127.0.0.1:9/blog/a?b=1"
    assert remap("https://other.test/", rules) == "https://other.test/"


def _site(tmp_path: Path) -> Path:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: t\n")
    post = tmp_path / "_posts" / "2024-01-02-a.md"
    post.write_text("---\ntitle: A\nlayout: post\n---\nText.\n")
    return post


def test_a_bad_remap_flag_exits_2_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--remap", "([ x", str(_site(tmp_path))]) == 2
    assert "`remap`" in capsys.readouterr().err


def test_the_flags_layer_on_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from blogcheck.cli import build_parser
    from blogcheck.commands.check import settings

    post = _site(tmp_path)
    (tmp_path / "blogcheck.toml").write_text('[links]\nremap = ["a b"]\ntimeout = 4\n')
    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(["check", "--remap", "^x y", "--remap", "^p q", "--cache", "here.sqlite",
                                      "--no-cache", str(post)])
    chosen = LinkSettings.from_config(settings(args).config)
    assert chosen.remap == (("^x", "y"), ("^p", "q"))  # the flags replace the file's list
    assert chosen.cache == str(tmp_path / "here.sqlite")
    assert chosen.no_cache and chosen.timeout == 4.0
