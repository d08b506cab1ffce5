"""Enter an open step by hand (Wiedervorlage): what, who does it, by when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from asd_desktop.domain.enums import StepActor
from asd_desktop.services.steps import StepInput, step_problems
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.widgets import FormDialog, OptionalDateEdit, buddy

#: Who does a step, as the field says it.
ACTOR_LABELS: dict[StepActor, str] = {
    StepActor.CASEWORKER: "Fachkraft (ich)",
    StepActor.FAMILY: "Familie",
    StepActor.PROFESSIONAL: "andere Fachperson",
}
#: The actors in the order the choice offers them.
ACTORS: tuple[StepActor, ...] = tuple(ACTOR_LABELS)


def actor_text(actor: StepActor, name: str) -> str:
    """Who does a step, in one short text ("Familie: Mutter")."""
    label = ACTOR_LABELS[actor]
    return f"{label}: {name}" if name.strip() else label


class ActorEdit(QWidget):
    """Who does a step: the caseworker, the family or another professional, and a name."""

    def __init__(self, accessible_name: str = "wer", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor_combo = QComboBox()
        self.actor_combo.addItems([ACTOR_LABELS[a] for a in ACTORS])
        self.actor_combo.setAccessibleName(f"{accessible_name}: Fachkraft, Familie, Fachperson")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Name, z. B. Mutter, Kita Sonnenblume (freiwillig)")
        self.name_edit.setAccessibleName(f"{accessible_name}: Name")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.actor_combo)
        layout.addWidget(self.name_edit, 1)
        self.setFocusProxy(self.actor_combo)
        self.setAccessibleName(accessible_name)

    def actor(self) -> StepActor:
        """The chosen kind of person."""
        return ACTORS[max(0, self.actor_combo.currentIndex())]

    def name(self) -> str:
        """The name as typed."""
        return self.name_edit.text()

    def set_value(self, actor: StepActor, name: str) -> None:
        """Show ``actor`` and ``name``."""
        self.actor_combo.setCurrentIndex(ACTORS.index(actor))
        self.name_edit.setText(name)


class StepDialog(DraftFormDialog):
    """A step entered by hand for the open case; Ctrl+Return stores it."""

    draft_name = "step"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Schritt hinzufügen", parent, min_width=520)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("z. B. Kita-Anwesenheit einholen")
        self.actor_edit = ActorEdit("Wer")
        self.due_edit = OptionalDateEdit(
            "Frist setzen", "bis wann", default=lambda: dt.date.today() + dt.timedelta(days=7)
        )
        self.due_edit.set_date(dt.date.today() + dt.timedelta(days=7))
        form = QFormLayout()
        form.addRow(buddy("&Was ist zu tun:", self.text_edit, "Was ist zu tun"), self.text_edit)
        form.addRow(buddy("W&er:", self.actor_edit, "Wer"), self.actor_edit)
        form.addRow(buddy("&bis wann:", self.due_edit, "bis wann"), self.due_edit)
        self.body.addLayout(form)
        hint = QLabel("Strg+Eingabe speichert, Esc bricht ab.")
        hint.setEnabled(False)
        self.body.addWidget(hint)
        self.fields.update(
            {"text": self.text_edit, "actor_name": self.actor_edit.name_edit, "due": self.due_edit}
        )
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.text_edit.setFocus()

    def values(self) -> StepInput:
        """The step as entered."""
        return StepInput(
            text=self.text_edit.text(),
            due_on=self.due_edit.date(),
            actor=self.actor_edit.actor(),
            actor_name=self.actor_edit.name(),
        )

    def current_problems(self) -> dict[str, str]:
        """Why the step cannot be stored."""
        return step_problems(self.values())

    @classmethod
    def ask(cls, parent: QWidget | None) -> StepInput | None:
        """Show the dialog modally; the entered step, or None if cancelled."""
        dialog = cls(parent)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()
