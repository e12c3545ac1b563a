"""Numbered schema migrations. Each entry is applied once, in order, in one transaction.

Never edit a released migration: add a new one. tests/fixtures holds one record per
released schema version and the upgrade of each is tested.
"""

from phr.storage.schema import v0001_base, v0002_care_record, v0003_monitoring, v0004_reading_methods

MIGRATIONS: dict[int, str] = {
    1: v0001_base.SQL,
    2: v0002_care_record.SQL,
    3: v0003_monitoring.SQL,
    4: v0004_reading_methods.SQL,
}

LATEST = max(MIGRATIONS)
