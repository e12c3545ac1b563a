"""Schema 8: what a blood pressure monitor noticed during a reading (issue 16).

readings.device_flags: a bit set of phr.core.vocabulary.DeviceFlag (1 irregular heartbeat, 2 possible
atrial fibrillation, 4 body movement, 8 cuff not wrapped well); 0 for none, as every reading stored before.
The CHECK allows the four bits (0 to 15): a later flag takes the next bit and a new migration widens it.

Only a column is added (ALTER TABLE ... ADD COLUMN, which SQLite does without rewriting the table, so a
record with millions of sensor readings upgrades at once): no table is made anew and no link is touched.
The readings' fingerprint (reading_rows.fingerprint) leaves the flags out: a reading imported before,
without them, is the same reading.
"""

SQL = """
ALTER TABLE readings ADD COLUMN device_flags INTEGER NOT NULL DEFAULT 0 CHECK (device_flags BETWEEN 0 AND 15);
"""
