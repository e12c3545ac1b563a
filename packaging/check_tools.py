"""Before `make package`: the Debian tools the build and the package test use, installed when missing, and the
system libraries the bundle links against (dpkg-shlibdeps must find each one installed to name its package in
Depends; a fresh machine has no Wayland cursor or X keysyms library, and the build stopped there).

As root (a build machine, CI) the missing packages are installed with apt-get; otherwise the apt-get line to
run is printed and the build stops.
"""

import os
import shutil
import subprocess
import sys

# command -> the Debian package that has it
TOOLS = {
    "strip": "binutils",           # strip the bundle's libraries; readelf reads what they link against
    "readelf": "binutils",
    "gcc": "gcc",                  # assembles the trimmed ICU data library (packaging/icu_data.py)
    "icupkg": "icu-devtools",      # removes items from ICU's data, checking what depends on what
    "dpkg-deb": "dpkg",
    "dpkg-shlibdeps": "dpkg-dev",  # the package's Depends, from the system libraries the bundle links against
    "desktop-file-validate": "desktop-file-utils",  # the package test checks the menu entry
    "appstreamcli": "appstream",   # ... and the AppStream metadata
    "Xvfb": "xvfb",                # ... and measures the start to the start window on a virtual screen
    "xdotool": "xdotool",
}

# library the bundle's Qt plugins link against -> the Debian package that has it (the others come with the tools)
LIBRARIES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}


def missing_packages() -> list[str]:
    tools = {package for command, package in TOOLS.items() if shutil.which(command) is None}
    return sorted(tools | {package for library, package in LIBRARIES.items() if not _installed(library)})


def _installed(library: str) -> bool:
    """Whether the dynamic linker's cache knows `library` (what dpkg-shlibdeps looks up too)."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    return any(line.strip().startswith(library + " ") for line in listing.splitlines())


def main() -> int:
    missing = missing_packages()
    if not missing:
        return 0
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing the tools to build the packages:", " ".join(missing))
        if subprocess.run(command).returncode == 0:
            return 0
        subprocess.run(["apt-get", "update"], check=False)  # a fresh machine may have no package lists yet
        return subprocess.run(command).returncode
    print("Building the packages needs: " + " ".join(missing), file=sys.stderr)
    print("On Debian or Ubuntu, install them with:  sudo " + " ".join(command), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
