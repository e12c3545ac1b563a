"""A calmer, clearer look (issue 17): an icon per section and on the main buttons that follows the theme, one type
scale that follows the text size, and the overview as cards whose buttons go to their pages by keyboard."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from phr.demo.sample_record import fill_sample_record
from phr.record.medications import Medication
from phr.ui.app.desktop.text_size import apply_text_size
from phr.ui.app.main_window import MainWindow
from phr.ui.app.navigation import Page, planned_pages
from phr.ui.pages.overview_page import CARDS, OverviewPage
from phr.ui.pages.section_page import SectionPage
from phr.ui.widgets.icons import SECTION_ICONS, Action, IconLabel, action_icon, glyph_colour, section_icon
from phr.ui.widgets.theme import GRAPHIC_CONTRAST, THEMES, apply_theme, contrast
from phr.ui.widgets.type_scale import BODY, HEADING, TITLE, set_type, type_factor

Role, Group, Mode = QPalette.ColorRole, QPalette.ColorGroup, QIcon.Mode
SAMPLE_NOW = datetime(2026, 11, 22, 12, 0)


@pytest.fixture
def themed(qapp):
    """Switch the whole application to a theme; the test run's own style and palette come back afterwards."""
    style, palette = qapp.style().name(), qapp.palette()

    def switch(name: str) -> QPalette:
        apply_theme(qapp, name)
        qapp.processEvents()
        return qapp.palette()
    yield switch
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def text_size(qapp):
    """Set the text size as View → Larger text does; back to normal afterwards."""
    def change(percent: int) -> None:
        apply_text_size(qapp, percent)
        qapp.processEvents()
    yield change
    apply_text_size(qapp, 100)


@pytest.fixture
def window(qtbot, services):
    fill_sample_record(services, date(2026, 11, 22))
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close_for_lock()


def inked(icon: QIcon, mode: QIcon.Mode = Mode.Normal) -> set[str]:
    """The colours of the icon's opaque pixels (its glyph, without the anti-aliased edge)."""
    image = icon.pixmap(QSize(32, 32), 1.0, mode).toImage()
    return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).alpha() == 255}


# --- icons ------------------------------------------------------------------------------------------------

def test_every_page_and_every_action_has_a_glyph_of_the_phosphor_font(qapp):
    import qtawesome

    charmap = Path(qtawesome.__file__).parent / "fonts" / "phosphor-charmap-1.3.0.json"
    glyphs = set(json.loads(charmap.read_text(encoding="utf-8")))
    assert set(SECTION_ICONS) == {page.value for page in Page}
    names = [*SECTION_ICONS.values(), *(action.value for action in Action)]
    assert [name for name in names if name.removeprefix("ph.") not in glyphs] == []
    assert all(inked(section_icon(page)) for page in Page) and all(inked(action_icon(a)) for a in Action)


def test_the_section_list_menus_and_page_buttons_show_their_icons(window):
    titles = [title for _key, title, _purpose in planned_pages()]
    items = [window.navigation.item(row) for row in range(window.navigation.count())]
    assert [item.text() for item in items] == titles  # the words stay: the icon is beside them
    assert all(not item.icon().isNull() for item in items)
    assert window.navigation.iconSize().height() >= window.navigation.fontMetrics().height() - 1
    for action in (window.lock_action, window.export_action, window.print_action, window.backup_action,
                   window.measurement_action, window.import_action, window.quit_action):
        assert inked(action.icon()), action.text()
    diagnoses = window.page(Page.DIAGNOSES)
    assert isinstance(diagnoses, SectionPage)
    for button in (diagnoses.add_button, diagnoses.edit_button, diagnoses.delete_button, diagnoses.undo_button):
        assert inked(button.icon()) and button.text(), button.text()
    assert diagnoses.empty_state is not None and inked(diagnoses.empty_state.button.icon())


@pytest.mark.parametrize("name", THEMES)
def test_an_icon_is_drawn_in_the_palettes_colours(themed, name):
    palette = themed(name)
    icon = section_icon(Page.MEDICATIONS)
    assert inked(icon) == {palette.color(Group.Active, Role.ButtonText).name()}
    assert inked(icon, Mode.Selected) == {palette.color(Group.Active, Role.HighlightedText).name()}
    assert inked(icon, Mode.Disabled) == {palette.color(Group.Disabled, Role.ButtonText).name()}
    # Under the mouse on a button, or on the highlighted item of a menu: it reads on both.
    active = glyph_colour(palette, Mode.Active)
    for ground in (palette.color(Role.Button), palette.color(Role.Highlight)):
        assert contrast(active, ground) >= GRAPHIC_CONTRAST, (name, active.name(), ground.name())


def test_an_icon_made_once_follows_a_change_of_theme(qtbot, themed):
    themed("light")
    icon = action_icon(Action.LOCK)
    button = QPushButton(icon, "Lock")
    qtbot.addWidget(button)
    assert inked(button.icon()) == {QColor("#000000").name()}
    dark = themed("dark")
    assert inked(button.icon()) == {dark.color(Role.ButtonText).name()} != {QColor("#000000").name()}


# --- the type scale ---------------------------------------------------------------------------------------

def test_the_type_scale_follows_the_text_size(qtbot, qapp, text_size):
    text_size(100)
    title, heading = QLabel("Sanne de Vries"), QLabel("Medicines")
    for label in (title, heading):
        qtbot.addWidget(label)
    set_type(title, TITLE, bold=True)
    set_type(heading, HEADING)
    base = QApplication.font().pointSizeF()
    assert title.font().pointSizeF() == pytest.approx(base * TITLE, abs=0.1) and title.font().bold()
    assert heading.font().pointSizeF() == pytest.approx(base * HEADING, abs=0.1)
    text_size(200)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 2, abs=0.1)
    assert title.font().pointSizeF() == pytest.approx(base * 2 * TITLE, abs=0.1) and title.font().bold()
    assert heading.font().pointSizeF() == pytest.approx(base * 2 * HEADING, abs=0.1)
    assert type_factor(title) == TITLE and type_factor(QLabel()) is None and BODY == 1.0


def test_icons_grow_with_the_text(qtbot, services, events, text_size):
    text_size(100)
    page = OverviewPage(services, events, now=lambda: SAMPLE_NOW)
    qtbot.addWidget(page)
    card = page.cards["emergency"]
    small_button, small_icon = card.button.iconSize().height(), card.icon.sizeHint().height()
    small_title = card.title.font().pointSizeF()
    text_size(200)
    assert card.button.iconSize().height() == card.button.fontMetrics().height() > small_button
    assert card.icon.sizeHint().height() > small_icon
    assert card.title.font().pointSizeF() == pytest.approx(small_title * 2, abs=0.2)
    assert page.name.font().pointSizeF() == pytest.approx(QApplication.font().pointSizeF() * TITLE, abs=0.1)


# --- the overview as cards --------------------------------------------------------------------------------

def card_texts(page: OverviewPage) -> dict[str, str]:
    return {key: card.plain_text() for key, card in page.cards.items()}


def test_the_overview_cards_show_the_sample_record(qtbot, sample_services, events):
    page = OverviewPage(sample_services, events, now=lambda: SAMPLE_NOW)
    qtbot.addWidget(page)
    texts = card_texts(page)
    assert list(texts) == [key for key, _page in CARDS]
    assert texts["emergency"].startswith("In an emergency\n")
    assert "Solu-Cortef 100 mg" in texts["emergency"] and "Pleisters (kleefstof, latex)" in texts["emergency"]
    assert "Expertisecentrum bijnierziekten (Expertise centre): 088 000 1299" in texts["who_to_call"]
    assert "Mark de Vries (partner): 088 000 6101" in texts["who_to_call"]
    assert "Questions to ask:" in texts["appointment"] and "Wat betekent de uitslag" in texts["appointment"]
    assert texts["goals"].startswith("My goals\n") and "Minder vaak moe aan het eind van de dag" in texts["goals"]
    assert "review overdue since" in texts["goals"]  # words, not a colour, say it is late
    assert "Hydrocortison 10 mg – 17,5 mg per dag, 4 keer per dag" in texts["medicines"]  # her own words
    assert "ORPHA:90794" in texts["diagnoses"]
    assert page.name.text() == "Sanne de Vries" and "35 years" in page.born.text()
    for key, card in page.cards.items():
        assert isinstance(card.icon, IconLabel) and inked(card.icon.icon), key
        assert card.accessibleName() == card.title.text()


def test_a_card_shows_five_lines_at_most_and_says_how_many_more(qtbot, services, events):
    for number in range(1, 8):
        services.medications.add(Medication(name=f"Medicijn {number}", start_date="2020-01"))
    page = OverviewPage(services, events, now=lambda: SAMPLE_NOW)
    qtbot.addWidget(page)
    text = page.cards["medicines"].plain_text()
    assert [n for n in range(1, 8) if f"Medicijn {n}" in text] == [1, 2, 3, 4]
    assert "and 3 more" in text


def test_the_cards_are_two_columns_where_they_fit_and_one_where_not(qtbot, sample_services, events):
    page = OverviewPage(sample_services, events, now=lambda: SAMPLE_NOW)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    first, third = page.cards["emergency"], page.cards["appointment"]
    assert third.x() > first.x() + first.width() - 1  # the next appointment beside the emergency card
    page.resize(page.fontMetrics().averageCharWidth() * 40, 800)
    QApplication.processEvents()
    assert third.x() == first.x() and third.y() > first.y()


def test_a_cards_button_goes_to_its_page_by_keyboard(qtbot, window):
    window.show_page(Page.OVERVIEW)
    overview = window.page(Page.OVERVIEW)
    assert isinstance(overview, OverviewPage)
    for key, page in CARDS:
        window.show_page(Page.OVERVIEW)
        button = overview.cards[key].button
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(button, Qt.Key.Key_Space)
        assert window.page_keys[window.navigation.currentRow()] == page, key
        focus = QApplication.focusWidget()
        assert focus is not None and window.page(Page(page)).isAncestorOf(focus), key  # the keyboard is there


def test_tab_reaches_every_card_and_a_link_opens_its_entry(qtbot, window):
    window.show_page(Page.OVERVIEW)
    overview = window.page(Page.OVERVIEW)
    assert isinstance(overview, OverviewPage)
    overview.getting_started.hide()
    window.activateWindow()
    emergency = overview.cards["emergency"].body
    emergency.setFocus(Qt.FocusReason.TabFocusReason)  # on its first link
    reached: list[QWidget] = []
    for _press in range(80):
        focus = QApplication.focusWidget()
        assert focus is not None
        if focus not in reached:
            reached.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    buttons = [overview.cards[key].button for key, _page in CARDS]
    assert [widget for widget in reached if widget in buttons] == buttons  # in reading order
    who = overview.cards["who_to_call"].body
    who.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(who, Qt.Key.Key_Tab)  # on its first link: the expertise centre
    with qtbot.waitSignal(window.events.show_item) as shown:
        qtbot.keyClick(who, Qt.Key.Key_Return)
    assert shown.args[0] == "care_team"
    assert window.page_keys[window.navigation.currentRow()] == Page.CARE_TEAM


def test_tab_through_the_section_list_leaves_the_search_results_shown(qtbot, window):
    window.search_box.setText("hydrocortison")
    window.search()
    assert window.pages.currentWidget() is window.search_page and window.navigation.currentRow() == -1
    window.navigation.setFocus(Qt.FocusReason.TabFocusReason)
    assert window.pages.currentWidget() is window.search_page and window.navigation.currentRow() == -1
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)  # choosing a section still works
    assert window.pages.currentWidget() is window.page(Page.OVERVIEW)
