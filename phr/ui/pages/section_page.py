"""The common shape of a section page: a list, details with provenance, add, edit, delete and undo.

A page for one section subclasses SectionPage and says what its columns are, how an
entry reads in the details pane, and which dialog edits it.
"""

from dataclasses import Field
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from phr.core.entries import DELETED, Change, EntryService, Provenance
from phr.core.vocabulary import Section
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.pages.diagnosis_details import LESS, MORE
from phr.ui.text.formatting import escape, fill, provenance_html
from phr.ui.widgets.empty_state import EmptyState
from phr.ui.widgets.entry_table import Column, EntryTableModel, entry_table_view
from phr.ui.widgets.flow_layout import FlowLayout
from phr.ui.widgets.icons import Action, give_icon

translate = QCoreApplication.translate


class Entry(Protocol):
    """What a section page needs of every entry: a dataclass (the form edits its fields), the id it is
    stored under and where it came from."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def id(self) -> int | None: ...

    @property
    def provenance(self) -> Provenance | None: ...


class Restorable(Protocol):
    """Brings back a deleted entry: a section's service, or a stand-in for a part of an entry."""

    def undo_delete(self, item_id: int) -> Change: ...


T = TypeVar("T", bound=Entry)


class SectionPage(QWidget, Generic[T]):
    title = ""
    sections_shown: tuple[Section, ...] = ()  # changes in these sections refresh the page; the first is its own

    def __init__(self, service: EntryService[T], events: RecordEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.events = events
        self._deleted: list[tuple[Restorable, Entry]] = []  # what Undo can bring back, and the entry it is of
        self.doctor_part_open = False  # codes behind "More details (for the doctor)": as chosen while browsing
        self.model = EntryTableModel(self.columns(), self.fetch, self)
        self._build()
        self.details.setOpenLinks(False)  # the details' links are the page's own (a page adds its handlers)
        self.details.anchorClicked.connect(self._follow_doctor_link)
        events.changed.connect(self._on_changed)
        events.show_item.connect(self._on_show_item)
        self.reload()

    # --- what a section page provides -------------------------------------------------------

    def columns(self) -> list[Column[T]]:
        raise NotImplementedError

    def fetch(self, offset: int, limit: int) -> list[T]:
        return self.service.page(offset, limit)

    def editor(self, item: T) -> EntryDialog[T]:
        """The EntryDialog for a new (`item` is a blank entry) or existing entry."""
        raise NotImplementedError

    def blank(self) -> T:
        item: T = self.service.item_type()
        return item

    def details_html(self, item: T) -> str:
        raise NotImplementedError

    def describe(self, item: T) -> str:
        """A short name for an entry, used in messages ('"Dr. Jansen" deleted.')."""
        raise NotImplementedError

    def extra_buttons(self) -> list[QWidget]:
        return []

    def empty_state_texts(self) -> tuple[str, str]:
        """While the section holds nothing: one sentence saying what belongs on the page, and the words of
        its one button (which adds the first entry). ("", "") keeps the empty list instead."""
        return "", ""

    def is_empty(self) -> bool:
        """Nothing in the section at all (a filter that shows nothing is not empty: the list says so)."""
        return self.service.count() == 0

    def extra_details_html(self, item: T) -> str:
        """What follows the entry's own provenance in the details (e.g. its history, each with provenance)."""
        return ""

    def update_buttons(self) -> None:
        """Enable the buttons that fit the selection; pages with extra buttons extend this."""
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(f"<h2>{escape(self.title)}</h2>")
        self.table = entry_table_view(self.model, self.title)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.details = DetailsPane()
        self.details.setOpenExternalLinks(False)
        self.details.setAccessibleName(fill(translate("SectionPage", "Details: %1"), self.title))
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([600, 400])
        toolbar = self._toolbar()
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.heading)
        self.body.addLayout(toolbar)
        self.body.addWidget(self._undo_bar())
        self.body.addWidget(splitter, 1)
        # What the empty state stands in for; a page with more parts (a filter, a second list) adds them. The
        # toolbar stays a layout (no widget of its own): the focus ring drawn around a button must not be cut off.
        buttons = [item.widget() for item in map(toolbar.itemAt, range(toolbar.count())) if item is not None]
        self.list_parts: list[QWidget] = [*filter(None, buttons), splitter]
        sentence, button = self.empty_state_texts()
        self.empty_state = EmptyState(sentence, button, self.add) if sentence else None
        if self.empty_state is not None:
            give_icon(self.empty_state.button, Action.ADD)
            self.body.addWidget(self.empty_state, 1)
        self._shortcuts()

    def _toolbar(self) -> FlowLayout:
        self.add_button = QPushButton(translate("SectionPage", "&Add…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(translate("SectionPage", "&Change…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(translate("SectionPage", "&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        for main, action in ((self.add_button, Action.ADD), (self.edit_button, Action.CHANGE),
                             (self.delete_button, Action.DELETE)):
            give_icon(main, action)
        row = FlowLayout()  # wraps where the buttons are wider than the page (large text, a small screen)
        buttons: list[QWidget] = [self.add_button, self.edit_button, self.delete_button]
        for button in buttons + self.extra_buttons():
            row.addWidget(button)
        return row

    def _undo_bar(self) -> QWidget:
        self.undo_text = QLabel()
        self.undo_button = QPushButton(translate("SectionPage", "&Undo"))
        self.undo_button.clicked.connect(self.undo_delete)
        give_icon(self.undo_button, Action.UNDO)
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.undo_text)
        row.addWidget(self.undo_button)
        row.addStretch()
        bar.hide()
        self.undo_bar = bar
        return bar

    def _shortcuts(self) -> None:
        for keys, slot in ((QKeySequence.StandardKey.New, self.add), (QKeySequence.StandardKey.Delete,
                           self.delete_selected), (QKeySequence.StandardKey.Undo, self.undo_delete)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- behaviour --------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else getattr(self.selected(), "id", None)
        self.model.reload()
        self._fit_columns()
        row = self.model.row_of(keep) if keep is not None else -1
        self.table.selectRow(row if row >= 0 else 0)
        self._show_details()
        self.update_buttons()
        self.show_empty_state()

    def show_empty_state(self) -> None:
        """The sentence and its button instead of the list while the section is empty; the list once it is not."""
        if self.empty_state is None:
            return
        empty = self.is_empty()
        focus = QApplication.focusWidget()
        had_focus = focus is not None and any(part.isAncestorOf(focus) for part in self.list_parts)
        for part in self.list_parts:
            part.setVisible(not empty)
        self.empty_state.setVisible(empty)
        if empty and had_focus:  # the last entry was deleted: the keyboard stays on this page
            self.empty_state.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))

    def selected(self) -> T | None:
        return self.model.item(self.table.currentIndex().row())

    def _follow_doctor_link(self, url: QUrl) -> None:
        if url.fragment() in (MORE, LESS):
            self.doctor_part_open = url.fragment() == MORE
            self._show_details()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        _stack_when_narrow(self.splitter, event.size().width())

    def _show_details(self) -> None:
        item = self.selected()
        self.details.setHtml(self.details_html(item) + provenance_html(item.provenance) + self.extra_details_html(item)
                             if item else "")
        self.update_buttons()

    def add(self) -> None:
        self._open_editor(self.blank())

    def edit_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self._open_editor(item)

    def _open_editor(self, item: T) -> None:
        dialog = self.editor(item)
        if dialog.exec() and dialog.saved_change is not None:
            self.events.announce(dialog.saved_change)
            self.reload(select_id=dialog.saved_change.item_id)
            focused = QApplication.focusWidget()
            if focused is None or not self.isAncestorOf(focused) or not focused.isVisible():
                # The first entry hides the empty page's button: the keyboard goes to the new entry, not to
                # whatever came next in the window (it landed in the search box).
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.id is None:
            return  # shown entries are stored ones: never so
        linked = self.service.links_to(item.id)
        change = self.service.delete(item.id)
        self._deleted.append((self.service, item))
        text = fill(translate("SectionPage", "“%1” deleted."), self.describe(item))
        if linked:
            text += " " + fill(translate("SectionPage", "Entries that pointed to it: %1. They lose that link when "
                                                         "you lock Regie, unless you undo now."), linked)
        self.undo_text.setText(escape(text))
        self.undo_bar.show()
        self.events.announce(change)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        service, item = self._deleted.pop()
        if item.id is None:
            return  # only stored entries were deleted: never so
        change = service.undo_delete(item.id)
        self.undo_bar.setVisible(bool(self._deleted))
        self.events.announce(change)
        self.reload(select_id=item.id)

    def _on_changed(self, change: Change) -> None:
        if change.section not in self.sections_shown:
            return
        # An id only means a row of this page when the change is in this page's own section.
        own = change.section == self.sections_shown[0] and change.kind != DELETED
        self.reload(select_id=change.item_id if own else None)

    def _on_show_item(self, section: str, item_id: int) -> None:
        if section in self.sections_shown[:1]:
            self.reload(select_id=item_id)

    def release(self) -> None:
        """Forget every entry shown (the record is locking)."""
        self.model.clear()
        self.details.clear()
        self._deleted.clear()
        self.undo_text.clear()
        self.undo_bar.hide()


def _stack_when_narrow(splitter: QSplitter, width: int) -> None:
    """Details beside the list where there is room for about 90 characters, else below it: at 200 % text on a
    1024-pixel screen, side by side left each a strip too narrow to read."""
    wanted = Qt.Orientation.Vertical if width < splitter.fontMetrics().averageCharWidth() * 90 \
        else Qt.Orientation.Horizontal
    if splitter.orientation() != wanted:
        splitter.setOrientation(wanted)
        shares = (3, 2) if wanted == Qt.Orientation.Horizontal else (2, 3)  # stacked: the details in view too
        for index, share in enumerate(shares):
            splitter.setStretchFactor(index, share)  # the splitter's room grows and shrinks in these shares
        splitter.setSizes([share * 1000 for share in shares])


class DetailsPane(QTextBrowser):
    """An entry's details: never so narrow that a value breaks between its letters (at 200 % text on a small
    screen the pane got a third of the page, and "Actief" stood one letter pair per line)."""

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 26, super().minimumSizeHint().height())
