"""How dates, times and provenance read in the app's language."""

import html
import math
import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QFontMetricsF

from phr.core import partial_date
from phr.core.vocabulary import AuthorRole, Source
from phr.ui.text.vocabulary import label_of
from phr.ui.widgets.theme import html_colour, muted_text
from phr.ui.widgets.type_scale import BODY, font_at

if TYPE_CHECKING:  # not at run time: the start window uses fill() before the record's code loads (issue 20)
    from phr.core.entries import Provenance

translate = QCoreApplication.translate


def fill(template: str, *values: object) -> str:
    """Put values into a translated text's %1, %2, ... in one pass (a value may itself hold '%2')."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values)
                  else m.group(0), template)


def partial(iso: str) -> str:
    """'2019' -> '2019'; '2019-05' -> 'mei 2019'; '2019-05-14' -> '14 mei 2019' (in the app's language)."""
    if not iso or partial_date.normalise_or_none(iso) != iso:
        return iso or ""
    precision = partial_date.precision(iso)
    if precision == "year":
        return iso
    locale = QLocale()
    if precision == "month":
        year, month = iso.split("-")
        return f"{locale.standaloneMonthName(int(month), QLocale.FormatType.LongFormat)} {year}"
    return locale.toString(QDate.fromString(iso, "yyyy-MM-dd"), "d MMMM yyyy")


def when(iso: str) -> str:
    """A partial date, a date, or a local date and time ('2026-11-30T10:30') in words."""
    try:
        if "T" in iso:
            moment_ = datetime.fromisoformat(iso)
            return QLocale().toString(QDate(moment_.year, moment_.month, moment_.day), "d MMMM yyyy") + \
                moment_.strftime(" %H:%M")
        return partial(iso)
    except ValueError:
        return iso  # never let one odd stored value break a page: show it as it is


def day(value: date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def moment(iso: str) -> str:
    """A stored UTC timestamp in local time, e.g. '22 november 2026 12:10'."""
    if not iso:
        return ""
    local = datetime.fromisoformat(iso).astimezone()
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMMM yyyy") + local.strftime(" %H:%M")


def source_text(source: str) -> str:
    """'typed in', 'from a letter': where an entry came from, inside a sentence."""
    return label_of(Source, source, in_sentence=True)


def role_text(role: str) -> str:
    """'owner' or 'carer', inside a sentence."""
    return label_of(AuthorRole, role, in_sentence=True)


def provenance_html(provenance: "Provenance | None") -> str:
    """'Entered by Sanne (owner), typed in, 22 November 2026 · changed by … on …'."""
    if provenance is None:
        return ""
    source = source_text(provenance.source)
    if provenance.source_detail:
        source += f" ({provenance.source_detail})"
    text = fill(translate("Formatting", "Entered by %1 (%2), %3, %4"), provenance.entered_by,
                role_text(provenance.entered_by_role), source, moment(provenance.created_at))
    if provenance.changed_at != provenance.created_at:
        text += " · " + fill(translate("Formatting", "changed by %1 on %2"), provenance.changed_by,
                             moment(provenance.changed_at))
    return muted_html(text)


def muted_html(text: str) -> str:
    """A small paragraph in the theme's muted colour, for secondary words under what they are about."""
    return f"<p style='color: {html_colour(muted_text)}'><small>{html.escape(text)}</small></p>"


def heading(text: str, level: int = 2) -> str:
    """An HTML heading. Pass translate(...) in: a translate call inside an f-string is never collected."""
    return f"<h{level}>{escape(text)}</h{level}>"


def escape(text: object) -> str:
    return html.escape(str(text)) if text not in (None, "") else ""


def definition_table(rows: list[tuple[str, str]]) -> str:
    """Label/value rows as HTML for a details pane; empty values are left out, everything is escaped.

    The label column is as wide as its longest word: a narrow pane (large text, a small screen) otherwise
    squeezes it until Qt breaks a label inside a word ("Voorgeschreve|n door"); the labels wrap between words."""
    shown = [(label, value) for label, value in rows if value not in (None, "")]
    width = label_column_width([label for label, _value in shown]) + 12  # Qt counts the padding in the width
    cells = "".join(
        f"<tr><td width='{width}' style='padding-right: 12px; vertical-align: top'><b>{escape(label)}</b></td>"
        f"<td>{escape(value).replace(chr(10), '<br>')}</td></tr>"
        for label, value in shown)
    return f"<table>{cells}</table>" if cells else ""


def label_column_width(labels: list[str]) -> int:
    """Pixels for the longest word of the labels in bold at the application font's size (now)."""
    metrics = QFontMetricsF(font_at(BODY, bold=True))
    words = [word for label in labels for word in label.split()]
    return math.ceil(max((metrics.horizontalAdvance(word) for word in words), default=0.0)) + 2  # rounding
