"""Targets and plan of one measure: the target in force and who agreed it, earlier targets, measuring plans.

A catalogue default is shown as such ("default, not agreed with your care team"): a target only
counts as agreed when the person recorded who agreed it and when.
"""

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from phr.core import partial_date
from phr.monitoring.measures import Measure
from phr.monitoring.period_samples import samples_of
from phr.monitoring.targets import Plan, Target
from phr.record.services import RecordServices
from phr.ui.app.events import RecordEvents
from phr.ui.charts.words import target_text
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.monitoring import stats_html as html
from phr.ui.monitoring.dialogs import plan_dialog, target_dialog
from phr.ui.monitoring.measure_words import component_names, component_units, day_text
from phr.ui.monitoring.tab import Clock, MeasureTab
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import definition_table, escape, fill, heading, partial

translate = QCoreApplication.translate


def target_words(measure: Measure, target: Target, language: str) -> str:
    """'Systolic: target at most 135 mmHg. Diastolic: target at most 85 mmHg.'"""
    names, units = component_names(measure, language), component_units(measure)
    pairs = [(target.target_low, target.target_high), (target.target_low2, target.target_high2)][:len(names)]
    parts = []
    for name, unit, (low, high) in zip(names, units, pairs):
        text = target_text(QLocale(), low, high, measure.decimals, unit)
        if text:
            parts.append(f"{name}: {text}." if len(names) > 1 else text[:1].upper() + text[1:] + ".")
    return " ".join(parts)


def alert_words(measure: Measure, target: Target) -> str:
    unit, decimals = measure.unit_text, measure.decimals
    low = html.shown(target.alert_low, decimals, unit) if target.alert_low is not None else ""
    high = html.shown(target.alert_high, decimals, unit) if target.alert_high is not None else ""
    if low and high:
        return fill(translate("MonitoringTargets", "Call your care team below %1 or above %2."), low, high)
    if low or high:
        return fill(translate("MonitoringTargets", "Call your care team below %1.") if low else
                    translate("MonitoringTargets", "Call your care team above %1."), low or high)
    return ""


def plan_period(plan: Plan) -> str:
    start = partial(plan.start_date)
    if plan.days is None:
        return fill(translate("MonitoringTargets", "From %1, with no end date"), start)
    end = plan.end()
    return fill(translate("MonitoringTargets", "From %1 to %2 (%3 days)"), start, day_text(end) if end else "",
                plan.days)


def plan_state(plan: Plan, today: date) -> str:
    if plan.is_active(today):
        return translate("MonitoringTargets", "Running now")
    start = partial_date.earliest(plan.start_date)
    if start is not None and start > today:
        return translate("MonitoringTargets", "Not started yet")
    return translate("MonitoringTargets", "Ended")


class TargetsTab(MeasureTab):
    def __init__(self, services: RecordServices, events: RecordEvents, language: str, now: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, events, language, now, parent)
        self.agree_button = QPushButton(translate("MonitoringTargets", "&Agree a new target…"))
        self.agree_button.clicked.connect(self.agree_target)
        self.plan_button = QPushButton(translate("MonitoringTargets", "New p&lan…"))
        self.plan_button.clicked.connect(self.new_plan)
        self.view = QTextBrowser()
        self.view.setAccessibleName(translate("MonitoringTargets", "Targets and plan"))
        row = QHBoxLayout()
        row.addWidget(self.agree_button)
        row.addWidget(self.plan_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        measure = self.measure
        if measure is None:
            self.view.clear()
            return
        self.view.setHtml(heading(measure.name(self.language), 2) + self._current(measure) + self._plans(measure)
                          + self._history(measure))

    def _agreed(self, target: Target) -> str:
        who = links.label(self.record.session, "contacts", target.agreed_with)
        when = partial(target.agreed_on) if target.agreed_on else ""
        if who and when:
            return fill(translate("MonitoringTargets", "Agreed with %1 on %2."), who, when)
        if who or when:
            return fill(translate("MonitoringTargets", "Agreed with %1.") if who else
                        translate("MonitoringTargets", "Agreed on %1."), who or when)
        return translate("MonitoringTargets", "Agreed, but not with whom or when.")

    def _current(self, measure: Measure) -> str:
        title = heading(translate("MonitoringTargets", "Target now"), 3)
        target = self.record.targets.current(measure.key)
        if target is None:
            return title + html.paragraph(translate("MonitoringTargets", "No target yet. Agree one with your care "
                                                                          "team and write it down here."))
        agreed = target.id is not None
        said = self._agreed(target) if agreed else translate("MonitoringTargets", "Default, not agreed with your "
                                                                                   "care team.")
        text = f"<p><b>{escape(target_words(measure, target, self.language))}</b></p>"
        text += html.paragraph(alert_words(measure, target)) if alert_words(measure, target) else ""
        text += f"<p><i>{escape(said)}</i></p>" if not agreed else html.paragraph(said)
        return title + text + (html.paragraph(target.notes) if target.notes else "")

    def _history(self, measure: Measure) -> str:
        earlier = self.record.targets.history(measure.key)[1:]
        if not earlier:
            return ""
        rows = [[partial(t.agreed_on) if t.agreed_on else "", links.label(self.record.session, "contacts",
                                                                          t.agreed_with),
                 target_words(measure, t, self.language), alert_words(measure, t)] for t in earlier]
        return heading(translate("MonitoringTargets", "Earlier targets"), 3) + html.table(
            [translate("MonitoringTargets", "Agreed on"), translate("MonitoringTargets", "With"),
             translate("MonitoringTargets", "Target"), translate("MonitoringTargets", "When to call")], rows)

    def _plans(self, measure: Measure) -> str:
        title = heading(translate("MonitoringTargets", "Measuring plan"), 3)
        plans = self.record.plans.for_measure(measure.key)
        if not plans:
            return title + html.paragraph(translate("MonitoringTargets", "No measuring plan yet."))
        today = self.now().date()
        return title + "".join(self._plan(plan, today) for plan in plans)

    def _plan(self, plan: Plan, today: date) -> str:
        rows = [(translate("MonitoringTargets", "Status"), plan_state(plan, today)),
                (translate("MonitoringTargets", "Readings per day"), str(plan.per_day)),
                (translate("MonitoringTargets", "Period"), plan_period(plan)),
                (translate("MonitoringTargets", "When"), plan.schedule),
                (translate("MonitoringTargets", "Agreed with"), links.label(self.record.session, "contacts",
                                                                            plan.agreed_with))]
        text = definition_table(rows)
        start = partial_date.earliest(plan.start_date)
        if plan.is_active(today) and start is not None:  # an active plan has started
            samples, _ = samples_of(self.record, plan.measure, start, today)
            text += html.adherence_html(plan, samples, start, today, today)
        return text + "<br>"

    def agree_target(self) -> None:
        if self.measure is not None:
            self._open(target_dialog(self.record, self.measure, self.language, self.now().date(), self))

    def new_plan(self) -> None:
        if self.measure is not None:
            self._open(plan_dialog(self.record, self.measure, self.language, self.now().date(), self))

    def _open(self, dialog: EntryDialog[Target] | EntryDialog[Plan]) -> None:
        if dialog.exec() and dialog.saved_change is not None:
            self.events.announce(dialog.saved_change)

    def release(self) -> None:
        self.view.clear()
        super().release()

