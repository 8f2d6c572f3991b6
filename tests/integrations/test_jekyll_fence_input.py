"""BC620 against real Jekyll: with `kramdown: {input: kramdown}` a backtick fence (at the top
level, in a list item, in a quote) is inline code in a paragraph on the page; after `--fix`
writes it with `~~~` it is a highlighted block. Where `~~~` would make no block, or cut the
code short, the fix is withheld; a GFM site (Jekyll's default) gets no finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site

from blogcheck.cli import main

KRAMDOWN = "title: t\nmarkdown: kramdown\nkramdown:\n  input: kramdown\n"
GFM = KRAMDOWN.replace("input: kramdown", "input: GFM")
FIXABLE = """Top:

```python
x = 1
```

- item

  ````ruby
  y = 2
  ````

> ```python
> z = 3
> ```
"""
_INNER = "```\n~~~\n```\n\n"  # a line of its code would close a `~~~` fence
WITHHELD = f"""Text right above
```python
a = 1
```

{_INNER}```python title="a.py"
b = 2
```

  ```python
  c = 3
  ```

```python
d = 4 <!-- blogcheck: ignore BC620 -->
```

```python
never closed
"""
_CODE = '<code class="language-plaintext highlighter-rouge">'  # inline code
_INLINE = _CODE + "python\n"  # the language shown as code text


def _found(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    main(["check", "--select", "markup", "--offline", "--no-cache", "--format", "json"])
    return [d for d in json.loads(capsys.readouterr().out)["diagnostics"] if d["code"] == "BC620"]


def test_backtick_fences_are_inline_code_and_fix_makes_blocks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", FIXABLE, KRAMDOWN)
    monkeypatch.chdir(site)
    found = _found(capsys)
    assert [(d["line"], d["column"], d["severity"], d["fix"]) for d in found] == [
        (6, 1, "error", [[6, 1, "```", "~~~"], [8, 1, "```", "~~~"]]),
        (12, 3, "error", [[12, 3, "````", "~~~~"], [14, 3, "````", "~~~~"]]),
        (16, 3, "error", [[16, 3, "```", "~~~"], [18, 3, "```", "~~~"]])]
    assert "`~~~`" in str(found[0]["hint"]) and "input: GFM" in str(found[0]["hint"])
    before = built_post(site)
    assert f"<p>{_INLINE}x = 1\n</code></p>" in before and f"<p>{_INLINE}z = 3\n</code></p>" in before
    assert f"{_CODE}ruby\ny = 2\n</code>" in before and 'class="highlight"' not in before
    post = site / "_posts" / "2024-01-01-p.md"
    written = post.read_text(encoding="utf-8")
    assert main(["check", "--select", "BC620", "--fix"]) == 0
    capsys.readouterr()
    assert post.read_text(encoding="utf-8") == written.replace("`", "~")  # every other byte kept
    after = built_post(site)
    assert after.count('<div class="language-python highlighter-rouge"><div class="highlight">') == 2
    assert after.count('<div class="language-ruby highlighter-rouge"><div class="highlight">') == 1
    assert "<blockquote>" in after and _INLINE not in after and "~~~" not in after
    assert _found(capsys) == []


def test_the_fix_is_withheld_where_tildes_would_not_make_the_block(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", WITHHELD, KRAMDOWN)
    monkeypatch.chdir(site)
    found = _found(capsys)
    hints = {d["line"]: str(d["hint"]) for d in found}
    assert all(d.get("fix") is None for d in found) and sorted(hints) == [5, 9, 13, 17, 21, 25]
    assert "a line of text is right above it" in hints[5] and "would close a `~~~` fence" in hints[9]
    assert "(BC613)" in hints[13] and "only at the start of its line" in hints[17]
    assert "`blogcheck: ignore` mark" in hints[21] and "never closed (BC615)" in hints[25]
    post = site / "_posts" / "2024-01-01-p.md"
    written = post.read_text(encoding="utf-8")
    main(["check", "--select", "BC620", "--fix"])
    capsys.readouterr()
    assert post.read_text(encoding="utf-8") == written
    # The same edit by hand shows why: kramdown takes none of these for a `~~~` block (its text runs
    # on, the words or the indentation keep it a paragraph, it is never closed), and a `~~~` line of
    # code ends the code there.
    post.write_text(written.replace(_INNER, "").replace("```", "~~~"), encoding="utf-8")
    page = built_post(site)
    assert "<p>Text right above\n~~~python\na = 1\n~~~</p>" in page and "<p>~~~python title=" in page
    assert "<p>~~~python\n  c = 3\n  ~~~</p>" in page and "<p>~~~python\nnever closed</p>" in page
    post.write_text("---\ntitle: t\n---\n" + _INNER.replace("```", "~~~"), encoding="utf-8")
    assert '<pre class="highlight"><code></code></pre>' in built_post(site)


@pytest.mark.parametrize("config", ["title: t\nmarkdown: kramdown\n", GFM])
def test_a_gfm_site_has_no_finding(config: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", FIXABLE, config)
    monkeypatch.chdir(site)
    assert _found(capsys) == []
    page = built_post(site)
    assert page.count('<div class="highlight">') == 3 and _INLINE not in page


def test_markdown_input_knows_no_fence_at_all_so_no_tilde_fix(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", FIXABLE, KRAMDOWN.replace("input: kramdown", "input: Markdown"))
    monkeypatch.chdir(site)
    found = _found(capsys)
    assert [d["line"] for d in found] == [6, 12, 16] and all(d.get("fix") is None for d in found)
    assert all("~~~" not in str(d["hint"]) and "input: GFM" in str(d["hint"]) for d in found)
    page = built_post(site)
    assert f"<p>{_INLINE}x = 1\n</code></p>" in page
