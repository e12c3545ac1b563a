"""Zip files for the sources: what a zip holds, decided cheaply, and its members read one at a time.

A zip's first bytes say little (the first member's name at most); its table of contents is at its
end. So for a zip the registry gives the sources, instead of the file's head, its CONTENTS: a
marker line, then the members' names, one a line (contents_of: read from the zip's central
directory, which zipfile reads without reading the members). A zip whose directory cannot be read
(cut short by a download) lists the names the head itself shows (each member starts with a header
that names it), so that its source can still say what it is and that it is damaged.
"""

import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import IO

from phr.imports.devices.model import NotThisFormat

ZIP_MAGIC = b"PK\x03\x04"
CONTENTS = b"PK\x00zip contents\n"     # starts like a zip: no text source takes it for its own
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, ..., name length, extra length (30 bytes)
# What reading a damaged zip can raise, besides NotThisFormat.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError)


def is_zip(head: bytes) -> bool:
    return head.startswith(ZIP_MAGIC)


def contents_of(file: bytes | Path, head: bytes) -> bytes:
    """CONTENTS and the names of the zip's members (see above)."""
    try:
        with opened(file) as archive:
            names = archive.namelist()
    except NotThisFormat:
        names = local_names(head)
    return CONTENTS + "\n".join(names).encode("utf-8", errors="replace")


def names_in(head: bytes) -> list[str] | None:
    """The member names a zip's CONTENTS lists; None for any other head."""
    if not head.startswith(CONTENTS):
        return None
    return [name for name in head[len(CONTENTS):].decode("utf-8", errors="replace").split("\n") if name]


def base_name(name: str) -> str:
    """The member's file name without its folders, case folded: 'Export/BP.csv' -> 'bp.csv'."""
    return name.rsplit("/", 1)[-1].casefold()


def local_names(head: bytes) -> list[str]:
    """The names in the member headers found in the zip's first bytes."""
    names, place = [], head.find(ZIP_MAGIC)
    while 0 <= place and place + _LOCAL_HEADER.size <= len(head):
        _, length, _extra = _LOCAL_HEADER.unpack_from(head, place)
        names.append(head[place + _LOCAL_HEADER.size:place + _LOCAL_HEADER.size + length]
                     .decode("utf-8", errors="replace"))
        place = head.find(ZIP_MAGIC, place + _LOCAL_HEADER.size + length)
    return names


def opened(file: bytes | Path) -> zipfile.ZipFile:
    """The zip, open for reading (only its directory is read now); NotThisFormat when it is damaged."""
    try:
        return zipfile.ZipFile(io.BytesIO(file) if isinstance(file, bytes) else file)
    except ZIP_ERRORS:
        raise damaged() from None


MEMBER_LIMIT = 256 * 1024 * 1024  # a member read whole (a Withings bp.csv holds years in a few MB)


def member_bytes(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """A (small) member's bytes, checked; NotThisFormat when they cannot be read, or when it would unpack to more
    than MEMBER_LIMIT (a zip bomb claims its true size or lies: at most the limit is read either way)."""
    if member.file_size > MEMBER_LIMIT:
        raise too_large(member.filename)
    try:
        with archive.open(member) as stream:
            data = stream.read(MEMBER_LIMIT + 1)
    except (*ZIP_ERRORS, RuntimeError):
        raise damaged() from None
    if len(data) > MEMBER_LIMIT:
        raise too_large(member.filename)
    return data


def too_large(name: str) -> NotThisFormat:
    return NotThisFormat(f"“{name}” in this zip file would unpack to more than {MEMBER_LIMIT // (1024 * 1024)} MB, "
                         "more than Regie reads of one file in an export. Nothing was added.")


def member_stream(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> IO[bytes]:
    try:
        return archive.open(member)
    except (*ZIP_ERRORS, RuntimeError):     # RuntimeError: a member with a password
        raise damaged() from None


def damaged() -> NotThisFormat:
    return NotThisFormat("This zip file is damaged or incomplete (a download cut short, say): it cannot be read. "
                         "Nothing was added; make or download the export again.")
