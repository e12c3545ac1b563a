"""What the storage layer knows about each entry table: its columns, links and search text."""

from dataclasses import dataclass, field

from phr.storage.database import Database


@dataclass(frozen=True)
class SearchSpec:
    section: str                 # where a hit leads (the page)
    title: str                   # column shown as the hit's title
    body: tuple[str, ...] = ()   # further columns (or fixed SQL expressions over them) searched
    target: str = "id"           # column holding the id a hit leads to (a child leads to its parent)


@dataclass(frozen=True)
class EntryTable:
    name: str
    columns: tuple[str, ...]                               # data columns (not id, uid, provenance)
    references: dict[str, str] = field(default_factory=dict)  # column -> table it points to
    parent: str | None = None                              # column linking a child row to its parent
    search: SearchSpec | None = None
    order_by: str = "id"


# The codes a file gave an entry (a JSON list of {"system", "code", "display"}), searched by code and display:
# "E11.9" or "Diabetes mellitus type 2" finds the entry, the code systems' addresses do not.
CODES_TEXT = ("(SELECT group_concat(coalesce(json_extract(c.value, '$.code'), '') || ' ' "
              "|| coalesce(json_extract(c.value, '$.display'), ''), ' ') FROM json_each(e.codes) c)")

CONTACTS = EntryTable(
    "contacts",
    ("kind", "name", "organisation", "role", "specialty", "phone", "acute_phone", "email", "address",
     "website", "contact_for", "notes", "relationship"),
    search=SearchSpec("care_team", "name", ("organisation", "specialty", "contact_for", "notes", "relationship",
                                             "phone", "acute_phone", "email", "address", "website")),
    order_by="name COLLATE NOCASE",
)
ALLERGIES = EntryTable(
    "allergies",
    ("substance", "kind", "reaction", "severity", "noted_on", "notes", "criticality", "codes"),
    search=SearchSpec("person", "substance", ("reaction", "notes", CODES_TEXT)),
    order_by="substance COLLATE NOCASE",
)
DIAGNOSES = EntryTable(
    "diagnoses",
    ("name", "orpha_code", "icd10", "status", "diagnosed_on", "diagnosed_by", "expertise_centre", "gene",
     "variant", "zygosity", "genetic_lab", "genetic_test_date", "notes", "information_received",
     "trusted_websites", "name_en", "treating_physician", "emergency_protocol", "emergency_avoid", "crisis_signs",
     "emergency_guideline", "codes"),
    references={"diagnosed_by": "contacts", "expertise_centre": "contacts", "treating_physician": "contacts"},
    # ORPHAcodes are searched as people write them: "ORPHA:586".
    search=SearchSpec("diagnoses", "name", ("icd10", "'ORPHA:' || orpha_code", "gene", "variant", "genetic_lab",
                                             "notes", "information_received", "trusted_websites", "name_en",
                                             "emergency_protocol", "emergency_avoid", "crisis_signs",
                                             CODES_TEXT)),
    order_by="diagnosed_on DESC NULLS LAST, name COLLATE NOCASE",
)
APPOINTMENTS = EntryTable(
    "appointments",
    ("starts_at", "contact_id", "location", "purpose", "notes", "outcome"),
    references={"contact_id": "contacts"},
    search=SearchSpec("appointments", "purpose", ("location", "notes", "outcome")),
    order_by="starts_at DESC",
)
QUESTIONS = EntryTable(
    "questions",
    ("appointment_id", "position", "text", "answered", "answer"),
    references={"appointment_id": "appointments"},
    parent="appointment_id",
    search=SearchSpec("appointments", "text", ("answer",), target="appointment_id"),
    order_by="position, id",
)
GOALS = EntryTable(
    "goals",
    ("description", "diagnosis_id", "agreed_with", "patient_action", "provider_action", "target_measure",
     "target_low", "target_high", "target_unit", "start_date", "review_date", "status", "appointment_id"),
    references={"diagnosis_id": "diagnoses", "agreed_with": "contacts", "appointment_id": "appointments"},
    search=SearchSpec("care_plan", "description", ("patient_action", "provider_action")),
    order_by="status, review_date NULLS LAST, id",
)
EVALUATIONS = EntryTable(
    "goal_evaluations",
    ("goal_id", "evaluated_on", "how_it_went", "progress", "next_step"),
    references={"goal_id": "goals"},
    parent="goal_id",
    search=SearchSpec("care_plan", "how_it_went", ("next_step",), target="goal_id"),
    order_by="evaluated_on DESC, id DESC",
)
MEDICATIONS = EntryTable(
    "medications",
    ("name", "strength", "dose", "schedule", "route", "reason_id", "prescriber_id", "start_date",
     "stop_date", "stop_reason", "notes", "name_en", "dose_amount", "dose_unit", "times_per_day", "food", "as_needed",
     "codes", "ended"),
    references={"reason_id": "diagnoses", "prescriber_id": "contacts"},
    search=SearchSpec("medications", "name", ("strength", "dose", "schedule", "notes", "stop_reason", "name_en",
                                               CODES_TEXT)),
    order_by="name COLLATE NOCASE",
)
MEDICATION_CHANGES = EntryTable(
    "medication_changes",
    ("medication_id", "changed_on", "dose", "schedule", "reason", "previous_dose", "previous_schedule"),
    references={"medication_id": "medications"},
    parent="medication_id",
    search=SearchSpec("medications", "reason", ("dose", "schedule"), target="medication_id"),
    order_by="changed_on DESC, id DESC",
)
DOCUMENTS = EntryTable(
    "documents",
    ("title", "kind", "document_date", "file_name", "mime_type", "size", "sha256", "diagnosis_id",
     "appointment_id", "notes"),
    references={"diagnosis_id": "diagnoses", "appointment_id": "appointments"},
    search=SearchSpec("documents", "title", ("file_name", "notes")),
    order_by="document_date DESC NULLS LAST, id DESC",
)

VACCINATIONS = EntryTable(
    "vaccinations",
    ("vaccine", "given_on", "dose_number", "against", "given_by", "lot_number", "notes", "codes"),
    search=SearchSpec("vaccinations", "vaccine", ("against", "given_by", "lot_number", "notes", CODES_TEXT)),
    order_by="given_on DESC NULLS LAST, vaccine COLLATE NOCASE",
)
PROCEDURES = EntryTable(
    "procedures",
    ("name", "performed_on", "place", "body_site", "notes", "codes"),
    search=SearchSpec("procedures", "name", ("place", "body_site", "notes", CODES_TEXT)),
    order_by="performed_on DESC NULLS LAST, name COLLATE NOCASE",
)

MEASURES = EntryTable(
    "measures",
    ("key", "name", "unit", "low_bound", "high_bound", "decimals", "kind", "category", "loinc"),
    order_by="name COLLATE NOCASE",
)
TARGETS = EntryTable(
    "measure_targets",
    ("measure", "target_low", "target_high", "target_low2", "target_high2", "alert_low", "alert_high",
     "agreed_with", "agreed_on", "notes"),
    references={"agreed_with": "contacts"},
    order_by="measure, agreed_on DESC NULLS LAST, id DESC",
)
PLANS = EntryTable(
    "monitoring_plans",
    ("measure", "per_day", "start_date", "days", "schedule", "agreed_with"),
    references={"agreed_with": "contacts"},
    order_by="start_date DESC, id DESC",
)
DIARY = EntryTable(
    "diary",
    ("written_at", "kind", "text"),
    search=SearchSpec("monitoring", "text"),
    order_by="written_at DESC, id DESC",
)
IMPORT_MAPPINGS = EntryTable("import_mappings", ("name", "mapping"), order_by="name COLLATE NOCASE")

# In dependency order: a table only points to tables listed before it (goals -> appointments).
ALL = (CONTACTS, ALLERGIES, DIAGNOSES, APPOINTMENTS, QUESTIONS, GOALS, EVALUATIONS, MEDICATIONS,
       MEDICATION_CHANGES, DOCUMENTS, VACCINATIONS, PROCEDURES, MEASURES, TARGETS, PLANS, DIARY, IMPORT_MAPPINGS)
BY_NAME = {table.name: table for table in ALL}


def children_of(table: EntryTable) -> list[tuple[EntryTable, str]]:
    """(child table, its column linking a row to the parent) of every table whose rows belong to `table`'s."""
    return [(child, child.parent) for child in ALL if child.parent and child.references.get(child.parent) == table.name]


def column_types(db: Database, table_name: str) -> dict[str, str]:
    """Declared type (TEXT, INTEGER, REAL) of each column of an entry table."""
    if table_name not in BY_NAME and table_name != "person":
        raise ValueError(table_name)
    return {row[1]: row[2].upper() for row in db.query(f"PRAGMA table_info({table_name})")}
