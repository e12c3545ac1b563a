"""`phr import` fed random, truncated and mutated files (issue 19): every refusal is one line on stderr and a
non-zero exit, never a traceback, and leaves the record as it was.

The files come from the sample record itself: its Regie JSON and FHIR exports (whole for truncation; a few
entries of each, with new uids so the import really reaches the writing, for mutation), a FHIR XML bundle and
the device samples. Everything runs through the command line's entry, `phr.cli.main.main`, in this process;
only the Argon2id run of the unlock is skipped (the record is opened with its data key, as the template record
of conftest does): 400 imports in about a minute.

Truncated and random files cannot be right: they must be refused. A mutated file may still be a good one; then
it is imported (exit 0), and the record is put back before the next example.
"""

import copy
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import FAST, PASSPHRASE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from locations import DATA
from template_record import TemplateRecord

from phr.access import records
from phr.cli import imports
from phr.cli import main as cli
from phr.formats.native.write import export_record
from phr.record.services import RecordServices
from phr.storage.repos.integrity import section_counts

EXAMPLES = settings(max_examples=50, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])
LONE_SURROGATES = ("x\ud800y", "\udfff", "a\udc80")


class Record:
    """The sample record, its pristine copy, and how the command line opens it here. (No dataclass: hypothesis
    shows a failing example's arguments field by field, and the exports are megabytes.)"""

    def __init__(self, folder: Path, pristine: Path, opener: TemplateRecord, native: bytes, fhir: bytes,
                 work: Path) -> None:
        self.folder, self.pristine, self.opener = folder, pristine, opener
        self.native = native        # the whole Regie JSON export
        self.fhir = fhir            # the whole FHIR export
        self.work = work            # where the examples' files are written
        self.at_start: dict[str, Any] = {}
        self.opened = 0             # how often the command line opened the record

    def unlock(self, folder: str | Path, verify_first: bool = False) -> Any:
        """phr.cli.imports.unlock without its Argon2id run: the record opened with its data key."""
        self.opened += 1
        return self.opener.open_copy(Path(folder))

    def files(self) -> dict[str, bytes]:
        return {path.name: path.read_bytes() for path in sorted(self.folder.iterdir())}

    def state(self) -> tuple[Any, ...]:
        """What a refused import must leave as it was: every section's count, the person, the measures, the
        readings per measure."""
        session = self.opener.open_copy(self.folder)
        try:
            services = RecordServices(session)
            return (section_counts(session.db), services.person.get(), len(services.measures.measures()),
                    services.readings.counts())
        finally:
            session.lock()

    def whole(self) -> dict[str, Any]:
        """The whole record as Regie's own file holds it (but the moment of the export)."""
        session = self.opener.open_copy(self.folder)
        try:
            return {**export_record(session), "exported_at": None}
        finally:
            session.lock()

    def __repr__(self) -> str:
        return f"Record({self.folder})"

    def put_back(self) -> None:
        shutil.rmtree(self.folder)
        shutil.copytree(self.pristine, self.folder)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Iterator[Record]:
    from phr.demo import sample_record
    from phr.formats.fhir.write.bundle import build_bundle
    from phr.formats.native.write import dumps

    base = tmp_path_factory.mktemp("fuzz")
    folder = base / "sample.regie"
    session = sample_record.create_sample_record(folder, PASSPHRASE, argon2=FAST)
    session.lock()
    opened = records.unlock_with_passphrase(folder, PASSPHRASE)
    vault = opened.vault
    assert vault.keys is not None
    opener = TemplateRecord(folder, "", vault.ring, vault.slot, vault.keys)
    try:
        native = dumps(export_record(opened))
        fhir = json.dumps(build_bundle(RecordServices(opened), language="en")).encode()
    finally:
        opened.lock()
    pristine = base / "pristine.regie"
    shutil.copytree(folder, pristine)
    work = base / "files"
    work.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PHR_PASSPHRASE", PASSPHRASE)
        record = Record(folder, pristine, opener, native, fhir, work)
        patch.setattr(imports, "unlock", record.unlock)
        record.at_start = record.whole()
        yield record


def run_import(sample: Record, capsys, data: bytes, name: str, *options: str) -> tuple[int, list[str]]:
    """`phr import` of `data` as a file `name`: (exit code, stderr lines); no exception may come out."""
    path = sample.work / name
    path.write_bytes(data)
    capsys.readouterr()
    sample.opened = 0
    code = cli.main(["import", str(sample.folder), str(path), *options])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err.splitlines()


def refused(sample: Record, capsys, before: tuple[Any, ...], data: bytes, name: str, *options: str) -> None:
    """The file must be refused: one line, a non-zero exit, the record as it was."""
    files = sample.files()
    code, lines = run_import(sample, capsys, data, name, *options)
    assert code != 0 and len(lines) == 1 and lines[0].startswith("phr: "), (code, lines)
    unchanged(sample, before, files)


def unchanged(sample: Record, before: tuple[Any, ...], files: dict[str, bytes]) -> None:
    """The record's files as they were, byte for byte; when not (opening and closing a record may write: its
    journal, the deletions whose undo time is over), what it holds is the same. Before the record was opened,
    only the bytes count."""
    if sample.files() != files:
        assert sample.opened, "the record's files changed, although the import never opened it"
        assert sample.state() == before


def imported_or_refused(sample: Record, capsys, before: tuple[Any, ...], data: bytes, name: str,
                        *options: str) -> None:
    """A file that may be good: imported (then the record is put back), or refused as `refused` says."""
    files = sample.files()
    code, lines = run_import(sample, capsys, data, name, *options)
    if code == 0:
        sample.put_back()
        return
    assert len(lines) == 1 and lines[0].startswith("phr: "), (code, lines)
    unchanged(sample, before, files)


@pytest.fixture(scope="module")
def before(sample: Record) -> tuple[Any, ...]:
    return sample.state()


CUT_AT = st.integers(0, 1 << 30)


def cut(data: bytes, at: int) -> bytes:
    """A proper start of the file, from its very start (at 0) to all but its last byte (at 1 << 30): its trailing
    white space first taken off, so that no cut is the whole file (a JSON or XML document cut short is never
    whole)."""
    data = data.rstrip()
    return data[:at * (len(data) - 1) // (1 << 30)]


# Values a mutation puts in place of another: JSON of every kind; and, in a third of the examples each, what broke
# an import once: a lone surrogate in place of a text, a number no measure takes in place of a number.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20) | st.sampled_from(("whenever", "2026-02-30", "", "=HYPERLINK(\"x\")")),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6)
NUMBERS = st.sampled_from((1e307, -1e307, 1e300, -70.0, 10**400, 0))


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every value in a JSON document, with its path."""
    found = [(path, value)] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += leaves(item, (*path, key))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            found += leaves(item, (*path, number))
    return found


@dataclass(frozen=True)
class Mutation:
    """One value of a document replaced (or removed): which kind of value, which one of that kind (by number,
    so that the strategy does not depend on the document), and what comes in its place."""

    kind: str     # 'text': a lone surrogate in place of a text; 'number': a number no measure takes; 'any'
    which: int
    surrogate: str
    number: float | int
    value: Any
    remove: bool

    def applied(self, document: dict[str, Any]) -> bytes:
        every = leaves(document)
        if self.kind == "text":
            paths, value = [path for path, old in every if isinstance(old, str)], self.surrogate
        elif self.kind == "number":
            paths = [path for path, old in every if isinstance(old, (int, float)) and not isinstance(old, bool)]
            value = self.number
        else:
            paths, value = [path for path, _ in every], self.value
        path = paths[self.which % len(paths)]
        copied = copy.deepcopy(document)
        parent = copied
        for part in path[:-1]:
            parent = parent[part]
        if self.remove and self.kind == "any":
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
        return json.dumps(copied, ensure_ascii=True).encode()  # a lone surrogate as its escape, "\\ud800"


MUTATIONS = st.builds(Mutation, st.sampled_from(("text", "number", "any")), st.integers(0, 1 << 20),
                      st.sampled_from(LONE_SURROGATES), NUMBERS, JSON_VALUES, st.booleans())


# Sections whose entries are one per measure: a copy under a new uid is refused whatever the mutation.
ONE_PER_KEY = ("measures",)


def few_native_entries(native: bytes) -> dict[str, Any]:
    """A small Regie JSON file of the sample: two entries of each section and two reading batches, under new
    uids (an entry the record holds is left alone, so its values would never be read). Their links point to
    entries the record holds."""
    document = json.loads(native)
    document["sections"] = {name: [_new_uid(entry, f"{name}{n}") for n, entry in enumerate(entries[:2])]
                            for name, entries in document["sections"].items() if name not in ONE_PER_KEY}
    document["reading_batches"] = [_new_uid(dict(batch, readings=batch["readings"][:3]), f"batch{n}")
                                   for n, batch in enumerate(document["reading_batches"][:2])]
    document["reference_ranges"] = []
    return document


def _new_uid(entry: dict[str, Any], seed: str) -> dict[str, Any]:
    import hashlib

    return dict(entry, uid=hashlib.md5(f"fuzz {seed}".encode()).hexdigest())


def few_fhir_resources(fhir: bytes) -> dict[str, Any]:
    """A collection Bundle of the sample's Patient and its first resource of each other type."""
    bundle = json.loads(fhir)
    chosen, seen = [], set()
    for entry in bundle["entry"]:
        kind = entry["resource"]["resourceType"]
        if kind not in seen and kind != "Composition":
            seen.add(kind)
            chosen.append(entry)
    return {"resourceType": "Bundle", "type": "collection", "entry": chosen}


FHIR_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<Bundle xmlns="http://hl7.org/fhir">
  <type value="collection"/>
  <entry><resource><Patient><id value="p1"/>
    <name><family value="de Vries"/><given value="Sanne"/></name><birthDate value="1991-04-12"/>
  </Patient></resource></entry>
  <entry><resource><Condition><id value="c1"/>
    <clinicalStatus><coding><system value="http://terminology.hl7.org/CodeSystem/condition-clinical"/>
      <code value="active"/></coding></clinicalStatus>
    <code><coding><system value="http://snomed.info/sct"/><code value="73211009"/>
      <display value="Diabetes mellitus"/></coding></code>
    <subject><reference value="Patient/p1"/></subject>
  </Condition></resource></entry>
  <entry><resource><Observation><id value="o1"/><status value="final"/>
    <code><coding><system value="http://loinc.org"/><code value="29463-7"/></coding></code>
    <subject><reference value="Patient/p1"/></subject>
    <effectiveDateTime value="2026-01-05T08:00:00+01:00"/>
    <valueQuantity><value value="71.5"/><unit value="kg"/><system value="http://unitsofmeasure.org"/>
      <code value="kg"/></valueQuantity>
  </Observation></resource></entry>
</Bundle>
"""


# -- Regie JSON ---------------------------------------------------------------------------------------------

@EXAMPLES
@given(at=CUT_AT, options=st.sampled_from([(), ("--format", "json")]))
def test_a_truncated_regie_file_is_refused_in_one_line(sample, before, capsys, at, options):
    refused(sample, capsys, before, cut(sample.native, at), "record.json", *options)


@EXAMPLES
@given(mutation=MUTATIONS)
def test_a_mutated_regie_file_is_imported_or_refused_in_one_line(sample, before, capsys, mutation):
    file = mutation.applied(few_native_entries(sample.native))
    imported_or_refused(sample, capsys, before, file, "record.json", "--format", "json")


# -- FHIR: JSON and XML ------------------------------------------------------------------------------------

@EXAMPLES
@given(at=CUT_AT, options=st.sampled_from([(), ("--format", "fhir")]))
def test_a_truncated_fhir_file_is_refused_in_one_line(sample, before, capsys, at, options):
    refused(sample, capsys, before, cut(sample.fhir, at), "summary.json", *options)


@EXAMPLES
@given(mutation=MUTATIONS)
def test_a_mutated_fhir_file_is_imported_or_refused_in_one_line(sample, before, capsys, mutation):
    file = mutation.applied(few_fhir_resources(sample.fhir))
    imported_or_refused(sample, capsys, before, file, "summary.json", "--format", "fhir")


@EXAMPLES
@given(at=CUT_AT, options=st.sampled_from([(), ("--format", "fhir")]))
def test_a_truncated_fhir_xml_file_is_refused_in_one_line(sample, before, capsys, at, options):
    refused(sample, capsys, before, cut(FHIR_XML, at), "summary.xml", *options)


# -- CSV ------------------------------------------------------------------------------------------------------

DEVICE_SAMPLES = sorted((DATA / "samples").glob("*.csv"))


@EXAMPLES
@given(file=st.binary(max_size=400), with_header=st.booleans())
def test_random_bytes_as_a_csv_file_are_refused_in_one_line(sample, before, capsys, file, with_header):
    data = (b"time,value\n" if with_header else b"") + file
    refused(sample, capsys, before, data, "weight.csv", "--format", "csv", "--measure", "weight")


@EXAMPLES
@given(device=st.sampled_from(DEVICE_SAMPLES), at=CUT_AT,
       options=st.sampled_from([(), ("--format", "csv", "--measure", "glucose"), ("--date-order", "dmy")]))
def test_a_truncated_device_file_is_imported_or_refused_in_one_line(sample, before, capsys, device, at, options):
    imported_or_refused(sample, capsys, before, cut(device.read_bytes(), at), "device.csv", *options)


@EXAMPLES
@given(text=st.text(max_size=300))
def test_random_text_after_a_csv_header_is_imported_or_refused_in_one_line(sample, before, capsys, text):
    data = ("time,value,unit,note\n" + text).encode("utf-8", "surrogatepass")
    imported_or_refused(sample, capsys, before, data, "weight.csv", "--format", "csv", "--measure", "weight")


def test_the_whole_record_is_the_same_after_every_example(sample):
    """Each example compared counts; after all of them (the imported files put back), the whole record."""
    assert sample.at_start and sample.whole() == sample.at_start
