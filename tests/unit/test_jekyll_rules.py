"""Jekyll's reading of dates, file names, defaults and URLs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blogcheck.jekyll import dates
from blogcheck.jekyll.site import Site, find_root
from blogcheck.jekyll.url import destination, post_url, slugify

PDT = dt.timezone(dt.timedelta(hours=-7))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-05-17 23:30:00 -0700", dt.datetime(2015, 5, 17, 23, 30, tzinfo=PDT)),
        ("2024-3-6", dt.datetime(2024, 3, 6)),
        ("2020-02-29T08:00:00.123Z", dt.datetime(2020, 2, 29, 8, 0, 0, 123000, tzinfo=dt.timezone.utc)),
        ("2016-12-27 9:00:00 -0800", dt.datetime(2016, 12, 27, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))),
        (dt.date(2024, 1, 2), dt.datetime(2024, 1, 2)),
        (dt.datetime(2024, 1, 6, 2), dt.datetime(2024, 1, 6, 2, tzinfo=dt.timezone.utc)),  # YAML: UTC to Ruby
        ("2024-01-06 02:00:00", dt.datetime(2024, 1, 6, 2)),  # a string: the site's time
        ("2023-01-29 18:30:22 2023 -0800", None),  # Time.parse guesses: blogcheck cannot tell
        ("2024-02-30", dt.datetime(2024, 3, 1)),  # rolls over, as Ruby's Time.local does
        ("2024-02-32", None),
        ("yesterday", None),
        (42, None),
    ],
)
def test_parse_date(value: object, expected: dt.datetime | None) -> None:
    assert dates.parse_date(value) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2024-3-6-day-65.md", dt.date(2024, 3, 6)),
        ("2024-03-06-day-65.markdown", dt.date(2024, 3, 6)),
        ("day-65.md", None),
        ("2024-13-01-x.md", None),
        ("24-1-5-x.md", dt.date(2024, 1, 5)),  # Ruby's two-digit years: 1969-2068
        ("2024-02-30-x.md", dt.date(2024, 3, 1)),
        ("2024-03-06.md", None),
    ],
)
def test_filename_date(name: str, expected: dt.date | None) -> None:
    assert dates.filename_date(name) == expected


def test_in_zone_converts_aware_times_only() -> None:
    la = Site(Path("."), {"timezone": "America/Los_Angeles"}).timezone
    aware = dt.datetime(2018, 5, 19, 3, 0, tzinfo=dt.timezone.utc)
    assert dates.in_zone(aware, la).date() == dt.date(2018, 5, 18)
    assert dates.in_zone(dt.datetime(2018, 5, 19, 3, 0), la).date() == dt.date(2018, 5, 19)


def test_unknown_timezone_falls_back_to_utc() -> None:
    assert Site(Path("."), {"timezone": "Mars/Olympus"}).timezone == dt.timezone.utc


@pytest.mark.parametrize(
    ("config", "data", "expected"),
    [
        ({}, {"categories": ["NLP", "study"]}, "/nlp/study/2024/03/06/day-65.html"),
        ({"permalink": "pretty"}, {}, "/2024/03/06/day-65/"),
        ({"permalink": "/:title/"}, {}, "/day-65/"),
        ({"permalink": "/blog/:title/"}, {"slug": "other"}, "/blog/other/"),
        ({"collections": {"posts": {"permalink": "/news/:year/:month/:day/:title/"}}}, {}, "/news/2024/03/06/day-65/"),
        ({}, {"permalink": "/fixed/"}, "/fixed/"),
        ({"permalink": "/:categories/:title/"}, {"category": "Notes", "categories": "a b"}, "/a/b/notes/day-65/"),
        ({"permalink": "/blog/:name/"}, {}, "/blog/2024-03-06-day-65/"),
        ({"permalink": "/:slugified_categories/:title/"}, {"categories": ["Foo Bar", "x_y"]}, "/foo-bar/x-y/day-65/"),
        ({"permalink": "/:w_year/:w_day/:titlex/"}, {}, "/2024/3/:titlex/"),  # unknown: Jekyll stops the build
    ],
)
def test_post_url(config: dict[str, object], data: dict[str, object], expected: str) -> None:
    assert post_url(data, "day-65", dt.datetime(2024, 3, 6, 9), [], config, ".md") == expected


def test_name_and_path_come_from_the_file_when_given() -> None:
    url = post_url({"permalink": "/:name/:path/"}, "day-65", dt.datetime(2024, 3, 7), ["blog"], {}, ".md",
                   file="blog/_posts/2024-3-6-day-65.md")
    assert url == "/2024-3-6-day-65/blog/2024-3-6-day-65/"


def test_destinations_collide_like_jekyll_files() -> None:
    assert destination("/a/") == "/a/index.html"
    assert destination("/a") == destination("/a.html")


def test_slugify_modes() -> None:
    assert slugify("Hello, World!") == "hello-world"
    assert slugify("Hello, World!", pretty=True) == "Hello,-World!"
    assert slugify("my_post") == "my-post" and slugify("my_post", pretty=True) == "my_post"
    assert slugify("Cafe\u0301 \u00b2") == "cafe\u0301"  # a mark is kept, a superscript digit is not


def test_slugify_of_ascii_text_is_the_character_rule() -> None:
    """ASCII text takes a shortcut (one regex); it must give what the rule by Unicode category gives."""
    import random
    import string

    from blogcheck.jekyll.url import _kept

    def by_category(text: str, pretty: bool) -> str:
        slug = "-".join(filter(None, "".join(ch if _kept(ch, pretty) else " " for ch in text).split(" ")))
        return slug if pretty else slug.lower()

    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 24)))
        for pretty in (False, True):
            assert slugify(text, pretty) == by_category(text, pretty), (text, pretty)


def test_defaults_apply_by_path_and_type() -> None:
    site = Site(Path("."), {"defaults": [
        {"scope": {"path": ""}, "values": {"layout": "default", "author": "a"}},
        {"scope": {"path": "_posts/articles", "type": "posts"}, "values": {"layout": "post"}},
        {"scope": {"path": "_drafts", "type": "drafts"}, "values": {"layout": "draft"}},
        {"values": "not a mapping"},
        "junk",
    ]})
    assert site.defaults_for("_posts/articles/x.md") == {"layout": "post", "author": "a"}
    assert site.defaults_for("_posts/notes/x.md") == {"layout": "default", "author": "a"}


def test_defaults_precedence_is_jekylls_not_the_lists_order() -> None:
    """Jekyll's FrontmatterDefaults: a longer scope path wins, then a scope naming a type,
    whatever the order (daattali's config lists `type: posts` first, then a general
    scope: its posts get `post`, not `page`); `type: post` is read as `posts`; mappings
    merge key by key."""
    site = Site(Path("."), {"defaults": [
        {"scope": {"path": "", "type": "posts"}, "values": {"layout": "post", "author": {"name": "A"}}},
        {"scope": {"path": ""}, "values": {"layout": "page", "author": {"url": "u"}, "comments": True}},
        {"scope": {"path": "_posts/notes"}, "values": {"layout": "note"}},
        {"scope": {"path": "", "type": "post"}, "values": {"toc": True}},
    ]})
    assert site.defaults_for("_posts/x.md") == {"layout": "post", "author": {"name": "A", "url": "u"},
                                                "comments": True, "toc": True}
    assert site.defaults_for("_posts/notes/x.md")["layout"] == "note"
    assert site.defaults_for("about.md", "pages") == {"layout": "page", "author": {"url": "u"}, "comments": True}


def test_find_root_walks_up(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: x\n")
    deep = tmp_path / "_posts" / "a"
    deep.mkdir(parents=True)
    assert find_root(deep) == tmp_path


def test_in_zone_keeps_dates_at_the_edge_of_the_calendar() -> None:
    la = Site(Path("."), {"timezone": "America/Los_Angeles"}).timezone
    early = dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert dates.in_zone(early, la) == dt.datetime(1, 1, 1, 0, 30)


def test_pages_do_not_get_posts_defaults(tmp_path: Path) -> None:
    from blogcheck.post import Post, load

    (tmp_path / "_config.yml").write_text("defaults:\n  - scope: {type: posts}\n    values: {layout: post}\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "about.md").write_text("---\ntitle: About\n---\n")
    (tmp_path / "_posts" / "2024-01-01-a.md").write_text("---\ntitle: A\n---\n")
    from blogcheck.jekyll.site import load_site

    site = load_site(tmp_path)
    page = load(tmp_path / "about.md", "about.md", site, 10_000)
    post = load(tmp_path / "_posts" / "2024-01-01-a.md", "a.md", site, 10_000)
    assert isinstance(page, Post) and isinstance(post, Post)
    assert "layout" not in page.data and post.data["layout"] == "post"


@pytest.mark.parametrize(("rule", "hours"), [("GMT+8", -8), ("JST-9", 9), ("<+0530>-5:30", 5.5), ("GMT+24", 0),
                                             ("Asia/Nowhere", 0), ("GMT+99", 0)])
def test_a_posix_time_zone_rule_is_a_fixed_zone_and_a_day_long_one_utc(tmp_path: Path, rule: str,
                                                                         hours: float) -> None:
    """glibc's reading (`GMT+8` is UTC-8); a rule of 24 hours or more, which Python has no zone
    for, is UTC rather than a traceback."""
    from blogcheck.jekyll.site import load_site

    (tmp_path / "_config.yml").write_text(f"title: t\ntimezone: '{rule}'\n", encoding="utf-8")
    zone = load_site(tmp_path).timezone
    assert zone.utcoffset(dt.datetime(2024, 1, 10)) == dt.timedelta(hours=hours)
