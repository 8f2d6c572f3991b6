"""Plain scalars typed as Jekyll's YAML reader (Psych 4) types them, compared with real Ruby:
PyYAML's YAML 1.1 resolver read `yEs` as text, `1,000` as text and `12:30` as 750."""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
import subprocess

from blogcheck.parse.frontmatter import FrontMatterError, parse

VALUES = ["yes", "yEs", "nO", "oN", "oFF", "tRue", "FALSE", "y", "n", "~", "Null", "nULL", "1,000", "3,14", "1,0.5",
          "12:30", "-12:30", "1:30", "12:30:45", "190:20:30.15", "0:0", "1:2:3:4", "1_000", "1__0", "1.0_0",
          "0o17", "017", "018", "0b1_0", "0x1F", "-0x1F", ".5", "-.5", "+.5", "5.", "+1", "1e3", "1.0e+3",
          "685.230_15e+03", ".inf", "-.Inf", ".NaN", "2024-01-10", "2024-1-1", "2024-02-30", "2024-13-01",
          "2024-01-10 10:00:00", "2024-01-10 10:00:00 +0100", "2024-01-10T10:00:00.5-00:30", "2024-1-2 3:04:05 +1",
          "10:00", ":sym", "+", "=", "_1", "<x>"]
_RUBY = r"""
require "psych"; require "date"; require "json"
JSON.parse(STDIN.read).each do |text|
  v = Psych.safe_load("k: #{text}\n", permitted_classes: [Date, Time, Symbol], aliases: true)["k"]
  kind = v.class.name
  v = v.nan? ? "nan" : v.infinite? ? v.to_s : v if v.is_a?(Float)
  v = v.utc.strftime("%Y-%m-%d %H:%M:%S.%6N") if v.is_a?(Time)
  puts JSON.generate([kind, v.is_a?(Date) || v.is_a?(Symbol) ? v.to_s : v])
end
"""


def _python(text: str) -> list[object]:
    value = parse(f"k: {text}\n").data["k"]
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return ["Float", "nan" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"]
    if isinstance(value, dt.datetime):
        value = (value.astimezone(dt.timezone.utc) if value.tzinfo else value).strftime("%Y-%m-%d %H:%M:%S.%f")
        return ["Time", value]
    if isinstance(value, dt.date):
        return ["Date", value.isoformat()]
    kinds = {bool: "bool", int: "Integer", float: "Float", str: "String", type(None): "NilClass"}
    kind = kinds[type(value)]
    return [str(value) + "Class" if kind == "bool" else kind, value]


def test_plain_scalars_have_the_type_and_value_psych_gives_them() -> None:
    assert shutil.which("ruby"), ".ci/run installs ruby with jekyll"
    done = subprocess.run(["ruby", "-e", _RUBY], input=json.dumps(VALUES), capture_output=True, text=True,
                          timeout=120, check=True)
    ruby = [json.loads(line) for line in done.stdout.splitlines()]
    ours = [_python(text) for text in VALUES]
    ours = [["Symbol", text[1:]] if text.startswith(":") else mine for text, mine in zip(VALUES, ours, strict=True)]
    assert dict(zip(VALUES, ours, strict=True)) == dict(zip(VALUES, ruby, strict=True))


def test_numbers_psych_cannot_read_are_a_finding_not_a_traceback() -> None:
    """Ruby's Float() and Integer() raise on these (`.e+3`, `0b,`): Jekyll cannot read the front matter."""
    for text in (".e+3", "0b,", "0x_"):
        try:
            parse(f"k: {text}\n")
        except FrontMatterError as exc:
            assert exc.code == "BC102"
        else:
            raise AssertionError(text)
    assert parse("k: " + "1," * 100_000 + "1\n").data["k"] == math.inf  # a Bignum to Ruby; fast here
