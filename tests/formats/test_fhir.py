"""The FHIR patient summary: an IPS document bundle out, and FHIR bundles (ours and others') in."""

import json
import os
from datetime import datetime, timezone

import pytest
from fhir.resources.R4B.bundle import Bundle

from phr.core.errors import ConstraintViolation
from phr.formats.fhir.read.bundle import InvalidFhirImport, import_bundle
from phr.formats.fhir.read.resources import conditions, found, registry
from phr.formats.fhir.write import bundle as fhir
from phr.formats.fhir.write.observations import MAX_PER_MEASURE
from phr.monitoring.readings import Reading
from phr.record.diagnoses import Diagnosis
from phr.reference import orphanet
from phr.storage.repos.entries import EntryRepository

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
IPS_ORDER = ["11450-4", "48765-2", "10160-0", "11369-6", "47519-4", "30954-2", "104605-1", "8716-3", "18776-5", "85847-2"]
XHTML_DIV = '<div xmlns="http://www.w3.org/1999/xhtml">'
SECTIONS = ("diagnoses", "medications", "allergies", "care_plan", "care_team")


@pytest.fixture(scope="module")
def sample_bundle(sample_services):
    return fhir.build_bundle(sample_services, "en", now=NOW)


def resources(bundle: dict, kind: str) -> list[dict]:
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def sections(bundle: dict) -> dict[str, dict]:
    return {section["code"]["coding"][0]["code"]: section for section in bundle["entry"][0]["resource"]["section"]}


def as_bytes(bundle: dict) -> bytes:
    return json.dumps(bundle).encode()


def snapshot(services) -> dict:
    """Everything an import may touch, to prove a failed import changed nothing."""
    services_by_name = {name: getattr(services, name) for name in SECTIONS}
    found = {name: [(item.uid, item) for item in service.all()] for name, service in services_by_name.items()}
    found["person"] = services.person.get()
    found["allergy_statement"] = services.person.allergy_statement()
    return found


# --- export -----------------------------------------------------------------------------------

def test_sample_bundle_is_a_valid_ips_document_with_sections_in_order(sample_bundle):
    Bundle.model_validate(sample_bundle)  # the R4B models accept it as it is written
    assert sample_bundle["type"] == "document" and sample_bundle["timestamp"].startswith("2026-11-22")
    assert sample_bundle["meta"]["profile"] == ["http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"]
    assert sample_bundle["identifier"]["value"].startswith("urn:uuid:")
    composition = sample_bundle["entry"][0]["resource"]
    assert composition["resourceType"] == "Composition"
    assert composition["type"]["coding"][0] == {"system": "http://loinc.org", "code": "60591-5",
                                                "display": "Patient summary Document"}
    assert [s["code"]["coding"][0]["code"] for s in composition["section"]] == IPS_ORDER
    urls = {entry["fullUrl"] for entry in sample_bundle["entry"]}
    for section in composition["section"]:
        assert section["text"]["status"] == "generated" and section["text"]["div"].startswith(XHTML_DIV)
        assert section["entry"] and {ref["reference"] for ref in section["entry"]} <= urls


def test_sections_hold_what_the_record_holds(sample_services, sample_bundle):
    by_code = sections(sample_bundle)
    problems = by_code["11450-4"]["text"]["div"]
    assert all(d.name.replace("'", "&#x27;") in problems for d in sample_services.diagnoses.all())
    medicines = by_code["10160-0"]["text"]["div"]
    assert all(m.name in medicines for m in sample_services.medications.all())
    assert len(resources(sample_bundle, "MedicationStatement")) == sample_services.medications.count()
    team = by_code["85847-2"]["text"]["div"]
    assert all(c.name in team and c.acute_phone in team for c in sample_services.care_team.who_to_call())
    participants = resources(sample_bundle, "CareTeam")[0]["participant"]
    family = sample_services.care_team.next_of_kin()  # contacts of the Patient, not care providers
    assert len(participants) == sample_services.care_team.count() - len(family) and family
    assert [c["name"]["text"] for c in resources(sample_bundle, "Patient")[0]["contact"]] == [c.name for c in family]
    goals = resources(sample_bundle, "Goal")
    assert {g["description"]["text"] for g in goals} == {g.description for g in sample_services.care_plan.all()}


def test_conditions_carry_the_orphacode_with_the_orphanet_system(sample_services, sample_bundle):
    coded = [d for d in sample_services.diagnoses.all() if d.orpha_code]
    assert coded
    codings = [c for r in resources(sample_bundle, "Condition") for c in r["code"]["coding"]]
    for diagnosis in coded:
        assert {"system": "http://www.orpha.net", "code": str(diagnosis.orpha_code),
                "display": orphanet.english_name(diagnosis.orpha_code)} in codings
        assert {"system": "http://hl7.org/fhir/sid/icd-10", "code": diagnosis.icd10} in codings


def test_the_orphanet_display_is_orphanets_name_and_the_records_english_name_travels_as_a_translation(
        sample_services, sample_bundle, services):
    # The sample's carrier: 'Carrier of cystic fibrosis (CFTR)' is the person's English name, not Orphanet's.
    carrier = next(c for c in resources(sample_bundle, "Condition") if c["code"]["text"].startswith("Drager van"))
    assert {"system": "http://www.orpha.net", "code": "586", "display": "Cystic fibrosis"} in carrier["code"]["coding"]
    assert carrier["code"]["_text"]["extension"][0]["extension"][1] == {
        "url": "content", "valueString": "Carrier of cystic fibrosis (CFTR)"}
    import_bundle(services, as_bytes(sample_bundle), "sanne.json", other_person=True)
    assert sorted((d.name, d.name_en) for d in services.diagnoses.all()) == \
        sorted((d.name, d.name_en) for d in sample_services.diagnoses.all())
    services.diagnoses.add(Diagnosis(name="Not in the list", orpha_code=9999999))
    unknown = next(c for c in resources(fhir.build_bundle(services, "en", now=NOW), "Condition")
                   if c["code"]["text"] == "Not in the list")
    assert unknown["code"]["coding"] == [{"system": "http://www.orpha.net", "code": "9999999"}]  # no display


def test_measurements_are_summarised_with_loinc_and_ucum(sample_services, sample_bundle):
    observations = resources(sample_bundle, "Observation")
    per_code = {}
    for observation in observations:
        code = observation["code"]
        key = code["coding"][0]["code"] if "coding" in code else code["text"]  # a user's own measure: its name
        per_code.setdefault(key, []).append(observation)
    assert sum(sample_services.readings.counts().values()) > 10 * len(observations)  # a summary, not a dump
    assert all(len(found) <= MAX_PER_MEASURE for found in per_code.values())
    pressure = per_code["85354-9"]
    latest = sample_services.readings.latest("bp")
    assert pressure[0]["effectiveDateTime"] == latest.taken_at.isoformat(timespec="seconds")
    parts = {c["code"]["coding"][0]["code"]: c["valueQuantity"] for c in pressure[0]["component"]}
    assert parts["8480-6"] == {"value": latest.value, "unit": "mmHg", "system": "http://unitsofmeasure.org",
                               "code": "mm[Hg]"}
    assert parts["8462-4"]["value"] == latest.value2


def test_export_is_stable_and_written_privately(sample_services, sample_bundle, tmp_path):
    again = fhir.build_bundle(sample_services, "en", now=NOW)
    assert again == sample_bundle
    path = tmp_path / "summary.json"
    fhir.write_export(sample_services, path, "nl", now=NOW)
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert json.loads(path.read_bytes())["entry"][0]["resource"]["title"].startswith("Patiëntoverzicht")


def test_an_empty_record_states_no_information_the_ips_way(services):
    bundle = fhir.build_bundle(services, "en", now=NOW)
    by_code = sections(bundle)
    assert list(by_code) == IPS_ORDER[:3]
    expected = {"11450-4": "no-problem-info", "10160-0": "no-medication-info", "48765-2": "no-allergy-info"}
    for code, absent in expected.items():
        reference = by_code[code]["entry"][0]["reference"]
        resource = next(e["resource"] for e in bundle["entry"] if e["fullUrl"] == reference)
        concept = resource.get("code") or resource.get("medicationCodeableConcept")
        assert concept["coding"][0] == {"system": "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips",
                                        "code": absent, "display": concept["coding"][0]["display"]}
        assert "No information." in by_code[code]["text"]["div"]
    services.person.state_no_known_allergies()
    allergy = resources(fhir.build_bundle(services, "en", now=NOW), "AllergyIntolerance")[0]
    assert allergy["code"]["coding"][0]["code"] == "716186003"


def test_a_sensor_low_or_high_is_exported_with_its_interpretation_and_in_words(services):
    at = datetime(2026, 11, 1, 3, 0, tzinfo=timezone.utc)
    services.readings.add_batch([Reading("glucose", at, None, flag="below_range", method="sensor"),
                                 Reading("glucose", at.replace(hour=4), None, flag="above_range", method="sensor")],
                                "device_import", "dexcom.csv")
    bundle = fhir.build_bundle(services, "nl", now=NOW)
    Bundle.model_validate(bundle)
    by_value = {o["valueString"]: o for o in resources(bundle, "Observation")}
    assert set(by_value) == {"onder het meetbereik van de sensor", "boven het meetbereik van de sensor"}
    low = by_value["onder het meetbereik van de sensor"]
    assert [i["coding"][0]["code"] for i in low["interpretation"]] == ["<", "L"]
    assert low["interpretation"][0]["coding"][0]["system"] == \
        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
    assert "dataAbsentReason" not in low and "valueQuantity" not in low
    div = sections(bundle)["30954-2"]["text"]["div"]
    assert "onder het meetbereik van de sensor" in div and "–" not in div
    english = fhir.build_bundle(services, "en", now=NOW)
    assert "above the sensor&#x27;s range" in sections(english)["30954-2"]["text"]["div"]


def test_narratives_escape_what_the_person_typed(services):
    services.diagnoses.add(Diagnosis(name="<script>x</script> & Co"))
    div = sections(fhir.build_bundle(services, "en", now=NOW))["11450-4"]["text"]["div"]
    assert "&lt;script&gt;x&lt;/script&gt; &amp; Co" in div and "<script>" not in div


# --- import -----------------------------------------------------------------------------------

def test_export_import_export_keeps_the_care_record(sample_services, sample_bundle, services):
    summary = import_bundle(services, as_bytes(sample_bundle), "sanne.json", other_person=True)
    # Observations come back as readings, except the glucose sensor's summary (Regie works it out itself) and
    # the person's own measures, which the export names by their text only, without a code
    reasons = {reason.split(": ", 1)[1] for reason in summary.skipped}
    assert summary.unsupported == {} and summary.added["readings"] > 0 and reasons == {
        "it has no code (LOINC or another) that says what was measured",
        "it is a figure of a glucose sensor's summary, which Regie works out from the readings itself"}
    fields = {
        "diagnoses": ("name", "orpha_code", "icd10", "status", "diagnosed_on"),
        "medications": ("name", "start_date", "stop_date", "stop_reason"),
        "allergies": ("substance", "kind", "reaction", "severity", "noted_on", "notes"),
        "care_plan": ("description", "status", "start_date", "review_date", "target_measure", "target_low",
                      "target_high", "target_unit", "patient_action", "provider_action"),
        "care_team": ("name", "kind", "role", "organisation", "specialty", "phone", "acute_phone", "email",
                      "website", "address", "contact_for"),
    }
    for section, names in fields.items():
        before = sorted(tuple(getattr(item, n) for n in names) for item in getattr(sample_services, section).all())
        after = sorted(tuple(getattr(item, n) for n in names) for item in getattr(services, section).all())
        assert after == before, section
    again = fhir.build_bundle(services, "en", now=NOW)
    for kind in ("MedicationStatement", "Practitioner", "Organization"):
        assert sorted(map(json.dumps, [_without_subject(r) for r in resources(again, kind)])) == \
            sorted(map(json.dumps, [_without_subject(r) for r in resources(sample_bundle, kind)]))
    linked = [m for m in services.medications.all() if m.reason_id is not None]
    assert len(linked) == len([m for m in sample_services.medications.all() if m.reason_id is not None])


def _without_subject(resource: dict) -> dict:
    return {k: v for k, v in resource.items() if k not in ("subject", "patient")}


def test_imported_entries_say_where_they_came_from_and_a_second_import_adds_nothing(sample_bundle, services):
    import_bundle(services, as_bytes(sample_bundle), "sanne.json", other_person=True)
    before = snapshot(services)
    for section in SECTIONS:
        assert {(i.provenance.source, i.provenance.source_detail) for i in getattr(services, section).all()} == \
            {("fhir_import", "sanne.json")}
    second = import_bundle(services, as_bytes(sample_bundle), "sanne.json", other_person=True)
    assert second.added == {} and second.already_present["diagnoses"] == len(before["diagnoses"])
    assert snapshot(services) == before


FOREIGN = {
    "resourceType": "Bundle", "type": "collection",
    "entry": [
        {"fullUrl": "http://hospital.example/fhir/Patient/p1",
         "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1980-02-03", "gender": "male",
                      "name": [{"family": "Ünal", "given": ["Zoë"]}]}},
        {"fullUrl": "http://hospital.example/fhir/Condition/c1",
         "resource": {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"},
                      "code": {"coding": [{"system": "http://snomed.info/sct", "code": "190268003",
                                           "display": "Congenital adrenal hyperplasia"}]},
                      "onsetDateTime": "2001-05", "verificationStatus": {"coding": [{
                          "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                          "code": "provisional"}]}}},
        {"fullUrl": "http://hospital.example/fhir/ImagingStudy/i1",
         "resource": {"resourceType": "ImagingStudy", "id": "i1", "status": "available",
                      "subject": {"reference": "Patient/p1"}}},
        {"fullUrl": "http://hospital.example/fhir/MedicationRequest/m1",
         "resource": {"resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "order",
                      "subject": {"reference": "Patient/p1"}, "authoredOn": "2024-01-15",
                      "medicationCodeableConcept": {"text": "Hydrocortison 10 mg"},
                      "reasonReference": [{"reference": "Condition/c1"}],
                      "requester": {"reference": "Practitioner/d1"},  # names the doctor as a care provider
                      "dosageInstruction": [{"text": "3 times a day"}]}},
        {"fullUrl": "http://hospital.example/fhir/Practitioner/d1",
         "resource": {"resourceType": "Practitioner", "id": "d1",
                      "name": [{"prefix": ["dr."], "given": ["Eva"], "family": "Hoekstra"}],
                      "telecom": [{"system": "phone", "value": "088 000 1201"},
                                  {"system": "email", "value": "not an e-mail"}]}},
    ],
}


def test_a_foreign_bundle_imports_and_reports_what_it_skipped(services):
    summary = import_bundle(services, as_bytes(FOREIGN), "hospital.json")
    assert summary.unsupported == {"ImagingStudy": 1}
    assert summary.added == {"diagnoses": 1, "medications": 1, "contacts": 1}
    [diagnosis] = services.diagnoses.all()
    assert (diagnosis.name, diagnosis.orpha_code, diagnosis.status, diagnosis.diagnosed_on) == \
        ("Congenital adrenal hyperplasia", None, "suspected", "2001-05")
    [medicine] = services.medications.all()
    assert (medicine.name, medicine.dose, medicine.start_date, medicine.reason_id) == \
        ("Hydrocortison 10 mg", "3 times a day", "2024-01-15", diagnosis.id)
    [doctor] = services.care_team.all()
    assert (doctor.name, doctor.phone, doctor.email, doctor.kind) == ("dr. Eva Hoekstra", "088 000 1201", "", "person")
    person = services.person.get()
    assert (person.name, person.birth_date, person.sex) == ("Zoë Ünal", "1980-02-03", "male")  # the name stays
    assert import_bundle(services, as_bytes(FOREIGN), "hospital.json").added == {}


def test_an_orphacode_written_as_orpha_colon_number_is_recognised(services):
    condition = {"resourceType": "Condition", "subject": {"reference": "Patient/p1"},
                 "code": {"coding": [{"system": "https://www.orpha.net", "code": "ORPHA:586"},
                                     {"system": "http://hl7.org/fhir/sid/icd-10", "code": "e84.9"}],
                          "text": "Cystic fibrosis"}}
    bundle = {"resourceType": "Bundle", "type": "document", "entry": [{"fullUrl": "urn:uuid:1", "resource": condition}]}
    import_bundle(services, as_bytes(bundle), "x.json")
    [diagnosis] = services.diagnoses.all()
    assert (diagnosis.orpha_code, diagnosis.icd10) == (586, "E84.9")


@pytest.mark.parametrize("data", [
    b"\x89PNG not json at all",
    b'{"resourceType": "Patient", "name": [{"text": "x"}]}',
    b'{"resourceType": "Bundle", "type": "searchset", "entry": []}',
    b'{"resourceType": "Bundle", "type": "document", "entry": {"not": "a list"}}',
    b'[1, 2, 3]',
])
def test_a_file_that_is_not_a_fhir_bundle_is_refused_and_changes_nothing(services, data):
    before = snapshot(services)
    with pytest.raises(InvalidFhirImport):
        import_bundle(services, data, "odd.json")
    assert snapshot(services) == before


def test_a_broken_resource_is_skipped_with_a_reason_and_changes_nothing(services):
    before = snapshot(services)
    broken = {"resourceType": "Condition", "subject": {"reference": "Patient/p1"}, "code": {"text": "Secret name"},
              "onsetDateTime": "the day after tomorrow"}
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": broken},
                                                                        {"resource": {"resourceType": 42}}]}
    with pytest.raises(InvalidFhirImport) as refused:  # nothing to take from the file: an error, not a success
        import_bundle(services, as_bytes(bundle), "broken.json")
    message = str(refused.value)
    assert "onsetDateTime" in message and "1 x (no resource type)" in message
    assert "tomorrow" not in message and "Secret" not in message  # no health data in reasons
    assert snapshot(services) == before


def test_an_import_that_fails_half_way_leaves_the_record_as_it_was(sample_bundle, services, monkeypatch):
    services.diagnoses.add(Diagnosis(name="Already here"))
    before = snapshot(services)
    original, calls = EntryRepository.insert, []

    def failing_insert(self, values, stamp, uid=None, created_at=None):
        calls.append(self.table.name)
        if len(calls) == 6:  # diagnoses and a contact are written by now
            raise ConstraintViolation("A value does not fit the record's rules (test).")
        return original(self, values, stamp, uid, created_at)

    monkeypatch.setattr(EntryRepository, "insert", failing_insert)
    with pytest.raises(InvalidFhirImport):
        import_bundle(services, as_bytes(sample_bundle), "sanne.json", other_person=True)
    assert len(calls) == 6
    assert snapshot(services) == before


def _bundle(*resources_: dict, urls: list[str] | None = None) -> bytes:
    entries = [{"resource": r} if urls is None else {"fullUrl": url, "resource": r} for r, url in
               zip(resources_, urls or [None] * len(resources_))]
    return as_bytes({"resourceType": "Bundle", "type": "collection", "entry": entries})


def _statement(status: str, name: str, **more) -> dict:
    return {"resourceType": "MedicationStatement", "status": status, "subject": {"reference": "Patient/1"},
            "medicationCodeableConcept": {"text": name}, **more}


def test_a_medicine_no_longer_taken_comes_in_stopped_and_one_never_taken_is_left_out(services):
    resolved = {"resourceType": "AllergyIntolerance", "patient": {"reference": "Patient/1"}, "code": {"text": "Egg"},
                "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/"
                                               "allergyintolerance-clinical", "code": "resolved"}]}}
    summary = import_bundle(services, _bundle(
        _statement("stopped", "Warfarin", effectiveDateTime="2018-03-01"),
        _statement("completed", "Amoxicillin", dateAsserted="2019-07-02"),
        _statement("completed", "Ibuprofen", effectivePeriod={"start": "2017-01", "end": "2017-02"}),
        _statement("stopped", "Prednisone"),
        _statement("not-taken", "Metoprolol"), _statement("active", "Paracetamol"), resolved), "gp.json")
    stops = {m.name: m.stop_date for m in services.medications.all()}
    # Stopped or completed without an end: past, with no stop date made up (the statement's own date is when it
    # was said, not when the medicine stopped).
    assert stops == {"Warfarin": "", "Amoxicillin": "", "Ibuprofen": "2017-02", "Prednisone": "", "Paracetamol": ""}
    assert {m.name for m in services.medications.all() if m.ended} == {"Warfarin", "Amoxicillin", "Prednisone"}
    assert [m.name for m in services.medications.current()] == ["Paracetamol"]
    assert summary.skipped == ["MedicationStatement (entry 5): it says the medicine was not taken",
                               "AllergyIntolerance (entry 7): it is no longer active (resolved or inactive); "
                               "Regie keeps only current allergies"]
    assert services.allergies.all() == []


def _condition(name: str, onset: str) -> dict:
    return {"resourceType": "Condition", "id": "1", "subject": {"reference": "Patient/1"}, "code": {"text": name},
            "onsetDateTime": onset}


def test_a_uid_from_a_local_id_or_place_does_not_make_another_files_entry_already_present(services):
    nut = {"resourceType": "AllergyIntolerance", "patient": {"reference": "Patient/1"}, "code": {"text": "Nut"}}
    first = _bundle(_condition("Type 1 diabetes", "2015"), nut)
    second = _bundle(_condition("Coeliac disease", "2024-03"))  # the same Condition/1, first entry: other content
    assert import_bundle(services, first, "gp-2024.json").added == {"diagnoses": 1, "allergies": 1}
    assert import_bundle(services, second, "gp-2025.json").added == {"diagnoses": 1}
    assert sorted(d.name for d in services.diagnoses.all()) == ["Coeliac disease", "Type 1 diabetes"]
    again = import_bundle(services, second, "gp-2025.json")
    assert again.added == {} and again.already_present == {"diagnoses": 1}
    condition, key = _condition("Asthma", "2010"), ("asthma", "2010")  # the uid comes from the content, not the place
    assert found.uid_of(condition, "Condition/1", key) == found.uid_of(condition, "entry-2", key) != \
        found.uid_of(condition, "Condition/1", ("eczema", "2010"))


def test_a_reused_global_full_url_with_other_content_is_imported_as_new(services):
    url = ["urn:uuid:11111111-0000-0000-0000-000000000000"]
    import_bundle(services, _bundle(_condition("Asthma", "2010"), urls=url), "a.json")
    assert import_bundle(services, _bundle(_condition("Eczema", "2012"), urls=url), "b.json").added == {"diagnoses": 1}
    assert sorted(d.name for d in services.diagnoses.all()) == ["Asthma", "Eczema"]
    assert import_bundle(services, _bundle(_condition("Eczema", "2012"), urls=url), "b.json").added == {}
    assert import_bundle(services, _bundle(_condition("Asthma", "2010"), urls=url), "a.json").added == {}


def test_null_name_and_address_parts_are_left_out_not_a_crash(services):
    summary = import_bundle(services, _bundle(
        {"resourceType": "Patient", "name": [{"family": "Smit", "given": None}]},
        {"resourceType": "Practitioner", "id": "d1", "name": [{"family": "Jansen", "given": None, "prefix": None}]},
        {"resourceType": "Practitioner", "id": "d2", "name": [{"given": ["Eva"], "family": None}]},
        {"resourceType": "Organization", "id": "o1", "name": "Clinic", "address": [{"line": None, "city": "Utrecht"}]},
        {"resourceType": "CareTeam", "participant": [{"member": {"reference": f"{kind}/{key}"}} for kind, key in (
            ("Practitioner", "d1"), ("Practitioner", "d2"), ("Organization", "o1"))]}), "x.json", other_person=True)
    assert summary.skipped == [] and summary.added == {"contacts": 3}
    assert sorted((c.name, c.address) for c in services.care_team.all()) == \
        [("Clinic", "Utrecht"), ("Eva", ""), ("Jansen", "")]


def test_each_kind_of_resource_is_read_by_one_module():
    kinds = [kind for reader in registry.READERS for kind in reader.KINDS]
    assert len(kinds) == len(set(kinds)) and not set(kinds) & set(registry.REFERENCED)
    assert registry.reader_of("Condition") is conditions and registry.reader_of("Composition") is None


def test_an_unforeseen_error_in_one_resource_skips_only_that_resource(services, monkeypatch):
    def broken(resource, url, bundle):
        raise TypeError("Secret diagnosis name")

    monkeypatch.setattr(conditions, "read", broken)
    summary = import_bundle(services, _bundle(_condition("Secret", "2015"), _statement("active", "Paracetamol")),
                            "x.json")
    assert summary.skipped == ["Condition (entry 1): Regie could not read it"]
    assert summary.added == {"medications": 1}
