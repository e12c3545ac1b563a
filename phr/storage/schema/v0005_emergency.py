"""Schema 5: what an emergency doctor needs, structured (issue 14).

- contacts: the role `next_of_kin` (family or partner) and their `relationship` to the person;
- diagnoses: a name in English, the treating physician, and the emergency information per condition:
  the protocol for professionals, what to avoid, the signs of a crisis and a link to the emergency guideline;
- medications: a name in English and a structured dose (amount, unit, times a day, with or without food,
  only when needed), so an export can say the schedule in its own language;
- person: the language the person writes the record in, so an export in another language marks their words.

The role's CHECK cannot be changed in place, so `contacts` is made anew with the same rows (SQLite's
documented way: create, copy, drop, rename). Other tables point to contacts, so this step runs with
foreign keys off (see phr.storage.migrations.FOREIGN_KEYS_OFF): dropping the old table must not set
their links to NULL. The ids are copied as they are, so every link still points to the same contact.
"""

SQL = """
CREATE TABLE contacts_v5 (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
    name         TEXT NOT NULL,
    organisation TEXT,
    role         TEXT NOT NULL CHECK (role IN ('gp', 'specialist', 'expertise_centre', 'nurse', 'pharmacy',
                     'therapist', 'patient_association', 'social_support', 'next_of_kin', 'other')),
    specialty    TEXT,
    phone        TEXT,
    acute_phone  TEXT,
    email        TEXT,
    address      TEXT,
    website      TEXT,
    contact_for  TEXT,
    notes        TEXT,
    relationship TEXT,
    uid           TEXT NOT NULL UNIQUE,
    entered_by    INTEGER NOT NULL REFERENCES authors(id),
    changed_by    INTEGER NOT NULL REFERENCES authors(id),
    source        TEXT NOT NULL DEFAULT 'typed'
                  CHECK (source IN ('typed', 'device_import', 'fhir_import', 'json_import', 'letter')),
    source_detail TEXT,
    created_at    TEXT NOT NULL,
    changed_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;
INSERT INTO contacts_v5 (id, kind, name, organisation, role, specialty, phone, acute_phone, email, address, website,
                         contact_for, notes, uid, source, source_detail, entered_by, created_at, changed_by,
                         changed_at, deleted_at)
SELECT id, kind, name, organisation, role, specialty, phone, acute_phone, email, address, website, contact_for,
       notes, uid, source, source_detail, entered_by, created_at, changed_by, changed_at, deleted_at FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_v5 RENAME TO contacts;

ALTER TABLE diagnoses ADD COLUMN name_en TEXT;
ALTER TABLE diagnoses ADD COLUMN treating_physician INTEGER REFERENCES contacts(id) ON DELETE SET NULL;
ALTER TABLE diagnoses ADD COLUMN emergency_protocol TEXT;
ALTER TABLE diagnoses ADD COLUMN emergency_avoid TEXT;
ALTER TABLE diagnoses ADD COLUMN crisis_signs TEXT;
ALTER TABLE diagnoses ADD COLUMN emergency_guideline TEXT;

ALTER TABLE medications ADD COLUMN name_en TEXT;
ALTER TABLE medications ADD COLUMN dose_amount REAL CHECK (dose_amount > 0);
ALTER TABLE medications ADD COLUMN dose_unit TEXT CHECK (dose_unit IN ('tablet', 'capsule', 'mg', 'microgram', 'ml',
    'unit', 'puff', 'drop', 'sachet', 'injection'));
ALTER TABLE medications ADD COLUMN times_per_day INTEGER CHECK (times_per_day BETWEEN 1 AND 24);
ALTER TABLE medications ADD COLUMN food TEXT CHECK (food IN ('with_food', 'empty_stomach'));
ALTER TABLE medications ADD COLUMN as_needed INTEGER NOT NULL DEFAULT 0 CHECK (as_needed IN (0, 1));

ALTER TABLE person ADD COLUMN text_language TEXT CHECK (text_language IN ('nl', 'en'));
"""
