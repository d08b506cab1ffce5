"""The open case: its header with the current area, its tabs, and the commands on it.

Überblick and Kontakte are always there; Wille & Ziele, Familienrat and Dokumente
appear when their services are given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.enums import CaseStatus
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.cases import (
    CaseDetail,
    CaseService,
    ContactView,
    PersonInput,
    PersonView,
)
from asd_desktop.services.deadlines import DeadlineService
from asd_desktop.services.documents import DocumentService
from asd_desktop.services.familienrat import FamilienratService
from asd_desktop.services.goals import GoalService
from asd_desktop.services.hilfen import HilfeService
from asd_desktop.services.instruments import InstrumentService
from asd_desktop.services.network import NetworkService
from asd_desktop.services.sozialraum import SozialraumService
from asd_desktop.services.steps import StepService
from asd_desktop.ui.case_view.contacts import ContactsPanel
from asd_desktop.ui.case_view.overview import OverviewPanel, status_text
from asd_desktop.ui.case_view.steps import StepsPanel
from asd_desktop.ui.dialogs.area_dialog import AreaDialog
from asd_desktop.ui.dialogs.case_dialog import CaseDialog
from asd_desktop.ui.dialogs.close_case_dialog import CloseCaseDialog
from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
from asd_desktop.ui.dialogs.person_dialog import PersonDialog
from asd_desktop.ui.documents_tab import DocumentsTab
from asd_desktop.ui.familienrat_tab import FamilienratTab
from asd_desktop.ui.goals_tab import GoalsTab
from asd_desktop.ui.hilfen_tab import HilfenTab
from asd_desktop.ui.mandates_tab import MandatesTab
from asd_desktop.ui.network_map import NetworkMapTab
from asd_desktop.ui.rows_model import RowsModel
from asd_desktop.ui.widgets import AreaBadge, german_date

R = TypeVar("R")

#: The line on the Überblick of an external Familienrat moderator's laptop.
MODERATOR_NOTE = "Familienrat-Koordination: Sie sehen nur den Familienrat dieses Falls."


# Tab positions; a tab exists only once its capability does (and its service is given).
OVERVIEW_TAB = 0
CONTACTS_TAB = 1
GOALS_TAB = 2
FAMILIENRAT_TAB = 3
#: With every service given; without ``familienrat`` it is :data:`FAMILIENRAT_TAB`.
DOCUMENTS_TAB = 4
#: With ``instruments`` given (and every service before it); Dokumente then follows it.
MANDATES_TAB = 4


# --- the view --------------------------------------------------------------------------


def _contact_saved(contact: ContactView, done: str) -> str:
    """The status text after a contact was stored: "Kontakt gespeichert (12.03.2025, …)"."""
    return f"Kontakt {done} ({german_date(contact.occurred_at.date())}, {contact.kind.label})"


def _person_name(person: PersonInput) -> str:
    return " ".join(p for p in (person.first_name, person.last_name) if p) or "ohne Namen"


@dataclasses.dataclass(frozen=True)
class _Stored(Generic[R]):
    value: R


class CaseView(QWidget):
    """The open case: header with the current area, then the tabs.

    Every change goes through the services; the view then reloads. With ``goals``
    the tab "Wille & Ziele" appears, with ``familienrat`` the tab "Familienrat", with
    ``documents`` the tab "Dokumente".

    Signals:
        case_changed(str): the case id, after anything in the case was stored.
        saved(str): what was stored, for the status bar ("Kontakt gespeichert (…)").
    """

    case_changed = Signal(str)
    conflicts_requested = Signal()
    saved = Signal(str)

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
        steps: StepService | None = None,
        deadlines: DeadlineService | None = None,
        hilfen: HilfeService | None = None,
        network: NetworkService | None = None,
    ) -> None:
        super().__init__(parent)
        self._cases = cases
        #: Set by the window: for a record in conflict, opens the inbox on it. None: nothing
        #: to decide; True: decided now; False: still undecided (the form does not open).
        self.conflict_gate: Callable[[str, str], bool | None] | None = None
        #: Set by the window: the case's deletion date in words (retention rules, § 84 SGB X).
        self.retention_text: Callable[[str], str] | None = None
        self._detail: CaseDetail | None = None

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
        self.overview = OverviewPanel()
        self.tabs.addTab(self.overview, "Ü&berblick")
        self.contacts = ContactsPanel()
        self.tabs.addTab(self.contacts, "&Kontakte")
        self._adopt_panel_widgets()
        #: The open steps above the contact log, with ``steps`` and ``deadlines`` given.
        self.steps_panel: StepsPanel | None = None
        if steps is not None and deadlines is not None:
            self.steps_panel = StepsPanel(steps, deadlines)
            self.steps_panel.steps_changed.connect(self._stored)
            self.steps_panel.saved.connect(self.saved)
            self.contacts.insert_steps(self.steps_panel)
        self.goals_tab: GoalsTab | None = None
        if goals is not None:
            self.goals_tab = GoalsTab(goals, documents, sozialraum=sozialraum)
            self.goals_tab.network = network
            self.goals_tab.goals_changed.connect(self._on_goals_changed)
            self.goals_tab.saved.connect(self.saved)
            self.tabs.addTab(self.goals_tab, "&Wille && Ziele")
        self.familienrat_tab: FamilienratTab | None = None
        if familienrat is not None:
            self.familienrat_tab = FamilienratTab(familienrat, documents)
            self.familienrat_tab.councils_changed.connect(self._on_goals_changed)
            self.familienrat_tab.saved.connect(self.saved)
            self.familienrat_tab.documents_requested.connect(self._show_documents)
            self.tabs.addTab(self.familienrat_tab, "Familien&rat")
        self.mandates_tab: MandatesTab | None = None
        if instruments is not None:
            self.mandates_tab = MandatesTab(instruments, documents)
            self.mandates_tab.mandates_changed.connect(self._on_goals_changed)
            self.mandates_tab.area_changed.connect(self._stored)
            self.mandates_tab.saved.connect(self.saved)
            self.tabs.addTab(self.mandates_tab, "Aufträge/Auf&lagen")
        #: Hilfen and Hilfeplangespräche, with ``hilfen`` given.
        self.hilfen_tab: HilfenTab | None = None
        if hilfen is not None:
            self.hilfen_tab = HilfenTab(hilfen, documents)
            self.hilfen_tab.hilfen_changed.connect(self._on_goals_changed)
            self.hilfen_tab.saved.connect(self.saved)
            self.tabs.addTab(self.hilfen_tab, "H&ilfen")
        self.documents_tab: DocumentsTab | None = None
        if documents is not None:
            self.documents_tab = DocumentsTab(documents)
            self.tabs.addTab(self.documents_tab, "D&okumente")
        #: The Netzwerkkarte, with ``network`` given (the last tab).
        self.network_tab: NetworkMapTab | None = None
        if network is not None:
            self.network_tab = NetworkMapTab(
                network, catalog=sozialraum.search if sozialraum is not None else None
            )
            # Nothing of the case list depends on the map; the goals tab shows its resources.
            self.network_tab.network_changed.connect(self._on_network_changed)
            self.network_tab.saved.connect(self.saved)
            self.tabs.addTab(self.network_tab, "&Netzwerkkarte")
        content_layout.addWidget(self.tabs, 1)

        #: Shown on the Überblick of an external moderator's laptop (see set_familienrat_only).
        self.moderator_note = QLabel(MODERATOR_NOTE)
        self.moderator_note.setWordWrap(True)
        self.moderator_note.setAccessibleName("Hinweis Familienrat-Koordination")
        self.moderator_note.setStyleSheet(
            "QLabel { background: #eef4fb; border: 1px solid #9bb7d4; padding: 6px; }"
        )
        self.moderator_note.hide()
        overview_layout = self.overview.layout()
        if isinstance(overview_layout, QVBoxLayout):
            overview_layout.insertWidget(0, self.moderator_note)
        self._familienrat_only = False

        self._stack = QStackedWidget()
        self._stack.addWidget(empty_page)
        self._stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self.clear()

    # --- an external moderator's laptop -------------------------------------------------

    def familienrat_only(self) -> bool:
        """Whether only the Überblick and the Familienrat show (a moderator's laptop)."""
        return self._familienrat_only

    def set_familienrat_only(self, on: bool) -> None:
        """Show only what an external Familienrat moderator's laptop holds of a case.

        Such a laptop receives of a case its Aktenzeichen, family name, status, dates and
        caseworker, the Familienrat and the Familienrat documents (see
        :mod:`asd_desktop.services.sync.moderator`). The other tabs would only stand
        empty: they are hidden (and their shortcuts off), and so are the parts of the
        Überblick the laptop never receives and the buttons whose changes the office
        would refuse.
        """
        self._familienrat_only = on
        keep: set[QWidget] = {self.overview}
        if self.familienrat_tab is not None:
            keep.add(self.familienrat_tab)
        if self.documents_tab is not None:
            # The Familienrat's invitations, plan and protocols are kept there.
            keep.add(self.documents_tab)
        for index in range(self.tabs.count()):
            shown = not on or self.tabs.widget(index) in keep
            self.tabs.setTabVisible(index, shown)
            self.tabs.setTabEnabled(index, shown)
        if on and self.tabs.currentWidget() not in keep:
            self.tabs.setCurrentWidget(self.overview)
        self.moderator_note.setVisible(on)
        overview = self.overview
        for widget in (
            self.edit_case_button,
            self.status_button,
            self.areas_table.parentWidget(),
            self.persons_table.parentWidget(),
        ):
            if widget is not None:
                widget.setVisible(not on)
        form = overview.findChild(QFormLayout)
        if form is not None:
            for key in ("description", "retention"):
                form.setRowVisible(overview.master_labels[key], not on)
        self.area_caption.setVisible(not on)
        self.area_badge.setVisible(not on)
        if self.documents_tab is not None:
            button = self.documents_tab.entrusted_button
            button.setVisible(not on)

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
        self.area_caption = QLabel("Falleinordnung:")
        header.addWidget(self.area_caption)
        header.addWidget(self.area_badge)
        return header

    def _adopt_panel_widgets(self) -> None:
        """Name the panels' models, tables and buttons on the view and connect them."""
        overview, contacts = self.overview, self.contacts
        self.persons_model = overview.persons_model
        self.areas_model = overview.areas_model
        self.contacts_model = contacts.contacts_model
        self.master_labels = overview.master_labels
        self.areas_table = overview.areas_table
        self.persons_table = overview.persons_table
        self.contacts_table = contacts.contacts_table
        self.contact_detail = contacts.contact_detail
        self.edit_case_button = overview.edit_case_button
        self.status_button = overview.status_button
        self.change_area_button = overview.change_area_button
        self.add_person_button = overview.add_person_button
        self.edit_person_button = overview.edit_person_button
        self.record_contact_button = contacts.record_contact_button
        self.correct_contact_button = contacts.correct_contact_button
        self.edit_case_button.clicked.connect(self.edit_case)
        self.status_button.clicked.connect(self._toggle_status)
        self.change_area_button.clicked.connect(self.change_area)
        self.persons_table.activated.connect(self._on_person_activated)
        self.add_person_button.clicked.connect(self.add_person)
        self.edit_person_button.clicked.connect(self.edit_person)
        self.persons_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.record_contact_button.clicked.connect(self.record_contact)
        self.correct_contact_button.clicked.connect(self.correct_contact)
        self.contacts_table.selectionModel().currentRowChanged.connect(self._on_contact_current)

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
        """Show the tab at ``index`` (a hidden tab stays hidden: then the Überblick)."""
        if self.tabs.isTabVisible(index):
            self.tabs.setCurrentIndex(index)
        else:
            self.tabs.setCurrentWidget(self.overview)

    def show_case(self, case_id: str, *, reload: bool = False) -> None:
        """Open ``case_id`` and show it; the service audits the opening unless ``reload``."""
        try:
            detail = self._cases.get_case(case_id, audit_opening=not reload)
        except AsdError as exc:
            self.clear()
            QMessageBox.warning(self, "Fall nicht geöffnet", exc.message)
            return
        self._show(detail)
        if (
            not reload
            and not self._familienrat_only
            and self.goals_tab is not None
            and self.goals_tab.has_draft()
        ):
            # An interrupted Zielerarbeitung: show the offer to continue it first.
            self.tabs.setCurrentWidget(self.goals_tab)

    def clear(self) -> None:
        """Drop every shown value; the neutral "Kein Fall geöffnet" state."""
        self._detail = None
        self.title_label.clear()
        self.subtitle_label.clear()
        self.conflicts_button.hide()
        self.area_badge.set_area(None)
        self.overview.clear()
        self.contacts.clear()
        if self.steps_panel is not None:
            self.steps_panel.clear()
        if self.goals_tab is not None:
            self.goals_tab.clear()
        if self.familienrat_tab is not None:
            self.familienrat_tab.clear()
        if self.mandates_tab is not None:
            self.mandates_tab.clear()
        if self.hilfen_tab is not None:
            self.hilfen_tab.clear()
        if self.documents_tab is not None:
            self.documents_tab.clear()
        if self.network_tab is not None:
            self.network_tab.clear()
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
        self.subtitle_label.setText(f"Aktenzeichen {detail.file_number} · {status_text(detail)}")
        self.area_badge.set_area(detail.area)
        self.overview.show_detail(detail)
        if self.retention_text is not None:
            self.overview.master_labels["retention"].setText(self.retention_text(detail.id))
        self.contacts.show_detail(detail)
        if self.steps_panel is not None:
            self.steps_panel.show_case(detail.id)
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
        if self.hilfen_tab is not None:
            self.hilfen_tab.show_case(detail)
        if self.documents_tab is not None:
            self.documents_tab.show_case(detail.id)
        if self.network_tab is not None:
            self.network_tab.show_case(detail)
        self._stack.setCurrentIndex(1)
        self._update_buttons()

    @staticmethod
    def _select(table: QTableView, model: RowsModel[Any], record_id: str) -> None:
        if not record_id:
            return
        for row, value in enumerate(model.rows()):
            if getattr(value, "id", None) == record_id:
                table.selectRow(row)
                table.setCurrentIndex(model.index(row, 0))
                table.scrollTo(model.index(row, 0))
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
        return self.overview.selected_person()

    def selected_contact(self) -> ContactView | None:
        """The contact of the current row of the contact log."""
        return self.contacts.selected_contact()

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
        self.contacts.show_contact(current.row() if current.isValid() else None)

    # --- changing ----------------------------------------------------------------------

    def start_goal_work(self) -> None:
        """Open the Zielerarbeitung for the shown case (an interrupted one continues)."""
        if self._detail is None or self.goals_tab is None or self._familienrat_only:
            return
        self.tabs.setCurrentWidget(self.goals_tab)
        self.goals_tab.start_wizard()

    def open_familienrat(self) -> None:
        """Show the "Familienrat" tab of the shown case."""
        if self._detail is None or self.familienrat_tab is None:
            return
        self.tabs.setCurrentWidget(self.familienrat_tab)
        self.familienrat_tab.table.setFocus()

    def open_hilfen(self) -> None:
        """Show the "Hilfen" tab of the shown case."""
        if self._detail is None or self.hilfen_tab is None or self._familienrat_only:
            return
        self.tabs.setCurrentWidget(self.hilfen_tab)
        self.hilfen_tab.hilfen_table.setFocus()

    def offer_hilfe_after(self, consultation_id: str) -> None:
        """After a Kollegiale Beratung decided a HzE: offer the prepared help and Hilfeplan."""
        if self._detail is None or self.hilfen_tab is None or self._familienrat_only:
            return
        self.tabs.setCurrentWidget(self.hilfen_tab)
        self.hilfen_tab.offer_after_consultation(consultation_id)

    def open_mandates(self) -> None:
        """Show the "Aufträge/Auflagen" tab of the shown case."""
        if self._detail is None or self.mandates_tab is None or self._familienrat_only:
            return
        self.tabs.setCurrentWidget(self.mandates_tab)
        self.mandates_tab.table.setFocus()

    def assess_risk(self) -> None:
        """Open the Gefährdungseinschätzung of the shown case (on its "Aufträge/Auflagen" tab)."""
        if self._detail is None or self.mandates_tab is None or self._familienrat_only:
            return
        self.tabs.setCurrentWidget(self.mandates_tab)
        self.mandates_tab.assess()

    def _show_documents(self) -> None:
        if self.documents_tab is not None:
            self.tabs.setCurrentWidget(self.documents_tab)

    def _on_network_changed(self, _case_id: str) -> None:
        if self.goals_tab is not None:
            self.goals_tab.reload()
        # a printed or saved map is kept as a document of the case
        if self.documents_tab is not None:
            self.documents_tab.reload()

    def _on_goals_changed(self, case_id: str) -> None:
        # A finished agreement, a reprint or a Familienrat's print adds a document.
        if self.documents_tab is not None:
            self.documents_tab.reload()
        self.case_changed.emit(case_id)

    def _attempt(
        self, action: Callable[[], R], saved: Callable[[R], str] | None = None
    ) -> _Stored[R] | None:
        """Run a storing service call; on success reload and announce the change.

        ``saved`` words the stored value for :attr:`saved` (the status bar).
        """
        detail = self._detail
        if detail is None:
            return None
        try:
            result = action()
        except AsdError as exc:
            self._warn(exc)
            return None
        self._stored(detail.id)
        if saved is not None:
            self.saved.emit(saved(result))
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
            self.saved.emit(_contact_saved(stored.value, "gespeichert"))

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
            self.saved.emit(_contact_saved(stored.value, "korrigiert"))

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
            self.saved.emit(f"Person hinzugefügt ({_person_name(stored.value)})")

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
        self._attempt(
            lambda: self._cases.update_person(person.id, value),
            lambda _: f"Person gespeichert ({_person_name(value)})",
        )

    def change_area(self) -> None:
        """Place the case in an area; the history keeps the earlier placements."""
        detail = self._detail
        if detail is None:
            return
        value = AreaDialog.ask(self, detail.area)
        if value is None:
            return
        self._attempt(
            lambda: self._cases.change_area(detail.id, value),
            lambda _: f"Falleinordnung gespeichert ({value.area.label})",
        )

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
            self.saved.emit(f"Falldaten gespeichert ({value.file_number})")
            return

    def close_case(self) -> None:
        """Ask for the closing date and close the case."""
        detail = self._detail
        if detail is None or detail.status is CaseStatus.CLOSED:
            return
        closed_on = CloseCaseDialog.ask(self)
        if closed_on is None:
            return
        self._attempt(
            lambda: self._cases.set_status(detail.id, CaseStatus.CLOSED, closed_on),
            lambda _: f"Fall abgeschlossen ({german_date(closed_on)})",
        )

    def reopen_case(self) -> None:
        """Open a closed case again."""
        detail = self._detail
        if detail is None or detail.status is CaseStatus.OPEN:
            return
        self._attempt(
            lambda: self._cases.set_status(detail.id, CaseStatus.OPEN, dt.date.today()),
            lambda _: f"Fall wieder geöffnet ({detail.file_number})",
        )

    def _toggle_status(self) -> None:
        if self._detail is not None and self._detail.status is CaseStatus.OPEN:
            self.close_case()
        else:
            self.reopen_case()
