"""The import wizard and a file's encoding (issue 19, point 6): a UTF-8 file with a damaged byte is refused on the
first page naming its line; a file read as Windows-1252 says so on the last page, as accents may differ."""

import pytest
from test_import_wizard_unknown_file import choose, press_enter

from phr.ui.imports.wizard import MAPPING, SUMMARY, ImportWizard

ROWS = ["Date,Weight (kg),Note"] + [f"2026-11-{day:02d} 07:30,71.{day % 10},na het ontbijt" for day in range(1, 9)]


@pytest.fixture
def wizard(qtbot, services):
    shown = ImportWizard(services, "en")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_a_utf8_file_with_a_damaged_byte_is_refused_naming_its_line(wizard, tmp_path):
    lines = [line.replace("na het ontbijt", "na het ontbijt in het café") for line in ROWS]
    data = "\n".join(lines).encode("utf-8").replace("café".encode(), b"caf\xe9", 1)  # one byte of Windows-1252
    path = tmp_path / "scale.csv"
    path.write_bytes(data)
    page = wizard.file_page
    page.load(path)
    assert page.problem.isVisible() and not page.isComplete()
    assert page.problem.text().startswith("Line 2 of this file is damaged: it is not valid UTF-8 text.")


def test_a_windows_1252_file_imports_and_the_summary_says_how_it_was_read(qtbot, wizard, services, tmp_path):
    path = tmp_path / "scale.csv"
    path.write_bytes("\n".join(line.replace("ontbijt", "ontbijt in het café") for line in ROWS).encode("windows-1252"))
    page = wizard.file_page
    page.load(path)
    page.choose_button.setFocus()
    press_enter(qtbot, wizard, MAPPING)
    mapping = wizard.mapping_page
    choose(mapping.time_column, "Date")
    choose(mapping.value_column, "Weight (kg)")
    choose(mapping.note_column, "Note")
    choose(mapping.measure, "weight")
    mapping.time_column.setFocus()
    press_enter(qtbot, wizard, SUMMARY)
    assert wizard.summary.added == 8 and wizard.summary.encoding == "windows-1252"
    assert "it was read as Windows-1252" in wizard.summary_page.text.text()
    assert services.readings.latest("weight").note == "na het ontbijt in het café"  # the accent read right


def test_a_device_or_a_pipe_is_refused_on_the_first_page(wizard, tmp_path):
    import os
    from pathlib import Path

    pipe = tmp_path / "<b>readings.csv"
    os.mkfifo(pipe)
    page = wizard.file_page
    for path in (pipe, Path("/dev/zero")):
        page.load(path)  # returns at once: nothing is read
        assert page.problem.text().startswith("This is not a file Regie can read") and not page.isComplete()
