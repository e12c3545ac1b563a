"""Changes to the record, announced to every page so each refreshes only what it shows."""

from PySide6.QtCore import QObject, Signal


class RecordEvents(QObject):
    changed = Signal(object)  # phr.core.entries.Change
    show_item = Signal(str, int)  # section, item id: a search hit or a link asks a page to show an entry
