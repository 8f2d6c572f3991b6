"""The user cache of word lists: one file per data version (not per install), the
older ones pruned, and no part file left when a write fails."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from blogcheck.spelling import dictionary


def _package(root: Path, name: str, data: bytes) -> None:
    (root / name).mkdir(parents=True)
    (root / name / "__init__.py").write_text("", encoding="utf-8")
    (root / name / "words.gz").write_bytes(data)


@pytest.mark.parametrize("size", [100, 70_000, 300_000])  # inside one end, the two ends overlapping, apart
def test_the_same_data_installed_twice_shares_a_stamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      size: int) -> None:
    data = bytes(range(256)) * (size // 256) + b"end"
    _package(tmp_path, f"first_{size}", data)
    _package(tmp_path, f"second_{size}", data)
    _package(tmp_path, f"changed_{size}", data[:-3] + b"END")  # gzip's last bytes: the content's CRC
    _package(tmp_path, f"longer_{size}", data + b"\0")
    os.utime(tmp_path / f"second_{size}" / "words.gz", (1, 1))  # installed at another time
    monkeypatch.syspath_prepend(str(tmp_path))
    stamps = [dictionary.data_stamp(f"{kind}_{size}", "words.gz") for kind in ("first", "second", "changed", "longer")]
    assert stamps[0] == stamps[1] and len(set(stamps)) == 3
    assert dictionary.data_stamp(f"first_{size}", "missing.gz") == "0"
    for kind in ("first", "second", "changed", "longer"):
        sys.modules.pop(f"{kind}_{size}", None)


def test_older_cache_files_of_a_kind_are_pruned(tmp_path: Path) -> None:
    names = [f"english-{n}-abc.tsv" for n in range(5)] + ["wordfreq-en-1-x.tsv", "links.sqlite", "english-notes.txt"]
    for age, name in enumerate(names):
        (tmp_path / name).write_text(name, encoding="utf-8")
        os.utime(tmp_path / name, (1000 + age, 1000 + age))  # english-4 is the newest english file
    dictionary.prune(tmp_path / "english-2-abc.tsv")  # the one just written (its time aside) stays too
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["english-2-abc.tsv", "english-3-abc.tsv", "english-4-abc.tsv", "english-notes.txt",
                    "links.sqlite", "wordfreq-en-1-x.tsv"]
    dictionary.prune(tmp_path / "gone" / "english-9-x.tsv")  # a folder that is not there: no crash


def test_building_the_dictionary_prunes_older_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    for n in range(4):
        (cache / f"english-{n}-old.tsv").write_text("aaa\t0", encoding="utf-8")
        os.utime(cache / f"english-{n}-old.tsv", (1000 + n, 1000 + n))
    monkeypatch.setenv("BLOGCHECK_CACHE_DIR", str(cache))
    dictionary.reset()
    try:
        assert dictionary.rank("sturdy") is not None
    finally:
        dictionary.reset()
    current = f"english-{dictionary.data_stamp(*dictionary._DATA)}.tsv"
    assert sorted(p.name for p in cache.iterdir()) == sorted([current, "english-3-old.tsv", "english-2-old.tsv"])


def test_a_failed_write_leaves_no_part_file(tmp_path: Path) -> None:
    target = tmp_path / "english-1-x.tsv"
    target.mkdir()  # a folder where the file should go: the rename fails
    dictionary.write_atomic(target, "aaa\t0")
    assert [p.name for p in tmp_path.iterdir()] == ["english-1-x.tsv"] and target.is_dir()
