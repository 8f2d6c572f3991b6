"""BC501/BC502 against real Jekyll: every Liquid tag blogcheck reports is missing
from the page Jekyll builds, the code it leaves alone is on the page as written, and
a tag Liquid does not know stops the build, as the message says."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from integration_support import page_text

from blogcheck.cli import main

POSTS = {
    "2024-01-01-dbt.md": """Models use `{{ ref('orders') }}` and this SQL:

```sql
select * from {{ source('shop', 'orders') }}
{% if is_incremental() %}
where updated > (select max(updated) from {{ this }})
{% endif %}
```

Ansible loops over `{{ item }}`; Helm reads {% raw %}`{{ .Values.image }}`{% endraw %}.
The site is {{ site.title }}; dbt's {{ var('start') }} is a variable.

    token: ${{ secrets.TOKEN }}
""",
    "2024-01-02-kept.md": """---
render_with_liquid: false
---
```yaml
image: {{ .Values.image }}
```
""",
    "2024-01-03-meant.md": """{% assign who = "you" %}
```text
Hello {{ who }} from {{ site.title }}, {{ "/about/" | relative_url }}
```
""",
}
BREAKS = "```jinja\n{% set total = 0 %}\n```\n"


def _site(root: Path, posts: dict[str, str]) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Notes\nmarkdown: kramdown\n", encoding="utf-8")
    for name, body in posts.items():
        head = "" if body.startswith("---") else "---\ntitle: t\n---\n"
        (root / "_posts" / name).write_text(head + body, encoding="utf-8")
    return root


def _build(site: Path, quiet: bool = True) -> subprocess.CompletedProcess[str]:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    return subprocess.run(["jekyll", "build", *(["--quiet"] if quiet else [])], cwd=site, capture_output=True,
                          text=True, timeout=300, check=False)


def _findings(site: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    monkeypatch.chdir(site)
    main(["check", "--select", "BC501,BC502", "--format", "json"])
    diagnostics: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return diagnostics


def _page(site: Path, post: str) -> str:
    """The text of a built post's page (highlighted code comes in many spans)."""
    year, month, day, slug = post[:-3].split("-", 3)
    return page_text((site / "_site" / year / month / day / f"{slug}.html").read_text(encoding="utf-8"))


def test_what_is_reported_is_what_jekyll_drops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", POSTS)
    found = _findings(site, monkeypatch, capsys)
    assert [(Path(str(d["path"])).name, d["line"], d["column"], d["code"]) for d in found] == [
        ("2024-01-01-dbt.md", 4, 13, "BC501"),  # `{{ ref('orders') }}` in a code span
        ("2024-01-01-dbt.md", 7, 15, "BC501"),  # the SQL block: source(), the if, this (one finding)
        ("2024-01-01-dbt.md", 13, 21, "BC501"),  # `{{ item }}`
        ("2024-01-01-dbt.md", 14, 37, "BC502"),  # {{ var('start') }} in the text
        ("2024-01-01-dbt.md", 16, 13, "BC501"),  # ${{ secrets.TOKEN }} in an indented block
    ]
    assert "and 3 more Liquid tags in this code" in str(found[1]["message"])
    assert _build(site).returncode == 0
    dbt = _page(site, "2024-01-01-dbt.md")
    for gone in ("ref('orders')", "source('shop'", "is_incremental", "{{ this }}", "{{ item }}", "var('start')",
                 "secrets.TOKEN", "where updated"):  # the `if` dropped its whole body
        assert gone not in dbt, gone
    assert "{{ .Values.image }}" in dbt and "The site is Notes" in dbt  # raw is kept; site.title is filled in
    assert "{{ .Values.image }}" in _page(site, "2024-01-02-kept.md")  # render_with_liquid: false
    assert "Hello you from Notes, /about/" in _page(site, "2024-01-03-meant.md")  # meant, and not reported


def test_an_unknown_tag_in_code_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", {"2024-01-04-jinja.md": BREAKS})
    found = _findings(site, monkeypatch, capsys)
    assert [(d["line"], d["code"]) for d in found] == [(5, "BC501")]
    assert "Jekyll build stops (`Unknown tag 'set'`)" in str(found[0]["message"])
    build = _build(site)
    assert build.returncode != 0 and "Unknown tag 'set'" in build.stdout + build.stderr


def test_after_fix_jekyll_publishes_the_code_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`check --fix` wraps each reported block's Liquid in `{% raw %}`: the build that
    stopped at `{% set %}` passes, every dropped text is on the page, `{{ site.title }}`
    is still filled in, and only the BC502 in the text is left to the writer."""
    site = _site(tmp_path / "site", {**POSTS, "2024-01-04-jinja.md": BREAKS})
    monkeypatch.chdir(site)
    assert main(["check", "--select", "BC501,BC502", "--fix"]) == 1
    assert capsys.readouterr().out.count("BC501 fixed: `{") == 5
    assert [(d["line"], d["code"]) for d in _findings(site, monkeypatch, capsys)] == [(14, "BC502")]
    assert _build(site).returncode == 0
    dbt = _page(site, "2024-01-01-dbt.md")
    for kept in ("{{ ref('orders') }}", "{{ source('shop', 'orders') }}", "{% if is_incremental() %}",
                 "where updated > (select max(updated) from {{ this }})", "{% endif %}", "{{ item }}",
                 "${{ secrets.TOKEN }}", "{{ .Values.image }}", "The site is Notes"):
        assert kept in dbt, kept
    assert "var('start')" not in dbt and "{% raw %}" not in dbt
    assert "{% set total = 0 %}" in _page(site, "2024-01-04-jinja.md")


def test_on_the_corpus_each_finding_is_text_jekyll_drops(corpus_dir: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """The four blogs: findings only in the seed blog's dbt, Jinja and prompt-template
    notes (made-mistakes' 991 posts with Liquid, and jekyll's, have none); each found
    tag's text is in the post and not on the page Jekyll builds from it."""
    found: dict[str, list[dict[str, object]]] = {}
    for blog in sorted(p for p in corpus_dir.iterdir() if (p / "_posts").is_dir()):
        for d in _findings(blog, monkeypatch, capsys):
            found.setdefault(f"{blog.name}/{d['path']}", []).append(d)
    seed = "ivanstudyblog__ivanstudyblog.github.io/_posts/"
    assert sorted(found) == [seed + f"2024-{day}.md" for day in
                             ("06-24-day-175", "07-22-day-203", "08-12-day-224", "12-18-day-352", "12-22-day-356")]
    assert sum(map(len, found.values())) >= 17
    posts = {Path(name).name: (corpus_dir / name).read_text(encoding="utf-8") for name in found}
    site = tmp_path / "site"
    site.mkdir()
    (site / "_posts").mkdir()
    (site / "_config.yml").write_text("title: t\nmarkdown: kramdown\n", encoding="utf-8")
    for name, text in posts.items():  # without the blog's layout (not in the corpus)
        (site / "_posts" / name).write_text(text.replace("layout: post", "layout: none", 1), encoding="utf-8")
    assert _build(site).returncode == 0
    built = {page.read_text(encoding="utf-8") for page in (site / "_site").rglob("*.html")}
    for name, diagnostics in found.items():
        lines = posts[Path(name).name].split("\n")
        for d in diagnostics:
            line, column = int(str(d["line"])), int(str(d["column"]))
            written = lines[line - 1][column - 1:].split("}}")[0].split("%}")[0]  # the tag's first line, as written
            assert written.startswith("{"), (name, line)
            assert not any(written in page_text(page) for page in built), (name, line, written)
    # `check --fix` (BC501 only: the one BC502 is prose) brings back every tag written in code
    monkeypatch.chdir(site)
    assert main(["check", "--select", "BC501,BC502", "--fix"]) == 1
    capsys.readouterr()
    assert [d["code"] for d in _findings(site, monkeypatch, capsys)] == ["BC502"]
    assert _build(site).returncode == 0
    built = {page_text(page.read_text(encoding="utf-8")) for page in (site / "_site").rglob("*.html")}
    for name, diagnostics in found.items():
        lines = posts[Path(name).name].split("\n")
        for d in diagnostics:
            written = lines[int(str(d["line"])) - 1][int(str(d["column"])) - 1:].split("}}")[0].split("%}")[0]
            assert any(written in page for page in built) is (d["code"] == "BC501"), (name, d["line"], written)


def test_every_post_jekyll_warns_about_has_a_finding(corpus_dir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The whole seed blog built with its Liquid: each post Jekyll logs a "Liquid
    Warning" for (its syntax errors) has a finding. blogcheck also reports what Jekyll
    drops without a word (`{{ threshold }}`: valid syntax, no such variable), in the
    same posts here."""
    blog = corpus_dir / "ivanstudyblog__ivanstudyblog.github.io"
    site = tmp_path / "site"
    shutil.copytree(blog / "_posts", site / "_posts")
    (site / "_layouts").mkdir()
    (site / "_layouts" / "post.html").write_text("{{ content }}\n", encoding="utf-8")
    (site / "_config.yml").write_text("title: t\nmarkdown: kramdown\n", encoding="utf-8")
    build = _build(site, quiet=False)  # --quiet hides the warnings
    assert build.returncode == 0
    warned = set(re.findall(r"Liquid Warning: .*? in \S*/(_posts/[^/\s]+\.md)", build.stdout + build.stderr))
    reported = {str(d["path"]) for d in _findings(site, monkeypatch, capsys)}
    assert len(warned) >= 5 and warned <= reported


def test_a_literal_in_code_is_meant_only_when_liquid_reads_it_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`{{ "/about/" | relative_url }}` in a Jekyll tutorial's code is filled in on purpose; a
    Go template's `{{ "hello" | printf "%s" }}` and a Jinja `{{ 'a' | upper }}` are not Liquid
    that Liquid reads whole: the page shows `hello` and `a`."""
    from integration_support import built_post, one_post_site

    codes = ['{{ "hello" | printf "%s" }}', "{{ 'a' | upper }}", '{{ "/about/" | relative_url }}', "{{ 3 | plus: 1 }}"]
    site = one_post_site(tmp_path / "s", "".join(f"```text\nX{i} {code}\n```\n\n" for i, code in enumerate(codes)))
    page = page_text(built_post(site))
    shown = [re.search(rf"X{i} ([^\n]*)", page)[1] for i in range(len(codes))]  # type: ignore[index]
    assert shown == ["hello", "a", "/about/", "4"]
    monkeypatch.chdir(site)
    main(["check", "--select", "BC501", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [d["line"] for d in found] == [5, 9]  # the first two: what they show is not what is written


def test_variables_a_post_does_not_have(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`content` (a layout's), `paginator` (jekyll-paginate's pages'), `include` (an included
    file's) and `theme` (a gem theme's) print nothing in a post."""
    from integration_support import built_post, one_post_site

    names = ["content", "paginator.page", "include.x", "theme.version"]
    text = " ".join(f"{name.split('.')[0].upper()}=[{{{{ {name} }}}}]" for name in names)
    site = one_post_site(tmp_path / "s", f"{text}\n\n```text\n{{{{ include.code }}}}\n```\n")
    page = page_text(built_post(site))
    assert all(f"{name.split('.')[0].upper()}=[]" in page for name in names)
    found = _selected(site, "BC501,BC502", monkeypatch, capsys)
    assert [(d["code"], d["line"]) for d in found] == [("BC502", 4)] * 4 + [("BC501", 7)]
    assert "only the pages jekyll-paginate builds have it" in found[1]["message"]


def test_a_loop_variable_outside_its_loop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from integration_support import built_post, one_post_site

    text = ("A=[{{ forloop.index }}] {% for i in (1..2) %}{{ forloop.index }}{% if true %}{{ forloop.last }}"
            "{% endif %}{% endfor %} B=[{{ forloop.first }}] {% tablerow x in (1..1) %}{{ tablerowloop.col }}"
            "{% endtablerow %} C=[{{ tablerowloop.col }}]\n")
    site = one_post_site(tmp_path / "s", text)
    page = page_text(built_post(site))
    assert "A=[] 1false2true B=[]" in page and "C=[]" in page
    found = _selected(site, "BC502", monkeypatch, capsys)
    assert [text[d["column"] - 1:].split("}}")[0] + "}}" for d in found] == [
        "{{ forloop.index }}", "{{ forloop.first }}", "{{ tablerowloop.col }}"]
    assert [d["column"] for d in found] == [4, text.index("{{ forloop.first") + 1, text.rindex("{{ tablerowloop") + 1]


def test_a_variable_before_its_assign_or_after_its_loop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from integration_support import built_post, one_post_site

    text = ("A=[{{ x }}] {% assign x = 1 %} B=[{{ x }}] {% for i in (1..2) %}{{ i }}{{ y }}{% assign y = 2 %}"
            "{% endfor %} C=[{{ i }}] {% for j in (1..2) %}{% assign last = j %}{% endfor %} D=[{{ last }}] "
            "{% capture c %}z{% endcapture %}E=[{{ c }}]\n")
    site = one_post_site(tmp_path / "s", text)
    page = page_text(built_post(site))
    assert "A=[] B=[1] 122 C=[] D=[2] E=[z]" in " ".join(page.split())
    found = _selected(site, "BC502", monkeypatch, capsys)
    assert [d["column"] for d in found] == [text.index("{{ x }}") + 1, text.index("{{ i }}]") + 1]
    assert "assigns it further down" in found[0]["message"] and "loop that has ended" in found[1]["message"]


def test_variables_set_by_an_include_a_liquid_tag_and_code_above_their_assign(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from integration_support import built_post, one_post_site

    text = ("A=[{{ who }}] {% include vars.html %} B=[{{ who }}] {% liquid assign z = 3 %} C=[{{ z }}]\n\n"
            "```text\nD={{ later }}\n```\n\n{% assign later = 1 %}E=[{{ later }}]\n")
    site = one_post_site(tmp_path / "s", text)
    (site / "_includes").mkdir()
    (site / "_includes" / "vars.html").write_text('{% assign who = "you" %}', encoding="utf-8")
    page = page_text(built_post(site))
    assert "A=[] B=[you] C=[3]" in " ".join(page.split()) and "D=\n" in page and "E=[1]" in page
    found = _selected(site, "BC501,BC502", monkeypatch, capsys)
    assert [(d["code"], d["line"]) for d in found] == [("BC502", 4), ("BC501", 7)]
    assert all("further down" in d["message"] for d in found)
    (site / "_includes" / "vars.html").write_text('{% include more.html %}', encoding="utf-8")  # not read further
    found = _selected(site, "BC502", monkeypatch, capsys)
    assert [d["column"] for d in found] == [4]  # above the include, `who` has no value; after it, it may


def _selected(site: Path, select: str, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    monkeypatch.chdir(site)
    main(["check", "--select", select, "--format", "json"])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found
