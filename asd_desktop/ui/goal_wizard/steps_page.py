"""Page 6, Ideen und erste Schritte: who does what by when."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QWidget
from typing_extensions import override

from asd_desktop.domain.guided import Problem
from asd_desktop.services.goals import PAGE_STEPS, GoalDraft, StepDraft
from asd_desktop.ui.goal_wizard.base import (
    GoalPage,
    PageContext,
    RowList,
    hint_label,
    multi_line,
    short_line,
)
from asd_desktop.ui.widgets import OptionalDateEdit, buddy, german_date

NO_TEXT = "(noch leer)"
STEP_DUE_DEFAULT_DAYS = 14


def step_line(number: int, step: StepDraft) -> str:
    """A step's line in the list: who, what, by when."""
    parts = [step.who.strip(), step.what.strip()]
    text = " – ".join(p for p in parts if p)
    if step.due_on:
        text += f" (bis {german_date(step.due_on)})"
    return short_line(number, text, NO_TEXT)


class StepsPage(GoalPage):
    """Ideen und erste Schritte: small, concrete first steps with a name and a date."""

    page_id = PAGE_STEPS

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setSubTitle(
            "Ideen zuerst aus den eigenen Kräften der Familie, dann aus dem Umfeld, dann aus "
            "dem Sozialraum: wer tut was bis wann?"
        )
        self._steps: list[StepDraft] = []
        self._current = -1
        self._loading = False

        self.rows = RowList(
            "&Liste der Schritte:", "Liste der Schritte", "&Neuer Schritt", "Schritt &entfernen"
        )
        self.rows.add_requested.connect(self.add_step)
        self.rows.remove_requested.connect(self.remove_step)
        self.rows.row_chosen.connect(self._show_step)

        self.who_edit = QLineEdit()
        self.who_edit.setPlaceholderText("z. B. Mutter")
        self.what_edit = multi_line("Was wird getan?", "z. B. ruft die Klassenlehrerin an", 60)
        self.due_edit = OptionalDateEdit(
            "Datum setzen",
            "bis wann",
            default=lambda: self.context.today() + dt.timedelta(days=STEP_DUE_DEFAULT_DAYS),
        )
        self.editor = QGroupBox()
        form = QFormLayout(self.editor)
        form.addRow(buddy("Wer tut es? (&Person):", self.who_edit, "Wer tut es?"), self.who_edit)
        form.addRow(buddy("Was wird &getan?", self.what_edit, "Was wird getan?"), self.what_edit)
        form.addRow(buddy("&bis wann:", self.due_edit, "bis wann"), self.due_edit)
        # The list grows with the window; the editor keeps its natural height.
        self.rows.list.setMaximumHeight(16777215)
        self.what_edit.setMaximumHeight(110)
        self.body.addWidget(self.rows, 1)
        self.body.addWidget(self.editor)
        self.body.addWidget(hint_label("Schritte sind freiwillig; die Seite kann leer bleiben."))

        self.who_edit.textEdited.connect(self._store)
        self.what_edit.textChanged.connect(self._store)
        self.due_edit.checkbox.toggled.connect(self._store)
        self.due_edit.date_edit.dateChanged.connect(self._store)

    # --- the draft ---------------------------------------------------------------------

    def load(self, draft: GoalDraft) -> None:
        """Show the draft's steps."""
        self._steps = list(draft.steps)
        self._refresh_list(0)

    def apply(self, draft: GoalDraft) -> GoalDraft:
        """The draft with the steps as entered."""
        return dataclasses.replace(draft, steps=tuple(self._steps))

    def steps(self) -> list[StepDraft]:
        """The steps as entered, in order."""
        return list(self._steps)

    # --- rows --------------------------------------------------------------------------

    def add_step(self) -> None:
        """Append an empty step and put the cursor on "who"."""
        self._steps.append(StepDraft())
        self._refresh_list(len(self._steps) - 1)
        self.who_edit.setFocus()
        self.edited.emit()

    def remove_step(self, row: int) -> None:
        """Drop the step at ``row``."""
        if not 0 <= row < len(self._steps):
            return
        del self._steps[row]
        self._refresh_list(min(row, len(self._steps) - 1))
        (self.rows.list if self._steps else self.rows.add_button).setFocus()
        self.edited.emit()

    def select_step(self, row: int) -> None:
        """Show the step at ``row`` in the editor."""
        self.rows.list.setCurrentRow(row)

    def _refresh_list(self, current: int) -> None:
        self.rows.set_lines([step_line(n, s) for n, s in enumerate(self._steps, start=1)], current)
        self._show_step(self.rows.current())

    def _show_step(self, row: int) -> None:
        self._current = row
        has = 0 <= row < len(self._steps)
        self.editor.setEnabled(has)
        self.editor.setTitle(f"Schritt {row + 1}" if has else "Kein Schritt gewählt")
        step = self._steps[row] if has else StepDraft()
        self._loading = True
        try:
            self.who_edit.setText(step.who)
            self.what_edit.setPlainText(step.what)
            self.due_edit.set_date(step.due_on)
        finally:
            self._loading = False

    def _store(self) -> None:
        if self._loading or not 0 <= self._current < len(self._steps):
            return
        step = StepDraft(
            who=self.who_edit.text(), what=self.what_edit.toPlainText(), due_on=self.due_edit.date()
        )
        self._steps[self._current] = step
        self.rows.set_line(self._current, step_line(self._current + 1, step))
        self.edited.emit()

    def first_field(self) -> QWidget | None:
        """The list, or the add button while it is empty."""
        return self.rows.list if self._steps else self.rows.add_button

    # --- problems ----------------------------------------------------------------------

    @override
    def focus_on(self, problems: Sequence[Problem]) -> None:
        """Show the step a problem is about and put the cursor into the field."""
        for problem in problems:
            name, _, part = problem.field.partition(".")
            if name != "step" or problem.row is None:
                continue
            self.select_step(problem.row)
            widget = {"who": self.who_edit, "what": self.what_edit, "due_on": self.due_edit}
            widget.get(part, self.what_edit).setFocus()
            return
        super().focus_on(problems)
