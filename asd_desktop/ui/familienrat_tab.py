"""The case's "Familienrat" tab: the history of its councils and the phase of the chosen one.

From here a Familienrat is begun, its current phase continued in that phase's
wizard, and its hours recorded. The documents (invitations, plan, protocols,
review) are printed from the Entscheidung and Folge-Rat wizards and kept in the
case's "Dokumente" tab.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import CouncilPhase, Invitation
from asd_desktop.models.errors import AsdError
from asd_desktop.services.cases import CaseDetail
from asd_desktop.services.documents import DocumentService
from asd_desktop.services.familienrat import (
    PHASE_GUIDANCE,
    PHASE_ORDER,
    USUAL_HOURS,
    CouncilSummary,
    CouncilView,
    FamilienratService,
)
from asd_desktop.ui.familienrat.common import PhaseWizard
from asd_desktop.ui.familienrat.decision_wizard import DecisionWizard
from asd_desktop.ui.familienrat.family_phase_wizard import FamilyPhaseWizard
from asd_desktop.ui.familienrat.follow_up_wizard import FollowUpWizard
from asd_desktop.ui.familienrat.hours_dialog import HoursDialog, hours_text
from asd_desktop.ui.familienrat.information_wizard import InformationWizard
from asd_desktop.ui.familienrat.preparation_wizard import PreparationWizard
from asd_desktop.ui.rows_model import DISPLAY, RowsModel
from asd_desktop.ui.table_layout import fit_columns, read_only_table
from asd_desktop.ui.widgets import german_date, german_datetime

#: The five phases shown in the strip (closed is shown as all of them ticked).
STRIP_PHASES = PHASE_ORDER[:-1]
DONE_MARK = "✓"
CURRENT_STYLE = (
    "QLabel { background-color: #1565c0; color: #ffffff; font-weight: bold;"
    " border: 1px solid #0d47a1; border-radius: 4px; padding: 4px 8px; }"
)
DONE_STYLE = (
    "QLabel { background-color: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;"
    " border-radius: 4px; padding: 4px 8px; }"
)
LATER_STYLE = (
    "QLabel { background-color: #f5f5f5; color: #424242; border: 1px solid #d0d0d0;"
    " border-radius: 4px; padding: 4px 8px; }"
)
DOCUMENTS_TEXT = (
    "Die Einladungen werden in der Vorbereitung erstellt (Seite „Ort und Zeit“), der Plan "
    "mit allen Vereinbarungen und die Protokolle für jede teilnehmende Person in der "
    "Entscheidung, die Zusammenfassung der Überprüfung im Folge-Rat. Alle stehen im "
    "Reiter „Dokumente“ des Falls."
)


def phase_wizard_class(phase: CouncilPhase) -> type[PhaseWizard] | None:
    """The wizard that continues ``phase``; None when there is none (closed)."""
    wizards: dict[CouncilPhase, type[PhaseWizard]] = {
        CouncilPhase.PREPARATION: PreparationWizard,
        CouncilPhase.INFORMATION: InformationWizard,
        CouncilPhase.FAMILY_PHASE: FamilyPhaseWizard,
        CouncilPhase.DECISION: DecisionWizard,
        CouncilPhase.FOLLOW_UP: FollowUpWizard,
    }
    return wizards.get(phase)


def is_running(phase: CouncilPhase) -> bool:
    """True while a council has not reached its review (a new one would run alongside)."""
    return PHASE_ORDER.index(phase) < PHASE_ORDER.index(CouncilPhase.FOLLOW_UP)


class CouncilHistoryModel(RowsModel[CouncilSummary]):
    """The case's Familienräte, newest first; a Folge-Rat names the council it follows."""

    NUMBER, KIND, PHASE, MEETING, REVIEW = range(5)
    HEADERS = ("Nr.", "Art", "Phase", "Termin", "Überprüfung")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._numbers: dict[str, int] = {}

    def set_councils(self, rows: list[CouncilSummary]) -> None:
        """Show ``rows`` (newest first); numbers count from the oldest."""
        self._numbers = {c.id: len(rows) - n for n, c in enumerate(rows)}
        self.set_rows(rows)

    def number(self, council_id: str) -> int:
        """The council's number in the case (1 = the first)."""
        return self._numbers.get(council_id, 0)

    def kind_text(self, value: CouncilSummary) -> str:
        """The council's kind: Familienrat, or Folge-Rat with the number it follows."""
        if value.origin_id is None:
            return "Familienrat"
        origin = self.number(value.origin_id)
        return f"Folge-Rat zu Nr. {origin}" if origin else "Folge-Rat"

    @override
    def texts(self, value: CouncilSummary) -> tuple[str, ...]:
        return (
            str(self.number(value.id)),
            self.kind_text(value),
            value.phase.label,
            german_datetime(value.meeting_at),
            german_date(value.review_on),
        )

    @override
    def cell(self, value: CouncilSummary, row: int, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DISPLAY or role == Qt.ItemDataRole.ToolTipRole:
            return super().cell(value, row, column, role)
        return None


def strip_name(phase: CouncilPhase) -> str:
    """The phase's short name in the strip ("Folge-Rat" for the review phase)."""
    return "Folge-Rat" if phase is CouncilPhase.FOLLOW_UP else phase.label


class PhaseStrip(QWidget):
    """The five phases in a row: done ones ticked, the current one highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[CouncilPhase, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for phase in STRIP_PHASES:
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setToolTip(phase.label)
            # Wide enough for the bold, ticked text whatever the state (no cut letters).
            bold = QFont(label.font())
            bold.setBold(True)
            width = QFontMetrics(bold).horizontalAdvance(f"{DONE_MARK} {strip_name(phase)}")
            label.setMinimumWidth(width + 24)
            self.labels[phase] = label
            layout.addWidget(label)
        layout.addStretch(1)
        self.setAccessibleName("Phasen des Familienrats")
        self.set_phase(None)

    def set_phase(self, phase: CouncilPhase | None) -> None:
        """Show ``phase`` as current (None: nothing chosen; closed: all done)."""
        current = PHASE_ORDER.index(phase) if phase is not None else -1
        states: list[str] = []
        for n, (each, label) in enumerate(self.labels.items()):
            index = PHASE_ORDER.index(each)
            if phase is not None and index < current:
                label.setText(f"{DONE_MARK} {strip_name(each)}")
                label.setStyleSheet(DONE_STYLE)
                state = "erledigt"
            elif index == current:
                label.setText(f"▶ {strip_name(each)}")
                label.setStyleSheet(CURRENT_STYLE)
                state = "aktuell"
            else:
                label.setText(strip_name(each))
                label.setStyleSheet(LATER_STYLE)
                state = "noch nicht begonnen" if phase is not None else ""
            label.setAccessibleName(
                f"Phase {n + 1}: {each.label}" + (f", {state}" if state else "")
            )
            states.append(label.accessibleName())
        self.setAccessibleDescription("; ".join(states))

    def state_text(self, phase: CouncilPhase) -> str:
        """The shown text of ``phase`` (with its tick or marker)."""
        return self.labels[phase].text()


class FamilienratTab(QWidget):
    """Familienrat: the case's councils, the chosen one's phase, guidance and buttons.

    Signals:
        councils_changed(str): the case id, after a council was begun or changed.
        documents_requested(): the user wants the case's "Dokumente" tab.
        saved(str): what was stored, for the status bar.
    """

    councils_changed = Signal(str)
    documents_requested = Signal()
    saved = Signal(str)

    def __init__(
        self,
        service: FamilienratService,
        documents: DocumentService | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._documents = documents
        self._today = today
        self._detail: CaseDetail | None = None
        self._view: CouncilView | None = None
        self.wizard: PhaseWizard | None = None
        self.hours_dialog: HoursDialog | None = None

        self.model = CouncilHistoryModel(self)
        self.table = read_only_table(
            self.model, "Familienräte des Falls, neueste zuerst", QTableView()
        )
        fit_columns(self.table, CouncilHistoryModel.PHASE, key_min=150)
        # A case has few councils: a short list leaves the room to the chosen one.
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(150)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.activated.connect(lambda _index: self.continue_phase())

        self.begin_button = QPushButton("Familienrat be&ginnen…")
        self.begin_button.setAccessibleName("Familienrat beginnen")
        self.begin_button.clicked.connect(self.begin)
        self.continue_button = QPushButton("Phase fort&setzen…")
        self.continue_button.setAccessibleName("Phase fortsetzen")
        self.continue_button.clicked.connect(self.continue_phase)
        self.hours_button = QPushButton("Stunden erfasse&n…")
        self.hours_button.setAccessibleName("Stunden erfassen")
        self.hours_button.clicked.connect(self.record_hours)
        buttons = QHBoxLayout()
        buttons.addWidget(self.begin_button)
        buttons.addWidget(self.continue_button)
        buttons.addWidget(self.hours_button)
        buttons.addStretch(1)

        self.empty_label = QLabel(
            "Noch kein Familienrat. Mit „Familienrat beginnen…“ beginnt die Vorbereitung; "
            "jede Phase kann jederzeit unterbrochen und später fortgesetzt werden."
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)

        self.history_box = history = QGroupBox("Familienräte des Falls (neueste zuerst)")
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.table)

        self.title_label = QLabel()
        self.title_label.setAccessibleName("Gewählter Familienrat")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.strip = PhaseStrip()
        self.guidance_label = QLabel()
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.guidance_label.setStyleSheet(
            "QLabel { background-color: #eef4fb; color: #1a1a1a; border: 1px solid #9db7d5;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.guidance_label.setAccessibleName("Hinweis zur aktuellen Phase")

        self.facts: dict[str, QLabel] = {}
        facts = QFormLayout()
        for key, title in (
            ("moderator", "Koordination:"),
            ("meeting", "Termin und Ort:"),
            ("participants", "Teilnehmende:"),
            ("proposals", "Vorschläge / Vereinbarungen:"),
            ("review", "Überprüfung am:"),
            ("hours", "Stunden:"),
            ("outcome", "Ergebnis:"),
        ):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(title.rstrip(":"))
            self.facts[key] = label
            facts.addRow(title, label)

        self.documents_button = QPushButton("Zum Reiter „Doku&mente“")
        self.documents_button.setAccessibleName("Zum Reiter Dokumente")
        self.documents_button.clicked.connect(self.documents_requested)
        documents_label = QLabel(DOCUMENTS_TEXT)
        documents_label.setWordWrap(True)
        self.documents_box = QGroupBox("Dokumente")
        documents_layout = QHBoxLayout(self.documents_box)
        documents_layout.addWidget(documents_label, 1)
        documents_layout.addWidget(self.documents_button, 0, Qt.AlignmentFlag.AlignTop)

        self.detail_box = QGroupBox("Gewählter Familienrat")
        detail_layout = QVBoxLayout(self.detail_box)
        detail_layout.addWidget(self.title_label)
        detail_layout.addWidget(self.strip)
        detail_layout.addWidget(self.guidance_label)
        detail_layout.addLayout(facts)
        detail_layout.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(history)
        layout.addWidget(self.detail_box, 1)
        # Takes the room of the chosen council while there is none.
        self._filler = QWidget()
        layout.addWidget(self._filler, 1)
        layout.addWidget(self.documents_box)
        self.clear()

    # --- showing -----------------------------------------------------------------------

    def show_case(self, detail: CaseDetail, *, select_id: str | None = None) -> None:
        """Show the councils of ``detail``; keeps the chosen council on a reload."""
        keep = select_id or (
            self._view.id if self._view and self._detail and self._detail.id == detail.id else None
        )
        self._detail = detail
        try:
            councils = self._service.list_for_case(detail.id)
        except AsdError as exc:
            councils = []
            QMessageBox.warning(self, "Familienrat", exc.message)
        self.model.set_councils(councils)
        self.empty_label.setVisible(not councils)
        self.history_box.setVisible(bool(councils))
        row = next((n for n, c in enumerate(councils) if c.id == keep), 0)
        self._select(row if councils else -1)
        self._show_selected()

    def reload(self) -> None:
        """Read the shown case's councils again."""
        if self._detail is not None:
            self.show_case(self._detail)

    def clear(self) -> None:
        """Show nothing (no case open, or the window locks)."""
        self._detail = None
        self._view = None
        self.model.set_councils([])
        self.empty_label.setVisible(False)
        self._show_view(None)

    def select_council(self, council_id: str) -> bool:
        """Choose the council ``council_id`` in the history; False when it is not shown."""
        for row, council in enumerate(self.model.rows()):
            if council.id == council_id:
                self._select(row)
                self._show_selected()
                return True
        return False

    def selected_council(self) -> CouncilView | None:
        """Everything recorded for the chosen council, None when none is chosen."""
        return self._view

    def history_lines(self) -> list[tuple[str, ...]]:
        """The history as shown, one tuple of column texts per row."""
        return [self.model.texts(c) for c in self.model.rows()]

    def _select(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(-1, -1))
            return
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def _show_selected(self) -> None:
        index = self.table.currentIndex()
        view: CouncilView | None = None
        if index.isValid() and index.row() < self.model.rowCount():
            summary = self.model.row_value(index.row())
            try:
                view = self._service.get(summary.id)
            except AsdError as exc:
                QMessageBox.warning(self, "Familienrat", exc.message)
        self._show_view(view)

    def _show_view(self, view: CouncilView | None) -> None:
        self._view = view
        self.strip.set_phase(view.phase if view else None)
        self.detail_box.setVisible(view is not None)
        self._filler.setVisible(view is None)
        if view is None:
            self.title_label.clear()
            self.guidance_label.clear()
            for label in self.facts.values():
                label.clear()
            self._update_buttons()
            return
        number = self.model.number(view.id)
        kind = "Folge-Rat" if view.origin_id else "Familienrat"
        origin = f" zu Nr. {self.model.number(view.origin_id)}" if view.origin_id else ""
        self.title_label.setText(f"{kind} Nr. {number}{origin} – {view.phase.label}")
        guidance = PHASE_GUIDANCE[view.phase]
        self.guidance_label.setText(
            guidance if view.phase is CouncilPhase.CLOSED else f"{view.phase.label}: {guidance}"
        )
        self.guidance_label.setAccessibleDescription(guidance)
        self._show_facts(view)
        self._update_buttons()

    def _show_facts(self, view: CouncilView) -> None:
        prep = view.preparation
        moderator = ", ".join(
            p for p in (prep.moderator_name, prep.moderator_org, prep.moderator_languages) if p
        )
        when = german_datetime(prep.meeting_at)
        meeting = " · ".join(p for p in (f"{when} Uhr" if when else "", prep.place) if p)
        accepted = sum(p.invitation is Invitation.ACCEPTED for p in view.participants)
        attended = sum(p.attended for p in view.participants)
        people = f"{len(view.participants)} eingetragen, {accepted} zugesagt"
        if attended:
            people += f", {attended} anwesend"
        low, high = USUAL_HOURS
        hours = f"{hours_text(view.total_hours)} (üblich {low:.0f}–{high:.0f} Stunden)"
        if prep.financing is not None:
            hours += f" · {prep.financing.label}"
        outcome = view.outcome.label if view.outcome else ""
        if view.hze_kind:
            outcome += f" ({view.hze_kind})"
        texts = {
            "moderator": moderator or "noch nicht eingetragen",
            "meeting": meeting or "noch nicht festgelegt",
            "participants": people if view.participants else "noch niemand eingetragen",
            "proposals": f"{len(view.proposals)} / {len(view.agreements)}",
            "review": german_date(view.decision.review_on) or "noch nicht festgelegt",
            "hours": hours,
            "outcome": outcome or "–",
        }
        for key, text in texts.items():
            self.facts[key].setText(text)

    def _update_buttons(self) -> None:
        shown = self._detail is not None
        running = any(is_running(c.phase) for c in self.model.rows())
        self.begin_button.setEnabled(shown and not running)
        self.begin_button.setToolTip(
            "Ein Familienrat dieses Falls läuft noch; er wird mit „Phase fortsetzen…“ "
            "weitergeführt."
            if running
            else ""
        )
        view = self._view
        can_continue = view is not None and phase_wizard_class(view.phase) is not None
        self.continue_button.setEnabled(can_continue and self.wizard is None)
        self.continue_button.setText(
            f"{view.phase.label} fort&setzen…"
            if view is not None and can_continue
            else "Phase fort&setzen…"
        )
        self.hours_button.setEnabled(view is not None)

    # --- acting ------------------------------------------------------------------------

    def begin(self) -> PhaseWizard | None:
        """Begin a new Familienrat for the shown case and open its Vorbereitung."""
        detail = self._detail
        if detail is None or not self.begin_button.isEnabled():
            return None
        try:
            view = self._service.start(detail.id)
        except AsdError as exc:
            QMessageBox.warning(self, "Familienrat nicht begonnen", exc.message)
            return None
        self.show_case(detail, select_id=view.id)
        self.councils_changed.emit(detail.id)
        return self.continue_phase()

    def continue_phase(self) -> PhaseWizard | None:
        """Open the wizard of the chosen council's current phase."""
        view = self._view
        if view is None or self._detail is None:
            return None
        if self.wizard is not None:
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        wizard_class = phase_wizard_class(view.phase)
        if wizard_class is None:
            return None
        service, council_id, today = self._service, view.id, self._today
        try:
            wizard: PhaseWizard
            if wizard_class is PreparationWizard:
                wizard = PreparationWizard(
                    service,
                    council_id,
                    self,
                    case=self._detail,
                    documents=self._documents,
                    today=today,
                )
            elif wizard_class is DecisionWizard:
                # The Entscheidung and the Folge-Rat print documents.
                wizard = DecisionWizard(
                    service, council_id, self, documents=self._documents, today=today
                )
            elif wizard_class is FollowUpWizard:
                wizard = FollowUpWizard(
                    service, council_id, self, documents=self._documents, today=today
                )
            else:
                wizard = wizard_class(service, council_id, self, today=today)
        except AsdError as exc:
            QMessageBox.warning(self, "Familienrat", exc.message)
            return None
        self.wizard = wizard
        wizard.finished.connect(self._on_wizard_finished)
        wizard.open()
        self._update_buttons()
        return wizard

    def _on_wizard_finished(self, _result: int) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is None:
            return
        council_id = wizard.council_id
        wizard.deleteLater()
        detail = self._detail
        if detail is None:
            return
        self.show_case(detail, select_id=council_id)
        self.councils_changed.emit(detail.id)
        self.saved.emit("Familienrat gespeichert")
        self.continue_button.setFocus()

    def record_hours(self) -> HoursDialog | None:
        """Open the hours of the chosen council; the tab shows the new totals afterwards."""
        view = self._view
        if view is None:
            return None
        if self.hours_dialog is not None:
            self.hours_dialog.raise_()
            return self.hours_dialog
        dialog = HoursDialog(self._service, view.id, self, today=self._today)
        self.hours_dialog = dialog
        dialog.finished.connect(self._on_hours_finished)
        dialog.open()
        return dialog

    def _on_hours_finished(self, _result: int) -> None:
        dialog, self.hours_dialog = self.hours_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self._show_selected()
        if self._detail is not None:
            self.councils_changed.emit(self._detail.id)
        self.hours_button.setFocus()
