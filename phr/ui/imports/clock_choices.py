"""The import wizard's questions about a device's clock: which time zone it was set to, and, when
the file cannot tell, whether its dates have the day or the month first.

The computer's zone comes from QTimeZone.systemTimeZoneId(): Qt knows it on every platform the app
runs on (on Windows it maps the Windows zone to its IANA name, which the standard library cannot);
the command line, which has no Qt, reads it with the standard library (zones.computer_zone).
"""

from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import QComboBox, QCompleter

from phr.imports.devices.zones import computer_zone, zone_named

translate = QCoreApplication.translate


def system_zone() -> ZoneInfo:
    """The computer's zone as Qt knows it; the standard library's when Qt names none Regie knows."""
    try:
        return zone_named(bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii"))
    except ValueError:
        return computer_zone()


def plain_name(key: str) -> str:
    """'New York — America/New_York': the place first, as people look for it, then the IANA name."""
    place = key.rsplit("/", 1)[-1].replace("_", " ")
    return key if place == key else f"{place} — {key}"


class ZoneChoice(QComboBox):
    """Every IANA zone by its plain name, searchable by typing any part of it ('york', 'Amster')."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        keys = sorted(available_timezones() - {"localtime"}, key=lambda k: plain_name(k).casefold())
        for key in keys:
            self.addItem(plain_name(key), key)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.choose(system_zone().key)

    def choose(self, key: str) -> None:
        index = self.findData(key)
        if index >= 0:
            self.setCurrentIndex(index)

    def zone(self) -> ZoneInfo | None:
        """The chosen zone; None while the text typed names none."""
        index = self.findText(self.currentText())
        key = self.itemData(index) if index >= 0 else None
        if key is None:
            try:
                return zone_named(self.currentText())
            except ValueError:
                return None
        return ZoneInfo(key)


def locale_order() -> str:
    """'mdy' when this computer's short date writes the month before the day (as in the US), else 'dmy'."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    month, day = pattern.find("M"), pattern.find("d")
    return "mdy" if 0 <= month < day else "dmy"


class DateOrderChoice(QComboBox):
    """Day first or month first, for a file whose dates do not show it; the computer's order by default."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.addItem(translate("ImportWizard", "Day first (12-05-2025 is 12 May)"), "dmy")
        self.addItem(translate("ImportWizard", "Month first (12-05-2025 is 5 December)"), "mdy")
        self.setCurrentIndex(self.findData(locale_order()))
