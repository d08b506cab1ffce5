"""The "Überblick" tab of a case: master data, the area history and the people."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.enums import CaseStatus
from asd_desktop.services.cases import CaseDetail, PersonView
from asd_desktop.ui.case_view.tables import (
    AreaHistoryModel,
    PersonTableModel,
    case_button,
    case_table,
)
from asd_desktop.ui.table_layout import fit_columns
from asd_desktop.ui.widgets import german_date


def status_text(detail: CaseDetail) -> str:
    """The case's status in words: open since, or closed on, a date."""
    if detail.status is CaseStatus.CLOSED:
        return f"abgeschlossen am {german_date(detail.closed_on)}"
    return f"offen seit {german_date(detail.opened_on)}"


class OverviewPanel(QWidget):
    """Master data with its buttons, the history of the Falleinordnung, the people.

    The buttons only show; the case view connects them to its commands.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.persons_model = PersonTableModel(self)
        self.areas_model = AreaHistoryModel(self)
        layout = QVBoxLayout(self)

        master = QGroupBox("Falldaten")
        form = QFormLayout()
        self.master_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("file_number", "Aktenzeichen:"),
            ("family_name", "Familie:"),
            ("status", "Status:"),
            ("opened_on", "eröffnet am:"),
            ("caseworker", "zuständige Fachkraft:"),
            ("description", "Kurzbeschreibung:"),
            ("retention", "Löschfrist:"),
        ):
            value = QLabel()
            value.setWordWrap(key in ("description", "retention"))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(caption.rstrip(":"))
            self.master_labels[key] = value
            form.addRow(caption, value)
        self.edit_case_button = case_button("Fall b&earbeiten…", "Fall bearbeiten")
        self.status_button = case_button("", "Fall abschließen")
        master_buttons = QHBoxLayout()
        master_buttons.addWidget(self.edit_case_button)
        master_buttons.addWidget(self.status_button)
        master_buttons.addStretch(1)
        master_layout = QVBoxLayout(master)
        master_layout.addLayout(form)
        master_layout.addStretch(1)
        master_layout.addLayout(master_buttons)

        areas = QGroupBox("Falleinordnung (Verlauf, neueste zuerst)")
        self.areas_table = case_table(self.areas_model, "Verlauf der Falleinordnung", QTableView())
        fit_columns(
            self.areas_table,
            AreaHistoryModel.REASON,
            {AreaHistoryModel.AREA: 150, AreaHistoryModel.DECIDED_BY: 120},
        )
        self.change_area_button = case_button("Falleinordnung ä&ndern…", "Falleinordnung ändern")
        areas_layout = QVBoxLayout(areas)
        areas_layout.addWidget(self.areas_table)
        areas_buttons = QHBoxLayout()
        areas_buttons.addWidget(self.change_area_button)
        areas_buttons.addStretch(1)
        areas_layout.addLayout(areas_buttons)

        top = QHBoxLayout()
        # The history's reasons are long sentences: they get the wider half.
        top.addWidget(master, 1)
        top.addWidget(areas, 2)

        persons = QGroupBox("Personen")
        self.persons_table = case_table(self.persons_model, "Personen im Fall", QTableView())
        fit_columns(
            self.persons_table,
            PersonTableModel.CONTACT,
            {PersonTableModel.ROLES: 180, PersonTableModel.LANGUAGES: 120},
            key_min=200,
        )
        self.add_person_button = case_button("Person &hinzufügen", "Person hinzufügen")
        self.edit_person_button = case_button("Person bearbei&ten", "Person bearbeiten")
        persons_buttons = QHBoxLayout()
        persons_buttons.addWidget(self.add_person_button)
        persons_buttons.addWidget(self.edit_person_button)
        persons_buttons.addStretch(1)
        persons_layout = QVBoxLayout(persons)
        persons_layout.addWidget(self.persons_table)
        persons_layout.addLayout(persons_buttons)

        layout.addLayout(top, 2)
        layout.addWidget(persons, 3)

    def show_detail(self, detail: CaseDetail) -> None:
        """Fill master data, status button, people and area history from ``detail``."""
        labels = self.master_labels
        labels["file_number"].setText(detail.file_number)
        labels["family_name"].setText(detail.family_name)
        labels["status"].setText(status_text(detail))
        labels["opened_on"].setText(german_date(detail.opened_on))
        labels["caseworker"].setText(detail.caseworker or "–")
        labels["description"].setText(detail.description or "–")
        is_open = detail.status is CaseStatus.OPEN
        self.status_button.setText("Fall ab&schließen…" if is_open else "Fall &wieder öffnen")
        self.status_button.setAccessibleName(
            "Fall abschließen" if is_open else "Fall wieder öffnen"
        )
        self.persons_model.set_rows(detail.persons)
        self.areas_model.set_rows(detail.area_history)

    def clear(self) -> None:
        """Drop every shown value."""
        for label in self.master_labels.values():
            label.clear()
        self.persons_model.set_rows([])
        self.areas_model.set_rows([])

    def selected_person(self) -> PersonView | None:
        """The person of the current row of the people table."""
        index = self.persons_table.currentIndex()
        if not index.isValid() or not self.persons_table.selectionModel().hasSelection():
            return None
        return self.persons_model.row_value(index.row())
