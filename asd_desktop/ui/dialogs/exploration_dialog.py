"""The Zehn-Minuten-Sozialraumerkundung: what did I learn about the neighbourhood?"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from asd_desktop.services.sozialraum import ExplorationInput, exploration_problems
from asd_desktop.ui.dialogs.catalog_entry_dialog import editable_combo
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.widgets import DATE_FORMAT, FormDialog, buddy, from_qdate, to_qdate

QUESTION = "Was habe ich heute über den Sozialraum erfahren?"


class ExplorationDialog(DraftFormDialog):
    """A short, fast form: type what you learned, press Ctrl+Return.

    The box "in den Katalog übernehmen" asks the caller to open the catalogue
    entry dialog right after, prefilled from this exploration.
    """

    draft_name = "exploration"

    def __init__(
        self,
        districts: Sequence[str],
        initial: ExplorationInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sozialraum-Erkundung (zehn Minuten)", parent, min_width=520)
        self.draft_in_case = False
        self.question_label = QLabel(QUESTION)
        self.question_label.setWordWrap(True)
        self.learned_edit = QPlainTextEdit()
        self.learned_edit.setTabChangesFocus(True)
        self.learned_edit.setMinimumHeight(120)
        self.learned_edit.setPlaceholderText(
            "z. B. Im Bürgerhaus gibt es dienstags ein Elterncafé auf Arabisch."
        )
        self.date_edit = QDateEdit(to_qdate(dt.date.today()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.district_combo = editable_combo(districts)
        self.author_edit = QLineEdit()
        self.to_catalog_check = QCheckBox("Danach in den &Katalog übernehmen")
        self.to_catalog_check.setAccessibleName("Danach in den Katalog übernehmen")

        form = QFormLayout()
        form.addRow(self.question_label)
        form.addRow(buddy("&Erfahren:", self.learned_edit, QUESTION), self.learned_edit)
        form.addRow(buddy("&Datum:", self.date_edit, "Datum der Erkundung"), self.date_edit)
        form.addRow(buddy("S&tadtteil:", self.district_combo, "Stadtteil"), self.district_combo)
        form.addRow(buddy("&Von:", self.author_edit, "Erkundet von"), self.author_edit)
        form.addRow(self.to_catalog_check)
        self.body.addLayout(form)
        shortcut_hint = QLabel("Strg+Eingabe speichert, Esc bricht ab.")
        shortcut_hint.setEnabled(False)
        self.body.addWidget(shortcut_hint)
        self.fields.update(
            {
                "learned": self.learned_edit,
                "explored_on": self.date_edit,
            }
        )
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        if initial is not None:
            self.learned_edit.setPlainText(initial.learned)
            self.date_edit.setDate(to_qdate(initial.explored_on))
            self.district_combo.setCurrentText(initial.district)
            self.author_edit.setText(initial.author)
        self.learned_edit.setFocus()

    def values(self) -> ExplorationInput:
        """The exploration as entered."""
        return ExplorationInput(
            explored_on=from_qdate(self.date_edit.date()),
            learned=self.learned_edit.toPlainText(),
            district=self.district_combo.currentText(),
            author=self.author_edit.text(),
        )

    def wants_catalog(self) -> bool:
        """True when the caseworker wants to turn it into a catalogue entry next."""
        return self.to_catalog_check.isChecked()

    def current_problems(self) -> dict[str, str]:
        """Why the exploration cannot be stored."""
        return exploration_problems(self.values())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        districts: Sequence[str],
        initial: ExplorationInput | None = None,
    ) -> tuple[ExplorationInput, bool] | None:
        """Show the form modally; the exploration and "to the catalogue?", or None."""
        dialog = cls(districts, initial, parent)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values(), dialog.wants_catalog()
            return None
        finally:
            dialog.deleteLater()
