"""Where a case belongs: team, Sozialraum, district (the Wirkungsbericht groups by them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)
from typing_extensions import override

from asd_desktop.services.hilfen import (
    CasePlace,
)
from asd_desktop.ui.widgets import FormDialog, buddy


class PlaceDialog(FormDialog):
    """Where the case belongs: team, Sozialraum, district (for the Wirkungsbericht)."""

    def __init__(self, value: CasePlace, known: CasePlace, parent: QWidget | None = None) -> None:
        super().__init__("Zuordnung des Falls", parent, min_width=460)
        self.team_edit = QLineEdit(value.team)
        self.sozialraum_edit = QLineEdit(value.sozialraum)
        self.district_edit = QLineEdit(value.district)
        form = QFormLayout()
        for label, edit, name, names in (
            ("&Team:", self.team_edit, "Team", known.team),
            ("&Sozialraum:", self.sozialraum_edit, "Sozialraum", known.sozialraum),
            ("Stadt&teil / Bezirk:", self.district_edit, "Stadtteil oder Bezirk", known.district),
        ):
            completer = QCompleter([n for n in names.split("\n") if n], edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)
            form.addRow(buddy(label, edit, name), edit)
        self.body.addLayout(form)
        note = QLabel(
            "Der Wirkungsbericht fasst Fälle nach Team, Sozialraum oder Stadtteil zusammen."
        )
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.save_button.setText("Ü&bernehmen")
        self.team_edit.setFocus()

    def values(self) -> CasePlace:
        """The names as entered."""
        return CasePlace(
            self.team_edit.text(), self.sozialraum_edit.text(), self.district_edit.text()
        )

    @override
    def current_problems(self) -> dict[str, str]:
        edits = (self.team_edit, self.sozialraum_edit, self.district_edit)
        if any(len(e.text()) > 200 for e in edits):
            return {"team": "Bitte die Namen kürzer fassen (höchstens 200 Zeichen)."}
        return {}
