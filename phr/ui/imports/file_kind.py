"""What a device file of no known kind looks like, in the app's words: a table with which columns (the
mapping step follows), or a text that is no table, or no text at all (no mapping can read those)."""

from PySide6.QtCore import QCoreApplication

from phr.imports.devices.preview import TABLE, XML, Preview
from phr.ui.text.formatting import fill

translate = QCoreApplication.translate
# Column names shown in the sentence; the mapping step shows them all.
SHOWN_COLUMNS = 8
_LONGEST_NAME = 32
# Encodings said in the sentence: the usual ones (UTF-8, with or without a byte order mark) are not.
_UNUSUAL_ENCODINGS = {"utf-16": "UTF-16", "windows-1252": "Windows-1252"}


def unknown_table(found: Preview) -> str:
    """'Regie does not know this kind of file. It is a table in UTF-16 text with 17 columns, separated by
    tabs, from line 12: “Index”, “Date”, ... and 9 more. On the next page ...' (found: a table)."""
    encoding = _UNUSUAL_ENCODINGS.get(found.encoding)
    kind = (fill(translate("ImportWizard", "a table in %1 text"), encoding) if encoding
            else translate("ImportWizard", "a table"))
    start = fill(translate("ImportWizard", ", from line %1"), found.header_line) if found.header_line > 1 else ""
    columns = len(found.headers)
    return fill(translate("ImportWizard", "Regie does not know this kind of file. It is %1 with %n columns, "
                                          "separated by %2%3: %4. On the next page you choose which column holds "
                                          "the time and which the value.", "", columns),
                kind, _separated_by(found.delimiter), start, _names(found.headers))


def not_a_table(found: Preview | None) -> str | None:
    """Why no mapping can read this text (XML, JSON, a single column; None: no rows), or None for a table."""
    if found is not None and found.shape != TABLE:
        # The menu's own words, so the two never drift apart.
        action = translate("MainWindow", "Import a &health summary (FHIR file)…").replace("&", "")
        menu = translate("MainWindow", "&Record").replace("&", "")
        return fill(translate("ImportWizard", "This file looks like %1, not like a table with columns, so Regie "
                                              "cannot read readings from it. Is it a health summary from a hospital "
                                              "or GP? Then choose “%2” in the %3 menu."),
                    "XML" if found.shape == XML else "JSON", action, menu)
    if found is None or len([name for name in found.headers if name.strip()]) < 2:
        return translate("ImportWizard", "This file is text without columns (no commas, semicolons or tabs "
                                         "between them), so Regie cannot read readings from it.")
    return None


def damaged_utf8(line: int) -> str:
    """A UTF-8 file with a damaged byte: read as another encoding it would garble every accent, so nothing is read."""
    return fill(translate("ImportWizard", "Line %1 of this file is damaged: it is not valid UTF-8 text. Nothing was "
                                          "read. Repair that line, or save the file again as UTF-8."), str(line))


def not_text() -> str:
    return translate("ImportWizard", "This is not a CSV file Regie can read: it is not text (it may be a PDF, a "
                                     "picture, a spreadsheet or a zip file). Export the readings from your device's "
                                     "app or website as a CSV file, and choose that file.")


def _separated_by(delimiter: str) -> str:
    return {";": translate("ImportWizard", "semicolons"),
            "\t": translate("ImportWizard", "tabs")}.get(delimiter, translate("ImportWizard", "commas"))


def _names(headers: list[str]) -> str:
    """The first column names, quoted and shortened; 'and 9 more' for the rest."""
    names = [name.strip() for name in headers if name.strip()]
    shown = ", ".join(f"“{_shortened(name)}”" for name in names[:SHOWN_COLUMNS])
    rest = len(names) - SHOWN_COLUMNS
    return shown if rest <= 0 else fill(translate("ImportWizard", "%1 and %n more", "", rest), shown)


def _shortened(name: str) -> str:
    return name if len(name) <= _LONGEST_NAME else name[:_LONGEST_NAME - 1].rstrip() + "…"
