"""Record a Handlungsziel's status at a review: erreicht, teilweise, nicht erreicht, verändert."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QPlainTextEdit, QWidget

from asd_desktop.domain.enums import GoalStatus
from asd_desktop.services.goals import ActionGoalView, ReviewInput, review_problems
from asd_desktop.ui.widgets import DATE_FORMAT, FormDialog, buddy, from_qdate, german_date, to_qdate

STATUSES = tuple(GoalStatus)


class ReviewDialog(FormDialog):
    """Ask for the status of one Handlungsziel at a review; the history is kept."""

    def __init__(self, goal: ActionGoalView, parent: QWidget | None = None) -> None:
        super().__init__("Überprüfung erfassen", parent, min_width=520)
        text = QLabel(f"Handlungsziel {goal.position + 1}: {goal.text}")
        text.setWordWrap(True)
        text.setAccessibleName("Handlungsziel")
        details = [f"Woran merken wir es? {goal.indicator}" if goal.indicator else ""]
        if goal.due_on:
            details.append(f"bis {german_date(goal.due_on)}")
        if goal.status is not None:
            details.append(
                f"zuletzt: {goal.status.label} ({german_date(goal.reviews[0].reviewed_on)})"
            )
        detail = QLabel("\n".join(d for d in details if d))
        detail.setWordWrap(True)
        detail.setEnabled(False)

        self.status_combo = QComboBox()
        for status in STATUSES:
            self.status_combo.addItem(status.label)
        self.reviewed_on_edit = QDateEdit(to_qdate(dt.date.today()))
        self.reviewed_on_edit.setCalendarPopup(True)
        self.reviewed_on_edit.setDisplayFormat(DATE_FORMAT)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setMinimumHeight(90)
        self.comment_edit.setPlaceholderText("Was sagt die Familie? Was hat sich verändert?")

        form = QFormLayout()
        form.addRow(text)
        form.addRow(detail)
        form.addRow(buddy("S&tatus:", self.status_combo, "Status"), self.status_combo)
        form.addRow(
            buddy("&Datum der Überprüfung:", self.reviewed_on_edit, "Datum der Überprüfung"),
            self.reviewed_on_edit,
        )
        form.addRow(buddy("&Kommentar:", self.comment_edit, "Kommentar"), self.comment_edit)
        self.body.addLayout(form)
        self.fields.update(
            {
                "status": self.status_combo,
                "reviewed_on": self.reviewed_on_edit,
                "comment": self.comment_edit,
            }
        )
        self.status_combo.setFocus()

    def values(self) -> ReviewInput:
        """The review as entered."""
        return ReviewInput(
            status=STATUSES[max(0, self.status_combo.currentIndex())],
            reviewed_on=from_qdate(self.reviewed_on_edit.date()),
            comment=self.comment_edit.toPlainText(),
        )

    def current_problems(self) -> dict[str, str]:
        """Why the review cannot be stored."""
        return review_problems(self.values())

    @classmethod
    def ask(cls, parent: QWidget | None, goal: ActionGoalView) -> ReviewInput | None:
        """Show the dialog modally; the entered review, or None if cancelled."""
        dialog = cls(goal, parent)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()
