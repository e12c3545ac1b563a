"""Whose record it is, in the words of the one working in it; and that the sample record is no one's.

The owner reads 'My goals'; a carer who opened Joke's record reads 'Goals of Joke', and the header says who
is working ('Working as: Kees Bakker (carer)'), so nobody types in a record believing it is someone else's.
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel

from phr.core.session import Author, Session
from phr.core.vocabulary import AuthorRole, Section
from phr.ui.text.formatting import fill, role_text
from phr.ui.text.vocabulary import label

translate = QCoreApplication.translate


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


def sample_banner(shown: bool) -> QLabel:
    """Above every page of the sample record: its data are invented (a screenshot of it says so too)."""
    banner = QLabel(translate("Whose", "This is a sample record with invented data."))
    banner.setWordWrap(True)
    banner.setFrameShape(QFrame.Shape.Box)
    banner.setMargin(6)
    banner.setAutoFillBackground(True)  # the palette's colours for a note, in every theme
    banner.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
    banner.setForegroundRole(QPalette.ColorRole.ToolTipText)
    banner.setVisible(shown)
    return banner
