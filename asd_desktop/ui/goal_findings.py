"""The goal checker's findings on agreed goals, as the "Wille & Ziele" tab shows them.

The wizard's checker panel comments while a goal is written; here the stored goals are
checked again when the tab shows them, so a caseworker opening the case later sees which
goal is still vague, a measure, without a date and so on. The word lists comment at once;
the German model is loaded off the GUI thread and, once it is there, the goals are checked
again with the analysis (one goal per turn of the event loop, so the tab never waits).
Dismissing a finding stays in the wizard; here dismissed findings are only listed with the
caseworker's reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.goal_checker import Finding
from asd_desktop.language import (
    analyser_if_ready,
    analysis_pending,
    check_goal_live,
    check_goal_now,
    start_loading,
)
from asd_desktop.ui.goal_wizard.checker_panel import (
    DISMISSED_COLOUR,
    MODEL_POLL_LIMIT,
    MODEL_POLL_MS,
    dismissed_text,
    finding_text,
)

#: The count column's header and its tooltip.
HINTS_HEADER = "Hinweise"
HINTS_TOOLTIP = (
    "Offene Hinweise der Zielprüfung (ohne die mit Begründung verworfenen). "
    "Verworfen werden Hinweise in der Zielerarbeitung."
)
#: Shown in the count column when nothing is open.
NO_HINTS = "–"
#: Where a finding is dismissed or taken back: the wizard, not this tab (one short line).
WHERE_TO_DISMISS = "Hinweise verwerfen: in der Zielerarbeitung (Strg+G)"
#: The same, in full, for the tooltip and screen readers.
WHERE_TO_DISMISS_LONG = (
    "Hinweise werden in der Zielerarbeitung mit Begründung verworfen oder wieder "
    "aufgenommen („Zielerarbeitung starten…“, Strg+G, Seite „Handlungsziele“). "
    "Hier werden sie nur angezeigt."
)


@dataclass(frozen=True)
class GoalFindings:
    """What the checker says about one goal text, split by the caseworker's dismissals.

    Attributes:
        open: the findings not dismissed, in the checker's order.
        dismissed: each dismissed finding the checker still makes, once per code, with the
            caseworker's reason.
    """

    open: tuple[Finding, ...] = ()
    dismissed: tuple[tuple[Finding, str], ...] = ()

    @property
    def count(self) -> int:
        """How many findings are open (as the wizard's panel counts them)."""
        return len(self.open)

    def cell_text(self) -> str:
        """The count column's text: the number of open findings, or a dash."""
        return str(self.count) if self.open else NO_HINTS

    def tooltip(self) -> str:
        """The open findings' texts and the dismissed ones' reasons, for the count cell."""
        lines = [finding_text(f).replace("\n", " ") for f in self.open]
        lines += [dismissed_text(f, reason).replace("\n", " ") for f, reason in self.dismissed]
        return "\n\n".join(lines) if lines else "Keine Hinweise der Zielprüfung."


def split_findings(
    findings: Sequence[Finding], dismissed: Sequence[tuple[str, str]]
) -> GoalFindings:
    """``findings`` split into the open ones and those the caseworker dismissed (code, reason)."""
    reasons = dict(dismissed)
    shown: set[str] = set()
    gone: list[tuple[Finding, str]] = []
    for finding in findings:
        reason = reasons.get(finding.code)
        if reason is not None and finding.code not in shown:
            shown.add(finding.code)
            gone.append((finding, reason))
    return GoalFindings(
        open=tuple(f for f in findings if f.code not in reasons), dismissed=tuple(gone)
    )


def count_text(count: int) -> str:
    """German: how many open findings."""
    if count == 0:
        return "keine offenen Hinweise"
    return "1 offener Hinweis" if count == 1 else f"{count} offene Hinweise"


class FindingsCache(QObject):
    """Checks goal texts once each; checks them again with the German model when it is there.

    The first check uses the word lists (and the model, if loaded and quick); a text the
    model has not analysed yet starts loading the model in the background and is checked
    again, one text per event-loop turn, once it has loaded.

    Signals:
        updated(): some texts were checked again with the model; ask again.
    """

    updated = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        live: Callable[[str], list[Finding]] = check_goal_live,
        now: Callable[[str], list[Finding]] = check_goal_now,
    ) -> None:
        super().__init__(parent)
        self._live = live
        self._now = now
        self._found: dict[str, tuple[Finding, ...]] = {}
        self._pending: list[str] = []
        self._changed = False
        self._polls = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)

    def findings(self, text: str) -> tuple[Finding, ...]:
        """What the checker says about ``text`` now (never waits for the model)."""
        if not text.strip():
            return ()
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = tuple(self._live(text))
            if analysis_pending(text) and text not in self._pending:
                self._pending.append(text)
                self._wait_for_model()
        return found

    def goal(self, text: str, dismissed: Sequence[tuple[str, str]] = ()) -> GoalFindings:
        """The findings on ``text``, split by the dismissals (code, reason)."""
        return split_findings(self.findings(text), dismissed)

    def waiting(self) -> bool:
        """True while some texts wait for the model's analysis."""
        return bool(self._pending)

    def clear(self) -> None:
        """Forget every text (another case, or the window locks)."""
        self._timer.stop()
        self._found.clear()
        self._pending.clear()
        self._changed = False

    def _wait_for_model(self) -> None:
        # Loads once per process, in a worker thread; returns at once.
        start_loading()
        if not self._timer.isActive():
            self._polls = 0
            self._timer.start(MODEL_POLL_MS)

    def _tick(self) -> None:
        if not self._pending:
            return
        if analyser_if_ready() is None:
            self._polls += 1
            if self._polls < MODEL_POLL_LIMIT:
                self._timer.start(MODEL_POLL_MS)
            return
        text = self._pending.pop(0)
        found = tuple(self._now(text))
        if found != self._found.get(text):
            self._found[text] = found
            self._changed = True
        if self._pending:
            self._timer.start(0)
        elif self._changed:
            self._changed = False
            self.updated.emit()


class FindingsPanel(QGroupBox):
    """The open and dismissed findings of the chosen Handlungsziel and its Richtungsziel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Hinweise der Zielprüfung", parent)
        self.list = QListWidget()
        self.list.setAccessibleName("Hinweise der Zielprüfung zum gewählten Handlungsziel")
        self.list.setAccessibleDescription(WHERE_TO_DISMISS_LONG)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        # Long messages wrap to the panel's width instead of running off to the right.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setStyleSheet(
            "QListWidget::item { border-bottom: 1px solid #c8c8c8;"
            " padding-top: 2px; padding-bottom: 2px; }"
        )
        self.where_label = QLabel(WHERE_TO_DISMISS)
        self.where_label.setWordWrap(True)
        self.where_label.setEnabled(False)
        self.where_label.setToolTip(WHERE_TO_DISMISS_LONG)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.where_label)
        self.show_findings(())

    def show_findings(self, sections: Sequence[tuple[str, GoalFindings]]) -> None:
        """List each (heading, findings): the open ones, then the dismissed with reasons."""
        self.list.clear()
        for heading, found in sections:
            self._add_heading(f"{heading}: {count_text(found.count)}")
            for finding in found.open:
                item = QListWidgetItem(finding_text(finding))
                item.setToolTip(finding.message)
                self.list.addItem(item)
            for finding, reason in found.dismissed:
                item = QListWidgetItem(dismissed_text(finding, reason))
                item.setToolTip(finding.message)
                item.setForeground(DISMISSED_COLOUR)
                font = QFont(self.list.font())
                font.setItalic(True)
                item.setFont(font)
                self.list.addItem(item)
        if not sections:
            self._add_heading("Kein Handlungsziel gewählt.")

    def _add_heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(self.list.font())
        font.setBold(True)
        item.setFont(font)
        self.list.addItem(item)

    def messages(self) -> list[str]:
        """The texts the list shows, top to bottom."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [item.text() for item in items if item is not None]
