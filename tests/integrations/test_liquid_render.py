"""BC507 and BC508 against the Liquid that Jekyll runs: `blogcheck.jekyll.liquid_render`
must name exactly the texts whose rendering raises (the build stops) or drops the text
after a construct (the build goes on). The oracle, `liquid_render_oracle.rb`, renders
each text with Jekyll's filters and tags as Jekyll renders a post (`render!`, Liquid's
"warn" mode). Each text holds `TAIL` (at its end, or in a branch that should show): a
rendering without it lost text."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.jekyll.liquid_render import problems
from blogcheck.links.liquid import tags

ORACLE = Path(__file__).with_name("liquid_render_oracle.rb")
TEXTS = [
    # filters: arguments
    "{{ page.date | date }}", '{{ page.date | date: "%b %-d, %Y" }}', "{{ page.title | append }}",
    '{{ page.title | append: "!" }}', '{{ "x" | jsonify: 1 }}', '{{ "x" | jsonify }}', '{{ site.posts | where: "x" }}',
    '{{ site.posts | where: "layout", "post" }}', '{{ "abc" | truncate: "x" }}', '{{ "abc" | truncate: "2" }}',
    '{{ "abc" | truncate: 2, "" }}', "{{ 10 | divided_by: 0 }}", "{{ 10 | divided_by: 3 }}", "{{ 10 | modulo: 0 }}",
    '{% assign v = "a" | append %}', '{% assign v = "a" | append: "b" %}{{ v }}', "{{ x | upcase: 1 }}",
    '{{ x | default: "a", allow_false: true }}', "{{ x | nosuchfilter: 1, 2, 3 }}", "{{ x | slice: 1, 2, 3 }}",
    '{{ "a,b" | split: "," | join: ", " }}', "{{ page.tags | join }}", "{{ items | sort | reverse | first }}",
    '{{ "a b" | replace: "a" }}', '{{ "a b" | replace: "a", "b", "c" }}', "{{ site.posts | group_by }}",
    "{{ page.date | date_to_string }}", '{{ page.date | date_to_long_string: "ordinal", "US" }}',
    "{{ x | relative_url }}", "{{ x | slugify: 'pretty' }}", "{{ items | where_exp: 'i', 'i > 1' }}",
    "{{ items | where_exp: 'i' }}", "{{ x | | upcase }}", '{{ "a" | prepend: x, "y" }}',
    # conditions
    '{% if page.title = "T" %}y{% endif %}', "{% if a =< b %}y{% endif %}", "{% if a === b %}y{% endif %}",
    "{% if a <> b %}y{% endif %}", '{% if page.tags contains "a" and a >= 1 or b != 2 %}y{% endif %}',
    "{% unless a = 1 %}y{% endunless %}", "{% if false %}{% elsif b = 2 %}y{% endif %}", "{% if a<b %}y{% endif %}",
    '{% if x == "a = b" %}y{% endif %}', "{% if a == empty %}y{% endif %}", "{% if a %}y{% endif %}",
    # tags
    '{% render "note.html" %}', "{% increment n %}",
    # dropped text
    "a {% break %} b", "a {% continue %} b", "{% if a %}{% break %}{% endif %} b",
    "{% for i in items %}{% if i == 2 %}{% break %}{% endif %}{{ i }}{% endfor %}",
    "{% for i in items %}{% continue %}{% endfor %}", "{% if false %}1{% else %}2{% else %} TAIL {% endif %}",
    "{% if false %}1{% else %}2{% elsif true %} TAIL {% endif %}",
    "{% if false %}1{% elsif true %} TAIL {% else %}2{% endif %}",
    "{% unless true %}1{% else %}2{% else %} TAIL {% endunless %}",
    "{% case a %}{% when 2 %}1{% else %}2{% else %} TAIL {% endcase %}",
    "{% capture c %}{% break %}{% endcapture %} b",
]


def _oracle(texts: list[str]) -> list[dict[str, str]]:
    assert shutil.which("ruby") and shutil.which("jekyll"), ".ci/run installs jekyll (and with it ruby)"
    done = subprocess.run(["ruby", str(ORACLE)], input="\0".join(texts), capture_output=True, text=True,
                          timeout=300, check=True)
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == len(texts), done.stderr
    return answers


def test_what_stops_the_build_or_drops_text_is_what_jekylls_liquid_does() -> None:
    texts = [text if "TAIL" in text else text + " TAIL" for text in TEXTS]
    answers = _oracle(texts)
    wrong = []
    for text, answer in zip(texts, answers, strict=True):
        expected = {"BC507"} if "error" in answer else set() if "TAIL" in answer["output"] else {"BC508"}
        found = {problem.code for problem in problems(tags(text))}
        if found != expected:
            wrong.append((text, answer, found))
    assert wrong == []
    stops = sum("error" in answer for answer in answers)
    assert 15 <= stops <= len(texts) - 20  # both verdicts are well tried
    assert sum("error" not in a and "TAIL" not in a["output"] for a in answers) >= 5


def test_messages_are_liquids(tmp_path: Path) -> None:
    """The message names Liquid's own error, as `jekyll build` prints it."""
    texts = ["{{ page.date | date }}", '{{ site.posts | where: "x" }}', '{% if page.title = "T" %}y{% endif %}']
    for text, answer in zip(texts, _oracle(texts), strict=True):
        [problem] = problems(tags(text))
        assert problem.message.startswith(answer["error"]), (problem.message, answer)


def test_a_post_is_reported_where_jekyll_stops_and_where_text_goes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    post = site / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: t\n---\nPosted {{ page.date | date }}.\n\n```liquid\n{{ x | date }}\n```\n",
                    encoding="utf-8")
    built = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode != 0 and "wrong number of arguments (given 1, expected 2)" in built.stdout + built.stderr
    monkeypatch.chdir(site)
    main(["check", "--select", "liquid", "--format", "json"])
    found = [(d["code"], d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [("BC507", 4, 8), ("BC501", 7, 1)]  # in code: BC501, whose fix wraps it in raw
    post.write_text("---\ntitle: t\n---\nIntro {% break %} lost.\n\nLost too.\n", encoding="utf-8")
    built = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    page = (site / "_site" / "2024" / "01" / "01" / "a.html").read_text(encoding="utf-8")
    assert built.returncode == 0 and "Intro" in page and "lost" not in page.lower()
    main(["check", "--select", "liquid", "--format", "json"])
    found = [(d["code"], d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [("BC508", 4, 7)]
