"""Schema 2: the care record. Person details, allergies, care team, diagnoses, care plan,
medications, appointments with questions, documents, and a full-text search index.

Conventions for every entry table:
- `uid`: a stable random id; survives export and import, so links and re-imports line up.
- provenance: entered_by / changed_by (authors), source (+ detail such as a file name),
  created_at / changed_at (UTC ISO 8601).
- `deleted_at`: a deletion waits here so it can be undone; the row is purged when the
  record is locked (and at the next unlock after a crash).
- dates are ISO text; a date may be partial: '2019', '2019-05' or '2019-05-14'.
"""

_ENTRY = """
    uid           TEXT NOT NULL UNIQUE,
    entered_by    INTEGER NOT NULL REFERENCES authors(id),
    changed_by    INTEGER NOT NULL REFERENCES authors(id),
    source        TEXT NOT NULL DEFAULT 'typed'
                  CHECK (source IN ('typed', 'device_import', 'fhir_import', 'json_import', 'letter')),
    source_detail TEXT,
    created_at    TEXT NOT NULL,
    changed_at    TEXT NOT NULL,
    deleted_at    TEXT
"""

SQL = f"""
ALTER TABLE person ADD COLUMN birth_date TEXT;
ALTER TABLE person ADD COLUMN sex TEXT CHECK (sex IN ('female', 'male', 'other', 'unknown'));
ALTER TABLE person ADD COLUMN language TEXT;
ALTER TABLE person ADD COLUMN emergency_notes TEXT;
ALTER TABLE person ADD COLUMN allergy_statement TEXT NOT NULL DEFAULT 'unknown'
    CHECK (allergy_statement IN ('unknown', 'none_known', 'listed'));

CREATE TABLE allergies (
    id         INTEGER PRIMARY KEY,
    substance  TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('allergy', 'intolerance')),
    reaction   TEXT,
    severity   TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe', 'unknown')),
    noted_on   TEXT,
    notes      TEXT,
    {_ENTRY}
) STRICT;

CREATE TABLE contacts (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
    name         TEXT NOT NULL,
    organisation TEXT,
    role         TEXT NOT NULL CHECK (role IN ('gp', 'specialist', 'expertise_centre', 'nurse', 'pharmacy',
                     'therapist', 'patient_association', 'social_support', 'other')),
    specialty    TEXT,
    phone        TEXT,
    acute_phone  TEXT,
    email        TEXT,
    address      TEXT,
    website      TEXT,
    contact_for  TEXT,
    notes        TEXT,
    {_ENTRY}
) STRICT;

CREATE TABLE diagnoses (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL,
    orpha_code           INTEGER CHECK (orpha_code > 0),
    icd10                TEXT,
    status               TEXT NOT NULL CHECK (status IN ('confirmed', 'suspected', 'carrier', 'resolved')),
    diagnosed_on         TEXT,
    diagnosed_by         INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    expertise_centre     INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    gene                 TEXT,
    variant              TEXT,
    zygosity             TEXT CHECK (zygosity IN ('heterozygous', 'homozygous', 'hemizygous',
                             'compound_heterozygous', 'unknown')),
    genetic_lab          TEXT,
    genetic_test_date    TEXT,
    notes                TEXT,
    information_received TEXT,
    trusted_websites     TEXT,
    {_ENTRY}
) STRICT;

CREATE TABLE appointments (
    id         INTEGER PRIMARY KEY,
    starts_at  TEXT NOT NULL,
    contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    location   TEXT,
    purpose    TEXT,
    notes      TEXT,
    outcome    TEXT,
    {_ENTRY}
) STRICT;

CREATE TABLE questions (
    id             INTEGER PRIMARY KEY,
    appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    answered       INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1)),
    answer         TEXT,
    {_ENTRY}
) STRICT;

CREATE TABLE goals (
    id              INTEGER PRIMARY KEY,
    description     TEXT NOT NULL,
    diagnosis_id    INTEGER REFERENCES diagnoses(id) ON DELETE SET NULL,
    agreed_with     INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    patient_action  TEXT,
    provider_action TEXT,
    target_measure  TEXT,
    target_low      REAL,
    target_high     REAL,
    target_unit     TEXT,
    start_date      TEXT,
    review_date     TEXT,
    status          TEXT NOT NULL CHECK (status IN ('active', 'achieved', 'stopped')),
    appointment_id  INTEGER REFERENCES appointments(id) ON DELETE SET NULL,
    {_ENTRY}
) STRICT;

CREATE TABLE goal_evaluations (
    id           INTEGER PRIMARY KEY,
    goal_id      INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    evaluated_on TEXT NOT NULL,
    how_it_went  TEXT NOT NULL,
    progress     INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 4),
    next_step    TEXT,
    {_ENTRY}
) STRICT;

CREATE TABLE medications (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    strength      TEXT,
    dose          TEXT,
    schedule      TEXT,
    route         TEXT,
    reason_id     INTEGER REFERENCES diagnoses(id) ON DELETE SET NULL,
    prescriber_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    start_date    TEXT,
    stop_date     TEXT,
    stop_reason   TEXT,
    notes         TEXT,
    {_ENTRY}
) STRICT;

CREATE TABLE medication_changes (
    id            INTEGER PRIMARY KEY,
    medication_id INTEGER NOT NULL REFERENCES medications(id) ON DELETE CASCADE,
    changed_on    TEXT NOT NULL,
    dose          TEXT,
    schedule      TEXT,
    reason        TEXT,
    -- what the medicine was before this change, so deleting a mistaken change restores it
    previous_dose     TEXT,
    previous_schedule TEXT,
    {_ENTRY}
) STRICT;

CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('letter', 'lab_result', 'scan', 'other')),
    document_date  TEXT,
    file_name      TEXT NOT NULL,
    mime_type      TEXT NOT NULL CHECK (mime_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    size           INTEGER NOT NULL CHECK (size >= 0),
    sha256         TEXT NOT NULL,
    diagnosis_id   INTEGER REFERENCES diagnoses(id) ON DELETE SET NULL,
    appointment_id INTEGER REFERENCES appointments(id) ON DELETE SET NULL,
    notes          TEXT,
    {_ENTRY}
) STRICT;

-- Kept apart so that listing documents never reads their content.
CREATE TABLE document_content (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    content     BLOB NOT NULL
) STRICT;

CREATE INDEX diagnoses_by_date ON diagnoses (diagnosed_on);
CREATE INDEX appointments_by_time ON appointments (starts_at);
CREATE INDEX questions_by_appointment ON questions (appointment_id, position);
CREATE INDEX goals_by_review ON goals (status, review_date);
CREATE INDEX evaluations_by_goal ON goal_evaluations (goal_id, evaluated_on);
CREATE INDEX medications_by_stop ON medications (stop_date);
CREATE INDEX changes_by_medication ON medication_changes (medication_id, changed_on);
CREATE INDEX documents_by_date ON documents (document_date);

-- Search across the record, inside the encrypted database. Accents are ignored ('Zoe' finds 'Zoë').
-- entry: the row this text comes from ('questions:12'); section and item_id: where a hit leads
-- (a question leads to its appointment).
CREATE VIRTUAL TABLE search_index USING fts5(
    entry UNINDEXED, section UNINDEXED, item_id UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Without this, FTS5 only marks deleted text as deleted: the words would stay in its pages.
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

-- Entries deleted for good (uids only, no content): importing an older file must not bring them back.
CREATE TABLE purged_entries (
    uid       TEXT PRIMARY KEY,
    purged_at TEXT NOT NULL
) STRICT;
"""
