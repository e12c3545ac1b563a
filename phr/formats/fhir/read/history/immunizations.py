"""Immunization -> a vaccination: the vaccine (every coding kept: CVX, ATC, SNOMED CT, the Dutch zib codes),
the day, which dose of a series, against what, who gave it, the batch number and the notes.

Never an entry: a vaccination the file says was not given (status not-done; STU3 notGiven, turned into
not-done by stu3_convert.py), one entered in error, and the statements that no vaccinations are known or that
nothing is known about them (IPS no-immunization-info / no-known-immunizations, SNOMED CT 787482006 "No known
immunizations" and 401179006 "No previous immunizations"): each is left out with the reason, which the import
summary shows.
"""

from phr.formats.fhir.read.resources import negation
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.datatypes import codes_of, codings_of, day, notes, person_name, text_of
from phr.formats.fhir.read.resources.found import FoundEntry, Resource, Section, Unusable, found_entry
from phr.record.history.vaccinations import MAX_DOSE_NUMBER, Vaccination

KINDS = ("Immunization",)
VACCINATIONS = Section("vaccinations", ("vaccine", "given_on", "codes"), lambda services: services.vaccinations)
NO_KNOWN = {(negation.SNOMED, "787482006"), (negation.SNOMED, "401179006")}
MAX_TEXT = 500


def read(resource: Resource, url: str, bundle: BundleIndex) -> FoundEntry:
    concept = resource.get("vaccineCode")
    if negation.kind_of(concept) or set(codes_of(concept)) & NO_KNOWN:
        raise Unusable("it says that no vaccinations are known, or that nothing is known about them; that is "
                       "no vaccination, so Regie added none")
    if resource.get("status") == "not-done":
        raise Unusable("it says the vaccination was not given")
    if resource.get("status") == "entered-in-error":
        raise Unusable("it is marked as entered in error")
    vaccine = text_of(concept)
    if not vaccine:
        raise Unusable("it names no vaccine")
    protocols = [p for p in resource.get("protocolApplied") or [] if isinstance(p, dict)]
    against = "; ".join(dict.fromkeys(text_of(t) for p in protocols for t in p.get("targetDisease") or []
                                      if text_of(t)))
    item = Vaccination(vaccine=vaccine[:MAX_TEXT], given_on=day(resource.get("occurrenceDateTime")
                                                               or resource.get("occurrenceString")),
                       dose_number=_dose(protocols[0]) if protocols else None, against=against[:MAX_TEXT],
                       given_by=given_by(resource, bundle)[:MAX_TEXT], lot_number=(resource.get("lotNumber") or "")
                       .strip()[:MAX_TEXT], notes=notes(resource), codes=codings_of(concept))
    return found_entry(VACCINATIONS, item, resource, url)


def _dose(protocol: Resource) -> int | None:
    """Which dose of the series: a whole number from 1 to MAX_DOSE_NUMBER, also when written as text ('2')."""
    number = protocol.get("doseNumberPositiveInt")
    if number is None and str(protocol.get("doseNumberString") or "").strip().isdigit():
        number = int(str(protocol["doseNumberString"]).strip())
    return number if isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= MAX_DOSE_NUMBER \
        else None


def given_by(resource: Resource, bundle: BundleIndex) -> str:
    """Who did it (the performers' names as the file gives them or as their resources say), else where."""
    names = [name_of(p.get("actor"), resource, bundle) for p in resource.get("performer") or [] if isinstance(p, dict)]
    names = [name for name in names if name]
    return ", ".join(dict.fromkeys(names)) or name_of(resource.get("location"), resource, bundle)


def name_of(reference: object, holder: Resource, bundle: BundleIndex) -> str:
    """A reference's display, else the name of the Practitioner, Organization or Location it points to."""
    if not isinstance(reference, dict):
        return ""
    if (reference.get("display") or "").strip():
        return reference["display"].strip()
    target = bundle.referenced(holder, reference.get("reference") or "") if reference.get("reference") else None
    if target is None:
        return ""
    if target.get("resourceType") == "Practitioner":
        return person_name(target.get("name"))
    name = target.get("name")
    return name.strip() if isinstance(name, str) else ""
