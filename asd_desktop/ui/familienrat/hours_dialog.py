"""Hours and financing of a Familienrat: time per activity against the usual 25–30 hours."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.enums import CouncilActivity, Financing
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.familienrat import (
    USUAL_HOURS,
    CouncilView,
    FamilienratService,
    HoursInput,
    hours_problems,
)
from asd_desktop.ui.familienrat.common import (
    combo_value,
    council_title,
    enum_combo,
    select_value,
)
from asd_desktop.ui.widgets import (
    DATE_FORMAT,
    ProblemsLabel,
    buddy,
    from_qdate,
    german_date,
    to_qdate,
)

FINANCING_NOTE = "nicht über Fachleistungsstunden"


def hours_text(hours: float) -> str:
    """Hours in German notation: "2,5 Std."."""
    text = f"{hours:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} Std."


def totals_text(view: CouncilView) -> str:
    """All hours against the usual 25–30 hours, in one sentence."""
    low, high = USUAL_HOURS
    total = view.total_hours
    usual = f"üblich sind {low:.0f}–{high:.0f} Stunden"
    if total > high:
        return f"Insgesamt {hours_text(total)} – mehr als üblich ({usual})."
    if total >= low:
        return f"Insgesamt {hours_text(total)} – im üblichen Rahmen ({usual})."
    return f"Insgesamt {hours_text(total)} von üblicherweise {low:.0f}–{high:.0f} Stunden."


class HoursDialog(QDialog):
    """Record hours per activity; shows the totals and the financing.

    Every entry is stored at once (append-only); the financing is part of the
    Vorbereitung and can be set here too.
    """

    def __init__(
        self,
        service: FamilienratService,
        council_id: str,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._council_id = council_id
        self._today = today
        self.view = service.get(council_id)
        self.setWindowTitle(f"Stunden und Finanzierung – {council_title(self.view)}")
        self.setAccessibleName("Stunden und Finanzierung")

        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Erfasste Stunden")
        self.table.setHorizontalHeaderLabels(["Datum", "Tätigkeit", "Stunden", "Notiz"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)

        self.activity_labels: dict[CouncilActivity, QLabel] = {}
        totals_box = QGroupBox("Summen")
        totals_form = QFormLayout(totals_box)
        for activity in CouncilActivity:
            label = QLabel()
            label.setAccessibleName(f"Summe {activity.label}")
            self.activity_labels[activity] = label
            totals_form.addRow(f"{activity.label}:", label)
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)
        self.total_label.setAccessibleName("Summe insgesamt")
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        totals_form.addRow(self.total_label)

        self.financing_combo = enum_combo("Finanzierung", Financing, "noch offen")
        self.financing_note = QLabel(
            f"Ein Familienrat wird über § 16 SGB VIII oder SHA-Mittel finanziert – "
            f"{FINANCING_NOTE}."
        )
        self.financing_note.setWordWrap(True)
        financing_box = QGroupBox("Finanzierung")
        financing_layout = QFormLayout(financing_box)
        financing_layout.addRow(
            buddy("&Finanzierung:", self.financing_combo, "Finanzierung"), self.financing_combo
        )
        financing_layout.addRow(self.financing_note)

        self.activity_combo = enum_combo("Tätigkeit", CouncilActivity)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setDate(to_qdate(today()))
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setDecimals(2)
        self.hours_spin.setRange(0.0, 99.0)
        self.hours_spin.setSingleStep(0.25)
        self.hours_spin.setSuffix(" Std.")
        # A decimal comma, as the caseworker writes hours.
        self.hours_spin.setLocale(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("z. B. Hausbesuch bei Oma Emine, Einladungen verteilt")
        self.add_button = QPushButton("Stunden &hinzufügen")
        self.add_button.setAccessibleName("Stunden hinzufügen")
        self.add_button.clicked.connect(self.add_entry)
        self.problems_label = ProblemsLabel()
        entry_box = QGroupBox("Neue Stunden")
        entry_form = QFormLayout(entry_box)
        entry_form.addRow(
            buddy("&Tätigkeit:", self.activity_combo, "Tätigkeit"), self.activity_combo
        )
        entry_form.addRow(buddy("&Datum:", self.date_edit, "Datum"), self.date_edit)
        entry_form.addRow(buddy("&Stunden:", self.hours_spin, "Stunden"), self.hours_spin)
        entry_form.addRow(buddy("&Notiz:", self.note_edit, "Notiz"), self.note_edit)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        entry_form.addRow(add_row)
        entry_form.addRow(self.problems_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText("Schl&ießen")
        self.close_button.setAccessibleName("Schließen")
        buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        side.addWidget(totals_box)
        side.addWidget(financing_box)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.table, 3)
        top.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(buddy("&Erfasste Stunden:", self.table, "Erfasste Stunden"))
        layout.addLayout(top, 1)
        layout.addWidget(entry_box)
        layout.addWidget(buttons)
        self.resize(860, 600)

        self._show(self.view)
        self.financing_combo.currentIndexChanged.connect(self._on_financing)
        self.activity_combo.setFocus()

    def _show(self, view: CouncilView) -> None:
        self.view = view
        self.table.setRowCount(len(view.hours))
        for row, entry in enumerate(view.hours):
            for column, text in enumerate(
                (
                    german_date(entry.worked_on),
                    entry.activity.label,
                    hours_text(entry.hours),
                    entry.note,
                )
            ):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        for activity, total in view.hours_by_activity().items():
            self.activity_labels[activity].setText(hours_text(total))
        self.total_label.setText(totals_text(view))
        self.financing_combo.blockSignals(True)
        select_value(self.financing_combo, view.preparation.financing)
        self.financing_combo.blockSignals(False)

    def entry(self) -> HoursInput:
        """The new entry as entered."""
        return HoursInput(
            activity=combo_value(self.activity_combo, CouncilActivity)
            or CouncilActivity.PREPARATION,
            worked_on=from_qdate(self.date_edit.date()),
            hours=self.hours_spin.value(),
            note=self.note_edit.text(),
        )

    def add_entry(self) -> bool:
        """Store the new entry; problems are shown in red and nothing is stored."""
        value = self.entry()
        problems = hours_problems(value)
        if problems:
            self.problems_label.show_problems(problems)
            self.hours_spin.setFocus()
            return False
        try:
            self._service.add_hours(self._council_id, value)
        except ValidationError as exc:
            self.problems_label.show_problems(exc.problems)
            return False
        except AsdError as exc:
            self.problems_label.show_problems({"error": exc.message})
            return False
        self.problems_label.show_problems({})
        self.hours_spin.setValue(0.0)
        self.note_edit.clear()
        self._show(self._service.get(self._council_id))
        self.activity_combo.setFocus()
        return True

    def _on_financing(self) -> None:
        prep = dataclasses.replace(
            self._service.get(self._council_id).preparation,
            financing=combo_value(self.financing_combo, Financing),
        )
        try:
            self._service.save_preparation(self._council_id, prep)
        except AsdError as exc:
            self.problems_label.show_problems({"financing": exc.message})
            return
        self._show(self._service.get(self._council_id))
