"""The person's history: vaccinations as Immunizations, operations and other procedures as Procedures.

Each goes in its own IPS section (History of Immunizations 11369-6, History of Procedures 47519-4), and only
when the record holds some: IPS recommends these sections, it does not require them, so an empty one is left
out rather than filled with 'no information'. Every code an entry came with goes out again as it came (CVX,
ATC, SNOMED CT, ...), its name as the concept's text. A partial date ('1998', '2021-05') is a FHIR dateTime as
it is; a missing one is said in words for an Immunization (FHIR requires its date: occurrenceString) and
marked with the data-absent-reason extension for a Procedure (IPS requires its date). Who gave a vaccine and
where a procedure was done are known only as words, so they go as a reference's display, with no resource of
their own.
"""

from phr.formats.fhir import codes as codes
from phr.formats.fhir.write.clinical import codes_of
from phr.formats.fhir.write.context import FhirContext, Section, identifier, without_empty
from phr.formats.fhir.write.narrative import narrative, table
from phr.record.history.procedures import Procedure
from phr.record.history.vaccinations import Vaccination

UNKNOWN_DATE = {"extension": [{"url": codes.DATA_ABSENT, "valueCode": "unknown"}]}


def _performed(value: str) -> dict:
    """A procedure's date, or the mark that it is not known (IPS requires one or the other)."""
    return {"performedDateTime": value} if value else {"_performedDateTime": UNKNOWN_DATE}


def _notes(text: str) -> list[dict]:
    return [{"text": text}] if text.strip() else []


# --- vaccinations -----------------------------------------------------------------------------

def vaccinations(context: FhirContext) -> Section | None:
    w = context.words
    entries, rows = [], []
    for vaccination in context.services.vaccinations.all():
        entries.append((context.url_of("vaccinations", vaccination), immunization(context, vaccination)))
        rows.append([vaccination.vaccine, w.date(vaccination.given_on),
                     str(vaccination.dose_number) if vaccination.dose_number else "", vaccination.against,
                     vaccination.given_by])
    if not entries:
        return None
    header = [w("Vaccine"), w("Date"), w("Dose"), w("Against"), w("Given by")]
    return Section("immunizations", w("Vaccinations"), narrative(table(header, rows)), entries)


def immunization(context: FhirContext, vaccination: Vaccination) -> dict:
    return without_empty({
        "resourceType": "Immunization",
        "identifier": identifier(vaccination.uid),
        "status": "completed",
        "vaccineCode": {"coding": codes_of(vaccination.codes), "text": vaccination.vaccine},
        "patient": context.subject,
        # The R4 models take no date made only of its absent reason here: the words say the date is not known.
        **({"occurrenceDateTime": vaccination.given_on} if vaccination.given_on
           else {"occurrenceString": context.words("date not known")}),
        "lotNumber": vaccination.lot_number,
        "performer": [{"actor": {"display": vaccination.given_by}}] if vaccination.given_by.strip() else [],
        "note": _notes(vaccination.notes),
        "protocolApplied": _protocol(context, vaccination),
    })


def _protocol(context: FhirContext, vaccination: Vaccination) -> list[dict]:
    """Which dose of a series, against what. R4 requires a dose number here; when only the disease is known,
    the dose says in words that its number is not known."""
    if vaccination.dose_number is None and not vaccination.against.strip():
        return []
    dose = ({"doseNumberPositiveInt": vaccination.dose_number} if vaccination.dose_number is not None
            else {"doseNumberString": context.words("dose number not known")})
    return [{**dose, "targetDisease": [{"text": vaccination.against}] if vaccination.against.strip() else []}]


# --- procedures -------------------------------------------------------------------------------

def procedures(context: FhirContext) -> Section | None:
    w = context.words
    entries, rows = [], []
    for procedure in context.services.procedures.all():
        entries.append((context.url_of("procedures", procedure), procedure_resource(context, procedure)))
        rows.append([procedure.name, w.date(procedure.performed_on), procedure.body_site, procedure.place,
                     procedure.notes])
    if not entries:
        return None
    header = [w("Operation or procedure"), w("Date"), w("Part of the body"), w("Where"), w("Notes")]
    return Section("procedures", w("Operations and procedures"), narrative(table(header, rows)), entries)


def procedure_resource(context: FhirContext, procedure: Procedure) -> dict:
    return without_empty({
        "resourceType": "Procedure",
        "identifier": identifier(procedure.uid),
        "status": "completed",
        "code": {"coding": codes_of(procedure.codes), "text": procedure.name},
        "subject": context.subject,
        **_performed(procedure.performed_on),
        "location": {"display": procedure.place} if procedure.place.strip() else {},
        "bodySite": [{"text": procedure.body_site}] if procedure.body_site.strip() else [],
        "note": _notes(procedure.notes),
    })
