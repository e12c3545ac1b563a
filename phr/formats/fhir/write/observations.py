"""Measurements as Observations, summarised: never every reading of years of monitoring.

A lab's results are no monitoring: they go out whole, first in the results section (lab_results.py); the
results a file called vital signs (a height, a BMI) go out whole too, in the vital signs section. So do a
lab's readings of a catalogue measure (an HbA1c, a lab's glucose: method 'lab'), every one with its range,
made here as the summary's are and judged there; the summary of such a measure holds its other readings.

Per measure the summary holds its latest reading plus the readings of the RECENT_DAYS
days up to it: at most MAX_PER_MEASURE in all, newest first, and when there are more
(a glucose sensor reads every few minutes) every n-th one, so they span the whole period. Vital signs (blood pressure,
heart rate, weight, temperature, oxygen saturation) go in the vital signs section,
the rest in results. Catalogue measures carry their LOINC code (when they have one: insulin has none) and
UCUM unit, with the unit for people in the export's language ('IU', Dutch 'IE', code '[IU]'); blood
pressure is the 85354-9 panel with systolic, diastolic (and pulse) as components.
A user's own measure has only its name and the unit as typed. A sensor's Low or High (no
number: below or above what it can measure) carries the interpretation 'off scale low/high'
and 'low/high' and a valueString saying so, in the export's language.
"""

import math
from datetime import datetime, timedelta, timezone

from phr.core.vocabulary import ReadingMethod
from phr.formats.fhir import codes as codes
from phr.formats.fhir.write.cgm_summary import cgm_profile, cgm_summary
from phr.formats.fhir.write.context import FhirContext, Section, without_empty
from phr.formats.fhir.write.lab_results import LABORATORY, Judged, Results, judged, lab_results
from phr.formats.fhir.write.narrative import narrative, table
from phr.monitoring.measures import BLOOD_PRESSURE, CATALOGUE, Measure, glucose_loinc
from phr.words.units import unit_words

RECENT_DAYS = 30
MAX_PER_MEASURE = 20
VITAL_SIGNS = ("bp", "heart_rate", "weight", "temperature", "spo2")
# A sensor's Low / High: off its scale, and so beyond the reference range too.
OFF_SCALE = {"below_range": (("<", "Off scale low"), ("L", "Low")),
             "above_range": ((">", "Off scale high"), ("H", "High"))}


def results(context: FhirContext) -> list[Section]:
    """The vital signs section and the results section, each only when it holds readings."""
    w = context.words
    found: dict[str, tuple[list[tuple[str, dict]], list[list[str]]]] = {"results": ([], []), "vital_signs": ([], [])}
    catalogue_labs: list[Judged] = []
    for key in sorted(context.services.readings.counts()):
        measure = context.services.measures.find(key)
        if measure is None or measure.is_lab:  # a lab's results go out whole: lab_results.py
            continue
        by_a_lab = _lab_readings(context, measure)
        catalogue_labs += by_a_lab
        entries, rows = found["vital_signs" if key in VITAL_SIGNS else "results"]
        for reading in summary_readings(context, key, len(by_a_lab)):
            entries.append((_url(key, reading), observation(context, measure, reading)))
            rows.append([measure.name(w.language), w.moment(reading[0].isoformat(timespec="minutes")),
                         _value_text(context, measure, reading)])
    profile = cgm_profile(context) if "glucose" in context.services.readings.counts() else None
    if profile is not None:  # the figures of the glucose profile, as the overview PDF prints them
        found["results"][0].extend(cgm_summary(context, profile))
        found["results"][1].append([w("Glucose sensor summary"), w("{start} to {end}", start=w.date(profile.start),
                                                                     end=w.date(profile.end)),
                                    w("in range {share}%", share=w.number(profile.figures.result.in_range or 0, 1))])
    header = [w("Measurement"), w("Time"), w("Value")]
    labs = lab_results(context, catalogue_labs)
    sections = [_results_section(context, labs, *found["results"], header)]
    entries, rows = labs.vital_signs + found["vital_signs"][0], labs.vital_sign_rows + found["vital_signs"][1]
    sections.append(Section("vital_signs", w("Vital signs"), narrative(table(header, rows)), entries)
                    if entries else None)
    return [section for section in sections if section is not None]


def _results_section(context: FhirContext, results: Results, entries: list[tuple[str, dict]],
                     rows: list[list[str]], header: list[str]) -> Section | None:
    """The lab's results first, every one, then the summary of the person's own other measurements."""
    w = context.words
    labs = results.lab
    if not labs and not entries:
        return None
    title = (w("Lab results and other measurements") if labs and entries
             else w("Lab results") if labs else w("Other measurements"))
    return Section("results", title, narrative(results.table, table(header, rows) if rows else ""), labs + entries)


def _lab_readings(context: FhirContext, measure: Measure) -> list[Judged]:
    """Every reading a lab took of a catalogue measure, with its range: lab results, not self-monitoring. (A
    blood pressure is two numbers, a lab result one: a lab's blood pressure stays in the summary.)"""
    if measure.key not in CATALOGUE or measure.kind == BLOOD_PRESSURE:
        return []
    found = []
    for result in context.services.lab_results.lab_readings(measure.key):
        reading = (result.taken_at, result.value, None, None, ReadingMethod.LAB.value, "", result.note)
        resource = {**observation(context, measure, reading),  # a lab's weight or SpO2 too: no vital sign
                    "category": [codes.concept(codes.OBSERVATION_CATEGORY, *LABORATORY)]}
        found.append(Judged(measure, result, _url(measure.key, reading),
                            judged(resource, result, lambda value: _quantity(context, measure, value))))
    return found


def summary_readings(context: FhirContext, key: str, labs: int = 0) -> list[tuple]:
    """(moment, value, value2, value3, method, flag, note) of the latest reading and the recent ones, newest
    first; without the lab's readings when the measure has `labs` of them (they go out whole, as results)."""
    latest = _latest(context, key, labs)
    if latest is None:
        return []
    rows = [row for row in context.services.readings.stream(key, latest.taken_at - timedelta(days=RECENT_DAYS),
                                                            latest.taken_at)
            if not labs or row.method != ReadingMethod.LAB]
    step = max(1, math.ceil(len(rows) / MAX_PER_MEASURE))  # evenly spread over the period, not its last hour
    chosen = [(_moment(row.taken_at, row.utc_offset), row.value, row.value2, row.value3, row.method, row.flag,
               row.note) for row in reversed(rows)][::step]
    if not chosen or chosen[0][0] != latest.taken_at:
        chosen.insert(0, (latest.taken_at, latest.value, latest.value2, latest.value3, latest.method, latest.flag,
                          latest.note))
    return chosen[:MAX_PER_MEASURE]


def _latest(context: FhirContext, key: str, labs: int):
    """The newest reading, or the newest that no lab took: one of the `labs` + 1 newest."""
    if not labs:
        return context.services.readings.latest(key)
    newest = context.services.readings.page(key, 0, labs + 1)
    return next((reading for reading in newest if reading.method != ReadingMethod.LAB), None)


def _moment(epoch: int, offset_minutes: int) -> datetime:
    return datetime.fromtimestamp(epoch, timezone(timedelta(minutes=offset_minutes)))


def _url(key: str, reading: tuple) -> str:
    return codes.full_url("reading", f"{key}:{int(reading[0].timestamp())}:{reading[1]}:{reading[2]}:{reading[4]}")


def _quantity(context: FhirContext, measure, value: float) -> dict:
    """The value as stored, unrounded: a reading read from another system's file (a weight of 65.7970123 kg) must
    come back as the same reading, or importing the export again would add it a second time."""
    if measure.loinc or measure.key in CATALOGUE:  # catalogue units are UCUM, with a LOINC code or (insulin) without
        return {"value": value, "unit": unit_words(context.words, measure.unit_text), "system": codes.UCUM,
                "code": measure.unit}
    return {"value": value, "unit": measure.unit}


def observation(context: FhirContext, measure, reading: tuple) -> dict:
    moment, value, value2, value3, method, flag, note = reading
    loinc = glucose_loinc(method, measure.loinc) if measure.key == "glucose" else measure.loinc
    code = (codes.concept(codes.LOINC, loinc, measure.name_en, measure.name(context.words.language)) if loinc
            else {"text": measure.name(context.words.language)})
    resource = {
        "resourceType": "Observation", "status": "final",
        "category": _category(measure.key, method),
        "code": code, "subject": context.subject,
        "effectiveDateTime": moment.isoformat(timespec="seconds"),
    }
    if measure.kind == BLOOD_PRESSURE:
        parts = [(part, number) for part, number in zip(measure.components, (value, value2, value3))
                 if number is not None]
        resource["component"] = [{"code": codes.concept(codes.LOINC, part.loinc, part.name_en),
                                  "valueQuantity": _quantity(context, measure if index < 2 else _PULSE, number)}
                                 for index, (part, number) in enumerate(parts)]
    elif value is not None:
        resource["valueQuantity"] = _quantity(context, measure, value)
    elif flag in OFF_SCALE:  # no number: what the sensor said instead (dataAbsentReason may not go with a value)
        resource["valueString"] = _off_scale_text(context.words, flag)
        resource["interpretation"] = [codes.concept(codes.OBSERVATION_INTERPRETATION, code, display)
                                      for code, display in OFF_SCALE[flag]]
    resource["note"] = [{"text": note}] if note.strip() else []  # the lab's words ('Above stated goal'), or mine
    return without_empty(resource)


def _category(key: str, method: str) -> list[dict]:
    """Vital signs as such; a lab's reading of another catalogue measure (an HbA1c) as a laboratory result, so
    whoever reads it, Regie included, knows a lab measured it and not the person at home."""
    if key in VITAL_SIGNS:
        return [codes.concept(codes.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")]
    if method == ReadingMethod.LAB:
        return [codes.concept(codes.OBSERVATION_CATEGORY, "laboratory", "Laboratory")]
    return []


class _PulseUnit:
    key, loinc, unit, unit_text, decimals = "heart_rate", "8867-4", "/min", "/min", 0


_PULSE = _PulseUnit()


def _value_text(context: FhirContext, measure, reading: tuple) -> str:
    w = context.words
    _, value, value2, value3, _, flag, _ = reading
    if measure.kind == BLOOD_PRESSURE:
        text = f"{w.number(value, 0)}/{w.number(value2, 0)} {measure.unit_text}"
        return f"{text}, {w.number(value3, 0)} /min" if value3 is not None else text
    if value is None:
        return _off_scale_text(w, flag) if flag in OFF_SCALE else "–"
    return f"{w.number(value, measure.decimals)} {unit_words(w, measure.unit_text)}"


def _off_scale_text(w, flag: str) -> str:
    return w("below the sensor's range") if flag == "below_range" else w("above the sensor's range")
