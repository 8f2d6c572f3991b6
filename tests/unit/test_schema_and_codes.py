"""Data is linted: the post schema against its metaschema, the code table
against its documentation."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema

from blogcheck.codes import CODES

REPO = Path(__file__).resolve().parents[2]


def test_post_schema_is_valid_2020_12_with_an_id() -> None:
    schema = json.loads((REPO / "schemas" / "post.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_packaged_schema_is_the_top_level_one() -> None:
    packaged = resources.files("blogcheck.schemas").joinpath("post.schema.json").read_text("utf-8")
    assert packaged == (REPO / "schemas" / "post.schema.json").read_text(encoding="utf-8")


def test_schema_accepts_what_jekyll_accepts() -> None:
    schema = json.loads((REPO / "schemas" / "post.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    ok = {"title": "t", "categories": "a b", "tags": ["x"], "image": {"path": "/a.png"}, "excerpt": None,
          "published": False, "custom-key": {"anything": 1}, "toc": {"sidebar": "left"}}  # al-folio's toc
    assert list(validator.iter_errors(ok)) == []
    # numbers Jekyll turns into names (checked with Jekyll 4.3: /2024/ml/... and the tag `3`)
    numbers = {"title": "t", "category": 2024, "categories": [2024, "ml"], "tags": ["python", 3], "tag": 1.5}
    assert list(validator.iter_errors(numbers)) == []
    for bad in ({"title": ""}, {"title": "  "}, {"title": "t", "tags": [True]}, {"title": "t", "published": "no"},
                {"title": "t", "image": 3}, {}, {"title": "t", "categories": 2024}, {"title": "t", "tags": 3}):
        assert list(validator.iter_errors(bad)), bad


def test_codes_are_well_formed_and_documented() -> None:
    docs = (REPO / "docs" / "codes.md").read_text(encoding="utf-8")
    for code, entry in CODES.items():
        assert re.fullmatch(r"BC\d{3}", code)
        assert entry.code == code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", entry.name)
        assert f"### {code} " in docs, f"{code} has no section in docs/codes.md"
    documented = set(re.findall(r"^### (BC\d{3}) ", docs, re.MULTILINE))
    assert documented <= set(CODES), documented - set(CODES)


def test_the_table_of_docs_codes_md_says_what_the_code_does() -> None:
    """Each row of the table atop docs/codes.md: the code's name, severity and summary."""
    docs = (REPO / "docs" / "codes.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| \[(BC\d{3})\]\(#[^)]*\) \| (.*) \|$", docs, re.MULTILINE))
    assert rows == {code: f"{e.name} | {e.severity.value} | {e.summary}" for code, e in CODES.items()}
