"""A guard against a reference-count bug of PySide6 6.12 on Python 3.10 and 3.11.

Called first thing when the app starts (phr.ui.app.launch), when screenshots are made, and in the tests.

Every call of a Qt method that returns nothing (QLabel.setText, QWidget.setVisible, ...) drops one
reference to None, and bool-returning ones to True or False, without taking it first. From Python
3.12 on these objects are immortal and the bug is harmless; on 3.11 None's count reaches zero after
some thousands of calls and the interpreter aborts ("Fatal Python error: none_dealloc"). A chart
makes thousands of such calls per second while panning (pyqtgraph repositions items on every paint).

The guard gives None, True and False the huge count that 3.12 gives them (immortal in all but name).
We need PySide6 6.12 (QtPdf comes as pyside6-pdf only from 6.12 on) and still support Python
3.11 (Debian 12). tests/test_qt_refcount_guard.py shows the crash without the guard and none with it.
"""

import ctypes
import sys

# Far more than any session can drop, and far from overflowing a signed 64-bit count.
BALLAST = 1 << 40


def protect_singletons() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is a PyObject's first field
        if count.value < BALLAST:
            count.value += BALLAST
