"""Apple Health's types, units, times and sources as Regie's measures, units and methods (the reader
is apple_health.py).

Types read (HKQuantityTypeIdentifier...): BloodGlucose -> glucose (mg/dL, or Apple's mmol/L written
'mmol<180.1558800000541>/L' with glucose's molar mass), HeartRate -> heart_rate ('count/min'),
BodyMass -> weight (kg, lb, st, g), OxygenSaturation -> spo2 (a fraction in '%': 0.97 is 97 %),
BodyTemperature -> temperature (degC, degF), InsulinDelivery -> insulin_rapid (a bolus) or
insulin_long (basal), by its HKInsulinDeliveryReason, DietaryCarbohydrates -> carbs (g),
PeakExpiratoryFlowRate -> peak_flow (L/min), ForcedExpiratoryVolume1 -> fev1 (L, mL); and a
blood pressure Correlation (its Systolic and Diastolic Records, mmHg) -> bp.

Glucose's method, from what an export shows of each record (its sourceName, its device, its
metadata; an export has no app identifiers), decided as Tidepool's HealthKit uploader decides
between sensor and meter glucose, by the writing app:
- HKWasUserEntered (HKMetadataKeyWasUserEntered) 1: typed in by hand, in the Health app or another
  app -> 'typed';
- written by a CGM's app or an app that relays one (Dexcom G6/G7, Stelo, FreeStyle LibreLink,
  Guardian, Eversense, Loop, Trio, xDrip4iOS, Spike, Glucose Direct, Juggluco, Nightscout, ...; a
  device such as 'name:CGMBLEKit, manufacturer:Dexcom') -> 'sensor';
- written by a meter's app (Contour, OneTouch, Accu-Chek, GlucoMen, or a source named '... meter')
  -> 'fingerstick';
- any other -> '' (not known), as for another CSV file.
"""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from phr.imports.devices.units import divisor
from phr.monitoring.measures import CATALOGUE, FIRST_YEAR, LAST_YEAR

Q = "HKQuantityTypeIdentifier"
SYSTOLIC, DIASTOLIC, HEART_RATE = f"{Q}BloodPressureSystolic", f"{Q}BloodPressureDiastolic", f"{Q}HeartRate"
GLUCOSE, INSULIN = f"{Q}BloodGlucose", f"{Q}InsulinDelivery"
BLOOD_PRESSURE = "HKCorrelationTypeIdentifierBloodPressure"

# Apple's type -> the measure its records are readings of.
MEASURES = {
    GLUCOSE: "glucose", HEART_RATE: "heart_rate", f"{Q}BodyMass": "weight", f"{Q}OxygenSaturation": "spo2",
    f"{Q}BodyTemperature": "temperature", INSULIN: "insulin_rapid", f"{Q}DietaryCarbohydrates": "carbs",
    f"{Q}PeakExpiratoryFlowRate": "peak_flow", f"{Q}ForcedExpiratoryVolume1": "fev1",
}
# HKInsulinDeliveryReason: 1 basal, 2 bolus.
INSULIN_BY_REASON = {"1": "insulin_long", "2": "insulin_rapid"}
USER_ENTERED = ("HKWasUserEntered", "HKMetadataKeyWasUserEntered")
INSULIN_REASON = ("HKInsulinDeliveryReason", "HKMetadataKeyInsulinDeliveryReason")

# Apple's unit names that the catalogue knows under another name.
_CATALOGUE_UNIT = {"count/min": "/min", "degC": "°C", "mmol/L": "mmol/L"}
_MOLAR = re.compile(r"mmol<[0-9.]+>/L")
# Apple's units the catalogue has no factor for: (factor, shift) to the measure's unit.
_APPLE_ONLY = {
    ("spo2", "%"): (100.0, 0.0),                        # HealthKit keeps a percentage as a fraction
    ("temperature", "degF"): (5 / 9, -32 * 5 / 9),
    ("weight", "st"): (6.35029318, 0.0),                # stone
    ("fev1", "mL"): (0.001, 0.0),
}
# A unit's conversion: canonical value = value * factor + shift.
Scale = tuple[float, float]

_CGM_WORDS = frozenset((
    "dexcom", "stelo", "libre", "librelink", "freestyle", "abbott", "guardian", "eversense", "lingo", "cgm",
    "cgmblekit", "loop", "trio", "iaps", "freeaps", "xdrip", "xdrip4ios", "spike", "juggluco", "diabox",
    "nightscout", "sugarmate", "shuggah", "glucosedirect"))
_METER_WORDS = frozenset(("contour", "onetouch", "accu", "accuchek", "glucomen", "wellion", "meter"))
_WORD = re.compile(r"[a-z0-9]+")


def scale_of(measure_key: str, unit: str) -> Scale | None:
    """How a value in Apple's `unit` becomes the measure's canonical unit; None when it cannot."""
    apple = _APPLE_ONLY.get((measure_key, unit))
    if apple is not None:
        return apple
    name = "mmol/L" if _MOLAR.fullmatch(unit) else _CATALOGUE_UNIT.get(unit, unit)
    try:
        return 1.0 / divisor(CATALOGUE[measure_key], name), 0.0
    except ValueError:
        return None


def glucose_method(source: str, device: str, user_entered: bool) -> str:
    """'typed', 'sensor', 'fingerstick' or '' (see above)."""
    if user_entered:
        return "typed"
    text = f"{source} {device}".casefold()
    words = set(_WORD.findall(text))
    if words & _CGM_WORDS or "glucose direct" in text:
        return "sensor"
    return "fingerstick" if words & _METER_WORDS else ""


class AppleTimes:
    """Apple's times, '2019-01-01 08:00:00 +0100', as (UTC epoch seconds, offset minutes); None when
    the text is not a time. A time without its offset (not written by Apple) is in `zone`."""

    def __init__(self, zone: ZoneInfo):
        self.zone = zone
        self._days: dict[str, int] = {}     # '2019-01-01' -> its midnight's epoch seconds (UTC)

    def __call__(self, text: str) -> tuple[int, int] | None:
        if len(text) != 25 or text[10] != " " or text[19] != " " or text[20] not in "+-":
            return self._other(text)
        midnight = self._days.get(text[:10])
        try:
            if midnight is None:
                midnight = self._day(text[:10])
            hours, minutes, seconds = int(text[11:13]), int(text[14:16]), int(text[17:19])
            offset = int(text[21:23]) * 60 + int(text[23:25])
        except ValueError:
            return None
        if hours > 23 or minutes > 59 or seconds > 59 or text[13] != ":" or text[16] != ":":
            return None
        offset = -offset if text[20] == "-" else offset
        return midnight + hours * 3600 + minutes * 60 + seconds - offset * 60, offset

    def _day(self, text: str) -> int:
        day = date.fromisoformat(text)      # ValueError for a date that does not exist
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ValueError(text)
        self._days[text] = midnight = (day.toordinal() - _EPOCH_ORDINAL) * 86400
        return midnight

    def _other(self, text: str) -> tuple[int, int] | None:
        """An ISO 8601 time in another form ('2019-01-01T08:00:00+01:00', or without offset)."""
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            return None
        if not FIRST_YEAR <= moment.year <= LAST_YEAR:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone)
        offset = moment.utcoffset()
        minutes = int(offset.total_seconds()) // 60 if offset is not None else 0
        return int(moment.timestamp()), minutes


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
