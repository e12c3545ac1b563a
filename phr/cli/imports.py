"""`phr import DIR FILE`: a Regie JSON record, a FHIR patient summary or a device file read into the record."""

from pathlib import Path

from phr.access.session import RecordSession
from phr.cli.common import ExitCode, fail, unlock
from phr.core.vocabulary import ReadingMethod
from phr.imports import device_import

# The device layouts the import knows, then the two record formats: a new layout needs no change here.
FORMATS = device_import.FORMATS + ("json", "fhir")
# --method: how the readings of another CSV file were taken, in the words of the command line.
METHODS = {"sensor": ReadingMethod.SENSOR, "meter": ReadingMethod.FINGERSTICK, "lab": ReadingMethod.LAB,
           "typed": ReadingMethod.TYPED}


def add_import_command(commands) -> None:
    import_ = commands.add_parser("import", help="read a file into the record")
    import_.add_argument("dir", help="the record folder")
    import_.add_argument("file", help="the file to read")
    import_.add_argument("--format", choices=FORMATS,
                         default="auto", help="auto: decided from the file's contents; csv: a file with the columns "
                                              "time and value (needs --measure); json: Regie's own format; fhir: an "
                                              "HL7 FHIR patient summary bundle (docs/fhir.md)")
    import_.add_argument("--measure", help="the measure of a plain CSV (glucose, bp, weight, ... or your own)")
    import_.add_argument("--method", choices=tuple(METHODS),
                         help="how the readings of a plain CSV were taken: sensor = a continuous glucose monitor "
                              "(the reports count its readings as sensor time); meter = a finger-prick meter; "
                              "lab = lab results; typed = typed in by hand. Without it the method is not known. "
                              "Device files (libreview, dexcom, omron) say it themselves and take no --method")
    import_.set_defaults(handler=cmd_import)


def cmd_import(args) -> int:
    data = Path(args.file).read_bytes()
    refused = _method_refused(args, data)
    if refused:  # before the passphrase: the command itself is wrong
        return fail(f"--method is only for another CSV file (--format csv). {refused}", ExitCode.USAGE)
    session = unlock(args.dir)
    try:
        if args.format == "json" or (args.format == "auto" and _looks_like_regie_json(data)):
            _import_json(session, data)
        elif args.format == "fhir" or (args.format == "auto" and _looks_like_fhir_bundle(data)):
            _import_fhir(session, data, Path(args.file).name)
        else:
            _import_device(session, data, Path(args.file).name, args)
    finally:
        session.lock()
    return ExitCode.OK


def _method_refused(args, data: bytes) -> str | None:
    """Why this file takes no --method, or None (no --method given, or a file that may have one)."""
    if not args.method:
        return None
    if args.format in ("json", "fhir") or (args.format == "auto" and
                                           (_looks_like_regie_json(data) or _looks_like_fhir_bundle(data))):
        return "A Regie or FHIR file says itself how each reading was taken."
    return device_import.method_refused(data, args.format, Path(args.file).name)


def _looks_like_regie_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" and b'"regie-record"' in data[:4096]


def _looks_like_fhir_bundle(data: bytes) -> bool:
    head = data[:4096]
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" and b'"resourceType"' in head and b'"Bundle"' in head


def _import_fhir(session: RecordSession, data: bytes, name: str) -> None:
    from phr.formats.fhir.read import bundle as fhir
    from phr.record.services import RecordServices

    summary = fhir.import_bundle(RecordServices(session), data, name)
    for section in sorted(set(summary.added) | set(summary.already_present)):
        print(f"{section}: {summary.added.get(section, 0)} added, "
              f"{summary.already_present.get(section, 0)} already present")
    for resource, count in sorted(summary.unsupported.items()):
        print(f"skipped: {count} x {resource} (Regie does not read these from FHIR files)")
    for reason in summary.skipped[:20]:
        print(f"skipped: {reason}")
    print(f"Imported {sum(summary.added.values())} entries.")


def _import_json(session: RecordSession, data: bytes) -> None:
    from phr.formats.native import read as native_json

    summary = native_json.import_record(session, data)
    for section in sorted(set(summary.added) | set(summary.already_present)):
        print(f"{section}: {summary.added.get(section, 0)} added, "
              f"{summary.already_present.get(section, 0)} already present")
    print(f"Imported {sum(summary.added.values())} entries.")


def _import_device(session: RecordSession, data: bytes, name: str, args) -> None:
    from phr.record.services import RecordServices

    method = METHODS[args.method].value if args.method else ""
    summary = device_import.import_file(RecordServices(session), data, name, args.format, args.measure,
                                        method=method)
    print(f"format: {summary.format}")
    print(f"readings: {summary.added} added, {summary.already_present} already present")
    if args.method:
        print(f"method: {args.method}")
    elif summary.format == "csv" and args.measure == "glucose":
        print("method: not given (--method sensor|meter|lab|typed), so the reports count these glucose readings "
              "as other readings, not as sensor time")
    if summary.notes_added:
        print(f"notes: {summary.notes_added} added to the diary")
    print(f"skipped rows: {len(summary.skipped)}")
    for reason, count in sorted(summary.skipped_by_reason().items()):
        print(f"  {count} x {device_import.REASON_TEXT.get(reason, reason)}")
    for row in summary.skipped[:10]:
        print(f"  line {row.line}: {device_import.REASON_TEXT.get(row.reason, row.reason)}")
