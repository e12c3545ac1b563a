"""What a blood pressure monitor noticed, in the PDFs (issue 16): the overview and the visit brief say how many of
the period's readings it flagged, per flag, and nothing when it flagged none; the emergency letter says only
possible AFib of the past year. Read back from the PDFs and compared with counts made here by hand."""

import io
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from phr.core.vocabulary import DeviceFlag
from phr.export.options import ExportOptions
from phr.export.pdf.documents import build_pdf
from phr.monitoring.readings import Reading
from phr.words.catalogue import Words
from phr.words.vocabulary import label

NOW = datetime(2026, 11, 22, 12, 0)
LANGUAGES = ("nl", "en")
WINTER = timezone(timedelta(hours=1))
IRREGULAR, AFIB, MOVED, CUFF = (DeviceFlag.IRREGULAR_HEARTBEAT, DeviceFlag.POSSIBLE_AFIB, DeviceFlag.BODY_MOVEMENT,
                                DeviceFlag.CUFF_FIT)
# Per day of November 2026 (two readings a day, morning and evening) what the monitor noticed in the morning.
FLAGS = {3: IRREGULAR, 4: IRREGULAR | CUFF, 6: CUFF, 8: MOVED, 10: IRREGULAR}
PERIOD = {"since": date(2026, 11, 1), "until": date(2026, 11, 21)}


def text_of(services, kind: str, language: str, **choices) -> str:
    pdf = build_pdf(services, ExportOptions(kind=kind, language=language, now=NOW, **choices))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    """Without white space, and a word broken with a hyphen at a line end joined again."""
    return re.sub(r"(?<=\w)-(?=\w)", "", "".join(text.split()))


def add_readings(services, flags: dict[int, DeviceFlag], days=range(1, 12), month=(2026, 11)) -> list[Reading]:
    readings = [Reading("bp", datetime(*month, day, hour, 15, tzinfo=WINTER), 124 + day % 5, 80, 64,
                        device_flags=int(flags.get(day, 0)) if hour == 7 else 0)
                for day in days for hour in (7, 21)]
    services.readings.add_batch(readings, "device_import", "OMRON.csv")
    return readings


def expected_parts(w: Words, readings: list[Reading]) -> list[str]:
    """The lead and each flag with its count, counted reading by reading."""
    flagged = [reading.device_flags for reading in readings if reading.device_flags]
    per_flag = {flag: sum(1 for bits in flagged if bits & flag) for flag in DeviceFlag}
    lead = w("The blood pressure monitor flagged {flagged} of the {total} readings.", flagged=len(flagged),
             total=len(readings))
    return [lead] + [f"{label(w, flag, in_sentence=True)}: {count}" for flag, count in per_flag.items() if count]


@pytest.mark.parametrize("kind", ["overview", "visit"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_overview_and_the_visit_brief_count_what_the_monitor_noticed(services, kind, language):
    readings = add_readings(services, FLAGS)
    w = Words(language)
    text = flat(text_of(services, kind, language, **PERIOD))
    parts = expected_parts(w, readings)
    assert [part for part in parts if flat(part).lower() not in text.lower()] == []
    assert flat(parts[0]) == flat(w("The blood pressure monitor flagged {flagged} of the {total} readings.",
                                    flagged=5, total=22))  # 11 days, two readings each; five mornings flagged
    assert flat(w("Flagged readings are included in the figures.")) in text
    assert flat(label(w, AFIB)).lower() not in text.lower()  # not noticed: not named


@pytest.mark.parametrize("kind", ["overview", "visit"])
def test_only_the_period_s_readings_are_counted(services, kind):
    add_readings(services, {2: AFIB, 5: CUFF}, days=range(1, 8), month=(2026, 10))  # the month before
    readings = add_readings(services, FLAGS)
    text = flat(text_of(services, kind, "en", **PERIOD)).lower()
    assert [part for part in expected_parts(Words("en"), readings) if flat(part).lower() not in text] == []
    assert flat(label(Words("en"), AFIB)).lower() not in text


@pytest.mark.parametrize("kind", ["overview", "visit"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_is_said_when_the_monitor_flagged_no_reading(services, kind, language):
    add_readings(services, {})
    add_readings(services, {2: IRREGULAR}, days=range(1, 5), month=(2026, 9))  # long before the period
    w = Words(language)
    text = flat(text_of(services, kind, language, **PERIOD))
    assert flat(w("Blood pressure")) in text  # the measure is there
    assert flat(w("Flagged readings are included in the figures.")) not in text
    assert flat(label(w, IRREGULAR)).lower() not in text.lower()


# --- the emergency letter: possible AFib only -------------------------------------------------------------------

def afib_line(w: Words, count: int, total: int, day: date) -> str:
    return w("My blood pressure monitor at home noticed possible atrial fibrillation (AFib) in {count} of {total} "
             "readings in the past year, the last time on {date}. This is a signal from the monitor, not a diagnosis.",
             count=count, total=total, date=w.date(day))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_emergency_letter_says_possible_afib_of_the_past_year(services, language):
    add_readings(services, {2: AFIB, 5: AFIB | IRREGULAR, 6: CUFF}, days=range(1, 8), month=(2026, 6))
    add_readings(services, {3: AFIB}, days=range(1, 4), month=(2025, 10))  # more than a year ago
    w = Words(language)
    text = flat(text_of(services, "emergency", language))
    assert flat(afib_line(w, 2, 14, date(2026, 6, 5))) in text  # June's 14 readings; October 2025 is out
    assert text.index(flat(afib_line(w, 2, 14, date(2026, 6, 5)))) > text.index(flat(w("My diagnoses")))


@pytest.mark.parametrize("flags, month", [({2: IRREGULAR, 3: CUFF, 4: MOVED}, (2026, 10)),  # no AFib
                                          ({2: AFIB}, (2025, 11))])                         # AFib a year ago
def test_the_emergency_letter_leaves_out_other_flags_and_old_afib(services, flags, month):
    add_readings(services, flags, days=range(1, 6), month=month)
    text = flat(text_of(services, "emergency", "en")).lower()
    assert "fibrillation" not in text and "irregular" not in text and "cuff" not in text
