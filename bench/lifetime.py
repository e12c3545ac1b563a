"""The lifetime scenario (issue 20, point 8): one table over every lifetime measurement, on the cached lifetime record
(bench/lifetime_record.py: 30 years of 5-minute sensor glucose, ~3.1 M readings, and the sample's care record with
~3,000 diary entries and 360 appointments). `python -m bench lifetime` (only when named: it runs the others).

Rows: each benchmark module of issue 20 that exists (care_record, reading_storage, start, lifetime_io, chart,
backup) run in a child process; its paths as its own notes give them (bench.common.worst), its peak as it
measured it or else the child's whole peak resident memory (setting up included). A module's figures are its own:
reading_storage's size row is in bytes per reading, not seconds. And measured here, each in a fresh child process
(its peak resident memory: interpreter, imports, unlocking and the work), median of 3, interleaved:
- statistics for a year: every figure of a year of glucose (phr.monitoring.figures.measure_figures, which reads
  the year's readings, and the AGP) on the lifetime record. Baseline: a raw query of the same year's times and
  values into numpy, plus the same figures in bare numpy (bench.statistics._bare), same record, same run.
- overview PDF and visit PDF on the lifetime record. Baseline: the same PDF of the sample record made for the
  same day without the lifetime's readings and diary (what the record's size costs the PDF).
"""

import importlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from bench import lifetime_record
from bench.common import Result, peak_mb, reset_peak

MODULES = ("care_record", "reading_storage", "start", "lifetime_io", "chart", "backup")
REPEAT = 3
STATISTICS_LIMIT, PDF_LIMIT, PEAK_LIMIT_MB = 3.0, 3.0, 300.0
YEAR = (date(2025, 12, 1), date(2026, 11, 30))     # the lifetime record's last year (it ends on END)
NOW = datetime.combine(lifetime_record.END, datetime.min.time()) + timedelta(hours=12)
_ROOT = str(Path(__file__).resolve().parent.parent)
# The line bench.common.worst writes for each path (bench/chart writes milliseconds).
PATH_LINE = re.compile(r"^(?P<name>.+?): (?P<measured>[\d.]+) (?P<unit>m?s) vs baseline (?P<baseline>[\d.]+) m?s "
                       r"-> ratio [\d.]+ \(limit (?P<limit>[\d.]+)\)(?:, peak (?P<peak>[\d.]+) MB)?")


# --- measured here, in a child -----------------------------------------------------------------------------

def _services(folder: Path, passphrase: str):
    from phr.access import records
    from phr.record.services import RecordServices

    return RecordServices(records.unlock_with_passphrase(folder, passphrase))


def _timed(work) -> dict:
    started = time.perf_counter()
    work()
    return {"seconds": time.perf_counter() - started, "peak_mb": peak_mb()}


def statistics_regie(services) -> dict:
    from phr.monitoring.agp import agp
    from phr.monitoring.figures import measure_figures
    from phr.monitoring.measures import CATALOGUE

    def work() -> None:
        figures = measure_figures(services, CATALOGUE["glucose"], *YEAR, services.targets.current("glucose"))
        assert figures.glucose is not None and agp(figures.samples, *YEAR) is not None

    return _timed(work)


def statistics_raw(services) -> dict:
    """The year's times and values in one raw query (all measures of the year: glucose is nearly all of them),
    then the figures in bare numpy."""
    import numpy as np

    from bench.statistics import _bare
    from phr.monitoring.samples import SENSOR_CODE

    first = int(datetime.combine(YEAR[0], datetime.min.time()).timestamp())
    last = int(datetime.combine(YEAR[1] + timedelta(days=1), datetime.min.time()).timestamp())

    def work() -> None:
        rows = services.session.db.query("SELECT taken_at, value FROM readings WHERE taken_at BETWEEN ? AND ? "
                                         "AND value IS NOT NULL ORDER BY taken_at", (first, last))
        data = np.array(rows, dtype=float)
        _bare(data[:, 0].astype(np.int64), data[:, 1], np.full(len(data), SENSOR_CODE, dtype=np.int8))

    return _timed(work)


def pdf(services, kind: str) -> dict:
    from phr.export.options import ExportOptions
    from phr.export.pdf import documents

    return _timed(lambda: documents.build_pdf(services, ExportOptions(kind=kind, language="nl", now=NOW)))


WORKS = {"statistics": statistics_regie, "statistics_raw": statistics_raw,
         "overview": lambda services: pdf(services, "overview"), "visit": lambda services: pdf(services, "visit")}


def _child(work: str, folder: str, passphrase: str) -> dict:
    services = _services(Path(folder), passphrase)
    try:
        before = peak_mb()  # interpreter, imports, unlocking (Argon2id's 64 MiB), the purge at unlock
        reset_peak()
        return WORKS[work](services) | {"before_mb": before}
    finally:
        services.session.lock()


def in_child(*arguments: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "bench.lifetime", *arguments], check=True, capture_output=True,
                          text=True, env=os.environ | {"PYTHONPATH": _ROOT})
    return json.loads(done.stdout.splitlines()[-1])


def _median(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]


def own_results() -> list[Result]:
    from phr.demo.sample_record import SAMPLE_PASSPHRASE, create_sample_record
    from phr.storage.keys import kdf

    with tempfile.TemporaryDirectory(dir=lifetime_record.CACHE.parent) as tmp:
        lifetime = str(lifetime_record.copy_of(Path(tmp)))
        sample = Path(tmp) / "sample.regie"
        create_sample_record(sample, argon2=kdf.MINIMUM, today=lifetime_record.END).lock()
        pairs = {"statistics for a year": (("statistics_raw", lifetime, lifetime_record.PASSPHRASE),
                                           ("statistics", lifetime, lifetime_record.PASSPHRASE), STATISTICS_LIMIT),
                 "overview PDF": (("overview", str(sample), SAMPLE_PASSPHRASE),
                                  ("overview", lifetime, lifetime_record.PASSPHRASE), PDF_LIMIT),
                 "visit PDF": (("visit", str(sample), SAMPLE_PASSPHRASE),
                               ("visit", lifetime, lifetime_record.PASSPHRASE), PDF_LIMIT)}
        runs: dict[str, tuple[list[dict], list[dict]]] = {name: ([], []) for name in pairs}
        for _ in range(REPEAT):
            for name, (baseline, ours, _limit) in pairs.items():
                runs[name][0].append(in_child(*baseline))
                runs[name][1].append(in_child(*ours))
    results = []
    for name, (base_runs, our_runs) in runs.items():
        base, measured = _median(base_runs), _median(our_runs)
        what = "raw query + bare numpy" if name.startswith("statistics") else "the sample record, same day"
        results.append(Result(name, measured["seconds"], base["seconds"], pairs[name][2],
                              [f"baseline: {what}; peak during the work {measured['peak_mb']:.0f} MB (the process "
                               f"held {measured['before_mb']:.0f} MB after unlocking), baseline's "
                               f"{base['peak_mb']:.0f} MB"],
                              peak_mb=measured["peak_mb"], peak_limit_mb=PEAK_LIMIT_MB))
    return results


# --- the others' benchmarks, in a child each ------------------------------------------------------------------

def module_result(name: str) -> dict:
    result = importlib.import_module(f"bench.{name}").run()
    return {"name": result.name, "measured": result.measured, "baseline": result.baseline, "limit": result.limit,
            "notes": result.notes, "peak_mb": result.peak_mb, "peak_limit_mb": result.peak_limit_mb,
            "absolute_limit": result.absolute_limit, "passed": result.passed, "child_peak_mb": peak_mb()}


class ChildPeak(float):
    """A module's peak when it gives none of its work's own: its child process's whole peak, its baselines'
    included (marked in the table)."""


def rows_of(module: str, result: dict) -> list[tuple]:
    """(name, measured, baseline, limit, peak MB) for each path the module's notes give, else its one result."""
    paths = [match for line in result["notes"] if (match := PATH_LINE.match(line))]
    if not paths:
        peak = result["peak_mb"] if result["peak_mb"] is not None else ChildPeak(result["child_peak_mb"])
        return [(f"{module}: {result['name']}", result["measured"], result["baseline"], result["limit"], peak)]
    seconds = {"s": 1.0, "ms": 0.001}
    return [(f"{module}: {m['name']}", float(m["measured"]) * seconds[m["unit"]],
             float(m["baseline"]) * seconds[m["unit"]], float(m["limit"]), float(m["peak"]) if m["peak"] else None)
            for m in paths]


def table(rows: list[tuple]) -> list[str]:
    lines = [f"{'measurement':<58} {'measured s':>10} {'baseline s':>10} {'ratio':>7} {'limit':>6} {'peak MB':>8}"]
    for name, measured, baseline, limit, peak in rows:
        ratio = measured / baseline if baseline else float("inf")
        mark = "" if ratio <= limit else "  OVER"
        shown = "" if peak is None else f"{peak:.0f}" + ("*" if isinstance(peak, ChildPeak) else "")
        lines.append(f"{name[:58]:<58} {measured:>10.4f} {baseline:>10.4f} {ratio:>7.2f} {limit:>6.1f} "
                     f"{shown:>8}{mark}")
    return lines + ["* the child process's whole peak, its baselines included (no figure of the work's own)"]


def run() -> Result:
    lifetime_record.lifetime_folder()  # made once, before the children need it
    rows, failed, notes = [], [], []
    for module in MODULES:
        if not Path(_ROOT, "bench", f"{module}.py").exists():
            notes.append(f"{module}: not there yet")
            continue
        try:
            result = in_child("module", module)
        except subprocess.CalledProcessError as error:
            notes.append(f"{module}: failed ({error.stderr.strip().splitlines()[-1:]})")
            failed.append(module)
            continue
        rows += rows_of(module, result)
        failed += [] if result["passed"] else [module]
    own = own_results()
    rows += [(f"lifetime: {r.name}", r.measured, r.baseline, r.limit, r.peak_mb) for r in own]
    failed += [r.name for r in own if not r.passed]
    notes = table(rows) + notes + [note for r in own for note in [f"{r.name}: {line}" for line in r.notes]]
    # The headline: the row furthest over (or nearest to) its limit, so the scenario passes when every row does.
    name, measured, baseline, limit, _peak = max(rows, key=lambda row: row[1] / row[2] / row[3] if row[2] else 1e9)
    return Result(f"lifetime scenario, {len(rows)} measurements (over a limit: {', '.join(failed) or 'none'}); "
                  f"headline {name}", measured, baseline, limit, notes)


if __name__ == "__main__":      # children: `module NAME` or `WORK FOLDER PASSPHRASE` -> one JSON line
    if sys.argv[1] == "module":
        print(json.dumps(module_result(sys.argv[2])))
    else:
        print(json.dumps(_child(*sys.argv[1:4])))
