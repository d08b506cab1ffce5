"""The case list pane of the main window: search, filters, the list of cases."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import Area, CaseStatus
from asd_desktop.models.errors import AsdError
from asd_desktop.services.cases import CaseQuery
from asd_desktop.services.vault import OpenVault
from asd_desktop.ui.case_list_model import (
    CASE_ID_ROLE,
    COL_FAMILY,
    CaseListModel,
)
from asd_desktop.ui.case_view import CaseView
from asd_desktop.ui.familienrat.upcoming_reviews import UpcomingReviewsPanel
from asd_desktop.ui.table_layout import fit_columns, read_only_table

SEARCH_DEBOUNCE_MS = 150
#: Rows of the case list whose content decides the column widths.
#: The case list's share of the window's width (the case gets the rest).
LIST_SHARE = 0.365
NO_CASE_SELECTED = "Bitte zuerst einen Fall in der Liste auswählen."

STATUS_FILTERS: tuple[tuple[str, CaseStatus | None], ...] = (
    ("offen", CaseStatus.OPEN),
    ("abgeschlossen", CaseStatus.CLOSED),
    ("alle", None),
)
AREA_FILTERS: tuple[tuple[str, Area | None], ...] = (
    ("alle", None),
    *((a.label, a) for a in Area),
)


def count_text(n: int) -> str:
    """The status bar's count of listed cases, in German."""
    if n == 0:
        return "Keine Fälle in der Liste"
    return "1 Fall in der Liste" if n == 1 else f"{n} Fälle in der Liste"


class CaseListWindow(QMainWindow):
    """The case list pane of the main window: search, filters, the list, opening a case.

    The main window builds on it; the vault, the open case view and the actions it
    reads are set by the main window.
    """

    opened: OpenVault | None
    case_view: CaseView | None
    reviews_panel: UpcomingReviewsPanel | None
    count_label: QLabel
    _unlocked_actions: tuple[QAction, ...]

    def _build_work_page(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Suche (Name, Aktenzeichen, Notiz) …")
        self.search.setAccessibleName("Suche in der Fallliste")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_now)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter Status")
        # Qt turns enum members into plain strings; the filter is read by index instead.
        self.status_filter.addItems([label for label, _ in STATUS_FILTERS])
        self.area_filter = QComboBox()
        self.area_filter.setAccessibleName("Filter Bereich")
        self.area_filter.addItems([label for label, _ in AREA_FILTERS])
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.area_filter.currentIndexChanged.connect(self.refresh)

        self.model = CaseListModel(self)
        self.table = read_only_table(self.model, "Fallliste", QTableView())
        # The family name takes the room; the short columns (file number, area word,
        # dates) keep their content's width, so a date is never cut.
        fit_columns(self.table, COL_FAMILY, key_min=90)
        self.table.clicked.connect(self._on_row_chosen)
        self.table.activated.connect(self._on_row_chosen)

        status_label = QLabel("Stat&us:")
        status_label.setBuddy(self.status_filter)
        area_label = QLabel("Berei&ch:")
        area_label.setBuddy(self.area_filter)
        filters = QHBoxLayout()
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(area_label)
        filters.addWidget(self.area_filter, 2)

        left = QWidget()
        left.setAccessibleName("Fallliste mit Suche und Filtern")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        # The overview of upcoming Familienrat reviews, while a case file is open.
        self._reviews_layout = QVBoxLayout()
        self._reviews_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._reviews_layout)

        self.case_area = QWidget()
        self.case_area.setAccessibleName("Geöffneter Fall")
        self._case_layout = QVBoxLayout(self.case_area)
        self._case_layout.setContentsMargins(0, 0, 0, 0)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setAccessibleName("Fallliste und Fall")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.case_area)
        self.splitter.setChildrenCollapsible(False)
        # A wider window widens the case, not the list.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([round(1344 * LIST_SHARE), round(1344 * (1 - LIST_SHARE))])
        self._list_share_chosen = False
        self.splitter.splitterMoved.connect(self._on_list_share_chosen)
        page = QWidget()
        page.setAccessibleName("Arbeitsbereich")
        layout = QVBoxLayout(page)
        layout.addWidget(self.splitter)
        return page

    # --- the case list ----------------------------------------------------------------

    def query(self) -> CaseQuery:
        """The list's filters as entered."""
        return CaseQuery(
            text=self.search.text().strip(),
            status=STATUS_FILTERS[max(0, self.status_filter.currentIndex())][1],
            area=AREA_FILTERS[max(0, self.area_filter.currentIndex())][1],
        )

    @Slot()
    def refresh(self, select_id: str | None = None) -> None:
        """Reload the list for the current filters, keeping the selected case if listed."""
        if self.opened is None:
            return
        keep = select_id or self.selected_case_id()
        if keep is None and self.case_view is not None:
            keep = self.case_view.current_case_id()
        try:
            rows = self.opened.cases.list_cases(self.query())
        except AsdError as exc:
            self._warn("Fallliste", exc.message)
            return
        self.model.set_rows(rows)
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.count_label.setText(count_text(len(rows)))

    def _fit_list_width(self) -> None:
        """Give the list its share of the width, unless the user has moved the divider."""
        if self._list_share_chosen:
            return
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([round(total * LIST_SHARE), total - round(total * LIST_SHARE)])

    @Slot()
    def _on_list_share_chosen(self) -> None:
        """The user moved the divider: keep their choice while the window is open."""
        self._list_share_chosen = True

    def selected_case_id(self) -> str | None:
        """The id of the case selected in the list, if any."""
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        value = selected[0].data(CASE_ID_ROLE)
        return value if isinstance(value, str) else None

    def select_case(self, case_id: str) -> bool:
        """Select ``case_id`` in the list; False when it is not listed."""
        row = self.model.row_of(case_id)
        if row < 0:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    @Slot()
    def _search_now(self) -> None:
        self._search_timer.stop()
        self.refresh()
        self.focus_list()

    @Slot(QModelIndex)
    def _on_row_chosen(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if isinstance(case_id, str):
            self._open_case(case_id)

    def _open_case(self, case_id: str) -> bool:
        view = self.case_view
        if view is None:
            return False
        if view.current_case_id() == case_id:
            return True
        try:
            view.show_case(case_id)
        except AsdError as exc:
            self._warn("Fall öffnen", exc.message)
            return False
        return view.current_case_id() == case_id

    @Slot(str)
    def _on_case_changed(self, case_id: str) -> None:
        self.refresh(select_id=case_id)
        if self.reviews_panel is not None:
            self.reviews_panel.refresh()

    @Slot(str)
    def open_council_case(self, case_id: str) -> bool:
        """Open ``case_id`` on its "Familienrat" tab (from the overview of reviews)."""
        view = self.case_view
        if view is None:
            return False
        self.select_case(case_id)
        if not self._open_case(case_id):
            return False
        view.open_familienrat()
        return True

    def _act_on_case(self, act: Callable[[CaseView], None]) -> None:
        view = self.case_view
        if view is None:
            return
        case_id = self.selected_case_id() or view.current_case_id()
        if case_id is None:
            self.statusBar().showMessage(NO_CASE_SELECTED, 5000)
            return
        if self._open_case(case_id):
            act(view)

    @Slot()
    def focus_search(self) -> None:
        """Put the cursor into the search field."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot()
    def focus_list(self) -> None:
        """Put the keyboard focus on the case list."""
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.selectionModel().hasSelection() and self.model.rowCount() > 0:
            self.select_case(self.model.rows()[0].id)

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and isinstance(event, QKeyEvent):
            # Arrow down in the search field moves on to the list.
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
                self._search_now()
                return True
            # The window's shortcuts win over the line edit's own (Ctrl+K deletes to the
            # end of the line on Linux): leave the override event unaccepted.
            if event.type() == QEvent.Type.ShortcutOverride and self._is_window_shortcut(event):
                return True
        return super().eventFilter(watched, event)

    def _is_window_shortcut(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(a.isEnabled() and a.shortcut() == pressed for a in self._unlocked_actions)
