"""Device files that are not tables: read beside the CSV pipeline (steps 1-3 do not apply), into
the same DeviceReadings as a layout's, so that step 6 (store) is the same.

One module per kind of file, each a `Source`: `looks_like(head)` (a test on the file's first
HEAD_BYTES, never on its name) and `read(file, name, zone, progress)`. device_import routes a
file to the first source that knows it, before the CSV pipeline. A source's format name is the
layouts' when it has one (a Nightscout entries.json is format 'nightscout', like its CSV).

Streamed: a source whose files can be large (an Apple Health export is often gigabytes) takes the
file as a Path and returns DeviceReadings whose `readings` is an iterator: the store consumes it
in chunks inside its one transaction, so a file never has to fit in memory. Its `skipped` and
`notes` are complete once `readings` is consumed. Progress (and cancel) is the source's:
progress(done, total) of the file's bytes or entries.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from phr.imports.devices.model import DeviceReadings, Progress

# A source decides from this many first bytes of the file.
HEAD_BYTES = 1 << 16
# What a source reads: the file's bytes (small files, tests) or its path (streamed).
FileInput = bytes | Path


@dataclass(frozen=True)
class Source:
    format: str                                    # the --format name
    what: str                                      # for messages: 'an Apple Health export'
    looks_like: Callable[[bytes], bool]            # the file's first HEAD_BYTES are this kind's
    read: Callable[[FileInput, str, ZoneInfo, Progress | None], DeviceReadings]
    streamed: bool = False                         # reads a Path itself (never the whole file at once)


def head_of(file: FileInput) -> bytes:
    """The first HEAD_BYTES of the file."""
    if isinstance(file, bytes):
        return file[:HEAD_BYTES]
    with file.open("rb") as opened:
        return opened.read(HEAD_BYTES)


def bytes_of(file: FileInput) -> bytes:
    """The whole file, for a source that reads it at once (small files only)."""
    return file if isinstance(file, bytes) else file.read_bytes()
