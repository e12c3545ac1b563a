"""The search index is keyed by entry (schema 9, issue 20): replacing or removing an entry's text is a look-up,
each entry has one search row at most, and the purge at lock takes the rows of what it removes, children
included, by the deleted rows alone."""

import shutil
from dataclasses import replace

import pytest
from conftest import PASSPHRASE
from locations import FIXTURES

from phr.access import records
from phr.record.appointments import Appointment
from phr.record.diary import DiaryEntry
from phr.record.services import RecordServices
from phr.storage import migrations
from phr.storage.repos.entries import EntryRepository, purge_deleted
from phr.storage.repos.tables import APPOINTMENTS, DIARY, QUESTIONS
from phr.storage.schema import MIGRATIONS


def _search_rows(db, table, item_id):
    """(section, item_id, title) of each search row the entry has, found both ways: by the key map and by text."""
    return db.query("SELECT i.section, i.item_id, i.title FROM search_entries s JOIN search_index i ON i.rowid = s.id "
                    "WHERE s.entry_table = ? AND s.entry_id = ?", (table, item_id))


def _consistent(db):
    """Every search row has its key and every key its row."""
    texts = db.integer("SELECT count(*) FROM search_index")
    keys = db.integer("SELECT count(*) FROM search_entries")
    joined = db.integer("SELECT count(*) FROM search_entries s JOIN search_index i ON i.rowid = s.id")
    return texts == keys == joined


def _found(services, word):
    return [(hit.section, hit.item_id) for hit in services.search.search(word)]


def test_a_change_delete_and_restore_keep_exactly_one_search_row(session):
    services, db = RecordServices(session), session.db
    note = services.diary.add(DiaryEntry("2026-11-21T20:15", "note", "Hoofdpijn na de wandeling")).item_id
    assert _search_rows(db, "diary", note) == [("monitoring", note, "Hoofdpijn na de wandeling")]
    services.diary.update(replace(services.diary.get(note), text="Duizelig na het fietsen"))
    assert _search_rows(db, "diary", note) == [("monitoring", note, "Duizelig na het fietsen")]
    assert _found(services, "hoofdpijn") == [] and _found(services, "duizelig") == [("monitoring", note)]
    services.diary.delete(note)
    assert _search_rows(db, "diary", note) == [] and _found(services, "duizelig") == []
    services.diary.undo_delete(note)
    services.diary.undo_delete(note)  # twice: still one row
    assert _search_rows(db, "diary", note) == [("monitoring", note, "Duizelig na het fietsen")]
    assert _consistent(db)


def test_a_parent_deleted_and_restored_takes_its_childrens_search_rows_along(session):
    services, db = RecordServices(session), session.db
    visit = services.appointments.add(Appointment(starts_at="2026-12-01T10:00", purpose="Controle bijnier")).item_id
    question = services.appointments.add_question(visit, "Mag ik weer sporten?").item_id
    assert _search_rows(db, "questions", question) == [("appointments", visit, "Mag ik weer sporten?")]
    services.appointments.delete(visit)
    assert _search_rows(db, "questions", question) == [] and _found(services, "sporten") == []
    services.appointments.undo_delete(visit)
    assert _search_rows(db, "questions", question) == [("appointments", visit, "Mag ik weer sporten?")]
    assert _found(services, "sporten") == [("appointments", visit)]
    assert _consistent(db)


def test_the_purge_removes_the_search_rows_of_deleted_parents_and_their_children(session):
    services, db = RecordServices(session), session.db
    kept = services.appointments.add(Appointment(starts_at="2026-12-02T09:00", purpose="Huisarts")).item_id
    kept_question = services.appointments.add_question(kept, "Griepprik dit jaar?").item_id
    gone = services.appointments.add(Appointment(starts_at="2026-12-01T10:00", purpose="Tandarts")).item_id
    gone_question = services.appointments.add_question(gone, "Moet de kies eruit?").item_id
    # A deletion the repository's delete did not reach (an older version, a crash between statements): the rows
    # are marked deleted while their search text is still there. The purge must not leave it behind.
    with db.transaction():
        db.execute("UPDATE appointments SET deleted_at = '2026-12-01T11:00:00Z' WHERE id = ?", (gone,))
    assert _search_rows(db, "questions", gone_question)
    assert purge_deleted(db, "2026-12-01T12:00:00Z") == 1
    assert _search_rows(db, "appointments", gone) == [] and _search_rows(db, "questions", gone_question) == []
    assert db.query("SELECT id FROM questions") == [(kept_question,)]
    assert _found(services, "kies") == [] and _found(services, "tandarts") == []
    assert _found(services, "griepprik") == [("appointments", kept)]
    assert _consistent(db)


# --- the statements themselves look up, they do not read every row --------------------------------

def _statements(db, monkeypatch):
    """The statements the repository runs from here on (and the unwatched query, to explain them with)."""
    ran, query = [], db.query
    for name in ("execute", "query"):
        original = getattr(db, name)
        monkeypatch.setattr(db, name,
                            lambda sql, params=(), run=original: ran.append((sql, params)) or run(sql, params))
    return ran, query


def _full_scans(query, statements):
    """The plan lines that read a whole table: an ordinary table without an index (a partial index of the rows
    waiting for the purge, `<table>_deleted`, holds those rows only), or FTS5 with no constraint (an empty idxStr)."""
    scans = []
    for sql, params in statements:
        if sql.startswith(("BEGIN", "COMMIT")):
            continue
        for *_, detail in query(f"EXPLAIN QUERY PLAN {sql}", params):
            partial = "_deleted" in detail and "USING INDEX" in detail
            if detail.startswith("SCAN ") and not partial and not detail.startswith("SCAN json_each") and (
                    "VIRTUAL TABLE" not in detail or detail.endswith(":")):
                scans.append(f"{sql} -> {detail}")
    return scans


@pytest.mark.parametrize("table", [DIARY, QUESTIONS, APPOINTMENTS], ids=lambda t: t.name)
def test_replacing_and_removing_an_entrys_search_text_reads_no_whole_table(session, monkeypatch, table):
    services, db = RecordServices(session), session.db
    visit = services.appointments.add(Appointment(starts_at="2026-12-01T10:00", purpose="Controle")).item_id
    question = services.appointments.add_question(visit, "Mag ik weer sporten?").item_id
    note = services.diary.add(DiaryEntry("2026-11-21T20:15", "note", "Hoofdpijn")).item_id
    item_id = {"diary": note, "questions": question, "appointments": visit}[table.name]
    repo = EntryRepository(db, table)
    ran, query = _statements(db, monkeypatch)
    with db.transaction():
        repo._index(item_id)
        repo._unindex(item_id)
        repo._index(item_id)
    assert any("search_index" in sql for sql, _ in ran)
    assert _full_scans(query, list(ran)) == []


def test_the_purge_reads_only_what_was_deleted(session, monkeypatch):
    """A deleted note, and a deleted visit whose question goes with it: found through the partial indexes and
    the question's index on its visit, never by reading a whole table."""
    services, db = RecordServices(session), session.db
    kept = services.appointments.add(Appointment(starts_at="2026-12-02T10:00", purpose="Huisarts")).item_id
    services.appointments.add_question(kept, "Griepprik?")
    visit = services.appointments.add(Appointment(starts_at="2026-12-01T10:00", purpose="Controle")).item_id
    services.appointments.add_question(visit, "Mag ik weer sporten?")
    services.appointments.delete(visit)
    services.diary.delete(services.diary.add(DiaryEntry("2026-11-21T20:15", "note", "Hoofdpijn")).item_id)
    ran, query = _statements(db, monkeypatch)
    assert purge_deleted(db, "2026-12-01T12:00:00Z") == 2
    assert any("questions WHERE appointment_id IN" in sql for sql, _ in ran)  # the children were looked for
    assert _full_scans(query, list(ran)) == []
    assert db.integer("SELECT count(*) FROM questions") == 1 and _consistent(db)


def test_the_scan_check_sees_a_scan(session, monkeypatch):
    """The check above would pass on anything if it missed the old statement's plan."""
    ran = [("DELETE FROM search_index WHERE section = ?", ("diary",)),
           ("SELECT count(*) FROM diary WHERE deleted_at IS NULL", ())]
    assert len(_full_scans(session.db.query, ran)) == 2


# --- the upgrade from schema 8 ---------------------------------------------------------------------

def _opened_as_it_is(folder):
    """The record's database with its key, not upgraded (unlocking would upgrade it and run today's purges)."""
    from phr.access.passphrase import normalise
    from phr.storage.database import Database
    from phr.storage.keys import slots as keyslots
    from phr.storage.keys.files import KeyFiles

    ring = KeyFiles(folder).load().ring
    key = keyslots.unwrap(ring.record_id, ring.slot_of_kind("owner"), normalise(PASSPHRASE))
    return Database.open(folder / "record.db", key)


def test_the_upgrade_from_schema_8_keeps_search_working_and_drops_the_rows_of_deleted_entries(tmp_path):
    folder = tmp_path / "schema_v8"
    shutil.copytree(FIXTURES / "schema_v8", folder)
    db = _opened_as_it_is(folder)
    try:
        assert migrations.schema_version(db) == 8
        before = sorted(db.query("SELECT entry, section, item_id, title, body FROM search_index"))
        visit = db.integer("SELECT item_id FROM search_index WHERE entry LIKE 'questions:%' LIMIT 1")
        orphans = db.integer("SELECT count(*) FROM questions WHERE appointment_id = ?", (visit,))
        with db.transaction():  # rows a schema 8 record may hold: of a deleted visit's questions, of no entry
            db.execute("UPDATE appointments SET deleted_at = '2026-11-22T10:00:00Z' WHERE id = ?", (visit,))
            db.execute("INSERT INTO search_index (entry, section, item_id, title, body) "
                       "VALUES ('diary:9999', 'monitoring', 9999, 'Weggegooid', '')")
    finally:
        db.checkpoint()
        db.close()
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        db, services = session.db, RecordServices(session)
        assert migrations.schema_version(db) == max(MIGRATIONS)
        after = sorted(db.query("SELECT s.entry_table || ':' || s.entry_id, i.section, i.item_id, i.title, i.body "
                                "FROM search_entries s JOIN search_index i ON i.rowid = s.id"))
        dropped = [row for row in before if row not in after]
        assert len(dropped) == 1 + orphans and all(row[1] == "appointments" and row[2] == visit for row in dropped)
        assert _consistent(db)
        assert db.query("SELECT v FROM search_index_config WHERE k = 'secure-delete'") == [(1,)]
        # Accents still do not matter, either way round.
        assert _found(services, "bijnierinsufficientie") == _found(services, "bijnierinsufficiëntie") != []
        note = services.diary.add(DiaryEntry("2026-11-23T08:00", "note", "Pâtisserie gegeten, suiker 9,1")).item_id
        assert _found(services, "patisserie") == [("monitoring", note)]
        services.diary.update(replace(services.diary.get(note), text="Crème brûlée gegeten"))
        assert _search_rows(db, "diary", note) == [("monitoring", note, "Crème brûlée gegeten")]
        assert _found(services, "patisserie") == [] and _found(services, "brulee") == [("monitoring", note)]
    finally:
        session.lock()
