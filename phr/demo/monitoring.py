"""The sample record's self-monitoring: years of readings that make charts and statistics real.

Sensor glucose in 14-day periods (every 15 minutes, as a FreeStyle Libre stores it), home
blood-pressure series of 7 days (twice in the morning, twice in the evening; typed in at first, the
latest ones imported from an OMRON monitor that flagged a few readings), weight every
month, a spell of peak-flow readings, an evening tiredness score, a diary with one admission,
targets agreed with the endocrinologist and monitoring plans. A fixed random seed makes the
sample the same every time; all times are Europe/Amsterdam wall-clock times.
"""

import math
import random
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from phr.core.vocabulary import DeviceFlag, Source
from phr.monitoring.custom_measures import CustomMeasure
from phr.monitoring.readings import Reading
from phr.monitoring.targets import Plan, Target
from phr.record.diary import DiaryEntry

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SENSOR_PERIODS = (-880, -720, -560, -400, -250, -110, -24)   # start, in days from today
BP_SERIES = (-850, -760, -640, -520, -430, -330, -240, -150, -60, -5)  # the last one is still going
BP_MONITOR_FROM = -150  # the series from this one on come from the OMRON monitor's export, the earlier ones typed
BP_MONITOR_FILE = "OMRON connect-export (voorbeeld).csv"
# What the monitor noticed, by the reading's place in its series (4 readings a day): a few irregular heartbeats,
# a cuff not wrapped well, an arm that moved. No possible AFib: the sample person has no heart rhythm story.
BP_MONITOR_FLAGS = {(-150, 5): DeviceFlag.IRREGULAR_HEARTBEAT, (-60, 2): DeviceFlag.CUFF_FIT,
                    (-60, 9): DeviceFlag.IRREGULAR_HEARTBEAT, (-60, 17): DeviceFlag.BODY_MOVEMENT,
                    (-5, 6): DeviceFlag.IRREGULAR_HEARTBEAT | DeviceFlag.CUFF_FIT, (-5, 12): DeviceFlag.IRREGULAR_HEARTBEAT}
TIREDNESS = "vermoeidheid"


def fill(services, today: date, contacts: dict[str, int]) -> None:
    randomness = random.Random(20261122)
    _glucose(services, today, randomness)
    _blood_pressure(services, today, randomness)
    _weight_and_peak_flow(services, today, randomness)
    _tiredness(services, today, randomness)
    _diary(services, today)
    _targets_and_plans(services, today, contacts)


def _at(day: date, hour: float) -> datetime:
    whole = int(hour)
    return datetime.combine(day, time(whole, int(round((hour - whole) * 60)) % 60), AMSTERDAM)


def _glucose(services, today: date, randomness: random.Random) -> None:
    readings = []
    for start in SENSOR_PERIODS:
        # Steps in real time (UTC): wall-clock steps would invent the hour the spring change skips
        # and never reach the hour the autumn change repeats.
        first = datetime.combine(today + timedelta(days=start), time(0), AMSTERDAM).astimezone(timezone.utc)
        for step in range(14 * 96):
            moment = (first + timedelta(minutes=15 * step)).astimezone(AMSTERDAM)
            readings.append(_sensor_reading(moment, randomness))
    services.readings.add_batch(readings, Source.DEVICE_IMPORT, "LibreView-export (voorbeeld).csv")


def _sensor_reading(moment: datetime, randomness: random.Random) -> Reading:
    """A day shape: low and steady at night, a rise after each meal, some noise; rarely a Low."""
    hour = moment.hour + moment.minute / 60
    meals = sum(3.2 * math.exp(-((hour - meal - 1.0) ** 2) / 0.8) for meal in (7.5, 12.5, 18.0))
    value = 5.2 + meals + randomness.gauss(0, 0.6) - (1.6 if 3 <= hour < 5 and randomness.random() < 0.08 else 0)
    if value < 2.3:
        return Reading("glucose", moment, None, flag="below_range", method="sensor")
    return Reading("glucose", moment, round(min(value, 21.9), 1), method="sensor")


def _blood_pressure(services, today: date, randomness: random.Random) -> None:
    typed, monitor = [], []
    for start in BP_SERIES:
        for offset in range(min(7, -start)):  # nothing from today on: those readings are still to come
            day = today + timedelta(days=start + offset)
            for number, hour in enumerate((7.5, 7.55, 21.5, 21.55), start=offset * 4):
                systolic, diastolic = round(randomness.gauss(127, 7)), round(randomness.gauss(81, 5))
                pulse = round(randomness.gauss(67, 5))
                if start < BP_MONITOR_FROM:
                    typed.append(Reading("bp", _at(day, hour), systolic, diastolic, pulse, context="at_rest",
                                         method="typed"))
                else:  # as an OMRON export gives them: no method, no context, what the monitor noticed
                    monitor.append(Reading("bp", _at(day, hour), systolic, diastolic, pulse,
                                           device_flags=int(BP_MONITOR_FLAGS.get((start, number), 0))))
    services.readings.add_batch(typed, "typed", None)
    services.readings.add_batch(monitor, Source.DEVICE_IMPORT, BP_MONITOR_FILE)


def _weight_and_peak_flow(services, today: date, randomness: random.Random) -> None:
    weight = [Reading("weight", _at(today - timedelta(days=30 * n), 7.25), round(71.2 - n * 0.08 +
                                                                                 randomness.gauss(0, 0.4), 1),
                      method="typed")
              for n in range(30)]
    peak_flow = [Reading("peak_flow", _at(today - timedelta(days=300 - n), 8.0), round(randomness.gauss(430, 25)),
                         note="bij verkoudheid benauwd" if n in (9, 10) else "", method="typed")
                 for n in range(0, 42)]
    services.readings.add_batch(_until_now(weight + peak_flow), "typed", None)


def _until_now(readings: list[Reading]) -> list[Reading]:
    """Today's morning weight or evening score is not there yet when the sample is made earlier."""
    now = datetime.now(AMSTERDAM)
    return [reading for reading in readings if reading.taken_at <= now]


def _tiredness(services, today: date, randomness: random.Random) -> None:
    services.measures.add(CustomMeasure(name="Vermoeidheid", kind="score", key=TIREDNESS))
    scores = []
    for n in range(180):
        if randomness.random() < 0.85:  # some evenings forgotten
            trend = 6.5 - n / 60  # getting better since the dose was spread over four moments
            scores.append(Reading(TIREDNESS, _at(today - timedelta(days=n), 21.0),
                                  max(0, min(10, round(trend + randomness.gauss(0, 1)))), method="typed"))
    services.readings.add_batch(_until_now(scores), "typed", None)


def _diary(services, today: date) -> None:
    entries = [
        (-540, "admission", "Opgenomen met buikgriep. Kon de tabletten niet binnenhouden; noodinjectie gegeven "
                            "en met de ambulance naar de SEH. Twee nachten infuus met hydrocortison."),
        (-537, "note", "Weer thuis. Nog moe, drie dagen dubbele dosis zoals afgesproken."),
        (-300, "symptom", "Verkouden en benauwd. Piekstroom een paar dagen lager; huisarts zegt: gewoon meten."),
        (-200, "event", "Stressdosis-training bij de verpleegkundige gevolgd. Ik weet nu beter wanneer ik moet "
                        "ophogen."),
        (-90, "note", "Hydrocortison nu over vier momenten verdeeld. 's Middags minder dips."),
        (-30, "symptom", "Rugpijn na het tillen van de verhuisdozen. Paracetamol helpt."),
        (-5, "note", "Bloeddrukserie gestart voor de controle volgende week."),
    ]
    for offset, kind, text in entries:
        moment = (today + timedelta(days=offset)).isoformat() + "T20:30"
        services.diary.add(DiaryEntry(moment, kind, text))


def _targets_and_plans(services, today: date, contacts: dict[str, int]) -> None:
    doctor, nurse = contacts["endocrinologist"], contacts["nurse"]
    agreed = (today - timedelta(days=380)).isoformat()
    services.targets.add(Target("bp", None, 135, None, 85, alert_high=160, agreed_with=doctor, agreed_on=agreed,
                                notes="Thuis gemeten; bij hoger dan 160 boven de poli bellen."))
    services.targets.add(Target("glucose", 4.0, 10.0, alert_low=3.0, agreed_with=doctor, agreed_on=agreed,
                                notes="Onder 3,0: iets met suiker eten en de stressdosis overwegen."))
    services.plans.add(Plan("bp", 4, (today + timedelta(days=BP_SERIES[-1])).isoformat(), 7,
                            "2 metingen 's ochtends en 2 's avonds, 7 dagen (dag 1 telt niet mee)", doctor))
    services.plans.add(Plan(TIREDNESS, 1, (today - timedelta(days=180)).isoformat(), None,
                            "Elke avond: hoe moe was ik vandaag (0 = niet, 10 = heel erg)", nurse))
