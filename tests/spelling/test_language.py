"""Posts written in another language than English (`lang:` or `locale:`, the post's,
its `defaults:` or the site's) are not spell-checked: every word would be "unknown"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.spelling.language import is_english

FRENCH = "Nous avons recieve une merveilleuse journée au bord de la mer, avec les enfants.\n"
ENGLISH = "We had a wonderfull day at the sea.\n"


def _site(tmp_path: Path, config: str, posts: dict[str, tuple[str, str]]) -> Path:
    """posts: file name -> (front matter lines, body)."""
    site = tmp_path / "site"
    (site / "_posts" / "fr").mkdir(parents=True)
    (site / "_config.yml").write_text(f"title: t\n{config}", encoding="utf-8")
    for name, (front, body) in posts.items():
        (site / "_posts" / name).write_text(f"---\ntitle: A\n{front}---\n{body}", encoding="utf-8")
    return site


def _check(site: Path, capsys: pytest.CaptureFixture[str]) -> tuple[list[tuple[str, str, str]], list[str]]:
    main(["check", "--select", "spelling", "--format", "json", str(site)])
    report = json.loads(capsys.readouterr().out)
    found = [(Path(d["path"]).name, d["code"], d["word"]) for d in report["diagnostics"]]
    return found, report["summary"]["notes"]


def test_a_post_in_another_language_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, "", {"2024-01-01-en.md": ("", ENGLISH), "2024-01-02-fr.md": ("lang: fr\n", FRENCH),
                                "2024-01-03-br.md": ("locale: pt_BR\n", "Nós tivemos um dia maravilhoso.\n"),
                                "2024-01-04-us.md": ("lang: en-US\n", ENGLISH)})
    found, notes = _check(site, capsys)
    assert found == [("2024-01-01-en.md", "BC401", "wonderfull"), ("2024-01-04-us.md", "BC401", "wonderfull")]
    assert ("2 posts not spell-checked: written in another language than English (`lang:` or `locale:` fr 1, "
            "pt_BR 1)") in notes


def test_the_site_language_and_defaults_count_and_a_post_may_say_otherwise(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = "lang: de\ndefaults:\n  - scope: {path: _posts/fr}\n    values: {lang: fr}\n"
    site = _site(tmp_path, config, {"2024-01-01-de.md": ("", "Wir hatten einen wunderbaren Tag am Meer.\n"),
                                    "2024-01-02-en.md": ("lang: en\n", ENGLISH),
                                    "fr/2024-01-03-fr.md": ("", FRENCH)})
    found, notes = _check(site, capsys)
    assert found == [("2024-01-02-en.md", "BC401", "wonderfull")]
    assert "2 posts not spell-checked: written in another language than English (`lang:` or `locale:` de 1, fr 1)" \
        in notes


def test_an_english_site_locale_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, 'locale: "en_US"\n', {"2024-01-01-a.md": ("", ENGLISH)})  # minimal-mistakes' key
    found, notes = _check(site, capsys)
    assert found == [("2024-01-01-a.md", "BC401", "wonderfull")]
    assert not [n for n in notes if "spell-checked" in n]


def test_words_lists_no_word_of_a_post_in_another_language(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, "", {"2024-01-01-en.md": ("", "A sturd bridge.\n"),
                                "2024-01-02-fr.md": ("lang: fr\n", FRENCH)})
    monkeypatch.chdir(site)
    assert main(["words"]) == 0
    out = capsys.readouterr().out
    assert "sturd" in out and "merveilleuse" not in out and "journée" not in out


@pytest.mark.parametrize(("tag", "english"), [
    ("", True), ("en", True), ("EN", True), ("en-US", True), ("en_GB", True), ("English", True), ("eng", True),
    ("fr", False), ("pt-BR", False), ("de_DE", False), ("enx", False), ("es", False),
])
def test_english_tags(tag: str, english: bool) -> None:
    assert is_english(tag) is english
