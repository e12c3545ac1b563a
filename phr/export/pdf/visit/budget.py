"""How much of each list the visit brief prints: it tries the roomiest first and shrinks until it fits.

A long period (a first visit, a provider not seen for years) is cut down until the brief fits
two pages; what is left out is counted and points to the overview.
"""

from dataclasses import dataclass

from reportlab.lib.units import mm

MAX_PAGES = 2


@dataclass(frozen=True)
class Budget:
    events: int
    medications: int
    measures: int
    answer_room: float      # points of room under each open question
    details: bool           # notes under diagnoses and goals' evaluations in full


# From roomy to tight.
BUDGETS = (Budget(events=8, medications=10, measures=8, answer_room=24 * mm, details=True),
           Budget(events=8, medications=10, measures=8, answer_room=16 * mm, details=True),
           Budget(events=5, medications=8, measures=6, answer_room=11 * mm, details=True),
           Budget(events=3, medications=6, measures=4, answer_room=7 * mm, details=False))
