"""SortedLines answers the same by binary search and, past its threshold, by dict
or (`table=False`) by bisect on its list of lines."""

from __future__ import annotations

from blogcheck.spelling.sorted_lines import SortedLines, search

_TEXT = "\n".join(sorted(["apple\t3", "apples\t9", "banana\t1", "band\t0", "can't\t7", "zebra\t2"]))


def test_search_finds_whole_keys_only() -> None:
    assert search(_TEXT, "band\t") == "band\t0"
    assert search(_TEXT, "ban\t") is None
    assert search(_TEXT, "zebra\t") == "zebra\t2"
    assert search(_TEXT, "aardvark\t") is None
    assert search("", "a\t") is None


def test_search_and_table_agree() -> None:
    loads = []

    def load() -> str:
        loads.append(1)
        return _TEXT

    lines: SortedLines[int] = SortedLines(load, "\t", int, searches=3)
    keys = ["apple", "apples", "appl", "band", "can't", "zebra", "zzz", ""]
    searched = [lines.get(k) for k in keys[:3]]
    assert not lines.table()  # three look-ups: still binary search
    rest = [lines.get(k) for k in keys[3:]]
    assert lines.table()["banana"] == 1  # the fourth built the table
    assert searched + rest == [3, 9, None, 0, 7, 2, None, None]
    assert len(loads) == 1  # the text is read once
    lines.reset()
    assert not lines.table() and lines.get("apple") == 3 and len(loads) == 2


def test_a_damaged_line_is_no_entry_searched_or_indexed() -> None:
    text = "\n".join(sorted(["apple\t3", "band\tnot a number", "zebra\t2"]))
    for searches, table in ((100, True), (0, True), (0, False)):  # binary search, the table, bisect
        lines: SortedLines[int] = SortedLines(lambda: text, "\t", int, searches=searches, table=table)
        assert [lines.get(k) for k in ("apple", "band", "zebra")] == [3, None, 2]


def test_without_a_table_the_lines_are_bisected_past_the_threshold() -> None:
    lines: SortedLines[int] = SortedLines(lambda: "# a header line\n" + _TEXT, "\t", int, searches=2, table=False)
    keys = ["apple", "apples", "appl", "band", "can't", "zebra", "zzz", "", "#"]
    assert [lines.get(k) for k in keys] == [3, 9, None, 0, 7, 2, None, None, None]
    assert lines.table() == {} and lines.build() == {}  # no dict built, ever
    lines.reset()
    assert lines.get("banana") == 1


def test_an_empty_text_past_the_threshold_answers_none() -> None:
    for table in (True, False):  # a dict of nothing, a list of one empty line: no endless rebuilding
        lines: SortedLines[int] = SortedLines(lambda: "", "\t", int, searches=1, table=table)
        assert [lines.get(k) for k in ("apple", "band", "apple")] == [None, None, None]
