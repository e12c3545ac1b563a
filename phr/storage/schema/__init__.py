"""Numbered schema migrations. Each entry is applied once, in order, in one transaction.

Never edit a released migration: add a new one. tests/fixtures holds one record per
released schema version and the upgrade of each is tested.
"""

from phr.storage.schema import (
    v0001_base,
    v0002_care_record,
    v0003_monitoring,
    v0004_reading_methods,
    v0005_emergency,
    v0006_statements_codes,
    v0007_history_results,
    v0008_device_flags,
    v0009_search_keys,
    v0010_compact_readings,
)

MIGRATIONS: dict[int, str] = {
    1: v0001_base.SQL,
    2: v0002_care_record.SQL,
    3: v0003_monitoring.SQL,
    4: v0004_reading_methods.SQL,
    5: v0005_emergency.SQL,
    6: v0006_statements_codes.SQL,
    7: v0007_history_results.SQL,
    8: v0008_device_flags.SQL,
    9: v0009_search_keys.SQL,
    10: v0010_compact_readings.SQL,
}

# Steps that make a table anew that others point to: foreign keys are off while they run, so dropping the
# old table does not set the links to it to NULL (SQLite's documented procedure for such changes).
FOREIGN_KEYS_OFF: frozenset[int] = frozenset({5})

LATEST = max(MIGRATIONS)
