import statistics
import time
from dataclasses import dataclass, field


@dataclass
class Result:
    name: str
    measured: float
    baseline: float
    limit: float
    notes: list[str] = field(default_factory=list)
    absolute_limit: float | None = None  # seconds, where an issue sets a target users feel (first paint)

    @property
    def ratio(self) -> float:
        return self.measured / self.baseline

    @property
    def passed(self) -> bool:
        within = self.absolute_limit is None or self.measured <= self.absolute_limit
        return self.ratio <= self.limit and within


def median_seconds(work, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
