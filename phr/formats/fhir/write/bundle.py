"""The record as an HL7 FHIR International Patient Summary (IPS): a document Bundle.

Built as plain JSON-ready dicts and then checked with the `fhir.resources` models of
FHIR R4B (`fhir.resources.R4B`), so a bundle that breaks the FHIR rules fails here, in
the export, not at the receiver. Why R4B: the library's default models are FHIR R5,
while IPS is published for FHIR R4; R4B is the maintained R4-family model set in the
library, and the resources used here (Composition, Patient, Condition,
MedicationStatement, AllergyIntolerance, Immunization, Procedure, Observation, Flag, CarePlan, Goal,
CareTeam, Practitioner, Organization) are the same in R4 and R4B.

The first entry is the Composition (LOINC 60591-5 "Patient summary Document"), then the
Patient, then the resources of each section in IPS order (problems, allergies, medications,
immunizations, procedures, results, alerts, vital signs, plan of care, care team). Every fullUrl is
a uuid5 of the entry's uid, so exporting the same record again gives the same urls.
What goes in is described in docs/fhir.md.
"""

import json
from datetime import datetime
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from phr.formats.fhir import codes as codes
from phr.formats.fhir.write import alerts as fhir_alerts
from phr.formats.fhir.write import care as fhir_care
from phr.formats.fhir.write import clinical as fhir_clinical
from phr.formats.fhir.write import history as fhir_history
from phr.formats.fhir.write import observations as fhir_observations
from phr.formats.fhir.write import patient as fhir_patient
from phr.formats.fhir.write.context import FhirContext, Section
from phr.formats.fhir.write.narrative import FhirWords
from phr.storage.atomic import write_atomic


class InvalidFhirExport(ValueError):
    """The bundle broke a FHIR rule. The message names the place, never a value from the record."""


def build_bundle(services, language: str = "nl", now: datetime | None = None) -> dict:
    """The IPS document bundle of the record, checked against the FHIR R4B models."""
    now = (now or datetime.now().astimezone()).replace(microsecond=0)
    if now.tzinfo is None:
        now = now.astimezone()
    details = services.person.get()
    patient_url = codes.full_url("patient", f"{details.name}|{details.birth_date}")
    context = FhirContext(services, FhirWords(language), now, patient_url)
    patient = fhir_patient.patient(context)
    sections = _sections(context)
    composition = _composition(context, sections, details.name)
    stamp = now.isoformat(timespec="seconds")
    bundle = {
        "resourceType": "Bundle",
        "meta": {"profile": [codes.IPS_BUNDLE_PROFILE]},
        "identifier": {"system": codes.DOCUMENT_ID_SYSTEM, "value": codes.full_url("bundle", f"{patient_url}|{stamp}")},
        "type": "document",
        "timestamp": stamp,
        "entry": [{"fullUrl": codes.full_url("composition", f"{patient_url}|{stamp}"), "resource": composition},
                  {"fullUrl": patient_url, "resource": patient}]
                 + [{"fullUrl": url, "resource": resource} for section in sections for url, resource in section.entries],
    }
    validate(bundle)
    return bundle


def _sections(context: FhirContext) -> list[Section]:
    # IPS 2.0 order, as the overview PDF (docs/pdf-exports.md): problems, allergies, medicines, vaccinations,
    # procedures, results, plan, team (vaccinations and procedures only when the record holds some);
    # the Alerts come where the IPS Composition lists them: after the results, before the vital signs.
    found: list[Section | None] = [fhir_clinical.problems(context), fhir_clinical.allergies(context),
                                   fhir_clinical.medications(context), fhir_history.vaccinations(context),
                                   fhir_history.procedures(context)]
    observed = fhir_observations.results(context)
    found += [section for section in observed if section.key == "results"] + [fhir_alerts.alerts(context)]
    found += [section for section in observed if section.key != "results"]
    found += [fhir_care.plan_of_care(context), fhir_care.care_team(context)]
    return [section for section in found if section is not None]


def _composition(context: FhirContext, sections: list[Section], name: str) -> dict:
    w = context.words
    return {
        "resourceType": "Composition",
        "language": w.language,  # of the narratives and the words Regie adds; the person's own are in text-language
        "status": "final",
        "type": codes.concept(codes.LOINC, codes.PATIENT_SUMMARY, "Patient summary Document"),
        "subject": context.subject,
        "date": context.now.isoformat(timespec="seconds"),
        "author": [context.subject],  # the person keeps this record and made the summary
        "title": w("Patient summary of {name}", name=name) if name else w("Patient summary"),
        "section": [_section(section) for section in sections],
    }


def _section(section: Section) -> dict:
    code, display = codes.SECTIONS[section.key]
    return {
        "title": section.title,
        "code": codes.concept(codes.LOINC, code, display),
        "text": section.text,
        "entry": [{"reference": url} for url, _ in section.entries],
    }


def validate(bundle: dict) -> None:
    """Raise InvalidFhirExport if the FHIR R4B models refuse the bundle."""
    try:
        Bundle.model_validate(bundle)
    except ValidationError as error:
        # Only the places, never the input values: those are health data.
        places = sorted({".".join(str(part) for part in problem["loc"]) for problem in error.errors()})[:5]
        raise InvalidFhirExport("The FHIR bundle is not valid at: " + ", ".join(places)) from None


def dumps(bundle: dict) -> bytes:
    return json.dumps(bundle, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def write_export(services, path: Path, language: str = "nl", now: datetime | None = None) -> None:
    """Write the bundle atomically, readable only by the user. This file is NOT encrypted."""
    write_atomic(Path(path), dumps(build_bundle(services, language, now)))
