"""The office a caseworker writes from: the letterhead every letter prints."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from asd_desktop.domain.office import Office
from asd_desktop.ui.widgets import FormDialog, buddy


class OfficeDialog(FormDialog):
    """Edit the office's letterhead and the caseworker's direct line.

    Args:
        current: the office as stored.
        first_start: asked once after the first unlock; "Später" skips it.
    """

    def __init__(
        self, current: Office, parent: QWidget | None = None, *, first_start: bool = False
    ) -> None:
        super().__init__("Dienststelle", parent, min_width=560)
        intro = QLabel(
            "Diese Angaben stehen im Briefkopf jedes Briefes, damit die Familie weiß, "
            "wen sie wann erreicht. Es sind Ihre dienstlichen Kontaktdaten, keine Daten "
            "einer Familie."
            + (
                " Sie können sie jetzt eintragen oder später unter Datei → Dienststelle … ergänzen."
                if first_start
                else ""
            )
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(current.name)
        self.name_edit.setPlaceholderText("Jugendamt Hamburg-Mitte, Allgemeiner Sozialer Dienst")
        self.address_edit = QPlainTextEdit(current.address)
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setPlaceholderText("Klosterwall 2\n20095 Hamburg")
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 4)
        self.phone_edit = QLineEdit(current.phone)
        self.email_edit = QLineEdit(current.email)
        self.hours_edit = QLineEdit(current.office_hours)
        self.hours_edit.setPlaceholderText("Mo–Fr 9–12 Uhr, Do 14–18 Uhr")
        self.caseworker_edit = QLineEdit(current.caseworker_name)
        self.caseworker_phone_edit = QLineEdit(current.caseworker_phone)
        form = QFormLayout()
        for label, widget, name in (
            ("&Name der Dienststelle:", self.name_edit, "Name der Dienststelle"),
            ("&Anschrift:", self.address_edit, "Anschrift"),
            ("&Telefon:", self.phone_edit, "Telefon der Dienststelle"),
            ("&E-Mail:", self.email_edit, "E-Mail der Dienststelle"),
            ("Sprech&zeiten:", self.hours_edit, "Sprechzeiten"),
            ("&Ihr Name:", self.caseworker_edit, "Name der Fachkraft"),
            ("&Durchwahl:", self.caseworker_phone_edit, "Durchwahl der Fachkraft"),
        ):
            form.addRow(buddy(label, widget, name), widget)
        self.body.addWidget(intro)
        self.body.addLayout(form)
        self.fields["name"] = self.name_edit
        if first_start:
            self.cancel_button.setText("&Später")
            self.cancel_button.setAccessibleName("Später")
        self.name_edit.setFocus()

    def values(self) -> Office:
        """The office as entered, each value trimmed."""
        return Office(
            name=self.name_edit.text().strip(),
            address=self.address_edit.toPlainText().strip(),
            phone=self.phone_edit.text().strip(),
            email=self.email_edit.text().strip(),
            office_hours=self.hours_edit.text().strip(),
            caseworker_name=self.caseworker_edit.text().strip(),
            caseworker_phone=self.caseworker_phone_edit.text().strip(),
        )

    def current_problems(self) -> dict[str, str]:
        """Every field may stay empty; the letter then prints "Jugendamt"."""
        return {}

    @classmethod
    def ask(
        cls, parent: QWidget | None, current: Office, *, first_start: bool = False
    ) -> Office | None:
        """Show the dialog modally; the entered office, or None when cancelled or skipped."""
        dialog = cls(current, parent, first_start=first_start)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()
