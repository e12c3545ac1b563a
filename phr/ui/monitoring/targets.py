"""Targets and plan of one measure: the target in force and who agreed it, earlier targets, measuring plans.

A catalogue default is shown as such ("default, not agreed with your care team"): a target only
counts as agreed when the person recorded who agreed it and when.
"""

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from phr.core import partial_date
from phr.monitoring import target_words
from phr.monitoring.measures import Measure
from phr.monitoring.samples import read_samples
from phr.monitoring.target_words import Reader
from phr.monitoring.targets import Plan, Target
from phr.record.services import RecordServices
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.monitoring import stats_html as html
from phr.ui.monitoring.dialogs import plan_dialog, target_dialog
from phr.ui.monitoring.measure_words import day_text
from phr.ui.monitoring.tab import Clock, MeasureTab
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import definition_table, escape, fill, heading, partial
from phr.words.catalogue import Words

translate = QCoreApplication.translate


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
        self.agree_button = QPushButton(translate("MonitoringTargets", "Agree a ne&w target…"))
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

    def _target(self, measure: Measure, target: Target) -> str:
        """'Target: 4.0 to 10.0 mmol/L.', as the exports say it (target_words)."""
        return target_words.target_text(Words(self.language), measure, target)

    def _alert(self, measure: Measure, target: Target) -> str:
        """'Call your care team below 3.5 mmol/L.'"""
        return target_words.alert_text(Words(self.language), measure, target, Reader.PERSON)

    def _agreed(self, target: Target) -> str:
        who = links.label(self.record.session, "contacts", target.agreed_with)
        said = target_words.agreed_text(Words(self.language), who, target.agreed_on)
        return said or translate("MonitoringTargets", "Agreed, but not with whom or when.")

    def _current(self, measure: Measure) -> str:
        title = heading(translate("MonitoringTargets", "Target now"), 3)
        target = self.record.targets.current(measure.key)
        if target is None:
            return title + html.paragraph(translate("MonitoringTargets", "No target yet. Agree one with your care "
                                                                          "team and write it down here."))
        agreed = target.id is not None
        said = self._agreed(target) if agreed else translate("MonitoringTargets", "Default, not agreed with your "
                                                                                   "care team.")
        text = f"<p><b>{escape(self._target(measure, target))}</b></p>"
        alert = self._alert(measure, target)
        text += html.paragraph(alert) if alert else ""
        text += f"<p><i>{escape(said)}</i></p>" if not agreed else html.paragraph(said)
        return title + text + (html.paragraph(target.notes) if target.notes else "")

    def _history(self, measure: Measure) -> str:
        earlier = self.record.targets.history(measure.key)[1:]
        if not earlier:
            return ""
        rows = [[partial(t.agreed_on) if t.agreed_on else "", links.label(self.record.session, "contacts",
                                                                          t.agreed_with),
                 self._target(measure, t), self._alert(measure, t)] for t in earlier]
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
            samples = read_samples(self.record, plan.measure, start, today)
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

