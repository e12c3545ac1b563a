"""The main window: a shell with the person's name, the navigation and the Lock action.

Each page is its own module in phr.ui.pages; this window only arranges them.
"""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from phr.ui.events import RecordEvents
from phr.ui.formatting import fill
from phr.ui.pages.care_team_page import CareTeamPage
from phr.ui.pages.coming import ComingPage

translate = QCoreApplication.translate


def planned_pages() -> list[tuple[str, str, str]]:
    """(key, title, what it will hold) for every page, in navigation order."""
    return [
        ("overview", translate("MainWindow", "Overview"),
         translate("MainWindow", "Who you are, your diagnoses, goals, medicines and next appointment.")),
        ("diagnoses", translate("MainWindow", "Diagnoses"),
         translate("MainWindow", "Your diagnoses, with genetic details and carrier status.")),
        ("care_plan", translate("MainWindow", "Care plan"),
         translate("MainWindow", "Your own goals, the agreements with your care team, and how they went.")),
        ("care_team", translate("MainWindow", "Care team"),
         translate("MainWindow", "Who helps you, what for, and who to call day and night.")),
        ("medications", translate("MainWindow", "Medicines"),
         translate("MainWindow", "The medicines you use now and used before, with every change.")),
        ("appointments", translate("MainWindow", "Appointments"),
         translate("MainWindow", "Your appointments and the questions you want to ask.")),
        ("documents", translate("MainWindow", "Documents"),
         translate("MainWindow", "Letters, lab results and scans, kept inside the encrypted record.")),
        ("monitoring", translate("MainWindow", "Measurements"),
         translate("MainWindow", "What you measure yourself: charts, targets and device imports.")),
        ("timeline", translate("MainWindow", "Timeline"),
         translate("MainWindow", "Everything in your record, in order of date.")),
    ]


# Pages that exist so far, by navigation key; the others say they are coming.
PAGE_FACTORIES = {
    "care_team": lambda services, events: CareTeamPage(services.care_team, events),
}


class MainWindow(QMainWindow):
    lock_requested = Signal()
    close_requested = Signal()

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.events = RecordEvents(self)
        self._locking = False
        name = services.session.person_name() or translate("MainWindow", "(no name)")
        self.setWindowTitle(fill(translate("MainWindow", "Regie – %1"), name))
        self.resize(1100, 720)
        self._build(name)
        self._build_actions()

    def _build(self, name: str) -> None:
        self.name_label = QLabel(f"<span style='font-size: 15pt; font-weight: bold'>{_escape(name)}</span>")
        self.name_label.setTextFormat(Qt.TextFormat.RichText)
        self.name_label.setContentsMargins(8, 4, 8, 4)
        self.name_label.setAccessibleName(translate("MainWindow", "Whose record is open"))
        self.navigation = QListWidget()
        self.navigation.setAccessibleName(translate("MainWindow", "Sections"))
        self.navigation.setMaximumWidth(220)
        self.navigation.setSpacing(3)
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.navigation.setFont(font)
        self.pages = QStackedWidget()
        self.page_keys: list[str] = []
        for key, title, purpose in planned_pages():
            self.navigation.addItem(title)
            self.pages.addWidget(self._page_for(key, title, purpose))
            self.page_keys.append(key)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        body = QHBoxLayout()
        body.addWidget(self.navigation)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout()
        layout.addLayout(body)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

    def _build_actions(self) -> None:
        self.lock_action = QAction(translate("MainWindow", "&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(translate("MainWindow", "Lock the record (Ctrl+L)"))
        self.lock_action.triggered.connect(self.request_lock)
        toolbar = QToolBar(translate("MainWindow", "Record"))
        toolbar.setObjectName("record-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.name_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu(translate("MainWindow", "&Record"))
        menu.addAction(self.lock_action)

    def _page_for(self, key: str, title: str, purpose: str) -> QWidget:
        factory = PAGE_FACTORIES.get(key)
        return factory(self.services, self.events) if factory else ComingPage(title, purpose)

    def page(self, key: str) -> QWidget:
        return self.pages.widget(self.page_keys.index(key))

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(self.page_keys.index(key))

    def request_lock(self) -> None:
        self.lock_requested.emit()

    def close_for_lock(self) -> None:
        """Close without asking anything: the controller is locking the record. Pages drop their data."""
        self._locking = True
        for index in range(self.pages.count()):
            release = getattr(self.pages.widget(index), "release", None)
            if release:
                release()
        self.services = None
        self.close()

    def closeEvent(self, event) -> None:
        if not self._locking:
            self.close_requested.emit()
        super().closeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
