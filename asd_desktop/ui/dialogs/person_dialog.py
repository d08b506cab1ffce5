"""A person in a case: name, contact details, languages and their roles."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from asd_desktop.domain.enums import Role, Salutation
from asd_desktop.services.cases import PersonInput, PersonView, person_problems
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.widgets import FormDialog, OptionalDateEdit, buddy


class PersonDialog(DraftFormDialog):
    """Add a person to a case or change one; several roles are allowed."""

    draft_name = "person"

    def __init__(self, initial: PersonView | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Person bearbeiten" if initial else "Person hinzufügen", parent)
        self.draft_target = initial.id if initial is not None else None
        self.salutation_combo = QComboBox()
        for salutation in Salutation:
            self.salutation_combo.addItem(salutation.value or "—", salutation)
        self.salutation_combo.setToolTip(
            "Wie Briefe die Person anreden: „Sehr geehrte Frau …“ oder ohne Anrede "
            "„Guten Tag Vorname Name“"
        )
        self.last_name_edit = QLineEdit()
        self.first_name_edit = QLineEdit()
        self.birth_date_edit = OptionalDateEdit(
            "bekannt", "Geburtsdatum", default=lambda: dt.date.today().replace(month=1, day=1)
        )
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(56)
        self.phone_edit = QLineEdit()
        self.languages_edit = QLineEdit()
        self.languages_edit.setPlaceholderText("z. B. Deutsch, Türkisch")
        self.interpreter_check = QCheckBox("D&olmetscher/in nötig")
        self.interpreter_check.setAccessibleName("Dolmetscher/in nötig")
        self.roles_list = QListWidget()
        self.roles_list.setAccessibleDescription("Mit der Leertaste an- oder abwählen")
        for role in Role:
            item = QListWidgetItem(role.label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.roles_list.addItem(item)
        self.roles_list.setCurrentRow(0)
        row_height = self.roles_list.sizeHintForRow(0)
        # All roles visible at once: ticking several should not need scrolling.
        self.roles_list.setFixedHeight(
            row_height * self.roles_list.count() + 2 * self.roles_list.frameWidth()
        )
        self.institution_edit = QLineEdit()
        self.institution_edit.setPlaceholderText("z. B. Kita Sonnenschein, Schule, Beratungsstelle")

        form = QFormLayout()
        form.addRow(buddy("&Anrede:", self.salutation_combo, "Anrede"), self.salutation_combo)
        form.addRow(buddy("&Name*:", self.last_name_edit, "Name"), self.last_name_edit)
        form.addRow(buddy("&Vorname:", self.first_name_edit, "Vorname"), self.first_name_edit)
        form.addRow(
            buddy("&Geburtsdatum:", self.birth_date_edit, "Geburtsdatum"), self.birth_date_edit
        )
        form.addRow(buddy("A&dresse:", self.address_edit, "Adresse"), self.address_edit)
        form.addRow(buddy("&Telefon:", self.phone_edit, "Telefon"), self.phone_edit)
        form.addRow(buddy("Sp&rachen:", self.languages_edit, "Sprachen"), self.languages_edit)
        form.addRow("", self.interpreter_check)
        form.addRow(buddy("Ro&llen:", self.roles_list, "Rollen"), self.roles_list)
        form.addRow(
            buddy("&Institution:", self.institution_edit, "Institution"), self.institution_edit
        )
        self.body.addLayout(form)
        self.fields.update(
            {
                "last_name": self.last_name_edit,
                "first_name": self.first_name_edit,
                "birth_date": self.birth_date_edit,
                "roles": self.roles_list,
                "institution": self.institution_edit,
            }
        )
        self.roles_list.itemChanged.connect(self._update_institution)
        if initial is not None:
            self._fill(initial)
        self._update_institution()
        self.last_name_edit.setFocus()

    def _fill(self, value: PersonInput) -> None:
        self.salutation_combo.setCurrentIndex(list(Salutation).index(value.salutation))
        self.last_name_edit.setText(value.last_name)
        self.first_name_edit.setText(value.first_name)
        self.birth_date_edit.set_date(value.birth_date)
        self.address_edit.setPlainText(value.address)
        self.phone_edit.setText(value.phone)
        self.languages_edit.setText(value.languages)
        self.interpreter_check.setChecked(value.interpreter_needed)
        self.set_roles(value.roles)
        self.institution_edit.setText(value.institution)

    def set_roles(self, roles: tuple[Role, ...]) -> None:
        """Check exactly ``roles``."""
        for row, role in enumerate(Role):
            item = self.roles_list.item(row)
            item.setCheckState(Qt.CheckState.Checked if role in roles else Qt.CheckState.Unchecked)

    def roles(self) -> tuple[Role, ...]:
        """The checked roles, in the order of the list."""
        return tuple(
            role
            for row, role in enumerate(Role)
            if self.roles_list.item(row).checkState() == Qt.CheckState.Checked
        )

    def _update_institution(self) -> None:
        is_professional = Role.PROFESSIONAL in self.roles()
        self.institution_edit.setEnabled(is_professional)

    def values(self) -> PersonInput:
        """The person as entered; the institution only counts for a Fachkraft."""
        roles = self.roles()
        return PersonInput(
            last_name=self.last_name_edit.text(),
            first_name=self.first_name_edit.text(),
            birth_date=self.birth_date_edit.date(),
            address=self.address_edit.toPlainText(),
            phone=self.phone_edit.text(),
            languages=self.languages_edit.text(),
            interpreter_needed=self.interpreter_check.isChecked(),
            roles=roles,
            institution=self.institution_edit.text() if Role.PROFESSIONAL in roles else "",
            salutation=list(Salutation)[max(0, self.salutation_combo.currentIndex())],
        )

    def current_problems(self) -> dict[str, str]:
        """Why the person cannot be stored."""
        return person_problems(self.values())

    @classmethod
    def ask(cls, parent: QWidget | None, initial: PersonView | None = None) -> PersonInput | None:
        """Show the dialog modally; the entered person, or None if cancelled."""
        dialog = cls(initial, parent)
        if dialog.exec() == FormDialog.DialogCode.Accepted.value:
            return dialog.values()
        return None
