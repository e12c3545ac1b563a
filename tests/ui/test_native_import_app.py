"""Importing Regie's own JSON file in the app (issue 20): a progress bar that follows the reader's batches,
Cancel that adds nothing, and a summary."""

import json

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from phr.core.vocabulary import Section
from phr.formats.native import read as native_json
from phr.ui.imports import native_import
from phr.ui.imports.native_import import NativeImport

NOTES = 2 * native_json.BATCH + 1


def regie_file(name: str, notes: int = NOTES) -> bytes:
    provenance = {"entered_by": "owner", "changed_by": "owner", "created_at": "2026-11-01T08:00:00+00:00",
                  "changed_at": "2026-11-01T08:00:00+00:00"}
    diary = [{"uid": f"d{n}", "written_at": "2026-11-01T20:15", "kind": "note", "text": f"Notitie {n}",
              "provenance": provenance} for n in range(notes)]
    return json.dumps({"format": "regie-record", "version": 6, "person": {"name": name}, "sections": {"diary": diary},
                       "authors": [{"ref": "owner", "role": "owner", "name": name}]}).encode()


@pytest.fixture
def shown(monkeypatch):
    """What the message boxes said: (title, text, details)."""
    said: list[tuple[str, str, str]] = []

    def exec_box(box) -> int:
        said.append((box.windowTitle(), box.text(), box.detailedText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: said.append((title, text, "")))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: said.append((title, text, "")))
    return said


@pytest.fixture
def importer(qtbot, services):
    parent = QWidget()
    qtbot.addWidget(parent)
    changes: list = []
    made = NativeImport(parent, services, changes.append)
    made.changes = changes  # type: ignore[attr-defined]
    return made


def test_an_import_shows_its_progress_adds_the_entries_and_says_so(qtbot, importer, services, shown, monkeypatch):
    bars: list[int] = []
    told = native_import._Progress.tell
    monkeypatch.setattr(native_import._Progress, "tell",
                        lambda self, done, total: told(self, done, total) or bars.append(round(self.fraction * 1000)))
    importer.start(regie_file(services.person.get().name), "leven.json")
    assert importer._busy is not None and importer._busy.maximum() == native_import.STEPS
    qtbot.waitUntil(lambda: not importer.is_busy, timeout=20_000)
    assert services.diary.count() == NOTES
    assert bars == sorted(bars) and bars[-1] == 1000 and len(bars) >= 3  # a step per batch, up to the end
    title, text, _ = shown[-1]
    assert title == "Regie file imported" and "leven.json" in text and f"{NOTES} entries added" in text
    assert Section.MONITORING in {change.section for change in importer.changes}
    assert importer._busy is None


def test_cancel_stops_the_import_and_adds_nothing(qtbot, importer, services, shown, monkeypatch):
    real_tell = native_import._Progress.tell

    def cancel_after_the_first_batch(self, done, total):
        if done >= native_json.BATCH:
            self.cancel()  # as Cancel in the dialog does, from the GUI thread
        real_tell(self, done, total)

    monkeypatch.setattr(native_import._Progress, "tell", cancel_after_the_first_batch)
    importer.start(regie_file(services.person.get().name), "leven.json")
    qtbot.waitUntil(lambda: not importer.is_busy, timeout=20_000)
    assert services.diary.count() == 0
    assert shown == [] and importer.summary is None


def test_a_file_that_is_not_regies_says_nothing_was_added(qtbot, importer, services, shown):
    importer.start(b'{"format": "something else"}', "other.json")
    qtbot.waitUntil(lambda: not importer.is_busy, timeout=20_000)
    title, text, details = shown[-1]
    assert text == "Regie cannot import this file. Nothing was added." and "not a Regie record file" in details
    assert services.diary.count() == 0


def test_a_folder_is_refused_before_it_is_read(importer, shown, tmp_path):
    importer.import_path(tmp_path)
    assert "device, a pipe or a folder" in shown[-1][1] and not importer.is_busy


def test_the_summary_writes_its_numbers_as_the_language_does(qapp):
    from PySide6.QtCore import QLocale

    from phr.formats.native.read import ImportSummary

    before = QLocale()
    try:
        for language, number in ((QLocale.Language.Dutch, "100.000"), (QLocale.Language.English, "100,000")):
            QLocale.setDefault(QLocale(language, QLocale.Country.Netherlands if language == QLocale.Language.Dutch
                                       else QLocale.Country.UnitedKingdom))
            text = native_import.summary_text(ImportSummary({"diary": 100_000}, {"diary": 1}), "leven.json")
            assert f"\n{number} entries added." in text
    finally:
        QLocale.setDefault(before)
