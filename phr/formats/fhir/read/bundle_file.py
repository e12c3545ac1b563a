"""The file's bytes -> the entries: each resource with its place and fullUrl, in file order.

file_kind reads the file: FHIR JSON, NDJSON (one resource a line) or XML. A Bundle of any type gives its
entries' resources (document, collection, transaction and batch, searchset including Patient/$everything,
history); a Bundle inside one (an NDJSON line, joined $everything pages) gives its own; a file of one
resource is one entry. What is not health data is left out and counted, never read: a request to delete
something, the server's OperationOutcome (search mode 'outcome'), an entry without a resource, a resource
given twice, and in a history Bundle every version but the newest.

The FHIR version is found once per file (versions.py). Each resource of a kind Regie reads is turned into
R4 and then checked by the FHIR R4B models on its own, so one broken resource does not stop the others.
"""

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from fhir.resources import R4B, STU3
from fhir.resources.R4B import get_fhir_model_class
from pydantic import ValidationError

from phr.formats.fhir.read import file_kind, xml_file
from phr.formats.fhir.read.file_kind import MAX_FILE_BYTES, FhirFile, FileForm, InvalidFhirImport
from phr.formats.fhir.read.versions import FhirVersion, as_r4, version_of

__all__ = ["MAX_FILE_BYTES", "BundleEntry", "FileContents", "InvalidFhirImport", "read_entries", "read_file"]

BUNDLES_INSIDE = 3  # a Bundle in a Bundle in a Bundle: deeper than that no real file goes
DELETE = "requests to delete something on a server (not health data)"
OUTCOME = "messages from the server about the request (OperationOutcome, not health data)"
NO_RESOURCE = "entries without a resource (nothing to read)"
REPEATED = "resources given twice in the file"
OLDER = "older versions of a resource (a history Bundle; the newest is read)"
BROKEN_LINE = "lines that are not a FHIR resource"
BROKEN_BUNDLE = "Bundles inside the file that do not follow the FHIR rules"


@dataclass(frozen=True)
class BundleEntry:
    number: int                      # its place in the file, from 1
    url: str                         # its fullUrl, else Type/id, else entry-<number>
    kind: str                        # its resource type
    resource: dict[str, Any] | None  # None: a kind Regie does not read
    problem: str = ""                # why the FHIR R4B models refuse the resource ('' when they accept it)


@dataclass
class FileContents:
    entries: list[BundleEntry]
    about: str                                                # what the file is: 'a FHIR R4 searchset Bundle (JSON)'
    left_out: dict[str, int] = field(default_factory=dict)    # why entries are not data (the words above) -> how many


def read_entries(data: bytes, kinds: Collection[str]) -> list[BundleEntry]:
    """The file's entries; only resources of these kinds are kept (and checked)."""
    return read_file(data, kinds).entries


def read_file(data: bytes, kinds: Collection[str]) -> FileContents:
    found = file_kind.read(data)
    version = version_of(found.documents[0] if len(found.documents) == 1 else
                         {"resourceType": "Bundle", "type": "collection",
                          "entry": [{"resource": document} for document in found.documents]})
    documents = _typed_again(found) if found.form is FileForm.XML and version is FhirVersion.STU3 \
        else found.documents
    reader = _Reader(kinds, version)
    for document in documents:  # one damaged Bundle among several (an NDJSON line) is left out, not the file
        reader.document(document, 0 if len(documents) == 1 else 1)
    if found.broken_lines:
        reader.left_out[BROKEN_LINE] = len(found.broken_lines)
    return FileContents(reader.entries, _about(found, documents, version), reader.left_out)


def _typed_again(found: FhirFile) -> list[dict[str, Any]]:
    """An STU3 XML file read by the STU3 models, whose elements differ from R4's."""
    try:
        return [file_kind.checked(xml_file.to_json(found.xml_root, STU3))]
    except xml_file.XmlProblem as problem:
        raise InvalidFhirImport(str(problem)) from None


def _about(found: FhirFile, documents: list[dict[str, Any]], version: FhirVersion) -> str:
    if found.form is FileForm.NDJSON:
        return f"FHIR {version} NDJSON with {len(documents)} resources"
    kinds = {document["resourceType"] for document in documents}
    if kinds == {"Bundle"} and len(documents) == 1:
        return f"a FHIR {version} {documents[0].get('type') or ''} Bundle ({found.form})".replace("  ", " ")
    return f"FHIR {version} {found.form} with {len(documents)} resource{'s' if len(documents) != 1 else ''}"


class _Reader:
    def __init__(self, kinds: Collection[str], version: FhirVersion) -> None:
        self._kinds, self._version = kinds, version
        self._seen: dict[str, dict[str, Any]] = {}  # url -> the resource read under it
        self._place = 0  # of the entry at hand, counting every entry of the file (also those left out) from 1
        self.entries: list[BundleEntry] = []
        self.left_out: dict[str, int] = {}

    def document(self, document: dict[str, Any], inside: int) -> None:
        if document.get("resourceType") != "Bundle":
            self._place += 1
            self._resource(document, None)
            return
        try:
            entries = _checked_bundle(document, self._version)
        except InvalidFhirImport:
            if not inside:
                raise
            self._leave_out(BROKEN_BUNDLE)
            return
        history: set[str] | None = set() if document.get("type") == "history" else None
        for entry in entries:
            self._entry(entry, history, inside)

    def _entry(self, entry: dict[str, Any], history: set[str] | None, inside: int) -> None:
        """`history`: in a history Bundle the resources whose newest version came already (it comes first)."""
        resource, request = entry.get("resource"), entry.get("request") or {}
        self._place += 1
        if history is not None:
            name = _identity(entry)
            if name in history:
                self._leave_out(OLDER)
                return
            history.add(name)
        if str(request.get("method") or "").upper() == "DELETE":
            self._leave_out(DELETE)
        elif (entry.get("search") or {}).get("mode") == "outcome":
            self._leave_out(OUTCOME)
        elif "resource" not in entry:
            self._leave_out(NO_RESOURCE)
        elif isinstance(resource, dict) and resource.get("resourceType") == "Bundle" and inside < BUNDLES_INSIDE:
            self.document(resource, inside + 1)
        else:
            self._resource(resource, entry.get("fullUrl"))

    def _resource(self, resource: Any, full_url: Any) -> None:
        number = self._place
        kind = resource.get("resourceType") if isinstance(resource, dict) else None
        kind = kind if isinstance(kind, str) and kind else "(no resource type)"
        url = full_url if isinstance(full_url, str) and full_url else \
            f"{kind}/{resource['id']}" if isinstance(resource, dict) and resource.get("id") else f"entry-{number}"
        if kind == "OperationOutcome":  # what a server says about the request, wherever it stands
            self._leave_out(OUTCOME)
            return
        if isinstance(resource, dict) and self._seen.get(url) == resource:
            self._leave_out(REPEATED)
            return
        if isinstance(resource, dict):
            self._seen[url] = resource
        if kind not in self._kinds or not isinstance(resource, dict):
            self.entries.append(BundleEntry(number, url, kind, None))
            return
        try:
            resource = as_r4(_without_storage_keys(resource), self._version)
        except Exception:  # noqa: BLE001 - one resource the conversion did not foresee must not stop the others
            self.entries.append(BundleEntry(number, url, kind, {}, f"a FHIR {self._version} {kind} Regie cannot read"))
            return
        self.entries.append(BundleEntry(number, url, kind, resource, _fhir_problem(resource, kind, self._kinds)))

    def _leave_out(self, why: str) -> None:
        self.left_out[why] = self.left_out.get(why, 0) + 1


def _checked_bundle(bundle: dict[str, Any], version: FhirVersion) -> list[dict[str, Any]]:
    """The Bundle's entries, once the Bundle itself follows the FHIR rules (each resource is checked on its own)."""
    entries = bundle.get("entry", [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise InvalidFhirImport("The FHIR Bundle is damaged: its entries are not a list.")
    shell = {**bundle, "entry": [{k: v for k, v in entry.items() if k != "resource"} for entry in entries]}
    # An STU3 file may wrap its resources in a Bundle of R4's shape (the Dutch Drimpy summary has R4's timestamp).
    for models in (STU3, R4B) if version is FhirVersion.STU3 else (R4B,):
        try:
            models.get_fhir_model_class("Bundle").model_validate(shell)
        except (ValidationError, ValueError, TypeError, KeyError):
            continue
        return entries
    raise InvalidFhirImport("The FHIR Bundle is damaged: it does not follow the FHIR rules.")


def _without_storage_keys(resource: dict[str, Any]) -> dict[str, Any]:
    """The resource without the keys some apps add for their own database ('_id': 'K7GNYY39v2'): in FHIR JSON
    '_name' holds an element's extensions, an object or a list, never plain text."""
    if not any(key.startswith("_") and not isinstance(value, (dict, list)) for key, value in resource.items()):
        return resource
    return {key: value for key, value in resource.items()
            if not key.startswith("_") or isinstance(value, (dict, list))}


def _identity(entry: dict[str, Any]) -> str:
    """Which resource a history entry is a version of: Type/id, from the resource or the request's url."""
    resource = entry.get("resource")
    if isinstance(resource, dict) and resource.get("id"):
        return f"{resource.get('resourceType')}/{resource['id']}"
    url = str((entry.get("request") or {}).get("url") or entry.get("fullUrl") or "")
    return "/".join(url.split("?")[0].rstrip("/").split("/")[-2:]) or str(id(entry))


# Elements Regie never reads, so a fault in them does not make the resource invalid: the server's own meta (a
# Canadian system writes a versionId FHIR does not allow) and a Patient's links to other records of the person
# (a C-CDA document converted to FHIR links its RelatedPersons without the link's type).
NEVER_READ = {"meta"}
NEVER_READ_OF = {"Patient": {"link"}}


def _fhir_problem(resource: dict[str, Any], kind: str, kinds: Collection[str]) -> str:
    """Why the FHIR R4B model refuses the resource (the places only), or ''. What Regie never reads does not
    count (NEVER_READ), nor do contained resources of kinds Regie does not read (a lab result's order without
    its subject)."""
    problem = _model_problem(resource, kind)
    if problem:
        never = NEVER_READ | NEVER_READ_OF.get(kind, set())
        read = {**{key: value for key, value in resource.items() if key not in never},
                "contained": [c for c in resource.get("contained") or [] if isinstance(c, dict)
                              and c.get("resourceType") in kinds]}
        if not read["contained"]:
            read.pop("contained")
        return problem if _model_problem(read, kind) else ""
    return problem


def _model_problem(resource: dict[str, Any], kind: str) -> str:
    try:
        get_fhir_model_class(kind).model_validate(resource)
    except ValidationError as error:
        places = sorted({".".join(str(p) for p in problem["loc"]) for problem in error.errors()})[:3]
        return "not valid FHIR (" + ", ".join(places) + ")"
    except (ValueError, TypeError, KeyError, RecursionError):
        return "not valid FHIR"
    return ""
