"""Small widgets and formatters shared by the case view and its dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import Area

DATE_FORMAT = "dd.MM.yyyy"
DATETIME_FORMAT = "dd.MM.yyyy HH:mm"

# Background and text colour per area: strong enough to be seen at a glance, and
# always shown together with the area's name so colour is never the only signal.
AREA_COLOURS: dict[Area, tuple[str, str]] = {
    Area.SERVICE: ("#2e7d32", "#ffffff"),
    Area.GREY: ("#f9a825", "#1a1a1a"),
    Area.DANGER: ("#c62828", "#ffffff"),
}
NO_AREA_COLOURS = ("#e0e0e0", "#1a1a1a")


# --- formatting ------------------------------------------------------------------------


def german_date(value: dt.date | None) -> str:
    """A date as a German reader expects it (31.12.2024); empty for no date."""
    return value.strftime("%d.%m.%Y") if value else ""


def german_datetime(value: dt.datetime | None) -> str:
    """Date and time in German notation (31.12.2024 14:30); empty for none."""
    return value.strftime("%d.%m.%Y %H:%M") if value else ""


def to_qdate(value: dt.date) -> QDate:
    """A Python date as a QDate."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    """A QDate as a Python date."""
    return dt.date(value.year(), value.month(), value.day())


def to_qdatetime(value: dt.datetime) -> QDateTime:
    """A naive local Python datetime as a QDateTime (minute precision)."""
    return QDateTime(to_qdate(value.date()), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    """A QDateTime as a naive Python datetime, seconds dropped."""
    day = from_qdate(value.date())
    time = value.time()
    return dt.datetime(day.year, day.month, day.day, time.hour(), time.minute())


# --- widgets ---------------------------------------------------------------------------


def buddy(text: str, widget: QWidget, accessible_name: str) -> QLabel:
    """A label with a mnemonic for ``widget``; also gives the widget its accessible name."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(accessible_name)
    return label


class OptionalDateEdit(QWidget):
    """A date that may be left empty: a checkbox switches the date field on.

    Qt's date editors cannot be empty, so "no date" is the unchecked box; the
    label's mnemonic lands on the box, Tab moves on to the date.
    """

    def __init__(
        self,
        check_text: str,
        accessible_name: str,
        default: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._default = default
        self.checkbox = QCheckBox(check_text)
        self.checkbox.setAccessibleName(f"{accessible_name} angeben")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setAccessibleName(accessible_name)
        self.date_edit.setDate(to_qdate(default()))
        self.date_edit.setEnabled(False)
        self.checkbox.toggled.connect(self._on_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.date_edit, 1)
        self.setFocusProxy(self.checkbox)
        self.setAccessibleName(accessible_name)

    def _on_toggled(self, checked: bool) -> None:
        self.date_edit.setEnabled(checked)

    def date(self) -> dt.date | None:
        """The chosen date, or None while the box is unchecked."""
        if not self.checkbox.isChecked():
            return None
        return from_qdate(self.date_edit.date())

    def set_date(self, value: dt.date | None) -> None:
        """Show ``value``; None empties the field."""
        self.checkbox.setChecked(value is not None)
        self.date_edit.setDate(to_qdate(value or self._default()))


class AreaBadge(QLabel):
    """The current Falleinordnung as a coloured badge that always names the area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.area: Area | None = None
        self.set_area(None)

    def set_area(self, area: Area | None) -> None:
        """Show ``area`` (None: not yet placed)."""
        self.area = area
        text = area.label if area else "keine Falleinordnung"
        background, foreground = AREA_COLOURS[area] if area else NO_AREA_COLOURS
        self.setText(text)
        self.setAccessibleName(f"Falleinordnung: {text}")
        self.setStyleSheet(
            f"QLabel {{ background-color: {background}; color: {foreground};"
            " border-radius: 6px; padding: 4px 12px; font-weight: bold; }"
        )


class ProblemsLabel(QLabel):
    """Why the entered values cannot be stored, in red, shown inside the dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.setAccessibleName("Hinweise zur Eingabe")
        self.setVisible(False)

    def show_problems(self, problems: dict[str, str]) -> None:
        """List ``problems``; hide the label when there are none."""
        self.setText("\n".join(problems.values()))
        self.setAccessibleDescription(self.text())
        self.setVisible(bool(problems))


class FormDialog(QDialog):
    """Base of the editing dialogs: Speichern/Abbrechen, validation shown inline.

    Subclasses put their form into :attr:`body`, register fields in
    :attr:`fields` (problem key → widget to focus) and implement
    :meth:`current_problems`. Nothing is stored here; callers read ``values()``.
    """

    def __init__(self, title: str, parent: QWidget | None = None, min_width: int = 520) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields: dict[str, QWidget] = {}
        self.body = QVBoxLayout()
        self.problems_label = ProblemsLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Speichern")
        self.save_button.setAccessibleName("Speichern")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("Abbrechen")
        self.cancel_button.setAccessibleName("Abbrechen")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        # Never smaller than the content: on small screens Qt would otherwise cut labels.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        outer.addLayout(self.body)
        outer.addWidget(self.problems_label)
        outer.addWidget(self.buttons)
        # A floor for the width that the layout, not a fixed minimum, enforces.
        outer.addItem(QSpacerItem(min_width, 0, QSizePolicy.Policy.Fixed))

    def current_problems(self) -> dict[str, str]:
        """Why the entered values cannot be stored, by field; empty when fine."""
        raise NotImplementedError

    @override
    def accept(self) -> None:
        problems = self.current_problems()
        self.problems_label.show_problems(problems)
        if problems:
            first = next((self.fields[k] for k in problems if k in self.fields), None)
            if first is not None:
                first.setFocus()
            return
        super().accept()
