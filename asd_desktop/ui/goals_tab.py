"""The case's "Wille & Ziele" tab: agreements, their Handlungsziele and reviews, resources."""

from __future__ import annotations

from html import escape
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import Role
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.cases import CaseDetail
from asd_desktop.services.documents import DocumentService, DocumentView
from asd_desktop.services.goals import (
    ActionGoalView,
    AgreementView,
    GoalDraft,
    GoalService,
    GoalsOverview,
    ResourceView,
    ReviewView,
)
from asd_desktop.services.network import NetworkService
from asd_desktop.services.sozialraum import SozialraumService
from asd_desktop.ui.dialogs.review_dialog import ReviewDialog
from asd_desktop.ui.goal_findings import (
    HINTS_HEADER,
    HINTS_TOOLTIP,
    FindingsCache,
    FindingsPanel,
    GoalFindings,
)
from asd_desktop.ui.goal_wizard.wizard import GoalWizard
from asd_desktop.ui.operations import Op
from asd_desktop.ui.pdf_preview import render_then_preview
from asd_desktop.ui.print_language import ask_language
from asd_desktop.ui.rows_model import DISPLAY, RowsModel
from asd_desktop.ui.table_layout import fit_columns, read_only_table
from asd_desktop.ui.widgets import german_date, german_datetime

NOT_REVIEWED = "noch nicht überprüft"
BANNER_STYLE = (
    "QFrame#draftBanner { background-color: #fff4ce; border: 1px solid #c8a600;"
    " border-radius: 4px; }"
)


#: Longer Wille texts are cut on the tab (the whole text is in the tooltip and the wizard).
WILL_SHOWN_CHARS = 420
#: Width of a column that may hold long text but must leave room to the key column.
CAPPED_COLUMN_WIDTH = 120


def _short(text: str, limit: int = WILL_SHOWN_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def will_html(agreement: AgreementView | None) -> str:
    """The family's Wille and Anliegen of ``agreement``, as the tab shows them above the goals."""
    if agreement is None:
        return ""
    rows = [
        f"<b>Wille:</b> {escape(_short(agreement.will)) or '–'}",
    ]
    if agreement.priority.strip():
        rows.append(f"<b>Jetzt hat Vorrang:</b> {escape(_short(agreement.priority))}")
    by = f" <i>(genannt von {escape(agreement.concern_by.strip())})</i>"
    rows.append(
        f"<b>Anliegen:</b> {escape(_short(agreement.concern)) or '–'}"
        + (by if agreement.concern_by.strip() else "")
    )
    return "<br>".join(rows)


def goal_status_text(goal: ActionGoalView) -> str:
    """The goal's status at its newest review, or that it was not reviewed yet."""
    if not goal.reviews:
        return NOT_REVIEWED
    newest = goal.reviews[0]
    return f"{newest.status.label} (am {german_date(newest.reviewed_on)})"


# --- table models ----------------------------------------------------------------------


def _hints_cell(found: GoalFindings | None, role: int) -> object:
    """A count cell of the goal checker's open findings; nothing while not checked yet."""
    if found is None:
        return None
    if role == DISPLAY:
        return found.cell_text()
    if role == Qt.ItemDataRole.ToolTipRole:
        return found.tooltip()
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return Qt.AlignmentFlag.AlignCenter
    return None


def _hints_header_tip(section: int, hints: int, orientation: Qt.Orientation, role: int) -> bool:
    """True when the header of the findings column is asked for its tooltip."""
    return (
        orientation == Qt.Orientation.Horizontal
        and section == hints
        and role == Qt.ItemDataRole.ToolTipRole
    )


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_V = TypeVar("_V", bound=_HasId)


class _RowsWithFindings(RowsModel[_V]):
    """Rows of goals with a last column counting the goal checker's open findings."""

    HINTS = -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The goal checker's findings by row id, filled by the tab when it shows.
        self.findings: dict[str, GoalFindings] = {}

    @override
    def cell(self, value: _V, row: int, column: int, role: int) -> object:
        if column == self.HINTS:
            return _hints_cell(self.findings.get(value.id), role)
        return super().cell(value, row, column, role)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if _hints_header_tip(section, self.HINTS, orientation, role):
            return HINTS_TOOLTIP
        return super().headerData(section, orientation, role)


class AgreementsModel(_RowsWithFindings[AgreementView]):
    """The case's Zielvereinbarungen, newest first; the Richtungsziel's open findings."""

    DATE, DIRECTION, REVIEW, PLACE, HINTS = range(5)
    # Two header lines (as the case list's): the findings column fits beside the Richtungsziel.
    HEADERS = ("Datum", "Richtungsziel", "nächste\nÜberprüfung", "Ort", HINTS_HEADER)

    @override
    def texts(self, value: AgreementView) -> tuple[str, ...]:
        return (
            german_date(value.agreed_on),
            value.direction_goal,
            german_date(value.review_on),
            value.place,
            "",
        )


class ActionGoalsModel(_RowsWithFindings[ActionGoalView]):
    """The Handlungsziele of one agreement with their current status and open findings."""

    NUMBER, TEXT, INDICATOR, DUE, STATUS, HINTS = range(6)
    HEADERS = ("Nr.", "Handlungsziel", "Woran merken\nwir es?", "bis", "Status", HINTS_HEADER)

    @override
    def texts(self, value: ActionGoalView) -> tuple[str, ...]:
        return (
            str(value.position + 1),
            value.text,
            value.indicator,
            german_date(value.due_on),
            goal_status_text(value),
            "",
        )


class ReviewsModel(RowsModel[ReviewView]):
    """The review history of one Handlungsziel, newest first."""

    DATE, STATUS, COMMENT = range(3)
    HEADERS = ("Datum", "Status", "Kommentar")

    @override
    def texts(self, value: ReviewView) -> tuple[str, ...]:
        return (german_date(value.reviewed_on), value.status.label, value.comment)


class ResourcesModel(RowsModel[ResourceView]):
    """The case's resources, by kind."""

    KIND, DESCRIPTION, HELPS = range(3)
    HEADERS = ("Art", "Ressource", "hilft bei")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal_names: dict[str, str] = {}

    @override
    def texts(self, value: ResourceView) -> tuple[str, ...]:
        helps = ", ".join(self.goal_names[g] for g in value.goal_ids if g in self.goal_names)
        return (value.kind.label.split(" (")[0], value.description, helps)


def _table(
    model: QAbstractTableModel,
    accessible_name: str,
    stretch: int,
    capped: tuple[int, ...] = (),
    key_min: int = 200,
) -> QTableView:
    """A read-only table whose ``stretch`` column takes the room.

    ``capped`` columns are at most :data:`CAPPED_COLUMN_WIDTH` wide (cut with "…", the
    tooltip has the whole text), so they cannot squeeze the key column to a few letters.
    """
    table = read_only_table(model, accessible_name, QTableView())
    fit_columns(table, stretch, dict.fromkeys(capped, CAPPED_COLUMN_WIDTH), key_min)
    return table


def _button(text: str, accessible_name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    return button


# --- the tab ---------------------------------------------------------------------------


class GoalsTab(QWidget):
    """Wille & Ziele: what was agreed with the family, how the goals went, the resources.

    Signals:
        goals_changed(str): the case id, after an agreement or a review was stored.
        saved(str): what was stored, for the status bar.
    """

    goals_changed = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        goals: GoalService,
        documents: DocumentService | None = None,
        parent: QWidget | None = None,
        *,
        sozialraum: SozialraumService | None = None,
    ) -> None:
        super().__init__(parent)
        self._goals = goals
        self._documents = documents
        self._sozialraum = sozialraum
        #: The Netzwerkkarte: the wizard's resources page offers its people first.
        self.network: NetworkService | None = None
        self._detail: CaseDetail | None = None
        self._overview = GoalsOverview()
        self.wizard: GoalWizard | None = None
        #: The agreement being rendered off the GUI thread, if any.
        self.print_operation: Op[DocumentView] | None = None
        self.agreements_model = AgreementsModel(self)
        self.goals_model = ActionGoalsModel(self)
        self.reviews_model = ReviewsModel(self)
        self.resources_model = ResourcesModel(self)
        # The goal checker on the agreed goals: checked when the tab shows (never before,
        # so a case whose tab is not opened does not load the German model).
        self.findings_cache = FindingsCache(self)
        self.findings_cache.updated.connect(self._check_goals)
        self._findings_stale = False

        # The offer to continue an interrupted Zielerarbeitung; never modal.
        self.banner = QFrame()
        self.banner.setObjectName("draftBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setAccessibleName("Unterbrochene Zielerarbeitung")
        self.continue_button = _button("Fo&rtsetzen", "Zielerarbeitung fortsetzen")
        self.discard_button = _button("&Verwerfen", "Entwurf der Zielerarbeitung verwerfen")
        self.continue_button.clicked.connect(self.continue_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.continue_button)
        banner_layout.addWidget(self.discard_button)
        self.banner.setVisible(False)

        self.start_button = _button("Zielerarbeitung &starten…", "Zielerarbeitung starten")
        self.start_button.clicked.connect(self.start_wizard)
        self.review_button = _button("Über&prüfung erfassen…", "Überprüfung erfassen")
        self.review_button.clicked.connect(self.record_review)
        self.print_button = _button("Zielvereinbarung dr&ucken…", "Zielvereinbarung drucken")
        self.print_button.clicked.connect(self.print_selected)
        if documents is None:
            self.print_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)

        self.agreements_table = _table(
            self.agreements_model,
            "Zielvereinbarungen, neueste zuerst",
            AgreementsModel.DIRECTION,
            capped=(AgreementsModel.PLACE, AgreementsModel.HINTS),
        )
        self.goals_table = _table(
            self.goals_model,
            "Handlungsziele der Zielvereinbarung",
            ActionGoalsModel.TEXT,
            capped=(ActionGoalsModel.INDICATOR, ActionGoalsModel.STATUS),
        )
        self.reviews_table = _table(
            self.reviews_model,
            "Überprüfungen des Handlungsziels",
            ReviewsModel.COMMENT,
            key_min=150,
        )
        self.resources_table = _table(
            self.resources_model,
            "Ressourcen des Falls",
            ResourcesModel.DESCRIPTION,
            capped=(ResourcesModel.KIND, ResourcesModel.HELPS),
            key_min=120,
        )
        self.agreements_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_agreement()
        )
        self.goals_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_goal())
        self.goals_table.activated.connect(lambda _index: self.record_review())

        # The family's Wille first: the goals below are the way to it (DOMAIN.md).
        self.will_label = QLabel()
        self.will_label.setWordWrap(True)
        self.will_label.setTextFormat(Qt.TextFormat.RichText)
        self.will_label.setAccessibleName("Wille und Anliegen der Familie")
        self.will_group = QGroupBox("Wille der Familie")
        # Wrapped text in a group box: ask for the lines' height, or the box keeps one line.
        self.will_group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        will_layout = QVBoxLayout(self.will_group)
        will_layout.addWidget(self.will_label)
        self.will_group.setVisible(False)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)

        agreements = self._group("Zielvereinbarungen (neueste zuerst)", self.agreements_table)
        resources = self._group("Ressourcen des Falls", self.resources_table)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(agreements)
        top.addWidget(resources)
        # The agreements' Richtungsziel is the longer text: they get nearly two thirds; the
        # resources keep room for kind, resource and "hilft bei" side by side.
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([585, 315])
        top.setChildrenCollapsible(False)
        self.goals_group = self._group("Handlungsziele", self.goals_table)
        self.reviews_group = self._group("Überprüfungen", self.reviews_table)
        # Created after the tables: the list comes last in the Tab order.
        self.findings_panel = FindingsPanel()
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.reviews_group)
        bottom.addWidget(self.findings_panel)
        # The checker's messages are long: they get more of the width than the reviews.
        bottom.setStretchFactor(0, 2)
        bottom.setStretchFactor(1, 3)
        bottom.setSizes([360, 540])
        bottom.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.goals_group)
        splitter.addWidget(bottom)
        # The bottom row holds the checker's long messages: as much room as the goals.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.will_group)
        layout.addWidget(splitter, 1)
        self.clear()

    @staticmethod
    def _group(title: str, table: QTableView) -> QGroupBox:
        group = QGroupBox(title)
        layout = QVBoxLayout(group)
        layout.addWidget(table)
        return group

    # --- showing -----------------------------------------------------------------------

    def show_case(self, detail: CaseDetail) -> None:
        """Show the goals of the case ``detail``; keeps the selection on a reload."""
        same = self._detail is not None and self._detail.id == detail.id
        keep_agreement = self.selected_agreement() if same else None
        keep_goal = self.selected_goal() if same else None
        if not same:
            self.findings_cache.clear()
        self._detail = detail
        try:
            self._overview = self._goals.overview(detail.id)
        except AsdError as exc:
            self._overview = GoalsOverview()
            QMessageBox.warning(self, "Wille & Ziele", exc.message)
        overview = self._overview
        self.agreements_model.set_rows(overview.agreements)
        self.resources_model.goal_names = {
            g.id: f"Ziel {g.position + 1} vom {german_date(a.agreed_on)}"
            for a in overview.agreements
            for g in a.goals
        }
        self.resources_model.set_rows(overview.resources)
        self.empty_label.setText(
            "Noch keine Zielvereinbarung."
            if overview.has_draft
            else "Noch keine Zielvereinbarung. Mit „Zielerarbeitung starten…“ (Strg+G) beginnt "
            "die Zielerarbeitung mit der Familie."
        )
        self.empty_label.setVisible(not overview.agreements)
        row = 0
        if keep_agreement is not None:
            row = next(
                (n for n, a in enumerate(overview.agreements) if a.id == keep_agreement.id), 0
            )
        self._select(self.agreements_table, row if overview.agreements else -1)
        self._show_agreement(keep_goal.id if keep_goal else None)
        self._show_banner()
        self._update_buttons()

    def reload(self) -> None:
        """Read the shown case's goals again."""
        if self._detail is not None:
            self.show_case(self._detail)

    def clear(self) -> None:
        """Show nothing (no case open, or the window locks)."""
        self._detail = None
        self._overview = GoalsOverview()
        self.findings_cache.clear()
        self.agreements_model.findings = {}
        self.goals_model.findings = {}
        self._findings_stale = False
        for model in (
            self.agreements_model,
            self.goals_model,
            self.reviews_model,
            self.resources_model,
        ):
            model.set_rows([])
        self.banner.setVisible(False)
        self.banner_label.clear()
        self.empty_label.setVisible(False)
        self._show_will(None)
        self.findings_panel.show_findings(())
        self._update_buttons()

    def has_draft(self) -> bool:
        """True when the shown case has an interrupted Zielerarbeitung."""
        return self._overview.has_draft

    def _show_banner(self) -> None:
        detail = self._detail
        if detail is None or not self._overview.has_draft:
            self.banner.setVisible(False)
            return
        try:
            saved_at = self._goals.draft_saved_at(detail.id)
        except AsdError:
            saved_at = None
        when = f" vom {german_datetime(saved_at)} Uhr" if saved_at else ""
        self.banner_label.setText(
            f"Eine unterbrochene Zielerarbeitung{when} kann fortgesetzt werden."
        )
        self.banner.setVisible(True)

    def _show_agreement(self, keep_goal_id: str | None = None) -> None:
        agreement = self.selected_agreement()
        self._show_will(agreement)
        goals = agreement.goals if agreement else ()
        self.goals_model.set_rows(goals)
        self._check_goals()
        self.goals_group.setTitle(
            f"Handlungsziele der Zielvereinbarung vom {german_date(agreement.agreed_on)}"
            if agreement
            else "Handlungsziele"
        )
        row = 0
        if keep_goal_id is not None:
            row = next((n for n, g in enumerate(goals) if g.id == keep_goal_id), 0)
        self._select(self.goals_table, row if goals else -1)
        self._show_goal()

    def _show_will(self, agreement: AgreementView | None) -> None:
        """The Wille of the selected agreement (the newest unless another is chosen)."""
        self.will_group.setVisible(agreement is not None)
        if agreement is None:
            self.will_label.clear()
            self.will_label.setToolTip("")
            return
        newest = self._overview.agreements[:1] == (agreement,)
        self.will_group.setTitle(
            f"Wille der Familie (Zielvereinbarung vom {german_date(agreement.agreed_on)}"
            + (", die neueste)" if newest else ")")
        )
        self.will_label.setText(will_html(agreement))
        self.will_label.setToolTip(f"Wille: {agreement.will}\n\nAnliegen: {agreement.concern}")

    def _show_goal(self) -> None:
        goal = self.selected_goal()
        self.reviews_model.set_rows(goal.reviews if goal else ())
        self.reviews_group.setTitle(
            f"Überprüfungen von Handlungsziel {goal.position + 1}" if goal else "Überprüfungen"
        )
        self._show_findings()
        self._update_buttons()

    # --- the goal checker's findings ---------------------------------------------------

    def _check_goals(self) -> None:
        """Count the open findings of every Richtungsziel and the shown Handlungsziele.

        Only while the tab shows: otherwise it is done when it is shown. Checked with the
        word lists at once; the cache checks again with the German model once it is loaded
        and then calls this again.
        """
        if not self.isVisible():
            self._findings_stale = True
            return
        self._findings_stale = False
        cache = self.findings_cache
        self.agreements_model.findings = {
            a.id: cache.goal(a.direction_goal) for a in self.agreements_model.rows()
        }
        self.goals_model.findings = {
            g.id: cache.goal(g.text, g.dismissed) for g in self.goals_model.rows()
        }
        for model, column in (
            (self.agreements_model, AgreementsModel.HINTS),
            (self.goals_model, ActionGoalsModel.HINTS),
        ):
            if model.rowCount():
                model.dataChanged.emit(
                    model.index(0, column), model.index(model.rowCount() - 1, column)
                )
        self._show_findings()

    def _show_findings(self) -> None:
        """List the findings of the chosen Handlungsziel and of its Richtungsziel."""
        goal = self.selected_goal()
        agreement = self.selected_agreement()
        sections: list[tuple[str, GoalFindings]] = []
        found = self.goals_model.findings.get(goal.id) if goal else None
        if goal is not None and found is not None:
            sections.append((f"Handlungsziel {goal.position + 1}", found))
        found = self.agreements_model.findings.get(agreement.id) if agreement else None
        if found is not None:
            sections.append(("Richtungsziel", found))
        self.findings_panel.show_findings(sections)
        self.findings_panel.setTitle(
            f"Hinweise der Zielprüfung zu Handlungsziel {goal.position + 1}"
            if goal
            else "Hinweise der Zielprüfung"
        )

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._findings_stale:
            self._check_goals()

    @staticmethod
    def _select(table: QTableView, row: int) -> None:
        model = table.model()
        if model is None or row < 0 or row >= model.rowCount():
            table.clearSelection()
            return
        table.selectRow(row)
        table.setCurrentIndex(model.index(row, 0))
        table.scrollTo(model.index(row, 0))

    def selected_agreement(self) -> AgreementView | None:
        """The agreement of the current row, None when none."""
        index = self.agreements_table.currentIndex()
        if not index.isValid() or index.row() >= self.agreements_model.rowCount():
            return None
        return self.agreements_model.row_value(index.row())

    def selected_goal(self) -> ActionGoalView | None:
        """The Handlungsziel of the current row, None when none."""
        index = self.goals_table.currentIndex()
        if not index.isValid() or index.row() >= self.goals_model.rowCount():
            return None
        return self.goals_model.row_value(index.row())

    def _update_buttons(self) -> None:
        shown = self._detail is not None
        draft = shown and self._overview.has_draft
        self.start_button.setEnabled(shown)
        self.start_button.setText(
            "Zielerarbeitung fort&setzen…" if draft else "Zielerarbeitung &starten…"
        )
        self.start_button.setAccessibleName(
            "Zielerarbeitung fortsetzen" if draft else "Zielerarbeitung starten"
        )
        self.review_button.setEnabled(self.selected_goal() is not None)
        self.print_button.setEnabled(self.selected_agreement() is not None)

    # --- the wizard --------------------------------------------------------------------

    def start_wizard(self) -> GoalWizard | None:
        """Open the Zielerarbeitung; an interrupted one continues at its saved page."""
        if self._detail is None:
            return None
        if self._overview.has_draft:
            return self.continue_draft()
        return self._open_wizard(None)

    def continue_draft(self) -> GoalWizard | None:
        """Open the wizard with the saved draft, at the page where it was left."""
        detail = self._detail
        if detail is None:
            return None
        try:
            draft = self._goals.load_draft(detail.id)
        except AsdError as exc:
            QMessageBox.warning(self, "Zielerarbeitung", exc.message)
            return None
        return self._open_wizard(draft)

    def discard_draft(self) -> None:
        """Throw the interrupted Zielerarbeitung away, after asking."""
        detail = self._detail
        if detail is None:
            return
        answer = QMessageBox.question(
            self,
            "Entwurf verwerfen",
            "Die unterbrochene Zielerarbeitung wird gelöscht. Das kann nicht rückgängig "
            "gemacht werden. Verwerfen?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._goals.discard_draft(detail.id)
        except AsdError as exc:
            QMessageBox.warning(self, "Zielerarbeitung", exc.message)
        self.reload()
        self.start_button.setFocus()

    def _open_wizard(self, draft: GoalDraft | None) -> GoalWizard | None:
        detail = self._detail
        if detail is None or self.wizard is not None:
            return self.wizard
        wizard = GoalWizard(
            self._goals,
            detail,
            draft,
            print_agreement=self._print_new if self._documents is not None else None,
            catalog=self._sozialraum.search if self._sozialraum is not None else None,
            network=self.network,
            parent=self,
        )
        self.wizard = wizard
        wizard.finished.connect(self._on_wizard_finished)
        wizard.open()
        return wizard

    def _on_wizard_finished(self, _result: int) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is None:
            return
        finished = wizard.is_finished()
        wizard.deleteLater()
        detail = self._detail
        self.reload()
        if finished and detail is not None:
            if wizard.agreement is not None:
                self._select_agreement(wizard.agreement.id)
            self.goals_changed.emit(detail.id)
            self.saved.emit("Zielvereinbarung gespeichert")

    def _select_agreement(self, agreement_id: str) -> None:
        for row, agreement in enumerate(self.agreements_model.rows()):
            if agreement.id == agreement_id:
                self._select(self.agreements_table, row)
                self._show_agreement()
                return

    def _select_goal(self, goal_id: str) -> None:
        """Select the Handlungsziel ``goal_id`` and its agreement (after a review)."""
        for row, agreement in enumerate(self.agreements_model.rows()):
            if any(g.id == goal_id for g in agreement.goals):
                self._select(self.agreements_table, row)
                self._show_agreement(keep_goal_id=goal_id)
                return

    # --- reviews and printing ----------------------------------------------------------

    def record_review(self) -> None:
        """Ask for the selected Handlungsziel's status and store it; the history is kept."""
        detail = self._detail
        goal = self.selected_goal()
        if detail is None or goal is None:
            return
        value = ReviewDialog.ask(self, goal)
        if value is None:
            return
        try:
            self._goals.review_goal(goal.id, value)
        except ValidationError as exc:
            QMessageBox.warning(self, "Nicht gespeichert", "\n".join(exc.problems.values()))
            return
        except AsdError as exc:
            QMessageBox.warning(self, "Nicht gespeichert", exc.message)
            return
        self.reload()
        self._select_goal(goal.id)
        self.goals_changed.emit(detail.id)
        self.saved.emit(f"Überprüfung gespeichert ({value.status.label})")

    def print_selected(self) -> None:
        """Print the selected Zielvereinbarung again (a new stored version)."""
        agreement = self.selected_agreement()
        if agreement is None or self._documents is None:
            return
        self._print(agreement, just_saved=False)

    def _print_new(self, _wizard: QWidget, agreement: AgreementView) -> None:
        self._print(agreement, just_saved=True)

    def _print(self, agreement: AgreementView, *, just_saved: bool) -> None:
        """Render the agreement off the GUI thread, then show it (over this tab, which stays)."""
        documents = self._documents
        if documents is None:
            return
        case_id = self._detail.id if self._detail is not None else None

        def stored(_document: object) -> None:
            if case_id is not None:
                self.goals_changed.emit(case_id)

        def failed(exc: AsdError) -> None:
            saved = "Die Zielvereinbarung ist gespeichert. " if just_saved else ""
            QMessageBox.warning(
                self,
                "Nicht gedruckt",
                f"{saved}Das Dokument wurde nicht erstellt: {exc.message}\n\nMit "
                "„Zielvereinbarung drucken…“ im Reiter „Wille & Ziele“ kann es erneut "
                "erstellt werden.",
            )

        agreement_id = agreement.id
        # The family's language, if someone in the family speaks one we have (issue 18).
        family = [
            p.languages
            for p in (self._detail.persons if self._detail is not None else ())
            if Role.PROFESSIONAL not in p.roles
        ]
        language = ask_language(self, family)
        if language is None:
            return
        self.print_operation = render_then_preview(
            self,
            documents,
            lambda: documents.print_goal_agreement(agreement_id, language),
            rendered=stored,
            failure=failed,
        )
