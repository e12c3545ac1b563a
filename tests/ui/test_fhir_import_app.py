"""Importing a health summary (FHIR) in the app: the file, a question when it is someone else's, a summary."""

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from phr.core.vocabulary import Section
from phr.ui.imports import fhir_import
from phr.ui.imports.fhir_import import FhirImport


def bundle(patient_name: str | None) -> bytes:
    entries = [{"fullUrl": "urn:uuid:c1", "resource": {
        "resourceType": "Condition", "id": "c1", "clinicalStatus": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "38341003", "display": "Hypertension"}],
                 "text": "Hoge bloeddruk"}, "subject": {"reference": "urn:uuid:p1"}}},
        {"fullUrl": "urn:uuid:i1", "resource": {
            "resourceType": "Immunization", "id": "i1", "status": "not-done",
            "vaccineCode": {"text": "Influenza"}, "patient": {"reference": "urn:uuid:p1"},
            "occurrenceDateTime": "2025-10-01"}}]
    if patient_name:
        entries.insert(0, {"fullUrl": "urn:uuid:p1", "resource": {
            "resourceType": "Patient", "id": "p1", "name": [{"text": patient_name}], "birthDate": "1941-02-03"}})
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}).encode()


@pytest.fixture
def shown(monkeypatch):
    """What the message boxes said: (title or kind, text, details)."""
    said: list[tuple[str, str, str]] = []

    def exec_box(box) -> int:
        said.append((box.windowTitle(), box.text(), box.detailedText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: said.append((title, text, "")))
    return said


def run(qtbot, importer: FhirImport, data: bytes, name: str = "summary.json") -> None:
    importer.start(data, name, other_person=False)
    qtbot.waitUntil(lambda: not importer.is_busy, timeout=20_000)
    qtbot.wait(50)  # a second import (after the question) starts from the first one's answer


@pytest.fixture
def importer(qtbot, services):
    parent = QWidget()
    qtbot.addWidget(parent)
    changes: list = []
    made = FhirImport(parent, services, changes.append)
    made.changes = changes  # type: ignore[attr-defined]
    return made


def test_an_import_adds_the_entries_says_so_and_refreshes_the_pages(qtbot, importer, services, shown):
    run(qtbot, importer, bundle(None))
    assert [d.name for d in services.diagnoses.all()] == ["Hoge bloeddruk"]
    assert services.vaccinations.count() == 0  # "not done" is never a vaccination
    title, text, details = shown[-1]
    assert "summary.json" in text and "1 added, 0 already in your record" in text
    assert "not added" in text and "Immunization" in details  # what was left out is said, with why
    assert {change.section for change in importer.changes} >= {Section.DIAGNOSES, Section.VACCINATIONS}


def test_a_file_about_someone_else_asks_first_and_no_adds_nothing(qtbot, importer, services, shown, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args) or QMessageBox.StandardButton.No)
    services.person.update(replace(services.person.get(), name="Anna Jansen", birth_date="1990-04-01"))
    run(qtbot, importer, bundle("Pieter Bakker"))
    assert asked and services.diagnoses.count() == 0 and importer.summary is None


def test_yes_to_the_question_imports_it_all_the_same(qtbot, importer, services, shown, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    services.person.update(replace(services.person.get(), name="Anna Jansen", birth_date="1990-04-01"))
    run(qtbot, importer, bundle("Pieter Bakker"))
    qtbot.waitUntil(lambda: importer.summary is not None, timeout=20_000)
    assert services.diagnoses.count() == 1


def test_a_file_that_is_no_fhir_says_nothing_was_added(qtbot, importer, services, shown):
    run(qtbot, importer, b"time,value\n2026-01-01T10:00,5.1\n", "glucose.csv")
    title, text, details = shown[-1]
    assert "Nothing was added" in text and details  # the reader's reason is in the details
    assert services.diagnoses.count() == 0


def test_a_file_too_large_is_refused_before_it_is_read(qtbot, importer, shown, tmp_path, monkeypatch):
    monkeypatch.setattr(fhir_import, "MAX_BYTES", 10)
    path = tmp_path / "big.json"
    path.write_bytes(bundle(None))
    importer.import_path(path)
    assert "too large" in shown[-1][1] and not importer.is_busy


def test_a_device_or_a_pipe_is_refused_before_it_is_read(qtbot, importer, shown, tmp_path):
    import os

    pipe = tmp_path / "summary.json"
    os.mkfifo(pipe)  # reading it would wait for ever; /dev/zero (size 0) would never end
    for path in (pipe, Path("/dev/zero")):
        importer.import_path(path)
        assert "not a file Regie can read" in shown[-1][1] and not importer.is_busy
