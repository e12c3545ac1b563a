"""The import wizard's words for the kinds of file, and what its last page says: what was added, skipped and left out, and the encoding when it was not UTF-8."""

import re

from PySide6.QtCore import QCoreApplication, QLocale

from phr.imports.device_import import largest
from phr.imports.devices.model import DeviceImportSummary
from phr.ui.text.formatting import fill

translate = QCoreApplication.translate
_APPLE_PREFIX = re.compile(r"^HK[A-Za-z]*?TypeIdentifier")


def format_label(name: str) -> str:
    return {"auto": translate("ImportWizard", "Decide from the file"),
            "libreview": translate("ImportWizard", "LibreView (FreeStyle Libre)"),
            "dexcom": translate("ImportWizard", "Dexcom Clarity"),
            "omron": translate("ImportWizard", "OMRON connect (blood pressure)"),
            "medtronic": translate("ImportWizard", "Medtronic CareLink (iPro2, pump)"),
            "withings": translate("ImportWizard", "Withings Health Mate (blood pressure, weight)"),
            "nightscout": translate("ImportWizard", "Nightscout (glucose)"),
            "apple_health": translate("ImportWizard", "Apple Health (export.zip or export.xml)"),
            "csv": translate("ImportWizard", "Another CSV file")}.get(name, name)


def summary_lines(summary: DeviceImportSummary, file_name: str) -> list[str]:
    count = QLocale().toString
    lines = [fill(translate("ImportWizard", "File: %1 (%2)"), file_name, format_label(summary.format)),
             fill(translate("ImportWizard", "Readings added: %1"), count(summary.added)),
             fill(translate("ImportWizard", "Already in your record (not added again): %1"),
                  count(summary.already_present)),
             fill(translate("ImportWizard", "Notes added to the diary: %1"), count(summary.notes_added)),
             fill(translate("ImportWizard", "Rows skipped: %1"), count(summary.skipped_count))]
    if summary.left_out:   # an Apple Health export's steps, sleep, workouts, ...: counted, never kept
        kinds = ", ".join(_APPLE_PREFIX.sub("", kind) for kind, _count in largest(summary.left_out, 3))
        lines.append(fill(translate("ImportWizard", "Left out, because they are no readings Regie keeps: %1 "
                                                    "records (such as %2)"),
                          count(sum(summary.left_out.values())), kinds))
    if summary.read_as_windows_1252:  # not UTF-8 as a whole: say so, an accent may have come out otherwise
        lines.append(translate("ImportWizard", "The file was not UTF-8 text; it was read as Windows-1252. "
                                               "Check that letters with accents came out right."))
    return lines
