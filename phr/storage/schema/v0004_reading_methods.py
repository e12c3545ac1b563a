"""Schema 4: a reading can say it is a lab result or typed in by hand (methods 4 and 5).

A reading's method says which readings the glucose figures rest on (phr.monitoring.figures): a
sensor's readings are time, the others are not. Schema 3 allowed the codes 0 to 3 ('', sensor,
scan, fingerstick); a CHECK cannot be changed in place in SQLite, so the table is made anew with
the same columns, rows and indexes (SQLite's documented way: create, copy, drop, rename).
"""

SQL = """
CREATE TABLE readings_v4 (
    id         INTEGER PRIMARY KEY,
    batch_id   INTEGER NOT NULL REFERENCES reading_batches(id),
    measure    TEXT NOT NULL,
    taken_at   INTEGER NOT NULL,          -- UTC, seconds since 1970
    utc_offset INTEGER NOT NULL,          -- minutes east of UTC where and when it was taken
    value      REAL,                      -- canonical unit; NULL only with a flag
    value2     REAL,                      -- blood pressure: diastolic
    value3     REAL,                      -- blood pressure: pulse
    -- Small codes, not words; the meanings are in phr/storage/repos/reading_rows.py (FLAGS, METHODS, CONTEXTS).
    flag       INTEGER NOT NULL DEFAULT 0 CHECK (flag BETWEEN 0 AND 2),     -- '', below_range, above_range
    method     INTEGER NOT NULL DEFAULT 0 CHECK (method BETWEEN 0 AND 5),   -- '', sensor, scan, fingerstick, lab,
                                                                             -- typed
    context    INTEGER NOT NULL DEFAULT 0 CHECK (context BETWEEN 0 AND 4),  -- '', fasting, after_meal, at_rest,
                                                                             -- after_exercise
    note       TEXT,
    fingerprint INTEGER NOT NULL,         -- of value, value2, value3 and flag (see reading_rows.py)
    changed_by INTEGER REFERENCES authors(id),
    changed_at TEXT,
    deleted_at TEXT,
    CHECK (value IS NOT NULL OR flag > 0)
) STRICT;

INSERT INTO readings_v4 (id, batch_id, measure, taken_at, utc_offset, value, value2, value3, flag, method, context,
                         note, fingerprint, changed_by, changed_at, deleted_at)
SELECT id, batch_id, measure, taken_at, utc_offset, value, value2, value3, flag, method, context, note, fingerprint,
       changed_by, changed_at, deleted_at FROM readings;
DROP TABLE readings;
ALTER TABLE readings_v4 RENAME TO readings;

CREATE UNIQUE INDEX readings_once ON readings (measure, taken_at, method, fingerprint);
CREATE INDEX readings_flagged ON readings (measure, taken_at) WHERE flag > 0;
"""
