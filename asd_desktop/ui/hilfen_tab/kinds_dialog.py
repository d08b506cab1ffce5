"""The office's list of kinds of help (Datei → Arten der Hilfe …).

Add its own, change one, stop offering one.

A kind keeps its code forever (helps store it); a kind no longer offered stays on
the helps that have it and is no longer in the choice for new ones.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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

from asd_desktop.domain.hilfen import HelpGroup
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.hilfen import HelpKindView, HilfeService
from asd_desktop.ui.rows_model import RowsModel
from asd_desktop.ui.table_layout import fit_columns, read_only_table
from asd_desktop.ui.widgets import FormDialog, buddy

GROUPS: tuple[HelpGroup, ...] = tuple(HelpGroup)


def own_code(label: str, taken: set[str]) -> str:
    """A code for an office's own kind: "eigen_" and the label in plain letters."""
    plain = unicodedata.normalize("NFKD", label.replace("ß", "ss"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:28] or "art"
    code, n = f"eigen_{slug}", 2
    while code in taken:
        code, n = f"eigen_{slug}_{n}", n + 1
    return code


class KindsModel(RowsModel[HelpKindView]):
    """The kinds by group."""

    HEADERS = ("Bezeichnung", "Rechtsgrundlage", "Gruppe", "Angeboten")

    @override
    def texts(self, value: HelpKindView) -> tuple[str, ...]:
        return (
            value.label,
            value.paragraph or "–",
            value.group.label,
            "ja" if value.active else "nein",
        )


class KindDialog(FormDialog):
    """One kind: name, legal basis, group, offered."""

    def __init__(self, value: HelpKindView | None, parent: QWidget | None = None) -> None:
        super().__init__("Art der Hilfe", parent, min_width=460)
        self.label_edit = QLineEdit(value.label if value else "")
        self.paragraph_edit = QLineEdit(value.paragraph if value else "")
        self.paragraph_edit.setPlaceholderText("z. B. § 35a (leer lassen, wenn keine)")
        self.group_combo = QComboBox()
        self.group_combo.addItems([g.label for g in GROUPS])
        group = value.group if value is not None else HelpGroup.AMBULANT
        self.group_combo.setCurrentIndex(GROUPS.index(group))
        self.active_check = QCheckBox("für neue Hilfen &anbieten")
        self.active_check.setChecked(value.active if value else True)
        form = QFormLayout()
        form.addRow(buddy("&Bezeichnung:", self.label_edit, "Bezeichnung"), self.label_edit)
        form.addRow(
            buddy("&Rechtsgrundlage:", self.paragraph_edit, "Rechtsgrundlage"),
            self.paragraph_edit,
        )
        form.addRow(buddy("&Gruppe:", self.group_combo, "Gruppe"), self.group_combo)
        form.addRow(QLabel(""), self.active_check)
        self.body.addLayout(form)
        self.fields["label"] = self.label_edit
        self.label_edit.setFocus()

    def group(self) -> HelpGroup:
        """The chosen group."""
        return GROUPS[max(0, self.group_combo.currentIndex())]

    @override
    def current_problems(self) -> dict[str, str]:
        if not self.label_edit.text().strip():
            return {"label": "Bitte die Bezeichnung der Hilfe eintragen."}
        return {}


class KindsDialog(QDialog):
    """The office's kinds of help."""

    def __init__(self, service: HilfeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Arten der Hilfe")
        self._service = service
        self.model = KindsModel(self)
        self.table = read_only_table(self.model, "Arten der Hilfe", QTableView())
        fit_columns(self.table, 0)
        self.add_button = QPushButton("&Neue Art …")
        self.add_button.clicked.connect(lambda _c=False: self.add_kind())
        self.edit_button = QPushButton("&Ändern …")
        self.edit_button.clicked.connect(lambda _c=False: self.edit_kind())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Schließen")
        buttons.rejected.connect(self.reject)
        note = QLabel(
            "Die Dienststelle kann eigene Arten ergänzen. Eine Art, die nicht mehr angeboten "
            "wird, bleibt bei den Hilfen, die sie haben."
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.reload()
        self.table.setFocus()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on the list changes the chosen kind (not the dialog's first button).
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.focusWidget() is self.table:
            event.accept()
            self.edit_kind()
            return
        super().keyPressEvent(event)

    def reload(self, code: str = "") -> None:
        """Read the kinds again; select ``code``."""
        try:
            kinds = self._service.kinds(include_inactive=True)
        except AsdError as exc:
            QMessageBox.warning(self, "Arten der Hilfe", exc.message)
            kinds = []
        self.model.set_rows(kinds)
        codes = [k.code for k in kinds]
        if codes:
            self.table.selectRow(codes.index(code) if code in codes else 0)

    def selected(self) -> HelpKindView | None:
        """The kind of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_value(rows[0].row()) if rows else None

    def _save(self, code: str, dialog: KindDialog) -> None:
        try:
            stored = self._service.save_kind(
                code,
                dialog.label_edit.text(),
                dialog.paragraph_edit.text(),
                dialog.group(),
                dialog.active_check.isChecked(),
            )
        except (ValidationError, AsdError) as exc:
            QMessageBox.warning(self, "Nicht gespeichert", exc.message)
            return
        self.reload(stored.code)
        self.table.setFocus()

    def add_kind(self) -> None:
        """Add an office's own kind."""
        dialog = KindDialog(None, self)
        try:
            if dialog.exec() != FormDialog.DialogCode.Accepted.value:
                return
            taken = {k.code for k in self.model.rows()}
            self._save(own_code(dialog.label_edit.text(), taken), dialog)
        finally:
            dialog.deleteLater()

    def edit_kind(self) -> None:
        """Change the selected kind (its code stays)."""
        chosen = self.selected()
        if chosen is None:
            return
        dialog = KindDialog(chosen, self)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                self._save(chosen.code, dialog)
        finally:
            dialog.deleteLater()
