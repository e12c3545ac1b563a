"""`phr export`: the record, or part of it, as a file (PDF, Regie JSON, FHIR or CSV).

Every export except a password-protected PDF is readable by anyone who gets the file;
the command says so each time, as the app does.
"""

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from phr.cli.common import CliError, ExitCode, environment, new_file_place, shown, unlock
from phr.core import partial_date
from phr.storage.errors import VaultError

if TYPE_CHECKING:  # the record's code loads when a command opens one (common.unlock)
    from phr.access.session import RecordSession

FORMATS = ("pdf", "json", "fhir", "csv")


class ExportRequestError(ValueError):
    """The export asked for cannot be made as asked (bad date, missing password): nothing is written."""


NOT_ENCRYPTED = "Note: this file is NOT encrypted. Anyone who gets it can read your health data."


def add_export_command(commands) -> None:
    export = commands.add_parser("export", help="write the record (or part of it) to a file")
    export.add_argument("dir", help="the record folder")
    export.add_argument("out", help="the file to write")
    export.add_argument("--format", choices=FORMATS,
                        help="pdf: for your care team; json: Regie's own lossless format (docs/json-format.md); "
                             "fhir: an HL7 FHIR patient summary (docs/fhir.md); csv: your readings "
                             "(docs/csv-format.md). Default: from the file name (.pdf, .csv), else json")
    export.add_argument("--kind", choices=("overview", "visit", "emergency"), default="overview",
                        help="which PDF: the whole care process, a brief for the next visit, or the emergency "
                             "card and letter")
    export.add_argument("--lang", choices=("nl", "en"), help="language of a PDF or FHIR summary (default: the "
                                                             "record's language when Dutch or English, else Dutch)")
    export.add_argument("--since", help="leave out what happened before this day (YYYY-MM-DD)")
    export.add_argument("--until", help="leave out what happened after this day (YYYY-MM-DD)")
    export.add_argument("--pdf-password-env", metavar="VAR",
                        help="protect the PDF with AES-256, using the password in this environment variable")
    export.set_defaults(handler=cmd_export)


def cmd_export(args) -> int:
    new_file_place(Path(args.out))  # before the passphrase: the command itself is wrong
    session = unlock(args.dir)
    try:
        encrypted = write(session, args)
    except ExportRequestError as error:  # one line, nothing written
        raise CliError(str(error)) from None
    except (VaultError, OSError, KeyboardInterrupt):
        raise
    except Exception as error:  # noqa: BLE001 - a fault in making the file: its text may quote the record
        raise CliError(f"The export could not be made ({type(error).__name__}). Nothing was written.") from None
    finally:
        session.lock()
    report(args.out, encrypted)
    return ExitCode.OK


# The record's language is free text ("Nederlands", "English", ...): the usual names mean an export language.
_LANGUAGE_NAMES = {"nl": "nl", "nederlands": "nl", "dutch": "nl", "vlaams": "nl", "flemish": "nl",
                   "en": "en", "english": "en", "engels": "en"}


def export_language(args, services) -> str:
    """--lang, else the record's language when it is Dutch or English, else Dutch."""
    if args.lang:
        return args.lang
    spoken = services.person.get().language.strip().lower()
    return _LANGUAGE_NAMES.get(spoken, "nl")


def export_format(args) -> str:
    if args.format:
        return args.format
    suffix = Path(args.out).suffix.lower()
    return {".pdf": "pdf", ".csv": "csv"}.get(suffix, "json")


def day(text: str | None, what: str) -> date | None:
    """A whole day from the command line, or a clear one-line error."""
    if not text:
        return None
    try:
        iso = partial_date.normalise(text)
    except ValueError:
        iso = ""
    if len(iso) != 10:
        raise ExportRequestError(f"{what} must be a whole date, like 2026-03-01: {text!r}")
    return date.fromisoformat(iso)


def pdf_password(args) -> str | None:
    from phr.export.pdf.documents import MIN_PASSWORD_LENGTH

    if not args.pdf_password_env:
        return None
    password = environment(args.pdf_password_env)
    if not password:
        raise ExportRequestError(f"The environment variable {args.pdf_password_env} is not set or empty. Nothing was written.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ExportRequestError(f"The PDF password must be at least {MIN_PASSWORD_LENGTH} characters. Nothing was written.")
    return password


def write(session: "RecordSession", args) -> bool:
    """Write the export; True when the file is encrypted."""
    from phr.record.services import RecordServices

    kind = export_format(args)
    since, until = day(args.since, "--since"), day(args.until, "--until")
    if since and until and since > until:
        raise ExportRequestError("--since is after --until. Nothing was written.")
    if kind in ("json", "fhir") and (since or until):
        raise ExportRequestError(f"--since and --until do not apply to a {kind} export, which holds the whole "
                                 "record. Nothing was written.")
    out = Path(args.out)
    if kind == "json":
        from phr.formats.native import write as native_json
        native_json.write_export(session, out)
        return False
    services = RecordServices(session)
    if kind == "csv":
        from phr.export import csv_export
        csv_export.write_export(services, out, since, until)
        return False
    if kind == "fhir":
        from phr.formats.fhir.write import bundle as fhir
        fhir.write_export(services, out, language=export_language(args, services))
        return False
    return _write_pdf(services, args, since, until, out)


def _write_pdf(services, args, since, until, out: Path) -> bool:
    from phr.export.options import ExportOptions
    from phr.export.pdf import documents as pdf

    password = pdf_password(args)  # checked before the work, so a bad password costs nothing
    options = ExportOptions(kind=args.kind, language=export_language(args, services), since=since, until=until)
    data = pdf.build_pdf(services, options)
    if password:
        data = pdf.protect(data, password)
    pdf.save(out, data)
    return password is not None


def report(out: str, encrypted: bool) -> None:
    print(shown(f"Written to {Path(out).absolute()}"))
    if encrypted:
        print("The PDF is protected with AES-256: it opens only with its password.")
    else:
        print(NOT_ENCRYPTED, file=sys.stderr)
