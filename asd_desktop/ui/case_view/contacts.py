"""The "Kontakte" tab of a case: the contact log and the chosen contact in full."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.services.cases import CaseDetail, ContactView
from asd_desktop.ui.case_view.tables import (
    ContactLogTable,
    ContactTableModel,
    case_button,
    case_table,
)
from asd_desktop.ui.widgets import german_date, german_datetime


def contact_text(contact: ContactView) -> str:
    """One contact in full, as the pane below the log shows it."""
    lines = [
        f"{german_datetime(contact.occurred_at)} · {contact.kind.label} · "
        f"{contact.duration_minutes} Min."
    ]
    if contact.present:
        lines.append(f"Anwesend: {contact.present}")
    if contact.place:
        lines.append(f"Ort: {contact.place}")
    if contact.note:
        lines += ["", contact.note, ""]
    if contact.next_step:
        due = f" (Frist {german_date(contact.next_step_due)})" if contact.next_step_due else ""
        lines.append(f"Nächster Schritt: {contact.next_step}{due}")
    if contact.recorded_by:
        lines.append(f"Erfasst von: {contact.recorded_by}")
    remark = ContactTableModel.remark(contact, with_time=True)
    if remark:
        lines.append(f"Vermerk: {remark}")
    if contact.entrusted_by:
        lines.append(
            f"Anvertraut von {contact.entrusted_by} (§ 65 SGB VIII): bleibt ohne Einwilligung auf "
            "Ihren Geräten (kein Ausdruck, keine Auskunft an andere, kein Austauschpaket)."
        )
    return "\n".join(lines)


class ContactsPanel(QWidget):
    """The contact log, newest first, with the chosen contact in full below it.

    The buttons only show; the case view connects them to its commands.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contacts_model = ContactTableModel(self)
        self.record_contact_button = case_button("Kontakt &erfassen", "Kontakt erfassen")
        self.correct_contact_button = case_button("Kontakt korri&gieren…", "Kontakt korrigieren")
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_contact_button)
        buttons.addWidget(self.correct_contact_button)
        #: § 65 SGB VIII: who entrusted the chosen contact, and consents (wired by the window).
        self.entrusted_contact_button = case_button(
            "An&vertraut…", "Anvertraut und Einwilligungen zum Kontakt"
        )
        self.entrusted_contact_button.hide()
        buttons.addWidget(self.entrusted_contact_button)
        buttons.addStretch(1)
        hint = QLabel("Einträge werden nie überschrieben: eine Korrektur ist ein neuer Eintrag.")
        hint.setEnabled(False)
        buttons.addWidget(hint)

        self.contacts_table = case_table(
            self.contacts_model, "Kontakte, neueste zuerst", ContactLogTable()
        )
        self.contact_detail = QPlainTextEdit()
        self.contact_detail.setReadOnly(True)
        self.contact_detail.setTabChangesFocus(True)
        self.contact_detail.setAccessibleName("Ausgewählter Kontakt")
        self.contact_detail.setPlaceholderText("Einen Kontakt auswählen, um ihn ganz zu lesen.")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.contacts_table)
        splitter.addWidget(self.contact_detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._layout = layout

    def insert_steps(self, steps: QWidget) -> None:
        """Show the case's open steps (Wiedervorlage) above the contact log."""
        self._layout.insertWidget(0, steps)

    def show_detail(self, detail: CaseDetail) -> None:
        """Fill the log from ``detail`` and size its columns."""
        self.contacts_model.set_rows(detail.contacts)
        self.contacts_table.fit_columns()

    def clear(self) -> None:
        """Drop the log and the shown contact."""
        self.contacts_model.set_rows([])
        self.contact_detail.clear()

    def show_contact(self, row: int | None) -> None:
        """Show the contact at ``row`` of the log in full; None clears the pane."""
        if row is None:
            self.contact_detail.clear()
            return
        self.contact_detail.setPlainText(contact_text(self.contacts_model.row_value(row)))

    def selected_contact(self) -> ContactView | None:
        """The contact of the current row of the contact log."""
        index = self.contacts_table.currentIndex()
        if not index.isValid() or not self.contacts_table.selectionModel().hasSelection():
            return None
        return self.contacts_model.row_value(index.row())
