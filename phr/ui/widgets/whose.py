"""Whose record it is, in the words of the one working in it; and that the sample record is no one's.

The owner reads 'My goals'; a carer who opened Joke's record reads 'Goals of Joke', and the header says who
is working ('Working as: Kees Bakker (carer)'), so nobody types in a record believing it is someone else's.
"""

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

from phr.core.session import Author, Session
from phr.core.vocabulary import AuthorRole, Section
from phr.ui.text.formatting import fill, role_text
from phr.ui.text.vocabulary import label
from phr.ui.widgets.contrast import GRAPHIC_CONTRAST, TEXT_CONTRAST, contrast, mix, readable
from phr.ui.widgets.icons import IconLabel, glyph

translate = QCoreApplication.translate
Role = QPalette.ColorRole
INFO_ICON = "ph.info"
BANNER_TINT = 0.18  # of the highlight colour in the banner's background, the rest the window's


def is_carer(author: Author) -> bool:
    return author.role == AuthorRole.CARER


def given_name(full_name: str) -> str:
    """What a carer calls the person: the first word of the name ('Joke' of 'Joke Bakker'), unless that is an
    initial or a title ('J. Bakker', 'Dr Bakker'), which reads wrong on its own; then the whole name."""
    words = full_name.split()
    if not words:
        return translate("Whose", "this person")
    first = words[0]
    if len(words) == 1 or ("." not in first and len(first) > 2):
        return first
    return " ".join(words)


def carer_of(session: Session) -> str:
    """The given name of the person a carer works for ('Joke'); '' for the owner, who reads 'my' and 'I'."""
    return given_name(session.person_name()) if is_carer(session.author) else ""


def about_whom(carer_of: str) -> str:
    """The title of the person's section: 'About me' for the owner, 'About Joke' for a carer."""
    return fill(translate("Whose", "About %1"), carer_of) if carer_of else label(Section.PERSON)


def working_as(author: Author) -> str:
    """'Working as: Kees Bakker (carer)' for a carer; '' for the owner, whose own record it is."""
    if not is_carer(author):
        return ""
    return fill(translate("Whose", "Working as: %1 (%2)"), author.name, role_text(author.role))


def working_as_label(author: Author) -> QLabel:
    """For the window's header: a carer sees who they are working as; the owner's own record needs no line."""
    label = QLabel(working_as(author))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setContentsMargins(8, 0, 8, 0)
    label.setAccessibleName(translate("Whose", "Who is working"))
    label.setVisible(bool(label.text()))
    return label


class SampleBanner(QFrame):
    """A note above every page: an info icon and its words on a tint of the highlight colour, with an edge of
    3:1 against the window, drawn from the palette of the moment (light, dark or high contrast)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.icon = IconLabel(glyph(INFO_ICON))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()

    def colours(self) -> tuple[QColor, QColor]:
        """The tint and the edge: as much highlight in the window colour as the text still reads on (4.5:1)."""
        palette = self.palette()
        window, text, highlight = (palette.color(role) for role in (Role.Window, Role.WindowText, Role.Highlight))
        share = BANNER_TINT
        while share > 0 and contrast(text, mix(highlight, window, share)) < TEXT_CONTRAST:
            share -= 0.01
        tint = mix(highlight, window, max(share, 0.0))
        return tint, readable(highlight, [window, tint], GRAPHIC_CONTRAST)

    def paintEvent(self, _event: QPaintEvent) -> None:
        tint, line = self.colours()
        painter = QPainter(self)
        width = max(1, round(self.fontMetrics().height() / 16))  # the edge grows with the text size
        painter.setPen(QPen(line, width))
        painter.setBrush(tint)
        inset = width / 2
        painter.drawRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset))
        painter.end()


def sample_banner(shown: bool) -> SampleBanner:
    """Above every page of the sample record: its data are invented (a screenshot of it says so too)."""
    banner = SampleBanner(translate("Whose", "This is a sample record with invented data."))
    banner.setVisible(shown)
    return banner
