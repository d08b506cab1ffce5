"""At 1366×768 on the demo, every table shows its key columns wide enough and on screen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView, QWidget

from asd_desktop.ui.case_list_model import COL_AREA, COL_DEADLINE, COL_FAMILY
from asd_desktop.ui.case_view.tables import AreaHistoryModel, ContactTableModel, PersonTableModel
from asd_desktop.ui.conflict_inbox import ConflictInbox
from asd_desktop.ui.documents_tab import DocumentTableModel
from asd_desktop.ui.familienrat_tab import CouncilHistoryModel
from asd_desktop.ui.goals_tab import ActionGoalsModel, AgreementsModel, ResourcesModel
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.mandates_tab import MandateTableModel
from asd_desktop.ui.sozialraum_window import LEARNED_COLUMN, CatalogModel
from asd_desktop.ui.sync_window.peers import PeersModel
from asd_desktop.ui.table_layout import CELL_PADDING
from tests.conftest import PASSPHRASE
from tests.ui.conftest import OFFSCREEN_NOISE

#: Set to a folder to keep the screenshots for a person to look at.
SHOTS_ENV = "ASD_LAYOUT_SHOTS"


@pytest.fixture
def window(qtbot, demo_dir: Path) -> MainWindow:
    """The main window at 1366×768, unlocked on the demo, the case with most contacts open."""
    w = MainWindow(demo_dir)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.lock_screen.unlock.passphrase.setText(PASSPHRASE)
    QTest.keyClick(w.lock_screen.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.is_locked(), timeout=20000)
    opened = w.opened
    assert opened is not None
    fullest = max(
        w.model.rows(),
        key=lambda r: len(opened.cases.get_case(r.id, audit_opening=False).contacts),
    )
    assert w.select_case(fullest.id)
    assert w._open_case(fullest.id)
    return w


def shoot(widget: QWidget, name: str, folder: Path) -> None:
    """Save what ``widget`` shows (and to $ASD_LAYOUT_SHOTS for a person to look at)."""
    pixmap = widget.grab()
    assert pixmap.save(str(folder / f"{name}.png"))
    extra = os.environ.get(SHOTS_ENV)
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        pixmap.save(str(Path(extra) / f"{name}.png"))


def unreadable(table: QTableView, column: int, minimum: int) -> list[str]:
    """Why ``column`` is not readable: narrower than ``minimum`` px or not wholly visible."""
    header = table.horizontalHeader()
    name = table.model().headerData(column, Qt.Orientation.Horizontal)
    where = f"{table.accessibleName()!r} column {name!r}"
    size, left = header.sectionSize(column), header.sectionViewportPosition(column)
    problems = []
    if size < minimum:
        problems.append(f"{where}: {size} px < {minimum} px")
    if left < 0:
        problems.append(f"{where} is scrolled off to the left")
    if left + size > table.viewport().width():
        problems.append(f"{where} reaches past the right edge ({left} + {size} px")
        problems[-1] += f" > {table.viewport().width()} px)"
    return problems


def cut_cells(table: QTableView, column: int) -> list[str]:
    """The cells of ``column`` whose text does not fit their width (a short column must not cut)."""
    model = table.model()
    width = table.columnWidth(column)
    name = str(model.headerData(column, Qt.Orientation.Horizontal)).replace("\n", " ")
    problems = []
    for row in range(model.rowCount()):
        text = str(model.index(row, column).data() or "")
        needed = table.fontMetrics().horizontalAdvance(text) + CELL_PADDING
        if needed > width:
            problems.append(f"{table.accessibleName()!r} column {name!r}: {text!r} is cut")
    return problems


def scrolls_sideways(table: QTableView) -> list[str]:
    """A table that needs its horizontal scrollbar hides a column from the caseworker."""
    bar = table.horizontalScrollBar()
    if bar.maximum() > 0:
        return [f"{table.accessibleName()!r} scrolls sideways by {bar.maximum()} px"]
    return []


# The offscreen platform cannot raise a window; open_sozialraum and open_sync ask it to.
@pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE, r"This plugin does not support raise\(\)")
def test_every_tab_and_window_shows_its_key_columns(qtbot, window: MainWindow, tmp_path: Path):
    problems: list[str] = []
    # The case list leaves the case most of the width.
    left, right = window.splitter.sizes()
    if left > 0.37 * (left + right):
        problems.append(f"the case list takes {left} of {left + right} px")
    problems += unreadable(window.table, COL_FAMILY, 90)
    problems += unreadable(window.table, COL_DEADLINE, 70)
    # The short columns show their whole content: the area's word and the whole date.
    for column in (COL_AREA, COL_DEADLINE):
        problems += unreadable(window.table, column, 60)
        problems += cut_cells(window.table, column)
    problems += scrolls_sideways(window.table)

    view = window.case_view
    assert view is not None
    checks: dict[str, list[tuple[QTableView, int, int]]] = {
        "Überblick": [
            (view.overview.areas_table, AreaHistoryModel.REASON, 250),
            (view.overview.persons_table, PersonTableModel.CONTACT, 200),
            (view.overview.persons_table, PersonTableModel.NAME, 50),
        ],
        "Kontakte": [
            (view.contacts_table, ContactTableModel.NOTE, 250),
            (view.contacts_table, ContactTableModel.NEXT_STEP, 100),
            (view.contacts_table, ContactTableModel.DUE, 70),
        ],
    }
    if view.goals_tab is not None:
        goals = view.goals_tab
        checks["Wille & Ziele"] = [
            (goals.agreements_table, AgreementsModel.DIRECTION, 200),
            (goals.agreements_table, AgreementsModel.PLACE, 60),
            (goals.goals_table, ActionGoalsModel.TEXT, 200),
            (goals.goals_table, ActionGoalsModel.STATUS, 60),
            (goals.resources_table, ResourcesModel.DESCRIPTION, 120),
            (goals.resources_table, ResourcesModel.KIND, 60),
            (goals.resources_table, ResourcesModel.HELPS, 60),
        ]
    if view.familienrat_tab is not None:
        checks["Familienrat"] = [
            (view.familienrat_tab.table, CouncilHistoryModel.PHASE, 150),
            (view.familienrat_tab.table, CouncilHistoryModel.REVIEW, 70),
        ]
    if view.mandates_tab is not None:
        checks["Aufträge/Auflagen"] = [(view.mandates_tab.table, MandateTableModel.WHAT, 250)]
    if view.documents_tab is not None:
        checks["Dokumente"] = [(view.documents_tab.table, DocumentTableModel.TITLE, 250)]

    visited = set()
    for index in range(view.tabs.count()):
        view.set_current_tab(index)
        label = view.tabs.tabText(index).replace("&&", "\0").replace("&", "").replace("\0", "&")
        qtbot.waitUntil(lambda i=index: view.tabs.currentIndex() == i)
        shoot(window, f"tab-{index}-{label.replace('/', '-')}", tmp_path)
        for table, column, minimum in checks.get(label, []):
            problems += unreadable(table, column, minimum)
        for table in {id(t): t for t, _, _ in checks.get(label, [])}.values():
            problems += scrolls_sideways(table)
        visited.add(label)
    assert set(checks) <= visited

    opened = window.opened
    assert opened is not None
    window.open_sozialraum()
    catalogue = window.sozialraum_window
    assert catalogue is not None
    qtbot.waitExposed(catalogue)
    shoot(catalogue, "sozialraum-katalog", tmp_path)
    for column, minimum in ((0, 180), (4, 150), (5, 150)):
        problems += unreadable(catalogue.catalog_table, column, minimum)
    assert CatalogModel.HEADERS[0] == "Name"
    catalogue.tabs.setCurrentIndex(1)
    shoot(catalogue, "sozialraum-erkundungen", tmp_path)
    problems += unreadable(catalogue.exploration_table, LEARNED_COLUMN, 250)
    catalogue.close()

    window.open_sync()
    sync = window.sync_window
    assert sync is not None
    qtbot.waitExposed(sync)
    shoot(sync, "synchronisation", tmp_path)
    problems += unreadable(sync.table, PeersModel.COL_NAME, 150)
    sync.close()

    inbox = ConflictInbox(opened.sync, parent=window)
    qtbot.addWidget(inbox)
    inbox.show()
    qtbot.waitExposed(inbox)
    shoot(inbox, "konfliktposteingang", tmp_path)
    inbox.close()
    assert not problems, "\n".join(problems)
