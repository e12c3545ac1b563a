"""All services of one open record, created once and handed to the windows that need them."""

from phr.appointments import AppointmentService
from phr.care_plan import CarePlanService
from phr.care_team import CareTeamService
from phr.diagnoses import DiagnosisService
from phr.diary import DiaryService
from phr.documents import DocumentService
from phr.import_mappings import MappingService
from phr.medications import MedicationService
from phr.monitoring import ReadingService
from phr.person import AllergyService, PersonService
from phr.search import SearchService
from phr.targets import PlanService, TargetService
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
        self.readings = ReadingService(session)
        self.measures = self.readings.measures
        self.targets = TargetService(session)
        self.plans = PlanService(session)
        self.diary = DiaryService(session)
        self.mappings = MappingService(session)
        self.timeline = TimelineService(session)
        self.search = SearchService(session)
