"""Posts of two sites in one publish run are each checked with their own site's
settings, as `check` does (the config file at each site's root)."""

from __future__ import annotations

from publish_helpers import Sandbox


def test_each_sites_posts_are_checked_with_that_sites_config(sandbox: Sandbox) -> None:
    sandbox.approve("_posts/2024-03-06-day-65.md")
    other = sandbox.source / "other"
    (other / "_posts").mkdir(parents=True)
    (other / "_config.yml").write_text("title: Other\n", encoding="utf-8")
    (other / "blogcheck.toml").write_text('ignore = ["BC401"]\n', encoding="utf-8")  # this site accepts `teh`
    (other / "_posts" / "2024-03-09-notes.md").write_text(
        "---\nstatus: approved\ntitle: Notes\n---\nI read teh book.\n", encoding="utf-8")
    code, out, err = sandbox.publish("_posts/2024-03-06-day-65.md", "other/_posts/2024-03-09-notes.md")
    assert code == 0, out + err
    assert sandbox.has("_posts/2024-03-06-day-65.md") and sandbox.has("_posts/2024-03-09-notes.md")
