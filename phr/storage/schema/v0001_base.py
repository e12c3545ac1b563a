"""Schema 1: record metadata, the people who write in the record, and the person."""

# Every table that holds entries carries the same provenance columns:
#   entered_by / changed_by  -> authors(id): the owner or a carer
#   source, source_detail    -> typed | device_import | fhir_import | json_import | letter; e.g. a file name
#   created_at / changed_at  -> UTC, ISO 8601
SQL = """
CREATE TABLE record_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE authors (
    id         INTEGER PRIMARY KEY,
    slot_id    TEXT UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('owner', 'carer')),
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE person (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    name          TEXT NOT NULL,
    entered_by    INTEGER NOT NULL REFERENCES authors(id),
    changed_by    INTEGER NOT NULL REFERENCES authors(id),
    source        TEXT NOT NULL DEFAULT 'typed',
    source_detail TEXT,
    created_at    TEXT NOT NULL,
    changed_at    TEXT NOT NULL
) STRICT;
"""
