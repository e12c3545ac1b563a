"""What the file says -> record entries, written through the services.

The caller holds the one transaction. Each entry meets its section's own rules first, as
when typed in; one that breaks them is skipped with the reason and the rest is imported.
An entry is already there when the record holds its uid (or held it: what was deleted on
purpose stays deleted), or an entry of the same section with the same natural key.

Emergency notes are a detail of the person: the person's own notes in Regie's own file fill them in
while the record has none. When the record holds other notes, each line of the file's notes that the
record does not hold yet is added under them with where it came from ("Carries an injection (FHIR:
sanne.json)"), as another system's alerts are ("Shellfish free diet (Diet; FHIR: nz.json)"): what others
must know in an emergency is not dropped because the notes were written already, and the person's
words stay as they are. A line the notes already hold is already there.
"""

from dataclasses import dataclass, field, replace
from typing import Any

from phr.core.entries import EntryService, import_stamp
from phr.core.vocabulary import Source
from phr.formats.fhir import codes
from phr.formats.fhir.read.findings import Findings
from phr.formats.fhir.read.history.held import split_held
from phr.formats.fhir.read.resources.found import (
    Alert,
    FoundEntry,
    FoundReading,
    FoundResult,
    Section,
    content_uid,
    natural_key,
    stored_key,
)
from phr.monitoring.lab_results import LabResult
from phr.monitoring.readings import BatchResult
from phr.record.services import RecordServices

ALERTS = "alerts"  # as the summary counts other systems' alerts that joined the emergency notes
NOTES = "emergency_notes"  # as it counts lines of the file's own emergency notes added under the record's
READINGS, RESULTS = "readings", "results"  # as it counts readings of catalogue measures and lab results


@dataclass
class Written:
    added: dict[str, int] = field(default_factory=dict)            # section -> entries added
    already_present: dict[str, int] = field(default_factory=dict)  # section -> entries the record held already
    skipped: list[str] = field(default_factory=list)               # entries that break Regie's rules
    person_filled: list[str] = field(default_factory=list)         # person fields that were empty and now filled
    no_known_allergies: bool = False                               # the statement was taken over


class RecordWriter:
    def __init__(self, services: RecordServices, file_name: str) -> None:
        self._services = services
        self._stamp = import_stamp(services.session, Source.FHIR_IMPORT, file_name or None)
        self._file_name = file_name
        self._ids: dict[str, int] = {}  # fullUrl -> id of the entry it became (or already was; -1: deleted here)
        self._known: dict[str, dict[tuple[str, ...], int]] = {}  # section -> natural key -> id
        self.written = Written()

    def write(self, findings: Findings) -> Written:
        own_notes = findings.emergency_notes.strip()
        held_notes = (self._services.person.get().emergency_notes or "").strip()
        person = {**(findings.person or {}), **({NOTES: own_notes} if own_notes and not held_notes else {})}
        if person:
            self.written.person_filled = self._services.person.fill_in(person, self._stamp)
        if own_notes and held_notes:
            self._own_notes(own_notes, held_notes)
        self._alerts(findings)
        for found in findings.entries:
            self._entry(found)
        self._readings(findings.readings)
        self._results(findings.results)
        if findings.no_known_allergies:
            self.written.no_known_allergies = self._services.person.take_no_known_allergies(self._stamp)
        return self.written

    def _alerts(self, findings: Findings) -> None:
        """Other systems' alerts join the emergency notes, one line each with where it came from."""
        lines = list(dict.fromkeys(self._alert_line(alert) for alert in findings.alerts))
        added = self._services.person.add_to_emergency_notes(lines, self._stamp)
        _count(self.written.added, ALERTS, added)
        _count(self.written.already_present, ALERTS, len(lines) - added)

    def _own_notes(self, notes: str, held: str) -> None:
        """The file's own emergency notes beside other notes in the record: its lines the record does not hold
        (as they are, or added from this file before) go under them, each with where it came from."""
        lines = list(dict.fromkeys(line.strip() for line in notes.splitlines() if line.strip()))
        held_lines = {line.strip() for line in held.splitlines()}
        new = [f"{line} ({self._source()})" for line in lines if line not in held_lines]
        added = self._services.person.add_to_emergency_notes(new, self._stamp)
        _count(self.written.added, NOTES, added)
        _count(self.written.already_present, NOTES, len(lines) - added)

    def _alert_line(self, alert: Alert) -> str:
        source = ", ".join(part for part in (alert.author, self._source()) if part)
        return f"{alert.text} ({'; '.join(part for part in (alert.category, source) if part)})"

    def _source(self) -> str:
        return f"FHIR: {self._file_name}" if self._file_name else "FHIR"

    def _entry(self, found: FoundEntry) -> None:
        service = found.section.service(self._services)
        known = self._known_in(found.section, service)
        found = self._with_free_uid(found, service)
        existing = service.id_of_uid(found.uid)
        if existing is None and not service.was_deleted_for_good(found.uid):
            existing = known.get(found.key)
        elif existing is None:  # deleted in this record on purpose: it stays deleted
            existing = -1
        if existing is not None:
            self._ids[found.url] = existing
            _count(self.written.already_present, found.section.name)
            return
        errors = service.validate(found.item)
        if errors:
            problems = ", ".join(f"{e.field} ({e.problem})" for e in errors)
            self.written.skipped.append(f"{found.section.name}: an entry breaks Regie's rules: {problems}")
            return
        item = replace(found.item, **self._links(found))
        self._ids[found.url] = known[found.key] = service.insert_imported(item, self._stamp, found.uid)
        _count(self.written.added, found.section.name)

    def _readings(self, found: list[FoundReading]) -> None:
        """Readings of catalogue measures in one batch, with the lab's ranges; one the record holds (the same
        measure, moment and values, whatever its method: history/held.py) is already there."""
        if not found:
            return
        new, held = split_held(self._services.readings, [f.reading for f in found])
        batch = self._services.readings.add_batch_within(new, Source.FHIR_IMPORT, self._file_name or None)
        self._services.lab_results.store_ranges(
            LabResult(f.reading.measure, f.reading.taken_at, f.reading.value, f.reference)
            for f in found if f.reference is not None and f.reading.value is not None)
        self._count_batch(READINGS, BatchResult(batch.added, batch.already_present + held))

    def _results(self, found: list[FoundResult]) -> None:
        """Lab results as readings of the lab measure of their code and unit, made on the first result."""
        if not found:
            return
        measures: dict[tuple[str, str], str] = {}
        results = []
        for result in found:
            key = (result.code, result.unit)
            if key not in measures:
                measures[key] = self._lab_measure(result)
            results.append(LabResult(measures[key], result.taken_at, result.value, result.reference, result.note,
                                     result.method))
        self._count_batch(RESULTS, self._services.lab_results.add_results(results, Source.FHIR_IMPORT,
                                                                           self._file_name or None))

    def _lab_measure(self, result: FoundResult) -> str:
        """The key of the result's lab measure: one the record holds under the UCUM code or under the unit as
        written for people (a measure typed or read as 'µmol/L' is the file's 'umol/L'), else a new one. A new
        one takes the unit as the file writes it for people when that is a way of writing the same UCUM unit
        ('µmol/L', 'ml/min/1,73m2'): Regie's own export writes both, so a record that reads it back keeps the
        unit as it was; other words for a unit ('millimole per liter') leave it the UCUM code."""
        labs = self._services.lab_results
        known = labs.find_lab_measure(result.code, result.unit) or (
            labs.find_lab_measure(result.code, result.unit_text) if result.unit_text else None)
        if known is not None:
            return known.key
        unit = result.unit_text if result.unit_text and codes.ucum_code(result.unit_text) == result.unit \
            else result.unit
        return labs.lab_measure(result.code, unit, result.name, result.decimals, self._stamp).key

    def _count_batch(self, name: str, batch: BatchResult) -> None:
        _count(self.written.added, name, batch.added)
        _count(self.written.already_present, name, batch.already_present)

    def _known_in(self, section: Section, service: EntryService[Any]) -> dict[tuple[str, ...], int]:
        """The section's entries by natural key, read before its first entry of this file is written."""
        if section.name not in self._known:
            self._known[section.name] = {natural_key(section, item): item.id for item in service.all()}
        return self._known[section.name]

    @staticmethod
    def _with_free_uid(found: FoundEntry, service: EntryService[Any]) -> FoundEntry:
        """Another system's uid names the same entry only when the content agrees too (its natural key):
        a uid the record holds for something else, e.g. one a system reuses in its next file, makes a new uid."""
        if found.own_uid:
            return found
        stored = service.stored_values_of_uid(found.uid, found.section.key_fields)
        if stored is None or stored_key(found.section, stored) == found.key:
            return found
        return replace(found, uid=content_uid(found.uid, found.key))

    def _links(self, found: FoundEntry) -> dict[str, int]:
        """Links to entries of this file (or already in the record); a link to anything else is left out."""
        linked = {}
        for name, link in found.links.items():
            target = self._ids.get(link.url or "")
            if target is not None and target > 0 and link.section.service(self._services).get(target):
                linked[name] = target
        return linked


def _count(counts: dict[str, int], name: str, number: int = 1) -> None:
    if number:
        counts[name] = counts.get(name, 0) + number
