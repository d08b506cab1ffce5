"""The team's Bedarfsliste: what the Sozialraum lacks, from the consultations' answers.

Grouped and counted across all cases; each need lists the Aktenzeichen of the
cases behind it — never names, so the list can be shown in the team meeting.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.models.errors import AsdError
from asd_desktop.services.consultation import SOZIALRAUM_QUESTION, ConsultationService, NeedGroup
from asd_desktop.ui.rows_model import RowsModel

TITLE = "Bedarfsliste Sozialraum"
EMPTY_TEXT = "Noch keine Bedarfe: Sie entstehen aus den Kollegialen Beratungen."


class NeedsModel(RowsModel[NeedGroup]):
    """One row per need: the need, how often it was named, the Aktenzeichen."""

    NEED, COUNT, FILE_NUMBERS = range(3)
    HEADERS = ("Bedarf", "Anzahl", "Aktenzeichen")

    @override
    def texts(self, value: NeedGroup) -> tuple[str, ...]:
        return (value.need, str(value.count), ", ".join(value.file_numbers))


class NeedsListDialog(QDialog):
    """The Bedarfsliste, most named need first."""

    def __init__(self, service: ConsultationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        intro = QLabel(
            "Die Antworten des Teams auf die Frage „"
            + SOZIALRAUM_QUESTION
            + "“ – über alle Fälle zusammengefasst und gezählt."
        )
        intro.setWordWrap(True)
        intro.setAccessibleName("Erklärung der Bedarfsliste")
        self.model = NeedsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Bedarfe im Sozialraum")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NeedsModel.NEED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NeedsModel.COUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            NeedsModel.FILE_NUMBERS, QHeaderView.ResizeMode.ResizeToContents
        )
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setAccessibleName("Hinweis zur Bedarfsliste")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("S&chließen")
        close.setAccessibleName("Bedarfsliste schließen")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self.model.set_rows(service.needs_list())
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self.table.setFocus()

    @classmethod
    def show_list(cls, parent: QWidget | None, service: ConsultationService) -> None:
        """Show the Bedarfsliste modally (tests replace this)."""
        try:
            dialog = cls(service, parent)
        except AsdError as exc:
            QMessageBox.warning(parent, TITLE, exc.message)
            return
        dialog.exec()
        dialog.deleteLater()


__all__ = ["NeedsListDialog", "NeedsModel"]
