"""Every text a window shows or reads aloud, and the English ones among them (for the Dutch walk).

A text is English when it equals an English source whose Dutch differs (phr_nl.ts for the app, the
Words catalogue for the words the app shares with the exports), or when it holds an English word that
never occurs in Dutch (a backstop for texts that never went through translate).
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from locations import ROOT
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)

from phr.words import vocabulary
from phr.words.catalogue import DUTCH, Words

TS_FILE = ROOT / "resources" / "i18n" / "phr_nl.ts"
ROWS = 60  # rows of a list or table read per view: enough to meet every vocabulary the sample record uses

# English words that are not Dutch words too ("is", "of", "in", "type", "help", "open" are both).
ENGLISH_WORDS = re.compile(
    r"\b(the|and|with|from|your|you|this|that|these|which|what|when|where|please|not|none|unknown|yes|no|"
    r"found|add|change|delete|remove|save|cancel|close|date|notes?|name|value|readings?|show|hide|more|less|all|"
    r"new|edit|choose|files?|folder|search|results?|look|before|after|today|month|year|day|time|back|next|"
    r"finish|other|there|here|about|select|undo|redo|copy|paste|nothing|yet|must|should|could|would)\b", re.IGNORECASE)
ESCAPED = re.compile(r"&(quot|amp|lt|gt|apos|nbsp|#\d+);")
TEMPLATE_FIELD = re.compile(r"%n|%L?\d|\{\w*\}")
SAME_IN_DUTCH = {"Type"}  # Dutch words too, whatever one context of ours says instead (Qt's file list says Type)


@dataclass(frozen=True)
class Shown:
    where: str  # which widget, and which of its texts
    text: str


def plain(text: str) -> str:
    """A text as the reader sees it: no mnemonic ampersand, one space between words."""
    text = re.sub(r"&(.)", r"\1", text)
    return " ".join(text.split())


def rendered(text: str) -> str:
    """The plain text Qt shows for rich text."""
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def label_text(label: QLabel) -> str:
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text()))
    return rendered(label.text()) if rich else label.text()


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()[:30]})"


def _own_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "tooltip", widget.toolTip()
    yield "accessible name", widget.accessibleName()
    yield "accessible description", widget.accessibleDescription()
    if widget.isWindow():
        yield "window title", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield "text", label_text(widget)
    elif isinstance(widget, QAbstractButton):
        yield "text", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "title", widget.title()
    elif isinstance(widget, QLineEdit):
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield "placeholder", widget.placeholderText()
        yield "text", widget.toPlainText()
    elif isinstance(widget, QComboBox):
        yield from (("item", widget.itemText(index)) for index in range(widget.count()))
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield "tab", widget.tabText(index)
            yield "tab tooltip", widget.tabToolTip(index)
    elif isinstance(widget, QAbstractItemView):
        yield from _view_texts(widget)
    elif isinstance(widget, QWizard):
        yield from _wizard_texts(widget)


def _view_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    top = view.rootIndex()  # the folder a file dialog shows, the top of other views
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)  # a list hides its count
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            yield "header", str(model.headerData(column, Qt.Orientation.Horizontal, role) or "")
        for row in range(min(model.rowCount(top), ROWS)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.index(row, column, top).data(role)
                yield "cell", value if isinstance(value, str) else ""


def _wizard_texts(wizard: QWizard) -> Iterator[tuple[str, str]]:
    for button in QWizard.WizardButton:
        if button.value <= QWizard.WizardButton.CustomButton3.value:
            yield "button", wizard.buttonText(button)
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        yield "page title", rendered(page.title())
        yield "page subtitle", rendered(page.subTitle())


def action_texts(action: QAction, where: str) -> Iterator[Shown]:
    for kind, text in (("text", action.text()), ("tooltip", action.toolTip()), ("status tip", action.statusTip())):
        if text.strip():
            yield Shown(f"{where} action {kind}", text)
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield Shown(f"{where} menu title", menu.title())
        for inner in menu.actions():
            yield from action_texts(inner, f"{where} > {plain(menu.title())}")


def visible_texts(window: QWidget, skip: Callable[[QWidget], bool] = lambda _widget: False) -> list[Shown]:
    """Every text of `window` and its children, the hidden ones too (other tabs, other wizard pages); not those
    of the dialogs it owns (each is read as a window of its own) nor of the widgets `skip` names."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window or skip(widget):
            continue
        for kind, text in _own_texts(widget):
            if text and text.strip():
                found.append(Shown(f"{_name(widget)} {kind}", text))
        for action in widget.actions():
            found.extend(action_texts(action, _name(widget)))
    return found


@dataclass(frozen=True)
class Catalogue:
    """English source -> its Dutch texts, from the app's .ts and the shared Words; templates as patterns.

    A source one context leaves English ("Status", "Details" are Dutch words too) is never flagged.
    """

    exact: dict[str, set[str]]
    patterns: list[tuple[re.Pattern[str], str]]
    stored: dict[str, str]  # a vocabulary's stored value ('monitoring', 'confirmed') -> its Dutch label

    @classmethod
    def load(cls) -> "Catalogue":
        exact: dict[str, set[str]] = {}
        patterns = []
        for english, dutch in _pairs():
            if not re.search(r"[A-Za-z]{2,}", english):
                continue  # punctuation ("." -> ",") says nothing about the language
            if TEMPLATE_FIELD.search(english):
                literal = TEMPLATE_FIELD.sub(" ", english)
                if len(re.findall(r"[A-Za-z]{3,}", literal)) >= 2 and plain(english) != plain(dutch):
                    parts = [re.escape(plain(part)) for part in TEMPLATE_FIELD.split(english)]
                    patterns.append((re.compile(".+?".join(parts), re.DOTALL), english))
            elif plain(english) not in SAME_IN_DUTCH:
                exact.setdefault(plain(english), set()).add(plain(dutch))
        return cls({english: dutch for english, dutch in exact.items() if english not in dutch}, patterns,
                   _stored_values())

    def english_source(self, text: str) -> str | None:
        """The English source this shown text is, untranslated; None when it is not one."""
        shown = plain(text)
        if shown in self.exact or shown in self.stored:
            return shown
        return next((english for pattern, english in self.patterns if pattern.fullmatch(shown)), None)


def _stored_values() -> dict[str, str]:
    """A vocabulary value as the record stores it, where that is a word unlike its Dutch label."""
    dutch = Words("nl")
    return {member.value: vocabulary.label(dutch, member) for kind in vocabulary.LABELS for member in kind
            if isinstance(member.value, str) and re.fullmatch(r"[a-z_]{3,}", member.value)
            and member.value.replace("_", " ") != vocabulary.label(dutch, member).lower()}


def _pairs() -> Iterator[tuple[str, str]]:
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        translation = message.find("translation")
        forms = translation.findall("numerusform") if translation is not None else []
        dutch = forms[-1].text if forms else (translation.text if translation is not None else None)
        yield message.findtext("source") or "", dutch or ""
    yield from DUTCH.items()


def pieces(text: str) -> list[str]:
    """The whole text, then its lines and the parts of each line around a colon, a bullet or a bracket."""
    lines = [line for line in text.splitlines() if line.strip()]
    parts = [part for line in lines for part in re.split(r":\s|[·•|()\[\]\t]", line) if part.strip()]
    return list(dict.fromkeys([text, *lines, *parts]))


def english_in(shown: list[Shown], catalogue: Catalogue, allowed: frozenset[str] = frozenset()) -> list[str]:
    """'where: text' for every shown text (or part of one) that is still English, or shows escaped markup."""
    problems = []
    for item in shown:
        if ESCAPED.search(item.text):
            problems.append(f"{item.where}: escaped twice: {item.text!r}")
        for piece in pieces(item.text):
            source = catalogue.english_source(piece)
            word = ENGLISH_WORDS.search(plain(piece))
            if source is not None and plain(piece) not in allowed:
                problems.append(f"{item.where}: untranslated: {plain(piece)!r}")
            elif word and plain(piece) not in allowed:
                problems.append(f"{item.where}: English word {word.group(0)!r} in {plain(piece)!r}")
    return sorted(set(problems))
