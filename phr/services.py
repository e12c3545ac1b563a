"""All services of one open record, created once and handed to the windows that need them."""

from phr.appointments import AppointmentService
from phr.care_plan import CarePlanService
from phr.care_team import CareTeamService
from phr.diagnoses import DiagnosisService
from phr.documents import DocumentService
from phr.medications import MedicationService
from phr.person import AllergyService, PersonService
from phr.search import SearchService
from phr.timeline import TimelineService


class RecordServices:
    def __init__(self, session):
        self.session = session
        self.person = PersonService(session)
        self.allergies = AllergyService(session)
        self.care_team = CareTeamService(session)
        self.diagnoses = DiagnosisService(session)
        self.care_plan = CarePlanService(session)
        self.medications = MedicationService(session)
        self.appointments = AppointmentService(session)
        self.documents = DocumentService(session)
        self.timeline = TimelineService(session)
        self.search = SearchService(session)
