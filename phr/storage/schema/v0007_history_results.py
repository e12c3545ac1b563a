"""Schema 7: vaccinations, procedures and operations, and lab results (issue 15).

- vaccinations: the vaccine, when it was given (a partial date), which dose of a series, against what, who
  or where gave it, the batch (lot) number, notes, and the codes a file gave the vaccine (CVX, ATC, SNOMED
  CT, ...). A FHIR Immunization becomes one; "not done" never does;
- procedures: operations and other procedures (what, when, where, on which part of the body), notes and
  codes. They matter to an anaesthetist in an emergency, so the emergency letter lists them;
- measures: `category` 'self' (what the person measures) or 'lab' (a lab result read from a file: named
  by its LOINC code and unit, made when the first result of it comes in), and `loinc`;
- reference_ranges: the range a lab gave with one result (low and/or high, or its own words such as
  "< 5"). A lab's range belongs to its result, not to the measure: another lab may use another one. Kept
  beside the readings, keyed like a reading (measure and time), so the millions of sensor readings carry
  nothing extra.

Only tables, columns and indexes are added: no table is made anew and no link is touched.
"""

from phr.storage.schema.v0002_care_record import _ENTRY

_CODES = "TEXT CHECK (codes IS NULL OR (json_valid(codes) AND json_type(codes) = 'array'))"

SQL = f"""
CREATE TABLE vaccinations (
    id          INTEGER PRIMARY KEY,
    vaccine     TEXT NOT NULL,
    given_on    TEXT,                     -- partial date
    dose_number INTEGER CHECK (dose_number IS NULL OR dose_number BETWEEN 1 AND 99),
    against     TEXT,                     -- the disease(s) it protects against, in words
    given_by    TEXT,                     -- who or where: the GP, the municipal health service, a hospital
    lot_number  TEXT,
    notes       TEXT,
    codes       {_CODES},
    {_ENTRY}
) STRICT;

CREATE TABLE procedures (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    performed_on TEXT,                    -- partial date
    place        TEXT,                    -- where: the hospital or clinic
    body_site    TEXT,
    notes        TEXT,                    -- e.g. how the anaesthesia went
    codes        {_CODES},
    {_ENTRY}
) STRICT;

ALTER TABLE measures ADD COLUMN category TEXT NOT NULL DEFAULT 'self' CHECK (category IN ('self', 'lab'));
ALTER TABLE measures ADD COLUMN loinc TEXT;

CREATE TABLE reference_ranges (
    measure  TEXT NOT NULL,
    taken_at INTEGER NOT NULL,            -- as the reading's: UTC, seconds since 1970
    low      REAL,
    high     REAL,
    text     TEXT,                        -- the lab's own words, when it gave them
    CHECK (low IS NOT NULL OR high IS NOT NULL OR text IS NOT NULL),
    PRIMARY KEY (measure, taken_at)
) STRICT, WITHOUT ROWID;

-- A lab's readings of a catalogue measure (a lab HbA1c or glucose, method 4) are few among a sensor's millions;
-- the FHIR export writes every one of them: this index finds them without walking the measure's readings.
CREATE INDEX readings_by_lab ON readings (measure, taken_at) WHERE method = 4;
CREATE INDEX vaccinations_by_date ON vaccinations (given_on);
CREATE INDEX procedures_by_date ON procedures (performed_on);
"""
