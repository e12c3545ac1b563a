"""What the app says when a record opens about where it is (issue 19, point 10): in a folder a sync service keeps
in step between computers (once per record, with the safe way), with a sync service's conflict copy beside it or
on read-only media (each time: the record is open read-only). Never a modal wait: the window stays usable."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from phr.access.records import RecordPlace, record_place
from phr.access.session import RecordSession
from phr.core.errors import ReadOnly
from phr.ui.app.settings import AppSettings
from phr.ui.text.formatting import fill

translate = QCoreApplication.translate


def place_texts(place: RecordPlace, told_before: bool) -> list[str]:
    """The sentences to show, in the app's language; [] when there is nothing to say."""
    texts = []
    if place.conflict_copies:
        texts.append(fill(translate(
            "RecordPlace", "Your sync service made a conflict copy of this record (%1): it was changed on two "
                           "computers at once. The record is open read-only. Move the copy out of the record folder "
                           "to change the record again."), ", ".join(place.conflict_copies)))
    elif place.read_only is ReadOnly.MEDIA:
        texts.append(translate(
            "RecordPlace", "This record is read-only (on a CD, a write-protected USB stick, or in a folder you may "
                           "not change). You can view, check and export it, not change it."))
    if place.synced is not None and not told_before:
        texts.append(fill(translate(
            "RecordPlace", "This record is in a folder that %1 seems to keep the same on several computers. Opened "
                           "on two computers at once, a record splits into conflict copies. Safer: keep the record "
                           "on this computer only, and let Regie put its automatic backups in the synced folder "
                           "(Settings)."), str(place.synced.service)))
    return texts


def say_where(parent: QWidget, session: RecordSession, settings: AppSettings) -> QMessageBox | None:
    """Show what there is to know about where the record is, window-modal and without waiting; remembers that a
    synced folder was said, so it is said once per record."""
    place = record_place(session)
    folder = Path(session.folder)
    texts = place_texts(place, settings.place_noted(folder))
    if place.synced is not None:
        settings.note_place(folder)
    if not texts:
        return None
    icon = QMessageBox.Icon.Warning if place.conflict_copies or place.read_only else QMessageBox.Icon.Information
    box = QMessageBox(icon, translate("RecordPlace", "Where this record is"), "\n\n".join(texts),
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
