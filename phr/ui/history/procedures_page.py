"""Operations and other procedures: what was done, when, where and on which part of the body.

An anaesthetist asks for earlier operations and how the anaesthesia went: the notes say so, in the person's
own words. A procedure read from a file keeps the file's codes; the details show them, read-only.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from phr.core.vocabulary import Section
from phr.record.history.procedures import Procedure, ProcedureService
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import FormField, date_field, long_text_field, text_field, with_help
from phr.ui.history.common import keyboard_order
from phr.ui.pages.diagnosis_details import codes_row, doctor_part
from phr.ui.pages.section_page import SectionPage
from phr.ui.text.formatting import definition_table, escape, partial
from phr.ui.text.vocabulary import label
from phr.ui.widgets.entry_table import Column

translate = QCoreApplication.translate


class ProceduresPage(SectionPage[Procedure]):
    sections_shown = (Section.PROCEDURES,)
    service: ProcedureService

    def __init__(self, service: ProcedureService, events: RecordEvents, parent: QWidget | None = None) -> None:
        self.title = label(Section.PROCEDURES)
        super().__init__(service, events, parent)
        self.add_button.setText(translate("Procedures", "&Add operation or procedure…"))
        keyboard_order(self)

    def empty_state_texts(self) -> tuple[str, str]:
        return (translate("Procedures", "Here you keep operations and other treatments in a hospital, and how they "
                                        "went."),
                translate("Procedures", "&Add operation or procedure…"))

    def columns(self) -> list[Column[Procedure]]:
        return [
            Column(translate("Procedures", "What"), lambda p: p.name),
            Column(translate("Procedures", "Date"), lambda p: partial(p.performed_on)),
            Column(translate("Procedures", "Where"), lambda p: p.place),
            Column(translate("Procedures", "Body part"), lambda p: p.body_site),
        ]

    def describe(self, procedure: Procedure) -> str:
        return procedure.name

    def editor(self, procedure: Procedure) -> EntryDialog[Procedure]:
        new = procedure.id is None
        title = translate("Procedures", "New operation or procedure") if new else translate(
            "Procedures", "Change operation or procedure")
        save = self.service.add if new else self.service.update
        return EntryDialog(title, self._fields(), procedure, self.service.validate, save, self)

    def _fields(self) -> list[FormField]:
        return [
            with_help(text_field("name", translate("Procedures", "&What was done:"),
                                 translate("Procedures", "e.g. appendix removed, knee operation, gastroscopy")),
                      translate("Procedures", "An operation, or another treatment or examination in a hospital.")),
            date_field("performed_on", translate("Procedures", "&Date:")),
            text_field("place", translate("Procedures", "W&here:"),
                       translate("Procedures", "e.g. the name of the hospital or clinic, and the town")),
            text_field("body_site", translate("Procedures", "&Body part:"),
                       translate("Procedures", "e.g. left knee")),
            with_help(long_text_field("notes", translate("Procedures", "&Notes:")),
                      translate("Procedures", "For example how the anaesthesia went, or what happened after. "
                                              "A doctor who treats you later wants to know.")),
        ]

    def details_html(self, p: Procedure) -> str:
        rows = [
            (translate("Procedures", "Date"), partial(p.performed_on)),
            (translate("Procedures", "Where"), p.place),
            (translate("Procedures", "Body part"), p.body_site),
            (translate("Procedures", "Notes"), p.notes),
        ]
        return (f"<h3>{escape(p.name)}</h3>" + definition_table(rows)
                + doctor_part([("", [codes_row(p.codes)])], self.doctor_part_open))
