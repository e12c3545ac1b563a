"""Schema 6: what a file says is kept, and "none known" for medicines and diagnoses too (issue 15).

- person: `medication_statement` and `problem_statement`, as `allergy_statement` already was: whether the
  person has stated that they use no medicines / have no known diagnoses ('none_known'), or the list says
  it ('listed'), or nobody said yet ('unknown'). A file that says "no known medications" becomes this
  statement, never an entry;
- diagnoses, medications, allergies: `codes`, every coding another system gave the entry (SNOMED CT,
  LOINC, ATC, G-Standaard, an ICD-10 variant with its own system, ...) as JSON text: a list of
  {"system", "code", "display"}; NULL when there are none. Exported again as they came in;
- allergies: `criticality` (FHIR's low | high | unable-to-assess: how dangerous a next reaction may be);
- medications: `ended` (0/1): stopped, on a date the record does not know. A medicine a file calls
  "completed" without an end date is past without an invented stop date.

Only columns are added, so no table is made anew and no link is touched.
"""

_CODES = "TEXT CHECK (codes IS NULL OR (json_valid(codes) AND json_type(codes) = 'array'))"

SQL = f"""
ALTER TABLE person ADD COLUMN medication_statement TEXT NOT NULL DEFAULT 'unknown'
    CHECK (medication_statement IN ('unknown', 'none_known', 'listed'));
ALTER TABLE person ADD COLUMN problem_statement TEXT NOT NULL DEFAULT 'unknown'
    CHECK (problem_statement IN ('unknown', 'none_known', 'listed'));

ALTER TABLE diagnoses ADD COLUMN codes {_CODES};
ALTER TABLE medications ADD COLUMN codes {_CODES};
ALTER TABLE allergies ADD COLUMN codes {_CODES};

ALTER TABLE allergies ADD COLUMN criticality TEXT CHECK (criticality IN ('low', 'high', 'unable_to_assess'));
ALTER TABLE medications ADD COLUMN ended INTEGER NOT NULL DEFAULT 0 CHECK (ended IN (0, 1));
"""
