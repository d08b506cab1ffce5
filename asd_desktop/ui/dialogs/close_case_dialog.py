"""Close a case: the date it ends; it stays stored and can be reopened."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDateEdit, QFormLayout, QLabel, QWidget

from asd_desktop.ui.widgets import DATE_FORMAT, FormDialog, buddy, from_qdate, to_qdate


class CloseCaseDialog(FormDialog):
    """Ask for the date a case is closed on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Fall abschließen", parent, min_width=420)
        intro = QLabel(
            "Der Fall wird als abgeschlossen markiert. Alle Einträge bleiben erhalten; "
            "der Fall kann jederzeit wieder geöffnet werden."
        )
        intro.setWordWrap(True)
        self.closed_on_edit = QDateEdit(to_qdate(dt.date.today()))
        self.closed_on_edit.setCalendarPopup(True)
        self.closed_on_edit.setDisplayFormat(DATE_FORMAT)
        form = QFormLayout()
        form.addRow(
            buddy("abgeschlossen &am:", self.closed_on_edit, "abgeschlossen am"),
            self.closed_on_edit,
        )
        self.body.addWidget(intro)
        self.body.addLayout(form)
        self.fields["closed_on"] = self.closed_on_edit
        self.save_button.setText("Fall a&bschließen")
        self.save_button.setAccessibleName("Fall abschließen")
        self.closed_on_edit.setFocus()

    def values(self) -> dt.date:
        """The chosen date."""
        return from_qdate(self.closed_on_edit.date())

    def current_problems(self) -> dict[str, str]:
        """A case cannot be closed in the future."""
        if self.values() > dt.date.today():
            return {"closed_on": "Das Abschlussdatum liegt in der Zukunft."}
        return {}

    @classmethod
    def ask(cls, parent: QWidget | None) -> dt.date | None:
        """Show the dialog modally; the closing date, or None if cancelled."""
        dialog = cls(parent)
        if dialog.exec() == FormDialog.DialogCode.Accepted.value:
            return dialog.values()
        return None
