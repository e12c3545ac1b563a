"""Copied text is marked sensitive and cleared after a while (here 100 ms instead of 30 s) if it is still ours.

Qt's offscreen platform never reports owning the clipboard, so the tests say who owns it through
`guard.owns`; on a desktop that is QClipboard.ownsClipboard().
"""

import struct

import pytest
from conftest import PASSPHRASE
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QImage

from phr.access import records
from phr.ui.app.controller import AppController
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings
from phr.ui.security.clipboard_guard import TOKEN_FORMAT, ClipboardGuard, sensitive_hints

CLEAR_MS = 100
TEXT = "Metformine 500 mg, 2x per dag"


@pytest.fixture
def clipboard(qtbot):
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


@pytest.fixture
def ours():
    return {"owner": True}  # who put the current data there: this app (True) or another program


@pytest.fixture
def guard(qtbot, clipboard, ours):
    guard = ClipboardGuard(clipboard, platform="linux")
    guard.owns = lambda: ours["owner"]
    guard.clear_after_ms = CLEAR_MS
    guard.start()
    yield guard
    guard.stop()
    guard.deleteLater()


def is_marked(clipboard) -> bool:
    mime = clipboard.mimeData()
    return mime is not None and mime.hasFormat("x-kde-passwordManagerHint")


def test_copied_text_is_marked_secret_and_stays_the_same(qtbot, clipboard, guard):
    clipboard.setText(TEXT)
    qtbot.waitUntil(lambda: is_marked(clipboard), timeout=1000)
    mime = clipboard.mimeData()
    assert mime.data("x-kde-passwordManagerHint").data() == b"secret"
    assert clipboard.text() == TEXT
    assert guard.holds_ours()


def test_other_formats_and_images_are_kept_when_marking(qtbot, clipboard, guard):
    mime = QMimeData()
    mime.setText(TEXT)
    mime.setHtml(f"<b>{TEXT}</b>")
    image = QImage(4, 3, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    mime.setImageData(image)
    clipboard.setMimeData(mime)
    qtbot.waitUntil(lambda: is_marked(clipboard), timeout=1000)
    marked = clipboard.mimeData()
    assert marked.text() == TEXT and marked.html() == f"<b>{TEXT}</b>"
    assert marked.imageData().size() == image.size()


def test_our_text_is_cleared_after_the_timeout(qtbot, clipboard, guard):
    clipboard.setText(TEXT)
    qtbot.waitUntil(lambda: is_marked(clipboard), timeout=1000)
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2000)
    assert not guard.holds_ours()


def test_text_copied_by_another_program_meanwhile_is_left_alone(qtbot, clipboard, guard, ours):
    clipboard.setText(TEXT)
    qtbot.waitUntil(lambda: is_marked(clipboard), timeout=1000)
    ours["owner"] = False
    clipboard.setText("a recipe for apple pie")  # as if another program copied it
    qtbot.wait(3 * CLEAR_MS)
    assert clipboard.text() == "a recipe for apple pie"
    assert not is_marked(clipboard)  # not ours: not touched at all


def test_a_second_copy_starts_the_time_again(qtbot, clipboard, guard):
    clipboard.setText("first")
    qtbot.waitUntil(lambda: is_marked(clipboard), timeout=1000)
    first = clipboard.mimeData().data(TOKEN_FORMAT).data()
    clipboard.setText("second")
    qtbot.waitUntil(lambda: is_marked(clipboard) and clipboard.text() == "second", timeout=1000)
    assert clipboard.mimeData().data(TOKEN_FORMAT).data() != first
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2000)


def test_stop_clears_what_is_still_ours(qtbot, clipboard, guard):
    guard.clear_after_ms = 60_000
    clipboard.setText(TEXT)
    qtbot.waitUntil(lambda: is_marked(clipboard), timeout=1000)
    guard.stop()  # the record locks
    assert clipboard.text() == ""
    clipboard.setText("copied while no record is open")
    qtbot.wait(50)
    assert not is_marked(clipboard)  # only while a record is open


def test_stop_leaves_another_programs_text(qtbot, clipboard, guard, ours):
    clipboard.setText(TEXT)
    qtbot.waitUntil(lambda: is_marked(clipboard), timeout=1000)
    ours["owner"] = False
    clipboard.setText("someone else's")
    guard.stop()
    assert clipboard.text() == "someone else's"


@pytest.mark.parametrize("platform, expected", [
    ("linux", {"x-kde-passwordManagerHint": b"secret"}),
    ("freebsd14", {"x-kde-passwordManagerHint": b"secret"}),
    ("win32", {"ExcludeClipboardContentFromMonitorProcessing": struct.pack("<I", 1),
               "CanIncludeInClipboardHistory": struct.pack("<I", 0),
               "CanUploadToCloudClipboard": struct.pack("<I", 0)}),
    ("darwin", {"org.nspasteboard.ConcealedType": b"", "application/x-nspasteboard-concealed-type": b""}),
])
def test_each_platform_gets_its_own_hints(platform, expected):
    assert sensitive_hints(platform) == expected


def test_windows_hints_are_put_on_the_clipboard_as_dwords(qtbot, clipboard):
    guard = ClipboardGuard(clipboard, platform="win32")
    guard.owns = lambda: True
    guard.start()
    clipboard.setText(TEXT)
    qtbot.waitUntil(lambda: clipboard.mimeData().hasFormat(TOKEN_FORMAT), timeout=1000)
    assert clipboard.mimeData().data("CanIncludeInClipboardHistory").data() == b"\0\0\0\0"
    guard.stop()
    assert clipboard.text() == ""


def test_the_controller_guards_the_clipboard_while_a_record_is_open(qtbot, tmp_path, clipboard, new_record,
                                                                    create_fast):
    controller = AppController(AppSettings(tmp_path / "settings.ini"), RecordActions(create=create_fast),
                               quit_on_close=False)
    qtbot.addWidget(controller.start_window)
    controller.clipboard_guard.owns = lambda: True
    clipboard.setText("before any record is open")
    qtbot.wait(50)
    assert not is_marked(clipboard)

    controller.open_record(records.unlock_with_passphrase(new_record[0], PASSPHRASE))
    search = controller.main_window.search_box
    search.setText("Zoë")
    search.selectAll()
    search.copy()  # as Ctrl+C does
    qtbot.waitUntil(lambda: is_marked(clipboard), timeout=1000)
    assert clipboard.text() == "Zoë"

    controller.lock()
    assert clipboard.text() == ""
