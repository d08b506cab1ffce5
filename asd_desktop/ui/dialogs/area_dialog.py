"""The Falleinordnung: which area a case is in, since when, why and decided by whom."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.enums import Area
from asd_desktop.services.cases import AreaInput, area_problems
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.widgets import DATE_FORMAT, FormDialog, buddy, from_qdate, to_qdate

# One line per area from DOMAIN.md: whose topics dominate and which instrument applies.
AREA_EXPLANATIONS: dict[Area, str] = {
    Area.SERVICE: "Themen der Familie im Vordergrund – Instrument: Wille und Ziele "
    "(freiwillige Hilfe).",
    Area.GREY: "Themen der Fachkräfte im Vordergrund – Instrument: Aufträge an die "
    "Sorgeberechtigten.",
    Area.DANGER: "Themen der Fachkräfte im Vordergrund – Instrument: Auflagen "
    "(akute Kindeswohlgefährdung).",
}

# The longer reading, for tooltips and screen readers.
AREA_DETAILS: dict[Area, str] = {
    Area.SERVICE: "Freiwillige Hilfe; auch Beratung im ASD ist schon eine Leistung. "
    "Die Familie bestimmt ihre Ziele in ihren Worten.",
    Area.GREY: "Aufträge an die Sorgeberechtigten: einen Verdacht auf Kindeswohlgefährdung "
    "prüfen (die Familie bringt Belege) oder eine drohende Gefährdung abwenden.",
    Area.DANGER: "Auflagen, um eine gegenwärtige Kindeswohlgefährdung abzuwenden "
    "(§\u00a08a SGB\u00a0VIII).",
}

_AREA_BUTTON_TEXTS: dict[Area, str] = {
    Area.SERVICE: "&Leistungsbereich",
    Area.GREY: "&Graubereich",
    Area.DANGER: "Ge&fährdungsbereich",
}


class AreaFields(QWidget):
    """The inputs of a Falleinordnung; used alone and inside the new-case dialog."""

    def __init__(
        self,
        area: Area = Area.SERVICE,
        reason: str = "",
        decided_by: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.area_group = QButtonGroup(self)
        self.area_buttons: dict[Area, QRadioButton] = {}
        areas = QVBoxLayout()
        areas.setSpacing(2)
        for member in Area:
            button = QRadioButton(_AREA_BUTTON_TEXTS[member])
            button.setAccessibleName(member.label)
            button.setAccessibleDescription(f"{AREA_EXPLANATIONS[member]} {AREA_DETAILS[member]}")
            button.setToolTip(AREA_DETAILS[member])
            explanation = QLabel(AREA_EXPLANATIONS[member])
            explanation.setToolTip(AREA_DETAILS[member])
            explanation.setIndent(24)
            font = explanation.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            explanation.setFont(font)
            self.area_group.addButton(button)
            self.area_buttons[member] = button
            areas.addWidget(button)
            areas.addWidget(explanation)
        self.area_buttons[area].setChecked(True)

        self.decided_on_edit = QDateEdit(to_qdate(dt.date.today()))
        self.decided_on_edit.setCalendarPopup(True)
        self.decided_on_edit.setDisplayFormat(DATE_FORMAT)
        self.reason_edit = QPlainTextEdit(reason)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(70)
        self.decided_by_edit = QLineEdit(decided_by)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        area_label = QLabel("Bereich:")
        form.addRow(area_label, areas)
        form.addRow(
            buddy("&Datum:", self.decided_on_edit, "Datum der Einordnung"), self.decided_on_edit
        )
        form.addRow(buddy("&Begründung*:", self.reason_edit, "Begründung"), self.reason_edit)
        form.addRow(
            buddy("&entschieden von*:", self.decided_by_edit, "entschieden von"),
            self.decided_by_edit,
        )

    def area(self) -> Area:
        """The chosen area."""
        return next(a for a, b in self.area_buttons.items() if b.isChecked())

    def values(self) -> AreaInput:
        """What is entered, as the service's input."""
        return AreaInput(
            area=self.area(),
            decided_on=from_qdate(self.decided_on_edit.date()),
            reason=self.reason_edit.toPlainText(),
            decided_by=self.decided_by_edit.text(),
        )

    def field_widgets(self) -> dict[str, QWidget]:
        """Problem key → widget to focus."""
        return {
            "decided_on": self.decided_on_edit,
            "reason": self.reason_edit,
            "decided_by": self.decided_by_edit,
        }


class AreaDialog(DraftFormDialog):
    """Change the Falleinordnung: a new entry in the area history."""

    draft_name = "area"

    def __init__(self, current: Area | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Falleinordnung ändern", parent)
        intro = QLabel(
            f"Bisherige Einordnung: {current.label if current else 'keine'}. "
            "Die neue Einordnung wird mit Datum und Begründung im Verlauf festgehalten."
        )
        intro.setWordWrap(True)
        self.area_fields = AreaFields(area=current or Area.SERVICE)
        self.body.addWidget(intro)
        self.body.addWidget(self.area_fields)
        self.fields.update(self.area_fields.field_widgets())
        self.area_fields.area_buttons[self.area_fields.area()].setFocus()

    def values(self) -> AreaInput:
        """The new Falleinordnung as entered."""
        return self.area_fields.values()

    def current_problems(self) -> dict[str, str]:
        """Why the entry cannot be stored."""
        return area_problems(self.values())

    @classmethod
    def ask(cls, parent: QWidget | None, current: Area | None) -> AreaInput | None:
        """Show the dialog modally; the entered Falleinordnung, or None if cancelled."""
        dialog = cls(current, parent)
        if dialog.exec() == FormDialog.DialogCode.Accepted.value:
            return dialog.values()
        return None
