"""What a file is, from its whole structure rather than its first bytes: FHIR JSON (one resource, often a
Bundle; also a JSON list of them), FHIR NDJSON (one resource a line, or several JSON documents one after
another, as $everything pages joined), or FHIR XML. Anything else is refused with what it looks like
(a PDF, XML that is not FHIR, UTF-16 text, JSON without a resourceType, ...), so the person knows what
they picked.

Every document is checked for its depth (no file nests past MAX_DEPTH levels; beyond that a reader
could run out of stack) and its text is made storable (a lone UTF-16 surrogate becomes U+FFFD).
"""

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from phr.formats.errors import InvalidImport
from phr.formats.fhir.read import xml_file

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
TOO_DEEP = f"The file is nested deeper than any FHIR file (more than {MAX_DEPTH} levels), so Regie does not read it."
_SIGNATURES = ((b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (unpack it and import the file inside)"),
               (b"\x89PNG", "a picture (PNG)"), (b"\xff\xd8\xff", "a picture (JPEG)"),
               (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"SQLite format 3", "a database"))


class InvalidFhirImport(InvalidImport):
    """The file is not a FHIR file Regie can read, or could not be stored. Nothing was changed."""


class FileForm(StrEnum):
    JSON = "JSON"
    NDJSON = "NDJSON"
    XML = "XML"


@dataclass(frozen=True)
class FhirFile:
    form: FileForm
    documents: list[dict[str, Any]]               # each a FHIR resource (often a Bundle), in file order
    xml_root: Any = None                          # the parsed XML, to type it again by another version's models
    broken_lines: list[int] = field(default_factory=list)  # NDJSON lines that are not a FHIR resource


def is_fhir(data: bytes) -> bool:
    """True when the file reads as FHIR (whatever it holds); for telling it from device files."""
    try:
        read(data)
    except InvalidFhirImport:
        return False
    return True


def read(data: bytes) -> FhirFile:
    if len(data) > MAX_FILE_BYTES:
        raise InvalidFhirImport(f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, too large to be "
                                "a FHIR patient summary.")
    text = _text(data)
    start = text.lstrip()[:1]
    if start == "<":
        return _xml(data)
    if start in ("{", "["):
        return _json(text)
    raise InvalidFhirImport(describe(data))


def describe(data: bytes) -> str:
    """What the file looks like, in one sentence, for a file that is not FHIR."""
    found = next((what for signature, what in _SIGNATURES if data.startswith(signature)), None)
    if found:
        return f"The file is {found}, not a FHIR file."
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:64]:
        return "The file is UTF-16 text; FHIR files are UTF-8. Save it as UTF-8 and import it again."
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "The file is not UTF-8 text, so it is not a FHIR file."
    start = text.lstrip()[:1]
    if not start:
        return "The file is empty."
    if start == "<":
        return _describe_xml(data)
    if start in ("{", "["):
        return _describe_json(text)
    first = text.lstrip().splitlines()[0]
    if any(mark in first for mark in (",", ";", "\t")):
        return "The file is a table of text (like CSV), not a FHIR file."
    return "The file is plain text, not a FHIR file (FHIR files are JSON, NDJSON or XML)."


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidFhirImport(describe(data)) from None


def _xml(data: bytes) -> FhirFile:
    try:
        root = xml_file.parse(data)
    except xml_file.XmlProblem as problem:
        raise InvalidFhirImport(str(problem)) from None
    if not xml_file.is_fhir(root):
        raise InvalidFhirImport(_describe_xml(data))
    from fhir.resources import R4B

    try:
        document = xml_file.to_json(root, R4B)
    except xml_file.XmlProblem as problem:
        raise InvalidFhirImport(str(problem)) from None
    return FhirFile(FileForm.XML, [checked(document)], root)


def _describe_xml(data: bytes) -> str:
    try:
        root = xml_file.parse(data)
    except xml_file.XmlProblem as problem:
        return str(problem)
    name = xml_file.root_name(root)
    if name == "ClinicalDocument":
        return "The file is a CDA document (XML), not FHIR; Regie does not read CDA documents."
    if xml_file.is_fhir(root):
        return "The file is FHIR XML."
    return f"The file is XML, but not FHIR XML (it starts with <{name or '?'}>)."


def _json(text: str) -> FhirFile:
    try:
        whole = json.loads(text)
    except RecursionError:
        raise InvalidFhirImport(TOO_DEEP) from None
    except ValueError:
        return _ndjson(text)
    documents = whole if isinstance(whole, list) else [whole]
    if not documents or not all(_is_resource(document) for document in documents):
        raise InvalidFhirImport(_describe_json(text))
    return FhirFile(FileForm.JSON, [checked(document) for document in documents])


def _ndjson(text: str) -> FhirFile:
    """One resource a line; or, when the first line is not a whole resource, JSON documents one after another."""
    lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines or not _is_resource(_loads(lines[0][1])):
        return FhirFile(FileForm.NDJSON, [checked(document) for document in _sequence(text)])
    documents, broken = [], []
    for number, line in lines:
        document = _loads(line)
        if _is_resource(document):
            documents.append(checked(document))
        else:
            broken.append(number)
    return FhirFile(FileForm.NDJSON, documents, broken_lines=broken)


def _sequence(text: str) -> list[dict[str, Any]]:
    decoder, documents, place = json.JSONDecoder(), list[dict[str, Any]](), 0
    while True:
        place = len(text) - len(text[place:].lstrip())
        if place >= len(text):
            return documents
        try:
            document, place = decoder.raw_decode(text, place)
        except RecursionError:
            raise InvalidFhirImport(TOO_DEEP) from None
        except json.JSONDecodeError as error:
            raise InvalidFhirImport(f"The file looks like JSON but is not valid JSON (line {error.lineno}).") \
                from None
        except ValueError:
            raise InvalidFhirImport("The file looks like JSON but holds a value Regie cannot read.") from None
        if not _is_resource(document):
            raise InvalidFhirImport("The file holds several JSON documents, and not all are FHIR resources.")
        documents.append(document)


def _loads(line: str) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        return None


def _describe_json(text: str) -> str:
    try:
        whole = json.loads(text)
    except RecursionError:
        return TOO_DEEP
    except json.JSONDecodeError as error:
        return f"The file looks like JSON but is not valid JSON (line {error.lineno})."
    except ValueError:  # e.g. a number of more digits than Python reads
        return "The file looks like JSON but holds a value Regie cannot read."
    if isinstance(whole, dict) and whole.get("format") == "regie-record":
        return "The file is a Regie record file, not a FHIR file (import it as json)."
    if isinstance(whole, dict) and "resourceType" in whole:
        return "The file is JSON with a resourceType that is not a FHIR resource type."
    return "The file is JSON, but not FHIR: it has no resourceType."


def _is_resource(document: Any) -> bool:
    return isinstance(document, dict) and isinstance(document.get("resourceType"), str) \
        and re.fullmatch(r"[A-Z][A-Za-z]{1,63}", document["resourceType"]) is not None


def checked(document: dict[str, Any]) -> dict[str, Any]:
    """The document, once no deeper than MAX_DEPTH; lone surrogates (which no database stores) become U+FFFD."""
    pending: list[tuple[Any, int]] = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise InvalidFhirImport(TOO_DEEP)
        if isinstance(value, dict):
            for key in [key for key in value if not _storable(key)]:
                value[_repaired(key)] = value.pop(key)
            items = value.items()
        elif isinstance(value, list):
            items = enumerate(value)  # type: ignore[assignment]
        else:
            continue
        for key, item in list(items):
            if isinstance(item, str) and not _storable(item):
                value[key] = _repaired(item)
            elif isinstance(item, (dict, list)):
                pending.append((item, depth + 1))
    return document


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _repaired(text: str) -> str:
    return re.sub("[\ud800-\udfff]", "\ufffd", text)
