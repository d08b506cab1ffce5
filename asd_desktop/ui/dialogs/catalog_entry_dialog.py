"""Enter or change an entry of the team's Sozialraum catalogue."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from asd_desktop.services.sozialraum import CatalogEntryInput, entry_problems
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.widgets import FormDialog, OptionalDateEdit, buddy


def editable_combo(items: Sequence[str], current: str = "") -> QComboBox:
    """A combo box offering ``items`` that also takes free text."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(list(items))
    combo.setCurrentText(current)
    return combo


class CatalogEntryDialog(DraftFormDialog):
    """An offer, place or person in the neighbourhood: name and kind first, the rest optional.

    A draft of a change names the entry by its name, so it finds its way back to it.
    """

    draft_name = "catalog_entry"

    def __init__(
        self,
        kinds: Sequence[str],
        districts: Sequence[str],
        initial: CatalogEntryInput | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title or "Katalogeintrag", parent, min_width=560)
        self.draft_target = initial.name if initial is not None and initial.name else None
        self.draft_in_case = False
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("z. B. Elternschule Wilhelmsburg")
        self.kind_combo = editable_combo(kinds)
        self.address_edit = QLineEdit()
        self.district_combo = editable_combo(districts)
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText("Ansprechperson, Telefon, E-Mail")
        self.languages_edit = QLineEdit()
        self.languages_edit.setPlaceholderText("z. B. Deutsch, Türkisch, Arabisch")
        self.costs_edit = QLineEdit()
        self.costs_edit.setPlaceholderText("z. B. kostenlos")
        self.hours_edit = QLineEdit()
        self.hours_edit.setPlaceholderText("z. B. Mo–Fr 9–13 Uhr")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(80)
        self.verified_edit = OptionalDateEdit("geprüft am", "Zuletzt geprüft")

        form = QFormLayout()
        form.addRow(buddy("&Name:", self.name_edit, "Name"), self.name_edit)
        form.addRow(buddy("&Art:", self.kind_combo, "Art des Angebots"), self.kind_combo)
        form.addRow(buddy("A&dresse:", self.address_edit, "Adresse"), self.address_edit)
        form.addRow(buddy("S&tadtteil:", self.district_combo, "Stadtteil"), self.district_combo)
        form.addRow(buddy("&Kontakt:", self.contact_edit, "Kontakt"), self.contact_edit)
        form.addRow(buddy("S&prachen:", self.languages_edit, "Sprachen"), self.languages_edit)
        form.addRow(buddy("K&osten:", self.costs_edit, "Kosten"), self.costs_edit)
        form.addRow(buddy("Ö&ffnungszeiten:", self.hours_edit, "Öffnungszeiten"), self.hours_edit)
        form.addRow(buddy("Not&izen:", self.notes_edit, "Notizen"), self.notes_edit)
        form.addRow(
            buddy("&Zuletzt geprüft:", self.verified_edit, "Zuletzt geprüft"), self.verified_edit
        )
        self.body.addLayout(form)
        hint = QLabel("Name und Art sind nötig; die Art kann frei eingegeben werden.")
        hint.setEnabled(False)
        self.body.addWidget(hint)
        self.fields.update(
            {
                "name": self.name_edit,
                "kind": self.kind_combo,
                "verified_on": self.verified_edit,
            }
        )
        if initial is not None:
            self._fill(initial)
        self.name_edit.setFocus()

    def _fill(self, value: CatalogEntryInput) -> None:
        self.name_edit.setText(value.name)
        self.kind_combo.setCurrentText(value.kind)
        self.address_edit.setText(value.address)
        self.district_combo.setCurrentText(value.district)
        self.contact_edit.setText(value.contact)
        self.languages_edit.setText(value.languages)
        self.costs_edit.setText(value.costs)
        self.hours_edit.setText(value.opening_hours)
        self.notes_edit.setPlainText(value.notes)
        self.verified_edit.set_date(value.verified_on)

    def values(self) -> CatalogEntryInput:
        """The entry as entered."""
        return CatalogEntryInput(
            name=self.name_edit.text(),
            kind=self.kind_combo.currentText(),
            address=self.address_edit.text(),
            district=self.district_combo.currentText(),
            contact=self.contact_edit.text(),
            languages=self.languages_edit.text(),
            costs=self.costs_edit.text(),
            opening_hours=self.hours_edit.text(),
            notes=self.notes_edit.toPlainText(),
            verified_on=self.verified_edit.date(),
        )

    def current_problems(self) -> dict[str, str]:
        """Why the entry cannot be stored."""
        return entry_problems(self.values())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        kinds: Sequence[str],
        districts: Sequence[str],
        initial: CatalogEntryInput | None = None,
        title: str = "",
    ) -> CatalogEntryInput | None:
        """Show the dialog modally; the entry as entered, or None if cancelled."""
        dialog = cls(kinds, districts, initial, title, parent)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()
