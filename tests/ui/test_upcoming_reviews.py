"""The main window's overview of Familienrat review dates across all cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from asd_desktop.ui.familienrat.upcoming_reviews import (
    CASE_ID_ROLE,
    NONE_TEXT,
    OVERDUE_COLOR,
    TITLE,
    UpcomingReviewsModel,
    UpcomingReviewsPanel,
)
from tests.ui.test_familienrat_decision import (
    council_in_decision,
    council_in_follow_up,
    make_case,
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
TODAY = dt.date.today()


def screenshot(widget: QWidget, name: str) -> None:
    """Keep a picture of ``widget`` for people to look at (the folder is git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture
def seeded(opened):
    """Three decided councils (one overdue) and one still in the decision."""
    overdue_case = make_case(opened, "ASD-2025-0011", "Nowak")
    later_case = make_case(opened, "ASD-2025-0012", "Yılmaz")
    soon_case = make_case(opened, "ASD-2025-0013", "Özdemir")
    undecided_case = make_case(opened, "ASD-2025-0014", "Schulz")
    long_ago = dt.datetime.combine(TODAY - dt.timedelta(days=120), dt.time(10))
    recent = dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time(10))
    council_in_follow_up(opened, overdue_case, long_ago, review_on=TODAY - dt.timedelta(days=10))
    council_in_follow_up(opened, later_case, recent, review_on=TODAY + dt.timedelta(days=60))
    council_in_follow_up(opened, soon_case, recent, review_on=TODAY + dt.timedelta(days=5))
    council_in_decision(opened, undecided_case)
    return {
        "overdue": overdue_case,
        "later": later_case,
        "soon": soon_case,
        "undecided": undecided_case,
    }


@pytest.fixture
def panel(qtbot, opened):
    widget = UpcomingReviewsPanel(opened.familienrat, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(520, 240)
    widget.show()
    return widget


def _column(panel: UpcomingReviewsPanel, column: int) -> list[str]:
    model = panel.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_lists_review_dates_soonest_first_with_overdue_marked(qtbot, panel, seeded):
    panel.refresh()
    model = panel.model
    assert _column(panel, model.FILE_NUMBER) == ["ASD-2025-0011", "ASD-2025-0013", "ASD-2025-0012"]
    assert _column(panel, model.FAMILY) == ["Nowak", "Özdemir", "Yılmaz"]
    dates = _column(panel, model.DATE)
    overdue_on = (TODAY - dt.timedelta(days=10)).strftime("%d.%m.%Y")
    assert dates[0] == f"{overdue_on} (überfällig)"
    assert "überfällig" not in dates[1]
    assert "überfällig" not in dates[2]
    # Not colour alone: the text says it, and the colour marks the row.
    first = model.index(0, model.FAMILY)
    assert QColor(first.data(Qt.ItemDataRole.ForegroundRole)) == OVERDUE_COLOR
    assert model.index(1, model.FAMILY).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, model.DATE).data(Qt.ItemDataRole.FontRole).bold()
    assert "überfällig" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert first.data(CASE_ID_ROLE) == seeded["overdue"]
    # The council still in its decision has no review date yet.
    assert seeded["undecided"] not in [r.case_id for r in model.rows()]
    assert panel.title_label.text() == TITLE
    assert panel.status_label.text() == "3 anstehend, davon 1 überfällig"
    assert panel.table.isVisible()
    screenshot(panel, "fr_upcoming")


def test_enter_and_double_click_ask_for_the_case(qtbot, panel, seeded):
    panel.refresh()
    panel.table.setFocus()
    panel.table.selectRow(1)
    with qtbot.waitSignal(panel.case_requested) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert blocker.args == [seeded["soon"]]

    rect = panel.table.visualRect(panel.model.index(2, panel.model.FAMILY))
    # A real double click starts with a press (Qt checks the pressed row).
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.case_requested) as blocker:
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [seeded["later"]]


def test_keyboard_reaches_the_table(qtbot, panel, seeded):
    panel.refresh()
    panel.setFocus()
    assert panel.table.hasFocus()
    assert panel.table.accessibleName() == TITLE
    assert panel.table.currentIndex().row() == 0
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.table.currentIndex().row() == 1


def test_empty_and_cleared(qtbot, panel, seeded, opened):
    assert panel.model.rowCount() == 0
    assert panel.status_label.text() == NONE_TEXT
    assert not panel.table.isVisible()
    panel.refresh()
    assert panel.model.rowCount() == 3
    panel.clear()
    assert panel.model.rowCount() == 0
    assert panel.status_label.text() == NONE_TEXT


def test_closed_council_leaves_the_overview(qtbot, panel, seeded, opened):
    from asd_desktop.domain.enums import AgreementKept, CouncilOutcome
    from asd_desktop.services.familienrat import FollowUpInput, ReviewItem

    fr = opened.familienrat
    council_id = fr.list_for_case(seeded["soon"])[0].id
    council = fr.get(council_id)
    fr.save_follow_up(
        council_id,
        FollowUpInput(
            TODAY,
            tuple(ReviewItem(a.id, AgreementKept.KEPT) for a in council.agreements),
            CouncilOutcome.NONE_NEEDED,
        ),
    )
    fr.advance(council_id)
    panel.refresh()
    assert seeded["soon"] not in [r.case_id for r in panel.model.rows()]
    assert panel.model.rowCount() == 2


def test_model_passes_qt_modeltest(qtmodeltester, opened, seeded):
    model = UpcomingReviewsModel()
    model.set_rows(opened.familienrat.upcoming_reviews(TODAY))
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_empty_model_passes_qt_modeltest(qtmodeltester):
    qtmodeltester.check(UpcomingReviewsModel())
