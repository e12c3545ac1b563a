"""Schema 10: compact readings (issue 20). A lifetime of 5-minute sensor glucose is 3.2 million readings.

- reading_measures: the measure keys readings use, each once, with a small integer. A reading and its hour and
  day summaries refer to their measure by that integer (one byte) instead of repeating its text key in every
  row and in every entry of the one-reading-once index. Catalogue measures (glucose, blood pressure) are not
  rows of `measures`, so the keys have their own table; a key is added when its first reading is stored and
  never removed (a few rows).
- readings.fingerprint is no longer stored: a generated (VIRTUAL) column computes it from the values when the
  one-reading-once index needs it, so the index holds it and the rows do not. Its fields are in the other
  order now, the value in the low bits: a plain reading's fingerprint is a 3-byte number, not 8.
  phr.storage.repos.reading_rows.fingerprint computes the same number in Python (the formula is in both).
- readings_purge: a partial index of the deleted readings, so purging them when a record opens and locks is a
  look-up, not a scan of millions of rows.

The readings table and the summaries are made anew with every row (SQLite's documented way: create, copy,
drop, rename), each in one INSERT ... SELECT in id order (an append, no sort); the indexes are built after the
copy. Nothing points to readings or reading_buckets, so foreign keys can stay on. The automatic backup before
an upgrade (phr.storage.migrations) keeps the record as it was.
"""

# The fingerprint: three 21-bit fields, value (or the flag of a flagged reading without a number), value2,
# value3, each a presence bit and the value in hundredths. CAST truncates toward zero as Python's int() does.
_CODE = "((CAST({v} * 100 + 0.5 AS INTEGER) & 1048575) | 1048576)"
FINGERPRINT = (f"(CASE WHEN value IS NULL THEN flag ELSE {_CODE.format(v='value')} END"
               f" | CASE WHEN value2 IS NULL THEN 0 ELSE {_CODE.format(v='value2')} << 21 END"
               f" | CASE WHEN value3 IS NULL THEN 0 ELSE {_CODE.format(v='value3')} << 42 END)")

SQL = f"""
CREATE TABLE reading_measures (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE
) STRICT;

-- Each key once, found through the old index by a skip scan: one look-up per measure, not a pass over millions.
INSERT INTO reading_measures (key)
WITH RECURSIVE found(key) AS (
    SELECT min(measure) FROM readings
    UNION ALL
    SELECT (SELECT min(measure) FROM readings WHERE measure > found.key) FROM found WHERE found.key IS NOT NULL)
SELECT key FROM found WHERE key IS NOT NULL
UNION SELECT DISTINCT measure FROM reading_buckets
ORDER BY 1;

CREATE TABLE readings_v10 (
    id           INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES reading_batches(id),
    measure_id   INTEGER NOT NULL REFERENCES reading_measures(id),
    taken_at     INTEGER NOT NULL,          -- UTC, seconds since 1970
    utc_offset   INTEGER NOT NULL,          -- minutes east of UTC where and when it was taken
    value        REAL,                      -- canonical unit; NULL only with a flag
    value2       REAL,                      -- blood pressure: diastolic
    value3       REAL,                      -- blood pressure: pulse
    -- Small codes, not words; the meanings are in phr/storage/repos/reading_rows.py (FLAGS, METHODS, CONTEXTS).
    flag         INTEGER NOT NULL DEFAULT 0 CHECK (flag BETWEEN 0 AND 2),     -- '', below_range, above_range
    method       INTEGER NOT NULL DEFAULT 0 CHECK (method BETWEEN 0 AND 5),   -- '', sensor, scan, fingerstick, lab,
                                                                               -- typed
    context      INTEGER NOT NULL DEFAULT 0 CHECK (context BETWEEN 0 AND 4),  -- '', fasting, after_meal, at_rest,
                                                                               -- after_exercise
    note         TEXT,
    changed_by   INTEGER REFERENCES authors(id),
    changed_at   TEXT,
    deleted_at   TEXT,
    device_flags INTEGER NOT NULL DEFAULT 0 CHECK (device_flags BETWEEN 0 AND 15),  -- DeviceFlag bits
    fingerprint  INTEGER GENERATED ALWAYS AS {FINGERPRINT} VIRTUAL,
    CHECK (value IS NOT NULL OR flag > 0)
) STRICT;

INSERT INTO readings_v10 (id, batch_id, measure_id, taken_at, utc_offset, value, value2, value3, flag, method,
                          context, note, changed_by, changed_at, deleted_at, device_flags)
SELECT id, batch_id, (SELECT m.id FROM reading_measures m WHERE m.key = readings.measure), taken_at, utc_offset,
       value, value2, value3, flag, method, context, note, changed_by, changed_at, deleted_at, device_flags
FROM readings ORDER BY id;
DROP TABLE readings;
ALTER TABLE readings_v10 RENAME TO readings;

-- One reading once: importing the same file again adds nothing. Also serves every range query.
CREATE UNIQUE INDEX readings_once ON readings (measure_id, taken_at, method, fingerprint);
-- The sensor's Low and High readings (few): a chart marks them in every view of a measure.
CREATE INDEX readings_flagged ON readings (measure_id, taken_at) WHERE flag > 0;
-- A lab's readings (method 4) among a sensor's millions, for the FHIR export and the lab results.
CREATE INDEX readings_by_lab ON readings (measure_id, taken_at) WHERE method = 4;
-- The deleted readings (few): purged when a record opens and locks without reading the others.
CREATE INDEX readings_purge ON readings (batch_id) WHERE deleted_at IS NOT NULL;

CREATE TABLE reading_buckets_v10 (
    measure_id INTEGER NOT NULL,
    size       INTEGER NOT NULL,
    bucket     INTEGER NOT NULL,            -- taken_at / size
    n          INTEGER NOT NULL,
    vmin REAL, vmax REAL, vsum REAL, vsum2 REAL,
    v2min REAL, v2max REAL,
    PRIMARY KEY (measure_id, size, bucket)
) STRICT, WITHOUT ROWID;
INSERT INTO reading_buckets_v10 (measure_id, size, bucket, n, vmin, vmax, vsum, vsum2, v2min, v2max)
SELECT (SELECT m.id FROM reading_measures m WHERE m.key = b.measure), size, bucket, n, vmin, vmax, vsum, vsum2,
       v2min, v2max
FROM reading_buckets b ORDER BY 1, size, bucket;
DROP TABLE reading_buckets;
ALTER TABLE reading_buckets_v10 RENAME TO reading_buckets;
"""
