"""How much of each list the visit brief prints: it tries the roomiest first and shrinks until it fits.

A long period (a first visit, a provider not seen for years) is cut down until the brief fits
two pages; what is left out is counted and points to the overview. When the shortest lists still
do not fit, whole sections go, the least urgent first (goals, then measurements, then lab results (the
specialist's own system holds them too), then the events,
then the rest of what changed): the standing facts and the patient's questions always stay, and the
brief names the sections it left out.
"""

from dataclasses import dataclass, replace

from reportlab.lib.units import mm

from phr.export.options import VisitSection

MAX_PAGES = 2


@dataclass(frozen=True)
class Budget:
    events: int
    medications: int
    measures: int
    answer_room: float      # points of room under each open question
    details: bool           # notes under diagnoses and goals' evaluations in full
    standing: int = 12      # diagnoses, medicines or allergies listed in the standing facts, each
    goals: int = 6          # goals due for evaluation
    results: int = 12       # lab results of the period
    left_out: tuple[VisitSection, ...] = ()  # sections not printed at all, to keep to MAX_PAGES


TIGHTEST = Budget(events=3, medications=6, measures=4, answer_room=7 * mm, details=False, standing=8, goals=3,
                  results=6)
# Whole sections that go when the tightest lists do not fit, the least urgent first.
DROPPED = ((VisitSection.GOALS,), (VisitSection.GOALS, VisitSection.TRENDS),
           (VisitSection.GOALS, VisitSection.TRENDS, VisitSection.LAB_RESULTS),
           (VisitSection.GOALS, VisitSection.TRENDS, VisitSection.LAB_RESULTS, VisitSection.EVENTS),
           (VisitSection.GOALS, VisitSection.TRENDS, VisitSection.LAB_RESULTS, VisitSection.EVENTS,
            VisitSection.MEDICATIONS, VisitSection.DIAGNOSES, VisitSection.APPOINTMENT))

# From roomy to tight.
BUDGETS = (Budget(events=8, medications=10, measures=8, answer_room=24 * mm, details=True, standing=20, goals=10,
                  results=20),
           Budget(events=8, medications=10, measures=8, answer_room=16 * mm, details=True, standing=20, goals=10,
                  results=20),
           Budget(events=5, medications=8, measures=6, answer_room=11 * mm, details=True),
           TIGHTEST,
           *(replace(TIGHTEST, left_out=sections) for sections in DROPPED))
