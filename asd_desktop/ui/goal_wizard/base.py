"""What every page of the Zielerarbeitung shares: the draft round trip, problems, warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import Area
from asd_desktop.domain.goal_process import (
    GOAL_PROCESS,
    PAGE_TITLES,
    GoalDraft,
    GoalProcess,
    default_review_date,
)
from asd_desktop.domain.guided import Problem, problems_by_key
from asd_desktop.domain.working_days import DateProposal, propose
from asd_desktop.services.cases import CaseDetail
from asd_desktop.services.network import MapPerson
from asd_desktop.ui.dialogs.catalog_pick_dialog import CatalogSearch
from asd_desktop.ui.guided_wizard import GuidedPage
from asd_desktop.ui.widgets import buddy

#: Default "bis wann" for a new Handlungsziel or step: about three months ahead.
DEFAULT_DUE = dt.timedelta(days=91)


def next_page_id(current: int) -> int:
    """The page after ``current`` (-1 after the summary): the wizard runs straight through."""
    return GOAL_PROCESS.next_page(current, GoalDraft())


def propose_review_on_weekdays(agreed_on: dt.date) -> DateProposal:
    """The usual review after ``agreed_on``, moved to a working day (default state)."""
    return propose(default_review_date(agreed_on))


def person_name(first_name: str, last_name: str) -> str:
    """A person's name as it is written on the agreement."""
    return " ".join(part for part in (first_name.strip(), last_name.strip()) if part)


@dataclass
class PageContext:
    """What the pages need from the wizard, without knowing the wizard.

    Attributes:
        case: the case the goals are drafted for.
        draft_now: the draft as currently entered on every page.
        today: the date "today" for warnings (tests can pin it).
        quiet: True while the wizard restores a saved position; nothing is asked then.
        propose_review: the proposed review date after an agreement's date, on a working
            day of the office's federal state, with the reason when it moved.
    """

    case: CaseDetail
    draft_now: Callable[[], GoalDraft]
    today: Callable[[], dt.date] = dt.date.today
    quiet: bool = False
    #: Searches the team's Sozialraum catalogue; None when it is not available.
    catalog: CatalogSearch | None = None
    #: The people on the case's Netzwerkkarten (offered first); None without the map.
    map_people: Callable[[], list[MapPerson]] | None = None
    #: Makes (or finds) the case resource a map entry stands for; returns its id.
    resource_for_entry: Callable[[str], str] | None = None
    propose_review: Callable[[dt.date], DateProposal] = propose_review_on_weekdays

    @property
    def area(self) -> Area | None:
        """The case's current Falleinordnung."""
        return self.case.area


def multi_line(accessible_name: str, placeholder: str = "", height: int = 70) -> QPlainTextEdit:
    """A multi-line field where Tab moves on (the keyboard never gets stuck in it)."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(height)
    return edit


def hint_label(text: str) -> QLabel:
    """A short explaining sentence on a page."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class GoalPage(GuidedPage):
    """A page of the Zielerarbeitung: fills itself from a draft and writes its part back.

    What the page needs comes from :data:`~asd_desktop.domain.goal_process.GOAL_PROCESS`
    as typed problems; "Weiter" is refused with the reasons shown in red on the page.

    Signals:
        edited(): anything on the page was changed by the user.
    """

    page_id: int = 0

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(PAGE_TITLES[self.page_id], parent=parent)
        self.context = context
        self.edited.connect(self._refresh_problems)

    # --- the draft round trip (subclasses) ---------------------------------------------

    def load(self, draft: GoalDraft) -> None:
        """Show what ``draft`` holds for this page."""
        raise NotImplementedError

    def apply(self, draft: GoalDraft) -> GoalDraft:
        """``draft`` with this page's part replaced by what is entered."""
        raise NotImplementedError

    # --- Qt ----------------------------------------------------------------------------

    @override
    def nextId(self) -> int:
        return next_page_id(self.page_id)

    @override
    def validatePage(self) -> bool:
        draft = self.context.draft_now()
        problems = self.problems(draft)
        self.show_problems(problems_by_key(problems))
        if problems:
            self.focus_on(problems)
            return False
        warnings = GoalProcess(self.context.today).page_warnings(self.page_id, draft)
        if warnings and not self.context.quiet:
            answer = QMessageBox.question(
                self,
                "Bitte prüfen",
                "\n".join(w.message for w in warnings) + "\n\nTrotzdem weiter?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.focus_on(warnings)
                return False
        return True

    def problems(self, draft: GoalDraft) -> tuple[Problem, ...]:
        """Why the user cannot go on from this page."""
        return GOAL_PROCESS.page_problems(self.page_id, draft)

    def focus_on(self, problems: Sequence[Problem]) -> None:
        """Put the cursor where the first of ``problems`` can be fixed.

        Pages with rows override this to show the problem's row first.
        """
        self.focus_problem(problems_by_key(problems))

    def _refresh_problems(self) -> None:
        # Once shown, the reasons follow the typing and vanish when fixed.
        if self.problems_shown():
            self.show_problems(problems_by_key(self.problems(self.context.draft_now())))


class RowList(QWidget):
    """A list of rows (goals, resources, steps) with buttons to add and remove one.

    The page owns the rows' data; this widget only shows one line per row.

    Signals:
        add_requested(): the add button was pressed.
        remove_requested(int): the remove button was pressed for this row.
        row_chosen(int): another row became current (-1: none).
    """

    add_requested = Signal()
    remove_requested = Signal(int)
    row_chosen = Signal(int)

    def __init__(
        self,
        list_label: str,
        accessible_name: str,
        add_text: str,
        remove_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.label = buddy(list_label, self.list, accessible_name)
        self.list.setMaximumHeight(120)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_text.replace("&", "").rstrip("…"))
        self.remove_button = QPushButton(remove_text)
        self.remove_button.setAccessibleName(remove_text.replace("&", "").rstrip("…"))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self._on_remove)
        self.list.currentRowChanged.connect(self._on_current)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self._update_buttons()

    def set_lines(self, lines: list[str], current: int) -> None:
        """Show one line per row and make ``current`` the current row."""
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems(lines)
        self.list.setCurrentRow(current if 0 <= current < len(lines) else -1)
        self.list.blockSignals(False)
        self._update_buttons()

    def set_line(self, row: int, line: str) -> None:
        """Change the line shown for ``row``."""
        item = self.list.item(row)
        if item is not None:
            item.setText(line)

    def current(self) -> int:
        """The current row, -1 for none."""
        return self.list.currentRow()

    def _on_current(self, row: int) -> None:
        self._update_buttons()
        self.row_chosen.emit(row)

    def _on_remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.remove_requested.emit(row)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)


def short_line(number: int, text: str, empty: str) -> str:
    """A row's line in a :class:`RowList`: its number and the start of its text."""
    first = " ".join(text.split())
    if len(first) > 90:
        first = first[:89] + "…"
    return f"{number}. {first or empty}"
