"""Page 4, Handlungsziele: concrete, positive future states, checked live while typing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QWidget
from typing_extensions import override

from asd_desktop.domain.guided import Problem
from asd_desktop.services.goals import PAGE_GOALS, ActionGoalDraft, GoalDraft
from asd_desktop.ui.goal_wizard.base import (
    DEFAULT_DUE,
    GoalPage,
    PageContext,
    RowList,
    multi_line,
    short_line,
)
from asd_desktop.ui.goal_wizard.checker_panel import CheckerPanel, underline_findings
from asd_desktop.ui.widgets import OptionalDateEdit, buddy

NO_TEXT = "(noch ohne Text)"


class GoalsPage(GoalPage):
    """Handlungsziele: one list, one editor for the chosen goal, the checker beside it.

    Signals:
        goal_removed(int): the goal at this position was removed (resources follow).
    """

    page_id = PAGE_GOALS
    goal_removed = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setSubTitle(
            "Konkrete, positive Zustände im Alltag – was ist dann anders? "
            "Keine Maßnahmen, keine Wege; in den Worten der Familie."
        )
        self._goals: list[ActionGoalDraft] = []
        self._current = -1
        self._loading = False

        self.rows = RowList(
            "&Liste der Handlungsziele:",
            "Liste der Handlungsziele",
            "&Neues Handlungsziel",
            "Handlungsziel &entfernen",
        )
        self.rows.add_requested.connect(self.add_goal)
        self.rows.remove_requested.connect(self.remove_goal)
        self.rows.row_chosen.connect(self._show_goal)

        self.text_edit = multi_line(
            "Handlungsziel",
            "z. B. „Bis zum 30. April liegt Elifs Sportzeug jeden Dienstagmorgen gepackt "
            "an der Wohnungstür.“",
            height=150,
        )
        self.checker = CheckerPanel()
        self.indicator_edit = multi_line(
            "Woran merken wir es?", "Woran merken alle, dass das Ziel erreicht ist?", height=60
        )
        self.indicator_edit.setMaximumHeight(90)
        self.due_edit = OptionalDateEdit(
            "Datum setzen", "bis wann", default=lambda: self.context.today() + DEFAULT_DUE
        )
        self.involved_edit = QLineEdit()
        self.involved_edit.setPlaceholderText("z. B. Mutter, Elif")

        self.editor = QGroupBox()
        text_row = QHBoxLayout()
        text_row.addWidget(self.text_edit, 1)
        text_row.addWidget(self.checker, 1)
        form = QFormLayout(self.editor)
        form.addRow(buddy("&Handlungsziel:", self.text_edit, "Handlungsziel"), text_row)
        form.addRow(
            buddy("W&oran merken wir es?", self.indicator_edit, "Woran merken wir es?"),
            self.indicator_edit,
        )
        form.addRow(buddy("&bis wann:", self.due_edit, "bis wann"), self.due_edit)
        form.addRow(
            buddy("Wer ist be&teiligt?", self.involved_edit, "Wer ist beteiligt?"),
            self.involved_edit,
        )
        self.body.addWidget(self.rows)
        self.body.addWidget(self.editor, 1)

        self.text_edit.textChanged.connect(self._on_text)
        self.indicator_edit.textChanged.connect(self._on_edit)
        self.due_edit.checkbox.toggled.connect(self._on_edit)
        self.due_edit.date_edit.dateChanged.connect(self._on_edit)
        self.involved_edit.textEdited.connect(self._on_edit)
        self.checker.dismissed_changed.connect(self._on_dismissed)
        self.checker.rechecked.connect(
            lambda: underline_findings(self.text_edit, self.checker.active_findings())
        )
        self.fields["action_goals"] = self.rows.add_button

    # --- the draft ---------------------------------------------------------------------

    def load(self, draft: GoalDraft) -> None:
        """Show the draft's Handlungsziele; a new draft starts with one empty goal."""
        self._goals = list(draft.action_goals) or [ActionGoalDraft()]
        self._refresh_list(0)

    def apply(self, draft: GoalDraft) -> GoalDraft:
        """The draft with the Handlungsziele as entered."""
        return dataclasses.replace(draft, action_goals=tuple(self._goals))

    def goals(self) -> list[ActionGoalDraft]:
        """The goals as entered, in order."""
        return list(self._goals)

    def current_index(self) -> int:
        """Position of the goal in the editor, -1 for none."""
        return self._current

    # --- rows --------------------------------------------------------------------------

    def add_goal(self) -> None:
        """Append an empty goal and put the cursor into its text."""
        self._goals.append(ActionGoalDraft())
        self._refresh_list(len(self._goals) - 1)
        self.text_edit.setFocus()
        self.edited.emit()

    def remove_goal(self, row: int) -> None:
        """Drop the goal at ``row``; resources pointing to it are told."""
        if not 0 <= row < len(self._goals):
            return
        del self._goals[row]
        self.goal_removed.emit(row)
        self._refresh_list(min(row, len(self._goals) - 1))
        (self.rows.list if self._goals else self.rows.add_button).setFocus()
        self.edited.emit()

    def select_goal(self, row: int) -> None:
        """Show the goal at ``row`` in the editor."""
        self.rows.list.setCurrentRow(row)

    def _refresh_list(self, current: int) -> None:
        self.rows.set_lines(
            [short_line(n, g.text, NO_TEXT) for n, g in enumerate(self._goals, start=1)], current
        )
        self._show_goal(self.rows.current())

    def _show_goal(self, row: int) -> None:
        self._current = row
        has = 0 <= row < len(self._goals)
        self.editor.setEnabled(has)
        goal = self._goals[row] if has else ActionGoalDraft()
        self.editor.setTitle(f"Handlungsziel {row + 1}" if has else "Kein Handlungsziel gewählt")
        self._loading = True
        try:
            self.text_edit.setPlainText(goal.text)
            self.indicator_edit.setPlainText(goal.indicator)
            self.due_edit.set_date(goal.due_on)
            self.involved_edit.setText(goal.involved)
            self.checker.set_dismissed(goal.dismissed)
            self.checker.set_text(goal.text)
            underline_findings(self.text_edit, self.checker.active_findings())
        finally:
            self._loading = False

    # --- editing -----------------------------------------------------------------------

    def _store(self) -> None:
        if self._loading or not 0 <= self._current < len(self._goals):
            return
        due: dt.date | None = self.due_edit.date()
        self._goals[self._current] = ActionGoalDraft(
            text=self.text_edit.toPlainText(),
            indicator=self.indicator_edit.toPlainText(),
            due_on=due,
            involved=self.involved_edit.text(),
            dismissed=self.checker.dismissed(),
        )
        self.edited.emit()

    def _on_text(self) -> None:
        if self._loading:
            return
        text = self.text_edit.toPlainText()
        self.checker.set_text(text)
        underline_findings(self.text_edit, self.checker.active_findings())
        self.rows.set_line(self._current, short_line(self._current + 1, text, NO_TEXT))
        self._store()

    def _on_edit(self) -> None:
        self._store()

    def _on_dismissed(self) -> None:
        underline_findings(self.text_edit, self.checker.active_findings())
        self._store()

    def first_field(self) -> QWidget | None:
        """The goal's text, or the add button while there is no goal."""
        return self.text_edit if self._goals else self.rows.add_button

    # --- problems ----------------------------------------------------------------------

    @override
    def focus_on(self, problems: Sequence[Problem]) -> None:
        """Show the goal a problem is about and put the cursor into the field."""
        for problem in problems:
            name, _, part = problem.field.partition(".")
            if name != "goal" or problem.row is None:
                continue
            self.select_goal(problem.row)
            widget = {
                "text": self.text_edit,
                "indicator": self.indicator_edit,
                "due_on": self.due_edit,
            }.get(part, self.text_edit)
            widget.setFocus()
            return
        super().focus_on(problems)
