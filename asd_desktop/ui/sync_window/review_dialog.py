"""Office: the queue of laptops' changes to cases they do not hold."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.models.errors import AsdError
from asd_desktop.services.sync import (
    ReviewView,
    SyncService,
)
from asd_desktop.ui.sync_window.peers import local_time


class ReviewDialog(QDialog):
    """Office: laptops' changes to cases they do not hold; take or drop each."""

    def __init__(self, sync: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sync = sync
        self._items: list[ReviewView] = []
        self.changed = False
        self.setWindowTitle("Zur Prüfung")
        self.setAccessibleName("Zur Prüfung")
        intro = QLabel(
            "Diese Änderungen kamen von Geräten, denen der Fall nicht (mehr) zugeteilt ist."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Änderungen zur Prüfung")
        self.accept_button = QPushButton("Ü&bernehmen")
        self.accept_button.setAccessibleName("Änderung übernehmen")
        self.accept_button.clicked.connect(lambda: self._act(self._sync.accept_review))
        self.discard_button = QPushButton("&Verwerfen")
        self.discard_button.setAccessibleName("Änderung verwerfen")
        self.discard_button.clicked.connect(lambda: self._act(self._sync.discard_review))
        close = QPushButton("&Schließen")
        close.setAccessibleName("Schließen")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.discard_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.resize(640, 420)
        self.reload()

    def reload(self, keep_row: int = 0) -> None:
        """Read the queue again."""
        self._items = self._sync.review_items()
        self.list.clear()
        for item in self._items:
            self.list.addItem(
                f"{item.label} von {item.device_name}, {local_time(item.received_at)}: "
                f"{item.summary}"
            )
        if self._items:
            self.list.setCurrentRow(min(keep_row, len(self._items) - 1))
        self.accept_button.setEnabled(bool(self._items))
        self.discard_button.setEnabled(bool(self._items))

    def _act(self, action: object) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._items) or not callable(action):
            return
        try:
            action(self._items[row].id)
        except AsdError as exc:
            QMessageBox.warning(self, "Zur Prüfung", exc.message)
        else:
            self.changed = True
        self.reload(row)

    @classmethod
    def ask(cls, parent: QWidget | None, sync: SyncService) -> bool:
        """Show the queue; True when something was taken or dropped."""
        dialog = cls(sync, parent)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()
