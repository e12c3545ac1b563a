"""The pages of the main window, in navigation order, and how each is made.

Each page's module is imported when the page is made (phr.ui.app.page_stack: when first shown): the pages bring
the charts (pyqtgraph, numpy), the exports and the imports with them, which the overview does not need (issue 20).
"""

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from phr.core.vocabulary import Section
from phr.ui.app.events import RecordEvents
from phr.ui.text.language import app_language
from phr.ui.text.vocabulary import label
from phr.ui.widgets import whose

if TYPE_CHECKING:
    from phr.record.services import RecordServices

translate = QCoreApplication.translate


class Page(StrEnum):
    """The pages of the main window. A search hit or a link names its section, which is the key of the
    page that shows it (the overview, the results, the measurements and the timeline are pages without a
    section)."""

    OVERVIEW = "overview"
    PERSON = "person"
    DIAGNOSES = "diagnoses"
    CARE_PLAN = "care_plan"
    CARE_TEAM = "care_team"
    MEDICATIONS = "medications"
    APPOINTMENTS = "appointments"
    DOCUMENTS = "documents"
    VACCINATIONS = "vaccinations"
    PROCEDURES = "procedures"
    RESULTS = "results"
    MONITORING = "monitoring"
    TIMELINE = "timeline"


def planned_pages(carer_of: str = "") -> list[tuple[Page, str, str]]:
    """(key, title, what it holds) for every page, in navigation order; a section's page is titled by the
    section's name (phr.words.vocabulary), as search hits and the exports name it, except that a carer reads
    'About Joke' where the owner reads 'About me' (`carer_of`: phr.ui.widgets.whose.carer_of). The first ten
    have a key (Ctrl+1 … Ctrl+0, phr.ui.app.desktop.section_list)."""
    return [
        (Page.OVERVIEW, translate("MainWindow", "Overview"),
         translate("MainWindow", "Who you are, your diagnoses, goals, medicines and next appointment.")),
        (Page.PERSON, whose.about_whom(carer_of),
         translate("MainWindow", "Your details, allergies, and what others must know in an emergency.")),
        (Page.DIAGNOSES, label(Section.DIAGNOSES),
         translate("MainWindow", "Your diagnoses, with genetic details and carrier status.")),
        (Page.CARE_PLAN, label(Section.CARE_PLAN),
         translate("MainWindow", "Your own goals, the agreements with your care team, and how they went.")),
        (Page.CARE_TEAM, label(Section.CARE_TEAM),
         translate("MainWindow", "Who helps you, what for, and who to call day and night.")),
        (Page.MEDICATIONS, label(Section.MEDICATIONS),
         translate("MainWindow", "The medicines you use now and used before, with every change.")),
        (Page.APPOINTMENTS, label(Section.APPOINTMENTS),
         translate("MainWindow", "Your appointments and the questions you want to ask.")),
        (Page.MONITORING, label(Section.MONITORING),
         translate("MainWindow", "What you measure yourself: charts, targets and device imports.")),
        (Page.RESULTS, translate("MainWindow", "Results"),
         translate("MainWindow", "Lab results from a file, with the lab's normal range.")),
        (Page.DOCUMENTS, label(Section.DOCUMENTS),
         translate("MainWindow", "Letters, lab results and scans, kept inside the encrypted record.")),
        (Page.VACCINATIONS, label(Section.VACCINATIONS),
         translate("MainWindow", "The vaccinations you had: which vaccine, when, and against what.")),
        (Page.PROCEDURES, label(Section.PROCEDURES),
         translate("MainWindow", "Operations and other treatments in a hospital, and how they went.")),
        (Page.TIMELINE, translate("MainWindow", "Timeline"),
         translate("MainWindow", "Everything in your record, in order of date.")),
    ]


PageFactory = Callable[["RecordServices", RecordEvents], QWidget]


def _overview(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.pages.overview_page import OverviewPage

    return OverviewPage(services, events)


def _person(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.pages.person_page import PersonPage

    return PersonPage(services.person, services.allergies, services.session, events)


def _diagnoses(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.pages.diagnoses_page import DiagnosesPage

    return DiagnosesPage(services.diagnoses, services.session, events)


def _care_plan(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.pages.care_plan_page import CarePlanPage

    return CarePlanPage(services.care_plan, services.session, events)


def _care_team(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.pages.care_team_page import CareTeamPage

    return CareTeamPage(services.care_team, events)


def _medications(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.pages.medications_page import MedicationsPage

    return MedicationsPage(services.medications, services.session, events)


def _appointments(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.pages.appointments_page import AppointmentsPage

    return AppointmentsPage(services.appointments, services.session, events, care_plan=services.care_plan)


def _documents(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.pages.documents_page import DocumentsPage

    return DocumentsPage(services.documents, services.session, events)


def _vaccinations(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.history.vaccinations_page import VaccinationsPage

    return VaccinationsPage(services.vaccinations, events)


def _procedures(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.history.procedures_page import ProceduresPage

    return ProceduresPage(services.procedures, events)


def _results(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.history.results_page import ResultsPage

    return ResultsPage(services.lab_results, events, app_language())


def _monitoring(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.monitoring.page import MonitoringPage

    return MonitoringPage(services, events, app_language())


def _timeline(services: "RecordServices", events: RecordEvents) -> QWidget:
    from phr.ui.pages.timeline_page import TimelinePage

    return TimelinePage(services.timeline, events)


# Pages that exist so far, by navigation key; the others say they are coming.
PAGE_FACTORIES: dict[Page, PageFactory] = {
    Page.OVERVIEW: _overview, Page.PERSON: _person, Page.DIAGNOSES: _diagnoses, Page.CARE_PLAN: _care_plan,
    Page.CARE_TEAM: _care_team, Page.MEDICATIONS: _medications, Page.APPOINTMENTS: _appointments,
    Page.DOCUMENTS: _documents, Page.VACCINATIONS: _vaccinations, Page.PROCEDURES: _procedures,
    Page.RESULTS: _results, Page.MONITORING: _monitoring, Page.TIMELINE: _timeline,
}
