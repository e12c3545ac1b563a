"""Imports and exports stream in chunks (issue 20, point 4): none holds all rows at once, whatever the size.

Each runs in a child whose address space is limited (RLIMIT_AS) to what it maps when the work starts plus
BUDGET_MB (bounded_child.py), on data that needs several times that when held whole: the readings as objects,
the skipped rows as objects, or the whole file as text. Not timed; Linux only (RLIMIT_AS, /proc).

Before issue 20 the CSV and JSON exports built the whole file in memory, a Nightscout entries.json was read whole
a file's skipped rows were all kept, and Regie's own file was read whole (json.loads), later its care entries
still:
those cases fail there (exit status 3, MemoryError). The import and re-import cases already streamed; a file
read whole (as a small one is) fails them.
"""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux's")

CHILD = Path(__file__).with_name("bounded_child.py")
BUDGET_MB = 40
# rows: about 3 times what BUDGET_MB holds as the objects or text the work would otherwise keep.
CASES = {
    "import": 300_000,        # readings handed to the store in parts while the file is read
    "reimport": 300_000,      # every reading already there: counted, not kept
    "skipped": 600_000,       # 49 in 50 rows skipped: the first 100,000 kept, the rest counted
    "nightscout": 250_000,    # a Nightscout entries.json (one line of JSON), read from its path in blocks
    "csv_export": 250_000,    # rows written as they come from the record
    "json_export": 250_000,   # Regie's own file: the readings a chunk at a time
    "native_import": 300_000,  # Regie's own file (27 MB), from its path: its rows checked, then written, in chunks
    "native_entries": 60_000,  # Regie's own file of diary notes (20 MB): its entries checked, then written, in chunks
}


def child(step: str, work: str, folder: Path, number: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHILD), step, work, str(folder), str(number)], capture_output=True,
                          text=True, timeout=600)


@pytest.mark.parametrize("work", list(CASES))
def test_work_runs_in_bounded_memory(work, tmp_path):
    prepared = child("prepare", work, tmp_path, CASES[work])
    assert prepared.returncode == 0, prepared.stderr[-2000:]
    done = child("run", work, tmp_path, BUDGET_MB)
    assert done.returncode != 3, f"{work} needed more than {BUDGET_MB} MB: it holds all rows at once"
    assert done.returncode == 0, done.stderr[-2000:]
    count = int(done.stdout.split()[-1])
    if work in ("import", "reimport", "skipped", "nightscout", "native_import", "native_entries"):
        assert count == CASES[work]      # every row: stored, already there or skipped (and counted)
    else:
        assert count > CASES[work] * 40   # bytes written: every reading is in the file
