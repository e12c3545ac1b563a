"""Every real-world FHIR file in ../shared/real-world, imported into a new record: what each section gains, what the
file states about whole lists, and what is left out and why — each count worked out by reading the file itself
(issue 15, first acceptance point). The files are not ours (SOURCES.md there says where each comes from) and are
never copied into the project: without the folder these tests are skipped, saying so.

How the counts were found: a script of its own (json and lxml, not Regie's reader) read each file and counted,
per section, what a patient summary should bring in; every difference with the import was either a defect of
the reader (fixed, with a test of its own in test_fhir_input.py or test_fhir_read_results.py) or a rule of
docs/fhir.md, which the comment of that file names. The rules that recur:
- contacts: only the Practitioners and Organizations the summary names as care providers (author, attester,
  care team, asserter, prescriber; an Organization only in a care team or as prescriber), and the Patient's next
  of kin; a laboratory, the system or department that made the file, a hospital that only reported something,
  is left out ('not a care provider');
- an entry with the same name (and date; medicines: start date; allergies: substance) and codes that do not
  disagree as one the file gave before is one entry: the repeat counts as already present ('merged' below);
- readings are Observations of catalogue measures (blood pressure panels, and systolic and diastolic of their
  own at one moment, as one reading); lab results are the other Observations with one number; text answers,
  coded answers, limits, panels, several values, questionnaires, way of life and findings of procedures and
  scans are left out;
- 'no known allergies / medications / problems' are the person's statements, never entries; 'no known food
  allergy' (one kind) is neither; the IPS 'no information' codes are nothing at all;
- what Regie does not read (Encounter, Claim, DiagnosticReport, Device, Consent, ...) is counted per type.
A section that gains nothing is left out of `added` (0).
"""

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from locations import REAL_WORLD

from phr.formats.fhir.read.bundle import FhirImportSummary, import_bundle
from phr.record.person import NONE_KNOWN

# section -> the record's service that holds it
SECTIONS = {"diagnoses": "diagnoses", "allergies": "allergies", "medications": "medications", "contacts": "care_team",
            "vaccinations": "vaccinations", "procedures": "procedures", "goals": "care_plan"}
# What a reason the import gives is called here (the first that matches names it).
REASONS = {
    "not a care provider": "does not name it as a care provider",
    "not a number": "not a number",
    "panel": "a panel that groups",
    "several values": "several values",
    "way of life": "way of life",
    "questionnaire": "questionnaire",
    "procedure's finding": "procedure's finding",
    "scan's finding": "scan's finding",
    "no known allergy of one kind": "no allergy of one kind",
    "not done": "was not done",
    "planned": "being prepared",
    "refuted or entered in error": "refuted or entered in error",
    "not valid FHIR": "not valid FHIR",
    "blood pressure swapped": "systolic pressure is not above",
}


@dataclass(frozen=True)
class Expected:
    added: dict[str, int]                                      # section -> entries added (0s left out)
    merged: dict[str, int] = field(default_factory=dict)       # repeats within the file: already present
    statements: frozenset[str] = frozenset()                   # allergy | medication | problem: 'none known'
    left_out: dict[str, int] = field(default_factory=dict)     # 'Type: reason' -> how many
    not_read: dict[str, int] = field(default_factory=dict)     # resource types Regie does not read -> how many


EXPECTED: dict[str, Expected] = {
    # HL7 IPS Bundle-01 as Fasten keeps it: breast cancer (active) and a resolved one, anastrozole and another
    # medicine, a penicillin allergy. Left out: IPS 'no-known-food-allergies' (one kind of allergy: no statement
    # about all, never an allergy); 5 coded answers (blood group, antibodies, MRSA), the blood typing panel;
    # the author's and custodian's organisations (the author and the Patient's next of kin are the 2 contacts).
    # The HbA1c 7.5 % is a reading (58 mmol/mol).
    "fhir_fasten_IPS-bundle-01.json": Expected(
        {"diagnoses": 2, "allergies": 1, "medications": 2, "contacts": 2, "readings": 1},
        left_out={"AllergyIntolerance: no known allergy of one kind": 1, "Observation: not a number": 5,
                  "Observation: panel": 1, "Organization: not a care provider": 2}),
    # A C-CDA CCD converted by Fasten (batch). Its 2 allergies name their substance only in reaction.substance
    # (penicillin, codeine) and every value is a JSON string ("13.2"): both were lost before (fixed). The Patient's
    # links lack their type (Regie never reads them: fixed, the person's details come in). Medicines: Proventil
    # with its period, Proventil in 2 completed requests without dates (one medicine, stopped: 1 merged),
    # atenolol. 5 vaccinations share one identifier (the converter's): their content differs, so 5. Readings: 2
    # weights and 2 blood pressures joined from systolic and diastolic of their own; results: 5 blood counts and
    # 2 heights. Left out: the urea nitrogen without a value, a polypectomy's
    # finding, smoking and alcohol (way of life), 11 practitioners and organisations no part of the care team.
    "fhir_fasten_ccda_to_fhir_converted_batch.json": Expected(
        {"diagnoses": 4, "allergies": 2, "medications": 3, "contacts": 1, "vaccinations": 5, "procedures": 2,
         "readings": 4, "results": 7},
        merged={"medications": 1},
        left_out={"Observation: not a number": 1, "Observation: procedure's finding": 1, "Observation: way of life": 3,
                  "Organization: not a care provider": 4, "Practitioner: not a care provider": 7},
        not_read={"RelatedPerson": 3, "Consent": 1, "Encounter": 1, "Location": 1, "FamilyMemberHistory": 1,
                  "Device": 4, "Coverage": 1, "DiagnosticReport": 2}),
    # Cigna's Patient/$everything (searchset): one condition and one vaccination; the claims, the visit and the
    # server's OperationOutcome (not health data) are not entries; the insurer's organisation is no care provider.
    "fhir_fasten_cigna_syntheticuser05_everything_searchset.json": Expected(
        {"diagnoses": 1, "vaccinations": 1},
        left_out={"Organization: not a care provider": 1},
        not_read={"Encounter": 1, "ExplanationOfBenefit": 4, "Location": 1}),
    # Synthea (transaction): 5 conditions (3 resolved), 5 allergies, 4 medicines, 2 goals, 13 vaccinations,
    # 2 procedures; 90 Observations: 27 readings (blood pressures, weights, heart rates, ...), 54 lab results
    # (heights, BMI and the lab values), 9 questionnaire answers left out. Contacts: the care teams' members
    # (2 doctors, 2 organisations); 1 doctor and 1 organisation appear only on claims and visits.
    "fhir_fasten_synthea_Alesha810_Marks830_transaction.json": Expected(
        {"diagnoses": 5, "allergies": 5, "medications": 4, "contacts": 4, "vaccinations": 13, "procedures": 2,
         "readings": 27, "results": 54, "goals": 2},
        left_out={"Observation: questionnaire": 9, "Organization: not a care provider": 1,
                  "Practitioner: not a care provider": 1},
        not_read={"Encounter": 21, "Claim": 25, "ExplanationOfBenefit": 21, "DiagnosticReport": 5}),
    # Synthea, the largest: 34 medicine requests (28 stopped: they come in as stopped, with no made-up stop date),
    # 455 Observations: 48 readings, 385 lab results; 8 results repeat another of the same code, moment and value
    # (merged); 12 questionnaire answers and the findings of a procedure and of a scan are left out.
    "fhir_fasten_synthea_Jules135_Gutmann970_transaction.json": Expected(
        {"diagnoses": 11, "medications": 34, "contacts": 4, "vaccinations": 12, "procedures": 14, "readings": 48,
         "results": 385, "goals": 8},
        merged={"results": 8},
        left_out={"Observation: procedure's finding": 1, "Observation: questionnaire": 12,
                  "Observation: scan's finding": 1},
        not_read={"Encounter": 58, "Claim": 92, "ExplanationOfBenefit": 58, "DiagnosticReport": 42,
                  "ImagingStudy": 4}),
    # Synthea: hypertension, obesity and 3 resolved conditions; 88 Observations: 30 readings, 49 results,
    # 9 questionnaire answers left out.
    "fhir_fasten_synthea_Tania553_Harris789_transaction.json": Expected(
        {"diagnoses": 5, "medications": 8, "contacts": 4, "vaccinations": 15, "procedures": 2, "readings": 30,
         "results": 49, "goals": 2},
        left_out={"Observation: questionnaire": 9},
        not_read={"Encounter": 19, "DiagnosticReport": 2, "Claim": 27, "ExplanationOfBenefit": 19}),
    # HL7 IPS 'minimal': one of each; the custodian organisation is no care provider.
    "fhir_hl7ips_bundle-minimal.json": Expected(
        {"diagnoses": 1, "allergies": 1, "medications": 1, "contacts": 2},
        left_out={"Organization: not a care provider": 1}),
    # HL7 IPS with the 'no information' codes for problems, medicines and allergies: nothing, not even a statement
    # (nothing known is not 'none known'). 2 vaccinations; contacts: the author through a PractitionerRole and the
    # Patient's 2 next of kin (the file writes the family name among the given names too: 'Peter Rabbit Rabbit').
    "fhir_hl7ips_bundle-no-info-required-sections.json": Expected(
        {"contacts": 3, "vaccinations": 2},
        left_out={"Organization: not a care provider": 2}),
    # The IPS IG's Bundle-01 with a vaccination: as Bundle-01 (SNOMED CT 429625007 'No known food allergy' is one
    # kind: left out), plus 1 vaccination.
    "fhir_ipsig-build_Bundle-IPS-examples-Bundle-with-immunization.json": Expected(
        {"diagnoses": 2, "allergies": 1, "medications": 2, "contacts": 2, "vaccinations": 1, "readings": 1},
        left_out={"AllergyIntolerance: no known allergy of one kind": 1, "Observation: not a number": 5,
                  "Observation: panel": 1, "Organization: not a care provider": 2}),
    # Austrian ELGA: 5 conditions, one given twice (merged); 7 aspirin statements, 3 repeating another's name,
    # start and codes (merged); 77 Observations: 15 panels left out, 2 heart rates and 2 blood pressures joined
    # from systolic and diastolic of their own; 56 results, among them an HbA1c of 1.0 %, which no person has
    # (kept as the lab's result of 4548-4 in %, not converted to a reading). The 77 organisations are the labs
    # and the file's makers, none named as care provider.
    "fhir_ipsviewer_AT_ELGA_GmbH_01.json": Expected(
        {"diagnoses": 4, "allergies": 1, "medications": 4, "vaccinations": 3, "readings": 4, "results": 56},
        merged={"diagnoses": 1, "medications": 3},
        left_out={"Observation: panel": 15, "Organization: not a care provider": 77},
        not_read={"Device": 1}),
    # AU PS 'no known': 'No current problems', 'No known medications' and 'No known allergy' are the person's 3
    # statements, never a diagnosis, a medicine or an allergy. The author is the one contact.
    "fhir_ipsviewer_AU_aups-noknownx.json": Expected(
        {"contacts": 1}, statements=frozenset({"allergy", "medication", "problem"}),
        left_out={"Organization: not a care provider": 1}),
    # Canadian VeroSource: 20 medicine requests (12 stopped or completed: stopped, without a made-up stop date),
    # 23 vaccinations; 266 Observations: 140 text answers ('POS', '< 60 mmol/L', '10-25 /HPF') and 6 without a
    # value left out; 2 glucoses and 2 HbA1c are readings, a glucose of 45 mmol/L (beyond a meter) stays a
    # result: 116 results. The DiagnosticReports only group them.
    "fhir_ipsviewer_CA_VeroSource_colorful_balloon.json": Expected(
        {"medications": 20, "vaccinations": 23, "readings": 4, "results": 116},
        left_out={"Observation: not a number": 146, "Organization: not a care provider": 1},
        not_read={"DiagnosticReport": 108}),
    # Swiss CH-IPS: one Condition is IPS 'no-problem-info' (nothing, not even a statement), the other an
    # endocarditis of 1999 (inactive: resolved); 2 medicines named by a contained Medication (#med), once lost.
    "fhir_ipsviewer_CH_HL7CH_Examples_01.json": Expected(
        {"diagnoses": 1, "allergies": 1, "medications": 2, "contacts": 1, "vaccinations": 1},
        left_out={"Organization: not a care provider": 1}),
    # German 'no information' with an advance directive: no entries but the author and the Patient's 2 contacts;
    # the advance directive (Consent) is not read.
    "fhir_ipsviewer_DE_no_info_with_Advance_Directive.json": Expected(
        {"contacts": 3},
        left_out={"Organization: not a care provider": 2},
        not_read={"Consent": 1}),
    # EU IPS (G. Cangioli): everything comes in.
    "fhir_ipsviewer_EU_Giorgio_Cangioli_03.json": Expected(
        {"diagnoses": 7, "allergies": 1, "medications": 12, "contacts": 1}),
    # The IPS IG's Bundle-01: as Fasten's copy above.
    "fhir_ipsviewer_IPS_IG-bundle-01.json": Expected(
        {"diagnoses": 2, "allergies": 1, "medications": 2, "contacts": 2, "readings": 1},
        left_out={"AllergyIntolerance: no known allergy of one kind": 1, "Observation: not a number": 5,
                  "Observation: panel": 1, "Organization: not a care provider": 2}),
    # Dutch Curavista (R4): 2 lab results by NHG code; the nitrite stick 'positief' is a coded answer.
    "fhir_ipsviewer_NL_Curavista_01.json": Expected(
        {"diagnoses": 3, "allergies": 2, "medications": 2, "results": 2},
        left_out={"Observation: not a number": 1, "Organization: not a care provider": 1}),
    # Dutch Drimpy (STU3, MedMij zib): 15 medication agreements, 2 repeating another's medicine and start (merged);
    # 5 allergies, 2 repeats (merged). 45 Observations: systolic 120 and diastolic 80 (NHG 1744/1740) twice at
    # one moment: 1 blood pressure (the second merged); a panel of 80/120 is left out (swapped in the file:
    # fixed, it was stored); 11 lab numbers, creatinine and glucose given twice (merged): 9 results. Left out: the
    # 13 HoNOS scores and their panel (category survey in STU3's system: fixed, they were lab results), tobacco,
    # alcohol, drugs, family (several values), text and coded answers ('12,0'), way of life.
    "fhir_ipsviewer_NL_Drimpy_01.json": Expected(
        {"diagnoses": 1, "allergies": 3, "medications": 13, "vaccinations": 1, "readings": 1, "results": 9},
        merged={"medications": 2, "allergies": 2, "readings": 1, "results": 2},
        left_out={"Observation: blood pressure swapped": 1, "Observation: not a number": 6, "Observation: panel": 1,
                  "Observation: questionnaire": 14, "Observation: several values": 7, "Observation: way of life": 1}),
    # Dutch nl-core (R4): 16 conditions (ICD-10-NL and SNOMED CT kept), 4 medicines; readings: a blood pressure,
    # heart rate, temperature, oxygen saturation and a baby's weight (in grams); 6 results (height, head
    # circumference, heart rate at the clinic 8893-0, haemoglobin, haematocrit, sodium). Left out: a
    # hepatitis test 'negatief' (coded), a panel. The devices and consents are not read.
    "fhir_ipsviewer_NL_core_patient_01.json": Expected(
        {"diagnoses": 16, "allergies": 1, "medications": 4, "procedures": 2, "readings": 5, "results": 6},
        left_out={"Observation: not a number": 1, "Observation: panel": 1, "Organization: not a care provider": 1},
        not_read={"DeviceUseStatement": 8, "Device": 8, "Consent": 2}),
    # New Zealand: 'No known allergies' is the statement; the Flag 'Shellfish free diet' an alert in the emergency
    # notes; 70 Observations: 4 readings (2 blood pressure panels, a weight, an HbA1c), 60 results; text answers
    # (a lipid advice, 'Negative') and smoking left out. Contacts: the author and the Patient's next of kin.
    "fhir_ipsviewer_NZ_Peter_Jordan_NNJ9186.json": Expected(
        {"diagnoses": 2, "medications": 3, "contacts": 2, "vaccinations": 8, "readings": 4, "results": 60,
         "alerts": 1},
        statements=frozenset({"allergy"}),
        left_out={"Observation: not a number": 4, "Observation: way of life": 2,
                  "Organization: not a care provider": 2},
        not_read={"DiagnosticReport": 16}),
    # Epic: everything comes in (a resolved condition as resolved; ICD-10-CM kept as such).
    "fhir_ipsviewer_US_Epic_Connectathon_Sept2024.json": Expected(
        {"diagnoses": 4, "allergies": 3, "medications": 2, "vaccinations": 4}),
    # MEDITECH (searchset, resourceType last): a condition entered in error, 11 procedures not done and 2 planned
    # are left out; 2 liver tests 'procedures' repeat another's name, day and codes (merged). A medicine named
    # only by its NDC code comes in under that code (all the file says). The proposal for ibuprofen is a medicine
    # too (active).
    "fhir_ipsviewer_US_MEDITECH_ips_1.json": Expected(
        {"diagnoses": 2, "allergies": 1, "medications": 4, "contacts": 1, "vaccinations": 11, "procedures": 11},
        merged={"procedures": 2},
        left_out={"Condition: refuted or entered in error": 1, "Organization: not a care provider": 2,
                  "Practitioner: not a care provider": 1, "Procedure: not done": 11, "Procedure: planned": 2},
        not_read={"DiagnosticReport": 7}),
    # e-Patient Dave: 37 conditions, 2 repeating another's name and SNOMED CT code (merged); the same name with
    # other codes of the same system stays two (actinic keratosis 95320005 and 201101007; the eye disorder
    # three times). 13 medicine requests, 3 on hold (still medicines).
    "fhir_ipsviewer_US_ePatientDave_medRequest_with_Narrative.json": Expected(
        {"diagnoses": 35, "medications": 13},
        merged={"diagnoses": 2},
        left_out={"Organization: not a care provider": 1}),
    # The XML twin of IPS Bundle-01: the same as its JSON.
    "fhir_xml_hl7ips_IPS-bundle-01.xml": Expected(
        {"diagnoses": 2, "allergies": 1, "medications": 2, "contacts": 2, "readings": 1},
        left_out={"AllergyIntolerance: no known allergy of one kind": 1, "Observation: not a number": 5,
                  "Observation: panel": 1, "Organization: not a care provider": 2}),
    # NDJSON (HL7 PHR style): one of each; the Composition is not valid FHIR (it is only read for its authors, so
    # nothing is lost), smoking status is way of life.
    "phr-ndjson_fasten_JohnDoe.phr": Expected(
        {"diagnoses": 1, "medications": 1, "vaccinations": 1, "procedures": 1, "readings": 1, "results": 1},
        left_out={"Composition: not valid FHIR": 1, "Observation: way of life": 1,
                  "Organization: not a care provider": 1},
        not_read={"DocumentManifest": 1, "Consent": 1, "Communication": 1, "Device": 1, "DiagnosticReport": 1}),
}


def real_world(name: str) -> Path:
    if not REAL_WORLD.exists():
        pytest.skip(f"the real-world FHIR files are not there ({REAL_WORLD}); see SOURCES.md of that folder")
    return REAL_WORLD / name


def test_every_real_world_fhir_file_has_its_counts_here():
    folder = real_world("SOURCES.md").parent
    assert {p.name for p in folder.iterdir() if p.name.startswith(("fhir_", "phr-ndjson"))} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_adds_what_reading_it_says(services, name):
    expected = EXPECTED[name]
    summary = import_bundle(services, real_world(name).read_bytes(), name, other_person=True)
    assert summary.added == expected.added
    assert summary.already_present == expected.merged
    assert _left_out(summary) == expected.left_out
    assert summary.unsupported == expected.not_read
    assert _statements(services) == expected.statements
    assert _held(services) == {section: n for section, n in expected.added.items() if section != "alerts"}
    notes = (services.person.get().emergency_notes or "").splitlines()
    assert len([line for line in notes if f"FHIR: {name}" in line]) == expected.added.get("alerts", 0)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_importing_a_file_again_adds_nothing(services, name):
    data = real_world(name).read_bytes()
    first = import_bundle(services, data, name, other_person=True)
    again = import_bundle(services, data, name, other_person=True)
    assert again.added == {}
    held = set(first.added) | set(first.already_present)
    assert again.already_present == {s: first.added.get(s, 0) + first.already_present.get(s, 0) for s in held}
    assert _held(services) == {s: n for s, n in first.added.items() if s != "alerts"}


def _left_out(summary: FhirImportSummary) -> dict[str, int]:
    """The skipped resources as 'Type: reason' -> how many; a reason not in REASONS is named in full."""
    counts: dict[str, int] = {}
    for line in summary.skipped:
        reason = next((short for short, words in REASONS.items() if words in line), line)
        key = f"{line.split(' ', 1)[0]}: {reason}"
        counts[key] = counts.get(key, 0) + 1
    return counts


def _statements(services) -> frozenset[str]:
    person = services.person
    said = {"allergy": person.allergy_statement(), "medication": person.medication_statement(),
            "problem": person.problem_statement()}
    return frozenset(kind for kind, statement in said.items() if statement == NONE_KNOWN)


def _held(services) -> dict[str, int]:
    """What the record holds per section, readings of catalogue measures and lab results apart (0s left out)."""
    held = {section: getattr(services, service).count() for section, service in SECTIONS.items()}
    labs = {measure.key for measure in services.lab_results.lab_measures()}
    counts = services.readings.counts()
    held["readings"] = sum(n for key, n in counts.items() if key not in labs)
    held["results"] = sum(n for key, n in counts.items() if key in labs)
    return {section: n for section, n in held.items() if n}
