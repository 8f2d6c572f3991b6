"""Liquid as links need it: tags, masking, quiet regions, and rendering a link."""

from __future__ import annotations

import pytest

from blogcheck.links import liquid

SITE = {"baseurl": "/blog/", "url": "https://example.org", "repository": "https://github.com/o/r",
        "author": {"github": "someone"}}
PAGE = {"slug": "my-post", "count": 3}


def _resolve(raw: str) -> str:
    resolver = liquid.Resolver(SITE, PAGE, lambda name: f"/posts/{name}/" if name == "2024-01-01-a" else None,
                               lambda path: "/about/" if path == "about.md" else None)
    return resolver.resolve(raw)


@pytest.mark.parametrize("raw,url", [
    ("{{ site.baseurl }}/x.png", "/blog//x.png"),  # as Jekyll would print it (the trailing / is in the config)
    ("{{ '/x.png' | relative_url }}", "/blog/x.png"),
    ('{{ "x.png" | relative_url }}', "/blog/x.png"),
    ("{{ '/about/' | absolute_url }}", "https://example.org/blog/about/"),
    ("{{ 'https://other.org/a' | relative_url }}", "https://other.org/a"),
    ("{{- site.url -}}/a", "https://example.org/a"),
    ("{{ site.github.url }}/assets/a.png", "https://example.org/blog/assets/a.png"),  # jekyll-github-metadata
    ("{{ site.repository }}/issues/1", "https://github.com/o/r/issues/1"),
    ("https://github.com/{{ site.author.github }}", "https://github.com/someone"),
    ("/tags/{{ page.slug | prepend: 'x-' | append: '.html' }}", "/tags/x-my-post.html"),
    ("{{ page.count }}", "3"),
    ("{% post_url 2024-01-01-a %}#top", "/blog/posts/2024-01-01-a/#top"),  # Jekyll 4: under the baseurl
    ("{% link about.md %}", "/blog/about/"),
    ("{% link\nabout.md %}", "/blog/about/"),  # any white space ends a tag's name (jekyll's 3.6.2 release post)
    ("{%link about.md%}", "/blog/about/"),
    # what cannot be rendered stays as written, so the link is not checked
    ("{{ site.nothing }}/a", "{{ site.nothing }}/a"),
    ("{{ post.url }}", "{{ post.url }}"),
    ("{{ '/a' | markdownify }}", "{{ '/a' | markdownify }}"),
    ("{% post_url 2099-01-01-none %}", "{% post_url 2099-01-01-none %}"),
    ("{% include x.html %}", "{% include x.html %}"),
])
def test_resolve(raw: str, url: str) -> None:
    assert _resolve(raw) == url
    assert liquid.unresolved(url) == ("{" in url)


def test_jekyll_3_writes_the_link_tags_without_the_baseurl() -> None:
    resolver = liquid.Resolver(SITE, PAGE, lambda name: "/posts/a/", lambda path: "/about/", tags_under_base=False)
    assert resolver.resolve("{{ site.baseurl }}{% post_url 2024-01-01-a %} {% link about.md %}") == \
        "/blog//posts/a/ /about/"


def test_mask_keeps_lengths_and_lines() -> None:
    text = "a {{ x | y }} b\n{% if a %}\nc {%- raw\n-%} d"
    masked = liquid.mask(text, liquid.tags(text))
    assert len(masked) == len(text)
    assert masked.split("\n")[0] == "a xxxxxxxxxxx b"
    assert [len(line) for line in masked.split("\n")] == [len(line) for line in text.split("\n")]
    assert "{" not in masked and "}" not in masked


def test_quiet_regions() -> None:
    text = ("{% raw %}{{ a }}{% endraw %} {% comment %}{% post_url x %}{% endcomment %} "
            "{% highlight md %}[a](/b){% endhighlight %} {% post_url y %} {% raw %}unclosed")
    found = liquid.tags(text)
    no_liquid, quiet = liquid.quiet(text, found)
    live = liquid.live(found, no_liquid)
    assert [t.markup for t in live if t.name == "post_url"] == ["y"]
    highlight = text.index("[a](/b)")
    assert liquid.inside(highlight, quiet) and not liquid.inside(highlight, no_liquid)
    assert liquid.inside(len(text) - 1, no_liquid)  # an unclosed raw runs to the end


def test_video_tags_become_video_urls_at_their_ids() -> None:
    from blogcheck.links import liquid
    from blogcheck.links.videos import videos

    text = ('{% youtube 8znOwv0XxcI %} {% youtube "https://youtu.be/abcdefghijk" %} {% vimeo 98146708 %}\n'
            '{% include video id="XsxDH4HcOWA" provider="youtube" %} {% include youtube.html id=\'abcDEF12345\' %}\n'
            '{% youtube page.video %} {% youtube short %} {% include video id="1" provider="google-drive" %}\n'
            '{% include figure image_path="/x.png" %} {{ "youtube" }} {% youtube videoseries?list=PLaLqP2ipMLc6U& %}\n'
            '{% gist parkr/931c1c8d465a04042403 %} {% gist 5555251 %} {% gist c08ee0f2726fd0e3909d test.md %}\n'
            '{% gist page.gist %} {% gist not-a-gist %}')
    found = [(text[offset:offset + len(ident)], url) for offset, ident, url in videos(text, liquid.tags(text))]
    assert found == [
        ("8znOwv0XxcI", "https://www.youtube.com/watch?v=8znOwv0XxcI"),
        ("https://youtu.be/abcdefghijk", "https://youtu.be/abcdefghijk"),
        ("98146708", "https://vimeo.com/98146708"),
        ("XsxDH4HcOWA", "https://www.youtube.com/watch?v=XsxDH4HcOWA"),
        ("abcDEF12345", "https://www.youtube.com/watch?v=abcDEF12345"),
        ("videoseries?list=PLaLqP2ipMLc6U&", "https://www.youtube.com/playlist?list=PLaLqP2ipMLc6U"),
        ("parkr/931c1c8d465a04042403", "https://gist.github.com/parkr/931c1c8d465a04042403"),
        ("5555251", "https://gist.github.com/5555251"),
        ("c08ee0f2726fd0e3909d", "https://gist.github.com/c08ee0f2726fd0e3909d"),
    ]


def test_tweet_tags_become_post_urls() -> None:
    from blogcheck.links import liquid
    from blogcheck.links.providers import find
    from blogcheck.links.videos import videos

    post = "https://twitter.com/jekyllrb/status/518821243320287232"
    text = (f"{{% twitter {post} maxwidth=500 %}} {{% twitter oembed {post}/ %}} {{% tweet 1087047171306856451 %}}\n"
            "{% twitter page.tweet %} {% tweet 12 %} {% include tweet.html id=\"1087047171306856451\" %}")
    found = [(text[offset:offset + len(ident)], url) for offset, ident, url in videos(text, liquid.tags(text))]
    assert found == [(post, post), (post + "/", post + "/")]  # `{% tweet 1087... %}`: no account, no check
    names = [provider.name if (provider := find(url)) else "" for _, url in found]
    assert names == ["twitter"] * 2


def test_theme_include_images_become_image_urls_at_their_values() -> None:
    from blogcheck.links.includes import media

    text = ('{% include figure image_path="/a.png" alt="x" %} '
            '{% include figure.html popup=true image_path=\'b.jpg\' %}\n'
            '{% include figure image_path=page.photo %} {% include figure image_path="https://e.org/c.png" %}\n'
            '{% include gallery image_path="/not-figure.png" %} {% include figure image_path="" %} {{ "figure" }}')
    found = [(text[offset:offset + len(raw)], _resolve(url)) for offset, raw, url, _ in media(text, liquid.tags(text))]
    assert found == [("/a.png", "/blog/a.png"), ("b.jpg", "/blog/b.jpg"), ("https://e.org/c.png", "https://e.org/c.png")]


def test_al_folio_videos_and_sounds_are_embeds() -> None:
    from blogcheck.links.includes import media

    text = ('{% include video.liquid path="assets/video/a.mp4" controls=true %} '
            '{% include video.liquid path="https://www.youtube.com/embed/jNQXAC9IVRw" class="x" %}\n'
            '{% include audio.liquid path="assets/audio/b.mp3" %} '
            '{% include video id="XsxDH4HcOWA" provider="youtube" %}')
    found = [(_resolve(url), kind.value) for _, _, url, kind in media(text, liquid.tags(text))]
    assert found == [("/blog/assets/video/a.mp4", "embed"), ("https://www.youtube.com/embed/jNQXAC9IVRw", "embed"),
                     ("/blog/assets/audio/b.mp3", "embed")]  # minimal-mistakes' `video` is read by links/videos.py
