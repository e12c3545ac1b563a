"""What the frozen bundle keeps of Qt and the libraries: the trimming rules regie.spec applies.

Kept apart from the spec so tests can check the rules without building (tests/packaging/test_trim.py).
An entry is PyInstaller's (destination name, source path, type code) triple; `keep` decides on the
destination name, which is the path inside the bundle (e.g. "PySide6/Qt/plugins/platforms/libqxcb.so").
"""

import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

# Python modules the app never imports, or imports only in code paths it never takes. Qt modules left out
# here are not collected at all (with their plugins and translations). pyqtgraph imports QtOpenGL, QtOpenGLWidgets,
# QtSvg and QtTest at its own import (QtTest also draws the screenshots), so those stay.
EXCLUDED_MODULES = (
    "tkinter", "_tkinter", "pytest", "_pytest", "hypothesis", "pytestqt", "xdist", "mypy", "ruff", "IPython",
    "matplotlib", "PyInstaller", "setuptools", "pip", "pydoc_data",
    "PyQt5", "PyQt6", "PySide2",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2", "PySide6.QtQuickTest",
    "PySide6.QtQmlFeatures", "PySide6.QtNetwork", "PySide6.QtSql", "PySide6.QtXml", "PySide6.QtHelp",
    "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtConcurrent", "PySide6.QtSvgWidgets",
    "PySide6.QtLabsStyleKit", "PySide6.scripts",
    "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter", "pyqtgraph.canvas", "pyqtgraph.flowchart",
    "OpenGL",
    "numpy.f2py", "numpy.distutils", "numpy.testing._private.extbuild",
    # Only lxml.etree reads FHIR XML and Apple Health exports; reportlab needs Pillow's core, not these formats.
    "lxml.objectify", "lxml.html", "lxml.isoschematron",
    "PIL._avif", "PIL._webp", "PIL._imagingtk", "PIL.ImageTk", "PIL.ImageQt", "readline",
    # Nothing goes online, so no TLS (Python's own OpenSSL copy: 5 MB; hashlib has its own SHA-2 and MD5, and
    # cryptography carries its own OpenSSL). The East Asian codecs stay: reportlab's QR code (the emergency card)
    # tries Shift JIS to choose its Kanji mode.
    "ssl", "_ssl", "_hashlib",
)

# Qt plugins by folder: the names kept (None: all of that folder). Folders not listed are left out:
# eglfs and framebuffer platforms, QML tooling, SQL drivers, TLS and network information (Regie never goes
# online), the virtual keyboard, designer plugins, evdev input for kiosks.
QT_PLUGINS: dict[str, frozenset[str] | None] = {
    # X11, Wayland, and offscreen for headless screenshots and the package test.
    "platforms": frozenset({"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqminimal.so"}),
    "xcbglintegrations": None,
    "wayland-shell-integration": frozenset({"libxdg-shell.so"}),  # what every current compositor speaks
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": frozenset({"libqt-plugin-wayland-egl.so"}),
    # The desktop portal (D-Bus only) for the desktop's own file dialogs. Not the GTK theme: it brings GTK,
    # cairo and pango (25 MB), and Regie draws its own theme (Fusion with its palettes).
    "platformthemes": frozenset({"libqxdgdesktopportal.so"}),
    "platforminputcontexts": frozenset({"libcomposeplatforminputcontextplugin.so",
                                        "libibusplatforminputcontextplugin.so"}),
    # PNG is built into QtGui; JPEG for documents kept in the record, SVG for icons.
    "imageformats": frozenset({"libqjpeg.so", "libqsvg.so"}),
    "iconengines": None,
    "printsupport": None,  # CUPS: printing the exports and the recovery sheet
}

# Qt's own catalogues: Regie speaks Dutch and English; phr/ui/app/i18n.py loads qtbase_<lang>.qm only.
QT_TRANSLATIONS = re.compile(r"^qtbase_(nl|en)\.qm$")

# Qt libraries no kept module or plugin needs, which a hook may still pull in (Quick, QML, Designer, ...).
QT_LIBRARIES_DROPPED = re.compile(
    r"^libQt6(Qml|Quick|Labs|Lottie|Designer|Help|UiTools|Sql|Xml|Concurrent|VirtualKeyboard|WaylandCompositor|"
    r"WaylandEgl|EglFs|EglFS|ShaderTools|Svg[Ww]idgets|Charts|Multimedia|WebEngine|3D|Graphs|Positioning|"
    r"SerialPort|StateMachine|Test[A-Z]|RemoteObjects|Scxml|Sensors|TextToSpeech|WebChannel|WebSockets|HttpServer|"
    r"Bluetooth|Nfc|NetworkAuth|SpatialAudio|DataVisualization|Location)")

# Libraries of the system the desktop itself runs on: X11, Wayland, OpenGL, fonts, D-Bus, GLib, printing, the C++
# runtime. A copy from the build machine can clash with the graphics drivers and the desktop of the machine it
# runs on, so the package depends on them (packaging/debian/control) instead of carrying them. Pillow's own
# copies (names with a hash, e.g. libxcb-9065bb12.so.1.1.0) stay: only Pillow uses those.
SYSTEM_LIBRARIES = re.compile(
    r"^(?!.*-[0-9a-f]{8}\.so)"
    r"lib(X[a-z0-9]*|X11-xcb|xcb(-[a-z0-9-]+)?|xkbcommon(-x11)?|wayland-[a-z]+|EGL|GL[A-Za-z]*|OpenGL|drm|gbm|"
    r"fontconfig|freetype|expat|png16|harfbuzz|graphite2|brotli(common|dec|enc)|z|zstd|lzma|lz4|bz2|"
    r"dbus-1|systemd|gcrypt|gpg-error|cap|selinux|pcre2-8|mount|blkid|uuid|bsd|md|"
    r"glib-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0|gthread-2\.0|"
    r"cups|gnutls|nettle|hogweed|gmp|idn2|unistring|tasn1|p11-kit|avahi-(client|common)|"
    r"gssapi_krb5|krb5|krb5support|k5crypto|com_err|keyutils|resolv|"
    r"stdc\+\+|gcc_s|readline|tinfo)\.so(\.[0-9.]+)?$")

_QT = "PySide6/Qt/"
_DROPPED_FOLDERS = (
    # Tests and stubs of the libraries (never imported by the app).
    re.compile(r"(^|/)(tests?|testing/_private)/"),
    # reportlab's Type 1 fonts, test font and the DarkGarden font: the PDFs embed Bitstream Vera only.
    re.compile(r"^reportlab/fonts/(?!(Vera(Bd|It|BI)?\.ttf|bitstream-vera-license\.txt)$)"),
    # Hyphenation dictionaries: the PDFs are in Dutch or English (phr/export/pdf/wrapping.py).
    re.compile(r"^pyphen/dictionaries/(?!(hyph_(nl_NL|en_GB)\.dic|README_hyph_en_GB\.txt)$)"),
    # The FHIR R5 models: Regie writes R4B and reads R4B and STU3 (phr/formats/fhir).
    re.compile(r"^fhir/resources/(?!(R4B|STU3)/|__init__)"),
)


def keep(name: str) -> bool:
    """Whether the bundle keeps the file that goes to `name` (a path inside the bundle, with / between parts)."""
    name = name.replace("\\", "/")
    if name.endswith((".pyi", ".h")) or "/__pycache__/" in name:
        return False
    if any(pattern.search(name) for pattern in _DROPPED_FOLDERS):
        return False
    if name.startswith(_QT):
        return _keep_qt(name.removeprefix(_QT))
    base = name.rsplit("/", 1)[-1]
    return not (QT_LIBRARIES_DROPPED.match(base) or SYSTEM_LIBRARIES.match(base))


def _keep_qt(inside: str) -> bool:
    parts = inside.split("/")
    if parts[0] == "plugins" and len(parts) >= 3:
        if parts[1] not in QT_PLUGINS:
            return False
        wanted = QT_PLUGINS[parts[1]]
        return wanted is None or parts[-1] in wanted
    if parts[0] == "plugins":
        return False
    if parts[0] == "translations":
        return bool(QT_TRANSLATIONS.match(parts[-1]))
    if parts[0] in ("qml", "metatypes", "libexec", "resources", "include", "mkspecs", "modules"):
        return False  # QML imports, build files; QtWebEngine's resources
    return not QT_LIBRARIES_DROPPED.match(parts[-1])


def keep_module(dotted: str) -> bool:
    """Whether the bundle keeps the Python module `dotted` (e.g. "numpy._core.tests.test_umath": no)."""
    return not _TEST_MODULE.search(dotted)


_TEST_MODULE = re.compile(r"(^|\.)(tests?|conftest)(\.|$)")


def trimmed(entries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [entry for entry in entries if keep(entry[0])]


def trimmed_modules(entries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [entry for entry in entries if keep_module(entry[0])]


Entry = tuple[str, str, str]


def without_orphans(entries: Iterable[Entry], needs: Callable[[str], Iterable[str]]) -> list[Entry]:
    """Drop shared libraries that nothing kept needs any more: those a left-out plugin brought along (PyInstaller
    gathers a plugin's libraries before the spec trims the plugin). `needs(source path)` names the libraries a
    binary is linked against; Python's own library is always kept (the executable opens it by name)."""
    entries = list(entries)
    libraries: dict[str, list[Entry]] = {}
    for entry in entries:
        if _is_library(entry):
            libraries.setdefault(_base(entry[0]), []).append(entry)
    queue = [entry[1] for entry in entries if not _is_library(entry) and entry[2] != "SYMLINK"]
    reached = {name for name in libraries if name.startswith("libpython")}
    queue += [entry[1] for name in reached for entry in libraries[name]]
    while queue:
        for name in needs(queue.pop()):
            if name in libraries and name not in reached:
                reached.add(name)
                queue += [entry[1] for entry in libraries[name] if entry[2] != "SYMLINK"]
    return [entry for entry in entries if not _is_library(entry) or _base(entry[0]) in reached]


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def _is_library(entry: Entry) -> bool:
    """A shared library in its own right (not a Python extension, not a Qt plugin Qt looks for by folder)."""
    name, _source, kind = entry
    return kind in ("BINARY", "SYMLINK") and _base(name).startswith("lib") and "/plugins/" not in name \
        and ".so" in _base(name)


def elf_needs(path: str) -> list[str]:
    """The libraries an ELF file is linked against (its DT_NEEDED entries), read with binutils' readelf."""
    output = subprocess.run(["readelf", "--dynamic", "--wide", path], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", output)


def strip_binaries(folder: Path) -> list[Path]:
    """Strip symbols from the bundle's ELF files (half of the size of a wheel's unstripped ones), except the
    libraries auditwheel put into a wheel's `<name>.libs/` folder: patchelf rewrote those, and binutils' strip
    breaks their layout (numpy's OpenBLAS no longer loads: "ELF load command address/offset not page-aligned").
    PyInstaller's own strip option cannot leave them out. Returns the files stripped."""
    stripped = []
    for path in sorted(folder.rglob("*.so*")):  # not the executable: Python's modules are appended to it
        if path.is_symlink() or not path.is_file() or any(part.endswith(".libs") for part in path.parts):
            continue
        if _has_symbol_table(path):
            subprocess.run(["strip", "--strip-unneeded", str(path)], check=True)
            stripped.append(path)
    return stripped


def _has_symbol_table(path: Path) -> bool:
    with path.open("rb") as file:
        if file.read(4) != b"\x7fELF":
            return False
    sections = subprocess.run(["readelf", "--section-headers", "--wide", str(path)], capture_output=True,
                              text=True).stdout
    return bool(re.search(r"\]\s+\.(symtab|debug_info)\s", sections))
