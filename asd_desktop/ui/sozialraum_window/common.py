"""What the catalogue window, the explorations and the tips preview share."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from asd_desktop.models.errors import AsdError, ValidationError


def window_button(text: str, name: str) -> QPushButton:
    """A button with an accessible name that Return in a field never presses."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    # Return in the search field must not press a button of the window.
    button.setAutoDefault(False)
    return button


def warn(parent: QWidget | None, title: str, exc: AsdError) -> None:
    """Show why a service call failed: its problems one per line, else its message."""
    message = exc.message
    if isinstance(exc, ValidationError):
        message = "\n".join(exc.problems.values())
    QMessageBox.warning(parent, title, message)
