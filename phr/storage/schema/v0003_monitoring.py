"""Schema 3: self-monitoring. Custom measures, readings (with their import batch), per-hour and
per-day summaries for fast charts, targets agreed with the care team, monitoring plans, a diary,
and saved CSV mappings.

Readings are many (a sensor gives 35,000 a year), so they do not carry the full provenance of
an entry each: a reading points to its batch (typed in, or one device file), which says who
entered it, from where and when. Times are UTC epoch seconds plus the original UTC offset in
minutes, so a reading taken in the repeated autumn hour keeps its place.
"""

from phr.storage.schema.v0002_care_record import _ENTRY

SQL = f"""
CREATE TABLE measures (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    unit       TEXT,                      -- none for a symptom score (0–10)
    low_bound  REAL NOT NULL,
    high_bound REAL NOT NULL,
    decimals   INTEGER NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 4),
    kind       TEXT NOT NULL DEFAULT 'value' CHECK (kind IN ('value', 'score')),
    {_ENTRY}
) STRICT;

CREATE TABLE reading_batches (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    entered_by    INTEGER NOT NULL REFERENCES authors(id),
    source        TEXT NOT NULL CHECK (source IN ('typed', 'device_import', 'fhir_import', 'json_import')),
    source_detail TEXT,
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE readings (
    id         INTEGER PRIMARY KEY,
    batch_id   INTEGER NOT NULL REFERENCES reading_batches(id),
    measure    TEXT NOT NULL,
    taken_at   INTEGER NOT NULL,          -- UTC, seconds since 1970
    utc_offset INTEGER NOT NULL,          -- minutes east of UTC where and when it was taken
    value      REAL,                      -- canonical unit; NULL only with a flag
    value2     REAL,                      -- blood pressure: diastolic
    value3     REAL,                      -- blood pressure: pulse
    -- Small codes, not words: text CHECKs cost more than the rest of storing a sensor reading.
    -- The meanings are in phr/storage/repos/reading_rows.py (FLAGS, METHODS, CONTEXTS).
    flag       INTEGER NOT NULL DEFAULT 0 CHECK (flag BETWEEN 0 AND 2),     -- '', below_range, above_range
    method     INTEGER NOT NULL DEFAULT 0 CHECK (method BETWEEN 0 AND 3),   -- '', sensor, scan, fingerstick
    context    INTEGER NOT NULL DEFAULT 0 CHECK (context BETWEEN 0 AND 4),  -- '', fasting, after_meal, at_rest,
                                                                             -- after_exercise
    note       TEXT,
    fingerprint INTEGER NOT NULL,         -- of value, value2, value3 and flag (see reading_rows.py)
    changed_by INTEGER REFERENCES authors(id),
    changed_at TEXT,
    deleted_at TEXT,
    CHECK (value IS NOT NULL OR flag > 0)
) STRICT;

-- One reading once: importing the same file again adds nothing. Also serves every range query.
CREATE UNIQUE INDEX readings_once ON readings (measure, taken_at, method, fingerprint);
-- The sensor's Low and High readings (few): a chart marks them in every view of a measure.
CREATE INDEX readings_flagged ON readings (measure, taken_at) WHERE flag > 0;

-- Minimum, maximum, count and sums per measure per hour (size 3600) and per day (86400), of the
-- readings that are not deleted: charts over years and quick statistics read these, not millions of rows.
CREATE TABLE reading_buckets (
    measure TEXT NOT NULL,
    size    INTEGER NOT NULL,
    bucket  INTEGER NOT NULL,             -- taken_at / size
    n       INTEGER NOT NULL,
    vmin    REAL, vmax REAL, vsum REAL, vsum2 REAL,
    v2min   REAL, v2max REAL,
    PRIMARY KEY (measure, size, bucket)
) STRICT, WITHOUT ROWID;

CREATE TABLE measure_targets (
    id           INTEGER PRIMARY KEY,
    measure      TEXT NOT NULL,
    target_low   REAL,
    target_high  REAL,
    target_low2  REAL,                    -- blood pressure: diastolic
    target_high2 REAL,
    alert_low    REAL,
    alert_high   REAL,
    agreed_with  INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    agreed_on    TEXT,
    notes        TEXT,
    {_ENTRY}
) STRICT;

CREATE TABLE monitoring_plans (
    id         INTEGER PRIMARY KEY,
    measure    TEXT NOT NULL,
    per_day    INTEGER NOT NULL CHECK (per_day BETWEEN 1 AND 48),
    start_date TEXT NOT NULL,
    days       INTEGER CHECK (days IS NULL OR days BETWEEN 1 AND 3660),   -- NULL: ongoing
    schedule   TEXT,                      -- in words: '2 readings in the morning, 2 in the evening'
    agreed_with INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    {_ENTRY}
) STRICT;

CREATE TABLE diary (
    id         INTEGER PRIMARY KEY,
    written_at TEXT NOT NULL,             -- local date and time, 'YYYY-MM-DDTHH:MM'
    kind       TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'symptom', 'admission', 'event')),
    text       TEXT NOT NULL,
    {_ENTRY}
) STRICT;

CREATE TABLE import_mappings (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    mapping TEXT NOT NULL,                -- JSON: columns, measure, unit, date order
    {_ENTRY}
) STRICT;

CREATE INDEX targets_by_measure ON measure_targets (measure, agreed_on);
CREATE INDEX plans_by_measure ON monitoring_plans (measure, start_date);
CREATE INDEX diary_by_time ON diary (written_at);
"""
