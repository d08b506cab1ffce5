"""The case's "Aufträge/Auflagen" tab, the Gefährdungseinschätzung, and the overdue list.

Aufträge are given in the Graubereich (and Gefährdungsbereich), Auflagen only in the
Gefährdungsbereich: the button for an Auflage is disabled elsewhere with the reason
as tooltip, and the service's refusal is shown if it is reached anyway.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import Area, MandateKind, MandateStatus, Role
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.cases import CaseDetail
from asd_desktop.services.documents import DocumentService, DocumentView
from asd_desktop.services.instruments import (
    DeadlineRow,
    InstrumentService,
    MandateView,
    area_refusal,
)
from asd_desktop.ui.dialogs.assessment_dialog import AssessmentDialog
from asd_desktop.ui.dialogs.mandate_dialog import EvidenceDialog, MandateDialog, OutcomeDialog
from asd_desktop.ui.operations import Op
from asd_desktop.ui.pdf_preview import render_then_preview
from asd_desktop.ui.print_language import ask_language
from asd_desktop.ui.rows_model import DISPLAY, RowsModel, one_line
from asd_desktop.ui.table_layout import fit_columns, read_only_table
from asd_desktop.ui.widgets import german_date

OVERDUE_RED = "#b00020"
OVERDUE = "(überfällig)"


def _due_text(due_on: dt.date, overdue: bool) -> str:
    return f"{german_date(due_on)} {OVERDUE}" if overdue else german_date(due_on)


class MandateTableModel(RowsModel[MandateView]):
    """The case's Aufträge and Auflagen; an overdue deadline in red with "(überfällig)"."""

    KIND, WHAT, DUE, STATUS, EVIDENCE = range(5)
    HEADERS = ("Art", "Was", "Frist", "Status", "Belege")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()

    @override
    def cell(self, value: MandateView, row: int, column: int, role: int) -> object:
        overdue = value.overdue(self.today)
        if role == DISPLAY:
            status = value.status.label
            if value.outcome_on is not None:
                status = f"{status} ({german_date(value.outcome_on)})"
            return {
                self.KIND: value.kind.label,
                self.WHAT: one_line(value.requirement),
                self.DUE: _due_text(value.due_on, overdue),
                self.STATUS: status,
                self.EVIDENCE: str(len(value.evidence)) if value.evidence else "–",
            }.get(column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DUE and overdue:
            return QBrush(QColor(OVERDUE_RED))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHAT:
            return value.requirement
        return None


class MandatesTab(QWidget):
    """Aufträge and Auflagen of the open case with their follow-up.

    Signals:
        mandates_changed(str): the case id, after a mandate, evidence, outcome or letter.
        area_changed(str): the case id, after a Gefährdungseinschätzung placed the case.
        saved(str): what was stored, for the status bar.
    """

    mandates_changed = Signal(str)
    area_changed = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        instruments: InstrumentService,
        documents: DocumentService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._instruments = instruments
        self._documents = documents
        self._detail: CaseDetail | None = None
        #: The letter being rendered off the GUI thread, if any.
        self.print_operation: Op[DocumentView] | None = None

        self.model = MandateTableModel(self)
        self.table = read_only_table(self.model, "Aufträge und Auflagen des Falls", QTableView())
        fit_columns(
            self.table,
            MandateTableModel.WHAT,
            {MandateTableModel.STATUS: 160, MandateTableModel.EVIDENCE: 160},
        )
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(self._on_activated)

        self.assessment_label = QLabel()
        self.assessment_label.setWordWrap(True)
        self.assessment_label.setAccessibleName("Letzte Gefährdungseinschätzung")
        self.empty_label = QLabel(
            "Noch keine Aufträge oder Auflagen. Aufträge werden im Graubereich erteilt, "
            "Auflagen im Gefährdungsbereich."
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName("Hinweis: keine Aufträge oder Auflagen")
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName("Einzelheiten")
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.auftrag_button = self._button(
            "Auftrag &erteilen…", "Auftrag erteilen", self.give_auftrag
        )
        self.auflage_button = self._button(
            "Auflage er&teilen…", "Auflage erteilen", self.give_auflage
        )
        self.edit_button = self._button(
            "Bearbe&iten…", "Auftrag oder Auflage korrigieren", self.edit_mandate
        )
        self.evidence_button = self._button(
            "Bele&g erfassen…", "Beleg erfassen", self.record_evidence
        )
        self.outcome_button = self._button(
            "Erfüllt / &nicht erfüllt…", "Erfüllt oder nicht erfüllt", self.record_outcome
        )
        self.letter_button = self._button(
            "Schreiben dr&ucken…", "Schreiben an die Sorgeberechtigten drucken", self.print_letter
        )
        self.assess_button = self._button(
            "Gefährdungsein&schätzung…", "Gefährdungseinschätzung", self.assess
        )
        if documents is None:
            self.letter_button.hide()

        top = QHBoxLayout()
        top.addWidget(self.auftrag_button)
        top.addWidget(self.auflage_button)
        top.addStretch(1)
        top.addWidget(self.assess_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.evidence_button)
        bottom.addWidget(self.outcome_button)
        bottom.addWidget(self.letter_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.assessment_label)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_label)
        layout.addLayout(bottom)
        self.setFocusProxy(self.table)
        self._update_state()

    @staticmethod
    def _button(text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    # what is shown

    def show_case(self, detail: CaseDetail) -> None:
        """Show the Aufträge and Auflagen of ``detail``'s case."""
        self._detail = detail
        self.reload()

    def clear(self) -> None:
        """Show nothing."""
        self._detail = None
        self.model.set_rows([])
        self.assessment_label.clear()
        self._update_state()

    def reload(self, select_id: str | None = None) -> None:
        """Read the list again; keeps (or moves to) the selected row."""
        detail = self._detail
        if detail is None:
            self.clear()
            return
        keep = select_id or (m.id if (m := self.selected_mandate()) else None)
        try:
            rows = self._instruments.list_for_case(detail.id)
            assessments = self._instruments.assessments(detail.id)
        except AsdError as exc:
            QMessageBox.warning(self, "Aufträge nicht geladen", exc.message)
            rows, assessments = [], []
        self.model.today = dt.date.today()
        self.model.set_rows(rows)
        ids = [r.id for r in rows]
        if rows:
            row = ids.index(keep) if keep in ids else 0
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        if assessments:
            a = assessments[0]
            self.assessment_label.setText(
                f"Letzte Gefährdungseinschätzung am {german_date(a.assessed_on)}: "
                f"{a.result.label} – eingeordnet in den {a.area.label}. {one_line(a.decision)}"
            )
        else:
            self.assessment_label.setText("Noch keine Gefährdungseinschätzung.")
        self._update_state()

    def selected_mandate(self) -> MandateView | None:
        """The Auftrag or Auflage of the selected row."""
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.model.row_value(rows[0].row()) if rows else None

    def _area(self) -> Area | None:
        return self._detail.area if self._detail else None

    def _update_state(self) -> None:
        has_case = self._detail is not None
        has_rows = self.model.rowCount() > 0
        self.empty_label.setVisible(has_case and not has_rows)
        area = self._area()
        refusal = area_refusal(MandateKind.REQUIREMENT, area)
        self.auflage_button.setEnabled(has_case and refusal is None)
        self.auflage_button.setToolTip(refusal or "")
        auftrag_refusal = area_refusal(MandateKind.CHECK, area)
        self.auftrag_button.setEnabled(has_case and auftrag_refusal is None)
        self.auftrag_button.setToolTip(auftrag_refusal or "")
        self.assess_button.setEnabled(has_case)
        chosen = self.selected_mandate()
        for button in (
            self.edit_button,
            self.evidence_button,
            self.outcome_button,
            self.letter_button,
        ):
            button.setEnabled(chosen is not None)
        self.detail_label.setText(self._details(chosen) if chosen else "")
        self.detail_label.setVisible(chosen is not None)

    @staticmethod
    def _details(m: MandateView) -> str:
        lines = [f"{m.kind.label}, erteilt am {german_date(m.issued_on)}: {m.requirement}"]
        if m.evidence_required:
            lines.append(f"Belege: {m.evidence_required}")
        if m.risk:
            lines.append(f"Gefahr: {m.risk}")
        if m.how_checked:
            lines.append(f"Überprüfung: {m.how_checked}")
        if m.consequence:
            lines.append(f"Folge: {m.consequence}")
        for e in m.evidence:
            lines.append(f"Eingegangen am {german_date(e.received_on)}: {e.what}")
        if m.status is not MandateStatus.OPEN:
            lines.append(f"{m.status.label} am {german_date(m.outcome_on)}. {m.outcome_note}")
            if m.consequence_taken:
                lines.append(f"Konsequenz: {m.consequence_taken}")
        return "\n".join(one_line(line) for line in lines)

    def _on_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self._update_state()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid() and self.evidence_button.isEnabled():
            self.record_evidence()

    # actions

    def _warn(self, exc: AsdError) -> None:
        text = "\n".join(exc.problems.values()) if isinstance(exc, ValidationError) else exc.message
        QMessageBox.warning(self, "Nicht gespeichert", text)

    def give_auftrag(self) -> None:
        """Ask for an Auftrag (Überprüfung or Abwenden) and record it."""
        self._give(MandateKind.CHECK)

    def give_auflage(self) -> None:
        """Ask for an Auflage and record it (refused outside the Gefährdungsbereich)."""
        self._give(MandateKind.REQUIREMENT)

    def _give(self, kind: MandateKind) -> None:
        detail = self._detail
        if detail is None:
            return
        try:
            custody = self._instruments.custody_names(detail.id)
        except AsdError:
            custody = ""
        value = MandateDialog.ask(self, kind, self._area(), custody)
        if value is None:
            return
        try:
            view = self._instruments.issue(detail.id, value)
        except AsdError as exc:
            self._warn(exc)
            return
        self.reload(view.id)
        self.mandates_changed.emit(detail.id)
        self.saved.emit(f"{view.kind.label} gespeichert (Frist {german_date(view.due_on)})")

    def edit_mandate(self) -> None:
        """Correct the selected Auftrag or Auflage (its kind stays)."""
        chosen = self.selected_mandate()
        detail = self._detail
        if chosen is None or detail is None:
            return
        value = MandateDialog.ask(self, chosen.kind, self._area(), chosen.addressed_to, chosen)
        if value is None:
            return
        try:
            self._instruments.update(chosen.id, value)
        except AsdError as exc:
            self._warn(exc)
            return
        self.reload(chosen.id)
        self.mandates_changed.emit(detail.id)
        self.saved.emit(f"{chosen.kind.label} korrigiert")

    def record_evidence(self) -> None:
        """Record evidence received for the selected Auftrag or Auflage."""
        chosen = self.selected_mandate()
        if chosen is None or self._detail is None:
            return
        value = EvidenceDialog.ask(self, chosen)
        if value is None:
            return
        try:
            self._instruments.record_evidence(chosen.id, value)
        except AsdError as exc:
            self._warn(exc)
            return
        self.reload(chosen.id)
        self.mandates_changed.emit(self._detail.id)
        self.saved.emit(f"Beleg gespeichert ({chosen.kind.label})")

    def record_outcome(self) -> None:
        """Mark the selected Auftrag or Auflage fulfilled or not."""
        chosen = self.selected_mandate()
        if chosen is None or self._detail is None:
            return
        value = OutcomeDialog.ask(self, chosen)
        if value is None:
            return
        try:
            self._instruments.record_outcome(chosen.id, value)
        except AsdError as exc:
            self._warn(exc)
            return
        self.reload(chosen.id)
        self.mandates_changed.emit(self._detail.id)
        self.saved.emit(f"Ergebnis gespeichert ({chosen.kind.label})")

    def print_letter(self) -> None:
        """Print the letter to the persons with custody and show it."""
        chosen = self.selected_mandate()
        documents = self._documents
        if chosen is None or documents is None or self._detail is None:
            return
        case_id, mandate_id = self._detail.id, chosen.id
        # The family's language, if someone in the family speaks one we have (issue 18).
        family = [p.languages for p in self._detail.persons if Role.PROFESSIONAL not in p.roles]
        language = ask_language(self, family)
        if language is None:
            return
        self.print_operation = render_then_preview(
            self,
            documents,
            lambda: documents.print_mandate_letter(mandate_id, language=language),
            rendered=lambda _document: self.mandates_changed.emit(case_id),
            failure=lambda exc: QMessageBox.warning(self, "Schreiben nicht gedruckt", exc.message),
        )

    def assess(self) -> None:
        """Record a Gefährdungseinschätzung; its decision places the case in an area."""
        detail = self._detail
        if detail is None:
            return
        value = AssessmentDialog.ask(self, detail.caseworker, detail.area)
        if value is None:
            return
        try:
            self._instruments.assess(detail.id, value)
        except AsdError as exc:
            self._warn(exc)
            return
        self.area_changed.emit(detail.id)
        placed = f" ({value.area.label})" if value.area is not None else ""
        self.saved.emit(f"Gefährdungseinschätzung gespeichert{placed}")


class DeadlineTableModel(RowsModel[DeadlineRow]):
    """Open Aufträge and Auflagen across all cases."""

    DUE, FILE_NUMBER, FAMILY, KIND, WHAT = range(5)
    HEADERS = ("Frist", "Aktenzeichen", "Familie", "Art", "Was")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()

    @override
    def cell(self, value: DeadlineRow, row: int, column: int, role: int) -> object:
        overdue = value.due_on < self.today
        if role == DISPLAY:
            return (
                _due_text(value.due_on, overdue),
                value.file_number,
                value.family_name,
                value.kind.label,
                one_line(value.requirement),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and overdue:
            return QBrush(QColor(OVERDUE_RED))
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return value.requirement
        return None


class OverdueDialog(QDialog):
    """Overdue (and, below them, soon due) Aufträge and Auflagen; Enter opens the case."""

    def __init__(self, instruments: InstrumentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Überfällige Fristen")
        today = dt.date.today()
        overdue = instruments.overdue(today)
        upcoming = instruments.upcoming(today)
        self.chosen_case_id: str | None = None
        intro = QLabel(
            f"{len(overdue)} überfällig, {len(upcoming)} in den nächsten 14 Tagen fällig. "
            "Mit der Eingabetaste wird der Fall geöffnet."
        )
        intro.setWordWrap(True)
        intro.setAccessibleName("Übersicht der Fristen")
        self.model = DeadlineTableModel(self)
        self.model.set_rows([*overdue, *upcoming])
        self.table = read_only_table(self.model, "Fristen aller Fälle", QTableView())
        fit_columns(self.table, DeadlineTableModel.WHAT, {DeadlineTableModel.FAMILY: 160})
        self.table.activated.connect(self._open)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton("Fall ö&ffnen", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setAccessibleName("Fall öffnen")
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        close = buttons.addButton("S&chließen", QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName("Schließen")
        close.clicked.connect(self.reject)
        self.open_button.setEnabled(self.model.rowCount() > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.chosen_case_id = self.model.row_value(index.row()).case_id
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, instruments: InstrumentService) -> str | None:
        """Show the list modally; the id of the case to open, or None."""
        dialog = cls(instruments, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted.value:
                return dialog.chosen_case_id
            return None
        finally:
            dialog.deleteLater()
