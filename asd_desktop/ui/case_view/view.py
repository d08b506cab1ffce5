"""The open case: its header with the current area, and its tabs.

Überblick and Kontakte are always there; Wille & Ziele, Familienrat and Dokumente
appear when their services are given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import CaseStatus, Role
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.cases import (
    AreaView,
    CaseDetail,
    CaseService,
    ContactView,
    PersonView,
)
from asd_desktop.services.documents import DocumentService
from asd_desktop.services.familienrat import FamilienratService
from asd_desktop.services.goals import GoalService
from asd_desktop.services.instruments import InstrumentService
from asd_desktop.services.sozialraum import SozialraumService
from asd_desktop.ui.dialogs.area_dialog import AreaDialog
from asd_desktop.ui.dialogs.case_dialog import CaseDialog
from asd_desktop.ui.dialogs.close_case_dialog import CloseCaseDialog
from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
from asd_desktop.ui.dialogs.person_dialog import PersonDialog
from asd_desktop.ui.documents_tab import DocumentsTab
from asd_desktop.ui.familienrat_tab import FamilienratTab
from asd_desktop.ui.goals_tab import GoalsTab
from asd_desktop.ui.mandates_tab import MandatesTab
from asd_desktop.ui.rows_model import DISPLAY, RowsModel
from asd_desktop.ui.widgets import AREA_COLOURS, AreaBadge, german_date, german_datetime

R = TypeVar("R")

CORRECTED_COLOUR = QColor("#757575")
FREE_TEXT_MAX_WIDTH = 160
NOTE_MIN_WIDTH = 200

# Tab positions; a tab exists only once its capability does (and its service is given).
OVERVIEW_TAB = 0
CONTACTS_TAB = 1
GOALS_TAB = 2
FAMILIENRAT_TAB = 3
#: With every service given; without ``familienrat`` it is :data:`FAMILIENRAT_TAB`.
DOCUMENTS_TAB = 4
#: With ``instruments`` given (and every service before it); Dokumente then follows it.
MANDATES_TAB = 4


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- table models ----------------------------------------------------------------------


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


# --- the view --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Stored(Generic[R]):
    value: R


TableT = TypeVar("TableT", bound=QTableView)


class ContactLogTable(QTableView):
    """The contact log's table: the note column gets the room the others leave.

    The note is never narrower than :data:`NOTE_MIN_WIDTH` (the table scrolls
    instead); free-text columns are capped at :data:`FREE_TEXT_MAX_WIDTH`.
    """

    def fit_columns(self) -> None:
        """Size the columns to their content, then give the rest to the note."""
        model = self.model()
        if model is None:
            return
        note = ContactTableModel.NOTE
        others = 0
        for col in range(model.columnCount()):
            if col == note:
                continue
            self.resizeColumnToContents(col)
            if col in ContactTableModel.CAPPED:
                self.setColumnWidth(col, min(self.columnWidth(col), FREE_TEXT_MAX_WIDTH))
            others += self.columnWidth(col)
        self.setColumnWidth(note, max(NOTE_MIN_WIDTH, self.viewport().width() - others))

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


def _table(model: QAbstractTableModel, accessible_name: str, table: TableT) -> TableT:
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setHighlightSections(False)
    return table


def _button(text: str, accessible_name: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    button.clicked.connect(slot)
    return button


class CaseView(QWidget):
    """The open case: header with the current area, then the tabs.

    Every change goes through the services; the view then reloads. With ``goals``
    the tab "Wille & Ziele" appears, with ``familienrat`` the tab "Familienrat", with
    ``documents`` the tab "Dokumente".

    Signals:
        case_changed(str): the case id, after anything in the case was stored.
    """

    case_changed = Signal(str)
    conflicts_requested = Signal()

    def __init__(
        self,
        cases: CaseService,
        parent: QWidget | None = None,
        *,
        goals: GoalService | None = None,
        documents: DocumentService | None = None,
        familienrat: FamilienratService | None = None,
        instruments: InstrumentService | None = None,
        sozialraum: SozialraumService | None = None,
    ) -> None:
        super().__init__(parent)
        self._cases = cases
        #: Set by the window: for a record in conflict, opens the inbox on it. None: nothing
        #: to decide; True: decided now; False: still undecided (the form does not open).
        self.conflict_gate: Callable[[str, str], bool | None] | None = None
        self._detail: CaseDetail | None = None
        self.persons_model = PersonTableModel(self)
        self.areas_model = AreaHistoryModel(self)
        self.contacts_model = ContactTableModel(self)

        self.empty_label = QLabel("Kein Fall geöffnet")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName("Kein Fall geöffnet")
        empty_font = self.empty_label.font()
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.4)
        self.empty_label.setFont(empty_font)
        empty_hint = QLabel("Einen Fall in der Fallliste auswählen, um ihn hier zu sehen.")
        empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(empty_hint)
        empty_layout.addStretch(1)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(self._build_header())
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Teile des Falls")
        # With Fusion's default tab metrics the dots of "Ü" are cut off on an inactive tab.
        self.tabs.setStyleSheet("QTabBar::tab { padding: 5px 14px; }")
        self.tabs.addTab(self._build_overview(), "Ü&berblick")
        self.tabs.addTab(self._build_contacts(), "&Kontakte")
        self.goals_tab: GoalsTab | None = None
        if goals is not None:
            self.goals_tab = GoalsTab(goals, documents, sozialraum=sozialraum)
            self.goals_tab.goals_changed.connect(self._on_goals_changed)
            self.tabs.addTab(self.goals_tab, "&Wille && Ziele")
        self.familienrat_tab: FamilienratTab | None = None
        if familienrat is not None:
            self.familienrat_tab = FamilienratTab(familienrat, documents)
            self.familienrat_tab.councils_changed.connect(self._on_goals_changed)
            self.familienrat_tab.documents_requested.connect(self._show_documents)
            self.tabs.addTab(self.familienrat_tab, "Familien&rat")
        self.mandates_tab: MandatesTab | None = None
        if instruments is not None:
            self.mandates_tab = MandatesTab(instruments, documents)
            self.mandates_tab.mandates_changed.connect(self._on_goals_changed)
            self.mandates_tab.area_changed.connect(self._stored)
            self.tabs.addTab(self.mandates_tab, "Aufträge/Auf&lagen")
        self.documents_tab: DocumentsTab | None = None
        if documents is not None:
            self.documents_tab = DocumentsTab(documents)
            self.tabs.addTab(self.documents_tab, "D&okumente")
        content_layout.addWidget(self.tabs, 1)

        self._stack = QStackedWidget()
        self._stack.addWidget(empty_page)
        self._stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self.clear()

    # --- building ----------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.title_label = QLabel()
        self.title_label.setAccessibleName("Familie")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle_label = QLabel()
        self.subtitle_label.setAccessibleName("Aktenzeichen und Status")
        self.subtitle_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.area_badge = AreaBadge()
        badge_font = self.area_badge.font()
        badge_font.setPointSizeF(badge_font.pointSizeF() * 1.3)
        self.area_badge.setFont(badge_font)

        names = QVBoxLayout()
        names.addWidget(self.title_label)
        names.addWidget(self.subtitle_label)
        header = QHBoxLayout()
        header.addLayout(names, 1)
        # Shown only when records of this case have concurrent versions from other devices.
        self.conflicts_button = QPushButton()
        self.conflicts_button.setAccessibleName("Offene Konflikte dieses Falls lösen")
        self.conflicts_button.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.conflicts_button.clicked.connect(self.conflicts_requested)
        self.conflicts_button.hide()
        header.addWidget(self.conflicts_button)
        header.addWidget(QLabel("Falleinordnung:"))
        header.addWidget(self.area_badge)
        return header

    def _build_overview(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)

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
        ):
            value = QLabel()
            value.setWordWrap(key == "description")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(caption.rstrip(":"))
            self.master_labels[key] = value
            form.addRow(caption, value)
        self.edit_case_button = _button("Fall b&earbeiten…", "Fall bearbeiten", self.edit_case)
        self.status_button = _button("", "Fall abschließen", self._toggle_status)
        master_buttons = QHBoxLayout()
        master_buttons.addWidget(self.edit_case_button)
        master_buttons.addWidget(self.status_button)
        master_buttons.addStretch(1)
        master_layout = QVBoxLayout(master)
        master_layout.addLayout(form)
        master_layout.addStretch(1)
        master_layout.addLayout(master_buttons)

        areas = QGroupBox("Falleinordnung (Verlauf, neueste zuerst)")
        self.areas_table = _table(self.areas_model, "Verlauf der Falleinordnung", QTableView())
        header = self.areas_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AreaHistoryModel.REASON, QHeaderView.ResizeMode.Stretch)
        self.change_area_button = _button(
            "Falleinordnung ä&ndern…", "Falleinordnung ändern", self.change_area
        )
        areas_layout = QVBoxLayout(areas)
        areas_layout.addWidget(self.areas_table)
        areas_buttons = QHBoxLayout()
        areas_buttons.addWidget(self.change_area_button)
        areas_buttons.addStretch(1)
        areas_layout.addLayout(areas_buttons)

        top = QHBoxLayout()
        top.addWidget(master, 2)
        top.addWidget(areas, 3)

        persons = QGroupBox("Personen")
        self.persons_table = _table(self.persons_model, "Personen im Fall", QTableView())
        header = self.persons_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.persons_table.activated.connect(self._on_person_activated)
        self.add_person_button = _button("Person &hinzufügen", "Person hinzufügen", self.add_person)
        self.edit_person_button = _button(
            "Person bearbei&ten", "Person bearbeiten", self.edit_person
        )
        persons_buttons = QHBoxLayout()
        persons_buttons.addWidget(self.add_person_button)
        persons_buttons.addWidget(self.edit_person_button)
        persons_buttons.addStretch(1)
        persons_layout = QVBoxLayout(persons)
        persons_layout.addWidget(self.persons_table)
        persons_layout.addLayout(persons_buttons)
        self.persons_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )

        layout.addLayout(top, 2)
        layout.addWidget(persons, 3)
        return page

    def _build_contacts(self) -> QWidget:
        page = QWidget()
        self.record_contact_button = _button(
            "Kontakt &erfassen", "Kontakt erfassen", self.record_contact
        )
        self.correct_contact_button = _button(
            "Kontakt korri&gieren…", "Kontakt korrigieren", self.correct_contact
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_contact_button)
        buttons.addWidget(self.correct_contact_button)
        buttons.addStretch(1)
        hint = QLabel("Einträge werden nie überschrieben: eine Korrektur ist ein neuer Eintrag.")
        hint.setEnabled(False)
        buttons.addWidget(hint)

        self.contacts_table = _table(
            self.contacts_model, "Kontakte, neueste zuerst", ContactLogTable()
        )
        self.contacts_table.selectionModel().currentRowChanged.connect(self._on_contact_current)
        self.contact_detail = QPlainTextEdit()
        self.contact_detail.setReadOnly(True)
        self.contact_detail.setTabChangesFocus(True)
        self.contact_detail.setAccessibleName("Ausgewählter Kontakt")
        self.contact_detail.setPlaceholderText("Einen Kontakt auswählen, um ihn ganz zu lesen.")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.contacts_table)
        splitter.addWidget(self.contact_detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        return page

    # --- showing -----------------------------------------------------------------------

    def current_case_id(self) -> str | None:
        """The id of the shown case, None when none is shown."""
        return self._detail.id if self._detail else None

    def current_detail(self) -> CaseDetail | None:
        """Everything shown of the current case."""
        return self._detail

    def current_tab(self) -> int:
        """Index of the visible tab."""
        return self.tabs.currentIndex()

    def set_current_tab(self, index: int) -> None:
        """Show the tab at ``index``."""
        self.tabs.setCurrentIndex(index)

    def show_case(self, case_id: str, *, reload: bool = False) -> None:
        """Open ``case_id`` and show it; the service audits the opening unless ``reload``."""
        try:
            detail = self._cases.get_case(case_id, audit_opening=not reload)
        except AsdError as exc:
            self.clear()
            QMessageBox.warning(self, "Fall nicht geöffnet", exc.message)
            return
        self._show(detail)
        if not reload and self.goals_tab is not None and self.goals_tab.has_draft():
            # An interrupted Zielerarbeitung: show the offer to continue it first.
            self.tabs.setCurrentWidget(self.goals_tab)

    def clear(self) -> None:
        """Drop every shown value; the neutral "Kein Fall geöffnet" state."""
        self._detail = None
        self.title_label.clear()
        self.subtitle_label.clear()
        self.conflicts_button.hide()
        self.area_badge.set_area(None)
        for label in self.master_labels.values():
            label.clear()
        self.persons_model.set_rows([])
        self.areas_model.set_rows([])
        self.contacts_model.set_rows([])
        self.contact_detail.clear()
        if self.goals_tab is not None:
            self.goals_tab.clear()
        if self.familienrat_tab is not None:
            self.familienrat_tab.clear()
        if self.mandates_tab is not None:
            self.mandates_tab.clear()
        if self.documents_tab is not None:
            self.documents_tab.clear()
        self._stack.setCurrentIndex(0)
        self._update_buttons()

    def _show(self, detail: CaseDetail) -> None:
        same_case = self._detail is not None and self._detail.id == detail.id
        keep_person = self.selected_person() if same_case else None
        keep_contact = self.selected_contact() if same_case else None
        self._detail = detail

        self.title_label.setText(f"Familie {detail.family_name}")
        count = detail.open_conflicts
        self.conflicts_button.setText(
            f"⚠ {count} offene{'r' if count == 1 else ''} Konflikt{'' if count == 1 else 'e'}"
            " – lösen …"
        )
        self.conflicts_button.setVisible(count > 0)
        self.subtitle_label.setText(f"Aktenzeichen {detail.file_number} · {self._status(detail)}")
        self.area_badge.set_area(detail.area)
        labels = self.master_labels
        labels["file_number"].setText(detail.file_number)
        labels["family_name"].setText(detail.family_name)
        labels["status"].setText(self._status(detail))
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
        self.contacts_model.set_rows(detail.contacts)
        self.contacts_table.fit_columns()
        self._select(self.persons_table, self.persons_model, keep_person.id if keep_person else "")
        self._select(
            self.contacts_table, self.contacts_model, keep_contact.id if keep_contact else ""
        )
        if keep_contact is None:
            self.contact_detail.clear()
        if self.goals_tab is not None:
            self.goals_tab.show_case(detail)
        if self.familienrat_tab is not None:
            self.familienrat_tab.show_case(detail)
        if self.mandates_tab is not None:
            self.mandates_tab.show_case(detail)
        if self.documents_tab is not None:
            self.documents_tab.show_case(detail.id)
        self._stack.setCurrentIndex(1)
        self._update_buttons()

    @staticmethod
    def _status(detail: CaseDetail) -> str:
        if detail.status is CaseStatus.CLOSED:
            return f"abgeschlossen am {german_date(detail.closed_on)}"
        return f"offen seit {german_date(detail.opened_on)}"

    @staticmethod
    def _select(table: QTableView, model: RowsModel[Any], record_id: str) -> None:
        if not record_id:
            return
        for row, value in enumerate(model.rows()):
            if getattr(value, "id", None) == record_id:
                table.selectRow(row)
                table.setCurrentIndex(model.index(row, 0))
                return

    def _decided_first(self, table: str, row_id: str) -> bool:
        """A record in conflict is decided (in the inbox) before its form opens.

        The form would otherwise show only one version, and saving would write over the
        others unseen. After a decision the case is read again, so the form shows it.
        """
        gate = self.conflict_gate
        if gate is None or self._detail is None:
            return True
        selected = {
            "persons": self.selected_person(),
            "contacts": self.selected_contact(),
        }.get(table)
        decided = gate(table, row_id)
        if decided is None:
            return True
        if decided:
            self.show_case(self._detail.id, reload=True)
            if table == "persons" and selected is not None:
                self._select(self.persons_table, self.persons_model, selected.id)
            elif table == "contacts" and selected is not None:
                self._select(self.contacts_table, self.contacts_model, selected.id)
        return decided

    def selected_person(self) -> PersonView | None:
        """The person of the current row of the people table."""
        index = self.persons_table.currentIndex()
        if not index.isValid() or not self.persons_table.selectionModel().hasSelection():
            return None
        return self.persons_model.row_value(index.row())

    def selected_contact(self) -> ContactView | None:
        """The contact of the current row of the contact log."""
        index = self.contacts_table.currentIndex()
        if not index.isValid() or not self.contacts_table.selectionModel().hasSelection():
            return None
        return self.contacts_model.row_value(index.row())

    def _update_buttons(self) -> None:
        shown = self._detail is not None
        for button in (
            self.edit_case_button,
            self.status_button,
            self.change_area_button,
            self.add_person_button,
            self.record_contact_button,
        ):
            button.setEnabled(shown)
        self.edit_person_button.setEnabled(shown and self.persons_table.currentIndex().isValid())
        self.correct_contact_button.setEnabled(
            shown and self.contacts_table.currentIndex().isValid()
        )

    def _on_person_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_person()

    def _on_contact_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_buttons()
        if not current.isValid():
            self.contact_detail.clear()
            return
        self.contact_detail.setPlainText(
            self._contact_text(self.contacts_model.row_value(current.row()))
        )

    def _contact_text(self, contact: ContactView) -> str:
        lines = [
            f"{german_datetime(contact.occurred_at)} · {contact.kind.label} · "
            f"{contact.duration_minutes} Min."
        ]
        if contact.present:
            lines.append(f"Anwesend: {contact.present}")
        if contact.place:
            lines.append(f"Ort: {contact.place}")
        if contact.note:
            lines += ["", contact.note, ""]
        if contact.next_step:
            due = f" (Frist {german_date(contact.next_step_due)})" if contact.next_step_due else ""
            lines.append(f"Nächster Schritt: {contact.next_step}{due}")
        if contact.recorded_by:
            lines.append(f"Erfasst von: {contact.recorded_by}")
        remark = ContactTableModel.remark(contact, with_time=True)
        if remark:
            lines.append(f"Vermerk: {remark}")
        return "\n".join(lines)

    # --- changing ----------------------------------------------------------------------

    def start_goal_work(self) -> None:
        """Open the Zielerarbeitung for the shown case (an interrupted one continues)."""
        if self._detail is None or self.goals_tab is None:
            return
        self.tabs.setCurrentWidget(self.goals_tab)
        self.goals_tab.start_wizard()

    def open_familienrat(self) -> None:
        """Show the "Familienrat" tab of the shown case."""
        if self._detail is None or self.familienrat_tab is None:
            return
        self.tabs.setCurrentWidget(self.familienrat_tab)
        self.familienrat_tab.table.setFocus()

    def open_mandates(self) -> None:
        """Show the "Aufträge/Auflagen" tab of the shown case."""
        if self._detail is None or self.mandates_tab is None:
            return
        self.tabs.setCurrentWidget(self.mandates_tab)
        self.mandates_tab.table.setFocus()

    def assess_risk(self) -> None:
        """Open the Gefährdungseinschätzung of the shown case (on its "Aufträge/Auflagen" tab)."""
        if self._detail is None or self.mandates_tab is None:
            return
        self.tabs.setCurrentWidget(self.mandates_tab)
        self.mandates_tab.assess()

    def _show_documents(self) -> None:
        if self.documents_tab is not None:
            self.tabs.setCurrentWidget(self.documents_tab)

    def _on_goals_changed(self, case_id: str) -> None:
        # A finished agreement, a reprint or a Familienrat's print adds a document.
        if self.documents_tab is not None:
            self.documents_tab.reload()
        self.case_changed.emit(case_id)

    def _attempt(self, action: Callable[[], R]) -> _Stored[R] | None:
        """Run a storing service call; on success reload and announce the change."""
        detail = self._detail
        if detail is None:
            return None
        try:
            result = action()
        except AsdError as exc:
            self._warn(exc)
            return None
        self._stored(detail.id)
        return _Stored(result)

    def _warn(self, exc: AsdError) -> None:
        text = "\n".join(exc.problems.values()) if isinstance(exc, ValidationError) else exc.message
        QMessageBox.warning(self, "Nicht gespeichert", text)

    def _stored(self, case_id: str) -> None:
        self.show_case(case_id, reload=True)
        self.case_changed.emit(case_id)

    def record_contact(self) -> None:
        """Ask for a new contact and append it to the log."""
        detail = self._detail
        if detail is None:
            return
        value = ContactDialog.ask(self)
        if value is None:
            return
        stored = self._attempt(lambda: self._cases.record_contact(detail.id, value))
        if stored is not None:
            self._select(self.contacts_table, self.contacts_model, stored.value.id)

    def correct_contact(self) -> None:
        """Ask for the corrected version of the selected contact; the old entry stays."""
        detail = self._detail
        old = self.selected_contact()
        if detail is None or old is None:
            return
        if old.corrected_by:
            QMessageBox.warning(
                self,
                "Bereits korrigiert",
                "Dieser Kontakt wurde bereits korrigiert; bitte die neueste Fassung korrigieren.",
            )
            self._select(self.contacts_table, self.contacts_model, old.corrected_by)
            return
        if not self._decided_first("contacts", old.id):
            return
        value = ContactDialog.ask(self, old)
        if value is None:
            return
        stored = self._attempt(
            lambda: self._cases.record_contact(detail.id, value, corrects_id=old.id)
        )
        if stored is not None:
            self._select(self.contacts_table, self.contacts_model, stored.value.id)

    def add_person(self) -> None:
        """Ask for a new person and add them to the case."""
        detail = self._detail
        if detail is None:
            return
        value = PersonDialog.ask(self)
        if value is None:
            return
        stored = self._attempt(lambda: self._cases.add_person(detail.id, value))
        if stored is not None:
            self._select(self.persons_table, self.persons_model, stored.value.id)

    def edit_person(self) -> None:
        """Change the selected person."""
        person = self.selected_person()
        if self._detail is None or person is None:
            return
        if not self._decided_first("persons", person.id):
            return
        person = self.selected_person()
        if person is None:
            return
        value = PersonDialog.ask(self, person)
        if value is None:
            return
        self._attempt(lambda: self._cases.update_person(person.id, value))

    def change_area(self) -> None:
        """Place the case in an area; the history keeps the earlier placements."""
        detail = self._detail
        if detail is None:
            return
        value = AreaDialog.ask(self, detail.area)
        if value is None:
            return
        self._attempt(lambda: self._cases.change_area(detail.id, value))

    def edit_case(self) -> None:
        """Change the master data; a refused value (e.g. a taken Aktenzeichen) is asked again."""
        if self._detail is None or not self._decided_first("cases", self._detail.id):
            return
        detail = self._detail
        if detail is None:
            return
        initial = detail
        while True:
            answer = CaseDialog.ask(self, initial)
            if answer is None:
                return
            value = answer[0]
            try:
                self._cases.update_case(detail.id, value)
            except ValidationError as exc:
                self._warn(exc)
                # Ask again with what was typed, so only the refused field needs fixing.
                initial = dataclasses.replace(
                    initial,
                    file_number=value.file_number,
                    family_name=value.family_name,
                    opened_on=value.opened_on,
                    caseworker=value.caseworker,
                    description=value.description,
                )
                continue
            except AsdError as exc:
                self._warn(exc)
                return
            self._stored(detail.id)
            return

    def close_case(self) -> None:
        """Ask for the closing date and close the case."""
        detail = self._detail
        if detail is None or detail.status is CaseStatus.CLOSED:
            return
        closed_on = CloseCaseDialog.ask(self)
        if closed_on is None:
            return
        self._attempt(lambda: self._cases.set_status(detail.id, CaseStatus.CLOSED, closed_on))

    def reopen_case(self) -> None:
        """Open a closed case again."""
        detail = self._detail
        if detail is None or detail.status is CaseStatus.OPEN:
            return
        self._attempt(lambda: self._cases.set_status(detail.id, CaseStatus.OPEN, dt.date.today()))

    def _toggle_status(self) -> None:
        if self._detail is not None and self._detail.status is CaseStatus.OPEN:
            self.close_case()
        else:
            self.reopen_case()
