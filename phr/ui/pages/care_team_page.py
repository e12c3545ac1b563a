"""Care team and contacts: who helps, what for, and the numbers to call day and night."""

from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from phr.core.vocabulary import CareRole, ContactKind, Section
from phr.record.care_team import CareTeamService, Contact
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import FormField, choice_field, long_text_field, text_field
from phr.ui.pages.section_page import SectionPage
from phr.ui.text.formatting import definition_table, escape
from phr.ui.text.vocabulary import choices, label, label_of
from phr.ui.widgets.entry_table import Column

translate = QCoreApplication.translate


class CareTeamPage(SectionPage[Contact]):
    sections_shown = (Section.CARE_TEAM,)
    service: CareTeamService

    def __init__(self, service: CareTeamService, events: RecordEvents, parent: QWidget | None = None) -> None:
        self.title = label(Section.CARE_TEAM)
        super().__init__(service, events, parent)

    def empty_state_texts(self) -> tuple[str, str]:
        return (translate("CareTeam", "Here you keep who helps with the care, what for, and who to call day and "
                                      "night."),
                translate("CareTeam", "&Add a contact…"))

    def columns(self) -> list[Column[Contact]]:
        return [
            Column(translate("CareTeam", "Name"), lambda c: c.name),
            Column(translate("CareTeam", "Role"), _role),
            Column(translate("CareTeam", "Phone"), lambda c: c.phone),
            Column(translate("CareTeam", "Out of hours"), lambda c: c.acute_phone),
            Column(translate("CareTeam", "Contact for"), lambda c: c.contact_for),
        ]

    def describe(self, contact: Contact) -> str:
        return contact.name

    def editor(self, contact: Contact) -> EntryDialog[Contact]:
        title = translate("CareTeam", "New contact") if contact.id is None else translate("CareTeam", "Change contact")
        save = self.service.add if contact.id is None else self.service.update
        dialog = EntryDialog(title, self._fields(), contact, self.service.validate, save, self)
        _follow_role(dialog)
        return dialog

    def _fields(self) -> list[FormField]:
        return [
            choice_field("kind", translate("CareTeam", "&Kind:"), choices(ContactKind)),
            text_field("name", translate("CareTeam", "&Name:")),
            choice_field("role", translate("CareTeam", "&Role:"), choices(CareRole)),
            text_field("relationship", translate("CareTeam", "Re&lationship:"),
                       translate("CareTeam", "e.g. partner, mother, neighbour")),
            text_field("organisation", translate("CareTeam", "Or&ganisation:")),
            text_field("specialty", translate("CareTeam", "&Specialty:")),
            text_field("contact_for", translate("CareTeam", "Contact &for:"),
                       translate("CareTeam", "e.g. questions about medicines, a crisis at night")),
            text_field("phone", translate("CareTeam", "&Phone:")),
            text_field("acute_phone", translate("CareTeam", "Out of hours / &acute:")),
            text_field("email", translate("CareTeam", "&E-mail:")),
            text_field("website", translate("CareTeam", "&Website:")),
            long_text_field("address", translate("CareTeam", "A&ddress:")),
            long_text_field("notes", translate("CareTeam", "N&otes:")),
        ]

    def details_html(self, c: Contact) -> str:
        rows = [
            (translate("CareTeam", "Role"), label_of(CareRole, c.role) + (f" – {c.specialty}" if c.specialty else "")),
            (translate("CareTeam", "Relationship"), c.relationship),
            (translate("CareTeam", "Organisation"), c.organisation),
            (translate("CareTeam", "What they can do in an emergency") if _is_family(c.role)
             else translate("CareTeam", "Contact for"), c.contact_for),
            (translate("CareTeam", "Phone"), c.phone),
            (translate("CareTeam", "Out of hours / acute"), c.acute_phone),
            (translate("CareTeam", "E-mail"), c.email),
            (translate("CareTeam", "Website"), c.website),
            (translate("CareTeam", "Address"), c.address),
            (translate("CareTeam", "Notes"), c.notes),
        ]
        return f"<h3>{escape(c.name)}</h3>" + definition_table(rows)



def _is_family(role: object) -> bool:
    return role == CareRole.NEXT_OF_KIN


def _role(c: Contact) -> str:
    """'Family or partner (partner)': a next of kin's relationship says who they are."""
    role = label_of(CareRole, c.role)
    return f"{role} ({c.relationship})" if _is_family(c.role) and c.relationship else role


def _follow_role(dialog: EntryDialog[Contact]) -> None:
    """A next of kin gets a relationship, and their 'contact for' asks what they can do in an emergency."""
    role, relationship, contact_for = (dialog.field(name) for name in ("role", "relationship", "contact_for"))
    labels = {label.buddy(): label for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    edit = contact_for.widget
    form = dialog.findChild(QFormLayout)
    assert isinstance(edit, QLineEdit) and form is not None

    def show(*_args: object) -> None:
        family = _is_family(role.get())
        _show_row(form, labels[relationship.widget], family)
        labels[edit].setText(translate("CareTeam", "What they &can do in an emergency:") if family
                             else translate("CareTeam", "Contact &for:"))
        edit.setPlaceholderText(translate("CareTeam", "e.g. can give the emergency injection") if family
                                else translate("CareTeam", "e.g. questions about medicines, a crisis at night"))

    role.changed.connect(show)
    show()


def _show_row(form: QFormLayout, label: QLabel, visible: bool) -> None:
    """Show or hide a whole row (no gap where it was); shown again, its empty error line stays hidden."""
    form.setRowVisible(label, visible)  # the label is the row's own widget; the field sits in a column
    row, _role = cast(tuple[int, QFormLayout.ItemRole], form.getWidgetPosition(label))
    item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
    column = item.layout() if item is not None and visible else None
    items = [column.itemAt(index) for index in range(column.count())] if column is not None else []
    for line in (item.widget() for item in items if item is not None):
        if isinstance(line, QLabel) and not line.text():
            line.hide()
