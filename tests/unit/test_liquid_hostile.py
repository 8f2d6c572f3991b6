"""Liquid written to make a parser backtrack or rescan: thousands of unclosed `{%`
and `{{`, a tag's markup of 200,000 characters. Liquid's own patterns take time
quadratic in such text (blogcheck's first versions of BC504/BC505 did too, and ran
for minutes); each post here must be a finding or nothing, in one child process
with a timeout, so a regression fails the test instead of stopping the suite."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from blogcheck.jekyll.liquid_syntax import first_error, tokens

HOSTILE = {
    "unclosed-tags": "{%" * 100_000,
    "unclosed-outputs": "{{" * 100_000,
    "both": "{{ {%" * 50_000,
    "tablerow": "{% tablerow " + "a" * 200_000 + " %}",
    "assign": "{% assign " + "a" * 200_000 + " %}",
    "include": "{% include " + "{{ a | " * 20_000 + " %}",
    "raw": "{% raw %}{{ " + "{% " * 50_000 + "}",
    "nested": "{% if x %}" * 50_000,
    "braces": "{{a: 1}, " * 50_000,
}


def test_hostile_liquid_ends_with_a_finding_or_nothing(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    for name, body in HOSTILE.items():
        (tmp_path / "_posts" / f"2024-01-01-{name}.md").write_text(f"---\ntitle: t\n---\n{body}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "blogcheck", "check", "--select", "liquid", "--format", "json"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr
    found = {Path(d["path"]).stem.removeprefix("2024-01-01-"): d["message"]
             for d in json.loads(done.stdout)["diagnostics"] if d["code"] == "BC505"}
    assert found["unclosed-tags"].endswith("Tag '{%' was not properly terminated")
    assert found["unclosed-outputs"].endswith("Variable '{{' was not properly terminated")
    assert found["nested"].endswith("Nesting too deep")  # Liquid stops at the 101st block, before the end
    assert found["braces"].endswith("Variable '{{a: 1}' was not properly terminated")
    # markup too long to hold against its pattern is not judged: the tablerow is still never closed
    assert found["tablerow"].endswith("'tablerow' tag was never closed") and "assign" not in found


def test_tokens_are_liquids() -> None:
    """The linear tokenizer against the pattern Liquid splits with, on short texts."""
    import re

    pattern = re.compile(r"\{%.*?%\}|\{\{.*?\}\}?|\{%|\{\{", re.S)
    for text in ("a {{ b }} c", "{{ a }", "{{ a }}}", "{%}", "{{%}", "{{{%}}", "{% a {{ b %} }}", "{%%}", "{{}}",
                 "x {% a\n b %} {{ c\n}} {{ {%", "}} %} {{ d } e }}", "{{" * 3 + "}" + "{%" * 3 + "%}"):
        assert tokens(text) == [(m.start(), m.group()) for m in pattern.finditer(text)], text
    assert first_error("{% if a %}{% endif %}") is None
