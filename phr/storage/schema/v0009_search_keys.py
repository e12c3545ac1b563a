"""Schema 9: writes to the care record independent of its size (issue 20).

`search_entries` says which entry each row of the search index holds; its id is the row's rowid in
`search_index`. Replacing or removing an entry's search text finds the row through the primary key and the
(entry_table, entry_id) index, where schema 2's `DELETE FROM search_index WHERE entry = ?` filtered on an
UNINDEXED FTS5 column and so read the whole index for every write (86 ms a write at 100,000 entries).

The index is made anew from the old one's rows (their text was written by the same code), keeping each row's
rowid, and without the rows of entries that are deleted or gone (a child of a deleted visit, goal or medicine
included): what search finds stays the same. Words stay accent-insensitive, and 'secure-delete' is set again
(it is a setting of the FTS5 table, not of the record). The old table's pages are zeroed when it is dropped:
every connection runs with PRAGMA secure_delete.

A partial index per entry table (`WHERE deleted_at IS NOT NULL`) holds only the rows waiting to be purged, so
the purge at every unlock and lock reads those rather than every entry. And each link that a purge sets to NULL
(ON DELETE SET NULL: a goal's appointment, a document's diagnosis, a medicine's prescriber, ...) gets an index of
the rows that have one: purging a visit looked for its goals and documents by reading both tables whole.

The table names are written out: a migration describes the schema as it was at this version.
"""

_SEARCHED = ("contacts", "allergies", "diagnoses", "appointments", "questions", "goals", "goal_evaluations",
             "medications", "medication_changes", "documents", "vaccinations", "procedures", "diary")
_CHILDREN = {"questions": ("appointment_id", "appointments"), "goal_evaluations": ("goal_id", "goals"),
             "medication_changes": ("medication_id", "medications")}
_ENTRY_TABLES = _SEARCHED[:12] + ("measures", "measure_targets", "monitoring_plans", "diary", "import_mappings")
_LINKS_SET_NULL = {"diagnoses": ("diagnosed_by", "expertise_centre", "treating_physician"),
                   "appointments": ("contact_id",), "goals": ("diagnosis_id", "agreed_with", "appointment_id"),
                   "medications": ("reason_id", "prescriber_id"), "documents": ("diagnosis_id", "appointment_id"),
                   "measure_targets": ("agreed_with",), "monitoring_plans": ("agreed_with",)}


def _live(table: str) -> str:
    """The ids of `table` that search may show: not deleted, nor a child of a deleted parent."""
    if table not in _CHILDREN:
        return f"SELECT id FROM {table} WHERE deleted_at IS NULL"
    column, parent = _CHILDREN[table]
    return (f"SELECT c.id FROM {table} c JOIN {parent} p ON p.id = c.{column} "
            "WHERE c.deleted_at IS NULL AND p.deleted_at IS NULL")


_KEEP = "\n".join(
    f"DELETE FROM search_entries WHERE entry_table = '{table}' AND entry_id NOT IN ({_live(table)});"
    for table in _SEARCHED)
_PURGE_INDEXES = "\n".join(
    f"CREATE INDEX {table}_deleted ON {table} (id) WHERE deleted_at IS NOT NULL;" for table in _ENTRY_TABLES)
_LINK_INDEXES = "\n".join(
    f"CREATE INDEX {table}_by_{column} ON {table} ({column}) WHERE {column} IS NOT NULL;"
    for table, columns in _LINKS_SET_NULL.items() for column in columns)
_KNOWN = ", ".join(f"'{table}'" for table in _SEARCHED)

SQL = f"""
ALTER TABLE search_index RENAME TO search_index_v8;

-- id: the rowid of the entry's text in search_index. One row per entry at most.
CREATE TABLE search_entries (
    id          INTEGER PRIMARY KEY,
    entry_table TEXT NOT NULL,
    entry_id    INTEGER NOT NULL,
    UNIQUE (entry_table, entry_id)
) STRICT;

-- section and item_id: where a hit leads (a question leads to its appointment). Accents are ignored.
CREATE VIRTUAL TABLE search_index USING fts5(
    section UNINDEXED, item_id UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Without this, FTS5 only marks deleted text as deleted: the words would stay in its pages.
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

-- Should an entry have had two rows, the later one (the higher rowid) stays.
INSERT OR IGNORE INTO search_entries (id, entry_table, entry_id)
SELECT rowid, substr(entry, 1, instr(entry, ':') - 1), CAST(substr(entry, instr(entry, ':') + 1) AS INTEGER)
FROM search_index_v8 WHERE instr(entry, ':') > 0 ORDER BY rowid DESC;
DELETE FROM search_entries WHERE entry_table NOT IN ({_KNOWN});
{_KEEP}

INSERT INTO search_index (rowid, section, item_id, title, body)
SELECT rowid, section, item_id, title, body FROM search_index_v8 WHERE rowid IN (SELECT id FROM search_entries);
DROP TABLE search_index_v8;

{_PURGE_INDEXES}
{_LINK_INDEXES}
"""
