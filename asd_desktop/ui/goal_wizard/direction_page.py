"""Page 3, Richtungsziel: one consensus goal in the family's words, and whose goal it is."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QWidget

from asd_desktop.services.goals import PAGE_DIRECTION, GoalDraft
from asd_desktop.ui.goal_wizard.base import GoalPage, PageContext, hint_label, multi_line
from asd_desktop.ui.goal_wizard.checker_panel import CheckerPanel, underline_findings
from asd_desktop.ui.widgets import buddy

EXAMPLE = (
    "Beispiel: „Wir Eltern und Muharem (13) kennen und nutzen bis zu den Sommerferien Wege, "
    "damit Muharem an seiner jetzigen Schule bleiben kann.“"
)


class DirectionPage(GoalPage):
    """Richtungsziel: "Wir … bis …", agreed by everyone it belongs to."""

    page_id = PAGE_DIRECTION

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setSubTitle(
            "Ein gemeinsames Ziel, dem alle zustimmen, in den Worten der Familie: „Wir … bis …“."
        )
        self.direction_edit = multi_line("Richtungsziel", "Wir … bis …", height=340)
        # The same live comments as for a Handlungsziel; nothing stores a dismissal here.
        self.checker = CheckerPanel(goal_name="Richtungsziel", dismissable=False)
        self.people_edit = QLineEdit()
        self.people_edit.setPlaceholderText("z. B. Eltern und Muharem")
        form = QFormLayout()
        text_row = QHBoxLayout()
        text_row.addWidget(self.direction_edit, 1)
        text_row.addWidget(self.checker, 1)
        form.addRow(buddy("&Richtungsziel:", self.direction_edit, "Richtungsziel"), text_row)
        form.addRow(
            buddy("Wessen Ziel? (&Personen):", self.people_edit, "Wessen Ziel das ist"),
            self.people_edit,
        )
        self.body.addLayout(form)
        self.body.addWidget(hint_label(EXAMPLE))
        self.body.addStretch(1)
        self.registerField(
            "direction_goal", self.direction_edit, "plainText", self.direction_edit.textChanged
        )
        self.registerField("direction_people", self.people_edit)
        self.fields.update(
            {"direction_goal": self.direction_edit, "direction_people": self.people_edit}
        )
        self.direction_edit.textChanged.connect(self.edited)
        self.direction_edit.textChanged.connect(self._check)
        self.checker.rechecked.connect(
            lambda: underline_findings(self.direction_edit, self.checker.findings())
        )
        self.people_edit.textEdited.connect(self.edited)

    def _check(self) -> None:
        self.checker.set_text(self.direction_edit.toPlainText())
        underline_findings(self.direction_edit, self.checker.findings())

    def load(self, draft: GoalDraft) -> None:
        """Show the draft's Richtungsziel."""
        self.direction_edit.setPlainText(draft.direction_goal)
        self.people_edit.setText(draft.direction_people)

    def apply(self, draft: GoalDraft) -> GoalDraft:
        """The draft with the Richtungsziel as entered."""
        return dataclasses.replace(
            draft,
            direction_goal=self.direction_edit.toPlainText(),
            direction_people=self.people_edit.text(),
        )
