"""ISO times with their own offset in a generic CSV are read by look-ups once their date and time
have been seen (LocalClock.remember_offset): every reading is still exactly the time the text
says, whatever dates, times, offsets and fractions are mixed, also beside wall-clock times."""

from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from phr.imports.devices.pipeline import read_file
from phr.imports.devices.times import AMSTERDAM

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

offsets = st.sampled_from(["Z", "+00:00", "+01:00", "+02:00", "-05:00", "+05:30", "+0100", "-0330"])
moments = st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2030, 12, 31))
fractions = st.sampled_from(["", ".0", ".5", ".999", ".123456"])


def _time_text(moment: datetime, fraction: str, offset: str, separator: str) -> str:
    return f"{moment:%Y-%m-%d}{separator}{moment:%H:%M:%S}{fraction}{offset}"


def _expected(text: str) -> tuple[int, int]:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    offset = moment.utcoffset()
    assert offset is not None
    return (moment - _EPOCH) // timedelta(seconds=1), int(offset.total_seconds()) // 60


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(moments, fractions, offsets), min_size=1, max_size=40),
       st.sampled_from(["T", " "]), st.randoms(use_true_random=False))
def test_times_with_offset_read_by_look_ups_are_the_times_the_text_says(found, separator, random):
    # Few dates and times, many combinations: the look-ups meet dates and times learned apart.
    texts = [_time_text(moment, fraction, offset, separator) for moment, fraction, offset in found]
    dates = [text.partition(separator)[0] for text in texts]
    times = [text.partition(separator)[2] for text in texts]
    texts += [f"{random.choice(dates)}{separator}{random.choice(times)}" for _ in range(len(texts) * 3)]
    body = "".join(f"{text},{5 + index % 10}\n" for index, text in enumerate(texts))
    readings = read_file(f"time,value\n{body}".encode(), "csv", "glucose", zone=AMSTERDAM).readings
    assert [(r.epoch, r.offset) for r in readings] == [_expected(text) for text in texts]


def test_times_with_offset_beside_wall_clock_times_of_the_same_days():
    rows = ["2026-03-29 01:30:00,5.0", "2026-03-29T01:30:00+01:00,5.1", "2026-03-29 03:30:00,5.2",
            "2026-03-29T03:30:00+02:00,5.3", "2026-03-29T01:30:00+01:00,5.4", "2026-07-01 08:00:00,5.5",
            "2026-07-01T08:00:00Z,5.6", "2026-07-01 08:00:00,5.7", "2026-07-01T08:00:00+02:00,5.8",
            "2026-03-29 02:30:00,5.9"]                   # the last: Amsterdam's spring gap, skipped
    found = read_file(("time,value\n" + "\n".join(rows)).encode(), "csv", "glucose", zone=AMSTERDAM)
    utc = [(datetime.fromtimestamp(r.epoch, timezone.utc).strftime("%m-%d %H:%M"), r.offset) for r in found.readings]
    assert utc == [("03-29 00:30", 60), ("03-29 00:30", 60), ("03-29 01:30", 120), ("03-29 01:30", 120),
                   ("03-29 00:30", 60), ("07-01 06:00", 120), ("07-01 08:00", 0), ("07-01 06:00", 120),
                   ("07-01 06:00", 120)]
    assert [(row.line, row.reason) for row in found.skipped] == [(11, "nonexistent_time")]
