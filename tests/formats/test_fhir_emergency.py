"""The emergency information in the FHIR patient summary: the IPS Alerts section (Flags and a narrative for
professionals), the next of kin as a contact of the Patient, who treats a diagnosis, structured doses as
FHIR Dosage, names in English; and all of it back again on import (export -> import -> export)."""

import json
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from fhir.resources.R4B.bundle import Bundle
from locations import REAL_WORLD

from phr.export.pdf.clinical import Clinical
from phr.formats.fhir.read.bundle import import_bundle
from phr.formats.fhir.write import bundle as fhir
from phr.monitoring.readings import Reading
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.person import PersonDetails
from phr.record.services import RecordServices
from phr.words.catalogue import Words

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
ALERTS = "104605-1"
PROTOCOL = "Give 100 mg hydrocortisone IV or IM at once.\nThen 200 mg in 24 hours; check glucose and sodium."
AVOID = "Etomidate: it blocks cortisol.\nDo not stop the hydrocortisone before an operation."
SIGNS = "Vomiting\nLow blood pressure\nConfusion"
GUIDELINE = "https://www.orpha.net/en/disease/detail/90794"
NOTES = "Ik heb bijnierschorsinsufficiëntie.\nBij braken: geef mijn noodinjectie."
SECTION_FIELDS = ("emergency_protocol", "emergency_avoid", "crisis_signs", "emergency_guideline", "name_en")
DOSE_FIELDS = ("name", "name_en", "dose_amount", "dose_unit", "times_per_day", "food", "as_needed")
CONTACT_FIELDS = ("name", "role", "relationship", "phone", "acute_phone", "contact_for", "kind")


def fill(services: RecordServices) -> RecordServices:
    """A record with everything an emergency doctor should find: protocol, what to avoid, signs, guideline,
    treating physician, expertise centre, next of kin, the person's own words, doses."""
    services.person.update(PersonDetails(name="Sanne de Vries", birth_date="1988-04-12", emergency_notes=NOTES,
                                         text_language="nl"))
    add = lambda service, item: service.add(item).item_id  # noqa: E731 - the id of what was added
    doctor = add(services.care_team, Contact(name="dr. Eva Hoekstra", role="specialist", phone="088 000 1201",
                                             acute_phone="088 000 9999"))
    centre = add(services.care_team, Contact(name="UMC Utrecht", role="expertise_centre", kind="organisation",
                                             acute_phone="088 755 5555"))
    add(services.care_team, Contact(name="Joris de Vries", role="next_of_kin", relationship="partner",
                                    phone="06 1234 5678", contact_for="can give the emergency injection"))
    diagnosis = add(services.diagnoses, Diagnosis(
        name="Adrenogenitaal syndroom", name_en="Congenital adrenal hyperplasia", orpha_code=90794, icd10="E25.0",
        diagnosed_on="1988-05", treating_physician=doctor, expertise_centre=centre, diagnosed_by=doctor,
        emergency_protocol=PROTOCOL, emergency_avoid=AVOID, crisis_signs=SIGNS, emergency_guideline=GUIDELINE))
    services.diagnoses.add(Diagnosis(name="Old fracture", status="resolved", emergency_protocol="Not any more."))
    services.medications.add(Medication(name="Hydrocortison", name_en="Hydrocortisone", strength="10 mg",
                                        dose="1 tablet", schedule="3 keer per dag", reason_id=diagnosis,
                                        dose_amount=1, dose_unit="tablet", times_per_day=3, food="with_food"))
    services.medications.add(Medication(name="Solu-Cortef", dose="100 mg bij nood", dose_amount=100,
                                        dose_unit="mg", as_needed=True))
    services.medications.add(Medication(name="Levothyroxine", dose_amount=50, dose_unit="microgram",
                                        times_per_day=1, food="empty_stomach"))
    return services


@pytest.fixture
def filled(services):
    return fill(services)


@pytest.fixture
def empty_services(template_record, tmp_path):
    """A second, empty record beside `services`."""
    folder = template_record.copy_to(tmp_path / "second.regie")
    session = template_record.open_copy(folder)
    yield RecordServices(session)
    session.lock()


def resources(bundle: dict, kind: str) -> list[dict]:
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def by_url(bundle: dict) -> dict[str, dict]:
    return {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}


def sections(bundle: dict) -> dict[str, dict]:
    return {section["code"]["coding"][0]["code"]: section for section in bundle["entry"][0]["resource"]["section"]}


def category(flag: dict) -> str:
    return next(c["code"] for concept in flag["category"] for c in concept["coding"]
                if c["system"] == "urn:regie:emergency-information")


# --- export -----------------------------------------------------------------------------------

def test_the_alerts_section_comes_in_ips_order_and_the_bundle_is_valid(filled):
    at = datetime(2026, 11, 1, 8, 0, tzinfo=timezone.utc)
    filled.readings.add_batch([Reading("glucose", at, 5.5, method="fingerstick"), Reading("bp", at, 120, 80)],
                              "typed", None)
    bundle = fhir.build_bundle(filled, "en", now=NOW)
    Bundle.model_validate(bundle)
    assert list(sections(bundle)) == ["11450-4", "48765-2", "10160-0", "30954-2", ALERTS, "8716-3", "85847-2"]
    alerts = sections(bundle)[ALERTS]
    assert alerts["code"]["coding"][0] == {"system": "http://loinc.org", "code": ALERTS, "display": "Alert"}
    assert {by_url(bundle)[ref["reference"]]["resourceType"] for ref in alerts["entry"]} == {"Flag"}
    assert bundle["entry"][0]["resource"]["language"] == "en"


def test_each_piece_of_emergency_information_is_a_flag_about_its_condition(filled):
    bundle = fhir.build_bundle(filled, "en", now=NOW)
    flags = {category(flag): flag for flag in resources(bundle, "Flag")}
    assert set(flags) == {"protocol", "avoid", "crisis-signs", "patient-notes"}  # not the resolved diagnosis's
    [condition_url] = [url for url, r in by_url(bundle).items() if r["resourceType"] == "Condition"
                       and r["code"]["text"] == "Adrenogenitaal syndroom"]
    for kind, text in (("protocol", PROTOCOL), ("avoid", AVOID), ("crisis-signs", SIGNS)):
        flag = flags[kind]
        assert (flag["status"], flag["code"]["text"], flag["language"]) == ("active", text, "nl")
        assert flag["extension"] == [{"url": "http://hl7.org/fhir/StructureDefinition/flag-detail",
                                      "valueReference": {"reference": condition_url,
                                                         "display": "Adrenogenitaal syndroom"}}]
        assert "author" not in flag
    own = flags["patient-notes"]
    assert own["code"]["text"] == NOTES and own["author"] == own["subject"] and "extension" not in own
    assert {"system": "http://terminology.hl7.org/CodeSystem/flag-category", "code": "clinical",
            "display": "Clinical"} in own["category"][0]["coding"]


def test_the_narrative_tells_a_professional_everything_in_the_export_language(filled):
    english = sections(fhir.build_bundle(filled, "en", now=NOW))[ALERTS]
    div = english["text"]["div"]
    assert english["title"] == "In an emergency"
    for text in ("Congenital adrenal hyperplasia (Adrenogenitaal syndroom), ORPHA:90794", "Protocol for professionals",
                 "Give 100 mg hydrocortisone IV or IM at once.<br/>Then 200 mg", "Avoid in an emergency",
                 "<li>Low blood pressure</li>", f'<a href="{GUIDELINE}">{GUIDELINE}</a>',
                 "Treating physician: dr. Eva Hoekstra, 088 000 1201, day and night: 088 000 9999",
                 "Expertise centre: UMC Utrecht, day and night: 088 755 5555", "In the patient&#x27;s own words",
                 "Ik heb bijnierschorsinsufficiëntie.<br/>Bij braken", "Family or partner",
                 "Joris de Vries (partner), 06 1234 5678; what they can do: can give the emergency injection",
                 "The texts from the record are given as written, in Dutch."):
        assert text in div, text
    assert "Not any more." not in div and "Old fracture" not in div
    dutch = sections(fhir.build_bundle(filled, "nl", now=NOW))[ALERTS]
    assert dutch["title"] == "In een noodgeval"
    for text in ("Protocol voor zorgverleners", "Vermijden in een noodgeval", "Tekenen van een crisis",
                 "Behandelend arts: dr. Eva Hoekstra", "In de eigen woorden van de patiënt",
                 "wat deze persoon kan doen: can give"):
        assert text in dutch["text"]["div"], text
    assert "zoals ze geschreven zijn" not in dutch["text"]["div"]  # the record's language is the export's


def test_a_record_without_emergency_information_has_no_alerts_section(services):
    services.diagnoses.add(Diagnosis(name="Asthma"))
    services.diagnoses.add(Diagnosis(name="Old fracture", status="resolved", emergency_avoid="Not any more."))
    services.care_team.add(Contact(name="Joris", role="next_of_kin", phone="06 1234 5678"))
    bundle = fhir.build_bundle(services, "en", now=NOW)
    assert ALERTS not in sections(bundle) and resources(bundle, "Flag") == []
    services.diagnoses.add(Diagnosis(name="Addison", emergency_guideline=GUIDELINE))  # a link alone is no alert
    assert ALERTS not in sections(fhir.build_bundle(services, "en", now=NOW))
    services.person.update(replace(services.person.get(), emergency_notes="Call Joris."))
    bundle = fhir.build_bundle(services, "en", now=NOW)
    assert [category(flag) for flag in resources(bundle, "Flag")] == ["patient-notes"]
    assert [s["code"]["coding"][0]["code"] for s in bundle["entry"][0]["resource"]["section"]][-2:] == \
        [ALERTS, "85847-2"]


def test_the_next_of_kin_is_a_contact_of_the_patient_not_a_care_provider(filled):
    bundle = fhir.build_bundle(filled, "en", now=NOW)
    [patient] = resources(bundle, "Patient")
    [partner] = patient["contact"]
    assert partner["relationship"] == [
        {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "N",
                     "display": "Next-of-Kin"}]}, {"text": "partner"}]
    assert partner["name"] == {"text": "Joris de Vries"}
    assert partner["telecom"] == [{"system": "phone", "value": "06 1234 5678", "use": "home"}]
    assert {"url": "urn:regie:contact-for", "valueString": "can give the emergency injection"} in partner["extension"]
    assert patient["extension"] == [{"url": "urn:regie:text-language", "valueCode": "nl"}]
    names = [r["name"][0]["text"] for r in resources(bundle, "Practitioner")]
    assert names == ["dr. Eva Hoekstra"]
    members = [p["member"]["display"] for p in resources(bundle, "CareTeam")[0]["participant"]]
    assert sorted(members) == ["UMC Utrecht", "dr. Eva Hoekstra"]
    assert "Joris de Vries" in sections(bundle)["85847-2"]["text"]["div"]  # the care team narrative still lists him


def test_a_condition_names_who_treats_it_and_carries_its_english_name_and_guideline(filled):
    bundle = fhir.build_bundle(filled, "en", now=NOW)
    urls = {r["name"][0]["text"] if r["resourceType"] == "Practitioner" else r["name"]: url
            for url, r in by_url(bundle).items() if r["resourceType"] in ("Practitioner", "Organization")}
    condition = next(c for c in resources(bundle, "Condition") if c["code"]["text"] == "Adrenogenitaal syndroom")
    links = {e["url"]: e["valueReference"]["reference"] for e in condition["extension"] if "valueReference" in e}
    assert links == {"urn:regie:treating-physician": urls["dr. Eva Hoekstra"],
                     "urn:regie:diagnosed-by": urls["dr. Eva Hoekstra"],
                     "urn:regie:expertise-centre": urls["UMC Utrecht"]}
    assert condition["code"]["_text"]["extension"][0]["extension"] == [
        {"url": "lang", "valueCode": "en"}, {"url": "content", "valueString": "Congenital adrenal hyperplasia"}]
    # The coding's display is Orphanet's own name; the record's English name is the translation above.
    assert {"system": "http://www.orpha.net", "code": "90794",
            "display": "Classic congenital adrenal hyperplasia due to 21-hydroxylase deficiency"} in \
        condition["code"]["coding"]
    [guideline] = [n for n in condition["note"] if any(e["url"] == "urn:regie:emergency-guideline"
                                                        for e in n["extension"])]
    assert guideline["text"] == f"Emergency guideline: {GUIDELINE}"


def test_structured_doses_are_fhir_dosage_fields_beside_the_patients_words(filled):
    statements = {s["medicationCodeableConcept"]["text"]: s for s in
                  resources(fhir.build_bundle(filled, "en", now=NOW), "MedicationStatement")}
    [tablets] = statements["Hydrocortison"]["dosage"]
    assert tablets == {
        "text": "10 mg, 1 tablet, 3 keer per dag",
        "additionalInstruction": [{"coding": [{"system": "http://snomed.info/sct", "code": "311504000",
                                               "display": "With or after food"}]}],
        "timing": {"repeat": {"frequency": 3, "period": 1, "periodUnit": "d"}},
        "asNeededBoolean": False,
        "doseAndRate": [{"doseQuantity": {"value": 1, "unit": "tablet", "system": "urn:regie:dose-unit",
                                          "code": "tablet"}}]}
    [injection] = statements["Solu-Cortef"]["dosage"]
    assert injection["asNeededBoolean"] is True and "timing" not in injection
    assert injection["doseAndRate"][0]["doseQuantity"] == {"value": 100, "unit": "mg",
                                                           "system": "http://unitsofmeasure.org", "code": "mg"}
    [thyroid] = statements["Levothyroxine"]["dosage"]
    assert "text" not in thyroid and thyroid["additionalInstruction"][0]["coding"][0]["code"] == "717154004"
    assert thyroid["doseAndRate"][0]["doseQuantity"]["code"] == "ug"
    english = sections(fhir.build_bundle(filled, "en", now=NOW))["10160-0"]["text"]["div"]
    for text in ("<td>Hydrocortisone (Hydrocortison)</td><td>10 mg, 1 tablet, 3 times a day, with food</td>",
                 "<td>100 mg, only when needed</td>", "<td>50 microgram, once a day, on an empty stomach</td>"):
        assert text in english, text
    dutch = sections(fhir.build_bundle(filled, "nl", now=NOW))["10160-0"]["text"]["div"]
    assert "<td>Hydrocortison</td><td>10 mg, 1 tablet, 3 keer per dag, met eten</td>" in dutch


def test_without_an_amount_the_narrative_says_how_often_and_the_persons_own_words(services):
    services.medications.add(Medication(name="Hydrocortison", dose="7,5 - 5 - 2,5 mg", times_per_day=3))
    div = sections(fhir.build_bundle(services, "en", now=NOW))["10160-0"]["text"]["div"]
    assert "<td>3 times a day (7,5 - 5 - 2,5 mg)</td>" in div


# --- import -----------------------------------------------------------------------------------

def test_export_import_export_keeps_the_emergency_information_doses_and_next_of_kin(filled, empty_services):
    first = fhir.build_bundle(filled, "en", now=NOW)
    summary = import_bundle(empty_services, json.dumps(first).encode(), "sanne.json", other_person=True)
    assert summary.skipped == [] and "emergency_notes" in summary.person_filled
    person = empty_services.person.get()
    assert (person.emergency_notes, person.text_language) == (NOTES, "nl")
    # (a resolved diagnosis's emergency information is no alert any more: it is not exported)
    for service, names, which in (("diagnoses", SECTION_FIELDS + ("name", "status"), "current"),
                                  ("medications", DOSE_FIELDS, "all"), ("care_team", CONTACT_FIELDS, "all")):
        before = sorted(tuple(getattr(i, n) for n in names) for i in getattr(getattr(filled, service), which)())
        after = sorted(tuple(getattr(i, n) for n in names) for i in getattr(getattr(empty_services, service), which)())
        assert after == before, service
    [diagnosis] = [d for d in empty_services.diagnoses.all() if d.name == "Adrenogenitaal syndroom"]
    links = empty_services.diagnoses.linked_contacts(diagnosis)
    assert links == {"diagnosed_by": "dr. Eva Hoekstra", "expertise_centre": "UMC Utrecht",
                     "treating_physician": "dr. Eva Hoekstra"}
    again = fhir.build_bundle(empty_services, "en", now=NOW)
    assert sections(again)[ALERTS]["text"] == sections(first)[ALERTS]["text"]
    for kind in ("Flag", "MedicationStatement", "Condition"):
        assert _comparable(again, kind) == _comparable(first, kind), kind
    assert resources(again, "Patient")[0]["contact"] == resources(first, "Patient")[0]["contact"]
    second = import_bundle(empty_services, json.dumps(first).encode(), "sanne.json", other_person=True)
    assert second.added == {} and empty_services.person.get().emergency_notes == NOTES


def test_the_files_own_emergency_notes_join_other_notes_in_the_record_with_where_they_came_from(
        filled, empty_services):
    bundle = json.dumps(fhir.build_bundle(filled, "en", now=NOW)).encode()
    empty_services.person.update(replace(empty_services.person.get(), emergency_notes="Bij braken: geef mijn "
                                         "noodinjectie.\nMy own words."))
    summary = import_bundle(empty_services, bundle, "sanne.json", other_person=True)
    # The line the record holds already is not repeated; the other is added under the record's own words.
    assert empty_services.person.get().emergency_notes == (
        "Bij braken: geef mijn noodinjectie.\nMy own words.\nIk heb bijnierschorsinsufficiëntie. (FHIR: sanne.json)")
    assert (summary.added["emergency_notes"], summary.already_present["emergency_notes"]) == (1, 1)
    assert "emergency_notes" not in summary.person_filled
    again = import_bundle(empty_services, bundle, "sanne.json", other_person=True)
    assert "emergency_notes" not in again.added and again.already_present["emergency_notes"] == 2
    assert empty_services.person.get().emergency_notes.count("bijnierschorsinsufficiëntie") == 1


def _comparable(bundle: dict, kind: str) -> list[str]:
    """The resources of a kind without what names the patient (the patient's url is made of name and birth date)."""
    found = []
    for resource in resources(bundle, kind):
        cleaned = {k: v for k, v in resource.items() if k not in ("subject", "author")}
        found.append(json.dumps(cleaned, sort_keys=True))
    return sorted(found)


def _bundle(*resources: dict) -> bytes:
    entries = [{"fullUrl": f"http://other.example/fhir/{r['resourceType']}/{n}", "resource": r}
               for n, r in enumerate(resources, 1)]
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}).encode()


def _flag(text: str, status: str = "active", **more) -> dict:
    return {"resourceType": "Flag", "status": status, "subject": {"reference": "Patient/1"},
            "code": {"text": text}, **more}


def test_other_systems_alerts_join_the_emergency_notes_with_their_source_never_as_diagnoses(services):
    diet = _flag("Shellfish free diet", category=[{"coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/flag-category", "code": "diet", "display": "Diet"}]}],
        author={"display": "Dr. Ngata"})
    summary = import_bundle(services, _bundle(
        diet, _flag("Violent behaviour", status="inactive"), _flag("No known alerts"),
        {"resourceType": "Flag", "status": "active", "subject": {"reference": "Patient/1"},
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "370388006"}]}}), "nz.json")
    assert services.person.get().emergency_notes == "Shellfish free diet (Diet; Dr. Ngata, FHIR: nz.json)"
    assert summary.added == {"alerts": 1} and services.diagnoses.count() == 0
    assert sorted(summary.skipped) == ["Flag (entry 2): it is not active (inactive or entered in error)",
                                       "Flag (entry 4): it has no text, only a code"]
    assert import_bundle(services, _bundle(diet), "nz.json").already_present == {"alerts": 1}
    services.person.update(replace(services.person.get(), emergency_notes="My own words."))
    later = import_bundle(services, _bundle(_flag("Latex allergy")), "other.json")
    # Added under the person's own words, which stay as they are: an alert is never dropped for coming late.
    assert later.added == {"alerts": 1} and later.skipped == []
    assert services.person.get().emergency_notes == "My own words.\nLatex allergy (FHIR: other.json)"
    again = import_bundle(services, _bundle(_flag("Latex allergy")), "other.json")
    assert again.added == {} and again.already_present == {"alerts": 1}


def test_another_systems_next_of_kin_and_doses_come_in(services):
    patient = {"resourceType": "Patient", "name": [{"text": "Zoë"}], "contact": [
        {"relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                                       "code": "MTH", "display": "mother"}]}],
         "name": {"family": "Mum", "given": ["Martha"]}, "telecom": [{"system": "phone", "value": "+33-555-20036"}]},
        {"relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "E"}]}],
         "name": {"text": "Employer Ltd"}}]}
    statement = {"resourceType": "MedicationStatement", "status": "active", "subject": {"reference": "Patient/1"},
                 "medicationCodeableConcept": {"text": "Lisinopril"},
                 "dosage": [{"timing": {"repeat": {"frequency": 2, "period": 1, "periodUnit": "d"}},
                             "doseAndRate": [{"doseQuantity": {"value": 0.5, "unit": "Tablet (unit of presentation)",
                                                               "system": "http://snomed.info/sct",
                                                               "code": "732936001"}}]}]}
    odd = {**statement, "medicationCodeableConcept": {"text": "Methotrexate"},
           "dosage": [{"text": "weekly", "timing": {"repeat": {"period": 1, "periodUnit": "wk"}},
                       "doseAndRate": [{"doseQuantity": {"value": 4}}]}]}
    summary = import_bundle(services, _bundle(patient, statement, odd), "x.json", other_person=True)
    assert summary.skipped == []
    [mother] = services.care_team.all()
    assert (mother.name, mother.role, mother.relationship, mother.phone) == \
        ("Martha Mum", "next_of_kin", "mother", "+33-555-20036")
    medicines = {m.name: m for m in services.medications.all()}
    assert (medicines["Lisinopril"].dose_amount, medicines["Lisinopril"].dose_unit,
            medicines["Lisinopril"].times_per_day) == (0.5, "tablet", 2)
    methotrexate = medicines["Methotrexate"]
    # Its own words name no amount, so the dose in words comes first: a bare 'weekly' would say no dose.
    assert (methotrexate.dose, methotrexate.dose_amount, methotrexate.times_per_day) == ("4, weekly", None, None)


def _mg(value: float, **more) -> list[dict]:
    return [{"doseQuantity": {"value": value, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg",
                              **more}}]


def _daily(**more) -> dict:
    return {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d", **more}}


DOSE_CASES = {  # the file's Dosages -> (dose, schedule, amount, unit, times a day, only when needed)
    "a plain daily dose is structured": (
        [{"text": "10 mg once daily", "timing": _daily(), "doseAndRate": _mg(10)}],
        ("10 mg once daily", "", 10.0, "mg", 1, False)),
    "weekly via dayOfWeek": (
        [{"timing": _daily(dayOfWeek=["mon"]), "doseAndRate": _mg(15)}],
        ("15 mg", "once a day, on Monday", None, "", None, False)),
    "every 4 to 6 hours (periodMax)": (
        [{"timing": {"repeat": {"frequency": 1, "period": 4, "periodMax": 6, "periodUnit": "h"}},
          "doseAndRate": _mg(500)}],
        ("500 mg", "every 4 to 6 hours", None, "", None, False)),
    "every 12 hours is no 'twice a day'": (
        [{"timing": {"repeat": {"frequency": 1, "period": 12, "periodUnit": "h"}}, "doseAndRate": _mg(500)}],
        ("500 mg", "every 12 hours", None, "", None, False)),
    "1 to 2 times a day (frequencyMax)": (
        [{"timing": _daily(frequencyMax=2), "doseAndRate": _mg(500)}],
        ("500 mg", "1 to 2 times a day", None, "", None, False)),
    "asNeededCodeableConcept": (
        [{"asNeededCodeableConcept": {"text": "pain"}, "timing": _daily(), "doseAndRate": _mg(500)}],
        ("", "when needed for pain", 500.0, "mg", 1, True)),
    "asNeededBoolean without a timing": (
        [{"asNeededBoolean": True, "doseAndRate": _mg(100)}], ("", "", 100.0, "mg", None, True)),
    "two Dosages with texts": (
        [{"text": "10 mg morning", "timing": _daily(), "doseAndRate": _mg(10)},
         {"text": "5 mg evening", "timing": _daily(), "doseAndRate": _mg(5)}],
        ("10 mg morning; 5 mg evening", "", None, "", None, False)),
    "two Dosages without texts": (
        [{"timing": _daily(when=["MORN"]), "doseAndRate": _mg(10)},
         {"timing": _daily(when=["EVE"]), "doseAndRate": _mg(5)}],
        ("10 mg, once a day, in the morning; 5 mg, once a day, in the evening", "", None, "", None, False)),
    "a comparator": (
        [{"doseAndRate": _mg(4, comparator="<")}], ("less than 4 mg", "", None, "", None, False)),
    "a course of 3 (count)": (
        [{"timing": _daily(count=3), "doseAndRate": _mg(8)}],
        ("8 mg", "once a day, 3 times in all", None, "", None, False)),
    "one dose only (the IPS example's anastrozole)": (
        [{"timing": {"repeat": {"count": 1, "periodUnit": "d"}}, "doseAndRate": [{"doseQuantity": {
            "value": 1, "code": "1", "system": "http://unitsofmeasure.org", "unit": "tablet"}}]}],
        ("1 tablet", "once only", None, "", None, False)),
    "a time of day": (
        [{"timing": _daily(timeOfDay=["08:00:00"]), "doseAndRate": _mg(40)}],
        ("40 mg", "once a day, at 08:00", None, "", None, False)),
    "a course with bounds": (
        [{"timing": _daily(boundsDuration={"value": 7, "unit": "days", "system": "http://unitsofmeasure.org",
                                           "code": "d"}), "doseAndRate": _mg(8)}],
        ("8 mg", "once a day, for 7 days", None, "", None, False)),
    "30 minutes before breakfast (when and offset)": (
        [{"timing": _daily(when=["ACM"], offset=30), "doseAndRate": _mg(50)}],
        ("50 mg", "once a day, 30 minutes before breakfast", None, "", None, False)),
    "the file's text says the schedule": (
        [{"text": "15 mg on Mondays", "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "wk"}},
          "doseAndRate": _mg(15)}],
        ("15 mg on Mondays", "", None, "", None, False)),
}


@pytest.mark.parametrize("case", list(DOSE_CASES))
def test_a_structured_dose_comes_in_only_when_it_says_all_the_file_says(services, case):
    dosages, expected = DOSE_CASES[case]
    statement = {"resourceType": "MedicationStatement", "status": "active", "subject": {"reference": "Patient/1"},
                 "medicationCodeableConcept": {"text": "Medicine"}, "dosage": dosages}
    summary = import_bundle(services, _bundle(statement), "x.json")
    assert summary.skipped == []
    [medicine] = services.medications.all()
    assert (medicine.dose, medicine.schedule, medicine.dose_amount, medicine.dose_unit, medicine.times_per_day,
            medicine.as_needed) == expected


def test_a_real_world_weekly_methotrexate_is_never_a_bare_daily_looking_dose(services):
    name = "fhir_ipsviewer_NL_core_patient_01.json"
    path = REAL_WORLD / name
    if not path.exists():
        pytest.skip(f"the real-world FHIR file {name} is not there ({REAL_WORLD})")
    import_bundle(services, path.read_bytes(), name, other_person=True)
    medicines = {m.name.split()[0]: m for m in services.medications.all()}
    methotrexate = medicines["METHOTREXAAT"]
    assert (methotrexate.dose_amount, methotrexate.dose_unit, methotrexate.times_per_day) == (None, "", None)
    assert (methotrexate.dose, methotrexate.schedule) == ("15 mg", "once a week, on Monday, in the afternoon")
    # What an English card prints for it: the weekly schedule beside the dose, never '15 mg' alone.
    assert Clinical(Words("en")).dose_words(methotrexate).line() == "15 mg, once a week, on Monday, in the afternoon"
    pantoprazole = medicines["PANTOPRAZOL"]  # at 08:00: more than 'once a day'
    assert (pantoprazole.dose, pantoprazole.schedule, pantoprazole.dose_amount) == ("40 mg", "once a day, at 08:00",
                                                                                    None)
    lisinopril = medicines["LISINOPRIL"]  # '{stuk}' is no unit Regie knows; once a day is plain
    assert (lisinopril.dose, lisinopril.dose_amount, lisinopril.times_per_day) == ("1 stuk", None, 1)


@pytest.mark.parametrize("name", ["fhir_ipsviewer_NZ_Peter_Jordan_NNJ9186.json"])
def test_a_real_world_ips_alert_becomes_an_emergency_note_and_nothing_else(services, name):
    path = REAL_WORLD / name
    if not path.exists():
        pytest.skip(f"the real-world FHIR files are not there ({REAL_WORLD})")
    summary = import_bundle(services, path.read_bytes(), name, other_person=True)
    assert services.person.get().emergency_notes == f"Shellfish free diet (Diet; FHIR: {name})"
    assert summary.added["alerts"] == 1 and "Flag" not in summary.unsupported
    assert all(d.name != "Shellfish free diet" for d in services.diagnoses.all())
