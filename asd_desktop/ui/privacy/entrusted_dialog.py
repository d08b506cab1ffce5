"""Anvertraut (§ 65 SGB VIII): mark an item as entrusted and record consents to pass it on."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.entrusted import Exit
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.entrusted import ConsentInput, ConsentView, EntrustedService
from asd_desktop.ui.widgets import DATE_FORMAT, buddy, from_qdate, german_date, to_qdate


def consent_text(consent: ConsentView) -> str:
    """One line per consent: who, when, for what, which ways."""
    ways = ", ".join(c.label for c in consent.covers)
    return f"{german_date(consent.given_on)}: {consent.given_by} – {consent.purpose} ({ways})"


class EntrustedDialog(QDialog):
    """Who entrusted an item, and the consents recorded for it."""

    def __init__(
        self,
        service: EntrustedService,
        table: str,
        record_id: str,
        label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Anvertraut: {label}")
        self._service = service
        self._table = table
        self._record_id = record_id
        explain = QLabel(
            "Was eine Person im Vertrauen mitgeteilt hat, bleibt auf Ihren Geräten: kein "
            "Ausdruck, kein Export, keine Auskunft an Dritte, kein Austauschpaket, solange "
            "keine Einwilligung für diesen Weg erfasst ist (§ 65 SGB VIII)."
        )
        explain.setWordWrap(True)
        self.by_edit = QLineEdit(service.entrusted_by(table, record_id))
        self.by_edit.setPlaceholderText("leer = nicht anvertraut")
        self.mark_button = QPushButton("&Markierung speichern")
        self.mark_button.setAutoDefault(False)
        self.mark_button.clicked.connect(self.save_mark)
        mark_row = QHBoxLayout()
        mark_row.addWidget(self.by_edit, 1)
        mark_row.addWidget(self.mark_button)
        top = QFormLayout()
        top.addRow(explain)
        top.addRow(buddy("Anvertraut &von:", self.by_edit, "Anvertraut von"), mark_row)

        self.consent_list = QListWidget()
        self.consent_list.setAccessibleName("Erfasste Einwilligungen")
        self.given_by_edit = QLineEdit()
        self.given_on_edit = QDateEdit(to_qdate(dt.date.today()))
        self.given_on_edit.setDisplayFormat(DATE_FORMAT)
        self.given_on_edit.setCalendarPopup(True)
        self.purpose_edit = QLineEdit()
        self.purpose_edit.setPlaceholderText("an wen, wozu: z. B. Kopie an das Familiengericht")
        self.exit_checks = {e: QCheckBox(e.label) for e in Exit}
        self.add_button = QPushButton("Einwilligung &erfassen")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_consent)
        group = QGroupBox("Einwilligungen")
        form = QFormLayout(group)
        form.addRow(self.consent_list)
        form.addRow(
            buddy("&Wer willigt ein:", self.given_by_edit, "Wer willigt ein"), self.given_by_edit
        )
        form.addRow(buddy("&Am:", self.given_on_edit, "Eingewilligt am"), self.given_on_edit)
        form.addRow(buddy("Wo&für:", self.purpose_edit, "Wofür"), self.purpose_edit)
        ways = QVBoxLayout()
        for check in self.exit_checks.values():
            ways.addWidget(check)
        form.addRow(QLabel("Gilt für:"), ways)
        form.addRow(self.add_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        close = QPushButton("&Schließen")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(group)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(640, 560)
        self._reload()
        self.by_edit.setFocus()

    def _reload(self) -> None:
        self.consent_list.clear()
        consents = self._service.consents(self._table, self._record_id)
        for consent in consents:
            self.consent_list.addItem(consent_text(consent))
        if not consents:
            self.consent_list.addItem("Noch keine Einwilligung erfasst.")
        entrusted = bool(self.by_edit.text().strip())
        for widget in (self.given_by_edit, self.given_on_edit, self.purpose_edit, self.add_button):
            widget.setEnabled(entrusted)
        for check in self.exit_checks.values():
            check.setEnabled(entrusted)

    def save_mark(self) -> None:
        """Store who entrusted the item ("" removes the mark)."""
        try:
            self._service.mark(self._table, self._record_id, self.by_edit.text())
        except AsdError as exc:
            QMessageBox.warning(self, "Nicht gespeichert", exc.message)
            return
        self.message.setText(
            "Als anvertraut markiert." if self.by_edit.text().strip() else "Markierung entfernt."
        )
        self._reload()

    def add_consent(self) -> None:
        """Record the consent typed in below the list."""
        value = ConsentInput(
            given_by=self.given_by_edit.text(),
            given_on=from_qdate(self.given_on_edit.date()),
            purpose=self.purpose_edit.text(),
            covers=tuple(e for e, check in self.exit_checks.items() if check.isChecked()),
        )
        try:
            self._service.record_consent(self._table, self._record_id, value)
        except ValidationError as exc:
            self.message.setText(" ".join(exc.problems.values()))
            return
        except AsdError as exc:
            QMessageBox.warning(self, "Nicht gespeichert", exc.message)
            return
        self.message.setText("Einwilligung erfasst.")
        self.given_by_edit.clear()
        self.purpose_edit.clear()
        for check in self.exit_checks.values():
            check.setChecked(False)
        self._reload()

    @classmethod
    def open_for(
        cls,
        parent: QWidget | None,
        service: EntrustedService,
        table: str,
        record_id: str,
        label: str,
    ) -> None:
        """Show the dialog modally (tests replace this)."""
        dialog = cls(service, table, record_id, label, parent)
        dialog.exec()
        dialog.deleteLater()
