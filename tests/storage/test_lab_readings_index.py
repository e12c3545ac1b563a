"""A lab's readings of a catalogue measure are found through their own small index, not by walking a sensor's
millions of readings of the same measure (the FHIR export writes every lab reading)."""

from phr.storage.repos import lab_ranges


def test_the_lab_readings_query_uses_the_partial_index(session, monkeypatch):
    db, asked = session.db, []
    query = db.query
    monkeypatch.setattr(db, "query", lambda sql, params=(): asked.append((sql, params)) or query(sql, params))
    lab_ranges.readings_by_method(db, "glucose", "lab")
    [(sql, params)] = asked
    plan = " ".join(str(row[-1]) for row in query(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "readings_by_lab" in plan, plan
