"""The installed app starts about as fast as Regie from source: issue 18's budget is at most 1.5 times.

Measured: from starting the bundle `make package` built (build/package/bundle/regie/regie; the package test
passes the one unpacked from the .deb) until the start window is on a virtual X screen (Xvfb), found by its
title with xdotool every 20 ms. Baseline: the same for `phr` from source (.venv/bin/phr, Python importing
phr from the repository), in the same run. Both start with empty settings (no records listed), each run 5
times after one run to warm the disk cache, interleaved; the medians count.
Needs Xvfb and xdotool (packaging/check_tools.py installs them for `make package`).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from bench.common import Result

LIMIT = 1.5
REPEAT = 5
TIMEOUT = 60.0  # seconds for one start: a start that never shows a window fails instead of waiting forever
ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "build" / "package" / "bundle" / "regie" / "regie"
TITLE = "^Regie$"  # the start window's title (phr/ui/start/start_window.py), as Qt sets it


def source_command() -> list[str]:
    return [str(Path(sys.executable).parent / "phr")]


@contextmanager
def virtual_screen() -> Iterator[str]:
    """A private Xvfb screen; yields its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp",
                               "-noreset"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as stream:
            number = stream.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def seconds_to_window(command: Sequence[str], display: str) -> float:
    """Start `command` with empty settings on `display`; the seconds until its start window is shown."""
    with tempfile.TemporaryDirectory(prefix="regie-start-") as home:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": home,
               "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data", "XDG_CACHE_HOME": f"{home}/cache"}
        errors = Path(home) / "stderr.txt"
        with errors.open("w") as stderr:
            started = time.perf_counter()
            app = subprocess.Popen(list(command), env=env, stdout=subprocess.DEVNULL, stderr=stderr)
            try:
                while time.perf_counter() - started < TIMEOUT:
                    if _window_shown(display):
                        return time.perf_counter() - started
                    if app.poll() is not None:
                        raise RuntimeError(f"{command[0]} ended ({app.returncode}) before showing its window: "
                                           + errors.read_text(errors="replace")[-1500:])
                    time.sleep(0.02)
                raise TimeoutError(f"{command[0]} showed no window in {TIMEOUT:.0f} s")
            finally:
                app.terminate()
                app.wait(30)


def _window_shown(display: str) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", TITLE], env={**os.environ,
                           "DISPLAY": display}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return found.returncode == 0


def compare(frozen: Sequence[str], source: Sequence[str], repeat: int = REPEAT) -> tuple[float, float]:
    """Median seconds to the start window of `frozen` and of `source`, measured in turns on one screen."""
    times: dict[str, list[float]] = {"frozen": [], "source": []}
    with virtual_screen() as display:
        for command in (frozen, source):
            seconds_to_window(command, display)  # warm the disk cache; not counted
        for _ in range(repeat):
            times["frozen"].append(seconds_to_window(frozen, display))
            times["source"].append(seconds_to_window(source, display))
    return statistics.median(times["frozen"]), statistics.median(times["source"])


def run(bundle: Path = BUNDLE) -> Result:
    if not bundle.is_file():
        raise FileNotFoundError(f"no bundle at {bundle}: build it with `make package` first")
    frozen, source = compare([str(bundle)], source_command())
    return Result("start to the start window, installed app vs from source", frozen, source, LIMIT,
                  [f"installed app: {frozen:.2f} s, from source: {source:.2f} s (medians of {REPEAT})"])
