"""Regie's own JSON file checked before anything is written: types, dates, links and authors.

Each section is checked against the record's own stored fields (through its service), so the
file cannot put a value where the record keeps another kind.
"""

from collections.abc import Callable, Iterator
from typing import Any

from phr.core import partial_date
from phr.core.entries import SOURCES, EntryService
from phr.formats.errors import InvalidImport
from phr.formats.native import read_readings
from phr.formats.native.read_stream import Entries
from phr.formats.native.schema import JSON_COLUMNS, PERSON_FIELDS, SECTIONS, STATEMENTS
from phr.monitoring.measures import CATALOGUE, LARGEST, SCORE, VALUE, Measure, finite
from phr.monitoring.validity import is_time_stamp
from phr.record import codings
from phr.record.appointments import is_time
from phr.record.person import TEXT_LANGUAGES
from phr.record.services import RecordServices

CHECKED_STEP = 500  # entries checked between two reports of progress
DATE_COLUMNS = {"birth_date", "noted_on", "diagnosed_on", "genetic_test_date", "start_date", "review_date",
                "evaluated_on", "stop_date", "changed_on", "document_date", "given_on", "performed_on"}


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise InvalidImport(f"The Regie record file is damaged: {what}.")


def entry_services(services: RecordServices) -> dict[str, EntryService[Any]]:
    """The service of each section of the file, in the file's order (a section links only to earlier ones)."""
    s = services
    by_name: dict[str, EntryService[Any]] = {
        "contacts": s.care_team, "allergies": s.allergies, "diagnoses": s.diagnoses, "appointments": s.appointments,
        "questions": s.appointments.question_entries, "goals": s.care_plan,
        "goal_evaluations": s.care_plan.evaluation_entries, "medications": s.medications,
        "medication_changes": s.medications.change_entries, "documents": s.documents,
        "vaccinations": s.vaccinations, "procedures": s.procedures, "measures": s.measures,
        "measure_targets": s.targets, "monitoring_plans": s.plans, "diary": s.diary, "import_mappings": s.mappings,
    }
    return {name: by_name[name] for name in SECTIONS}


def file_measure(entry: dict[str, Any]) -> Measure:
    """A measure of the file's own, as the readings of the file are checked against it: a symptom score from 0
    to 10; else its bounds (a lab measure may have none: anything possible then)."""
    score = entry.get("kind") == SCORE
    low: object = 0.0 if score else entry.get("low_bound")
    high: object = 10.0 if score else entry.get("high_bound")
    return Measure(entry["key"], "", "", "", "", low_bound=low if finite(low) else -LARGEST,
                   high_bound=high if finite(high) else LARGEST, kind=SCORE if score else VALUE)


class Checker:
    """Types, dates and references, before anything is written."""

    def __init__(self, services: RecordServices) -> None:
        self._services = services
        self._sections = entry_services(services)

    def check(self, doc: dict[str, Any], entries: Iterator[tuple[str, Any]], rows: Iterator[Any],
              checked: Callable[[int], None] = lambda count: None) -> bool:
        """`entries`: (section, entry) of every entry of the file's sections, in order, and `rows` every reading
        row of its batches (each a pass over the file); `checked` is told now and then how many entries and rows
        have been checked. True when the sections come in Regie's order (each whole, in link order), as Regie
        writes them: then one pass can write them all."""
        expect(all(isinstance(a, dict) and a.get("role") in ("owner", "carer") and isinstance(a.get("name"), str)
                   and isinstance(a.get("ref"), str) for a in doc["authors"]), "an author is not described")
        refs = {a["ref"] for a in doc["authors"]}
        expect(len(refs) == len(doc["authors"]), "two authors share a reference")
        expect(set(doc["sections"]) <= set(SECTIONS), "it holds an unknown section")
        self._person(doc["person"])
        for name, section in doc["sections"].items():
            expect(isinstance(section, Entries), f"section {name} is not a list")
        order, own, count = self._entries(entries, refs, checked)
        # After the sections: the file's own measures are checked, so their bounds are numbers.
        measures = {m.key: m for m in self._services.measures.measures()}
        measures |= {m["key"]: file_measure(m) for m in own if isinstance(m.get("key"), str)}
        measures |= CATALOGUE
        ranges = doc.get("reference_ranges", [])
        keys = read_readings.check(doc.get("reading_batches", []), rows, refs, measures, expect,
                                   read_readings.range_measures(ranges), lambda done: checked(count + done))
        read_readings.check_ranges(ranges, keys, expect)
        return order == sorted(set(order), key=SECTIONS.index)

    def _entries(self, entries: Iterator[tuple[str, Any]], refs: set[str], checked: Callable[[int], None]) \
            -> tuple[list[str], list[Any], int]:
        """Each entry checked (`checked` told every CHECKED_STEP); the sections in the order the file gives them (a
        name again where one comes back after another), the file's own measures, and how many entries there were."""
        count = 0
        numbers: dict[str, int] = {}
        types: dict[str, dict[str, str]] = {}
        order: list[str] = []
        own: list[Any] = []
        for name, entry in entries:
            service = self._sections[name]
            if name not in types:
                types[name] = service.column_types()
            if not order or order[-1] != name:
                order.append(name)
            numbers[name] = numbers.get(name, 0) + 1
            self._entry(service, entry, types[name], refs, f"{name} entry {numbers[name]}")
            if name == "measures":
                own.append(entry)
            count += 1
            if not count % CHECKED_STEP:
                checked(count)
        checked(count)
        return order, own, count

    def _person(self, person: dict[str, Any]) -> None:
        expect(set(person) <= set(PERSON_FIELDS), "the person holds unknown fields")
        expect(all(v is None or isinstance(v, str) for v in person.values()), "a person field is not text")
        expect(not person.get("birth_date") or partial_date.normalise_or_none(person["birth_date"])
               == person["birth_date"], "the date of birth is not a date")
        expect(person.get("text_language") in (None, "", *TEXT_LANGUAGES), "the record's language is not nl or en")
        expect(all(person.get(name) in (None, "unknown", "none_known", "listed") for name in STATEMENTS),
               "a statement about a list is not unknown, none_known or listed")

    def _entry(self, service: EntryService[Any], entry: Any, types: dict[str, str], refs: set[str],
               where: str) -> None:
        table = service.table
        expect(isinstance(entry, dict) and isinstance(entry.get("uid"), str) and entry["uid"], f"{where} has no uid")
        expect(set(entry) - {"uid", "provenance", "content_base64"} <= set(table.columns),
               f"{where} holds unknown fields")
        for column in table.columns:
            self._value(column, entry.get(column), types[column], column in table.references, where)
        provenance = entry.get("provenance")
        expect(isinstance(provenance, dict) and provenance.get("entered_by") in refs
               and provenance.get("changed_by") in refs and is_time_stamp(provenance.get("created_at"))
               and is_time_stamp(provenance.get("changed_at")) and provenance.get("source", "typed") in SOURCES
               and isinstance(provenance.get("source_detail"), (str, type(None))), f"{where} has no valid provenance")

    def _value(self, column: str, value: Any, declared: str, is_link: bool, where: str) -> None:
        if value is None:
            return
        if is_link:
            expect(isinstance(value, str), f"{where}: {column} is not a link")
            return
        if column in JSON_COLUMNS:
            expect(_is_codings(value), f"{where}: {column} is not a list of codes")
            return
        expected = {"TEXT": (str,), "INTEGER": (int,), "REAL": (int, float)}.get(declared, (object,))
        expect(isinstance(value, expected) and not isinstance(value, bool), f"{where}: {column} has the wrong type")
        expect(not isinstance(value, int) or -2**63 <= value < 2**63, f"{where}: {column} is too large")
        # A target, an alert limit or a measure's bound of NaN or ±Infinity: json reads them, no rule may hold them.
        expect(not isinstance(value, float) or (finite(value) and abs(value) <= LARGEST),
               f"{where}: {column} is NaN, infinite or too large")
        if column in DATE_COLUMNS:
            expect(partial_date.normalise_or_none(value) == value, f"{where}: {column} is not a date")
        if column == "starts_at":
            expect(is_time(value), f"{where}: {column} is not a date and time")


def _is_codings(value: Any) -> bool:
    """A list of {"system", "code", "display"} with text values, system and code not empty."""
    return isinstance(value, list) and len(value) <= codings.MAX_CODINGS and all(
        isinstance(c, dict) and set(c) <= {"system", "code", "display"} and isinstance(c.get("system"), str)
        and isinstance(c.get("code"), str) and isinstance(c.get("display", ""), str) and not codings.problem(
            (codings.Coding(c["system"], c["code"], c.get("display", "")),)) for c in value)
