"""Text copied from an open record is marked sensitive, and cleared after 30 seconds if it is still ours.

When the app puts something on the clipboard (QClipboard.dataChanged while we own it), the guard puts the
same data back with the hints clipboard managers and histories look for, so they do not keep it:
- Linux (KDE Klipper, CopyQ, others): "x-kde-passwordManagerHint" = "secret", the convention KeePassXC
  started and Klipper honours.
- Windows 10 1809 and later: the registered clipboard formats "ExcludeClipboardContentFromMonitorProcessing"
  (any data: clipboard monitors skip it), "CanIncludeInClipboardHistory" and "CanUploadToCloudClipboard"
  (a DWORD 0: not into Win+V history, not to the cloud clipboard). Qt's Windows backend registers an unknown
  MIME type as a clipboard format of that very name and puts the bytes there as they are.
- macOS: the nspasteboard.org marker "org.nspasteboard.ConcealedType", plus the MIME name
  "application/x-nspasteboard-concealed-type" that Qt-based managers (CopyQ) read. Qt for Python has no
  UTI converter, so Qt offers both wrapped as "com.trolltech.anymime.…" types; native managers that only
  look for the bare UTI will not see them. This is the best PySide6 can do without native code.

Our own re-set carries a random token of ours: it is how the guard recognises its own dataChanged (no loop)
and how it knows, 30 seconds later or at lock, that the clipboard still holds exactly what we put there.
Text copied by another program (or again by the user) meanwhile is left alone.
"""

import os
import struct
import sys

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000
TOKEN_FORMAT = "application/x-regie-clipboard-token"
_DWORD_0 = struct.pack("<I", 0)
_DWORD_1 = struct.pack("<I", 1)


def sensitive_hints(platform: str = sys.platform) -> dict[str, bytes]:
    """The extra formats that tell this platform's clipboard managers not to keep the data."""
    if platform.startswith("win"):
        return {"ExcludeClipboardContentFromMonitorProcessing": _DWORD_1,
                "CanIncludeInClipboardHistory": _DWORD_0,
                "CanUploadToCloudClipboard": _DWORD_0}
    if platform == "darwin":
        return {"org.nspasteboard.ConcealedType": b"", "application/x-nspasteboard-concealed-type": b""}
    return {"x-kde-passwordManagerHint": b"secret"}


def marked_copy(mime: QMimeData, hints: dict[str, bytes], token: bytes) -> QMimeData:
    """The same data (text, HTML, image, any other format) plus the hints and our token."""
    marked = QMimeData()
    for name in mime.formats():
        marked.setData(name, mime.data(name))
    if mime.hasImage():  # an image lives in imageData(), not in the bytes of a format
        marked.setImageData(mime.imageData())
    for name, value in hints.items():
        marked.setData(name, value)
    marked.setData(TOKEN_FORMAT, token)
    return marked


class ClipboardGuard(QObject):
    """Active between `start()` (a record opened) and `stop()` (it locks; the clipboard is cleared if ours)."""

    def __init__(self, clipboard: QClipboard | None = None, platform: str = sys.platform,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clipboard = clipboard or QGuiApplication.clipboard()
        # Whether this app put the current data there. Replaceable: Qt's offscreen platform never owns it.
        self.owns = self.clipboard.ownsClipboard
        self.hints = sensitive_hints(platform)
        self.clear_after_ms = CLEAR_AFTER_MS
        self.active = False
        self._token: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)
        self.clipboard.dataChanged.connect(self._on_changed)

    def start(self) -> None:
        self.active = True

    def stop(self) -> None:
        """At lock: clear what we put there (and the X11 selection, if it is ours), then stop watching."""
        self.clear_if_ours()
        if self.active and self.clipboard.supportsSelection() and self.clipboard.ownsSelection():
            self.clipboard.clear(QClipboard.Mode.Selection)
        self.active = False

    def holds_ours(self) -> bool:
        """True when the clipboard still holds exactly what the guard last put there."""
        mime = self.clipboard.mimeData()
        return (self._token is not None and mime is not None and self.owns()
                and bytes(mime.data(TOKEN_FORMAT).data()) == self._token)

    def clear_if_ours(self) -> None:
        self._timer.stop()
        if self.holds_ours():
            self.clipboard.clear(QClipboard.Mode.Clipboard)
        self._token = None

    def _on_changed(self) -> None:
        if not self.active:
            return
        if not self.owns():  # another program copied something: that is not ours to clear
            self._token = None
            self._timer.stop()
            return
        # Later, not inside the signal: the widget that copied may still be in QClipboard.setMimeData.
        QTimer.singleShot(0, self, self._mark)

    def _mark(self) -> None:
        mime = self.clipboard.mimeData()
        if not self.active or not self.owns() or mime is None or not mime.formats():
            return
        if mime.hasFormat(TOKEN_FORMAT):  # our own re-set coming back
            return
        token = os.urandom(16)
        self.clipboard.setMimeData(marked_copy(mime, self.hints, token), QClipboard.Mode.Clipboard)
        self._token = token
        self._timer.start(self.clear_after_ms)
