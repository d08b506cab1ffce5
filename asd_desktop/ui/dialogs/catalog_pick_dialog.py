"""Pick an entry of the team's Sozialraum catalogue, e.g. as a resource of the case."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.services.sozialraum import CatalogEntryView

#: Searches the catalogue: text in, matching entries out.
CatalogSearch = Callable[[str], list[CatalogEntryView]]


class CatalogPickDialog(QDialog):
    """A search field and the matching catalogue entries; Enter takes the chosen one."""

    def __init__(self, search: CatalogSearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ressource aus dem Sozialraum-Katalog")
        self._search = search
        self._shown: list[CatalogEntryView] = []
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Name, Art, Stadtteil, Sprache …")
        self.search_edit.setAccessibleName("Katalog durchsuchen")
        label = QLabel("&Suche im Katalog:")
        label.setBuddy(self.search_edit)
        self.entries = QListWidget()
        self.entries.setAccessibleName("Einträge im Katalog")
        self.entries.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Übernehmen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.entries, 1)
        layout.addWidget(buttons)
        self.search_edit.textChanged.connect(self._refresh)
        self.search_edit.returnPressed.connect(self.entries.setFocus)
        self.resize(560, 420)
        self._refresh("")

    def _refresh(self, text: str) -> None:
        self.entries.clear()
        self._shown = self._search(text)
        for entry in self._shown:
            place = ", ".join(p for p in (entry.district, entry.languages) if p)
            item = QListWidgetItem(
                f"{entry.name} – {entry.kind}" + (f" ({place})" if place else "")
            )
            self.entries.addItem(item)
        if self.entries.count():
            self.entries.setCurrentRow(0)

    def chosen(self) -> CatalogEntryView | None:
        """The entry under the cursor, if any."""
        row = self.entries.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    @classmethod
    def ask(cls, parent: QWidget | None, search: CatalogSearch) -> CatalogEntryView | None:
        """Let the caseworker pick an entry; None if cancelled."""
        dialog = cls(search, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
