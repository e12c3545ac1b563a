"""All services of one open record, created once and handed to the windows that need them."""

from phr.core.session import Session
from phr.monitoring.import_mappings import MappingService
from phr.monitoring.lab_results import LabResultService
from phr.monitoring.readings import ReadingService
from phr.monitoring.targets import PlanService, TargetService
from phr.record.appointments import AppointmentService
from phr.record.care_plan import CarePlanService
from phr.record.care_team import CareTeamService
from phr.record.diagnoses import DiagnosisService
from phr.record.diary import DiaryService
from phr.record.documents import DocumentService
from phr.record.history.procedures import ProcedureService
from phr.record.history.vaccinations import VaccinationService
from phr.record.medications import MedicationService
from phr.record.person import AllergyService, PersonService
from phr.record.search import SearchService
from phr.record.timeline import TimelineService


class RecordServices:
    """One service per part of the record, all on the same session (RecordSession, or a SecondSession
    for work on another thread)."""

    def __init__(self, session: Session):
        self.session = session
        self.person = PersonService(session)
        self.allergies = AllergyService(session)
        self.care_team = CareTeamService(session)
        self.diagnoses = DiagnosisService(session)
        self.care_plan = CarePlanService(session)
        self.medications = MedicationService(session)
        self.appointments = AppointmentService(session)
        self.documents = DocumentService(session)
        self.vaccinations = VaccinationService(session)
        self.procedures = ProcedureService(session)
        self.readings = ReadingService(session)
        self.measures = self.readings.measures
        self.lab_results = LabResultService(session, self.readings)
        self.targets = TargetService(session)
        self.plans = PlanService(session)
        self.diary = DiaryService(session)
        self.mappings = MappingService(session)
        self.timeline = TimelineService(session)
        self.search = SearchService(session)
