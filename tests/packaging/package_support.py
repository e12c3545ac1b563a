"""What the package's tests share: packaging/'s scripts, loaded from their files, and the built .deb.

No conftest.py here: a second module named `conftest` would take the place of tests/conftest.py, which other
tests import by that name.
"""

import importlib.util
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PASSPHRASE = "blue kettle under the old bridge"


def packaging_module(name: str) -> ModuleType:
    """A script of packaging/ (a folder of scripts, not a package), loaded under a name of its own."""
    spec = importlib.util.spec_from_file_location(f"regie_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = packaging_module("build")
DEB = build.deb_path()


def run(command: Sequence[str | Path], home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """A command of the unpacked package, with settings and data in `home` and the demo's passphrase."""
    env = {**os.environ, "PHR_PASSPHRASE": PASSPHRASE, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "QT_QPA_PLATFORM": "offscreen", **extra}
    return subprocess.run([str(part) for part in command], env=env, capture_output=True, text=True, timeout=600)
