"""Procedure -> a procedure or operation: what was done (every coding kept), when, where, on which part of the
body, and the notes.

Never an entry: a procedure the file says was not done (status not-done; STU3 notDone), one entered in error,
one that is only being prepared (planned, not done yet), and the statements that no procedures are known or
that nothing is known about them (IPS no-procedure-info / no-known-procedures): each is left out with the
reason, which the import summary shows. Where: the location's name, else the organisation a performer acted
for.
"""

from phr.formats.fhir.read.history.immunizations import name_of
from phr.formats.fhir.read.resources import negation
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.datatypes import codings_of, day, notes, text_of
from phr.formats.fhir.read.resources.found import FoundEntry, Resource, Section, Unusable, found_entry
from phr.record.history.procedures import Procedure

KINDS = ("Procedure",)
PROCEDURES = Section("procedures", ("name", "performed_on", "codes"), lambda services: services.procedures)
NOT_DONE = {"not-done": "it says the procedure was not done", "entered-in-error": "it is marked as entered in error",
            "preparation": "it is being prepared: planned, not done yet"}
MAX_TEXT = 500


def read(resource: Resource, url: str, bundle: BundleIndex) -> FoundEntry:
    concept = resource.get("code")
    if negation.kind_of(concept):
        raise Unusable("it says that no procedures are known, or that nothing is known about them; that is no "
                       "procedure, so Regie added none")
    if resource.get("status") in NOT_DONE:
        raise Unusable(NOT_DONE[resource["status"]])
    name = text_of(concept)
    if not name:
        raise Unusable("it names no procedure")
    performed = resource.get("performedDateTime") or (resource.get("performedPeriod") or {}).get("start") \
        or resource.get("performedString")
    sites = "; ".join(dict.fromkeys(text_of(s) for s in resource.get("bodySite") or [] if text_of(s)))
    item = Procedure(name=name[:MAX_TEXT], performed_on=day(performed), place=_place(resource, bundle)[:MAX_TEXT],
                     body_site=sites[:MAX_TEXT], notes=notes(resource), codes=codings_of(concept))
    return found_entry(PROCEDURES, item, resource, url)


def _place(resource: Resource, bundle: BundleIndex) -> str:
    where = name_of(resource.get("location"), resource, bundle)
    if where:
        return where
    return next((name for p in resource.get("performer") or [] if isinstance(p, dict)
                 for name in [name_of(p.get("onBehalfOf"), resource, bundle)] if name), "")
