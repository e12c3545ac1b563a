"""What the history pages share: the keyboard order of a section page."""

from typing import Any

from PySide6.QtWidgets import QWidget

from phr.ui.pages.section_page import SectionPage


def keyboard_order(page: SectionPage[Any]) -> None:
    """Tab runs from the buttons to the list and the details, and on out of the page. In the list the arrow
    keys move between rows; Tab never walks its cells (a person using the keyboard would be caught there)."""
    page.table.setTabKeyNavigation(False)
    page.details.setTabChangesFocus(True)
    chain: list[QWidget] = [page.add_button, page.edit_button, page.delete_button, page.undo_button, page.table,
                            page.details]
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
