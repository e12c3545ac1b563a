"""The readings of one measure in a period of local days, as statistics need them.

Shared by the statistics page, the measuring-plan adherence and the PDF exports, so that
the app and a PDF count the same readings for the same period.
"""

from datetime import date, datetime, time, timedelta, timezone

from phr.monitoring import statistics as stats
from phr.monitoring.statistics_bp import SERIES_GAP_DAYS

SERIES_LOOK_BACK_DAYS = 60  # how far before a period a measuring series running into it is followed back


def samples_of(services, measure_key: str, start: date, end: date) -> tuple[list, list]:
    """(all samples, sensor samples) whose local day lies in start..end (a day of margin for time zones)."""
    first = datetime.combine(start - timedelta(days=1), time(0), timezone.utc)
    last = datetime.combine(end + timedelta(days=2), time(0), timezone.utc)
    everything, sensor = [], []
    for at, offset, value, value2, value3, flag, method, _context in services.readings.between(measure_key, first,
                                                                                              last):
        sample = stats.Sample(at, offset, value, value2, value3, flag)
        if start <= sample.local_day <= end:
            everything.append(sample)
            if method == "sensor":
                sensor.append(sample)
    return everything, sensor


def with_whole_series(services, measure_key: str, samples: list) -> list:
    """The period's readings plus the earlier days of a measuring series that runs into the period:
    such a series keeps its own first day (left out of its mean), not the period's first day."""
    if not samples:
        return samples
    first = min(sample.local_day for sample in samples)
    earlier, _ = samples_of(services, measure_key, first - timedelta(days=SERIES_LOOK_BACK_DAYS),
                            first - timedelta(days=1))
    keep_from = first
    for day in sorted({sample.local_day for sample in earlier}, reverse=True):
        if (keep_from - day).days - 1 > SERIES_GAP_DAYS:
            break
        keep_from = day
    return [sample for sample in earlier if sample.local_day >= keep_from] + samples
