"""Diagnoses: what the person has, carries or may have, with codes, who found it and genetic details."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from phr.core.entries import Change
from phr.core.session import Session
from phr.core.vocabulary import DiagnosisStatus, Section, Zygosity
from phr.record.diagnoses import Diagnosis, DiagnosisService, orpha_display, parse_orpha
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import FormField, choice_field, date_field, link_field, long_text_field, text_field
from phr.ui.pages.section_page import SectionPage
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import escape, partial
from phr.ui.text.vocabulary import choices, label, label_of
from phr.ui.widgets.entry_table import Column

translate = QCoreApplication.translate


def status_explanation(status: str) -> str:
    """What a status means, in plain words (shown in the details, so no one has to guess)."""
    carrier = translate("Diagnoses", "You carry the variant; usually no symptoms. You can pass it on to your children.")
    return {
        "confirmed": translate("Diagnoses", "The diagnosis has been made."),
        "suspected": translate("Diagnoses", "The doctors think of this, but it is not certain yet."),
        "carrier": carrier,
        "resolved": translate("Diagnoses", "This is over, or no longer needs care."),
    }.get(status, "")


def orpha_field(name: str, label: str) -> FormField:
    """An ORPHAcode typed as 586, ORPHA:586 or orpha 586; text that is no code stays for validation to name."""
    edit = QLineEdit()
    edit.setPlaceholderText(translate("Diagnoses", "e.g. 586 or ORPHA:586"))

    def get() -> int | str | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parse_orpha(text)
        except ValueError:
            return text

    def set_value(value: int | str | None) -> None:
        edit.setText(orpha_display(value) if isinstance(value, int) else (value or ""))

    return FormField(name, label, edit, get, set_value, edit.textChanged)


def grouped_table(groups: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """Label/value rows under headings, in one table so the values line up; empty rows and groups are left out."""
    cells = ""
    for heading, rows in groups:
        filled = [(label, value) for label, value in rows if value not in (None, "")]
        if filled and heading:
            cells += f"<tr><td colspan='2' style='padding-top: 10px'><b>{escape(heading)}</b></td></tr>"
        cells += "".join(
            f"<tr><td style='padding-right: 12px; padding-left: 8px; vertical-align: top'>{escape(label)}</td>"
            f"<td>{escape(value).replace(chr(10), '<br>')}</td></tr>" for label, value in filled)
    return f"<table>{cells}</table>" if cells else ""


class DiagnosesPage(SectionPage[Diagnosis]):
    # Contacts are shown by name in the details, so a changed contact refreshes this page too.
    sections_shown = (Section.DIAGNOSES, Section.CARE_TEAM)
    service: DiagnosisService

    def __init__(self, service: DiagnosisService, session: Session, events: RecordEvents,
                 parent: QWidget | None = None) -> None:
        self.title = label(Section.DIAGNOSES)
        self._session = session
        super().__init__(service, events, parent)

    def columns(self) -> list[Column[Diagnosis]]:
        return [
            Column(translate("Diagnoses", "Diagnosis"), lambda d: d.name),
            Column(translate("Diagnoses", "Status"), lambda d: label_of(DiagnosisStatus, d.status)),
            Column(translate("Diagnoses", "Date"), lambda d: partial(d.diagnosed_on)),
            Column(translate("Diagnoses", "ORPHAcode"), lambda d: orpha_display(d.orpha_code)),
        ]

    def describe(self, diagnosis: Diagnosis) -> str:
        return diagnosis.name

    def _on_changed(self, change: Change) -> None:
        if change.section == Section.CARE_TEAM:  # a contact's id is no diagnosis id: keep what is selected
            self.reload()
        else:
            super()._on_changed(change)

    def editor(self, diagnosis: Diagnosis) -> EntryDialog[Diagnosis]:
        new = diagnosis.id is None
        title = translate("Diagnoses", "New diagnosis") if new else translate("Diagnoses", "Change diagnosis")
        save = self.service.add if new else self.service.update
        headings = {"gene": translate("Diagnoses", "Genetic details"),
                    "notes": translate("Diagnoses", "Notes and information")}
        return EntryDialog(title, self._fields(), diagnosis, self.service.validate, save, self, headings)

    def _fields(self) -> list[FormField]:
        contacts = links.choices(self._session, "contacts")
        nobody = translate("Diagnoses", "(nobody chosen)")
        return [
            text_field("name", translate("Diagnoses", "&Diagnosis:"),
                       translate("Diagnoses", "e.g. congenital adrenal hyperplasia")),
            choice_field("status", translate("Diagnoses", "St&atus:"), choices(DiagnosisStatus)),
            date_field("diagnosed_on", translate("Diagnoses", "Diagnosed &on:")),
            orpha_field("orpha_code", translate("Diagnoses", "O&RPHAcode:")),
            text_field("icd10", translate("Diagnoses", "&ICD-10 code:"), translate("Diagnoses", "e.g. E25.0")),
            link_field("diagnosed_by", translate("Diagnoses", "Diagnosed &by:"), contacts, nobody),
            link_field("expertise_centre", translate("Diagnoses", "&Expertise centre:"), contacts, nobody),
            text_field("gene", translate("Diagnoses", "&Gene:"), translate("Diagnoses", "e.g. CYP21A2")),
            text_field("variant", translate("Diagnoses", "&Variant (HGVS):"),
                       translate("Diagnoses", "e.g. NM_000500.9:c.293-13C>G")),
            choice_field("zygosity", translate("Diagnoses", "&Zygosity:"),
                         [("", translate("Diagnoses", "(not filled in)")), *choices(Zygosity)]),
            text_field("genetic_lab", translate("Diagnoses", "&Laboratory:")),
            date_field("genetic_test_date", translate("Diagnoses", "&Test date:")),
            long_text_field("notes", translate("Diagnoses", "&Notes:")),
            long_text_field("information_received", translate("Diagnoses", "In&formation received:"),
                            translate("Diagnoses", "e.g. leaflets, explanations from the doctor")),
            long_text_field("trusted_websites", translate("Diagnoses", "Trusted &websites:"),
                            translate("Diagnoses", "One website per line, e.g. www.orpha.net")),
        ]

    def details_html(self, d: Diagnosis) -> str:
        names = self.service.linked_contacts(d)
        status = label_of(DiagnosisStatus, d.status)
        rows = [
            (translate("Diagnoses", "Status"), f"{status}\n{status_explanation(d.status)}"),
            (translate("Diagnoses", "Diagnosed on"), partial(d.diagnosed_on)),
            (translate("Diagnoses", "ORPHAcode"), orpha_display(d.orpha_code)),
            (translate("Diagnoses", "ICD-10 code"), d.icd10),
            (translate("Diagnoses", "Diagnosed by"), names["diagnosed_by"]),
            (translate("Diagnoses", "Expertise centre"), names["expertise_centre"]),
        ]
        more = [
            (translate("Diagnoses", "Notes"), d.notes),
            (translate("Diagnoses", "Information received"), d.information_received),
            (translate("Diagnoses", "Trusted websites"), "\n".join(d.website_list())),
        ]
        groups = [("", rows), (translate("Diagnoses", "Genetic details"), self._genetic_rows(d)),
                  (translate("Diagnoses", "Notes and information"), more)]
        return f"<h3>{escape(d.name)}</h3>" + grouped_table(groups)

    def _genetic_rows(self, d: Diagnosis) -> list[tuple[str, str]]:
        return [
            (translate("Diagnoses", "Gene"), d.gene),
            (translate("Diagnoses", "Variant (HGVS)"), d.variant),
            (translate("Diagnoses", "Zygosity"), label_of(Zygosity, d.zygosity)),
            (translate("Diagnoses", "Laboratory"), d.genetic_lab),
            (translate("Diagnoses", "Test date"), partial(d.genetic_test_date)),
        ]
