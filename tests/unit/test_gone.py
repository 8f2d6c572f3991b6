"""What names a file deleted or renamed since the base of --changed-since."""

from __future__ import annotations

import pytest

from blogcheck.gone import pattern


@pytest.mark.parametrize(("text", "names"), [
    ("{% post_url 2024-03-06-day-65 %}", True),
    ("{% post_url 2024-3-6-day-65 %}", True),  # Jekyll matches any zero-padding
    ("{% link _posts/2024-03-06-day-65.md %}", True),
    ("[day 65](/2024/03/06/day-65/)", True),
    ("[day 65](/blog/day-65.html#end)", True),
    ("[day 650](/2024/03/06/day-650/)", False),
    ("{% post_url 2024-03-06-day-65-more %}", False),
    ("a day-65 in prose", False),
    ("![shot](/assets/shot.png)", True),
    ("![shot](/assets/big-shot.png)", False),
])
def test_a_post_or_picture_is_named_by_its_links_only(text: str, names: bool) -> None:
    found = pattern(["_posts/2024-03-06-day-65.md", "assets/shot.png"])
    assert found is not None
    assert (found.search(text) is not None) is names


def test_no_paths_no_pattern() -> None:
    assert pattern([]) is None
    short = pattern(["a.md"])
    assert short is not None and short.search("[it](a.md)") and not short.search("[it](data.md)")


@pytest.mark.parametrize(("text", "names"), [
    ("![x](/assets/my%20pic.png)", True),  # a link must write the space so (an audit: the hook let the rename pass)
    ("![x](/assets/my pic.png)", True),  # kramdown takes it raw too
    ("![x](/assets/caf%C3%A9.png)", True),
    ("![x](/assets/caf%c3%a9.png)", True),  # escapes in either case
    ("![x](/assets/café.png)", True),
    ("![x](/assets/xmy%20pic.png)", False),
    ("![x](/assets/caf%C3%A9s.png)", False),
])
def test_a_file_is_named_by_its_percent_encoded_name_too(text: str, names: bool) -> None:
    found = pattern(["assets/my pic.png", "assets/café.png"])
    assert found is not None
    assert (found.search(text) is not None) is names
