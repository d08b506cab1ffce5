"""Zur Löschung fällig: the office's list of cases due for deletion, four eyes, legal hold.

One person proposes a deletion (Löschung vormerken), a second one confirms it with their
name and the case's Aktenzeichen typed in; only then is the case deleted everywhere. A
legal hold (Löschsperre) stops the clock with a reason. Everything works by keyboard:
the list has the focus, Alt plus the underlined letter starts each step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.models.errors import AsdError
from asd_desktop.services.retention import CaseRetention, DeletionReport, RetentionService
from asd_desktop.ui.operations import Op
from asd_desktop.ui.rows_model import RowsModel
from asd_desktop.ui.widgets import FormDialog, buddy, german_date

HELP_ID = "loeschung"


class DueCasesModel(RowsModel[CaseRetention]):
    """The cases due for deletion."""

    HEADERS = ("Aktenzeichen", "Familie", "Abgeschlossen", "Löschen ab", "Stand")

    @override
    def texts(self, value: CaseRetention) -> tuple[str, ...]:
        return (
            value.file_number,
            value.family_name,
            german_date(value.closed_on),
            german_date(value.unheld_due_on),
            state_text(value),
        )


def state_text(value: CaseRetention) -> str:
    """What the list says about a case's deletion."""
    if value.retention.held:
        return f"Löschsperre: {value.legal_hold_reason} ({value.legal_hold_by})"
    if value.requested_by:
        return f"vorgemerkt von {value.requested_by}, wartet auf die zweite Person"
    return "fällig"


class NameDialog(FormDialog):
    """Who proposes the deletion (the first person)."""

    def __init__(self, title: str, text: str, default: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        label = QLabel(text)
        label.setWordWrap(True)
        self.name_edit = QLineEdit(default)
        form = QFormLayout()
        form.addRow(label)
        form.addRow(buddy("Ihr &Name:", self.name_edit, "Ihr Name"), self.name_edit)
        self.body.addLayout(form)
        self.save_button.setText("&Vormerken")
        self.fields["name"] = self.name_edit
        self.name_edit.setFocus()

    @override
    def current_problems(self) -> dict[str, str]:
        return {} if self.name_edit.text().strip() else {"name": "Bitte Ihren Namen angeben."}

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, default: str) -> str | None:
        """The name entered, or None when cancelled."""
        dialog = cls(title, text, default, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted.value
        return dialog.name_edit.text().strip() if accepted else None


class ConfirmDeletionDialog(FormDialog):
    """The second person: their name and the Aktenzeichen typed in, then deleted for good."""

    def __init__(self, case: CaseRetention, parent: QWidget | None = None) -> None:
        super().__init__("Löschung bestätigen (zweite Person)", parent, min_width=560)
        self._case = case
        warning = QLabel(
            f"<b>{case.file_number} – Familie {case.family_name}</b><br>"
            f"Vorgemerkt von {case.requested_by}"
            + (f" am {case.requested_at:%d.%m.%Y}" if case.requested_at else "")
            + ".<br><br>Alle Daten dieses Falls werden endgültig gelöscht: Personen, Kontakte, "
            "Ziele, Familienrat, Dokumente, Suchindex, auch auf jedem Laptop, der den Fall hat "
            "(Löschauftrag im nächsten Austauschpaket). Das lässt sich nicht rückgängig "
            "machen. Das Protokoll behält nur einen Eintrag ohne Namen."
        )
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.RichText)
        self.name_edit = QLineEdit()
        self.file_number_edit = QLineEdit()
        self.file_number_edit.setPlaceholderText(case.file_number)
        form = QFormLayout()
        form.addRow(warning)
        form.addRow(
            buddy("&Name der zweiten Person:", self.name_edit, "Name der zweiten Person"),
            self.name_edit,
        )
        form.addRow(
            buddy(
                "&Aktenzeichen eintippen:",
                self.file_number_edit,
                "Aktenzeichen zur Bestätigung eintippen",
            ),
            self.file_number_edit,
        )
        self.body.addLayout(form)
        self.save_button.setText("Endgültig &löschen")
        self.save_button.setAccessibleName("Endgültig löschen")
        self.fields.update({"name": self.name_edit, "file_number": self.file_number_edit})
        self.name_edit.setFocus()

    @override
    def current_problems(self) -> dict[str, str]:
        problems = {}
        name = self.name_edit.text().strip()
        if not name:
            problems["name"] = "Bitte den Namen der zweiten Person angeben."
        elif name.casefold() == self._case.requested_by.strip().casefold():
            problems["name"] = (
                f"{self._case.requested_by} hat vorgemerkt; bestätigen muss eine andere Person."
            )
        if self.file_number_edit.text().strip() != self._case.file_number.strip():
            problems["file_number"] = "Bitte das Aktenzeichen genau wie angezeigt eintippen."
        return problems

    def values(self) -> tuple[str, str]:
        """The second person's name and the typed Aktenzeichen."""
        return self.name_edit.text().strip(), self.file_number_edit.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, case: CaseRetention) -> tuple[str, str] | None:
        """(name, Aktenzeichen) when confirmed, None when cancelled."""
        dialog = cls(case, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted.value
        return dialog.values() if accepted else None


class LegalHoldDialog(FormDialog):
    """A legal hold (Löschsperre): why, and who sets it."""

    def __init__(self, case: CaseRetention, default: str, parent: QWidget | None = None) -> None:
        super().__init__(f"Löschsperre für {case.file_number}", parent)
        hint = QLabel(
            "Eine Löschsperre hält die Löschfrist an, z. B. während eines Verfahrens vor dem "
            "Familiengericht oder einer Prüfung (§ 84 Abs. 3 SGB X). Der Grund wird gespeichert."
        )
        hint.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.by_edit = QLineEdit(default)
        form = QFormLayout()
        form.addRow(hint)
        form.addRow(buddy("&Grund:", self.reason_edit, "Grund der Löschsperre"), self.reason_edit)
        form.addRow(buddy("Gesetzt &von:", self.by_edit, "Gesetzt von"), self.by_edit)
        self.body.addLayout(form)
        self.fields.update({"reason": self.reason_edit, "by": self.by_edit})
        self.reason_edit.setFocus()

    @override
    def current_problems(self) -> dict[str, str]:
        problems = {}
        if not self.reason_edit.text().strip():
            problems["reason"] = "Bitte den Grund der Löschsperre angeben."
        if not self.by_edit.text().strip():
            problems["by"] = "Bitte angeben, wer die Sperre setzt."
        return problems

    @classmethod
    def ask(
        cls, parent: QWidget | None, case: CaseRetention, default: str
    ) -> tuple[str, str] | None:
        """(reason, by) or None when cancelled."""
        dialog = cls(case, default, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted.value:
            return None
        return dialog.reason_edit.text().strip(), dialog.by_edit.text().strip()


class DeletionListDialog(QDialog):
    """The office's list "Zur Löschung fällig" with the four-eyes deletion and legal holds.

    Signals: none; ``deleted`` is called with the case id after a deletion (the main
    window refreshes its case list).
    """

    def __init__(
        self,
        service: RetentionService,
        today: Callable[[], dt.date] = dt.date.today,
        user: str = "",
        deleted: Callable[[str], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Zur Löschung fällig")
        self.setAccessibleName("Zur Löschung fällig")
        self._service = service
        self._today = today
        self._user = user
        self._deleted = deleted
        self.operation: Op[DeletionReport] | None = None
        self.model = DueCasesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Fälle, die zur Löschung fällig sind")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.request_button = QPushButton("Löschung &vormerken …")
        self.confirm_button = QPushButton("Löschung &bestätigen …")
        self.withdraw_button = QPushButton("Vormerkung &zurücknehmen")
        self.hold_button = QPushButton("Lösch&sperre …")
        self.lift_button = QPushButton("Sperre &aufheben")
        self.close_button = QPushButton("&Schließen")
        for button in (
            self.request_button,
            self.confirm_button,
            self.withdraw_button,
            self.hold_button,
            self.lift_button,
            self.close_button,
        ):
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", "").rstrip(" …"))
        self.request_button.clicked.connect(self.request_deletion)
        self.confirm_button.clicked.connect(self.confirm_deletion)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.hold_button.clicked.connect(self.set_hold)
        self.lift_button.clicked.connect(self.lift_hold)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (
            self.request_button,
            self.confirm_button,
            self.withdraw_button,
            self.hold_button,
            self.lift_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        intro = QLabel(
            "Abgeschlossene Fälle, deren Aufbewahrungsfrist abgelaufen ist (§ 84 SGB X; Regeln "
            "unter Datei → Einstellungen). Eine Person merkt die Löschung vor, eine zweite "
            "bestätigt sie (Vier-Augen-Prinzip)."
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.info)
        layout.addLayout(buttons)
        self.resize(1100, 560)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.reload()
        self.table.setFocus()

    def reload(self, select_id: str | None = None) -> None:
        """Read the list again and keep the chosen case selected if it is still there."""
        rows = self._service.due_list(self._today())
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        index = next((i for i, r in enumerate(rows) if r.case_id == select_id), 0)
        if rows:
            self.table.selectRow(index)
        self._update()

    def current(self) -> CaseRetention | None:
        """The selected case."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_value(index.row())

    def _update(self) -> None:
        case = self.current()
        held = case is not None and case.retention.held
        requested = case is not None and bool(case.requested_by)
        self.request_button.setEnabled(case is not None and not held and not requested)
        self.confirm_button.setEnabled(case is not None and requested and not held)
        self.withdraw_button.setEnabled(requested)
        self.hold_button.setEnabled(case is not None and not held)
        self.lift_button.setEnabled(held)
        if not self.model.rowCount():
            self.info.setText("Zurzeit ist kein Fall zur Löschung fällig.")
        elif case is not None:
            self.info.setText(f"{case.file_number}: {case.retention.explanation}")

    def _run(self, call: Callable[[], object], select_id: str | None = None) -> bool:
        try:
            call()
        except AsdError as exc:
            QMessageBox.warning(self, "Nicht möglich", exc.message)
            return False
        self.reload(select_id)
        return True

    def request_deletion(self) -> None:
        """First person: propose the selected case's deletion."""
        case = self.current()
        if case is None:
            return
        name = NameDialog.ask(
            self,
            "Löschung vormerken",
            f"{case.file_number} – Familie {case.family_name} zur Löschung vormerken. Eine "
            "zweite Person muss die Löschung danach bestätigen.",
            self._user,
        )
        if name is not None:
            today = self._today()
            self._run(
                lambda: self._service.request_deletion(case.case_id, name, today), case.case_id
            )

    def withdraw(self) -> None:
        """Take the proposal back."""
        case = self.current()
        if case is not None:
            self._run(
                lambda: self._service.withdraw_request(case.case_id, self._user), case.case_id
            )

    def confirm_deletion(self) -> None:
        """Second person: delete for good (off the GUI thread: compaction takes a while)."""
        case = self.current()
        if case is None:
            return
        answer = ConfirmDeletionDialog.ask(self, case)
        if answer is None:
            return
        name, typed = answer
        today = self._today()

        def done(report: DeletionReport) -> None:
            self.reload()
            orders = (
                f" Löschaufträge für {report.purge_orders} Laptop(s) gehen mit dem nächsten "
                "Austauschpaket hinaus."
                if report.purge_orders
                else ""
            )
            self.info.setText(
                f"{case.file_number} wurde gelöscht ({report.rows} Datensätze).{orders}"
            )
            if self._deleted is not None:
                self._deleted(case.case_id)

        self.operation = (
            Op(
                self,
                lambda _token: self._service.confirm_deletion(case.case_id, name, typed, today),
                title="Nicht gelöscht",
            )
            .success(done)
            .with_progress("Der Fall wird gelöscht und die Datei verdichtet …")
            .run()
        )

    def set_hold(self) -> None:
        """Stop the clock with a reason."""
        case = self.current()
        if case is None:
            return
        answer = LegalHoldDialog.ask(self, case, self._user)
        if answer is not None:
            reason, by = answer
            today = self._today()
            self._run(
                lambda: self._service.set_legal_hold(case.case_id, reason, by, today), case.case_id
            )

    def lift_hold(self) -> None:
        """Let the clock run again."""
        case = self.current()
        if case is None:
            return
        if (
            QMessageBox.question(
                self,
                "Löschsperre aufheben",
                f"Die Löschsperre für {case.file_number} aufheben? Der Fall erscheint dann "
                "wieder als zur Löschung fällig.",
            )
            == QMessageBox.StandardButton.Yes
        ):
            self._run(lambda: self._service.lift_legal_hold(case.case_id, self._user), case.case_id)
