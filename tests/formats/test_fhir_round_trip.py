"""Issue 15, acceptance: export -> import into a new record -> export keeps codes, doses, criticality, results,
vaccinations and procedures; on the sample record and on four real files. The exports validate (R4B models).

Compared on meaning, never on resource ids, fullUrls or uuids: per diagnosis, medicine and allergy its codes
(system, code, display); a medicine's structured dose, its dose in words and its route; an allergy's
criticality and reaction; every lab result (code, unit, value, time with its offset, the range,
below/within/above); the readings of catalogue measures; every vaccination and procedure with all its fields
and codes. Both the two exports and the two records must agree.

What the comparison leaves out, and why:
- Readings of the person's own measures (a fatigue score): they have no code that says what was measured, so
  no reader, Regie's included, can tell what they are (the FHIR reader leaves them out with that reason).
- The glucose sensor's summary figures (time in ranges, mean, GMI, CV, sensor active): a summary of every
  sensor reading of 14 days; the export carries at most 20 of those readings, so the record that reads it
  back works the figures out from those 20 (and the reader leaves the figures out on purpose: Regie works
  them out itself).
- How a reading was taken, beyond 'by a lab' or not: a FHIR Observation does not say whether the person typed
  it in or a device sent it, so such a reading comes back with its method not known.
Self-monitoring goes out as a summary (per measure the latest reading and those of the 30 days before it, at
most 20): the second export must carry the same summary, and the new record exactly the readings of it. A lab's
readings of a catalogue measure (an HbA1c, a lab's glucose) are no self-monitoring: every one goes out as a lab
result, and the records are compared on all of them with their ranges.
"""

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from locations import REAL_WORLD

from phr.access.session import RecordSession
from phr.core.vocabulary import ReadingMethod
from phr.formats.fhir.read.bundle import import_bundle
from phr.formats.fhir.write import bundle as fhir
from phr.formats.fhir.write import cgm_summary
from phr.formats.fhir.write.dosage import text as dose_text
from phr.monitoring.measures import BLOOD_PRESSURE, CATALOGUE, Measure
from phr.record import codings
from phr.record.person import PersonDetails
from phr.record.services import RecordServices

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
ORPHANET = "http://www.orpha.net"
# The figures of the glucose sensor's summary: worked out from every sensor reading (see the docstring).
SENSOR_SUMMARY = {code for code, _ in (cgm_summary.TIMES_IN_RANGES, cgm_summary.MEAN_GLUCOSE, cgm_summary.GMI,
                                       cgm_summary.CV, cgm_summary.SENSOR_ACTIVE)}
CANADA = "fhir_ipsviewer_CA_VeroSource_colorful_balloon.json"
# Four real files that between them hold codes (SNOMED CT, LOINC, ATC, CVX, Dutch G-Standaard and NHG), doses,
# criticality, lab results and vital signs, vaccinations and procedures.
REAL_FILES = (
    # The IPS IG's example with immunizations: CVX and SNOMED CT codes, lot numbers, an allergy's criticality,
    # lab results with ranges and interpretations, a procedure.
    "fhir_ipsig-build_Bundle-IPS-examples-Bundle-with-immunization.json",
    # Austria's ELGA summary: 77 Observations (lab results and vital signs, blood pressure in two parts), ATC.
    "fhir_ipsviewer_AT_ELGA_GmbH_01.json",
    # A Dutch STU3 summary (MedMij/Nictiz zib): G-Standaard and NHG codes, structured doses, lab results.
    "fhir_ipsviewer_NL_Drimpy_01.json",
    # Canada's VeroSource summary: 266 Observations, among them two lab HbA1c results (in %: readings of the
    # catalogue's HbA1c, by a lab), the earlier of which only the export's results carry.
    CANADA,
)


# --- records and bundles -------------------------------------------------------------------------

@pytest.fixture
def fresh_record(tmp_path: Path, template_record) -> Iterator[Callable[[], RecordServices]]:
    """Makes new empty records (copies of the test run's template), each locked after the test."""
    sessions: list[RecordSession] = []

    def make() -> RecordServices:
        folder = tmp_path / f"record-{len(sessions)}.regie"
        template_record.copy_to(folder)
        sessions.append(template_record.open_copy(folder))
        return RecordServices(sessions[-1])

    yield make
    for session in sessions:
        session.lock()


def export(services: RecordServices) -> dict:
    """The FHIR export as `phr export --kind fhir` writes it, read back from its bytes."""
    return json.loads(fhir.dumps(fhir.build_bundle(services, "en", now=NOW)))


def read_into(services: RecordServices, bundle: dict, other_person: bool = False) -> None:
    import_bundle(services, fhir.dumps(bundle), "export.json", other_person=other_person)


def validates(bundle: dict) -> None:
    """The R4B models take the bundle as it is written (not only as built: this is the file's JSON)."""
    assert Bundle.model_validate(bundle).type == "document"


def resources(bundle: dict, kind: str) -> list[dict]:
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


# --- what a bundle says --------------------------------------------------------------------------

def _codings(concept: dict | None) -> tuple:
    return tuple(sorted((c.get("system", ""), c.get("code", ""), c.get("display", ""))
                        for c in (concept or {}).get("coding", [])))


def _concept(concept: dict | None) -> tuple:
    return (concept or {}).get("text", ""), _codings(concept)


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _condition(r: dict) -> tuple:
    return _concept(r["code"]), r.get("onsetDateTime", ""), _json(r.get("clinicalStatus"))


def _medication(r: dict) -> tuple:
    return (_concept(r.get("medicationCodeableConcept")), r["status"], _json(r.get("effectivePeriod")),
            r.get("effectiveDateTime", ""), _json(r.get("dosage")))


def _allergy(r: dict) -> tuple:
    return _concept(r.get("code")), r.get("criticality", ""), r.get("type", ""), _json(r.get("reaction"))


def _immunization(r: dict) -> tuple:
    return (_concept(r["vaccineCode"]), r.get("occurrenceDateTime", r.get("occurrenceString")), r.get("lotNumber", ""),
            _json(r.get("protocolApplied")), _json(r.get("performer")), _json(r.get("note")))


def _procedure(r: dict) -> tuple:
    return (_concept(r["code"]), r.get("performedDateTime", ""), _json(r.get("location")), _json(r.get("bodySite")),
            _json(r.get("note")))


def _observation(r: dict) -> tuple:
    return (_json(r.get("category")), _concept(r["code"]), r.get("effectiveDateTime", ""),
            _json(r.get("valueQuantity")), _json(r.get("component")), _json(r.get("referenceRange")),
            _json(r.get("interpretation")), _json(r.get("note")))


def _compared_observation(r: dict) -> bool:
    coded = {code for _, code, _ in _codings(r["code"])}
    return bool(coded) and not coded & SENSOR_SUMMARY


MEANING: dict[str, Callable[[dict], tuple]] = {
    "Condition": _condition, "MedicationStatement": _medication, "AllergyIntolerance": _allergy,
    "Immunization": _immunization, "Procedure": _procedure, "Observation": _observation}


def bundle_meaning(bundle: dict) -> dict[str, list[tuple]]:
    return {kind: sorted(read(r) for r in resources(bundle, kind)
                         if kind != "Observation" or _compared_observation(r))
            for kind, read in MEANING.items()}


def assert_same_bundles(first: dict, second: dict) -> None:
    before, after = bundle_meaning(first), bundle_meaning(second)
    for kind in MEANING:
        lost = [item for item in before[kind] if item not in after[kind]]
        gained = [item for item in after[kind] if item not in before[kind]]
        assert (lost, gained) == ([], []), f"{kind}: lost {lost[:3]}, gained {gained[:3]}"
        assert len(before[kind]) == len(after[kind]), kind


# --- what a record holds -------------------------------------------------------------------------

def _code_set(kept: codings.Codings) -> tuple:
    return tuple(sorted((c.system, c.code, c.display) for c in kept))


def _own_code(coding: codings.Coding, orpha_code: int | None, icd10: str) -> bool:
    """A coding Regie writes from a diagnosis's own fields (its ORPHAcode, its ICD-10 code), read back as a code."""
    return (coding.system == ORPHANET and coding.code == str(orpha_code)) or \
        (codings.is_icd10(coding.system) and coding.code.upper() == icd10.upper())


def _diagnoses(services: RecordServices) -> list[tuple]:
    return sorted((d.name, d.name_en, d.status, d.diagnosed_on, d.orpha_code, d.icd10,
                   _code_set(tuple(c for c in d.codes if not _own_code(c, d.orpha_code, d.icd10))))
                  for d in services.diagnoses.all())


def _medications(services: RecordServices) -> list[tuple]:
    reasons = {d.id: d.name for d in services.diagnoses.all()}
    return sorted((m.name, m.name_en, m.start_date, m.stop_date, m.ended, dose_text(m), m.dose_amount, m.dose_unit,
                   m.times_per_day, m.as_needed, m.food, m.route, reasons.get(m.reason_id, ""), _code_set(m.codes))
                  for m in services.medications.all())


def _allergies(services: RecordServices) -> list[tuple]:
    return sorted((a.substance, a.kind, a.criticality, a.reaction, a.severity, a.noted_on, a.notes,
                   _code_set(a.codes)) for a in services.allergies.all())


def _vaccinations(services: RecordServices) -> list[tuple]:
    return sorted(((v.vaccine, v.given_on, v.dose_number or 0, v.against, v.given_by, v.lot_number, v.notes,
                    _code_set(v.codes)) for v in services.vaccinations.all()), key=repr)


def _procedures(services: RecordServices) -> list[tuple]:
    return sorted((p.name, p.performed_on, p.place, p.body_site, p.notes, _code_set(p.codes))
                  for p in services.procedures.all())


def _moment(moment: datetime) -> tuple:
    return int(moment.timestamp()), moment.utcoffset()


def _lab_results(services: RecordServices) -> list[tuple]:
    labs = services.lab_results
    return sorted((m.loinc, m.unit, m.name_nl, _moment(r.taken_at), r.value, r.note, r.method,
                   (r.reference.low, r.reference.high, r.reference.text) if r.reference else None, r.position)
                  for m in labs.lab_measures() for r in labs.results(m.key))


def _catalogue_lab_readings(services: RecordServices) -> list[tuple]:
    """Every reading a lab took of a catalogue measure (an HbA1c, a lab's glucose), with its range: lab results,
    all of them, not the summary's."""
    labs = services.lab_results
    return sorted((r.measure, _moment(r.taken_at), r.value, r.note,
                   (r.reference.low, r.reference.high, r.reference.text) if r.reference else None, r.position)
                  for key in services.readings.counts() if key in CATALOGUE for r in labs.lab_readings(key))


def _by_a_lab(measure: Measure, method: str) -> bool:
    """A lab's reading of a catalogue measure: a lab result (a blood pressure is two numbers: never one)."""
    return method == ReadingMethod.LAB and measure.key in CATALOGUE and measure.kind != BLOOD_PRESSURE


def _readings(services: RecordServices) -> list[tuple]:
    """Readings of catalogue measures that no lab took (the person's own measures have no code: see the
    docstring; a lab's are lab results, compared whole)."""
    found = []
    for key in services.readings.counts():
        measure = services.measures.find(key)
        if measure is None or measure.is_lab or not measure.loinc:
            continue
        found += [(key, _moment(r.taken_at), r.value, r.value2, r.value3, r.method == ReadingMethod.LAB, r.note)
                  for r in services.readings.page(key, 0, 100_000) if not _by_a_lab(measure, r.method)]
    return sorted(found, key=repr)


RECORD = {"diagnoses": _diagnoses, "medications": _medications, "allergies": _allergies,
          "vaccinations": _vaccinations, "procedures": _procedures, "lab results": _lab_results,
          "lab readings of catalogue measures": _catalogue_lab_readings}


def assert_same_records(first: RecordServices, second: RecordServices) -> None:
    for section, read in RECORD.items():
        before, after = read(first), read(second)
        lost = [item for item in before if item not in after]
        gained = [item for item in after if item not in before]
        assert (lost, gained) == ([], []), f"{section}: lost {lost[:3]}, gained {gained[:3]}"
        assert len(before) == len(after), section


def assert_summary_readings(record: RecordServices, exported_from_it: dict, read_back: RecordServices) -> None:
    """The record that read the export holds exactly the readings the export's summary carried, each of them
    one the first record holds. Every lab result goes out, a catalogue measure's too (they are compared whole
    above): the export's other coded Observations are the summary's readings."""
    came = _readings(read_back)
    assert set(came) <= set(_readings(record))
    coded = [r for r in resources(exported_from_it, "Observation") if _compared_observation(r)]
    assert len(came) == len(coded) - len(_lab_results(record)) - len(_catalogue_lab_readings(record))


# --- the sample record ---------------------------------------------------------------------------

@pytest.fixture
def sample_round_trip(sample_services, services):
    first = export(sample_services)
    details = sample_services.person.get()
    services.person.update(PersonDetails(name=details.name, birth_date=details.birth_date))
    read_into(services, first)  # the same person: no --other-person needed
    return first, services, export(services)


def test_the_sample_keeps_its_codes_doses_criticality_results_vaccinations_and_procedures(
        sample_services, sample_round_trip):
    first, copy, second = sample_round_trip
    assert_same_bundles(first, second)
    assert_same_records(sample_services, copy)


def test_the_sample_round_trip_is_not_empty(sample_round_trip):
    """What the comparison compares is there: a test of nothing cannot fail."""
    first, copy, _ = sample_round_trip
    meaning = bundle_meaning(first)
    assert {kind: len(found) for kind, found in meaning.items() if kind != "Observation"} == {
        "Condition": 4, "MedicationStatement": 6, "AllergyIntolerance": 1, "Immunization": 16, "Procedure": 3}
    assert len(_lab_results(copy)) == 27 and len({r[:2] for r in _lab_results(copy)}) == 6
    assert any(m[6] is not None and m[7] for m in _medications(copy))  # a structured dose
    routes = {m[0]: m[11] for m in _medications(copy)}
    assert routes["Hydrocortison"] == "oral" and routes["Solu-Cortef (noodinjectie)"] == "intramuscular"
    assert any(v[5] for v in _vaccinations(copy)) and any(p[2] for p in _procedures(copy))  # lot numbers, places


def test_the_sample_summary_of_readings_comes_back_as_it_went(sample_services, sample_round_trip):
    first, copy, second = sample_round_trip
    assert_summary_readings(sample_services, first, copy)
    assert 0 < len(_readings(copy)) < len(_readings(sample_services))  # a summary, not every reading


def test_the_sample_exports_validate(sample_round_trip):
    first, _, second = sample_round_trip
    validates(first)
    validates(second)


# --- three real files ----------------------------------------------------------------------------

def _real_file(name: str) -> bytes:
    path = REAL_WORLD / name
    if not path.exists():
        pytest.skip(f"the real-world FHIR file {name} is not there ({REAL_WORLD}); see tests/locations.py")
    return path.read_bytes()


@pytest.mark.parametrize("name", REAL_FILES)
def test_a_real_file_round_trips(fresh_record, name):
    data = _real_file(name)
    first_record, second_record = fresh_record(), fresh_record()
    import_bundle(first_record, data, name, other_person=True)
    first = export(first_record)
    read_into(second_record, first, other_person=True)
    second = export(second_record)
    validates(first)
    validates(second)
    assert_same_bundles(first, second)
    assert_same_records(first_record, second_record)
    assert_summary_readings(first_record, first, second_record)


def test_a_real_files_earlier_lab_hba1c_and_lab_glucose_ranges_come_back(fresh_record):
    """The Canadian file's lab HbA1c of 6.6 % (48.6 mmol/mol) in January 2024 lies months before its last one, out
    of the summary's 30 days: it comes back because the export writes every lab reading of a catalogue measure as
    a lab result; so do its lab glucose results with their ranges (3.9-11.0 mmol/L) and where they lie."""
    first, second = fresh_record(), fresh_record()
    import_bundle(first, _real_file(CANADA), CANADA, other_person=True)
    read_into(second, export(first), other_person=True)
    back = _catalogue_lab_readings(second)
    assert [(key, moment, value) for key, moment, value, *_ in back if key == "hba1c"] == [
        ("hba1c", _moment(datetime(2024, 1, 11, 15, 7, tzinfo=timezone.utc)), 48.6),
        ("hba1c", _moment(datetime(2024, 5, 23, 12, 0, tzinfo=timezone.utc)), 85.8)]
    glucose = [(value, reference, position.value) for key, _, value, _, reference, position in back
               if key == "glucose"]
    assert glucose == [(6.5, (3.9, 11.0, "3.9-11.0"), "within"), (25.4, (3.9, 11.0, "3.9-11.0"), "above")]
