"""Regie's own JSON file imported in batches (issue 20): entries written many to a statement and their search
text at the end give the same record as one by one, with progress told between batches."""

import json

from phr.formats.native import read as native_json
from phr.record.services import RecordServices

NOTES = 2 * native_json.BATCH + 3  # more than one batch, and a part of one


def _provenance():
    return {"entered_by": "owner", "changed_by": "owner", "source": "typed", "source_detail": None,
            "created_at": "2026-11-01T08:00:00+00:00", "changed_at": "2026-11-02T08:00:00+00:00"}


def _document(name, notes=NOTES):
    diary = [{"uid": f"d{n}", "written_at": "2026-11-01T20:15", "kind": "note", "text": f"Notitie nummer{n} café",
              "provenance": _provenance()} for n in range(notes)]
    visits = [{"uid": f"a{n}", "starts_at": "2026-11-03T10:00", "contact_id": None, "location": None,
               "purpose": f"Controle{n}", "notes": None, "outcome": None, "provenance": _provenance()}
              for n in range(3)]
    questions = [{"uid": f"q{n}", "appointment_id": f"a{n}", "position": 1, "text": f"Vraag{n} over sporten",
                  "answered": 0, "answer": None, "provenance": _provenance()} for n in range(3)]
    return {"format": "regie-record", "version": 6, "person": {"name": name},
            "sections": {"appointments": visits, "questions": questions, "diary": diary + [dict(diary[0])]},
            "reading_batches": [], "reference_ranges": [], "authors": [{"ref": "owner", "role": "owner", "name": name}]}


def test_a_file_of_several_batches_imports_whole_searchable_and_tells_its_progress(session):
    services = RecordServices(session)
    told = []
    data = json.dumps(_document(services.person.get().name)).encode()
    summary = native_json.import_record(session, data, progress=lambda done, total: told.append((done, total)))
    # The diary's first note is in the file twice: the first one stands.
    assert summary.added == {"appointments": 3, "questions": 3, "diary": NOTES}
    assert summary.already_present == {"diary": 1}
    total = 2 * (NOTES + 1 + 6)  # each entry checked, then written
    assert told[-1] == (total, total) and all(t == total for _, t in told)
    assert [done for done, _ in told] == sorted(done for done, _ in told) and len(told) >= 4
    # Every entry has one search row, found by its words; a question leads to its own appointment.
    db = session.db
    assert db.integer("SELECT count(*) FROM search_entries") == db.integer("SELECT count(*) FROM search_index") \
        == NOTES + 6
    note = services.diary.all()[0]
    assert [(hit.section, hit.item_id) for hit in services.search.search(note.text.split()[-2])] == \
        [("monitoring", note.id)]
    [question] = services.search.search("vraag2")
    assert question.item_id == services.appointments.live_id_of_uid("a2")
    assert len(services.search.search("cafe", limit=5000)) == NOTES  # accents ignored, as typed-in text
    assert session.check().healthy


def test_importing_the_same_file_again_adds_nothing_and_keeps_one_search_row_each(session):
    data = json.dumps(_document(RecordServices(session).person.get().name, notes=7)).encode()
    native_json.import_record(session, data)
    again = native_json.import_record(session, data)
    assert again.added == {} and again.already_present == {"appointments": 3, "questions": 3, "diary": 8}
    assert session.db.integer("SELECT count(*) FROM search_index") == 7 + 6


def test_a_failed_import_leaves_no_search_text(session):
    """The second batch breaks a rule: nothing of the first stays, neither entries nor their search rows."""
    name = RecordServices(session).person.get().name
    doc = _document(name)
    doc["sections"]["diary"][native_json.BATCH + 1]["written_at"] = "gisteren"
    try:
        native_json.import_record(session, json.dumps(doc).encode())
    except native_json.InvalidImport:
        pass
    else:
        raise AssertionError("the file must be refused")
    assert session.db.integer("SELECT count(*) FROM diary") == 0
    assert session.db.integer("SELECT count(*) FROM search_entries") == 0
    assert session.db.integer("SELECT count(*) FROM search_index") == 0
