"""What Regie's own JSON file holds (docs/json-format.md): shared by the writer and the reader, which
never import each other."""

FORMAT = "regie-record"
# 2 added reading_batches (self-monitoring); 3 the emergency information, structured doses and names in English
# (issue 14). Older files still import.
VERSION = 3
PERSON_FIELDS = ("name", "birth_date", "sex", "language", "emergency_notes", "allergy_statement", "text_language")

# The record's sections, in this order: a section only links to sections before it.
SECTIONS = ("contacts", "allergies", "diagnoses", "appointments", "questions", "goals", "goal_evaluations",
            "medications", "medication_changes", "documents", "measures", "measure_targets", "monitoring_plans",
            "diary", "import_mappings")

# A reading batch's readings are rows of these columns (one list of names, not a million objects).
READING_COLUMNS = ["at", "measure", "value", "value2", "value3", "flag", "method", "context", "note", "changed_at",
                   "changed_by"]
READING_SOURCES = ("typed", "device_import", "fhir_import", "json_import")
