"""Vaccinations: which vaccine, when, which dose of a series and against what.

A vaccination read from a file keeps the file's codes; the details show them, read-only: they go out again
with the next export, and the form has no field for them (phr.record.history.vaccinations).
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from phr.core.vocabulary import Section
from phr.record.history.vaccinations import MAX_DOSE_NUMBER, Vaccination, VaccinationService
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import FormField, count_field, date_field, long_text_field, text_field, with_help
from phr.ui.history.common import keyboard_order
from phr.ui.pages.diagnosis_details import codes_row, doctor_part
from phr.ui.pages.section_page import SectionPage
from phr.ui.text.formatting import definition_table, escape, partial
from phr.ui.text.vocabulary import label
from phr.ui.widgets.entry_table import Column

translate = QCoreApplication.translate


def dose_text(number: int | None) -> str:
    return str(number) if number is not None else ""


class VaccinationsPage(SectionPage[Vaccination]):
    sections_shown = (Section.VACCINATIONS,)
    service: VaccinationService

    def __init__(self, service: VaccinationService, events: RecordEvents, parent: QWidget | None = None) -> None:
        self.title = label(Section.VACCINATIONS)
        super().__init__(service, events, parent)
        self.add_button.setText(translate("Vaccinations", "&Add vaccination…"))
        keyboard_order(self)

    def empty_state_texts(self) -> tuple[str, str]:
        return (translate("Vaccinations", "Here you keep the vaccinations: which vaccine, when, and against what."),
                translate("Vaccinations", "&Add vaccination…"))

    def columns(self) -> list[Column[Vaccination]]:
        return [
            Column(translate("Vaccinations", "Vaccine"), lambda v: v.vaccine),
            Column(translate("Vaccinations", "Date"), lambda v: partial(v.given_on)),
            Column(translate("Vaccinations", "Dose"), lambda v: dose_text(v.dose_number)),
            Column(translate("Vaccinations", "Against"), lambda v: v.against),
        ]

    def describe(self, vaccination: Vaccination) -> str:
        return vaccination.vaccine

    def editor(self, vaccination: Vaccination) -> EntryDialog[Vaccination]:
        new = vaccination.id is None
        title = translate("Vaccinations", "New vaccination") if new else translate("Vaccinations",
                                                                                      "Change vaccination")
        save = self.service.add if new else self.service.update
        return EntryDialog(title, self._fields(), vaccination, self.service.validate, save, self)

    def _fields(self) -> list[FormField]:
        return [
            text_field("vaccine", translate("Vaccinations", "&Vaccine:"),
                       translate("Vaccinations", "e.g. flu vaccine, COVID-19 (Comirnaty), DTP")),
            date_field("given_on", translate("Vaccinations", "Given &on:")),
            with_help(count_field("dose_number", translate("Vaccinations", "Dose n&umber:"), 1, MAX_DOSE_NUMBER,
                                  translate("Vaccinations", "(not filled in)")),
                      translate("Vaccinations", "Some vaccines are given more than once. 1 is the first time, "
                                                "2 the second time. Leave it empty if you do not know.")),
            with_help(text_field("against", translate("Vaccinations", "&Against:"),
                                 translate("Vaccinations", "e.g. measles, mumps and rubella")),
                      translate("Vaccinations", "The illness the vaccine protects you against.")),
            text_field("given_by", translate("Vaccinations", "Given &by:"),
                       translate("Vaccinations", "e.g. the GP, the municipal health service (GGD), the hospital")),
            with_help(text_field("lot_number", translate("Vaccinations", "Ba&tch number:"),
                                 translate("Vaccinations", "e.g. FK1234")),
                      translate("Vaccinations", "It is on your vaccination card or in your vaccination booklet. "
                                                "Not there? Leave it empty.")),
            long_text_field("notes", translate("Vaccinations", "&Notes:"),
                            translate("Vaccinations", "e.g. a sore arm for two days")),
        ]

    def details_html(self, v: Vaccination) -> str:
        rows = [
            (translate("Vaccinations", "Given on"), partial(v.given_on)),
            (translate("Vaccinations", "Dose number"), dose_text(v.dose_number)),
            (translate("Vaccinations", "Against"), v.against),
            (translate("Vaccinations", "Given by"), v.given_by),
            (translate("Vaccinations", "Batch number"), v.lot_number),
            (translate("Vaccinations", "Notes"), v.notes),
        ]
        return (f"<h3>{escape(v.vaccine)}</h3>" + definition_table(rows)
                + doctor_part([("", [codes_row(v.codes)])], self.doctor_part_open))
