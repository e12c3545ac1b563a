"""Sizes outside the pages' own titles are steps of the type scale and grow with the text size; a details
pane's labels break between words, never inside one."""

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from phr.ui.app.desktop.name_label import NameLabel
from phr.ui.app.desktop.text_size import apply_text_size
from phr.ui.start.create_record_pages import RecoveryCodePage
from phr.ui.text.formatting import definition_table
from phr.ui.widgets.type_scale import TITLE


@pytest.fixture
def text_size(qapp):
    def change(percent: int) -> None:
        apply_text_size(qapp, percent)
        qapp.processEvents()
    yield change
    apply_text_size(qapp, 100)


def test_the_name_and_the_recovery_code_are_at_the_title_step_at_every_text_size(qtbot, text_size):
    for percent in (100, 200):
        text_size(percent)
        title = QApplication.font().pointSizeF() * TITLE
        name = NameLabel()
        qtbot.addWidget(name)
        name.fit_font()  # as the main window does when the text size changes
        page = RecoveryCodePage()
        qtbot.addWidget(page)
        assert name.font().pointSizeF() == pytest.approx(title, abs=0.1) and name.font().bold()
        assert page.code.font().pointSizeF() == pytest.approx(title, abs=0.1) and page.code.font().bold()


def first_lines(document: QTextDocument, text: str) -> list[str]:
    """The lines the block holding `text` is laid out in."""
    block = document.begin()
    while block.isValid() and block.text() != text:
        block = block.next()
    assert block.isValid(), text
    layout = block.layout()
    return [text[layout.lineAt(i).textStart():][:layout.lineAt(i).textLength()].strip()
            for i in range(layout.lineCount())]


@pytest.mark.parametrize("percent", [100, 200])
def test_a_details_label_wraps_between_words_in_a_narrow_pane(qtbot, text_size, percent):
    text_size(percent)
    document = QTextDocument()
    document.setDefaultFont(QApplication.font())
    document.setHtml(definition_table([("Voorgeschreven door", "dr. Eva Hoekstra, huisarts in Utrecht"),
                                       ("Sterkte", "800 IE")]))
    document.setTextWidth(120)  # far narrower than the label and its value side by side
    document.documentLayout().documentSize()  # lay it out
    assert first_lines(document, "Voorgeschreven door") == ["Voorgeschreven", "door"]
