"""The sample record's history of care: visits with their questions, and goals with their evaluations.

Offsets are days from `today` (negative: in the past). One goal grew out of an agreement
made during a visit (`goal_from_agreement`), one is achieved, one is overdue for review and
one is due soon, so every state the care plan knows shows up in the sample.
"""

from dataclasses import dataclass, replace

from phr.record.appointments import Appointment
from phr.record.care_plan import Evaluation, Goal

POLI = "UMC Zuiderhaven, polikliniek Endocrinologie (fictief)"


@dataclass(frozen=True)
class Visit:
    offset: int
    clock: str
    contact: str            # a key of phr.demo.sample_record.CONTACTS
    location: str
    purpose: str
    notes: str = ""
    outcome: str = ""
    questions: tuple[tuple[str, str | None], ...] = ()  # (question, answer); None: still open


VISITS = {
    "first_check": Visit(-760, "09:30", "endocrinologist", POLI, "Jaarcontrole bijnieren",
                         notes="Mijn moeder ging mee.",
                         outcome="De dagcurve van cortisol was te laag. Hydrocortison verhoogd naar 20 mg per dag. "
                                 "Afspraak gemaakt bij de verpleegkundig specialist om de stressdosis goed te leren.",
                         questions=(("Waarom ben ik aan het eind van de dag zo moe?",
                                     "Waarschijnlijk is mijn cortisol dan te laag. De dosis gaat omhoog."),
                                    ("Mag ik nog gewoon sporten?",
                                     "Ja, dat is juist goed. Bij zware inspanning eventueel 5 mg extra vooraf."))),
    "stress_dose_training": Visit(
        -735, "14:00", "nurse", POLI, "Uitleg stressdosis en oefenen met de noodinjectie",
        outcome="Geoefend met de injectie op een oefenkussen. Schema voor de stressdosis meegekregen. "
                "Afgesproken dat ik zelf leer herkennen wanneer ik mijn dosis moet verhogen.",
        questions=(("Wanneer moet ik de dubbele dosis nemen?",
                    "Bij koorts boven 38 °C, en bij griep of een flinke verkoudheid met koorts."),
                   ("Wie mag de injectie geven als ik het zelf niet kan?",
                    "Iedereen die het geleerd heeft. Mijn partner komt de volgende keer mee om te oefenen."))),
    "dietitian": Visit(-540, "11:00", "dietitian", "Diëtistenpraktijk Zuiderhaven (fictief)",
                       "Eerste gesprek: eten, zout en energie",
                       outcome="Twee weken een eetdagboek bijhouden. Mijn eten meer over de dag verspreiden. "
                               "Weer gaan sporten, rustig opbouwen.",
                       questions=(("Moet ik extra zout eten?",
                                   "Niet elke dag; wel bij veel zweten of bij warm weer."),)),
    "yearly_check": Visit(-400, "10:00", "endocrinologist", POLI, "Jaarcontrole bijnieren",
                          outcome="Ik slaap slechter en ben 4 kilo aangekomen. De avonddosis hydrocortison gaat "
                                  "omlaag. Bloeddruk 128/82: goed. Afgesproken dat ik mijn bloeddruk thuis meet.",
                          questions=(("Kan het slechte slapen door de avonddosis komen?",
                                      "Ja, dat kan. De avonddosis gaat omlaag naar 2,5 mg."),
                                     ("Hoe vaak moet ik mijn bloeddruk meten?",
                                      "Eén keer per week thuis, en als ik duizelig ben."))),
    "gp_thyroid": Visit(-200, "08:40", "gp", "Huisartsenpraktijk Lindeplein", "Controle schildklier",
                        outcome="TSH is goed. Levothyroxine blijft 75 microgram per dag.",
                        questions=(("Moet de levothyroxine weer omhoog?", "Nee, de waarden zijn goed."),)),
    "recent_check": Visit(-60, "09:15", "endocrinologist", POLI, "Halfjaarlijkse controle",
                          notes="Bloed laten prikken een week van tevoren.",
                          outcome="Ik ben minder moe. Hydrocortison nu verdeeld over vier momenten. Vitamine D is "
                                  "te laag: gestart met vitamine D3. Een botdichtheidsmeting is aangevraagd.",
                          questions=(("Kan ik mijn dosis beter verdelen over de dag?",
                                      "Ja: vier keer per dag, dezelfde hoeveelheid in totaal."),
                                     ("Hoe staat het met mijn botten na zoveel jaren hydrocortison?",
                                      "Dat laten we meten met een botdichtheidsmeting."),
                                     ("Moet ik elk jaar een griepprik blijven halen?",
                                      "Ja, elk najaar bij de huisarts. Dat wordt juist aangeraden."))),
    "bone_scan": Visit(-25, "13:30", "expertise_centre", "UMC Zuiderhaven, afdeling Radiologie (fictief)",
                       "Botdichtheidsmeting (DEXA-scan)", outcome="Meting gedaan. De uitslag krijg ik bij de "
                                                                  "endocrinoloog."),
    "next_check": Visit(9, "10:15", "endocrinologist", POLI, "Uitslag botdichtheidsmeting en controle",
                        notes="Een week van tevoren nuchter bloed laten prikken. Mijn partner gaat mee.",
                        questions=(("Wat betekent de uitslag van de botdichtheidsmeting voor mij?", None),
                                   ("Moet ik naast vitamine D ook calcium nemen?", None),
                                   ("Kan mijn hydrocortison iets omlaag nu ik me beter voel?", None),
                                   ("Ik wil over een jaar zwanger worden. Waar moet ik nu al op letten, ook omdat "
                                    "ik drager ben van CF?", None))),
    "nurse_follow_up": Visit(44, "15:30", "nurse", POLI, "Opfrissen: noodinjectie en stressdosis",
                             questions=(("Mag ik de noodinjectie nog een keer oefenen?", None),
                                        ("Hoe pas ik mijn dosis aan als ik een hele dag ga wandelen?", None),
                                        ("Is mijn Solu-Cortef nog goed, of moet er een nieuwe komen?", None))),
}


def appointments(services, calendar, contacts: dict[str, int]) -> dict[str, int]:
    """Adds the visits and their questions; returns the appointment ids by key."""
    ids = {}
    for key, visit in VISITS.items():
        ids[key] = services.appointments.add(Appointment(
            starts_at=calendar.visit(visit.offset, visit.clock), contact_id=contacts[visit.contact],
            location=visit.location, purpose=visit.purpose, notes=visit.notes, outcome=visit.outcome)).item_id
        _questions(services.appointments, ids[key], visit.questions)
    return ids


def _questions(appointments, appointment_id: int, questions) -> None:
    for text, answer in questions:
        appointments.add_question(appointment_id, text)
        if answer is not None:
            asked = appointments.questions(appointment_id)[-1]
            appointments.answer_question(asked.id, answer)


# --- the care plan ------------------------------------------------------------------------------------

# (days from today, progress 0-4, how it went, next step), oldest first
EVALUATIONS = {
    "tired": ((-640, 1, "Iets beter in de ochtend, maar rond vijf uur ben ik nog steeds op.",
               "Bijhouden op welke momenten ik moe ben."),
              (-400, 2, "Minder dips, maar ik slaap slecht sinds de verhoging.", "Avonddosis omlaag (afgesproken)."),
              (-180, 2, "Slapen gaat beter. De middagdip is er nog wel, vooral op werkdagen.",
               "Vragen of de dosis beter verdeeld kan worden."),
              (-50, 3, "Met vier keer per dag gaat het veel beter. Ik kan 's avonds weer iets ondernemen.",
               "Zo houden en bij de volgende controle bespreken.")),
    "stress_dose": ((-680, 2, "Ik ken het schema, maar bij koorts twijfelde ik toch en heb ik gebeld.",
                     "Het schema op de koelkast hangen."),
                    (-520, 3, "Bij griep zelf de dosis verdubbeld en het ging goed.",
                     "Mijn partner laten oefenen met de injectie."),
                    (-380, 4, "Ik weet nu wanneer ik moet verhogen, en mijn partner kan de injectie geven.",
                     "Elk jaar het schema even doorlezen.")),
    "sport": ((-450, 0, "Nog niet aan toegekomen, ik was te moe.", "Beginnen met wandelen."),
              (-290, 1, "Ik wandel twee keer per week een half uur. Hardlopen gaf knieklachten.",
               "Zwemmen proberen."),
              (-80, 2, "Ik zwem één keer per week, soms twee keer.", "Vaste dagen afspreken met een vriendin.")),
    "blood_pressure": ((-200, 3, "Thuis gemeten: meestal rond 125/80.", "Blijven meten, één keer per week."),
                       (-55, 3, "Eén keer 138/88 na een drukke dag, verder goed.", "Bespreken bij de controle.")),
}


def care_plan(services, calendar, contacts: dict[str, int], diagnoses: dict[str, int],
              visits: dict[str, int]) -> None:
    """Adds the goals, then their evaluations; the goal learnt at the training is achieved by now."""
    plan = services.care_plan
    goals = _goals(plan, calendar, contacts, diagnoses["cah"], visits)
    goals["stress_dose"] = _goal_from_training(plan, calendar, diagnoses["cah"], visits["stress_dose_training"])
    for key, goal_id in goals.items():
        for offset, progress, how_it_went, next_step in EVALUATIONS[key]:
            plan.add_evaluation(Evaluation(goal_id, calendar.day(offset), how_it_went, progress, next_step))
    plan.update(replace(plan.get(goals["stress_dose"]), status="achieved"))


def _goals(plan, calendar, contacts: dict[str, int], cah: int, visits: dict[str, int]) -> dict[str, int]:
    """The goals typed in directly: one overdue for review, one due soon, one with a blood pressure target."""
    goals = (
        ("tired", Goal(
            description="Minder vaak moe aan het eind van de dag", diagnosis_id=cah,
            agreed_with=contacts["endocrinologist"], appointment_id=visits["first_check"],
            patient_action="Mijn tabletten op vaste tijden innemen en opschrijven wanneer ik moe ben.",
            provider_action="De dosis bijstellen op basis van de dagcurve en mijn aantekeningen.",
            start_date=calendar.visit_day(VISITS["first_check"].offset), review_date=calendar.day(-20))),
        ("sport", Goal(
            description="Weer 2 dagen per week sporten", diagnosis_id=cah, agreed_with=contacts["dietitian"],
            patient_action="Rustig opbouwen: eerst wandelen, dan zwemmen.",
            provider_action="Meedenken over eten en drinken rond het sporten.",
            target_measure="keer sporten per week", target_low=2, target_unit="keer",
            start_date=calendar.visit_day(VISITS["dietitian"].offset), review_date=calendar.day(10))),
        ("blood_pressure", Goal(
            description="Mijn bloeddruk goed houden", diagnosis_id=cah, agreed_with=contacts["endocrinologist"],
            appointment_id=visits["yearly_check"], patient_action="Eén keer per week thuis mijn bloeddruk meten.",
            provider_action="De fludrocortison aanpassen als de bloeddruk te hoog of te laag is.",
            target_measure="bp", target_low=100, target_high=135, target_unit="mmHg",
            start_date=calendar.visit_day(VISITS["yearly_check"].offset), review_date=calendar.day(140))),
    )
    return {key: plan.add(goal).item_id for key, goal in goals}


def _goal_from_training(plan, calendar, diagnosis_id: int, appointment_id: int) -> int:
    """The goal agreed during the stress dose training, made the way the visit page makes it."""
    goal_id = plan.goal_from_agreement(
        appointment_id, "Zelf weten wanneer ik mijn dosis moet verhogen",
        patient_action="Het schema voor de stressdosis leren en bij ziek zijn volgen.",
        provider_action="Uitleg geven, oefenen met de injectie en bereikbaar zijn voor vragen.",
        review_date=calendar.day(-370)).item_id
    plan.update(replace(plan.get(goal_id), diagnosis_id=diagnosis_id))
    return goal_id
