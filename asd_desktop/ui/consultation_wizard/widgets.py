"""The small widgets of the Kollegiale Beratung: a line that adds on Enter, one source's ideas."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import IdeaSource
from asd_desktop.services.consultation import ConsultationView, IdeaInput
from asd_desktop.ui.guided_wizard import GuidedPage
from asd_desktop.ui.widgets import ProblemsLabel

if TYPE_CHECKING:
    from asd_desktop.ui.consultation_wizard.wizard import ConsultationWizard

ID_ROLE = Qt.ItemDataRole.UserRole


class EnterLine(QLineEdit):
    """A line whose Enter adds its entry and does not also press the wizard's "Weiter"."""

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


def text_field(accessible_name: str, height: int = 80) -> QPlainTextEdit:
    """A plain text field that Tab leaves."""
    edit = QPlainTextEdit()
    edit.setAccessibleName(accessible_name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


def action_button(text: str, accessible_name: str, slot: Callable[[], object]) -> QPushButton:
    """A button with an accessible name that calls ``slot``."""
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def new_page(title: str, subtitle: str = "") -> tuple[GuidedPage, QVBoxLayout]:
    """A wizard page and the layout of its body."""
    page = GuidedPage(title, subtitle)
    return page, page.body


def hint_label(text: str, accessible_name: str) -> QLabel:
    """A wrapped, italic hint."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    label.setStyleSheet("QLabel { color: #444; font-style: italic; }")
    return label


class IdeaGroup(QWidget):
    """One source's ideas: a list, a line to add, and remove."""

    def __init__(self, source: IdeaSource, wizard: ConsultationWizard) -> None:
        super().__init__()
        self.source = source
        self._wizard = wizard
        label = source.label
        self.list = QListWidget()
        self.list.setAccessibleName(f"Ideen: {label}")
        self.edit = EnterLine()
        self.edit.setAccessibleName(f"Neue Idee: {label}")
        self.edit.setPlaceholderText("Idee eintragen und mit Eingabe hinzufügen")
        self.edit.returnPressed.connect(self.add)
        self.add_button = action_button("&Hinzufügen", f"Idee hinzufügen: {label}", self.add)
        self.remove_button = action_button("&Entfernen", f"Idee entfernen: {label}", self.remove)
        self.problems = ProblemsLabel()
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.problems)

    def load(self, view: ConsultationView) -> None:
        """Show the stored ideas of this source."""
        self.list.clear()
        for idea in view.ideas_by_source()[self.source]:
            item = QListWidgetItem(idea.text)
            item.setData(ID_ROLE, idea.id)
            self.list.addItem(item)

    def texts(self) -> list[str]:
        """The ideas shown, in order."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def add(self) -> None:
        """Store the typed idea at once."""
        text = self.edit.text()
        if self._wizard.run(
            lambda s: s.add_idea(self._wizard.consultation_id, IdeaInput(self.source, text)),
            self.problems,
        ):
            self.edit.clear()
            self._wizard.reload()
        self.edit.setFocus()

    def remove(self) -> None:
        """Remove the selected idea."""
        item = self.list.currentItem()
        if item is None:
            return
        idea_id = str(item.data(ID_ROLE))
        if self._wizard.run(lambda s: s.remove_idea(idea_id), self.problems):
            self._wizard.reload()
