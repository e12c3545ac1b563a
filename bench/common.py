import resource
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


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


def peak_mb() -> float:
    """This process's peak resident memory, since it started or since `reset_peak`. VmHWM, not getrusage's
    ru_maxrss: Linux carries the parent's peak over into ru_maxrss of a child it starts (fork keeps it, exec does
    not reset it)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:    # not Linux: ru_maxrss (bytes on macOS)
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1024)
    return int(status.split("VmHWM:", 1)[1].split()[0]) / 1024


def reset_peak() -> float:
    """From here on the peak counts from what is resident now (Linux; elsewhere the process's peak stays), so a
    work's peak is its own, not that of the key derivation or a baseline before it. Returns MB resident now."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass
    return peak_mb()
