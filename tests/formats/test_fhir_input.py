"""FHIR files as other systems write them: every Bundle type, single resources, NDJSON and XML; whose file it
is; and a file that gives nothing is an error."""

import json

import pytest
from locations import REAL_WORLD

from phr.formats.fhir.read import bundle_file, file_kind
from phr.formats.fhir.read.bundle import InvalidFhirImport, OtherPersonFile, import_bundle
from phr.formats.fhir.read.resources import registry
from phr.record.diagnoses import Diagnosis

ME = {"resourceType": "Patient", "id": "me", "name": [{"given": ["Zoë"], "family": "Ünal"}], "birthDate": "1980-02-03"}
SOMEONE_ELSE = {"resourceType": "Patient", "id": "other", "name": [{"text": "Martha DeLarosa"}],
                "birthDate": "1972-05-01"}


def condition(name: str, id_: str = "", **more) -> dict:
    return {"resourceType": "Condition", **({"id": id_} if id_ else {}), "subject": {"reference": "Patient/me"},
            "code": {"text": name}, **more}


def bundle(kind: str, *entries: dict) -> dict:
    return {"resourceType": "Bundle", "type": kind, "entry": list(entries)}


def data(document: dict | list) -> bytes:
    return json.dumps(document).encode()


def names(services) -> list[str]:
    return sorted(d.name for d in services.diagnoses.all())


def read(raw: bytes) -> bundle_file.FileContents:
    return bundle_file.read_file(raw, registry.KINDS)


# --- every Bundle type ------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["document", "collection"])
def test_a_document_or_collection_gives_each_entrys_resource(services, kind):
    summary = import_bundle(services, data(bundle(kind, {"fullUrl": "urn:uuid:1", "resource": ME},
                                                  {"fullUrl": "urn:uuid:2", "resource": condition("Asthma")})))
    assert summary.added == {"diagnoses": 1} and summary.about == f"a FHIR R4 {kind} Bundle (JSON)"
    assert names(services) == ["Asthma"]


@pytest.mark.parametrize("kind, method", [("transaction", "POST"), ("batch", "PUT")])
def test_a_transaction_or_batch_gives_its_resources_and_leaves_out_what_it_deletes(services, kind, method):
    raw = data(bundle(kind,
                      {"fullUrl": "urn:uuid:1", "resource": condition("Asthma"),
                       "request": {"method": method, "url": "Condition"}},
                      {"fullUrl": "urn:uuid:2", "resource": condition("Eczema"),
                       "request": {"method": "POST", "url": "Condition"}},
                      {"request": {"method": "DELETE", "url": "Condition/old"}},
                      {"resource": condition("Gout", "gout"), "request": {"method": "DELETE", "url": "Condition/gout"}}))
    summary = import_bundle(services, raw, "synthea.json")
    assert names(services) == ["Asthma", "Eczema"]
    assert summary.left_out == {bundle_file.DELETE: 2}


def test_a_searchset_reads_matches_and_includes_but_not_the_servers_outcome(services):
    outcome = {"resourceType": "OperationOutcome", "issue": [{"severity": "information", "code": "informational"}]}
    raw = data({**bundle("searchset",
                         {"fullUrl": "https://ehr.example/Patient/me", "resource": ME, "search": {"mode": "include"}},
                         {"fullUrl": "https://ehr.example/Condition/1", "resource": condition("Asthma", "1"),
                          "search": {"mode": "match"}},
                         {"resource": outcome, "search": {"mode": "outcome"}}), "total": 1})
    summary = import_bundle(services, raw, "everything.json")
    assert names(services) == ["Asthma"] and summary.added == {"diagnoses": 1}
    assert summary.left_out == {bundle_file.OUTCOME: 1} and summary.unsupported == {}


def test_a_history_gives_each_resources_newest_version_and_nothing_of_what_was_deleted(services):
    raw = data(bundle("history",
                      {"fullUrl": "https://ehr.example/Condition/1",
                       "resource": condition("Asthma, allergic", "1"), "request": {"method": "PUT", "url": "Condition/1"}},
                      {"fullUrl": "https://ehr.example/Condition/1", "resource": condition("Asthma", "1"),
                       "request": {"method": "POST", "url": "Condition"}},
                      {"request": {"method": "DELETE", "url": "Condition/2"}},
                      {"fullUrl": "https://ehr.example/Condition/2", "resource": condition("Flu", "2"),
                       "request": {"method": "POST", "url": "Condition"}}))
    summary = import_bundle(services, raw, "history.json")
    assert names(services) == ["Asthma, allergic"]
    assert summary.left_out == {bundle_file.OLDER: 2, bundle_file.DELETE: 1}


def test_pages_joined_in_one_file_are_read_together_and_what_they_repeat_counts_once(services):
    pages = [bundle("searchset", {"fullUrl": "https://ehr.example/Patient/me", "resource": ME},
                    {"fullUrl": f"https://ehr.example/Condition/{n}", "resource": condition(name, str(n))})
             for n, name in ((1, "Asthma"), (2, "Eczema"))]
    for raw in (b"\n".join(data(page) for page in pages),                        # NDJSON: a page a line
                "\n".join(json.dumps(page, indent=2) for page in pages).encode(),  # pretty pages one after another
                data(bundle("collection", *({"resource": page} for page in pages)))):  # a Bundle of pages
        contents = read(raw)
        assert [entry.kind for entry in contents.entries] == ["Patient", "Condition", "Condition"]
        assert contents.left_out == {bundle_file.REPEATED: 1}
    import_bundle(services, raw)
    assert names(services) == ["Asthma", "Eczema"]


def test_a_single_resource_is_one_entry(services):
    summary = import_bundle(services, data(condition("Asthma")), "condition.json")
    assert summary.added == {"diagnoses": 1} and summary.about == "FHIR R4 JSON with 1 resource"


# --- NDJSON and XML ---------------------------------------------------------------------------

def test_ndjson_reads_a_resource_a_line_and_counts_a_broken_line(services):
    lines = [json.dumps(ME), json.dumps(condition("Asthma")), "{not json", "", json.dumps(condition("Eczema"))]
    summary = import_bundle(services, "\n".join(lines).encode(), "export.ndjson")
    assert names(services) == ["Asthma", "Eczema"]
    assert summary.left_out == {bundle_file.BROKEN_LINE: 1} and summary.about == "FHIR R4 NDJSON with 3 resources"


def test_a_damaged_bundle_on_one_line_leaves_out_that_line_only(services):
    lines = [data(bundle("collection", {"resource": condition("Asthma")})), data({**bundle("collection"), "colour": "red"}),
             data({"resourceType": "Bundle", "type": "collection", "entry": {"not": "a list"}})]
    summary = import_bundle(services, b"\n".join(lines))
    assert names(services) == ["Asthma"] and summary.left_out == {bundle_file.BROKEN_BUNDLE: 2}
    with pytest.raises(InvalidFhirImport, match="damaged"):  # a file of one damaged Bundle is refused
        import_bundle(services, lines[1])


def test_an_apps_own_database_key_does_not_make_a_resource_invalid(services):
    lines = [json.dumps({**ME, "_id": "K7GNYY39v2tTNHtHg"}), json.dumps({**condition("Asthma"), "_id": "wiwWgBMC"})]
    summary = import_bundle(services, "\n".join(lines).encode())
    assert summary.skipped == [] and names(services) == ["Asthma"]


XML = """<?xml version="1.0" encoding="UTF-8"?>
<Bundle xmlns="http://hl7.org/fhir" xmlns:x="http://www.w3.org/1999/xhtml">
  <type value="collection"/>
  <entry>
    <fullUrl value="urn:uuid:1"/>
    <resource>
      <Patient>
        <text><status value="generated"/><x:div><x:p>Zoë</x:p></x:div></text>
        <active value="true"/>
        <name><given value="Zoë"/><family value="Ünal"/></name>
        <birthDate value="1980-02-03"/>
      </Patient>
    </resource>
  </entry>
  <entry>
    <fullUrl value="urn:uuid:2"/>
    <resource>
      <Condition>
        <code>
          <coding><system value="http://snomed.info/sct"/><code value="195967001"/></coding>
          <text value="Asthma"/>
        </code>
        <subject><reference value="urn:uuid:1"/></subject>
        <onsetDateTime value="2010-04"/>
      </Condition>
    </resource>
  </entry>
  <entry>
    <resource>
      <MedicationStatement>
        <status value="active"/>
        <medicationCodeableConcept><text value="Salbutamol"/></medicationCodeableConcept>
        <subject><reference value="urn:uuid:1"/></subject>
        <dosage>
          <timing><repeat><frequency value="2"/><period value="1"/><periodUnit value="d"/></repeat></timing>
          <doseAndRate><doseQuantity><value value="100"/><unit value="microgram"/></doseQuantity></doseAndRate>
        </dosage>
      </MedicationStatement>
    </resource>
  </entry>
</Bundle>
"""


def test_fhir_xml_reads_as_its_json_would(services):
    contents = read(XML.encode())
    patient, found_condition, statement = (entry.resource for entry in contents.entries)
    assert patient and patient["name"] == [{"given": ["Zoë"], "family": "Ünal"}] and patient["active"] is True
    assert patient["text"]["div"] == '<div xmlns="http://www.w3.org/1999/xhtml"><p>Zoë</p></div>'
    assert found_condition and found_condition["code"]["coding"] == [
        {"system": "http://snomed.info/sct", "code": "195967001"}]
    assert statement and statement["dosage"][0]["doseAndRate"][0]["doseQuantity"]["value"] == 100  # a number
    assert all(entry.problem == "" for entry in contents.entries)
    summary = import_bundle(services, XML.encode(), "summary.xml")
    assert summary.added == {"diagnoses": 1, "medications": 1} and summary.about == "a FHIR R4 collection Bundle (XML)"
    [diagnosis] = services.diagnoses.all()
    assert (diagnosis.name, diagnosis.diagnosed_on) == ("Asthma", "2010-04")


STU3_XML = b"""<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/>
<entry><resource><Condition><clinicalStatus value="active"/><verificationStatus value="confirmed"/>
  <code><text value="Astma"/></code><subject><reference value="Patient/1"/></subject>
  <assertedDate value="2019-01-01"/></Condition></resource></entry>
</Bundle>"""


def test_stu3_xml_is_read_by_the_stu3_models_and_turned_into_r4(services):
    """STU3 writes a plain code where R4 has a concept: the file is typed again once its version is known."""
    contents = read(STU3_XML)
    assert contents.about == "a FHIR STU3 collection Bundle (XML)"
    [entry] = contents.entries
    assert entry.problem == "" and entry.resource and entry.resource["clinicalStatus"]["coding"][0]["code"] == "active"
    assert import_bundle(services, STU3_XML, "pgo.xml").added == {"diagnoses": 1}


@pytest.mark.parametrize("raw, says", [
    (b'<?xml version="1.0"?><!DOCTYPE Bundle [<!ENTITY x "y">]><Bundle xmlns="http://hl7.org/fhir">&x;</Bundle>',
     "document type"),
    (b'<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/>', "not well-formed (line 1)"),
    (b'<ClinicalDocument xmlns="urn:hl7-org:v3"/>', "CDA document"),
    (b'<html><body>my letter</body></html>', "XML, but not FHIR XML (it starts with <html>)"),
])
def test_xml_that_fhir_cannot_be_is_refused_saying_what_it_is(services, raw, says):
    with pytest.raises(InvalidFhirImport) as refused:
        import_bundle(services, raw, "odd.xml")
    assert says in str(refused.value)


def test_the_real_world_xml_summary_reads_as_its_json_twin():
    xml, twin = REAL_WORLD / "fhir_xml_hl7ips_IPS-bundle-01.xml", REAL_WORLD / "fhir_ipsviewer_IPS_IG-bundle-01.json"
    if not xml.exists() or not twin.exists():
        pytest.skip(f"the real-world FHIR files are not there ({REAL_WORLD})")
    from_xml, from_json = read(xml.read_bytes()), read(twin.read_bytes())
    assert [e.kind for e in from_xml.entries] == [e.kind for e in from_json.entries]
    assert [e.problem for e in from_xml.entries] == [""] * len(from_xml.entries)
    xml_patient, json_patient = (next(e.resource or {} for e in found.entries if e.kind == "Patient")
                                 for found in (from_xml, from_json))
    assert {**xml_patient, "text": None} == {**json_patient, "text": None}  # (only the JSON has a narrative)


# --- what the file looks like when it is not FHIR -----------------------------------------------

@pytest.mark.parametrize("raw, says", [
    (b"%PDF-1.7 ...", "The file is a PDF document, not a FHIR file."),
    (b"PK\x03\x04....", "a ZIP archive"),
    ("\ufeff{}".encode("utf-16"), "UTF-16 text"),
    (b"", "The file is empty."),
    (b"time,value\n2026-01-01T08:00,5.1\n", "a table of text (like CSV)"),
    (b'{"name": "not fhir"}', "JSON, but not FHIR: it has no resourceType"),
    (b'{"format": "regie-record", "version": 3}', "a Regie record file"),
    (b'{"resourceType": "Bundle", ', "not valid JSON (line 1)"),
    (b"\xff\xfe\xfd not text", "UTF-16 text"),
    (b"caf\xe9 au lait", "not UTF-8 text"),
])
def test_a_file_that_is_not_fhir_is_refused_with_what_it_looks_like(services, raw, says):
    with pytest.raises(InvalidFhirImport) as refused:
        import_bundle(services, raw, "odd")
    assert says in str(refused.value)
    assert not file_kind.is_fhir(raw)


def test_a_resource_nested_400_deep_is_one_clear_refusal_not_a_crash(services):
    extension: dict = {"url": "http://example.org/x", "valueString": "bottom"}
    for _ in range(400):
        extension = {"url": "http://example.org/x", "extension": [extension]}
    deep = condition("Asthma", extension=[extension])
    for raw in (data(bundle("collection", {"resource": deep})), data(deep) + b"\n" + data(deep)):
        with pytest.raises(InvalidFhirImport, match="nested deeper than any FHIR file"):
            import_bundle(services, raw, "deep.json")
    xml = b'<Condition xmlns="http://hl7.org/fhir">' + b'<extension url="x">' * 400 + b'</extension>' * 400 + \
        b'</Condition>'
    with pytest.raises(InvalidFhirImport, match="nested deeper than any FHIR file"):
        import_bundle(services, xml, "deep.xml")
    assert services.diagnoses.all() == []


def test_a_lone_surrogate_is_stored_as_a_replacement_character_not_a_crash(services):
    raw = b'{"resourceType": "Condition", "subject": {"reference": "Patient/me"}, "code": {"text": "x\\ud800y"}}'
    import_bundle(services, raw, "odd.json")
    assert names(services) == ["x\ufffdy"]


def test_the_size_limit_is_kept(services):
    with pytest.raises(InvalidFhirImport, match="larger than 64 MB"):
        import_bundle(services, b" " * (file_kind.MAX_FILE_BYTES + 1), "big.json")


# --- whose file is it -------------------------------------------------------------------------

def test_a_file_about_another_person_is_refused_and_changes_nothing(services):
    raw = data(bundle("collection", {"resource": SOMEONE_ELSE}, {"resource": condition("Asthma")}))
    with pytest.raises(OtherPersonFile) as refused:
        import_bundle(services, raw, "martha.json")
    assert "another person" in str(refused.value) and "Martha" not in str(refused.value)
    assert services.diagnoses.all() == [] and services.person.get().birth_date == ""
    summary = import_bundle(services, raw, "martha.json", other_person=True)  # the person said it is right
    assert summary.added == {"diagnoses": 1} and services.person.get().name == "Zoë Ünal"


@pytest.mark.parametrize("written", [
    {"given": ["zoë"], "family": "ÜNAL"},
    {"text": "  Zoë   Ünal "},
    {"prefix": ["Mrs."], "given": ["Zoë"], "family": "Ünal"},
])
def test_the_same_name_written_differently_is_the_same_person(services, written):
    patient = {**ME, "name": [{"text": "Z. Ü."}, written]}  # any of the names the file gives
    assert import_bundle(services, data(bundle("collection", {"resource": patient},
                                               {"resource": condition("Asthma")}))).added == {"diagnoses": 1}


def test_another_birth_date_is_another_person_and_a_birth_date_the_record_lacks_is_not(services):
    two = data(bundle("collection", {"resource": ME}, {"resource": condition("Asthma")}))
    assert import_bundle(services, two).added == {"diagnoses": 1}  # the record had no birth date: it takes it
    assert services.person.get().birth_date == "1980-02-03"
    born_later = data(bundle("collection", {"resource": {**ME, "birthDate": "1981-02-03"}},
                             {"resource": condition("Eczema")}))
    with pytest.raises(OtherPersonFile):
        import_bundle(services, born_later)
    only_the_year = data(bundle("collection", {"resource": {**ME, "birthDate": "1980"}},
                                {"resource": condition("Eczema")}))
    assert import_bundle(services, only_the_year).added == {"diagnoses": 1}


def test_a_file_of_two_people_is_refused(services):
    raw = data(bundle("collection", {"resource": ME}, {"resource": {**SOMEONE_ELSE, "name": [{"text": "Zoe Unal"}]}},
                      {"resource": condition("Asthma")}))
    with pytest.raises(OtherPersonFile, match="more than one person"):
        import_bundle(services, raw)
    nameless = data(bundle("collection", {"resource": ME}, {"resource": {"resourceType": "Patient"}},
                           {"resource": condition("Asthma")}))
    assert import_bundle(services, nameless).added == {"diagnoses": 1}  # a Patient without details tells nothing


# --- a file that gives nothing ----------------------------------------------------------------

@pytest.mark.parametrize("document, says", [
    ({**bundle("searchset"), "total": 0}, "holds no entries"),
    (bundle("collection", {"resource": {"resourceType": "ImagingStudy", "status": "available",
                                        "subject": {"reference": "Patient/me"}}}),
     "holds nothing Regie reads (1 x ImagingStudy)"),
    (bundle("transaction", {"request": {"method": "DELETE", "url": "Condition/1"}}),
     "holds nothing Regie reads (1 requests to delete something"),
    ({"resourceType": "OperationOutcome", "issue": []}, "holds nothing Regie reads (1 messages from the server"),
])
def test_a_file_with_nothing_regie_reads_is_an_error_and_changes_nothing(services, document, says):
    services.diagnoses.add(Diagnosis(name="Already here"))
    with pytest.raises(InvalidFhirImport) as refused:
        import_bundle(services, data(document), "nothing.json")
    assert says in str(refused.value)
    assert names(services) == ["Already here"]


def test_a_file_whose_every_entry_breaks_the_rules_is_an_error(services, monkeypatch):
    from phr.core.entries import FieldError
    from phr.record.diagnoses import DiagnosisService

    monkeypatch.setattr(DiagnosisService, "validate", lambda self, item: [FieldError("name", "invalid")])
    with pytest.raises(InvalidFhirImport, match="no entry of the file can be stored"):
        import_bundle(services, data(bundle("collection", {"resource": condition("Asthma")})), "x.json")
    assert services.diagnoses.all() == []


def test_a_second_import_of_the_same_file_is_no_error(services):
    raw = data(bundle("collection", {"resource": ME}, {"resource": condition("Asthma")}))
    import_bundle(services, raw)
    again = import_bundle(services, raw)
    assert again.added == {} and again.already_present == {"diagnoses": 1}


# --- what a C-CDA document converted to FHIR looks like (Fasten's converter) ----------------------------------

def test_an_allergy_named_only_by_its_reactions_substance_is_that_allergy(services):
    penicillin = {"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "70618", "display": "Penicillin"}
    allergy = {"resourceType": "AllergyIntolerance", "patient": {"reference": "Patient/me"},
               "reaction": [{"manifestation": [{"text": "Nausea"}]},
                            {"substance": {"coding": [penicillin]}, "manifestation": [{"text": "Hives"}]}]}
    summary = import_bundle(services, data(bundle("collection", {"resource": ME}, {"resource": allergy})))
    [found] = services.allergies.all()
    assert found.substance == "Penicillin" and [c.code for c in found.codes] == ["70618"]
    assert summary.added == {"allergies": 1} and summary.skipped == []


def test_a_patients_link_without_its_type_does_not_make_the_patient_invalid(services):
    # Regie never reads Patient.link; the converter writes it without the type FHIR requires
    linked = {**ME, "link": [{"other": {"reference": "RelatedPerson/mother"}}]}
    summary = import_bundle(services, data(bundle("collection", {"resource": linked},
                                                  {"resource": condition("Asthma")})))
    assert summary.skipped == [] and "birth_date" in summary.person_filled
    broken = {**ME, "link": [{"other": {"reference": "RelatedPerson/mother"}}], "active": "perhaps"}  # elsewhere: invalid
    summary = import_bundle(services, data(bundle("collection", {"resource": broken},
                                                  {"resource": condition("Asthma")})))
    assert [line for line in summary.skipped if line.startswith("Patient") and "not valid FHIR" in line]
