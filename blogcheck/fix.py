"""`check --fix`: apply the fixes that findings propose, in place, changing no other byte.

A check proposes a fix with the extra key `fix`: a list of edits (line, column, old,
new), 1-based positions in the decoded text (as every finding has): BC401 replaces a
word, BC501 puts `{% raw %}` and `{% endraw %}` around Liquid. A finding's edits are
applied all or none: only when each `old` is still exactly there and no edit of
another finding overlaps it; the file keeps its BOM, line endings and everything
else. It is read and written in its site's `encoding:`, as Jekyll reads it (a fix that
would write a character the encoding cannot hold is left, and a note says so). A fixed
finding is reported again as `info`: "fixed: `teh` -> `the`".
`check --diff` shows the same edits as a unified diff and writes nothing."""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import difflib
import errno
import functools
import io
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from blogcheck.diagnostic import FIXED, Diagnostic, Severity
from blogcheck.jekyll.encoding import Encoding, file_encoding
from blogcheck.parse.yaml_hints import as_code

if TYPE_CHECKING:
    from blogcheck.run import Result

# how the note on a fix the site's `encoding:` cannot write ends (check.py counts them)
HELD_BY_ENCODING = "the `encoding:` of _config.yml; edit it by hand"

_BOM = b"\xef\xbb\xbf"


def apply(result: Result) -> Result:
    """The result with every applied fix's finding turned into an `info` record, and
    every finding of a fixed file placed where it now is (a fix that puts in a line
    moves the findings below it)."""
    done: set[int] = set()
    notes: list[str] = []
    moves: dict[str, Callable[[int, int], tuple[int, int]]] = {}
    sites: dict[Path, Encoding] = {}
    for path, diags in _fixable(result).items():
        planned = _plan(Path(path), diags, file_encoding(Path(path), sites), notes)
        if planned is None:
            continue
        try:
            _write(Path(path), planned.new)
        except OSError as exc:  # its findings stay as they were
            notes.append(f"{path} not fixed: cannot write it ({exc.strerror or exc})")
            continue
        done |= planned.applied
        moves[path] = planned.move
    kept = [_moved(_fixed(d) if id(d) in done else d, moves.get(d.path)) for d in result.diagnostics]
    return dataclasses.replace(result, diagnostics=kept, notes=result.notes + tuple(notes))


def _moved(diag: Diagnostic, move: Callable[[int, int], tuple[int, int]] | None) -> Diagnostic:
    if move is None:
        return diag
    line, column = move(diag.line, diag.column)
    end_line, end_column = diag.end_line, diag.end_column
    if end_line is not None and end_column is not None:
        end_line, end_column = move(end_line, end_column)
    if (line, column, end_line, end_column) == (diag.line, diag.column, diag.end_line, diag.end_column):
        return diag
    return dataclasses.replace(diag, line=line, column=column, end_line=end_line, end_column=end_column)


def _fixable(result: Result) -> dict[str, list[Diagnostic]]:
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for diag in result.diagnostics:
        if _edits(diag):
            by_path[diag.path].append(diag)
    return by_path


Edit = tuple[int, int, str, str]  # line, column, old, new


def _edits(diag: Diagnostic) -> list[Edit]:
    """The edits a finding proposes; none when its `fix` is malformed."""
    value = diag.extras.get("fix")
    found: list[Edit] = []
    for edit in value if isinstance(value, (list, tuple)) else ():
        if not (isinstance(edit, (list, tuple)) and len(edit) == 4):
            return []
        line, column, old, new = edit
        if not (isinstance(line, int) and isinstance(column, int) and isinstance(old, str) and isinstance(new, str)):
            return []
        found.append((line, column, old, new))
    return found


def plan(path: Path, diags: list[Diagnostic], encoding: Encoding | None = None) -> tuple[bytes, bytes, set[int]] | None:
    """The file's bytes before and after the fixes of `diags`, and the ids of the
    diagnostics applied; None when none applies (or the file cannot be read). The file is
    read in `encoding`, by default its site's."""
    planned = _plan(path, diags, encoding or file_encoding(path, {}), [])
    return None if planned is None else (planned.old, planned.new, planned.applied)


@dataclasses.dataclass(frozen=True)
class _Planned:
    old: bytes
    new: bytes
    applied: set[int]  # ids of the diagnostics applied
    before: list[str]  # the lines as read (without the BOM)
    after: list[str]  # and as written
    taken: list[Edit]

    def move(self, line: int, column: int) -> tuple[int, int]:
        """Where the character at (line, column) of the file as read is in the file as
        written: past every edit that ends before or at it (an insertion right there
        too); inside a replaced text, at its start."""
        if not 1 <= line <= len(self.before):
            return line, column
        ends, shifts = self._shifts
        at = self._starts_before[line - 1] + column - 1
        done = bisect.bisect_right(ends, at)  # the edits that end before or at it
        moved = at + (shifts[done - 1] if done else 0)
        after = self._starts_after
        line = bisect.bisect_right(after, moved)
        return line, moved - after[line - 1] + 1

    @functools.cached_property
    def _starts_before(self) -> list[int]:
        return _starts(self.before)

    @functools.cached_property
    def _starts_after(self) -> list[int]:
        return _starts(self.after)

    @functools.cached_property
    def _shifts(self) -> tuple[list[int], list[int]]:
        """The offset where each edit ends in the file as read, sorted, and the change
        in length of the edits up to and with it."""
        starts = self._starts_before
        ends = sorted((starts[line - 1] + column - 1 + len(old), len(new) - len(old))
                      for line, column, old, new in self.taken)
        total, shifts = 0, []
        for _, change in ends:
            total += change
            shifts.append(total)
        return [end for end, _ in ends], shifts


def _starts(lines: list[str]) -> list[int]:
    """The offset of each line in the text the lines make joined with \n."""
    found = [0]
    for line in lines[:-1]:
        found.append(found[-1] + len(line) + 1)
    return found


def _plan(path: Path, diags: list[Diagnostic], encoding: Encoding, notes: list[str]) -> _Planned | None:
    """The fixes of `diags` that apply, in the file read and written in `encoding` (the
    site's); a fix that would write a character the encoding cannot hold is left, with a
    note in `notes` saying why. Lines no fix touches keep their bytes."""
    try:
        raw = path.read_bytes()
        head = _BOM if encoding.codec == "utf-8-sig" and raw.startswith(_BOM) else b""
        codec = "utf-8" if encoding.codec == "utf-8-sig" else encoding.codec
        raw_lines = raw[len(head):].split(b"\n")
        lines = raw[len(head):].decode(codec).split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if len(lines) != len(raw_lines):  # (no codec Jekyll reads in makes a \n of other bytes; if one did)
        return None
    inexact = _inexact(lines, raw_lines, codec)
    applied: set[int] = set()
    taken: list[Edit] = []  # checked against the file as read, applied at the end
    spans: dict[int, list[tuple[int, int]]] = {}  # line -> sorted (start, stop) of the edits taken
    crlf = len(lines) > 1 and lines[0].endswith("\r")
    for diag in sorted(diags, key=lambda d: (d.line, d.column)):
        edits = _edits(diag)
        if not (edits and all(_there(lines, edit) and _free(spans, edit) for edit in edits)):
            continue
        why = next(filter(None, (_unwritable(edit, codec, inexact) for edit in edits)), "")
        if why:
            notes.append(f"{diag.path}:{diag.line}:{diag.column}: {diag.code} not fixed: {why} in {encoding.name}, "
                         f"{HELD_BY_ENCODING}")
            continue
        for line, column, old, _ in edits:
            bisect.insort(spans.setdefault(line, []), (column, column + len(old)))
        # a line a fix adds ends as the file's lines do (as its first line ends): taken so, the
        # places of the findings after it move by what is really written
        taken.extend(_line_ends(edit, crlf) for edit in edits)
        applied.add(id(diag))
    if not applied:
        return None
    before = list(lines)
    for line, column, old, new in sorted(taken, reverse=True):  # right to left, so earlier columns stay true
        text = lines[line - 1]
        lines[line - 1] = text[:column - 1] + new + text[column - 1 + len(old):]
    touched = {line - 1 for line, _, _, _ in taken}
    data = b"\n".join(lines[i].encode(codec) if i in touched else raw_lines[i] for i in range(len(lines)))
    joined = "\n".join(lines)
    return _Planned(raw, head + data, applied, before, joined.split("\n"), taken)


def _change(old: str, new: str) -> str:
    """One edit as the `fixed:` line says it: `old` -> `new`, or what was put in or taken out
    (an empty code span is no code span, and a line break would show as its escape)."""
    if not old and new and not new.strip("\r\n"):
        breaks = new.count("\n")
        return "a line break put in" if breaks == 1 else f"{breaks} line breaks put in"
    if not old:
        return f"{as_code(new)} put in"
    return f"{as_code(old)} taken out" if not new else f"{as_code(old)} -> {as_code(new)}"


def _line_ends(edit: Edit, crlf: bool) -> Edit:
    line, column, old, new = edit
    if crlf and "\n" in new and "\r\n" not in new:
        return line, column, old, new.replace("\n", "\r\n")
    return edit


def _inexact(lines: list[str], raw_lines: list[bytes], codec: str) -> set[int]:
    """The lines whose text the codec would not write back as the bytes they were read from
    (Shift_JIS-like codecs have two byte sequences for some characters): a fix there would
    change bytes it does not mean to. None in UTF-8 or a one-byte codec."""
    if codec == "utf-8" or "\n".join(lines).encode(codec, "replace") == b"\n".join(raw_lines):
        return set()
    return {n for n, (text, raw) in enumerate(zip(lines, raw_lines, strict=True), 1)
            if text.encode(codec, "replace") != raw}


def _unwritable(edit: Edit, codec: str, inexact: set[int]) -> str:
    """Why the edit cannot be written in `codec`: a character it writes that the codec has
    no bytes for, or a line of `inexact`; "" when it can."""
    line, _, _, new = edit
    try:
        new.encode(codec)
    except UnicodeEncodeError as exc:
        return f"its fix writes `{new[exc.start:exc.end]}`, which has no bytes"
    if line in inexact:
        return f"line {line} would not be written back byte for byte"
    return ""


def _there(lines: list[str], edit: Edit) -> bool:
    line, column, old, _ = edit
    return 1 <= line <= len(lines) and column >= 1 and lines[line - 1][column - 1:column - 1 + len(old)] == old


def _free(spans: dict[int, list[tuple[int, int]]], edit: Edit) -> bool:
    """No edit taken touches the same characters, and no two insert at one place. An
    insertion (`old` empty) may stand where a replacement starts or ends: it goes before
    or after it (BC605 indents a line whose first characters another fix replaces).
    `spans`: per line, the sorted (start, stop) of the edits taken, compatible so."""
    line, column, old, _ = edit
    taken = spans.get(line, [])
    start, stop = column, column + len(old)
    at = bisect.bisect_left(taken, (start, start))  # those before start sooner
    if at and taken[at - 1][0] < taken[at - 1][1] > start:
        return False  # a replacement before runs past this start
    if start == stop:
        return at == len(taken) or taken[at] != (start, start)
    later = taken[at:at + 2]
    if later and later[0] == (start, start):  # an insertion right at this start goes before it
        later = later[1:]
    return not later or later[0][0] >= stop


class Diff(NamedTuple):
    text: str  # git-style unified diff
    fixes: int
    files: int
    base: str  # the folder its names are relative to, when not the working folder


def diff(result: Result) -> Diff:
    """What `apply` would write, as a git-style unified diff (`git apply` takes it). It is
    text, shown in UTF-8 as every report: for a file in another `encoding:` (Latin-1), `git
    apply` matches only lines of ASCII."""
    chunks: list[str] = []
    fixes = 0
    sites: dict[Path, Encoding] = {}
    encodings = {path: file_encoding(Path(path), sites) for path in _fixable(result)}
    planned = [(path, found) for path, diags in _fixable(result).items()
               if (found := plan(Path(path), diags, encodings[path]))]
    names, base = _names([path for path, _ in planned])
    for (path, (old, new, applied)), name in zip(planned, names, strict=True):
        fixes += len(applied)
        codec = "utf-8" if encodings[path].codec == "utf-8-sig" else encodings[path].codec
        lines = difflib.unified_diff(_lines(old, codec), _lines(new, codec), _quoted(f"a/{name}"),
                                     _quoted(f"b/{name}"))
        chunks.extend(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    return Diff("".join(chunks), fixes, len(planned), base)


def _names(paths: list[str]) -> tuple[list[str], str]:
    """The files' names for the diff: relative to the working folder, as `git apply`
    there reads them; when one is outside it (`../_posts/x.md`, which git refuses),
    relative to the deepest folder that holds them all, and that folder."""
    names = [os.path.relpath(path) for path in paths]
    if not any(name == ".." or name.startswith("../") for name in names):
        return names, ""
    base = os.path.commonpath([os.path.dirname(os.path.abspath(path)) for path in paths])
    return [os.path.relpath(path, base) for path in paths], base


def _quoted(name: str) -> str:
    """A name as git writes it in a diff: in C quotes when it holds a control
    character (a tab would end the name), else as it is."""
    if not any(ord(char) < 0x20 or char == "\x7f" for char in name):
        return name
    escapes = {"\t": "\\t", "\n": "\\n", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
    return '"' + "".join(escapes.get(char) or (f"\\{ord(char):03o}" if ord(char) < 0x20 or char == "\x7f" else char)
                         for char in name) + '"'


def _lines(data: bytes, codec: str) -> list[str]:
    """Lines as git counts them: split at \\n only (a \\r or U+2028 stays inside its line),
    as text (a file in the site's `encoding:` is shown, and written, in UTF-8 as all reports)."""
    parts = data.decode(codec, "replace").split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _write(path: Path, data: bytes) -> None:
    """Replace the contents of the file `path` names: through a symbolic link, keeping
    its mode and owner; a file with other hard links is written in place, so that
    every name sees the change."""
    target = path.resolve()
    info = target.stat()
    if not os.access(target, os.W_OK):  # a 0444 file in a folder we may write: replacing it would pass the mode by
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    if info.st_nlink > 1:
        _write_in_place(target, data)
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".blogcheck-fix-")
    except PermissionError:  # a folder we may not write in, a file we may
        _write_in_place(target, data)
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        made = os.stat(tmp)
        if (made.st_uid, made.st_gid) != (info.st_uid, info.st_gid):
            with contextlib.suppress(OSError, AttributeError):  # not ours to give: keep going
                os.chown(tmp, info.st_uid, info.st_gid)
        os.chmod(tmp, info.st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_in_place(target: Path, data: bytes) -> None:
    """Overwrite `target` itself; when a write fails (a full disk), put the old bytes
    back, which fit in the space they had, so no half-written file is left."""
    with open(target, "r+b", buffering=0) as handle:
        old = handle.read()
        try:
            _overwrite(handle, data)
        except BaseException:
            _overwrite(handle, old)
            raise


def _overwrite(handle: io.FileIO, data: bytes) -> None:
    handle.seek(0)
    view = memoryview(data)
    while view:
        written = handle.write(view)
        if not written:
            raise OSError("the file took no more bytes")
        view = view[written:]
    handle.truncate()



def _fixed(diag: Diagnostic) -> Diagnostic:
    done = ", ".join(_change(old, new) for _, _, old, new in _edits(diag))
    return dataclasses.replace(diag, severity=Severity.INFO, message=f"{FIXED}{done}", hint="")
