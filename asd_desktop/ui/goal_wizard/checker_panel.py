"""The goal checker's live comments beside a goal, and dismissing one with a reason.

The checker only comments: the family's words are never changed by the program.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.goal_checker import Finding
from asd_desktop.language import (
    analyser_if_ready,
    analysis_pending,
    check_goal_live,
    check_goal_now,
)
from asd_desktop.ui.widgets import FormDialog, buddy

#: How often the panel looks whether the German model has loaded, and how many times.
MODEL_POLL_MS = 200
MODEL_POLL_LIMIT = 300

#: Short German names of the checker's codes, shown before each message.
CODE_TITLES: dict[str, str] = {
    "measure": "Maßnahme statt Ziel",
    "vague": "Zu ungenau",
    "negative": "Verneinend formuliert",
    "no_date": "Ohne Zeitpunkt",
    "vague_date": "Zeitpunkt ungenau",
    "not_family_subject": "Nicht die Familie handelt",
    "office_voice": "Klingt nach dem Amt",
    "hard_to_read": "Schwer zu lesen",
}
DISMISSED_COLOUR = QColor("#6b6b6b")
UNDERLINE_COLOUR = QColor("#d35400")
FINDING_ROLE = Qt.ItemDataRole.UserRole


def finding_text(finding: Finding) -> str:
    """A finding as the panel lists it: its short name on a line, then the message."""
    title = CODE_TITLES.get(finding.code)
    return f"{title}:\n{finding.message}" if title else finding.message


def dismissed_text(finding: Finding, reason: str) -> str:
    """A dismissed finding as the panel lists it: its name, verworfen, the reason."""
    title = CODE_TITLES.get(finding.code, finding.code)
    return f"{title} – verworfen.\nBegründung: {reason}"


def underline_findings(edit: QPlainTextEdit, findings: Sequence[Finding]) -> None:
    """Mark the findings' words in ``edit`` with a wavy line; the text itself stays as typed."""
    selections: list[QTextEdit.ExtraSelection] = []
    length = len(edit.toPlainText())
    for finding in findings:
        if finding.span is None:
            continue
        start, end = finding.span
        if not 0 <= start < end <= length:
            continue
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(UNDERLINE_COLOUR)
        fmt.setToolTip(finding_text(finding))
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
    edit.setExtraSelections(selections)


class DismissFindingDialog(FormDialog):
    """Ask why a checker finding does not fit; the reason is stored with the goal."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__("Hinweis verwerfen", parent, min_width=480)
        message = QLabel(finding_text(finding))
        message.setWordWrap(True)
        message.setAccessibleName("Hinweis")
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMinimumHeight(80)
        self.reason_edit.setPlaceholderText(
            "z. B. „So hat Emre es gesagt, die Familie versteht es.“"
        )
        form = QFormLayout()
        form.addRow(message)
        form.addRow(buddy("&Begründung:", self.reason_edit, "Begründung"), self.reason_edit)
        self.body.addLayout(form)
        self.fields["reason"] = self.reason_edit
        self.save_button.setText("Hinweis &verwerfen")
        self.save_button.setAccessibleName("Hinweis verwerfen")
        self.reason_edit.setFocus()

    def values(self) -> str:
        """The reason as entered, trimmed."""
        return self.reason_edit.toPlainText().strip()

    def current_problems(self) -> dict[str, str]:
        """A dismissal needs a reason."""
        if not self.values():
            return {"reason": "Bitte kurz begründen, warum der Hinweis hier nicht passt."}
        return {}

    @classmethod
    def ask(cls, parent: QWidget | None, finding: Finding) -> str | None:
        """Show the dialog modally; the reason, or None if cancelled."""
        dialog = cls(finding, parent)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()


class CheckerPanel(QWidget):
    """The checker's findings for one goal text, updated as the text changes.

    Signals:
        dismissed_changed(): a finding was dismissed, or a dismissal taken back.
        rechecked(): the text was checked again with the German model, once it had loaded
            or, for a text with a long new word, once typing paused (until then the word
            lists alone comment).
    """

    dismissed_changed = Signal()
    rechecked = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        check: Callable[[str], list[Finding]] = check_goal_live,
        goal_name: str = "Handlungsziel",
        dismissable: bool = True,
    ) -> None:
        """Build the panel.

        Args:
            parent: the owning widget.
            check: the checker (tests may replace it).
            goal_name: names the checked field for screen readers.
            dismissable: False where nothing stores a dismissal: the panel only comments.
        """
        super().__init__(parent)
        self._check = check
        self._text = ""
        # Checked once more when the model (loading off the GUI thread) is there.
        self._model_wait = QTimer(self)
        self._model_wait.setSingleShot(True)
        self._model_wait.setInterval(MODEL_POLL_MS)
        self._model_wait.timeout.connect(self._recheck_with_model)
        self._model_polls = 0
        self._findings: list[Finding] = []
        self._dismissed: dict[str, str] = {}

        title = QLabel("Hinweise zum Ziel")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Ergebnis der Zielprüfung")
        self.list = QListWidget()
        self.list.setAccessibleName(f"Hinweise zum {goal_name}")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        # Long messages wrap to the panel's width instead of running off to the right.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A scroll bar that comes and goes would change the width the lines were wrapped for.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setStyleSheet(
            "QListWidget::item { border-bottom: 1px solid #c8c8c8;"
            " padding-top: 3px; padding-bottom: 3px; }"
        )
        self.list.currentRowChanged.connect(lambda _row: self._update_button())
        self.dismiss_button = QPushButton("Hinweis &verwerfen…")
        self.dismiss_button.setAccessibleName("Hinweis verwerfen")
        self.dismiss_button.clicked.connect(self._on_button)
        self.dismiss_button.setVisible(dismissable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.status_label)
        layout.addWidget(self.list, 1)
        # Takes the room while the list is hidden, so the words stay at the top.
        layout.addStretch(0)
        layout.addLayout(buttons)
        self._refresh()

    # --- input -------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Check ``text`` and list what the checker says about it."""
        self._text = text
        self._findings = self._check(text) if text.strip() else []
        self._refresh()
        if self._check is check_goal_live and analysis_pending(text):
            # restarted on every keystroke: runs when the model is there and typing pauses
            self._model_polls = 0
            self._model_wait.start()

    def _recheck_with_model(self) -> None:
        if analyser_if_ready() is None:
            self._model_polls += 1
            if self._model_polls < MODEL_POLL_LIMIT:
                self._model_wait.start()
            return
        self._findings = check_goal_now(self._text) if self._text.strip() else []
        self._refresh()
        self.rechecked.emit()

    def set_dismissed(self, dismissed: Sequence[tuple[str, str]]) -> None:
        """The findings (code, reason) the caseworker dismissed earlier."""
        self._dismissed = dict(dismissed)
        self._refresh()

    # --- output ------------------------------------------------------------------------

    def dismissed(self) -> tuple[tuple[str, str], ...]:
        """Every dismissed finding as (code, reason)."""
        return tuple(self._dismissed.items())

    def findings(self) -> list[Finding]:
        """Everything the checker found in the current text."""
        return list(self._findings)

    def active_findings(self) -> list[Finding]:
        """The findings not dismissed."""
        return [f for f in self._findings if f.code not in self._dismissed]

    def messages(self) -> list[str]:
        """The texts the panel lists, top to bottom."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [item.text() for item in items if item is not None]

    # --- acting ------------------------------------------------------------------------

    def dismiss(self, finding: Finding) -> bool:
        """Ask for a reason and dismiss ``finding``; False when the caseworker cancelled."""
        reason = DismissFindingDialog.ask(self, finding)
        if not reason:
            return False
        self._dismissed[finding.code] = reason
        self._refresh()
        self.dismissed_changed.emit()
        return True

    def restore(self, code: str) -> None:
        """Take a dismissal back: the finding is shown again."""
        if self._dismissed.pop(code, None) is not None:
            self._refresh()
            self.dismissed_changed.emit()

    def _selected(self) -> Finding | None:
        item = self.list.currentItem()
        if item is None:
            return None
        row = item.data(FINDING_ROLE)
        return self._findings[row] if isinstance(row, int) and row < len(self._findings) else None

    def _on_button(self) -> None:
        finding = self._selected()
        if finding is None:
            active = self.active_findings()
            if not active:
                return
            finding = active[0]
        if finding.code in self._dismissed:
            self.restore(finding.code)
        else:
            self.dismiss(finding)

    # --- showing -----------------------------------------------------------------------

    def _refresh(self) -> None:
        keep = self.list.currentRow()
        self.list.clear()
        active = self.active_findings()
        for row, finding in enumerate(self._findings):
            if finding.code in self._dismissed:
                continue
            item = QListWidgetItem(finding_text(finding))
            item.setData(FINDING_ROLE, row)
            item.setToolTip(finding.message)
            self.list.addItem(item)
        shown: set[str] = set()
        for row, finding in enumerate(self._findings):
            reason = self._dismissed.get(finding.code)
            if reason is None or finding.code in shown:
                continue
            shown.add(finding.code)
            item = QListWidgetItem(dismissed_text(finding, reason))
            item.setToolTip(finding.message)
            item.setData(FINDING_ROLE, row)
            item.setForeground(DISMISSED_COLOUR)
            font = QFont(self.list.font())
            font.setItalic(True)
            item.setFont(font)
            self.list.addItem(item)
        if not self._findings:
            self.status_label.setText("Keine Hinweise.")
        elif not active:
            self.status_label.setText("Alle Hinweise wurden mit Begründung verworfen.")
        else:
            count = len(active)
            self.status_label.setText("1 Hinweis:" if count == 1 else f"{count} Hinweise:")
        self.list.setVisible(bool(self._findings))
        if 0 <= keep < self.list.count():
            self.list.setCurrentRow(keep)
        self._update_button()

    def _update_button(self) -> None:
        finding = self._selected()
        if finding is not None and finding.code in self._dismissed:
            self.dismiss_button.setText("Verwerfen &rückgängig machen")
            self.dismiss_button.setAccessibleName("Verwerfen rückgängig machen")
            self.dismiss_button.setEnabled(True)
            return
        self.dismiss_button.setText("Hinweis &verwerfen…")
        self.dismiss_button.setAccessibleName("Hinweis verwerfen")
        self.dismiss_button.setEnabled(bool(self.active_findings()))
