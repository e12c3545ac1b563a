"""Search results: every entry in the record that holds the words, each leading to its page."""

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from phr.core.vocabulary import Section
from phr.record.search import HIT_END, HIT_START, SearchHit, SearchService
from phr.ui.app.events import RecordEvents
from phr.ui.text.formatting import fill, heading
from phr.ui.text.vocabulary import label_of
from phr.ui.widgets.entry_table import Column, EntryTableModel, entry_table_view

translate = QCoreApplication.translate


def plain_snippet(snippet: str) -> str:
    """The snippet as plain text; matched words are marked in the details, not here."""
    return snippet.replace(HIT_START, "").replace(HIT_END, "")


class SearchPage(QWidget):
    def __init__(self, service: SearchService, events: RecordEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.events = events
        self._hits: list[SearchHit] = []
        columns: list[Column[SearchHit]] = [Column(translate("Search", "Found in"), lambda h: label_of(Section, h.section)),
                   Column(translate("Search", "Entry"), lambda h: h.title),
                   Column(translate("Search", "Text"), lambda h: plain_snippet(h.snippet))]
        self.model = EntryTableModel(columns, lambda offset, limit: self._hits[offset:offset + limit], self)
        self.summary = QLabel()
        self.table = entry_table_view(self.model, translate("Search", "Search results"))
        self.table.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(heading(translate("Search", "Search results"))))
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def search(self, text: str) -> None:
        self._hits = self.service.search(text) if text.strip() else []
        self.model.reload()
        self._fit_columns()
        # "Found: 1" reads right for one hit and for many, in both languages.
        self.summary.setText(fill(translate("Search", "Found for “%1”: %2. Press Enter to open one."),
                                  text.strip(), len(self._hits)) if self._hits else
                             fill(translate("Search", "Nothing found for “%1”."), text.strip()))
        if self._hits:
            self.table.selectRow(0)

    def _fit_columns(self) -> None:
        """Each column as wide as its text, but none wider than 40 % of the list: a long title pushed the text
        with the match out of view and made the page scroll sideways (the last column takes what is left)."""
        self.table.resizeColumnsToContents()
        widest = max(self.table.viewport().width() * 2 // 5, 120)
        for column in range(self.model.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.table.horizontalHeader().setStretchLastSection(True)

    def _open(self, index: QModelIndex) -> None:
        hit = self.model.item(index.row())
        if hit is not None:
            self.events.ask_to_show(hit.section, hit.item_id)

    def release(self) -> None:
        self._hits = []
        self.model.clear()
        self.summary.clear()
