"""The second half of the FHIR import: what the file holds, planned, then written.

The caller holds the one transaction; every write here goes through the repositories
with the section's own rules checked first, as when typed in. An entry that breaks
those rules is skipped with the reason; the rest is imported.
"""

from dataclasses import dataclass, field, replace

from phr.core import partial_date
from phr.core.clock import utc_now
from phr.formats.fhir.read import mapping as mapping
from phr.record.person import LISTED, NONE_KNOWN
from phr.storage.repos import tables
from phr.storage.repos.entries import EntryRepository, Stamp, was_purged
from phr.storage.repos.people import PersonDetailsRepository

ORDER = ("diagnoses", "contacts", "medications", "allergies", "goals")  # links point at earlier sections


@dataclass
class Plan:
    patient: dict | None = None                                 # what the first Patient offers (person_details)
    no_known_allergies: bool = False
    entries: list[mapping.Planned] = field(default_factory=list)
    _aliases: dict[str, str] = field(default_factory=dict)      # reference text -> fullUrl
    _resources: dict[str, dict] = field(default_factory=dict)   # fullUrl -> resource
    _participants: dict[str, dict] = field(default_factory=dict)  # member fullUrl -> CareTeam participant

    def remember(self, url: str, resource: dict) -> None:
        """First pass: every resource by the ways others may refer to it."""
        self._resources[url] = resource
        self._aliases[url] = url
        if resource.get("id"):
            self._aliases[f"{resource['resourceType']}/{resource['id']}"] = url
        for participant in resource.get("participant") or [] if resource["resourceType"] == "CareTeam" else []:
            member = (participant.get("member") or {}).get("reference")
            if member:
                self._participants.setdefault(member, participant)

    def resolve(self, reference: str | None) -> str | None:
        return self._aliases.get(reference or "")

    def add(self, url: str, resource: dict, kind: str) -> None:
        """Second pass: a resource as the entry it becomes (or the statement it makes)."""
        planned = None
        if kind == "Patient":
            self.patient = self.patient or mapping.person_details(resource)
        elif kind == "Condition":
            planned = mapping.diagnosis(resource, url)
        elif kind in ("MedicationStatement", "MedicationRequest"):
            medicines = {ref: self._resources[target] for ref, target in self._aliases.items()}
            planned = mapping.medication(resource, url, medicines)
        elif kind == "AllergyIntolerance":
            planned = mapping.allergy(resource, url)
            self.no_known_allergies |= planned is None and mapping.states_no_known_allergies(resource)
        elif kind == "Goal":
            planned = mapping.goal(resource, url)
        elif kind in ("Practitioner", "Organization"):
            planned = mapping.contact(resource, url, self._participant_of(url, resource), self._organisations())
        if planned is not None:
            self.entries.append(planned)

    def _participant_of(self, url: str, resource: dict) -> dict | None:
        names = [url] + ([f"{resource['resourceType']}/{resource['id']}"] if resource.get("id") else [])
        return next((self._participants[name] for name in names if name in self._participants), None)

    def _organisations(self) -> dict[str, dict]:
        return {ref: self._resources[url] for ref, url in self._aliases.items()
                if self._resources[url].get("resourceType") == "Organization"}


class Writer:
    def __init__(self, services, file_name: str, summary):
        self._services = services
        self._db = services.session.db
        self._stamp = Stamp(services.session.author.id, utc_now(), "fhir_import", file_name or None)
        self._summary = summary
        self._ids: dict[str, int] = {}  # fullUrl -> id of the entry it became (or already was)
        self._sections = {"diagnoses": services.diagnoses, "contacts": services.care_team,
                          "medications": services.medications, "allergies": services.allergies,
                          "goals": services.care_plan}

    def write(self, plan: Plan) -> None:
        self._person(plan.patient)
        for table in ORDER:
            known = {mapping.natural_key(table, item): item.id for item in self._sections[table].all()}
            for planned in (p for p in plan.entries if p.table == table):
                self._entry(planned, known, plan)
        if plan.no_known_allergies:
            self._no_known_allergies()

    def _person(self, offered: dict | None) -> None:
        """Fill in what the record does not know yet; what it knows stays."""
        if not offered:
            return
        repo = PersonDetailsRepository(self._db)
        current = repo.details()
        missing = {name: value for name, value in offered.items()
                   if value and (not current[name] or current[name] == "unknown")}
        if missing.get("birth_date") and partial_date.normalise_or_none(missing["birth_date"]) is None:
            missing.pop("birth_date")
        if missing:
            repo.update(missing, self._stamp.author_id, self._stamp.now)
            self._summary.person_filled = sorted(missing)

    def _entry(self, planned: mapping.Planned, known: dict, plan: Plan) -> None:
        service = self._sections[planned.table]
        repo = EntryRepository(self._db, service.table)
        planned = self._with_free_uid(planned, service.table)
        existing = repo.id_of_uid(planned.uid)
        if existing is None and not was_purged(self._db, planned.uid):
            existing = known.get(planned.key)
        elif existing is None:  # deleted in this record on purpose: it stays deleted
            existing = -1
        if existing is not None:
            self._ids[planned.url] = existing
            _count(self._summary.already_present, planned.table)
            return
        errors = service.validate(planned.item)
        if errors:
            problems = ", ".join(f"{e.field} ({e.problem})" for e in errors)
            self._summary.skipped.append(f"{planned.table}: an entry breaks Regie's rules: {problems}")
            return
        item = replace(planned.item, **self._links(planned, plan))
        item_id = repo.insert(service.to_values(item), self._stamp, uid=planned.uid)
        if planned.table == "allergies":
            PersonDetailsRepository(self._db).update({"allergy_statement": LISTED}, self._stamp.author_id,
                                                     self._stamp.now)
        self._ids[planned.url] = known[planned.key] = item_id
        _count(self._summary.added, planned.table)

    def _with_free_uid(self, planned: mapping.Planned, table) -> mapping.Planned:
        """Another system's uid names the same entry only when the content agrees too (its natural key):
        a uid the record holds for something else, e.g. one a system reuses in its next file, makes a new uid."""
        if planned.own_uid:
            return planned
        stored = EntryRepository(self._db, table).columns_of_uid(planned.uid, tuple(mapping.NATURAL_KEYS[planned.table]))
        if stored is None or mapping.stored_key(planned.table, stored) == planned.key:
            return planned
        return replace(planned, uid=mapping.content_uid(planned.uid, planned.key))

    def _links(self, planned: mapping.Planned, plan: Plan) -> dict:
        """Links to entries of this file (or already in the record); a link to anything else is left out."""
        found = {}
        for name, reference in planned.links.items():
            target = self._ids.get(plan.resolve(reference) or "")
            if target is not None and target > 0 and EntryRepository(self._db, self._table_of(name)).get(target):
                found[name] = target
        return found

    @staticmethod
    def _table_of(link: str):
        return tables.DIAGNOSES if link in ("reason_id", "diagnosis_id") else tables.CONTACTS

    def _no_known_allergies(self) -> None:
        repo = PersonDetailsRepository(self._db)
        if EntryRepository(self._db, self._sections["allergies"].table).count() == 0 \
                and repo.details()["allergy_statement"] != NONE_KNOWN:
            repo.update({"allergy_statement": NONE_KNOWN}, self._stamp.author_id, self._stamp.now)
            self._summary.no_known_allergies = True


def _count(counts: dict, name: str) -> None:
    counts[name] = counts.get(name, 0) + 1
