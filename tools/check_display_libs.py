"""Before `make run` on Linux: make sure Qt's X11 plugin finds its system libraries.

Qt aborts with a cryptic "could not load the Qt platform plugin xcb" when, for
example, libxcb-cursor0 is missing (common on fresh Ubuntu installs). We look
first, name the Debian/Ubuntu packages, and install them when we may (root).
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path


def missing_libraries() -> list[str]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugins = [qt / "plugins" / "platforms" / "libqxcb.so", *qt.glob("lib/libQt6XcbQpa.so*")]
    missing = set()
    for plugin in plugins:
        if plugin.exists():
            output = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
            missing.update(re.findall(r"^\s*(\S+) => not found", output, re.MULTILINE))
    return sorted(missing)


def debian_package(library: str) -> str:
    """libxcb-icccm.so.4 -> libxcb-icccm4; libxkbcommon-x11.so.0 -> libxkbcommon-x11-0."""
    name, _, version = library.partition(".so.")
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def main() -> int:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM") or not shutil.which("ldd"):
        return 0
    missing = missing_libraries()
    if not missing:
        return 0
    packages = sorted({debian_package(lib) for lib in missing})
    command = ["apt-get", "install", "-y", *packages]
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing the X11 libraries Qt needs:", " ".join(packages))
        return subprocess.run(command).returncode
    print("Qt needs these system libraries to show a window:", " ".join(missing), file=sys.stderr)
    print("On Debian or Ubuntu, install them with:  sudo " + " ".join(command), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
