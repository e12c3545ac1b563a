"""What Regie's own JSON file holds (docs/json-format.md): shared by the writer and the reader, which
never import each other."""

FORMAT = "regie-record"
# 2 added reading_batches (self-monitoring); 3 the emergency information, structured doses and names in English
# (issue 14); 4 the statements 'no known medicines' and 'no known diagnoses', the codes another system gave an
# entry, allergy criticality and medicines ended on a day not known (issue 15); 5 vaccinations, procedures, lab
# measures (a measure's category and LOINC code) and the reference ranges of lab results (issue 15); 6 a reading's
# device flags (issue 16: irregular heartbeat, possible AFib, ...). Older files still import.
VERSION = 6
PERSON_FIELDS = ("name", "birth_date", "sex", "language", "emergency_notes", "allergy_statement", "text_language",
                 "medication_statement", "problem_statement")
STATEMENTS = ("allergy_statement", "medication_statement", "problem_statement")  # unknown | none_known | listed
# Columns the record keeps as JSON text that the file holds as JSON itself: a list of {"system", "code", "display"}.
JSON_COLUMNS = ("codes",)

# The record's sections, in this order: a section only links to sections before it.
SECTIONS = ("contacts", "allergies", "diagnoses", "appointments", "questions", "goals", "goal_evaluations",
            "medications", "medication_changes", "documents", "vaccinations", "procedures", "measures",
            "measure_targets", "monitoring_plans", "diary", "import_mappings")

# A reading batch's readings are rows of these columns (one list of names, not a million objects).
READING_COLUMNS = ["at", "measure", "value", "value2", "value3", "flag", "method", "context", "note", "changed_at",
                   "changed_by", "device_flags"]
# Files before version 6 have no device_flags: their rows are one shorter, and their readings have no flags.
OLDER_READING_COLUMNS = len(READING_COLUMNS) - 1
READING_SOURCES = ("typed", "device_import", "fhir_import", "json_import")
# The range a lab gave with one result: the reading of `measure` taken `at` (as the reading's own `at`).
RANGE_KEYS = ("measure", "at", "low", "high", "text")
