"""What a FHIR import did, in words: per part of the record what was added and what the record held already,
then everything that was not taken, with why. `phr import` prints these lines; the app shows them as the
details of its summary (its counts it says in the app's own words)."""

import re

from phr.formats.fhir.read.bundle import FhirImportSummary

# What a kind of FHIR resource Regie does not read holds, in a patient's words.
NOT_READ = {"Encounter": "visits and admissions",
            "DiagnosticReport": "test reports", "DocumentReference": "documents", "Device": "devices",
            "Consent": "consents and advance directives", "Claim": "insurance claims",
            "ExplanationOfBenefit": "insurance claims", "Coverage": "insurance cover",
            "Provenance": "notes on where data came from", "PractitionerRole": "care providers' roles",
            "Location": "places of care", "ImagingStudy": "scans", "ServiceRequest": "referrals and orders",
            "Communication": "messages", "DocumentManifest": "lists of documents",
            "MedicationAdministration": "doses given", "MedicationDispense": "medicines handed out",
            "QuestionnaireResponse": "filled-in questionnaires", "FamilyMemberHistory": "family history",
            "RelatedPerson": "people close to the patient", "Specimen": "samples", "Media": "pictures",
            "SupplyDelivery": "deliveries", "ClinicalImpression": "assessments", "RiskAssessment": "risks"}
PERSON_FIELDS = {"name": "name", "birth_date": "birth date", "sex": "sex", "text_language": "language of the texts",
                 "emergency_notes": "emergency notes"}
# The file's statement that there is nothing to list, taken over by the record.
# A part of the summary named in the words of the command line (a lab result is a reading of a lab measure).
PARTS = {"results": "lab results"}
STATEMENTS = {"allergy_statement": "allergies: 'no known allergies' taken over",
              "medication_statement": "medications: 'no known medicines' taken over",
              "problem_statement": "diagnoses: 'no known problems' taken over"}


def summary_lines(summary: FhirImportSummary) -> list[str]:
    """Per section what was added and what the record held already; then everything that was not taken, with
    why: nothing is left out without a word."""
    lines = [f"{PARTS.get(section, section)}: {summary.added.get(section, 0)} added, "
             f"{summary.already_present.get(section, 0)} already present"
             for section in sorted(set(summary.added) | set(summary.already_present))]
    details = [PERSON_FIELDS.get(f, f) for f in summary.person_filled if f not in STATEMENTS]
    if details:
        lines.append("person: filled in " + ", ".join(details))
    statements = [f for f in summary.person_filled if f in STATEMENTS]
    if summary.no_known_allergies and "allergy_statement" not in statements:
        statements.insert(0, "allergy_statement")
    lines += [STATEMENTS[f] for f in statements]
    for kind, count in sorted(summary.unsupported.items()):
        what = f" ({NOT_READ[kind]})" if kind in NOT_READ else ""
        lines.append(f"not read: {count} x {kind}{what}: Regie does not keep these from FHIR files")
    for why, count in sorted(summary.left_out.items()):
        lines.append(f"left out: {count} {why}")
    return lines + [f"skipped: {line}" for line in _grouped(summary.skipped)]


def _grouped(reasons: list[str]) -> list[str]:
    """The same reason for several entries once, with their places: '3 x Condition: not valid FHIR (onset)
    (entries 4, 9, 12)'."""
    places: dict[str, list[str]] = {}
    for reason in reasons:
        number = re.search(r" \(entry (\d+)\)", reason)
        places.setdefault(reason.replace(number.group(0), "") if number else reason, []).append(
            number.group(1) if number else "")
    lines = []
    for reason, numbers in places.items():
        shown = [n for n in numbers if n]
        more = ", ..." if len(shown) > 10 else ""
        where = f" (entr{'y' if len(shown) == 1 else 'ies'} {', '.join(shown[:10])}{more})" if shown else ""
        lines.append(f"{len(numbers)} x {reason}{where}")
    return lines
