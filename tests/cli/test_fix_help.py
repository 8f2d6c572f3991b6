"""`check --help` names every code `--fix` can fix (BC612-BC619 were missing when the help
was typed by hand), from `fixable.FIXES`; and every fix the checks make on a post that
asks for many is for a code FIXES lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_support import one_post_site, run

from blogcheck.codes import CODES
from blogcheck.fixable import FIXES

POST = """---
title: :symbol
---
So <sos> and [text] (https://example.org/a), teh end: run --year 2024, then **Chapter 4 ** too.
A bare https://example.org/b link, cin << x, and ____ blank, :rocket: now.

P(Y|X) is a paragraph with a pipe.

  ## Indented heading

1) a
2) b

- item

    ```python
    def f():
        pass
    ```

```python title="a.py"
x = 1
```

- item
## Heading under a list

```
never closed
"""


def _help(capsys: pytest.CaptureFixture[str]) -> str:
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0
    return " ".join(out.split())


def test_the_fix_help_names_each_code_fix_can_fix(capsys: pytest.CaptureFixture[str]) -> None:
    shown = _help(capsys).split("--fix apply the safe fixes", 1)[1].split("--fix-only apply")[0]
    named = set(re.findall(r"BC\d{3}", shown))
    assert named == set(FIXES) and {f"BC6{n}" for n in range(12, 20)} <= named
    assert "{% raw %} (BC501, BC505)" in shown  # one fix for two codes, named once; no `%%` left
    assert set(FIXES) <= set(CODES)


def test_the_fixes_the_checks_make_are_the_ones_the_help_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    one_post_site(tmp_path, POST, monkeypatch)
    _, out, _ = run(capsys, "check", "--offline", "--format", "json")
    fixed = {d["code"] for d in json.loads(out)["diagnostics"] if "fix" in d}
    assert fixed <= set(FIXES)
    assert len(fixed) >= 15, sorted(fixed)  # the post asks for many fixes: it is no empty check
