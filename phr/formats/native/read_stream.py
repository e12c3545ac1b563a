"""Regie's own JSON file read from its path in passes, in bounded memory (issue 20): a lifetime's 3.2 million
reading rows are never held at once.

The first pass builds the document without its reading rows and care entries: each batch's `readings` becomes
Rows and each section's list Entries (how many the file holds there), while the limits of read_limits are kept
(size, depth, a lone surrogate). Later passes give them again, in the file's order, parsed by ijson's C parser:
`rows()` every reading row of every batch (the checker and the writer take them a batch at a time by their
counts), `entries()` every entry of every section as (section, entry), up to the end of the sections (Regie
writes them before the readings). A file that changes between passes is refused (its checksum), so nothing is
written that was not checked.

ijson's C parser reads standard JSON only. What it refuses that Python's json module reads (NaN and Infinity, a
number beyond 64 bits, ...), and a file with a lone surrogate (which it would read as '?'), is read whole, as
before, when it is small; the rules then say what is wrong with it, in the same words. A large one is refused as
not valid JSON, or has its lone surrogate found in a pass of its own.
"""

import io
import zlib
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from phr.formats.errors import InvalidImport
from phr.formats.native import read_limits
from phr.formats.native.read_limits import MAX_DEPTH, SURROGATE_ESCAPE, TOO_DEEP, TOO_LARGE

try:  # the C parser its wheels carry; named here so a bundler takes it along
    from ijson.backends import yajl2_c as ijson
except ImportError:  # pragma: no cover - a platform without a wheel: the same parser in Python, slower
    from ijson.backends import python as ijson  # type: ignore[no-redef]
from ijson import common as ijson_common
from ijson.backends import python as ijson_python
from ijson.common import JSONError

Source = bytes | Path | BinaryIO
WHOLE_BYTES = 16 * 1024 * 1024  # a file ijson's C parser refuses is read whole (as json.loads reads it) up to this
ROWS = "reading_batches.item.readings"  # where ijson finds the readings of a batch, and (+ ".item") each row
ROW = ROWS + ".item"
NOT_JSON = "The file is not a Regie record file (it is not valid JSON)."
CHANGED = "The file changed while it was being imported. Nothing was imported."
_BLOCK = 1 << 16
_STARTS = ("start_map", "start_array")
_ENDS = ("end_map", "end_array")


class Rows:
    """A batch's readings in the document of the first pass: how many rows the file holds there."""

    __slots__ = ("count",)

    def __init__(self, count: int) -> None:
        self.count = count


class Entries(Rows):
    """A section's list in the document of the first pass: how many entries the file holds there."""

    __slots__ = ()


class RegieFile:
    """The file, read in passes: `document()` once, then `entries()` and `rows()` as often as needed."""

    def __init__(self, source: Source) -> None:
        self._path = source if isinstance(source, Path) else None
        self._data = source if isinstance(source, bytes) else None
        self._file = source if not isinstance(source, (bytes, Path)) else None
        self._checksum: int | None = None
        self._whole: list[list[Any]] | None = None  # read whole: each batch's rows
        self._whole_entries: list[tuple[str, Any]] = []  # read whole: each section's entries, in the file's order
        self._start = 0

    def document(self) -> Any:
        """The file's JSON value with each batch's rows as Rows, once within read_limits' limits."""
        if self._size() > read_limits.MAX_FILE_BYTES:  # read when it is used: a test may lower it
            raise InvalidImport(TOO_LARGE)
        with self._open() as file:
            self._start = 3 if file.read(3) == b"\xef\xbb\xbf" else 0  # a byte order mark, as utf-8-sig allows
        try:
            with self._open() as file:
                document = _Skeleton().build(ijson.parse(file, use_float=True, buf_size=_BLOCK))
                file.drain()
        except (JSONError, ValueError):
            return self._read_whole(NOT_JSON)
        self._checksum = file.checksum
        if file.surrogate:
            if self._size() <= WHOLE_BYTES:
                return self._read_whole(NOT_JSON)
            _find_surrogate(self, document)
        return document

    def rows(self) -> Iterator[Any]:
        """Every reading row of every batch, in the file's order, from a new pass (the file not changed since)."""
        if self._whole is not None:
            yield from (row for rows in self._whole for row in rows)
            return
        with self._open() as file:
            try:
                yield from ijson.items(file, ROW, use_float=True, buf_size=_BLOCK)
                file.drain()
            except (JSONError, ValueError):
                raise InvalidImport(CHANGED) from None
            if file.checksum != self._checksum:
                raise InvalidImport(CHANGED)

    def entries(self, section: str | None = None) -> Iterator[tuple[str, Any]]:
        """(section, entry) of every entry of every section (or of `section` only), in the file's order, from a
        new pass that ends with the sections (the file not changed since)."""
        if self._whole is not None:
            yield from (pair for pair in self._whole_entries if section in (None, pair[0]))
            return
        with self._open() as file:
            try:
                yield from _section_entries(ijson.parse(file, use_float=True, buf_size=_BLOCK), section)
                file.drain()
            except (JSONError, ValueError):
                raise InvalidImport(CHANGED) from None
            if file.checksum != self._checksum:
                raise InvalidImport(CHANGED)

    def _read_whole(self, refused: str) -> Any:
        """The old way, for a small file the C parser refuses: json.loads, then read_limits' checks."""
        if self._size() > WHOLE_BYTES:
            raise InvalidImport(refused)
        with self._open(checked=False) as file:
            data = file.read()
        document = read_limits.loaded(data)
        self._whole = []
        batches = document.get("reading_batches") if isinstance(document, dict) else None
        for batch in batches if isinstance(batches, list) else []:
            if isinstance(batch, dict) and isinstance(batch.get("readings"), list):
                self._whole.append(batch["readings"])
                batch["readings"] = Rows(len(batch["readings"]))
        sections = _sections(document)
        for name, entries in sections.items():
            if isinstance(entries, list):
                self._whole_entries += [(name, entry) for entry in entries]
                sections[name] = Entries(len(entries))
        return document

    def _size(self) -> int:
        if self._path is not None:
            return self._path.stat().st_size
        if self._data is not None:
            return len(self._data)
        assert self._file is not None
        return self._file.seek(0, io.SEEK_END)

    def _open(self, checked: bool = True) -> "_Counted":
        if self._path is not None:
            raw: _Raw = self._path.open("rb")
        elif self._data is not None:
            raw = io.BytesIO(self._data)
        else:
            assert self._file is not None
            raw = _Unclosed(self._file)
        raw.seek(self._start if checked else 0)
        return _Counted(raw)


class _Raw(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...

    def seek(self, offset: int, whence: int = io.SEEK_SET, /) -> int: ...

    def close(self) -> None: ...


class _Unclosed:
    """The caller's file object, read from the start of each pass; closed by the caller."""

    def __init__(self, file: BinaryIO) -> None:
        self._inner = file

    def read(self, size: int = -1) -> bytes:
        return self._inner.read(size)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._inner.seek(offset, whence)

    def close(self) -> None:
        pass


class _Counted:
    """A pass's reads: never past the size limit (a file that grows meanwhile), with the checksum of what was
    read and whether a lone surrogate's escape (\\ud800...) may be in it."""

    def __init__(self, raw: _Raw) -> None:
        self._raw, self.size, self.checksum, self.surrogate, self._tail = raw, 0, 0, False, b""

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self.size += len(data)
        if self.size > read_limits.MAX_FILE_BYTES:
            raise InvalidImport(TOO_LARGE)
        self.checksum = zlib.crc32(data, self.checksum)
        if not self.surrogate and data:
            self.surrogate = SURROGATE_ESCAPE.search(self._tail + data) is not None
            self._tail = data[-5:]
        return data

    def drain(self) -> None:
        """Reads what the parser left (after the last row): the checksum is of the whole file."""
        while self.read(_BLOCK):
            pass

    def __enter__(self) -> "_Counted":
        return self

    def __exit__(self, *exc: object) -> None:
        self._raw.close()


class _Skeleton:
    """Builds the document from ijson's events, each batch's rows counted, not kept; nothing deeper than
    MAX_DEPTH. One row is a few events of its own, so the loop over them is kept short."""

    def __init__(self) -> None:
        self.root: Any = None
        self.stack: list[Any] = []     # the containers being built, the innermost last
        self.keys: list[Any] = []      # per container: the key of its value being built (None in a list)
        self.counted = 0               # rows counted in every batch (the document must keep them all)
        self.entries = 0               # entries counted in every section (likewise)

    def build(self, events: Iterator[tuple[str, str, Any]]) -> Any:
        stack, depth_limit = self.stack, MAX_DEPTH
        for prefix, event, value in events:
            if prefix == ROWS and len(stack) == 3 and isinstance(stack[-1], dict) and event == "start_array" \
                    and self._in_batch():
                self.counted += self._count(events, Rows)
                continue
            if len(stack) == 2 and event == "start_array" and self._in_sections():
                self.entries += self._count(events, Entries)
                continue
            if prefix == ROW and event not in ("map_key", *_ENDS):
                self._damaged()  # a value that ijson would give as a row, not in a batch's readings
            if event == "map_key":
                self.keys[-1] = value
            elif event in _ENDS:
                self.keys.pop()
                self._add(stack.pop())
            else:
                if len(stack) >= depth_limit:
                    raise InvalidImport(TOO_DEEP)
                if event in _STARTS:
                    stack.append({} if event == "start_map" else [])
                    self.keys.append(None)
                else:
                    self._add(value)
        total = sum(batch["readings"].count for batch in _batches(self.root)
                    if isinstance(batch.get("readings"), Rows))
        if total != self.counted:  # a batch's readings twice (a key twice in an object): some rows would be lost
            self._damaged()
        if sum(entries.count for entries in _sections(self.root).values() if isinstance(entries, Entries)) \
                != self.entries:  # a section twice
            raise InvalidImport("The Regie record file is damaged: a section is in it twice.")
        return self.root

    def _in_batch(self) -> bool:
        return isinstance(self.stack[0], dict) and self.keys[0] == "reading_batches" and isinstance(self.stack[1],
                                                                                                   list) \
            and self.keys[2] == "readings"

    def _in_sections(self) -> bool:
        return isinstance(self.stack[0], dict) and self.keys[0] == "sections" and isinstance(self.stack[1], dict)

    def _count(self, events: Iterator[tuple[str, str, Any]], kind: type[Rows]) -> int:
        """The events up to the end of this list (a batch's readings, a section's entries): each value at the top
        is one; the list's place in the document becomes `kind` with the count."""
        count = inner = 0
        # A row or an entry is len(stack) + 1 levels deep: a value `inner` levels into it is deeper by that.
        deepest = MAX_DEPTH - len(self.stack) - 1
        starts, ends = _STARTS, _ENDS
        for _, event, _ in events:
            if event in ends:
                if not inner:
                    break
                inner -= 1
            elif event != "map_key":
                if inner >= deepest:
                    raise InvalidImport(TOO_DEEP)
                if not inner:
                    count += 1
                if event in starts:
                    inner += 1
        self._add(kind(count))
        return count

    def _add(self, value: Any) -> None:
        if not self.stack:
            self.root = value
        elif isinstance(self.stack[-1], dict):
            self.stack[-1][self.keys[-1]] = value
        else:
            self.stack[-1].append(value)

    @staticmethod
    def _damaged() -> None:
        raise InvalidImport("The Regie record file is damaged: its reading batches are not as Regie writes them.")


def _sections(document: Any) -> dict[str, Any]:
    sections = document.get("sections") if isinstance(document, dict) else None
    return sections if isinstance(sections, dict) else {}


def _section_entries(events: Iterator[tuple[str, str, Any]], only: str | None) -> Iterator[tuple[str, Any]]:
    """(section, entry) from a pass's events, each entry built whole (one at a time), up to the end of the
    document's sections."""
    builder: ijson_common.ObjectBuilder | None = None
    depth, name = 0, ""
    for prefix, event, value in events:
        if builder is not None:
            builder.event(event, value)
            if event in _STARTS:
                depth += 1
            elif event in _ENDS:
                depth -= 1
                if not depth:
                    yield name, builder.value
                    builder = None
            continue
        if prefix == "sections" and event == "end_map":
            return
        if event == "map_key" or not prefix.startswith("sections.") or not prefix.endswith(".item"):
            continue
        name = prefix[len("sections."):-len(".item")]
        if "." in name or only not in (None, name):
            continue  # deeper in an entry of a section not asked for
        if event in _STARTS:
            builder, depth = ijson_common.ObjectBuilder(), 1
            builder.event(event, value)
        elif event not in _ENDS:
            yield name, value  # not an object: the checker says so


def _batches(document: Any) -> list[dict[str, Any]]:
    batches = document.get("reading_batches") if isinstance(document, dict) else None
    return [batch for batch in batches if isinstance(batch, dict)] if isinstance(batches, list) else []


def _find_surrogate(file: RegieFile, document: Any) -> None:
    """A large file with a lone surrogate's escape: a pass with ijson's Python parser, which keeps a lone
    surrogate as it is, to name the first one's place (as read_limits does)."""
    path: list[Any] = []  # where the parser is: keys, and indices in lists
    with file._open() as raw:  # noqa: SLF001 - the same file's next pass
        for _, event, value in ijson_python.parse(raw, use_float=True):
            if event == "map_key":
                read_limits.storable(value, tuple(path[:-1]), document, is_name=True)
                path[-1] = value
                continue
            if event in _ENDS:
                path.pop()
                continue
            if path and isinstance(path[-1], int):
                path[-1] += 1
            if event == "string":
                read_limits.storable(value, tuple(path), document)
            elif event in _STARTS:
                path.append(-1 if event == "start_array" else None)


def take(rows: Iterator[Any], count: int) -> Iterator[Any]:
    """The next `count` rows: one batch's."""
    return islice(rows, count)


def finish(rows: Iterator[Any]) -> None:
    """After the last batch: the pass read to its end (and its checksum compared); a row more means the file
    changed."""
    for _ in rows:
        raise InvalidImport(CHANGED)
