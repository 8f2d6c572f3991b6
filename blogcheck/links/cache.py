"""The link cache: ok verdicts from earlier runs, in one SQLite file.

Only ok verdicts are stored, each for `cache_ttl` seconds, so a broken link
that gets fixed goes green on the next run and a broken one is never hidden
(and, for `suggest_archive`, the Wayback Machine's answers about broken ones).
Several blogcheck processes may share the file: WAL mode, a busy timeout,
one short transaction per run, and retries when it is locked anyway. A file
that is not a cache (corrupt, a folder, unreadable) is rebuilt or bypassed
with a warning; the run goes on without it."""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Container, Iterable
from pathlib import Path
from typing import Any, TypeVar

from blogcheck.links.model import Status, Verdict
from blogcheck.links.userinfo import cache_form

_T = TypeVar("_T")
_SCHEMA = ("CREATE TABLE IF NOT EXISTS ok_links (key TEXT PRIMARY KEY, http_status INTEGER, final_url TEXT,"
           " seen TEXT NOT NULL, provider TEXT NOT NULL, checked REAL NOT NULL)",
           # the Wayback Machine's answers (archive.py): a copy's address and date, "" for none
           "CREATE TABLE IF NOT EXISTS archived (key TEXT PRIMARY KEY, address TEXT NOT NULL, taken TEXT NOT NULL,"
           " checked REAL NOT NULL)")
_BATCH = 500  # keys per SELECT (SQLite allows 999 parameters in old builds)


def default_path() -> Path:
    """links.sqlite in the user's cache folder ($XDG_CACHE_HOME, ~/Library/Caches, %LOCALAPPDATA%)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "blogcheck" / "links.sqlite"


def key(url: str, image: bool) -> str:
    """The cache key: the URL after remap (a password in it as a digest), and whether it had to be an image."""
    return f"{'image' if image else 'link'} {cache_form(url)}"


class Cache:
    """Open with `Cache.open(path, ttl)`; `warnings` says what went wrong, if anything."""

    def __init__(self, path: Path, ttl: float, keep: float = 0.0) -> None:
        self.path, self.ttl = path, ttl
        self.keep = max(ttl, keep, 30 * 86400)  # rows older than this are deleted
        self.warnings: list[str] = []
        self._db: sqlite3.Connection | None = None

    @classmethod
    def open(cls, path: Path, ttl: float, keep: float = 0.0) -> Cache:
        """`keep`: seconds rows are kept past `ttl` (for `stale`)."""
        cache = cls(path, ttl, keep)
        try:
            cache._db = cache._connect()
        except sqlite3.DatabaseError as exc:
            if _rebuildable(path, exc):
                cache._rebuild(exc)
            else:
                cache._bypass(exc)
        except OSError as exc:
            cache._bypass(exc)
        return cache

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            _locked_retry(lambda: db.execute("PRAGMA journal_mode=WAL").fetchone())
            db.execute("PRAGMA synchronous=NORMAL")
            for statement in _SCHEMA:
                _locked_retry(functools.partial(db.execute, statement))
            db.execute("SELECT key, http_status, final_url, seen, provider, checked FROM ok_links LIMIT 1").fetchall()
            db.execute("SELECT key, address, taken, checked FROM archived LIMIT 1").fetchall()
        except BaseException:
            db.close()
            raise
        return db

    def _rebuild(self, error: Exception) -> None:
        aside = self.path.with_name(self.path.name + ".corrupt")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._db = self._connect()
        except (OSError, sqlite3.DatabaseError) as exc:
            self._bypass(exc)
            return
        self.warnings.append(f"link cache {self.path} was unreadable ({error}); moved it to {aside.name} "
                             "and started a new one")

    def _bypass(self, error: Exception) -> None:
        self._db = None
        self.warnings.append(f"link cache {self.path} cannot be used ({error}); checking without it")

    def get(self, keys: Iterable[str], accept: Container[int]) -> dict[str, Verdict]:
        """The fresh ok verdicts among `keys`, of a status `accept` still counts as ok (a
        403 cached while `accept` listed it is asked again once the list no longer does)."""
        rows = self._select("ok_links", "http_status, final_url, seen, provider", keys)
        return {row[0]: Verdict(Status.OK, row[1], row[2], f"{row[3]} (cached)", "", row[4]) for row in rows
                if _accepted(row[1], accept)}

    def stale(self, keys: Iterable[str], age: float, accept: Container[int]) -> dict[str, tuple[Verdict, float]]:
        """The ok verdicts among `keys` at most `age` seconds old, fresh or not, with
        when each was checked (time.time()); of a status `accept` counts, as for `get`."""
        rows = self._select("ok_links", "http_status, final_url, seen, provider, checked", keys, age)
        return {row[0]: (Verdict(Status.OK, row[1], row[2], row[3], "", row[4]), row[5]) for row in rows
                if _accepted(row[1], accept)}

    def archived(self, keys: Iterable[str]) -> dict[str, tuple[str, str]]:
        """The fresh Wayback Machine answers among `keys`: (address, date), ("", "") for no copy."""
        return {row[0]: (row[1], row[2]) for row in self._select("archived", "address, taken", keys)}

    def _select(self, table: str, columns: str, keys: Iterable[str], age: float | None = None) -> list[tuple[Any, ...]]:
        wanted, found = list(keys), []
        since = time.time() - (self.ttl if age is None else age)
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start:start + _BATCH]

            def select(batch: list[str] = batch) -> list[tuple[Any, ...]]:
                query = (f"SELECT key, {columns} FROM {table} WHERE checked >= ? "
                         f"AND key IN ({','.join('?' * len(batch))})")
                return self._db.execute(query, [since, *batch]).fetchall() if self._db else []

            found.extend(self._run(select) or [])
        return found

    def put(self, verdicts: dict[str, Verdict]) -> None:
        """Store the ok verdicts (others are ignored) and drop expired rows, in one transaction."""
        now = time.time()
        rows = [(k, v.http_status, v.final_url and cache_form(v.final_url), v.seen, v.provider, now)
                for k, v in verdicts.items() if v.status is Status.OK]
        self._write("ok_links", rows, now)

    def put_archived(self, answers: dict[str, tuple[str, str]]) -> None:
        """Store Wayback Machine answers: key -> (address, date), ("", "") for no copy."""
        now = time.time()
        self._write("archived", [(k, address, taken, now) for k, (address, taken) in answers.items()], now)

    def _write(self, table: str, rows: list[tuple[Any, ...]], now: float) -> None:
        def write() -> None:
            if self._db is None:
                return
            with self._db:  # a transaction; isolation_level=None, so BEGIN by hand
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({', '.join('?' * len(rows[0]))})",
                                     rows)
                self._db.execute(f"DELETE FROM {table} WHERE checked < ?", [now - self.keep])

        if rows:
            self._run(write)

    def _run(self, action: Callable[[], _T]) -> _T | None:
        """Run a statement; a cache that breaks mid-run is dropped with a warning, and
        rebuilt when its file is damaged (a page SQLite reads only now: left as it was,
        every later run would warn and ask every link again)."""
        if self._db is None:
            return None
        try:
            return _locked_retry(action)
        except sqlite3.DatabaseError as exc:
            self.close()
            if _rebuildable(self.path, exc):
                self._rebuild(exc)
            else:
                self._bypass(exc)
            return None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _accepted(status: object, accept: Container[int]) -> bool:
    """A cached ok verdict's status is ok now too (one a provider judged with no status is)."""
    return not isinstance(status, int) or status in accept


def _locked_retry(action: Callable[[], _T], attempts: int = 5) -> _T:
    """`database is locked` despite the busy timeout: wait a little and try again."""
    for attempt in range(attempts):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")


def _rebuildable(path: Path, error: Exception) -> bool:
    """A regular file that is not a cache (garbage, another schema) is moved aside;
    a folder, a locked file or one we may not write is left alone."""
    text = str(error)
    return path.is_file() and any(s in text for s in ("not a database", "malformed", "no such", "has no column"))
