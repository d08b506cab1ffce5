"""What every page of the Zielerarbeitung shares: the draft round trip, problems, warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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
    QWizardPage,
)
from typing_extensions import override

from asd_desktop.models.enums import Area
from asd_desktop.services.cases import CaseDetail
from asd_desktop.services.goals import PAGE_SUMMARY, PAGE_TITLES, GoalDraft, page_problems
from asd_desktop.services.goals import page_warnings as _page_warnings
from asd_desktop.ui.dialogs.catalog_pick_dialog import CatalogSearch
from asd_desktop.ui.widgets import ProblemsLabel, buddy

#: Default "bis wann" for a new Handlungsziel or step: about three months ahead.
DEFAULT_DUE = dt.timedelta(days=91)


def next_page_id(current: int) -> int:
    """The page after ``current`` (-1 after the summary): the wizard runs straight through."""
    return current + 1 if 0 <= current < PAGE_SUMMARY else -1


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
    """

    case: CaseDetail
    draft_now: Callable[[], GoalDraft]
    today: Callable[[], dt.date] = dt.date.today
    quiet: bool = False
    #: Searches the team's Sozialraum catalogue; None when it is not available.
    catalog: CatalogSearch | None = None

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


class GoalPage(QWizardPage):
    """A page of the Zielerarbeitung: fills itself from a draft and writes its part back.

    Going back never resets what was typed (``cleanupPage`` keeps the fields), and
    "Weiter" is refused with the reasons shown in red on the page.

    Signals:
        edited(): anything on the page was changed by the user.
    """

    edited = Signal()

    page_id: int = 0

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(PAGE_TITLES[self.page_id])
        #: Problem key → widget that gets the focus when the problem is shown.
        self.fields: dict[str, QWidget] = {}
        self.body = QVBoxLayout()
        self.problems_label = ProblemsLabel()
        self.problems_label.setAccessibleName(f"Hinweise zur Seite {PAGE_TITLES[self.page_id]}")
        self._problems_shown = False
        outer = QVBoxLayout(self)
        outer.addLayout(self.body, 1)
        outer.addWidget(self.problems_label)
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
    def cleanupPage(self) -> None:
        """Keep everything typed when the user goes back (Qt would reset the fields)."""

    @override
    def validatePage(self) -> bool:
        draft = self.context.draft_now()
        problems = self.problems(draft)
        self.problems_label.show_problems(problems)
        self._problems_shown = bool(problems)
        if problems:
            self.focus_problem(problems)
            return False
        warnings = _page_warnings(draft, self.page_id, self.context.today())
        if warnings and not self.context.quiet:
            answer = QMessageBox.question(
                self,
                "Bitte prüfen",
                "\n".join(warnings.values()) + "\n\nTrotzdem weiter?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.focus_problem(warnings)
                return False
        return True

    def problems(self, draft: GoalDraft) -> dict[str, str]:
        """Why the user cannot go on from this page (German, by field)."""
        return page_problems(draft, self.page_id)

    def focus_problem(self, problems: dict[str, str]) -> None:
        """Put the cursor where the first of ``problems`` can be fixed."""
        first = next((self.fields[k] for k in problems if k in self.fields), None)
        if first is not None:
            first.setFocus()

    def first_field(self) -> QWidget | None:
        """The field the cursor starts in when the page is shown."""
        return next(iter(self.fields.values()), None)

    def focus_first(self) -> None:
        """Put the cursor into the page's first field."""
        field = self.first_field()
        if field is not None and field.isEnabled():
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def problems_text(self) -> str:
        """The red reasons shown on the page; empty when none are shown."""
        return "" if self.problems_label.isHidden() else self.problems_label.text()

    def _refresh_problems(self) -> None:
        # Once shown, the reasons follow the typing and vanish when fixed.
        if self._problems_shown:
            problems = self.problems(self.context.draft_now())
            self.problems_label.show_problems(problems)
            self._problems_shown = bool(problems)


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
