"""`phr import DIR FILE`: a Regie JSON record, a FHIR file or a device file read into the record.

With --format auto the kind is decided from the file's whole structure, not its first bytes: a FHIR
Bundle whose resourceType comes last is still FHIR. A JSON or XML file that is neither Regie's nor FHIR
is refused with what it looks like, rather than read as a table.
"""

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from phr.cli.common import CliError, ExitCode, fail, regular_file, shown, unlock
from phr.core.vocabulary import ReadingMethod
from phr.imports.devices.recognise import FORMATS as LAYOUT_FORMATS
from phr.imports.devices.sources.registry import SOURCES
from phr.imports.devices.zones import computer_zone, zone_named

if TYPE_CHECKING:  # the record's code loads when a command opens one (common.unlock)
    from phr.access.session import RecordSession

# The device layouts the import knows, then the two record formats: a new layout needs no change here.
# device_import.FORMATS, from the lists it is made of: the import itself (with the record's code and numpy) loads
# when a file is imported, not for `phr --help` (issue 20; tests/cli/test_cli_imports_lazily.py checks it is the same).
FORMATS = LAYOUT_FORMATS + tuple(dict.fromkeys(source.format for source in SOURCES if source.format not in LAYOUT_FORMATS)) + ("json", "fhir")
# --method: how the readings of another CSV file were taken, in the words of the command line.
METHODS = {"sensor": ReadingMethod.SENSOR, "meter": ReadingMethod.FINGERSTICK, "lab": ReadingMethod.LAB,
           "typed": ReadingMethod.TYPED}
MAX_FILE_BYTES = 512 * 1024 * 1024  # the largest file read whole (a Regie record file); each format checks its own


def add_import_command(commands) -> None:
    import_ = commands.add_parser("import", help="read a file into the record")
    import_.add_argument("dir", help="the record folder")
    import_.add_argument("file", help="the file to read")
    import_.add_argument("--format", choices=FORMATS,
                         default="auto", help="auto: decided from the file's contents; csv: a file with the columns "
                                              "time and value (needs --measure); json: Regie's own format; fhir: an "
                                              "HL7 FHIR file: a Bundle of any type, single resources, NDJSON or "
                                              "XML, R4 or STU3 (docs/fhir.md)")
    import_.add_argument("--measure", help="the measure of a plain CSV (glucose, bp, weight, ... or your own)")
    import_.add_argument("--method", choices=tuple(METHODS),
                         help="how the readings of a plain CSV were taken: sensor = a continuous glucose monitor "
                              "(the reports count its readings as sensor time); meter = a finger-prick meter; "
                              "lab = lab results; typed = typed in by hand. Without it the method is not known. "
                              "Device files (libreview, dexcom, omron) say it themselves and take no --method")
    import_.add_argument("--timezone", metavar="ZONE",
                         help="device files: the time zone of the device's clock, an IANA name such as "
                              "Europe/Amsterdam, America/New_York or UTC (default: this computer's zone). A file that "
                              "names its own zone keeps it")
    import_.add_argument("--date-order", choices=("dmy", "mdy"),
                         help="device files: dmy = day first (12-05-2025 is 12 May), mdy = month first (12 "
                              "December). Only needed when no day in the file is above 12; the import then asks")
    import_.add_argument("--other-person", action="store_true",
                         help="FHIR files only: import the file although the person in it (name or birth date) is "
                              "not this record's person. Without it such a file is refused")
    import_.set_defaults(handler=cmd_import)


# How Regie's own file begins (phr.formats.native.write): such a file is read from its path, in passes, whatever
# its size (a lifetime's readings); one that says so further in is read whole, as JSON whose kind is not yet known.
_REGIE_HEAD = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"format"\s*:\s*"regie-record"\s*,')


class RegieFilePath:
    """A Regie record file given by its path: the importer reads it in bounded memory."""

    def __init__(self, path: Path) -> None:
        self.path = path


def cmd_import(args) -> int:
    from phr.imports import device_import

    try:  # the options first: a wrong one is a usage error whatever the file
        zone = zone_named(args.timezone) if args.timezone else computer_zone()
    except ValueError as error:
        return fail(f"--timezone: {error}.", ExitCode.USAGE)
    data = _file(Path(args.file), args.format)
    kind = "json" if isinstance(data, RegieFilePath) else args.format if args.format != "auto" \
        else "device" if isinstance(data, Path) else _kind_of(data)
    refused = _method_refused(args, data.path if isinstance(data, RegieFilePath) else data, kind)
    if refused:  # before the passphrase: the command itself is wrong
        return fail(f"--method is only for another CSV file (--format csv). {refused}", ExitCode.USAGE)
    if args.other_person and kind != "fhir":
        return fail("--other-person is only for FHIR files.", ExitCode.USAGE)
    if kind in ("json", "fhir") and isinstance(data, Path):
        return fail(f"--format {kind}: this is not a Regie or FHIR file.", ExitCode.USAGE)
    if kind in ("json", "fhir") and (args.timezone or args.date_order):
        return fail("--timezone and --date-order are only for device files: a Regie or FHIR file gives each "
                    "time with its offset.", ExitCode.USAGE)
    session = unlock(args.dir)
    name = storable_name(Path(args.file))
    try:
        if isinstance(data, RegieFilePath) or kind == "json":
            _import_json(session, data.path if isinstance(data, RegieFilePath) else data)
        elif isinstance(data, Path) or kind != "fhir":
            _import_device(session, data, name, args, zone)
        else:
            _import_fhir(session, data, name, args.other_person)
    except device_import.DateOrderUnknown as error:
        return fail(f"{error} Say which comes first with --date-order dmy (day first: 12-05-2025 is 12 May) "
                    "or --date-order mdy (month first: 12 December). Nothing was added.", ExitCode.USAGE)
    finally:
        session.lock()
    return ExitCode.OK


def storable_name(path: Path) -> str:
    """The file's name as the entries' provenance keeps it: a byte of the name that is not UTF-8 (which the
    database cannot store) as U+FFFD, as a file manager shows it."""
    return os.fsencode(path.name).decode("utf-8", "replace")


def _file(path: Path, format: str) -> bytes | Path | RegieFilePath:
    """The path of a device file (the device import reads it as it needs: a large one in blocks, in bounded
    memory) or of a Regie file as Regie writes it (RegieFilePath: read in passes, in bounded memory), else the file's
    bytes (a FHIR file, or one that may be one, or a Regie file: JSON or XML)."""
    from phr.imports import device_import

    regular_file(path)
    if format not in ("auto", "json", "fhir") or device_import.is_streamed(path):
        return path
    with path.open("rb") as file:
        head = file.read(4096)
    if format in ("auto", "json") and _REGIE_HEAD.match(head):
        return RegieFilePath(path)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if format == "auto" and start not in (b"{", b"[", b"<"):
        return path
    return _read(path)


def _read(path: Path) -> bytes:
    """The file's bytes, never more than any import takes (the size is checked first; the read stops at the
    limit too, for a file that grows meanwhile)."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _too_large()
    with path.open("rb") as file:
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large()
    return data


def _too_large() -> CliError:
    return CliError(f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; Regie imports no file that "
                    "large.")


def _kind_of(data: bytes) -> str:
    """'json' (a Regie record file), 'fhir', or 'device' for the device import to decide; a JSON or XML file
    that is neither is refused here with what it looks like."""
    from phr.formats.fhir.read import file_kind
    from phr.imports import device_import

    if _is_regie_json(data):
        return "json"
    if device_import.is_device_source(data):  # Nightscout's entries.json, ...: before FHIR, which reads it all
        return "device"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"[", b"<"):
        return "fhir" if file_kind.is_fhir(data) else "device"
    try:  # JSON or XML: FHIR, or refused with why it is not (too deep, not valid JSON, not FHIR, ...)
        file_kind.read(data)
    except file_kind.InvalidFhirImport as error:
        raise CliError(str(error)) from None
    return "fhir"


def _method_refused(args, data: bytes | Path, kind: str) -> str | None:
    """Why this file takes no --method, or None (no --method given, or a file that may have one)."""
    if not args.method:
        return None
    if kind in ("json", "fhir"):
        return "A Regie or FHIR file says itself how each reading was taken."
    from phr.imports import device_import

    return device_import.method_refused(data, args.format, Path(args.file).name)


def _is_regie_json(data: bytes) -> bool:
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"{" or b'"regie-record"' not in data:
        return False
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        return True  # it says it is ours: the Regie reader says it is too deep
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(document, dict) and document.get("format") == "regie-record"


def _import_fhir(session: "RecordSession", data: bytes, name: str, other_person: bool) -> None:
    from phr.formats.fhir.read import bundle as fhir
    from phr.formats.fhir.read.summary import summary_lines
    from phr.record.services import RecordServices

    try:
        summary = fhir.import_bundle(RecordServices(session), data, name, other_person=other_person)
    except fhir.OtherPersonFile as error:
        raise CliError(f"{error} If it belongs in this record all the same, import it with --other-person.") \
            from None
    _say(f"read: {summary.about}")
    for line in summary_lines(summary):
        _say(line)
    _say(f"Imported {sum(summary.added.values())} entries.")


def _import_json(session: "RecordSession", data: bytes | Path) -> None:
    from phr.formats.native import read as native_json

    summary = native_json.import_record(session, data)  # a path: read in passes; bytes: a small file read whole
    for section in sorted(set(summary.added) | set(summary.already_present)):
        _say(f"{section}: {summary.added.get(section, 0)} added, "
              f"{summary.already_present.get(section, 0)} already present")
    _say(f"Imported {sum(summary.added.values())} entries.")


def _import_device(session: "RecordSession", data: bytes | Path, name: str, args, zone: ZoneInfo) -> None:
    from phr.imports import device_import
    from phr.record.services import RecordServices

    method = METHODS[args.method].value if args.method else ""
    summary = device_import.import_file(RecordServices(session), data, name, args.format, args.measure,
                                        method=method, zone=zone, date_order=args.date_order or "auto")
    _say(f"format: {summary.format}")
    if summary.read_as_windows_1252:  # not UTF-8 as a whole: an accent may have come out otherwise
        _say("encoding: Windows-1252 (the file is not UTF-8 text; check that letters with accents came out right)")
    _say(f"time zone: {zone.key}")
    _say(f"readings: {summary.added} added, {summary.already_present} already present")
    if args.method:
        _say(f"method: {args.method}")
    elif summary.format == "csv" and args.measure == "glucose":
        _say("method: not given (--method sensor|meter|lab|typed), so the reports count these glucose readings "
              "as other readings, not as sensor time")
    if summary.notes_added:
        _say(f"notes: {summary.notes_added} added to the diary")
    _say(f"skipped rows: {summary.skipped_count}")
    for reason, count in sorted(summary.skipped_by_reason().items()):
        _say(f"  {count} x {device_import.REASON_TEXT.get(reason, reason)}")
    for row in summary.skipped[:10]:
        where = f"line {row.line} of {row.member}" if row.member else f"line {row.line}"
        _say(f"  {where}: {device_import.REASON_TEXT.get(row.reason, row.reason)}")
    if summary.left_out:
        _say(f"left out (data that is no reading Regie keeps): {sum(summary.left_out.values()):,} records")
        for kind, count in device_import.largest(summary.left_out, 10):
            _say(f"  {count:,} x {kind}")
        if len(summary.left_out) > 10:
            _say(f"  and {len(summary.left_out) - 10} other kinds")


def _say(line: str) -> None:
    """A line of the import's report: it may quote the file (its name, a zip member's, what it holds)."""
    print(shown(line))
