"""The lifetime scenario's table (bench/lifetime.py) reads each path from the line bench.common.worst writes for it,
and the lifetime CSV (bench/lifetime_record.py) is the generic file the imports read."""

import csv
from datetime import datetime

from bench.common import Result, worst
from bench.lifetime import rows_of, table
from bench.lifetime_record import lifetime_csv


def test_each_path_of_a_worst_result_becomes_a_row_with_its_own_figures():
    combined = worst("both", [Result("import", 3.0, 1.5, 2.0, ["a note"], peak_mb=120.0, peak_limit_mb=300.0),
                              Result("export", 1.0, 2.0, 2.0, peak_mb=80.0, peak_limit_mb=300.0)])
    as_child_gives = {"name": combined.name, "measured": combined.measured, "baseline": combined.baseline,
                      "limit": combined.limit, "notes": combined.notes, "peak_mb": combined.peak_mb,
                      "child_peak_mb": 400.0}
    assert rows_of("io", as_child_gives) == [("io: import", 3.0, 1.5, 2.0, 120.0), ("io: export", 1.0, 2.0, 2.0, 80.0)]


def test_a_single_result_is_one_row_and_a_ratio_over_its_limit_is_marked():
    single = {"name": "backup", "measured": 4.0, "baseline": 1.0, "limit": 3.0, "notes": ["record 206 MB"],
              "peak_mb": None, "child_peak_mb": 150.0}
    rows = rows_of("backup", single)
    assert rows == [("backup: backup", 4.0, 1.0, 3.0, 150.0)]
    assert table(rows)[1].endswith("OVER") and not table([("fast", 1.0, 1.0, 3.0, None)])[1].endswith("OVER")
    assert "150*" in table(rows)[1], "the child's whole peak, marked: no figure of the work's own"


def test_a_module_writing_milliseconds_gets_rows_in_seconds():
    chart = {"name": "chart", "measured": 0.02, "baseline": 0.01, "limit": 3.0, "peak_mb": None, "child_peak_mb": 900.0,
             "notes": ["chart pan, month view: 11.4 ms vs baseline 5.3 ms -> ratio 2.15 (limit 3.0)", "  median of 75"]}
    assert rows_of("chart", chart) == [("chart: chart pan, month view", 0.0114, 0.0053, 3.0, None)]


def test_the_lifetime_csv_holds_the_rows_asked_five_minutes_apart(tmp_path):
    path = lifetime_csv(tmp_path / "g.csv", 30)
    with path.open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    assert rows[0] == ["time", "value"] and len(rows) == 31
    times = [datetime.fromisoformat(time) for time, _ in rows[1:]]
    assert all((later - earlier).total_seconds() == 300 for earlier, later in zip(times, times[1:]))
    assert all(2.0 <= float(value) <= 22.0 for _, value in rows[1:])
    assert datetime.fromisoformat(lifetime_csv(tmp_path / "o.csv", 2, offset=True).read_text().splitlines()[1]
                                  .split(",")[0]).utcoffset() is not None
