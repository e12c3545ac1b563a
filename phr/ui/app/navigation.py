"""The pages of the main window, in navigation order, and how each is made."""

from PySide6.QtCore import QCoreApplication

from phr.ui.monitoring.measure_words import app_language
from phr.ui.monitoring.page import MonitoringPage
from phr.ui.pages.appointments_page import AppointmentsPage
from phr.ui.pages.care_plan_page import CarePlanPage
from phr.ui.pages.care_team_page import CareTeamPage
from phr.ui.pages.diagnoses_page import DiagnosesPage
from phr.ui.pages.documents_page import DocumentsPage
from phr.ui.pages.medications_page import MedicationsPage
from phr.ui.pages.overview_page import OverviewPage
from phr.ui.pages.person_page import PersonPage
from phr.ui.pages.timeline_page import TimelinePage

translate = QCoreApplication.translate


def planned_pages() -> list[tuple[str, str, str]]:
    """(key, title, what it holds) for every page, in navigation order."""
    return [
        ("overview", translate("MainWindow", "Overview"),
         translate("MainWindow", "Who you are, your diagnoses, goals, medicines and next appointment.")),
        ("person", translate("MainWindow", "About me"),
         translate("MainWindow", "Your details, allergies, and what others must know in an emergency.")),
        ("diagnoses", translate("MainWindow", "Diagnoses"),
         translate("MainWindow", "Your diagnoses, with genetic details and carrier status.")),
        ("care_plan", translate("MainWindow", "Care plan"),
         translate("MainWindow", "Your own goals, the agreements with your care team, and how they went.")),
        ("care_team", translate("MainWindow", "Care team"),
         translate("MainWindow", "Who helps you, what for, and who to call day and night.")),
        ("medications", translate("MainWindow", "Medicines"),
         translate("MainWindow", "The medicines you use now and used before, with every change.")),
        ("appointments", translate("MainWindow", "Appointments"),
         translate("MainWindow", "Your appointments and the questions you want to ask.")),
        ("documents", translate("MainWindow", "Documents"),
         translate("MainWindow", "Letters, lab results and scans, kept inside the encrypted record.")),
        ("monitoring", translate("MainWindow", "Measurements"),
         translate("MainWindow", "What you measure yourself: charts, targets and device imports.")),
        ("timeline", translate("MainWindow", "Timeline"),
         translate("MainWindow", "Everything in your record, in order of date.")),
    ]


# Pages that exist so far, by navigation key; the others say they are coming.
PAGE_FACTORIES = {
    "overview": lambda services, events: OverviewPage(services, events),
    "person": lambda services, events: PersonPage(services.person, services.allergies, events),
    "diagnoses": lambda services, events: DiagnosesPage(services.diagnoses, services.session, events),
    "care_plan": lambda services, events: CarePlanPage(services.care_plan, services.session, events),
    "care_team": lambda services, events: CareTeamPage(services.care_team, events),
    "medications": lambda services, events: MedicationsPage(services.medications, services.session, events),
    "appointments": lambda services, events: AppointmentsPage(services.appointments, services.session, events,
                                                              care_plan=services.care_plan),
    "documents": lambda services, events: DocumentsPage(services.documents, services.session, events),
    "monitoring": lambda services, events: MonitoringPage(services, events, app_language()),
    "timeline": lambda services, events: TimelinePage(services.timeline, events),
}
