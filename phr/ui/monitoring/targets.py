"""Targets and plan of one measure: the target in force and who agreed it, earlier targets, measuring plans.

A catalogue default is shown as such ("default, not agreed with your care team"): a target only
counts as agreed when the person recorded who agreed it and when.
"""

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout

from phr.core import partial_date
from phr.monitoring.period_samples import samples_of
from phr.ui.charts.words import target_text
from phr.ui.monitoring import stats_html as html
from phr.ui.monitoring.dialogs import plan_dialog, target_dialog
from phr.ui.monitoring.measure_words import component_names, component_units, day_text
from phr.ui.monitoring.tab import MeasureTab
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import definition_table, escape, fill, heading, partial

translate = QCoreApplication.translate


def target_words(measure, target, language: str) -> str:
    """'Systolic: target at most 135 mmHg. Diastolic: target at most 85 mmHg.'"""
    names, units = component_names(measure, language), component_units(measure)
    pairs = [(target.target_low, target.target_high), (target.target_low2, target.target_high2)][:len(names)]
    parts = []
    for name, unit, (low, high) in zip(names, units, pairs):
        text = target_text(QLocale(), low, high, measure.decimals, unit)
        if text:
            parts.append(f"{name}: {text}." if len(names) > 1 else text[:1].upper() + text[1:] + ".")
    return " ".join(parts)


def alert_words(measure, target) -> str:
    unit, decimals = measure.unit_text, measure.decimals
    low = html.shown(target.alert_low, decimals, unit) if target.alert_low is not None else ""
    high = html.shown(target.alert_high, decimals, unit) if target.alert_high is not None else ""
    if low and high:
        return fill(translate("MonitoringTargets", "Call your care team below %1 or above %2."), low, high)
    if low or high:
        return fill(translate("MonitoringTargets", "Call your care team below %1.") if low else
                    translate("MonitoringTargets", "Call your care team above %1."), low or high)
    return ""


def plan_period(plan) -> str:
    start = partial(plan.start_date)
    if plan.days is None:
        return fill(translate("MonitoringTargets", "From %1, with no end date"), start)
    return fill(translate("MonitoringTargets", "From %1 to %2 (%3 days)"), start, day_text(plan.end()), plan.days)


def plan_state(plan, today) -> str:
    if plan.is_active(today):
        return translate("MonitoringTargets", "Running now")
    if partial_date.earliest(plan.start_date) > today:
        return translate("MonitoringTargets", "Not started yet")
    return translate("MonitoringTargets", "Ended")


class TargetsTab(MeasureTab):
    def __init__(self, services, events, language: str, now, parent=None):
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
        if self.measure is None:
            self.view.clear()
            return
        self.view.setHtml(heading(self.measure.name(self.language), 2) + self._current() + self._plans()
                          + self._history())

    def _agreed(self, target) -> str:
        who = links.label(self.services.session, "contacts", target.agreed_with)
        when = partial(target.agreed_on) if target.agreed_on else ""
        if who and when:
            return fill(translate("MonitoringTargets", "Agreed with %1 on %2."), who, when)
        if who or when:
            return fill(translate("MonitoringTargets", "Agreed with %1.") if who else
                        translate("MonitoringTargets", "Agreed on %1."), who or when)
        return translate("MonitoringTargets", "Agreed, but not with whom or when.")

    def _current(self) -> str:
        title = heading(translate("MonitoringTargets", "Target now"), 3)
        target = self.services.targets.current(self.measure.key)
        if target is None:
            return title + html.paragraph(translate("MonitoringTargets", "No target yet. Agree one with your care "
                                                                          "team and write it down here."))
        agreed = target.id is not None
        said = self._agreed(target) if agreed else translate("MonitoringTargets", "Default, not agreed with your "
                                                                                   "care team.")
        text = f"<p><b>{escape(target_words(self.measure, target, self.language))}</b></p>"
        text += html.paragraph(alert_words(self.measure, target)) if alert_words(self.measure, target) else ""
        text += f"<p><i>{escape(said)}</i></p>" if not agreed else html.paragraph(said)
        return title + text + (html.paragraph(target.notes) if target.notes else "")

    def _history(self) -> str:
        earlier = self.services.targets.history(self.measure.key)[1:]
        if not earlier:
            return ""
        rows = [[partial(t.agreed_on) if t.agreed_on else "", links.label(self.services.session, "contacts",
                                                                          t.agreed_with),
                 target_words(self.measure, t, self.language), alert_words(self.measure, t)] for t in earlier]
        return heading(translate("MonitoringTargets", "Earlier targets"), 3) + html.table(
            [translate("MonitoringTargets", "Agreed on"), translate("MonitoringTargets", "With"),
             translate("MonitoringTargets", "Target"), translate("MonitoringTargets", "When to call")], rows)

    def _plans(self) -> str:
        title = heading(translate("MonitoringTargets", "Measuring plan"), 3)
        plans = self.services.plans.for_measure(self.measure.key)
        if not plans:
            return title + html.paragraph(translate("MonitoringTargets", "No measuring plan yet."))
        today = self.now().date()
        return title + "".join(self._plan(plan, today) for plan in plans)

    def _plan(self, plan, today) -> str:
        rows = [(translate("MonitoringTargets", "Status"), plan_state(plan, today)),
                (translate("MonitoringTargets", "Readings per day"), str(plan.per_day)),
                (translate("MonitoringTargets", "Period"), plan_period(plan)),
                (translate("MonitoringTargets", "When"), plan.schedule),
                (translate("MonitoringTargets", "Agreed with"), links.label(self.services.session, "contacts",
                                                                            plan.agreed_with))]
        text = definition_table(rows)
        if plan.is_active(today):
            start = partial_date.earliest(plan.start_date)
            samples, _ = samples_of(self.services, plan.measure, start, today)
            text += html.adherence_html(plan, samples, start, today, today)
        return text + "<br>"

    def agree_target(self) -> None:
        self._open(target_dialog(self.services, self.measure, self.language, self.now().date(), self))

    def new_plan(self) -> None:
        self._open(plan_dialog(self.services, self.measure, self.language, self.now().date(), self))

    def _open(self, dialog) -> None:
        if dialog.exec() and dialog.saved_change is not None:
            self.events.changed.emit(dialog.saved_change)

    def release(self) -> None:
        self.view.clear()
        super().release()

