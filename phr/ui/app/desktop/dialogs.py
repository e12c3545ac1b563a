"""The dialogs behind the main window's menus, each imported when it opens: the export brings reportlab and pypdf,
the FHIR import fhir.resources, the device import and quick entry the measures' code; none of it is needed to show
a record (issue 20, point 2). The main window calls these by their names in its own module, so a test can put a
stand-in there."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from phr.ui.imports.fhir_import import FhirImport


def open_export_dialog(*args) -> None:
    from phr.ui.export.dialog import open_export_dialog as open_dialog

    open_dialog(*args)


def open_fhir_import(*args) -> "FhirImport | None":
    from phr.ui.imports.fhir_import import open_fhir_import as open_import

    return open_import(*args)


def open_native_import(*args) -> object:
    from phr.ui.imports.native_import import open_native_import as open_import

    return open_import(*args)


def open_print_dialog(*args) -> None:
    from phr.ui.app.desktop.print_dialog import open_print_dialog as open_dialog

    open_dialog(*args)


def open_import_wizard(*args) -> None:
    from phr.ui.imports.wizard import open_import_wizard as open_wizard

    open_wizard(*args)


def open_quick_entry(*args) -> None:
    from phr.ui.monitoring.quick_entry import open_quick_entry as open_entry

    open_entry(*args)


def open_backup_dialog(*args) -> None:
    from phr.ui.backup.backup_dialog import open_backup_dialog as open_dialog

    open_dialog(*args)


def open_about_dialog(*args) -> None:
    from phr.ui.app.desktop.about import open_about_dialog as open_dialog

    open_dialog(*args)
