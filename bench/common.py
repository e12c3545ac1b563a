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
    peak_mb: float | None = None         # the measured work's peak memory, where an issue sets a limit
    peak_limit_mb: float | None = None

    @property
    def ratio(self) -> float:
        return self.measured / self.baseline

    @property
    def passed(self) -> bool:
        within = self.absolute_limit is None or self.measured <= self.absolute_limit
        small = self.peak_limit_mb is None or (self.peak_mb or 0.0) <= self.peak_limit_mb
        return self.ratio <= self.limit and within and small


def median_seconds(work, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def worst(name: str, results: list[Result]) -> Result:
    """One Result for several measured paths: the highest ratio and the highest peak count; each
    path's own figures become notes (the runner prints one line per benchmark)."""
    slowest = max(results, key=lambda result: result.ratio)
    peaks = [result.peak_mb for result in results if result.peak_mb is not None]
    notes = [line for result in results for line in [
        f"{result.name}: {result.measured:.3f} s vs baseline {result.baseline:.3f} s -> ratio {result.ratio:.2f} "
        f"(limit {result.limit})" + (f", peak {result.peak_mb:.0f} MB (limit {result.peak_limit_mb:.0f} MB)"
                                     if result.peak_mb is not None else "")] + [f"  {note}" for note in result.notes]]
    limits = [result.peak_limit_mb for result in results if result.peak_limit_mb is not None]
    return Result(name, slowest.measured, slowest.baseline, slowest.limit, notes,
                  peak_mb=max(peaks) if peaks else None, peak_limit_mb=min(limits) if limits else None)
