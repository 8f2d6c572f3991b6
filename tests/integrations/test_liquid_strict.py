"""BC509 against `jekyll build`: with `liquid: strict_variables` and `strict_filters` in
`_config.yml`, every post blogcheck reports stops the build on the name it gives, every
post it passes builds, and without those settings all of them build and none is reported."""

from __future__ import annotations

import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.jekyll.liquid_strict import settings

STRICT = "liquid:\n  strict_variables: true\n  strict_filters: true\n"
CONFIG = "title: S\nmarkdown: kramdown\nauthor:\n  name: Me\n"
FRONT = "title: Hello\nmeta:\n  a: 1\ntags: [x]\n"
# body -> the name Liquid says is undefined ("" when the post builds)
CASES = {
    "{{ page.foo }}": "foo",
    "{{ page.meta.a }} {{ page.meta }}": "",
    "{{ page.meta.b }}": "b",
    "{{ site.author.name }} {{ site.title }} {{ site.posts.size }} {{ site.time }}": "",
    "{{ site.author.x }}": "x",
    "{{ site.url }}": "url",  # a plain `jekyll build` has none
    "{{ site.data.people.name }}": "",
    "{{ site.data.peeps }}": "peeps",
    "{% if page.draft_x %}y{% endif %}": "draft_x",
    "{% unless page.title %}y{% endunless %} {% if page.tags contains 'x' %}y{% endif %}": "",
    "{% if nope %}y{% endif %}": "nope",
    "{% assign z = 1 %}{% if z %}{{ z }}{% endif %}": "",
    "{% capture c %}x{% endcapture %}{{ c }}": "",
    "{% for i in (1..page.n) %}{% endfor %}": "n",
    "{% for i in (1..3) %}{{ forloop.index }}{% endfor %}": "",
    "{% for p in site.posts reversed limit: 1 %}{{ p.title }}{% endfor %}": "",
    '{{ page.foo | default: "x" }}': "foo",  # the default filter comes too late
    '{{ page["nope"] }}': "nope",
    '{% assign y = page.missing | default: 1 %}': "missing",
    '{{ "a" | date: page.fmt }}': "fmt",
    '{{ "a" | slugifyy }}': "slugifyy",
    '{{ "b,a" | split: "," | sort_natural | join: "-" }} {{ page.date | date: "%Y" }}': "",
    '{{ page.title | upcase | truncate: 3 }} {{ jekyll.version }} {{ page.url }} {{ page.slug }}': "",
    "```\n{{ page.in_code }}\n```": "in_code",
    "```\n{{ nope_in_code }}\n```": "nope_in_code",  # BC501, which says the build stops
    "{% raw %}{{ page.not_liquid }}{% endraw %} {% comment %}{{ page.gone }}{% endcomment %}": "",
}


def _site(root: Path, body: str, config: str) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_data").mkdir()
    (root / "_data" / "people.yml").write_text("name: x\n", encoding="utf-8")
    (root / "_config.yml").write_text(config, encoding="utf-8")
    (root / "_posts" / "2024-03-06-hello.md").write_text(f"---\n{FRONT}---\n{body}\n", encoding="utf-8")
    return root


def _build(site: Path) -> str:
    """"" when the site builds, else Jekyll's message."""
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    done = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    return "" if done.returncode == 0 else done.stdout + done.stderr


def _found(site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    monkeypatch.chdir(site)
    main(["check", "--select", "liquid", "--format", "json"])
    found: list[dict[str, str]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found


def test_what_strict_liquid_stops_is_what_jekyll_stops(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    sites = [_site(tmp_path / f"s{i}", body, CONFIG + STRICT) for i, body in enumerate(CASES)]
    with ThreadPoolExecutor(4) as pool:
        built = list(pool.map(_build, sites))
    wrong = []
    for (body, name), site, failure in zip(CASES.items(), sites, built, strict=True):
        found = _found(site, monkeypatch, capsys)
        says = [d["message"] for d in found]
        kind = "filter" if name == "slugifyy" else "variable"
        jekyll_says = f"undefined {kind} {name}" if name else ""
        quoted = f"`Liquid error: {jekyll_says}`" if found and found[0]["code"] == "BC509" else "strict_variables`"
        if (name and (jekyll_says not in failure or len(found) != 1 or quoted not in says[0]
                      or "stops" not in says[0])) or (not name and (failure or found)):
            wrong.append((body, name, failure[-300:], says))
    assert wrong == []
    assert sum(bool(name) for name in CASES.values()) >= 12  # both verdicts are well tried
    assert sum(not name for name in CASES.values()) >= 10


def test_without_the_settings_the_same_posts_build_and_nothing_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    bodies = [body for body, name in CASES.items() if name and "nope" not in body]
    site = _site(tmp_path / "lax", "\n\n".join(bodies), CONFIG)
    assert _build(site) == ""
    assert _found(site, monkeypatch, capsys) == []  # `{{ page.x }}` in code is meant, as always


def test_the_place_and_a_close_filter(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "s", 'Intro.\n\nSee {{ "a" | slugifyy }} and {{ page.autor }}.', CONFIG + STRICT)
    found = _found(site, monkeypatch, capsys)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("BC509", 9, 5), ("BC509", 9, 30)]
    assert found[0]["hint"] == "did you mean `slugify`?"


def test_plugins_that_may_add_names_are_not_judged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    body = '{{ page.foo }} {{ site.foo }} {{ "a" | slugifyy }}'
    site = _site(tmp_path / "own", body, CONFIG + STRICT)
    (site / "_plugins").mkdir()
    (site / "_plugins" / "names.rb").write_text("# adds site.foo in a generator\n", encoding="utf-8")
    assert _found(site, monkeypatch, capsys) == []
    site = _site(tmp_path / "gem", body, CONFIG + STRICT + "plugins:\n  - jekyll-unknown-gem\n")
    assert _found(site, monkeypatch, capsys) == []
    site = _site(tmp_path / "theme", body, CONFIG + STRICT + "theme: minima\n")  # its _config.yml adds to site
    assert [d["message"].split("`")[3] for d in _found(site, monkeypatch, capsys)] == ["foo", "slugifyy"]


def test_a_post_jekyll_leaves_out_gets_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "s", "{{ page.autor }}", CONFIG + STRICT)
    post = site / "_posts" / "2024-03-06-hello.md"
    post.write_text(post.read_text(encoding="utf-8").replace("---\n", "---\npublished: false\n", 1), encoding="utf-8")
    [found] = _found(site, monkeypatch, capsys)
    assert found["code"] == "BC509" and found["severity"] == "warning" and "published: false" in found["message"]


@pytest.mark.parametrize(("value", "strict"), [("true", True), ("0", True), ('"yes"', True), ("false", False),
                                               ("no", False), ("~", False)])
def test_settings_read_as_ruby_reads_them(value: str, strict: bool) -> None:
    import yaml

    config = yaml.safe_load(f"liquid:\n  strict_variables: {value}\n")
    assert settings(config).variables is strict
    assert not settings({"liquid": "strict"}) and not settings({})


def test_error_mode_strict_stops_on_what_the_default_mode_warns_about(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    body = "Read {{ page.title bar }} here.\n\n{% include note.html %}\n"
    lax = _site(tmp_path / "lax", body, CONFIG)
    strict = _site(tmp_path / "strict", body, CONFIG + "liquid:\n  error_mode: strict\n")
    for site in (lax, strict):
        (site / "_includes").mkdir()
        (site / "_includes" / "note.html").write_text("<p>{{ include.a b }}</p>\n", encoding="utf-8")
    assert _build(lax) == ""  # "Liquid Warning", and the page drops ` bar`
    assert [(d["code"], d["line"]) for d in _found(lax, monkeypatch, capsys)] == [("BC510", 7)]
    failure = _build(strict)
    assert 'Expected end_of_string but found id in "{{ page.title bar }}"' in failure
    found = _found(strict, monkeypatch, capsys)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("BC505", 7, 6), ("BC505", 9, 1)]
    assert found[0]["message"].endswith('Expected end_of_string but found id in "{{ page.title bar }}"')
    assert "note.html" in found[1]["message"] and "{{ include.a b }}" in found[1]["message"]
    post = strict / "_posts" / "2024-03-06-hello.md"
    post.write_text(post.read_text(encoding="utf-8").replace(" bar", ""), encoding="utf-8")
    assert "{{ include.a b }}" in _build(strict)  # then the include stops it, as said


LOOSE = {  # text -> it is read loosely (Jekyll warns)
    "{{ page.title bar }}": True, "{% if (true or false) %}yes{% endif %}": True, "{{ page.title | | upcase }}": True,
    '{% if page.title | upcase == "X" %}y{% endif %}': True, "{% for t in page.tags foo: 1 %}{{ t }}{% endfor %}": True,
    "{% assign v = page.title x %}{{ v }}": True, "{{ page.title | append: 'a' b }}": True,
    '{{ page.title | append: "!" | upcase }}': False,
    "{% if page.title and page.tags contains 'x' %}y{% endif %}": False,
    "{% for t in page.tags reversed limit: 1 %}{{ t }}{% endfor %}": False, "{{ page.meta['a'] }}": False,
    "{% for t in page.tags limit: 1 reversed %}{{ t }}{% endfor %}": True,  # `reversed` goes first
}


def test_what_jekyll_warns_about_and_reads_loosely(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    body = "\n\n".join(LOOSE) + "\n\n```\n{{ code bar }}\n```\n"  # in code, BC501 says it
    site = _site(tmp_path / "s", body, CONFIG)
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    done = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    warned = [line.split(" in ")[0].split("): ")[1] for line in (done.stdout + done.stderr).splitlines()
              if "Liquid Warning" in line]
    found = _found(site, monkeypatch, capsys)
    loose = [d for d in found if d["code"] == "BC510"]
    assert [d["line"] for d in loose] == [7 + 2 * i for i, bad in enumerate(LOOSE.values()) if bad]
    assert [d["message"].split("refuses it (")[1].split(" in ")[0] for d in loose] == warned[:len(loose)]
    assert len(warned) == len(loose) + 1 and [d["code"] for d in found if d not in loose] == ["BC501"]
    assert all(d["severity"] == "warning" for d in loose)


SV = "liquid:\n  strict_variables: true\n"
SF = "liquid:\n  strict_filters: true\n"
DEFAULTS = "defaults:\n  - scope: {path: ''}\n    values:\n      meta: {b: 2}\n"
# (config, body, extra files, codes blogcheck reports, whether `jekyll build` stops)
MORE = [
    ("", "{% if true and %}y{% endif %}", {}, ["BC505"], True),  # the lax parser refuses it too
    (SV + DEFAULTS, "{{ page.meta.a }} {{ page.meta.b }}", {}, [], False),  # defaults: merged key by key
    (SV, "{{ site.data.myfile.x }} {{ site.data.my_file.x }}",
     {"_data/my.file.yml": "x: 1\n", "_data/my file.yml": "x: 2\n"}, [], False),  # named as Jekyll names them
    (SV, "{{ site.data.notes }}", {"_data/notes.txt": "x\n"}, ["BC509"], True),  # not a data file to Jekyll
    (SV, "{{ site.data.upper }}", {"_data/upper.YML": "x: 1\n"}, ["BC509"], True),
    (SF, "{% if page.title | nofilter %}y{% endif %} {% for t in page.tags | nofilter %}{% endfor %}", {},
     ["BC510", "BC510"], False),  # a condition or a loop applies no filter (Liquid warns of the `|`)
    (SF, "{% assign x = page.title | nofilter %}", {}, ["BC509"], True),
    ("", "{{ true }} {{ nil | default: 'x' }} {{ empty }}", {}, [], False),  # literals, not variables
    (SV, "<!-- {{ nope }} -->", {}, ["BC502"], True),  # a strict build stops in a comment too
    ("", "<!-- {{ nope }} -->", {}, [], False),
    (SV, "{% include note.html p=page.nope %}", {"_includes/note.html": "<p>{{ include.p }}</p>\n"}, ["BC509"],
     True),
    (SV, '{% include note.html p="x" q=page.title %}', {"_includes/note.html": "<p>{{ include.p }}</p>\n"}, [],
     False),
    (SV, "{{ content }}", {}, ["BC502"], False),  # empty, but no build stop: the message must not say it stops
    ("", "{% for t in page.nope %}{% else %}[{{ forloop.index }}]{% endfor %}", {}, ["BC502"], False),
    ("", "```\n{{ page.title bar }}\n```", {}, ["BC501"], False),  # the code shows `Hello`, with a warning
    (SV, "{{ site.serving }} {{ jekyll.environment }}", {}, [], False),
    (SV, "{{ jekyll.env }}", {}, ["BC509"], True),
    (SF, "```\n{{ 'a' | upper }}\n```", {}, ["BC501"], True),  # a Jinja filter in code: the strict build stops
    ("", "```\n{{ 'a' | upper }}\n```", {}, ["BC501"], False),  # the code shows `a`
]


def test_more_cases_against_jekyll(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    sites = []
    for i, (config, body, extra, _, _) in enumerate(MORE):
        site = _site(tmp_path / f"m{i}", body, CONFIG + config)
        for name, text in extra.items():
            (site / name).parent.mkdir(exist_ok=True)
            (site / name).write_text(text, encoding="utf-8")
        sites.append(site)
    with ThreadPoolExecutor(4) as pool:
        built = list(pool.map(_build, sites))
    wrong = []
    for (config, body, _, codes, stops), site, failure in zip(MORE, sites, built, strict=True):
        found = _found(site, monkeypatch, capsys)
        said_stop = any("stops" in d["message"] for d in found)
        if [d["code"] for d in found] != codes or bool(failure) is not stops or said_stop is not stops:
            wrong.append((config, body, failure[-200:], [(d["code"], d["message"]) for d in found]))
    assert wrong == []


def test_a_page_is_not_held_to_a_posts_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "s", "x", CONFIG + SV)
    (site / "about.md").write_text("---\ntitle: About\n---\n{{ page.dir }} {{ content }}\n", encoding="utf-8")
    assert _build(site) == ""
    monkeypatch.chdir(site)
    main(["check", "--select", "liquid", "--format", "json", "about.md"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [d["code"] for d in found] == ["BC502"]  # `content`: another page's HTML, or nothing
    assert "a layout has it" in found[0]["message"]
    (site / "about.md").write_text("---\ntitle: About\n---\n{{ page.date }}\n", encoding="utf-8")  # a post's
    assert "undefined variable date" in _build(site)
    main(["check", "--select", "liquid", "--format", "json", "about.md"])
    [found] = json.loads(capsys.readouterr().out)["diagnostics"]
    assert found["code"] == "BC509" and "`Liquid error: undefined variable date`" in found["message"]
    (site / "_config.yml").write_text(CONFIG + SV + "collections:\n  recipes:\n    output: true\n", encoding="utf-8")
    (site / "_recipes").mkdir()
    (site / "_recipes" / "soup.md").write_text("---\ntitle: Soup\n---\n{{ page.date }}\n", encoding="utf-8")
    (site / "about.md").unlink()
    assert _build(site) == ""  # a collection's document has a date, as a post does
    main(["check", "--select", "liquid", "--format", "json", "_recipes/soup.md"])
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []
