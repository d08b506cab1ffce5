"""Pick a person from the case's Netzwerkkarte (the goal wizard offers them first)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.network import SECTOR_SHORT
from asd_desktop.services.network import MapPerson


def person_line(person: MapPerson, goal_marks: dict[str, str] | None = None) -> str:
    """The line of a person: Nour Al Zein (Familie) – hilft schon bei Z1."""
    line = f"{person.name} ({SECTOR_SHORT[person.sector]})"
    marks = [goal_marks[g] for g in person.goal_ids if goal_marks and g in goal_marks]
    if marks:
        line += " – hilft schon bei " + ", ".join(marks)
    elif person.goal_ids:
        line += " – hilft schon bei einem Ziel"
    return line


class MapPersonPickDialog(QDialog):
    """The people on the case's maps; Enter takes the chosen one."""

    def __init__(self, people: Sequence[MapPerson], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ressource aus der Netzwerkkarte")
        self.setAccessibleName("Ressource aus der Netzwerkkarte")
        self._people = list(people)
        self.list = QListWidget()
        self.list.setAccessibleName("Personen auf der Netzwerkkarte")
        self.list.addItems([person_line(p) for p in self._people])
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Über&nehmen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(
            "Wer auf der Netzwerkkarte steht, kann beim Ziel helfen. Die gewählte Person wird "
            "Ressource des Falls; die Karte zeigt danach, bei welchen Zielen sie hilft."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 380)
        self.list.setFocus()

    def chosen(self) -> MapPerson | None:
        """The person on the current row."""
        row = self.list.currentRow()
        return self._people[row] if 0 <= row < len(self._people) else None

    @classmethod
    def ask(cls, parent: QWidget | None, people: Sequence[MapPerson]) -> MapPerson | None:
        """The chosen person, or None if cancelled."""
        dialog = cls(people, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
