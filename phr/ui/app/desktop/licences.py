"""The libraries that come with Regie, read from their installed metadata: name, version, licence, licence texts.

The list starts from Regie's own requirements and follows theirs (not the extras), so it names every library
an installed Regie runs on, as installed, and not a list typed by hand that goes out of date.
"""

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

# Regie's direct requirements, for a copy of the app without its own metadata (a frozen installer build).
DIRECT = ("pyside6-essentials", "pyside6-pdf", "sqlcipher3", "cryptography", "reportlab", "pyphen", "pypdf",
          "fhir.resources", "lxml", "pyqtgraph", "numpy", "platformdirs", "tzdata", "hpo3", "qtawesome")
# What the metadata does not say: libraries built into a wheel, each with its own licence.
BUILT_IN = {
    "sqlcipher3": "SQLCipher (BSD-3-Clause), OpenSSL (Apache-2.0)",
    "cryptography": "OpenSSL (Apache-2.0)",
    "qtawesome": "icon fonts: Phosphor (MIT), Material Design Icons (Apache-2.0), Font Awesome and Elusive Icons "
                 "(SIL OFL 1.1), Remix Icon (Apache-2.0), Codicons (CC BY 4.0)",
}
# Qt's wheels ship no licence text; Regie uses Qt under the LGPL version 3 (which builds on the GPL version 3)
# and carries both texts itself.
OUR_COPIES = Path(__file__).resolve().parent.parent / "licences"
_QT_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt")
TEXTS_WE_SHIP = {"pyside6-essentials": _QT_TEXTS, "pyside6-pdf": _QT_TEXTS, "shiboken6": _QT_TEXTS}
_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_MAX_TEXT = 200_000  # characters of one licence file shown; the longest real one (numpy's) is far below


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str  # as the metadata states it; "" when it states none
    built_in: str  # libraries inside this one, with their licences ("" for none)
    texts: tuple[tuple[str, str], ...]  # (file name, text) of the licence files the wheel ships

    @property
    def key(self) -> str:
        return normalised(self.name)


def normalised(name: str) -> str:
    """PEP 503: 'PySide6_Essentials' and 'pyside6-essentials' are one distribution."""
    return re.sub(r"[-_.]+", "-", name).lower()


def bundled_libraries(root: str = "phr") -> list[Library]:
    """Every installed library Regie needs, directly or through another, in order of first need."""
    found: dict[str, Library] = {}
    queue = [*_requirements(root)] or list(DIRECT)
    while queue:
        name = normalised(queue.pop(0))
        if name in found:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional one that is not installed here
        found[name] = describe(distribution)
        queue.extend(_requirements(name))
    return list(found.values())


def describe(distribution: metadata.Distribution) -> Library:
    name = _field(distribution.metadata, "Name") or "?"
    return Library(name=name, version=distribution.version, licence=licence_of(distribution),
                   built_in=BUILT_IN.get(normalised(name), ""),
                   texts=licence_texts(distribution) or _our_copies(normalised(name)))


def _our_copies(key: str) -> tuple[tuple[str, str], ...]:
    return tuple((name, (OUR_COPIES / name).read_text(encoding="utf-8")) for name in TEXTS_WE_SHIP.get(key, ())
                 if (OUR_COPIES / name).is_file())


def licence_of(distribution: metadata.Distribution) -> str:
    """License-Expression (the current standard), else a short License field, else the licence classifiers."""
    fields = distribution.metadata
    expression = _field(fields, "License-Expression")
    if expression:
        return expression
    stated = _field(fields, "License")
    if stated and "\n" not in stated and len(stated) <= 120:  # some put the whole text there
        return stated
    classifiers = [c.split(" :: ")[-1] for c in fields.get_all("Classifier") or [] if c.startswith("License ::")]
    return "; ".join(classifiers) or (stated.splitlines()[0] if stated else "")


def _field(fields: metadata.PackageMetadata, name: str) -> str:
    """One field's value, "" when absent (indexing a missing field is deprecated in newer Pythons)."""
    values = fields.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_texts(distribution: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    """The licence files the wheel installed: dist-info/licenses/ (PEP 639) or LICENSE-like files."""
    texts = []
    for file in distribution.files or []:
        path = str(file)
        if "/licenses/" in path.replace("\\", "/") or _LICENCE_FILE.search(file.name):
            if file.suffix.lower() in (".py", ".pyc", ".so", ".pyd", ".dll"):
                continue
            try:
                text = Path(file.locate()).read_bytes().decode("utf-8", errors="replace")
            except OSError:
                continue
            texts.append((path, text[:_MAX_TEXT]))
    return tuple(texts)


def _requirements(name: str) -> list[str]:
    try:
        requirements = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for requirement in requirements:
        marker = requirement.partition(";")[2]
        if "extra" in marker:
            continue  # test, development and optional extras are not part of the app
        match = _NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names
