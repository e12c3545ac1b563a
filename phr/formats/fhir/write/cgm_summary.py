"""The glucose sensor's summary as FHIR Observations, after the HL7 Continuous Glucose Monitoring IG (STU 1).

When the 14 days before the export day hold sensor glucose, the summary carries the figures the
overview's glucose profile (AGP) page prints, from the same computation (phr.monitoring.agp):
the times in ranges panel (LOINC 106793-3, one component per range), the mean glucose in mmol/L,
GMI, CV and the share of time the sensor was active. A receiving system then gets the figures,
not only a sample of readings. Percentages keep two decimals, as the IG asks.
"""

from phr.core.vocabulary import GlucoseBand
from phr.formats.fhir import codes as codes
from phr.formats.fhir.write.context import FhirContext
from phr.monitoring.agp import Agp, agp, agp_period
from phr.monitoring.samples import read_samples

TIMES_IN_RANGES = ("106793-3", "Continuous glucose monitoring time in ranges panel")
RANGE_CODES = {GlucoseBand.VERY_LOW: ("104642-4", "Time in very low range"),
               GlucoseBand.LOW: ("104641-6", "Time in low range"),
               GlucoseBand.IN_RANGE: ("97510-2", "Time in target range"),
               GlucoseBand.HIGH: ("104640-8", "Time in high range"),
               GlucoseBand.VERY_HIGH: ("104639-0", "Time in very high range")}
MEAN_GLUCOSE = ("105273-7", "Mean glucose")
GMI = ("97506-0", "Glucose management indicator")
CV = ("104638-2", "Coefficient of variation of glucose")
SENSOR_ACTIVE = ("104637-4", "Sensor active percentage")


def cgm_profile(context: FhirContext) -> Agp | None:
    start, end = agp_period(context.today)
    return agp(read_samples(context.services, "glucose", start, end), start, end)


def cgm_summary(context: FhirContext, profile: Agp) -> list[tuple[str, dict]]:
    """(fullUrl, Observation) of each figure of the sensor's summary."""
    result = profile.figures.result
    figures = [(MEAN_GLUCOSE, result.mean, "mmol/L"), (GMI, profile.figures.gmi_percent, "%"),
               (CV, result.cv, "%"), (SENSOR_ACTIVE, profile.active, "%")]
    found = [_entry(context, profile, TIMES_IN_RANGES, {"component": [
        {"code": _code(*RANGE_CODES[band]), "valueQuantity": _quantity(result.share(band) or 0.0, "%")}
        for band in RANGE_CODES]})]
    found += [_entry(context, profile, code, {"valueQuantity": _quantity(value, unit)})
              for code, value, unit in figures if value is not None]
    return found


def _entry(context: FhirContext, profile: Agp, code: tuple[str, str], value: dict) -> tuple[str, dict]:
    resource = {"resourceType": "Observation", "status": "final",
                "category": [codes.concept("http://terminology.hl7.org/CodeSystem/observation-category",
                                           "laboratory", "Laboratory")],
                "code": _code(*code), "subject": context.subject,
                "effectivePeriod": {"start": profile.start.isoformat(), "end": profile.end.isoformat()}, **value}
    return codes.full_url("cgm-summary", f"{code[0]}:{profile.start}:{profile.end}"), resource


def _code(code: str, display: str) -> dict:
    return codes.concept(codes.LOINC, code, display)


def _quantity(value: float, unit: str) -> dict:
    return {"value": round(value, 2), "unit": unit, "system": codes.UCUM, "code": unit}
