"""All services of one open record, created once and handed to the windows that need them."""

from phr.care_team import CareTeamService


class RecordServices:
    def __init__(self, session):
        self.session = session
        self.care_team = CareTeamService(session)
