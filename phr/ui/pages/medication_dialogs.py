"""The dialogs of the medicines page: a medicine, a dose change (new or corrected), and stopping."""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from phr.core.session import Session
from phr.core.validation import required_id
from phr.core.vocabulary import DoseUnit, FoodTiming, Route
from phr.record.medications import MAX_TIMES_PER_DAY, Medication, MedicationChange, MedicationService
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import (
    FormField,
    check_field,
    choice_field,
    count_field,
    date_field,
    decimal_field,
    link_field,
    long_text_field,
    text_field,
    with_help,
)
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import fill
from phr.ui.text.vocabulary import choices

translate = QCoreApplication.translate


def medication_dialog(service: MedicationService, session: Session, medication: Medication,
                      parent: QWidget | None = None) -> EntryDialog[Medication]:
    """Add a medicine (`medication` is blank) or change one."""
    new = medication.id is None
    title = translate("Medications", "New medicine") if new else translate("Medications", "Change medicine")
    save = service.add if new else service.update
    headings = {"dose_amount": translate("Medications", "Dose, for the exports"),
                "reason_id": translate("Medications", "Why and since when")}
    return EntryDialog(title, _medication_fields(session), medication, service.validate, save, parent, headings)


def _medication_fields(session: Session) -> list[FormField]:
    none = translate("Medications", "(none)")
    return [
        text_field("name", translate("Medications", "N&ame:"), translate("Medications", "e.g. Hydrocortisone")),
        with_help(text_field("name_en", translate("Medications", "Name in Eng&lish:")),
                  translate("Medications", "Only if the name is different in English, for exports in English.")),
        text_field("strength", translate("Medications", "S&trength:"), translate("Medications", "e.g. 10 mg")),
        text_field("dose", translate("Medications", "&Dose, in your words:"), translate("Medications", "e.g. 1 tablet")),
        text_field("schedule", translate("Medications", "Sc&hedule, in your words:"),
                   translate("Medications", "e.g. 3 times a day: 10-5-5 mg")),
        choice_field("route", translate("Medications", "&Route:"),
                     [("", translate("Medications", "Not filled in")), *choices(Route)]),
        *_structured_dose_fields(),
        link_field("reason_id", translate("Medications", "R&eason (diagnosis):"),
                   links.choices(session, "diagnoses"), none),
        link_field("prescriber_id", translate("Medications", "&Prescribed by:"),
                   links.choices(session, "contacts"), none),
        date_field("start_date", translate("Medications", "&Started on:")),
        date_field("stop_date", translate("Medications", "St&opped on:")),
        with_help(check_field("ended", translate("Medications", "Stopped, date not &known")),
                  translate("Medications", "Tick this when you no longer take it but do not know since when.")),
        text_field("stop_reason", translate("Medications", "Reason for stoppin&g:")),
        long_text_field("notes", translate("Medications", "&Notes:")),
    ]


def _structured_dose_fields() -> list[FormField]:
    """The dose as the app understands it, so every export can say it in its own language."""
    return [
        with_help(decimal_field("dose_amount", translate("Medications", "A&mount each time:"),
                                translate("Medications", "e.g. 1 or 0,5")),
                  translate("Medications", "So that a doctor abroad can read it too: the app writes this dose "
                                           "in the language of each export.")),
        choice_field("dose_unit", translate("Medications", "&Unit:"),
                     [("", translate("Medications", "(not filled in)")), *choices(DoseUnit)]),
        count_field("times_per_day", translate("Medications", "T&imes a day:"), 1, MAX_TIMES_PER_DAY,
                    translate("Medications", "(not filled in)")),
        choice_field("food", translate("Medications", "With or without &food:"),
                     [("", translate("Medications", "(does not matter)")), *choices(FoodTiming)]),
        check_field("as_needed", translate("Medications", "Only &when needed (e.g. an emergency injection)")),
    ]


def change_dose_dialog(service: MedicationService, medication: Medication, today: date,
                       parent: QWidget | None = None) -> EntryDialog[MedicationChange]:
    """A new dose from a date on; it starts from today and the dose and schedule used now."""
    change = MedicationChange(medication.id, today.isoformat(), medication.dose, medication.schedule)
    title = fill(translate("Medications", "Change dose: %1"), medication.name)
    return EntryDialog(title, _change_fields(), change, service.validate_change, service.add_change, parent)


def correct_change_dialog(service: MedicationService, change: MedicationChange, medication_name: str,
                          parent: QWidget | None = None) -> EntryDialog[MedicationChange]:
    """Correct an entry in the history of changes."""
    title = fill(translate("Medications", "Correct a change: %1"), medication_name)
    return EntryDialog(title, _change_fields(), change, service.validate_change, service.update_change, parent)


def _change_fields() -> list[FormField]:
    return [
        date_field("changed_on", translate("Medications", "Da&te of the change:")),
        with_help(text_field("dose", translate("Medications", "New &dose:"), translate("Medications", "e.g. 1 tablet")),
                  translate("Medications", "The dose for the exports is then emptied, so no card shows the old dose. "
                                           "Fill it in again with Change medicine.")),
        text_field("schedule", translate("Medications", "New &schedule:"),
                   translate("Medications", "e.g. 3 times a day: 10-5-5 mg")),
        long_text_field("reason", translate("Medications", "&Reason:"),
                        translate("Medications", "e.g. more symptoms during stress, agreed with the doctor")),
    ]


def stop_dialog(service: MedicationService, medication: Medication, today: date,
                parent: QWidget | None = None) -> EntryDialog[Medication]:
    """Stop a medicine from a date (today unless said otherwise), with the reason."""
    stopping = replace(medication, stop_date=medication.stop_date or today.isoformat())
    title = fill(translate("Medications", "Stop medicine: %1"), medication.name)
    fields = [
        date_field("stop_date", translate("Medications", "&Stopped on:")),
        long_text_field("stop_reason", translate("Medications", "&Reason:"),
                        translate("Medications", "e.g. side effects, no longer needed")),
    ]
    return EntryDialog(title, fields, stopping, service.validate_stop,
                       lambda m: service.stop(required_id(m.id, "medication_id"), m.stop_date, m.stop_reason), parent)
