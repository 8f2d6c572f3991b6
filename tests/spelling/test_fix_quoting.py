"""`check --fix` writes a fix as the place it stands in needs: `''` for an apostrophe in
single-quoted YAML, an entity for a quote inside a quoted HTML attribute, and no fix at all
in an unquoted attribute value that a space would split. The fixed post is read again
and must be valid YAML (no BC102) and clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from blogcheck.cli import main
from blogcheck.spelling.prose import written


def _post(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-p.md"
    post.write_bytes(text.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    return post


def _codes(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str | None]]:
    capsys.readouterr()
    main(["check", "--offline", "--select", "spelling,BC102", "--format", "json", "_posts"])
    return [(d["code"], d.get("word")) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


FRONT_CASES = [
    ("title: 'Why I dont use tabs'\n", "title: 'Why I don''t use tabs'\n"),
    ('title: "Why I dont use tabs"\n', 'title: "Why I don\'t use tabs"\n'),
    ("title: Why I dont use tabs\n", "title: Why I don't use tabs\n"),
    # written otherwise than YAML reads it, but the word itself is written as it reads
    ("title: 'It''s a recieve title'\n", "title: 'It''s a receive title'\n"),
    ('title: "A \\"quoted\\" seperate one"\n', 'title: "A \\"quoted\\" separate one"\n'),
    ("excerpt: >\n  folded with\n  definately inside\n", "excerpt: >\n  folded with\n  definitely inside\n"),
]


@pytest.mark.parametrize(("before", "after"), FRONT_CASES)
def test_a_front_matter_fix_keeps_the_yaml_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str], before: str, after: str) -> None:
    post = _post(tmp_path, monkeypatch, f"---\n{before}---\n\nBody.\n")
    assert main(["check", "--offline", "--select", "spelling", "--fix", "_posts"]) == 0
    assert post.read_text(encoding="utf-8") == f"---\n{after}---\n\nBody.\n"
    value = next(iter(yaml.safe_load(after).values()))
    assert "'" not in before or "'" in value  # the apostrophe is in the value YAML reads
    assert _codes(capsys) == []


def test_an_alias_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """`excerpt: *t` is the title's words again, written once: one finding, one fix, and
    the report after the fix has no error left."""
    post = _post(tmp_path, monkeypatch, "---\ntitle: &t How I recieve mail\nexcerpt: *t\n---\n\nBody.\n")
    assert _codes(capsys) == [("BC401", "recieve")]
    assert main(["check", "--offline", "--select", "spelling", "--fix", "_posts"]) == 0
    assert post.read_text(encoding="utf-8").startswith("---\ntitle: &t How I receive mail\n")


def test_an_alt_attribute_fix_stays_one_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    body = ("<img src=\"a.png\" alt='I dont know'>\n\n"
            "<img src=\"b.png\" alt=atleast width=10>\n\n"
            "Inline <img src=\"c.png\" alt='they dont'> and <img src=\"d.png\" alt=\"we dont\"> here.\n")
    post = _post(tmp_path, monkeypatch, "---\ntitle: t\n---\n\n" + body)
    assert main(["check", "--offline", "--select", "spelling", "--fix", "_posts"]) == 1  # atleast is left
    fixed = body.replace("'I dont know'", "'I don&#39;t know'").replace("'they dont'", "'they don&#39;t'")
    fixed = fixed.replace('"we dont"', '"we don\'t"')
    assert post.read_text(encoding="utf-8") == "---\ntitle: t\n---\n\n" + fixed
    assert _codes(capsys) == [("BC401", "atleast")]  # reported, with the reason it is not fixed here
    main(["check", "--offline", "--select", "spelling", "_posts"])
    assert "unquoted HTML attribute value" in capsys.readouterr().out


@pytest.mark.parametrize(("fix", "context", "expected"), [
    ("don't", "", "don't"), ("don't", "yaml", "don't"), ("don't", "yaml'", "don''t"),
    ("say \"hi\"", 'yaml"', 'say \\"hi\\"'), ("don't", "attr'", "don&#39;t"), ("don't", 'attr"', "don't"),
    ("at least", "attr", None), ("don't", "attr", None), ("receive", "attr", "receive"),
])
def test_written(fix: str, context: str, expected: str | None) -> None:
    assert written(fix, context) == expected


def test_an_anchor_or_a_tag_before_a_value_is_never_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`title: &dont dont` became `&don't dont`, invalid YAML, with the value unchanged (a
    second audit); the word is the value's, after its anchor or tag."""
    post = _post(tmp_path, monkeypatch, "---\ntitle: &dont dont\ndescription: *dont\nexcerpt: !note alot\n---\n\nx\n")
    assert main(["check", "--offline", "--select", "spelling", "--fix", "_posts"]) == 0
    assert post.read_text(encoding="utf-8") == ("---\ntitle: &dont don't\ndescription: *dont\nexcerpt: !note a lot\n"
                                                "---\n\nx\n")
    assert _codes(capsys) == []


def test_text_like_an_alt_inside_another_attribute_is_no_alt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """`title='x alt="dont" y'` holds no alt attribute: the fix closed the title early and
    kramdown showed the tag as text (a second audit). Attributes are read one by one."""
    body = "Text <img src=\"a.png\" title='x alt=\"dont\" y' alt=\"I dont\"> here.\n"
    post = _post(tmp_path, monkeypatch, "---\ntitle: t\n---\n\n" + body)
    assert main(["check", "--offline", "--select", "spelling", "--fix", "_posts"]) == 0
    assert post.read_text(encoding="utf-8").endswith("title='x alt=\"dont\" y' alt=\"I don't\"> here.\n")
