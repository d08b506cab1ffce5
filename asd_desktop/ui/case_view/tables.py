"""How the records of a case appear in tables: people, area history, contact log."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QPushButton, QTableView
from typing_extensions import override

from asd_desktop.domain.enums import Role
from asd_desktop.services.cases import AreaView, ContactView, PersonView
from asd_desktop.ui.rows_model import DISPLAY, RowsModel
from asd_desktop.ui.table_layout import ColumnFitter, fit_columns, read_only_table
from asd_desktop.ui.widgets import AREA_COLOURS, german_date, german_datetime

CORRECTED_COLOUR = QColor("#757575")
FREE_TEXT_MAX_WIDTH = 140
#: The remark and the kind are short words; a longer remark is whole in the tooltip.
REMARK_MAX_WIDTH = 100


def _one_line(text: str) -> str:
    return " ".join(text.split())


class PersonTableModel(RowsModel[PersonView]):
    """The people of a case."""

    NAME, FIRST_NAME, BIRTH_DATE, ROLES, LANGUAGES, INTERPRETER, CONTACT = range(7)
    HEADERS = (
        "Name",
        "Vorname",
        "Geburtsdatum",
        "Rolle(n)",
        "Sprachen",
        "Dolmetscher",
        "Kontakt",
    )

    @staticmethod
    def roles_text(person: PersonView) -> str:
        """The person's roles; a Fachkraft with their institution."""
        labels = [r.label for r in person.roles]
        if Role.PROFESSIONAL in person.roles and person.institution:
            labels[person.roles.index(Role.PROFESSIONAL)] += f" ({person.institution})"
        return ", ".join(labels)

    @staticmethod
    def contact_text(person: PersonView) -> str:
        """Phone and address on one line."""
        address = ", ".join(line.strip() for line in person.address.splitlines() if line.strip())
        return " · ".join(p for p in (person.phone, address) if p)

    @override
    def cell(self, value: PersonView, row: int, column: int, role: int) -> object:
        if role not in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        texts = {
            self.NAME: value.last_name,
            self.FIRST_NAME: value.first_name,
            self.BIRTH_DATE: german_date(value.birth_date),
            self.ROLES: self.roles_text(value),
            self.LANGUAGES: value.languages,
            self.INTERPRETER: "ja" if value.interpreter_needed else "nein",
            self.CONTACT: self.contact_text(value),
        }
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CONTACT:
            return "\n".join(p for p in (value.phone, value.address) if p) or None
        return texts[column] if role == DISPLAY else None


class AreaHistoryModel(RowsModel[AreaView]):
    """The history of the Falleinordnung, newest first."""

    DATE, AREA, REASON, DECIDED_BY = range(4)
    HEADERS = ("Datum", "Bereich", "Begründung", "entschieden von")

    @override
    def cell(self, value: AreaView, row: int, column: int, role: int) -> object:
        if role == DISPLAY:
            return {
                self.DATE: german_date(value.decided_on),
                self.AREA: value.area.label,
                self.REASON: _one_line(value.reason),
                self.DECIDED_BY: value.decided_by,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.REASON:
                return value.reason
            return "aktuelle Einordnung" if row == 0 else None
        if column == self.AREA and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(AREA_COLOURS[value.area][0])
        if column == self.AREA and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(AREA_COLOURS[value.area][1])
        if role == Qt.ItemDataRole.FontRole and row == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ContactTableModel(RowsModel[ContactView]):
    """The contact log, newest first; corrected entries greyed, corrections marked."""

    # The remark sits next to the date so "korrigiert" is seen even in a narrow window; the
    # note comes last and takes the remaining width (the pane below shows it in full).
    DATE, REMARK, KIND, DURATION, PRESENT, PLACE, NEXT_STEP, DUE, NOTE = range(9)
    HEADERS = (
        "Datum/Uhrzeit",
        "Vermerk",
        "Art",
        "Dauer",
        "Anwesend",
        "Ort",
        "nächster Schritt",
        "Frist",
        "Notiz",
    )
    # Free-text columns that get a capped width so the note column keeps its room.
    CAPPED = (PRESENT, PLACE, NEXT_STEP)

    @staticmethod
    def remark(contact: ContactView, with_time: bool = False) -> str:
        """The remark column: "korrigiert am …" for a replaced entry, "Korrektur" for a fix."""
        parts = []
        if contact.corrects_id:
            parts.append("Korrektur")
        if contact.corrected_by:
            when = contact.corrected_at
            if when is None:
                parts.append("korrigiert")
            elif with_time:
                parts.append(f"korrigiert am {german_date(when)}, {when:%H:%M} Uhr")
            else:
                parts.append(f"korrigiert am {german_date(when)}")
        if contact.correction_count > 1:
            parts.append(
                f"{contact.correction_count} Korrekturen von verschiedenen Geräten – bitte prüfen"
            )
        return ", ".join(parts)

    @override
    def cell(self, value: ContactView, row: int, column: int, role: int) -> object:
        if role == DISPLAY:
            return {
                self.DATE: german_datetime(value.occurred_at),
                self.KIND: value.kind.label,
                self.DURATION: f"{value.duration_minutes} Min.",
                self.PRESENT: value.present,
                self.PLACE: value.place,
                self.NOTE: _one_line(value.note),
                self.NEXT_STEP: value.next_step,
                self.DUE: german_date(value.next_step_due),
                self.REMARK: self.remark(value),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NOTE and value.note:
                return value.note
            return self.remark(value, with_time=True) or None
        if role == Qt.ItemDataRole.ForegroundRole and value.corrected_by:
            return CORRECTED_COLOUR
        if role == Qt.ItemDataRole.FontRole and value.corrected_by:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class ContactLogTable(QTableView):
    """The contact log's table: the note takes the room, short columns fit, free text capped."""

    fitter: ColumnFitter | None = None

    @override
    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            # Who was there and where are in the pane below: the note needs the width.
            for column in (ContactTableModel.PRESENT, ContactTableModel.PLACE):
                self.setColumnHidden(column, True)
            caps = dict.fromkeys(ContactTableModel.CAPPED, FREE_TEXT_MAX_WIDTH)
            caps[ContactTableModel.REMARK] = REMARK_MAX_WIDTH
            caps[ContactTableModel.KIND] = REMARK_MAX_WIDTH
            self.fitter = fit_columns(self, ContactTableModel.NOTE, caps)

    def fit_columns(self) -> None:
        """Size the columns to their content, then give the rest to the note."""
        if self.fitter is not None:
            self.fitter.fit()


#: Every table of a case is set up the same way as the application's other tables.
case_table = read_only_table


def case_button(text: str, accessible_name: str) -> QPushButton:
    """A push button with its accessible name; the view connects it to its command."""
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    return button
