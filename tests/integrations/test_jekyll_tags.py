"""`tag:` beside `tags:`: Jekyll's pluralized_array_from_hash reads the singular key when it
has a value and never the plural one, so those tags are lost; `category:` and `categories:`
are joined instead (each held against a real build)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

HOOK = """Jekyll::Hooks.register :site, :post_render do |site|
  File.write(File.join(site.source, "tags.json"), JSON.dump(site.posts.docs.map { |d| [d.data["tags"],
    d.data["categories"]] }))
end
"""


@pytest.mark.parametrize(("front", "lost"), [("tag: jekyll\ntags: [python, web]", True),
                                             ("tag:\ntags: [python, web]", False),
                                             ("tags: [python, web]", False),
                                             ("category: a\ncategories: [b]", False)])
def test_tag_beside_tags_loses_the_tags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str], front: str, lost: bool) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_plugins").mkdir()
    (site / "_config.yml").write_text("title: t\nexclude: [tags.json]\n", encoding="utf-8")
    (site / "_plugins" / "dump.rb").write_text('require "json"\n' + HOOK, encoding="utf-8")
    (site / "_posts" / "2024-01-01-a.md").write_text(f"---\ntitle: A\n{front}\n---\nx\n", encoding="utf-8")
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300,
                           check=False)
    assert build.returncode == 0, build.stderr
    tags, categories = json.loads((site / "tags.json").read_text(encoding="utf-8"))[0]
    if "tags:" in front:
        assert ("python" not in tags) is lost
    else:  # joined
        assert sorted(categories) == ["a", "b"]
    monkeypatch.chdir(site)
    main(["check", "--offline", "--select", "BC106", "--format", "json"])
    found = [(d["code"], d["line"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == ([("BC106", 4)] if lost else [])
