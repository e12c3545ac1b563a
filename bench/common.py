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

    @property
    def ratio(self) -> float:
        return self.measured / self.baseline


def median_seconds(work, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
