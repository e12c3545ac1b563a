"""The free diary on the monitoring page: how the day went, symptoms, admissions and other events.

A section page like the others (add, change, delete with undo, provenance in the details); an
admission also shows on every chart as an event.
"""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from phr.core.entries import Change
from phr.core.vocabulary import DiaryKind, Section
from phr.record.diary import TIME_FORMAT, DiaryEntry, DiaryService
from phr.ui.app.events import RecordEvents
from phr.ui.forms.date_time_field import date_time_field
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import choice_field, long_text_field
from phr.ui.pages.section_page import SectionPage
from phr.ui.text.formatting import definition_table, escape, when
from phr.ui.text.vocabulary import choices, label_of
from phr.ui.widgets.entry_table import Column

translate = QCoreApplication.translate
SHORT_TEXT = 80


def first_line(text: str) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= SHORT_TEXT else line[:SHORT_TEXT - 1].rstrip() + "…"


class DiaryPanel(SectionPage[DiaryEntry]):
    sections_shown = (Section.MONITORING,)
    service: DiaryService

    def __init__(self, service: DiaryService, events: RecordEvents, parent: QWidget | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        self.title = translate("Diary", "Diary")
        self._now = now or (lambda: datetime.now())
        super().__init__(service, events, parent)

    def columns(self) -> list[Column[DiaryEntry]]:
        return [Column(translate("Diary", "When"), lambda e: when(e.written_at)),
                Column(translate("Diary", "Kind"), lambda e: label_of(DiaryKind, e.kind)),
                Column(translate("Diary", "What"), lambda e: first_line(e.text))]

    def blank(self) -> DiaryEntry:
        return DiaryEntry(written_at=self._now().strftime(TIME_FORMAT))

    def describe(self, entry: DiaryEntry) -> str:
        return first_line(entry.text)[:40]

    def editor(self, entry: DiaryEntry) -> EntryDialog[DiaryEntry]:
        title = translate("Diary", "New diary entry") if entry.id is None else translate("Diary", "Change diary entry")
        save = self.service.add if entry.id is None else self.service.update
        fields = [
            date_time_field("written_at", translate("Diary", "&When:")),
            choice_field("kind", translate("Diary", "&Kind:"), choices(DiaryKind)),
            long_text_field("text", translate("Diary", "W&hat happened:"),
                            translate("Diary", "e.g. slept badly, more tired than usual")),
        ]
        return EntryDialog(title, fields, entry, self.service.validate, save, self)

    def details_html(self, entry: DiaryEntry) -> str:
        rows = [(translate("Diary", "When"), when(entry.written_at)), (translate("Diary", "Kind"),
                                                                         label_of(DiaryKind, entry.kind))]
        return definition_table(rows) + f"<p>{escape(entry.text).replace(chr(10), '<br>')}</p>"

    def _on_changed(self, change: Change) -> None:
        # Readings share the section 'monitoring' and their ids mean nothing here: keep the selection.
        if change.section in self.sections_shown:
            self.reload()
