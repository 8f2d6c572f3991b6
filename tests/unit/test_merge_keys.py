"""YAML merge keys (`<<`) as Jekyll's Psych merges them, compared with real Ruby: in document
order, and a `<<` that merges no mapping is a plain key. PyYAML let explicit keys win
wherever they stood, and refused `<<: x` (a BC102 on front matter Jekyll reads)."""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest

from blogcheck.parse.frontmatter import FrontMatterError, parse

DOCS = ["b: &b {title: Base, x: 1}\ntitle: Mine\n<<: *b\n", "b: &b {title: Base, x: 1}\n<<: *b\ntitle: Mine\n",
        "<<: x\ntitle: t\n", "\"<<\": {a: 1}\ntitle: t\n", "'<<': x\n", "!!str <<: {a: 1}\n",
        "a: &a {k: A, y: 1}\nb: &b {k: B, z: 2}\nk: own\n<<: [*a, *b]\n", "<<: [1, 2]\nt: 1\n",
        "<<: [{a: 1}, 2]\nt: 1\n", "<<: []\nt: 1\n", "<<:\nt: 1\n", "s: &s hi\n<<: *s\n",
        "a: &a {<<: {k: 1}, j: 2}\nm:\n  <<: *a\n  j: 3\n", "<<: {a: 1}\n<<: {a: 2, b: 1}\n"]
_RUBY = """require "psych"; require "date"; require "json"
JSON.parse(STDIN.read).each do |d|
  puts JSON.generate(Psych.safe_load(d, permitted_classes: [Date, Time], aliases: true))
end
"""


def test_merge_keys_give_what_psych_gives() -> None:
    assert shutil.which("ruby"), ".ci/run installs ruby with jekyll"
    done = subprocess.run(["ruby", "-e", _RUBY], input=json.dumps(DOCS), capture_output=True, text=True,
                          timeout=120, check=True)
    assert [parse(doc).data for doc in DOCS] == [json.loads(line) for line in done.stdout.splitlines()]


def test_a_merge_key_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 {k: 1, j: 2}"] + [f"a{n}: &a{n} {{<<: [{', '.join([f'*a{n - 1}'] * 9)}], n{n}: 1}}"
                                        for n in range(1, 12)]
    started = time.monotonic()
    with pytest.raises(FrontMatterError) as caught:
        parse("\n".join(lines) + "\n")
    assert caught.value.code == "BC104" and time.monotonic() - started < 5
