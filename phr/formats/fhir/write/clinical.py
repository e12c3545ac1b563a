"""The three sections IPS requires: problems, medications, allergies.

A required section the record holds nothing for gets one resource coded with the IPS
'absent or unknown' codes (no-problem-info, ...), as IPS asks; 'no known allergies',
when the person stated it, is the SNOMED CT statement 716186003, and 'no known medicines' and
'no known diagnoses' the resources of absent.py. Every code a diagnosis, medicine or allergy
came in with goes out again as it came (an ICD-10-CM code as ICD-10-CM: codes_of). A diagnosis's and a
medicine's name is the concept's text, its English name (when the record has one) the
standard translation extension of that text. The Orphanet coding's display is Orphanet's own English
name from the offline list (none when the list does not know the code): the record's English name is the
person's (e.g. 'Carrier of cystic fibrosis (CFTR)' for ORPHA:586), not Orphanet's.
A diagnosis points to who treats it, who found it and its expertise centre with Regie's
extensions, and carries its emergency guideline as a note (its other emergency
information is in the Alerts section, see alerts.py).
"""

from phr.core.vocabulary import AllergyKind, Criticality, DiagnosisStatus, Severity
from phr.formats.fhir import codes as codes
from phr.formats.fhir.write import absent
from phr.formats.fhir.write import dosage as fhir_dosage
from phr.formats.fhir.write.care import has_own_resource
from phr.formats.fhir.write.context import FhirContext, Section, identifier, without_empty
from phr.formats.fhir.write.narrative import joined, narrative, paragraph, table
from phr.record import codings, person
from phr.record import medications as medication_rules
from phr.record.codings import Codings
from phr.record.diagnoses import Diagnosis
from phr.reference import orphanet
from phr.words.vocabulary import label_of

CLINICAL = {"confirmed": "active", "suspected": "active", "carrier": "active", "resolved": "resolved"}
VERIFICATION = {"confirmed": "confirmed", "suspected": "provisional", "carrier": "confirmed", "resolved": "confirmed"}


# --- problems ---------------------------------------------------------------------------------

def problems(context: FhirContext) -> Section:
    w = context.words
    entries, rows = [], []
    for diagnosis in context.services.diagnoses.all():
        entries.append((context.url_of("diagnoses", diagnosis), condition(context, diagnosis)))
        codes_text = joined(f"ORPHA:{diagnosis.orpha_code}" if diagnosis.orpha_code else "",
                            f"{codings.icd10_name(diagnosis.codes, diagnosis.icd10)} {diagnosis.icd10}"
                            if diagnosis.icd10 else "", separator=", ")
        rows.append([shown_name(context, diagnosis.name, diagnosis.name_en), codes_text,
                     label_of(w, DiagnosisStatus, diagnosis.status, in_sentence=True), w.date(diagnosis.diagnosed_on),
                     genetic_details(context, diagnosis)])
    title = w("Problems and diagnoses")
    none_known = context.services.person.problem_statement() == person.NONE_KNOWN
    if not entries and not none_known:
        return absent.no_information(context, "problems", title)
    header = [w("Diagnosis"), w("Codes"), w("Status"), w("Since"), w("Genetic details")]
    said = paragraph(w("No known diagnoses.")) if none_known else ""
    text = narrative(said, table(header, rows) if rows else "")
    return Section("problems", title, text, ([absent.no_known_problems(context)] if none_known else []) + entries)


def shown_name(context: FhirContext, name: str, name_en: str) -> str:
    """A name in a narrative: in English the English name, with the record's own after it when they differ."""
    if context.words.language != "en" or not name_en or name_en == name:
        return name
    return f"{name_en} ({name})"


def orphanet_display(code: int) -> str:
    """Orphanet's English name for an ORPHAcode, as its coding's display ('' when the offline list does not
    know it, or cannot be read here: a display must be the code system's own name or none)."""
    try:
        orphanet.load(apart=True)  # the first time: in a process of its own, so an app window never waits on it
        return orphanet.english_name(code) or ""
    except (ImportError, OSError):
        return ""


def codes_of(kept: Codings, own: list[dict[str, str]] | None = None) -> list[dict[str, str]]:
    """A concept's codings: the entry's own (from its ORPHAcode and ICD-10 fields), each replaced by the file's
    coding of the same code when the entry came with one (its system, ICD-10-CM say, and display stand), then
    every other code it came with, as it came."""
    found, used = [], set()
    for coding in own or []:
        same = next((c for c in kept if _same_code(c, coding) and c not in used), None)
        if same is not None:
            used.add(same)
        found.append(codes.coding(same.system, same.code, same.display) if same else coding)
    return found + [codes.coding(c.system, c.code, c.display) for c in kept if c not in used]


def _same_code(kept: codings.Coding, own: dict[str, str]) -> bool:
    family = codings.is_icd10 if codings.is_icd10(own["system"]) else codings.is_orphanet
    return family(kept.system) and kept.code.upper() == own["code"].upper()


def condition(context: FhirContext, diagnosis: Diagnosis) -> dict:
    own = [codes.coding(codes.ORPHANET, str(diagnosis.orpha_code), orphanet_display(diagnosis.orpha_code))] \
        if diagnosis.orpha_code else []
    if diagnosis.icd10:
        own.append(codes.coding(codes.ICD10, diagnosis.icd10))
    code = codes_of(diagnosis.codes, own)
    return without_empty({
        "resourceType": "Condition",
        "extension": [{"url": codes.DIAGNOSIS_STATUS, "valueCode": diagnosis.status}] + _links(context, diagnosis),
        "identifier": identifier(diagnosis.uid),
        "clinicalStatus": codes.concept(codes.CONDITION_CLINICAL, CLINICAL[diagnosis.status]),
        "verificationStatus": codes.concept(codes.CONDITION_VERIFICATION, VERIFICATION[diagnosis.status]),
        "category": [codes.concept(codes.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")],
        "code": {"coding": code, **codes.named(diagnosis.name, diagnosis.name_en)},
        "subject": context.subject,
        "onsetDateTime": diagnosis.diagnosed_on,
        "note": [codes.generated_note(text) for text in (_carrier_note(context, diagnosis),
                                                         genetic_details(context, diagnosis)) if text]
        + _guideline_note(context, diagnosis) + ([{"text": diagnosis.notes}] if diagnosis.notes else []),
    })


def _links(context: FhirContext, diagnosis: Diagnosis) -> list[dict]:
    """Who treats the diagnosis, who found it, its expertise centre: each a reference to the contact's resource."""
    found = []
    for name, url in codes.CONDITION_LINKS.items():
        contact = context.services.care_team.get(getattr(diagnosis, name)) if getattr(diagnosis, name) else None
        if contact is not None and contact.uid and has_own_resource(contact):
            found.append({"url": url, "valueReference": {"reference": codes.full_url("contacts", contact.uid),
                                                         "display": contact.name}})
    return found


def _guideline_note(context: FhirContext, diagnosis: Diagnosis) -> list[dict]:
    if not diagnosis.emergency_guideline:
        return []
    note = codes.generated_note(context.words("Emergency guideline: {url}", url=diagnosis.emergency_guideline))
    note["extension"].append({"url": codes.EMERGENCY_GUIDELINE, "valueUrl": diagnosis.emergency_guideline})
    return [note]


def _carrier_note(context: FhirContext, diagnosis) -> str:
    w = context.words
    return w("Carrier status: the person carries the variant, usually without symptoms.") \
        if diagnosis.status == "carrier" else ""


def genetic_details(context: FhirContext, diagnosis) -> str:
    w = context.words
    if not diagnosis.has_genetic_details:
        return ""
    zygosity = diagnosis.zygosity.replace("_", " ") if diagnosis.zygosity not in ("", "unknown") else ""
    return joined(w("gene {gene}", gene=diagnosis.gene) if diagnosis.gene else "",
                  joined(diagnosis.variant, f"({zygosity})" if zygosity else "", separator=" "),
                  w("tested by {lab}", lab=diagnosis.genetic_lab) if diagnosis.genetic_lab else "",
                  w("tested {date}", date=w.date(diagnosis.genetic_test_date)) if diagnosis.genetic_test_date else "")


# --- medications ------------------------------------------------------------------------------

def medications(context: FhirContext) -> Section:
    w = context.words
    entries, rows = [], []
    for medication in context.services.medications.all():
        current = medication_rules.is_current(medication, context.today)
        entries.append((context.url_of("medications", medication), medication_statement(context, medication,
                                                                                        current)))
        rows.append([shown_name(context, medication.name, medication.name_en),
                     fhir_dosage.in_words(context, medication), w.date(medication.start_date),
                     w.date(medication.stop_date), w("in use") if current else w("stopped")])
    title = w("Medications")
    none_known = context.services.person.medication_statement(context.today) == person.NONE_KNOWN
    if not entries and not none_known:
        return absent.no_information(context, "medications", title)
    header = [w("Medicine"), w("Dose"), w("Started"), w("Stopped"), w("Status")]
    said = paragraph(w("No known medicines.")) if none_known else ""
    text = narrative(said, table(header, rows) if rows else "")
    return Section("medications", title, text, ([absent.no_known_medications(context)] if none_known else [])
                   + entries)


def medication_statement(context: FhirContext, medication, current: bool) -> dict:
    return without_empty({
        "resourceType": "MedicationStatement",
        "identifier": identifier(medication.uid),
        "status": "active" if current else "completed",  # completed without an end: ended, the day not known
        "statusReason": [{"text": medication.stop_reason}] if medication.stop_reason else [],
        "medicationCodeableConcept": {"coding": codes_of(medication.codes),
                                      **codes.named(medication.name, medication.name_en)},
        "subject": context.subject,
        "effectivePeriod": {"start": medication.start_date, "end": medication.stop_date},
        "reasonReference": [context.reference("diagnoses", medication.reason_id)],
        "note": [{"text": medication.notes}] if medication.notes else [],
        "dosage": fhir_dosage.dosage(context, medication),
    })


# --- allergies --------------------------------------------------------------------------------

def allergies(context: FhirContext) -> Section:
    w = context.words
    title = w("Allergies and intolerances")
    statement = context.services.person.allergy_statement()
    if statement == person.NONE_KNOWN:
        resource = _allergy_base(context, codes.concept(codes.SNOMED, codes.NO_KNOWN_ALLERGY,
                                                        "No known allergy (situation)", w("No known allergies")))
        text = narrative(paragraph(w("No known allergies.")))
        return Section("allergies", title, text, [(codes.full_url("no-known-allergies", context.patient_url),
                                                   resource)])
    if statement == person.UNKNOWN:
        return absent.no_information(context, "allergies", title, _allergy_base(context, {}))
    entries, rows = [], []
    for allergy in context.services.allergies.all():
        entries.append((context.url_of("allergies", allergy), allergy_intolerance(context, allergy)))
        kind = label_of(w, AllergyKind, allergy.kind, in_sentence=True)
        unknown = allergy.severity == Severity.UNKNOWN  # the narrative leaves it out rather than say 'not known'
        severity = joined("" if unknown else label_of(w, Severity, allergy.severity, in_sentence=True),
                          label_of(w, Criticality, allergy.criticality, in_sentence=True), separator=", ")
        rows.append([allergy.substance, kind, allergy.reaction, severity, w.date(allergy.noted_on)])
    header = [w("Substance"), w("Kind"), w("Reaction"), w("Severity"), w("Noted")]
    return Section("allergies", title, narrative(table(header, rows)), entries)


def _allergy_base(context: FhirContext, code: dict) -> dict:
    return {
        "resourceType": "AllergyIntolerance",
        "clinicalStatus": codes.concept(codes.ALLERGY_CLINICAL, "active"),
        "verificationStatus": codes.concept(codes.ALLERGY_VERIFICATION, "confirmed"),
        "code": code,
        "patient": context.subject,
    }


def allergy_intolerance(context: FhirContext, allergy) -> dict:
    resource = _allergy_base(context, {"coding": codes_of(allergy.codes), "text": allergy.substance})
    reaction = {"manifestation": [{"text": allergy.reaction}],
                "severity": allergy.severity if allergy.severity != "unknown" else ""} if allergy.reaction else {}
    resource.update(identifier=identifier(allergy.uid), type=allergy.kind, recordedDate=allergy.noted_on,
                    criticality=(allergy.criticality or "").replace("_", "-"),  # FHIR's unable-to-assess
                    reaction=[reaction], note=[{"text": allergy.notes}] if allergy.notes else [])
    return without_empty(resource)
