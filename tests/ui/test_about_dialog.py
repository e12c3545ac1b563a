"""Help → About Regie: version, what it is, where the record lives, and each library with its licence as the
installed metadata states it, with the licence texts the wheels ship."""

from importlib import metadata

import pytest

import phr
from phr.ui.app.desktop.about import AboutDialog, licence_words
from phr.ui.app.desktop.licences import bundled_libraries, licence_of, normalised


@pytest.fixture(scope="module")
def libraries():
    return bundled_libraries()


def test_every_library_regie_needs_is_listed_once_with_its_installed_version(libraries):
    keys = [library.key for library in libraries]
    assert len(keys) == len(set(keys))
    for name in ("pyside6-essentials", "pyside6-pdf", "shiboken6", "sqlcipher3", "cryptography", "reportlab", "pypdf",
                 "pyqtgraph", "fhir-resources", "numpy", "lxml", "pyphen", "platformdirs", "tzdata", "hpo3",
                 "fhir-core", "pydantic", "cffi"):  # direct, and what they need in turn
        assert name in keys, name
    by_key = {library.key: library for library in libraries}
    assert by_key["numpy"].version == metadata.version("numpy")
    assert keys.index("pyside6-essentials") < keys.index("shiboken6")  # in order of first need
    assert not {"pytest", "mypy", "ruff", "hypothesis"} & set(keys)  # the test extra is not part of the app


def test_the_licence_is_the_one_the_metadata_states(libraries):
    by_key = {library.key: library for library in libraries}
    assert by_key["cryptography"].licence == metadata.metadata("cryptography")["License-Expression"]
    assert by_key["pyqtgraph"].licence == "MIT"
    assert by_key["pyside6-essentials"].licence.startswith("LGPL-3.0")
    assert by_key["fhir-resources"].licence == "BSD license"
    assert "BSD" in by_key["reportlab"].licence
    assert "SQLCipher (BSD-3-Clause)" in by_key["sqlcipher3"].built_in  # built into the wheel, not in its metadata
    for library in libraries:
        assert library.licence == licence_of(metadata.distribution(library.name))


def test_the_licence_texts_are_the_files_the_wheels_ship(libraries):
    by_key = {library.key: library for library in libraries}
    cryptography_files = {name.rsplit("/", 1)[-1] for name, _text in by_key["cryptography"].texts}
    assert {"LICENSE", "LICENSE.APACHE", "LICENSE.BSD"} <= cryptography_files
    apache = dict(by_key["cryptography"].texts)["cryptography-" + metadata.version("cryptography")
                                                 + ".dist-info/licenses/LICENSE.APACHE"]
    assert "Apache License" in apache and "Version 2.0" in apache
    assert "Gerhard" in by_key["sqlcipher3"].texts[0][1]  # pysqlite's licence, which the metadata does not name
    # Qt's wheels ship no text: Regie carries the LGPL and the GPL it builds on.
    qt = dict(by_key["pyside6-essentials"].texts)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt["LGPL-3.0.txt"] and "Version 3" in qt["GPL-3.0.txt"]


def test_the_dialog_says_what_regie_is_where_the_record_is_and_lists_every_library(qtbot, libraries, tmp_path):
    dialog = AboutDialog(tmp_path / "Anna.regie", tmp_path / "settings.ini", libraries=libraries)
    qtbot.addWidget(dialog)
    text = dialog.about.text()
    assert f"Regie {phr.__version__}" in text and "health record" in text
    assert str(tmp_path / "Anna.regie") in text and "settings.ini" in text
    assert dialog.library_list.topLevelItemCount() == len(libraries)
    rows = {dialog.library_list.topLevelItem(i).text(0): dialog.library_list.topLevelItem(i) for i in
            range(len(libraries))}
    crypto = rows[metadata.metadata("cryptography")["Name"]]
    assert crypto.text(1) == metadata.version("cryptography") and crypto.text(2).startswith("Apache-2.0 OR BSD")
    dialog.library_list.setCurrentItem(crypto)
    assert "Apache License" in dialog.text.toPlainText()
    assert dialog.library_list.hasFocus() or dialog.focusWidget() is dialog.library_list


def test_a_library_without_text_or_licence_says_so(qtbot):
    from phr.ui.app.desktop.licences import Library

    bare = Library("quiet", "1.0", "", "", ())
    dialog = AboutDialog(libraries=[bare])
    qtbot.addWidget(dialog)
    assert "quiet 1.0 ships no licence text" in dialog.text.toPlainText()
    assert "not stated" in dialog.text.toPlainText()
    assert licence_words(bare) == "see the licence text"
    assert normalised("PySide6_Essentials") == "pyside6-essentials"


def test_about_qt_is_one_button_away(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "aboutQt", lambda parent, *args: shown.append(parent))
    dialog = AboutDialog(libraries=[])
    qtbot.addWidget(dialog)
    dialog.about_qt_button.click()
    assert shown == [dialog]


def test_it_says_under_which_licence_regie_uses_qt(qtbot):
    dialog = AboutDialog(libraries=[])
    qtbot.addWidget(dialog)
    assert "LGPL-3.0" in dialog.qt_note.text()
