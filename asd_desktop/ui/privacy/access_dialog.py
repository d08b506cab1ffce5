"""Auskunft nach Art. 15 DSGVO: record a request, review every record, write the answer.

The review table proposes what goes into the answer; other people's data and entrusted
items are held back by default with their reason. Space ticks or unticks a line (the
first column), F2 edits the reason. The answer is a letter (PDF) and a JSON file, both
written as cleartext after the usual question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.models.errors import AsdError
from asd_desktop.services.access_request import (
    AccessAnswer,
    AccessDraft,
    AccessRequestService,
    AccessRequestView,
    Decision,
    write_answer,
)
from asd_desktop.ui.cleartext import CleartextConfirmation
from asd_desktop.ui.operations import Op
from asd_desktop.ui.rows_model import one_line
from asd_desktop.ui.widgets import DATE_FORMAT, buddy, from_qdate, german_date, to_qdate

INCLUDE, RECORD, CONTENT, REASON, NOTE = range(5)
HEADERS = ("Aufnehmen", "Eintrag", "Inhalt", "Grund, falls zurückgehalten", "Hinweis")
CATEGORY = {
    "person": "eigene Angaben",
    "family": "",
    "third": "Dritte",
    "entrusted": "anvertraut",
}


class FolderTarget:
    """Where the answer's two files go; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """A folder chosen by the caseworker, or None."""
        folder = QFileDialog.getExistingDirectory(parent, "Ordner für die Auskunft wählen")
        return Path(folder) if folder else None


def request_text(view: AccessRequestView) -> str:
    """One line per request in the chooser."""
    state = f"beantwortet am {german_date(view.answered_on)}" if view.answered_on else "offen"
    return (
        f"{view.person_name} – eingegangen {german_date(view.received_on)}, "
        f"Frist {german_date(view.due_on)} ({state})"
    )


class AccessRequestDialog(QDialog):
    """Requests of one case, and the review of the answer."""

    def __init__(
        self,
        service: AccessRequestService,
        case_id: str,
        persons: Sequence[tuple[str, str]],
        today: Callable[[], dt.date] = dt.date.today,
        user: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Auskunft nach Art. 15 DSGVO")
        self._service = service
        self._case_id = case_id
        self._today = today
        self.draft: AccessDraft | None = None
        self.answer: AccessAnswer | None = None
        self.operation: Op[list[Path]] | None = None

        self.person_combo = QComboBox()
        for person_id, name in persons:
            self.person_combo.addItem(name, person_id)
        self.received_edit = QDateEdit(to_qdate(today()))
        self.received_edit.setDisplayFormat(DATE_FORMAT)
        self.received_edit.setCalendarPopup(True)
        self.record_button = QPushButton("Ersuchen er&fassen")
        self.record_button.clicked.connect(self.record_request)
        self.request_combo = QComboBox()
        self.request_combo.setAccessibleName("Auskunftsersuchen")
        self.prepare_button = QPushButton("&Vorbereiten")
        self.prepare_button.clicked.connect(self.prepare)
        top = QFormLayout()
        new_row = QHBoxLayout()
        new_row.addWidget(self.person_combo, 1)
        new_row.addWidget(QLabel("eingegangen am"))
        new_row.addWidget(self.received_edit)
        new_row.addWidget(self.record_button)
        top.addRow(buddy("&Person:", self.person_combo, "Person"), new_row)
        chooser = QHBoxLayout()
        chooser.addWidget(self.request_combo, 1)
        chooser.addWidget(self.prepare_button)
        top.addRow(buddy("E&rsuchen:", self.request_combo, "Auskunftsersuchen"), chooser)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Prüfung: was in die Auskunft kommt")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.by_edit = QLineEdit(user)
        self.answer_button = QPushButton("Auskunft &erstellen …")
        self.answer_button.clicked.connect(self.write)
        self.answer_button.setEnabled(False)
        close = QPushButton("&Schließen")
        close.clicked.connect(self.reject)
        for button in (self.record_button, self.prepare_button, self.answer_button, close):
            button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(buddy("Erteilt &von:", self.by_edit, "Erteilt von"))
        bottom.addWidget(self.by_edit)
        bottom.addStretch(1)
        bottom.addWidget(self.answer_button)
        bottom.addWidget(close)
        hint = QLabel(
            "Leertaste: Eintrag aufnehmen oder zurückhalten. F2: Grund bearbeiten. "
            "Angaben über Dritte und anvertraute Einträge sind vorab zurückgehalten."
        )
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)
        self.resize(1200, 680)
        self.table.itemChanged.connect(lambda _item: self._count())
        self._reload_requests()

    def _reload_requests(self, select_id: str | None = None) -> None:
        self.request_combo.clear()
        requests = self._service.requests(self._case_id)
        for view in requests:
            self.request_combo.addItem(request_text(view), view.id)
        index = next((i for i, r in enumerate(requests) if r.id == select_id), 0)
        self.request_combo.setCurrentIndex(index if requests else -1)
        self.prepare_button.setEnabled(bool(requests))

    def record_request(self) -> None:
        """A request arrived today (or on the date entered)."""
        person_id = self.person_combo.currentData()
        if not person_id:
            return
        try:
            view = self._service.record(person_id, from_qdate(self.received_edit.date()))
        except AsdError as exc:
            QMessageBox.warning(self, "Nicht erfasst", exc.message)
            return
        self._reload_requests(view.id)
        self.summary.setText(
            f"Ersuchen erfasst. Frist: {german_date(view.due_on)} (steht unter Termine und "
            "Fristen)."
        )

    def prepare(self) -> None:
        """Fill the review table with every record and its proposal."""
        request_id = self.request_combo.currentData()
        if not request_id:
            return
        try:
            self.draft = self._service.prepare(request_id)
        except AsdError as exc:
            QMessageBox.warning(self, "Nicht vorbereitet", exc.message)
            return
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.draft.items))
        for row, item in enumerate(self.draft.items):
            check = QTableWidgetItem()
            check.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            check.setCheckState(Qt.CheckState.Checked if item.include else Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, item.key)
            self.table.setItem(row, INCLUDE, check)
            content = "; ".join(f"{k}: {v}" for k, v in item.fields)
            for column, value in (
                (RECORD, item.label),
                (CONTENT, one_line(content)),
                (NOTE, " – ".join(x for x in (CATEGORY[item.category], item.note) if x)),
            ):
                cell = QTableWidgetItem(value)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                cell.setToolTip(content if column == CONTENT else value)
                self.table.setItem(row, column, cell)
            self.table.setItem(row, REASON, QTableWidgetItem(item.reason))
        self.table.blockSignals(False)
        self.table.setColumnWidth(INCLUDE, 90)
        self.table.setColumnWidth(RECORD, 220)
        self.table.setColumnWidth(CONTENT, 440)
        self.table.setColumnWidth(REASON, 280)
        self.answer_button.setEnabled(self.draft.request.answered_on is None)
        self._count()
        self.table.setFocus()
        if self.table.rowCount():
            self.table.setCurrentCell(0, INCLUDE)

    def decisions(self) -> list[Decision]:
        """What the table says now, line by line."""
        result = []
        for row in range(self.table.rowCount()):
            check = self.table.item(row, INCLUDE)
            reason = self.table.item(row, REASON)
            if check is None:
                continue
            result.append(
                Decision(
                    key=str(check.data(Qt.ItemDataRole.UserRole)),
                    include=check.checkState() == Qt.CheckState.Checked,
                    reason=reason.text() if reason is not None else "",
                )
            )
        return result

    def _count(self) -> None:
        decisions = self.decisions()
        held = [d for d in decisions if not d.include]
        given = len(decisions) - len(held)
        self.summary.setText(
            f"{given} {'Eintrag kommt' if given == 1 else 'Einträge kommen'} in die Auskunft, "
            f"{len(held)} {'wird' if len(held) == 1 else 'werden'} zurückgehalten (mit Grund)."
            + (
                f" Bei {sum(1 for d in held if not d.reason.strip())} fehlt der Grund."
                if any(not d.reason.strip() for d in held)
                else ""
            )
        )

    def write(self) -> None:
        """Make the letter and the JSON file and save both, after the cleartext question."""
        if self.draft is None:
            return
        folder = FolderTarget.ask(self)
        if folder is None:
            return
        if not CleartextConfirmation.ask(
            self, "Die Auskunft (Brief als PDF und JSON-Datei)", folder
        ):
            return
        request_id = self.draft.request.id
        decisions = self.decisions()
        by = self.by_edit.text()
        today = self._today()

        def run(_token: object) -> list[Path]:
            self.answer = self._service.answer(request_id, decisions, by, today)
            return write_answer(self.answer, folder)

        def done(paths: list[Path]) -> None:
            self.summary.setText(
                "Auskunft erstellt und gespeichert: "
                + ", ".join(p.name for p in paths)
                + ". Der Brief liegt auch unter Dokumente."
            )
            self.answer_button.setEnabled(False)
            self._reload_requests(request_id)

        self.operation = (
            Op(self, run, title="Auskunft nicht erstellt")
            .success(done)
            .with_progress("Die Auskunft wird erstellt …")
            .run()
        )
