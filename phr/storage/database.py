"""The SQLCipher connection: keyed with a raw 256-bit key, checked, and configured.

Every connection is opened the same way: key first, then proof that the file is
really encrypted and that SQLCipher is really there, then the settings that keep
data off the disk in plain form (temp_store=MEMORY) and safe across crashes
(WAL + synchronous=FULL). Each setting is read back; if it did not take, we
refuse to continue rather than run unprotected.

Another program (a second Regie, a `phr` command) may be writing the record: a write waits for it,
up to BUSY_WAIT_SECONDS, in steps of BUSY_STEP_SECONDS, telling `on_wait` after each step (the app
says that it waits), and then gives up with RecordBusy: one clear line, nothing changed.

A record that cannot be written (a CD, a write-protected stick, a folder without write permission) or
that must not be (phr.storage.read_only) opens read-only: reading, checking and exporting work, and every
write is refused with RecordReadOnly, which says why.
"""

import contextlib
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from phr.storage.atomic import create_private_file
from phr.storage.errors import (
    ConstraintViolation,
    CryptoUnavailable,
    RecordDamaged,
    RecordInUse,
    RecordMissing,
    StorageFull,
    StorageUnavailable,
)
from phr.storage.read_only import ReadOnly, RecordReadOnly, media_read_only, read_only_mode

try:
    import sqlcipher3
    from sqlcipher3 import dbapi2 as _sqlite
except ImportError:  # pragma: no cover - depends on the installed library
    sqlcipher3 = None  # no type information: sqlcipher3 is untyped (see _Connection)

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
# SQLite result codes that mean "this file is not what it should be".
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_FULL_CODES = {13}  # SQLITE_FULL
_UNAVAILABLE_CODES = {8, 10, 14}  # SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN
# The online backup API raises with SQLite's text only (sqlite3_errstr), no code attribute.
DISK_FULL_BELOW = 64 * 1024  # bytes free: too little for the WAL index and one page of log
_CODE_OF_TEXT = {"database or disk is full": 13, "attempt to write a readonly database": 8,
                 "disk I/O error": 10, "unable to open database file": 14,
                 "database is locked": 5, "database table is locked": 6}
_READ_ONLY_CODE = 8  # SQLITE_READONLY
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED: another connection holds the lock
BUSY_STEP_SECONDS = 1.0  # SQLite's own wait before we look up (and the app says it waits)
BUSY_WAIT_SECONDS = 20.0  # a write by another Regie takes well under this; longer, it is held open
# Prepared statements the connection keeps (the module's default is 128). Each one keeps memory from the
# connection's small pool (SQLite's lookaside, about 120 kB); with the pool used up, every row a statement
# handles takes its memory from malloc, and with cipher_memory_security on (storage.vault.secure_memory) each
# malloc and free is an mlock and munlock system call. Measured: 320,000 readings imported in 10.3 s with 128
# statements kept, 7.9 s with 16, 1.5 s with 8; the 100,000-entry care import is no slower with none kept.
STATEMENTS_KEPT = 8
T = TypeVar("T")


class RecordBusy(RecordInUse):
    """Another program kept the record locked for writing longer than we wait."""


class _WriteRefused(StorageUnavailable):
    """SQLite refused a write to a file it opened read-only (SQLITE_READONLY)."""


BUSY_TEXT = ("The record is busy in another Regie (a window or a phr command is writing to it); try again when "
             "it is done. Nothing was changed.")


# What one column of a statement's parameters holds (SQLite's storage classes; bool is an int).
SqlValue = int | float | str | bytes | None
Params = Sequence[SqlValue]
# One row as the driver returns it. SQLite types each value, not each column, and the driver has no
# type information: only the SELECT that reads a row knows its columns' types, so its repository
# turns the row into a typed value (an int, a NamedTuple, a dataclass) before it leaves storage.
Row = tuple[Any, ...]
# A row by column name, as repositories hand out entries: the columns and their types depend on the table
# (EntryTable.columns), and the section's service reads them into its own frozen dataclass.
NamedRow = dict[str, Any]


class _Cursor(Protocol):
    """The part of a DB-API cursor (sqlcipher3 is untyped) that Database uses."""

    lastrowid: int  # execute() always sets it (sqlite3_last_insert_rowid)
    rowcount: int

    def fetchall(self) -> list[Row]: ...

    def fetchone(self) -> Row | None: ...


class _Connection(Protocol):
    """The part of a sqlcipher3 connection that Database uses."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, params: Params = ..., /) -> _Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Params], /) -> _Cursor: ...

    def executescript(self, script: str, /) -> _Cursor: ...

    def backup(self, target: "_Connection", *, pages: int = ...,
               progress: Callable[[int, int, int], object] | None = ...) -> None: ...

    def close(self) -> None: ...


class Database:
    """One open, keyed connection. Repositories use it; nothing else sees SQL."""

    def __init__(self, connection: _Connection, read_only: ReadOnly | None = None):
        self._connection: _Connection | None = connection
        self.read_only = read_only  # why it is open read-only; None: it can be written
        self.on_wait: Callable[[float], None] | None = None  # seconds waited so far for another program
        self.busy_wait = BUSY_WAIT_SECONDS

    @classmethod
    def open(cls, path: Path, key: bytes, create: bool = False, read_only: ReadOnly | None = None) -> "Database":
        path = Path(path)
        _require_sqlcipher()
        _check_file(path, create)
        if read_only is None and not create and media_read_only(path):
            read_only = ReadOnly.MEDIA  # also a second connection to a record on a CD: never opened to write
        connection = _connect(path, None if read_only is None else read_only_mode(path, read_only))
        try:
            _apply_key(connection, key)
            if read_only is None:
                _configure(connection)
            else:
                _configure(connection, writable=False)
        except StorageUnavailable:
            connection.close()
            if _disk_is_full(path.parent):  # SQLite says I/O error when the WAL files find no room
                raise StorageFull("The record could not be opened: the disk is full. Make room on the disk "
                                  "and try again; nothing was changed.") from None
            raise
        except BaseException:
            connection.close()
            raise
        return cls(connection, read_only)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    @property
    def _open(self) -> _Connection:
        if self._connection is None:
            raise RuntimeError("the record's connection is closed")
        return self._connection

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        return self._patiently(lambda: self._open.execute(sql, params).fetchall())

    def query_one(self, sql: str, params: Params = ()) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def integer(self, sql: str, params: Params = ()) -> int:
        """The number a query that always gives one (count(*), coalesce(max(id), 0)) gives."""
        number: int = self.query(sql, params)[0][0]
        return number

    def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; returns the last inserted row id (for INSERTs)."""
        return self._patiently(lambda: self._open.execute(sql, params).lastrowid)

    def executemany(self, sql: str, rows: Iterable[Params]) -> int:
        """Run one statement for many rows; returns how many rows it changed (INSERT OR IGNORE: added)."""
        with self._errors():
            return self._open.executemany(sql, rows).rowcount  # rows may be an iterator: never run twice

    def executescript(self, script: str) -> None:
        with self._errors():
            self._open.executescript(script)

    def _patiently(self, run: Callable[[], T]) -> T:
        """Run one statement; while another program holds the write lock, wait in steps (SQLite's busy
        timeout is one step), telling `on_wait`. Only a statement outside a transaction, or the BEGIN that
        starts one, is tried again: inside one, SQLite says to roll back instead (transaction() does)."""
        started = time.monotonic()
        while True:
            try:
                with self._errors():
                    return run()
            except RecordBusy:
                waited = time.monotonic() - started
                if self._open.in_transaction or waited >= self.busy_wait:
                    raise
                if self.on_wait is not None:
                    self.on_wait(waited)

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """translated_errors, and a refused write on a record open read-only says why it is."""
        try:
            with translated_errors():
                yield
        except _WriteRefused:
            if self.read_only is not None:
                raise RecordReadOnly(self.read_only) from None
            raise

    def copy_into(self, target: "Database", pages: int, progress: Callable[[], None] | None) -> None:
        """The whole database into `target` with SQLite's online backup API, `pages` at a step (-1: at once);
        `progress()` runs between steps (it may raise to stop). The API works on connections, not statements."""
        with self._errors():
            self._open.backup(target._open, pages=pages,
                              progress=None if progress is None else lambda *_state: progress())

    @contextlib.contextmanager
    def read_snapshot(self) -> Iterator["Database"]:
        """One read transaction: this connection keeps reading the record as it was when it began (WAL).
        A backup copied in steps needs it, or every write by another connection starts the copy over."""
        self.execute("BEGIN")
        try:
            self.query("SELECT count(*) FROM sqlite_master")  # BEGIN is deferred: this takes the snapshot
            yield self
        finally:
            self.rollback_open_transaction()

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Database"]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: every write is all or nothing."""
        self.execute("BEGIN IMMEDIATE")
        try:
            yield self
            self.execute("COMMIT")  # inside: a COMMIT that fails (disk full) must roll back too
        except BaseException:
            self.rollback_open_transaction()
            raise

    def rollback_open_transaction(self) -> None:
        if self._open.in_transaction:
            self._open.execute("ROLLBACK")

    def pragma_value(self, name: str) -> SqlValue:
        row = self.query_one(f"PRAGMA {name}")
        return row[0] if row else None

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before a file-level copy)."""
        self.query("PRAGMA wal_checkpoint(TRUNCATE)")


@contextlib.contextmanager
def translated_errors() -> Iterator[None]:
    """Turn SQLite's damage and disk errors into vault errors; leave other errors alone."""
    try:
        yield
    except _sqlite.IntegrityError as error:
        # The schema's own rules (a CHECK, a missing link): the message names the rule, never a value.
        raise ConstraintViolation(f"A value does not fit the record's rules ({error}).") from None
    except _sqlite.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else _CODE_OF_TEXT.get(str(error))
        if primary in _DAMAGE_CODES or "malformed" in str(error) or "not a database" in str(error):
            raise RecordDamaged("The record file is damaged (it failed its integrity check).") from None
        if primary in _FULL_CODES:
            raise StorageFull("The record could not be written: the disk is full.") from None
        if primary in _BUSY_CODES:
            raise RecordBusy(BUSY_TEXT) from None
        if primary in _UNAVAILABLE_CODES:
            kind = _WriteRefused if primary == _READ_ONLY_CODE else StorageUnavailable
            raise kind("The record could not be read or written: the folder is read-only or not accessible.") from None
        raise


def _disk_is_full(folder: Path) -> bool:
    """Too little room left; read-only media (a CD, an ISO) also report none, and are not full."""
    try:
        read_only = hasattr(os, "statvfs") and bool(os.statvfs(folder).f_flag & os.ST_RDONLY)  # no statvfs: Windows
        return not read_only and shutil.disk_usage(folder).free < DISK_FULL_BELOW
    except OSError:
        return False


def _require_sqlcipher() -> None:
    if sqlcipher3 is None:
        raise CryptoUnavailable("SQLCipher (sqlcipher3) is not installed. Regie will not store data without it.")


def _check_file(path: Path, create: bool) -> None:
    if create:
        create_private_file(path)  # permissions before data; fails if the file exists
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(PLAIN_SQLITE_HEADER))
    except FileNotFoundError:
        raise RecordMissing(f"The record file {path} is missing.") from None
    except OSError as error:
        raise StorageUnavailable(f"The record file {path} cannot be read ({error.strerror}).") from None
    if header == PLAIN_SQLITE_HEADER:
        raise RecordDamaged(f"{path} is not encrypted. Regie refuses to open it.")
    if len(header) < len(PLAIN_SQLITE_HEADER):
        raise RecordDamaged(f"The record file {path} is empty or truncated.")


def _connect(path: Path, read_only_mode: str | None = None) -> _Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves. check_same_thread=False: the
    # record is unlocked on a worker thread and then used on the GUI thread, never both at once.
    # timeout: SQLite's busy wait, one step of Database._patiently.
    target, uri = (str(path), False) if read_only_mode is None else (f"{path.absolute().as_uri()}?{read_only_mode}", True)
    with translated_errors():
        connection: _Connection = sqlcipher3.connect(target, isolation_level=None, check_same_thread=False,
                                                     timeout=BUSY_STEP_SECONDS, uri=uri,
                                                     cached_statements=STATEMENTS_KEPT)
    return connection


def _apply_key(connection: _Connection, key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise ValueError("a record key is exactly 32 random bytes")
    # SQLCipher logs page failures to stderr by default; we report damage ourselves, in one line.
    connection.execute("PRAGMA cipher_log_level = NONE").fetchall()
    # Built from bytes only, never from a user string: no quoting issues, no KDF inside SQLCipher.
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    # Pin the SQLCipher 4 page format (page size, HMAC, KDF): a future SQLCipher with other
    # defaults must still read every record made today.
    connection.execute("PRAGMA cipher_compatibility = 4").fetchall()
    version = connection.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        raise CryptoUnavailable("The SQLite library in use has no encryption (SQLCipher). Refusing to open.")
    with translated_errors():
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()


_REQUIRED_SETTINGS = (
    # (statement, what to read back, expected value)
    ("PRAGMA temp_store = MEMORY", "temp_store", 2),
    ("PRAGMA journal_mode = WAL", "journal_mode", "wal"),
    ("PRAGMA synchronous = FULL", "synchronous", 2),
    ("PRAGMA foreign_keys = ON", "foreign_keys", 1),
    ("PRAGMA secure_delete = ON", "secure_delete", 1),
)


def _configure(connection: _Connection, writable: bool = True) -> None:
    # Read-only, nothing is written, so the journal (WAL, crash safety of writes) is the file's own.
    settings = _REQUIRED_SETTINGS if writable else [s for s in _REQUIRED_SETTINGS if s[1] != "journal_mode"]
    with translated_errors():
        for statement, name, expected in settings:
            connection.execute(statement).fetchall()
            actual = connection.execute(f"PRAGMA {name}").fetchone()
            if actual is None or actual[0] != expected:
                raise CryptoUnavailable(f"Could not set {name} on the record; refusing to continue.")
