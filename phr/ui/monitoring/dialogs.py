"""The dialogs of the monitoring page: agree a new target, a new measuring plan, your own measure.

All are EntryDialogs: they validate as you type through the service and never lose what was typed.
"""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from phr.core.session import Session
from phr.monitoring.custom_measures import CustomMeasure
from phr.monitoring.measures import BLOOD_PRESSURE, SCORE, VALUE, Measure
from phr.monitoring.targets import Plan, Target
from phr.record.services import RecordServices
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import (
    FormField,
    choice_field,
    date_field,
    link_field,
    long_text_field,
    number_field,
    text_field,
)
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import fill
from phr.ui.text.vocabulary import label

translate = QCoreApplication.translate


def whole_number_field(name: str, label: str, placeholder: str = "") -> FormField:
    """A whole number, or nothing; other text stays as typed so validation can say what is wrong."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)

    def get() -> int | str | None:
        text = edit.text().strip()
        return None if not text else int(text) if text.isdigit() else text

    return FormField(name, label, edit, get, lambda v: edit.setText("" if v is None else str(v)), edit.textChanged)


def _contact_field(session: Session, label: str) -> FormField:
    return link_field("agreed_with", label, links.choices(session, "contacts"), translate("MonitoringTargets",
                                                                                          "(not filled in)"))


def target_dialog(services: RecordServices, measure: Measure, language: str, today: date,
                  parent: QWidget | None = None) -> EntryDialog[Target]:
    """A new target, starting from the one in force (or the default) and today's date."""
    current = services.targets.current(measure.key) or Target(measure.key)
    target = replace(current, id=None, uid=None, provenance=None, agreed_with=None, agreed_on=today.isoformat(),
                     notes="")
    fields = _bp_target_fields() if measure.kind == BLOOD_PRESSURE else _target_fields()
    fields += [_contact_field(services.session, translate("MonitoringTargets", "Agreed &with:")),
               date_field("agreed_on", translate("MonitoringTargets", "Agreed &on:")),
               long_text_field("notes", translate("MonitoringTargets", "&Notes:"),
                               translate("MonitoringTargets", "e.g. what to do when a reading is too low"))]
    unit = measure.unit_text
    headings = {fields[0].name: fill(translate("MonitoringTargets", "Target (%1)"), unit),
                "alert_low": fill(translate("MonitoringTargets", "When to call the care team (%1)"), unit),
                "agreed_with": translate("MonitoringTargets", "Agreed with the care team")}
    title = fill(translate("MonitoringTargets", "Agree a new target: %1"), measure.name(language))
    return EntryDialog(title, fields, target, services.targets.validate, services.targets.add, parent, headings)


def _target_fields() -> list[FormField]:
    return [number_field("target_low", translate("MonitoringTargets", "From (&lowest):")),
            number_field("target_high", translate("MonitoringTargets", "Up to (&highest):")),
            number_field("alert_low", translate("MonitoringTargets", "Call &below:")),
            number_field("alert_high", translate("MonitoringTargets", "Call &above:"))]


def _bp_target_fields() -> list[FormField]:
    return [number_field("target_high", translate("MonitoringTargets", "&Systolic at most:")),
            number_field("target_high2", translate("MonitoringTargets", "&Diastolic at most:")),
            number_field("target_low", translate("MonitoringTargets", "Systolic at &least:")),
            number_field("target_low2", translate("MonitoringTargets", "Diastolic at l&east:")),
            number_field("alert_low", translate("MonitoringTargets", "Call when systolic is &below:")),
            number_field("alert_high", translate("MonitoringTargets", "Call when systolic is &above:"))]


def plan_dialog(services: RecordServices, measure: Measure, language: str, today: date,
                parent: QWidget | None = None) -> EntryDialog[Plan]:
    """A measuring plan: how often a day, from when, for how many days (empty: no end)."""
    series = measure.kind == BLOOD_PRESSURE  # the home protocol: 2 in the morning, 2 in the evening, 7 days
    plan = Plan(measure.key, 4 if series else 1, today.isoformat(), 7 if series else None)
    fields = [
        whole_number_field("per_day", translate("MonitoringTargets", "&Readings per day:")),
        date_field("start_date", translate("MonitoringTargets", "&Starting on:")),
        whole_number_field("days", translate("MonitoringTargets", "For how many &days:"),
                           translate("MonitoringTargets", "empty: no end date")),
        text_field("schedule", translate("MonitoringTargets", "&When:"),
                   translate("MonitoringTargets", "e.g. 2 in the morning, 2 in the evening")),
        _contact_field(services.session, translate("MonitoringTargets", "&Agreed with:")),
    ]
    title = fill(translate("MonitoringTargets", "New measuring plan: %1"), measure.name(language))
    return EntryDialog(title, fields, plan, services.plans.validate, services.plans.add, parent)


def custom_measure_dialog(services: RecordServices, parent: QWidget | None = None) -> EntryDialog[CustomMeasure]:
    """Your own measure: a value with a unit and bounds, or a symptom score from 0 to 10."""
    kinds = [(kind.value, label(kind)) for kind in (VALUE, SCORE)]  # blood pressure is the catalogue's alone
    fields = [
        text_field("name", translate("MonitoringTargets", "&Name:"), translate("MonitoringTargets", "e.g. Tiredness")),
        choice_field("kind", translate("MonitoringTargets", "&Kind:"), kinds),
        text_field("unit", translate("MonitoringTargets", "&Unit:"),
                   translate("MonitoringTargets", "e.g. cm (not needed for a score)")),
        number_field("low_bound", translate("MonitoringTargets", "&Lowest possible value:")),
        number_field("high_bound", translate("MonitoringTargets", "&Highest possible value:")),
        whole_number_field("decimals", translate("MonitoringTargets", "&Decimals:"), "0–4"),
    ]
    return EntryDialog(translate("MonitoringTargets", "Your own measure"), fields, CustomMeasure(kind=VALUE),
                       services.measures.validate, services.measures.add, parent)
