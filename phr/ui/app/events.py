"""Changes to the record, announced to every page so each refreshes only what it shows."""

from PySide6.QtCore import QObject, Signal

from phr.core.entries import Change


class RecordEvents(QObject):
    """The event hub of one open record. Emit through `announce` and `ask_to_show`, which say what the
    signals carry (a Qt signal itself is untyped)."""

    changed = Signal(object)  # a phr.core.entries.Change
    show_item = Signal(str, int)  # section, item id: a search hit or a link asks a page to show an entry

    def announce(self, change: Change) -> None:
        self.changed.emit(change)

    def ask_to_show(self, section: str, item_id: int) -> None:
        self.show_item.emit(section, item_id)
