"""Termine und Fristen from the main window, on the demo: Ctrl+T, Enter, Space, agreement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from asd_desktop.domain.enums import DueKind
from asd_desktop.services.deadlines import DueItem
from asd_desktop.ui.case_view import CaseView
from asd_desktop.ui.deadlines import DeadlinesWindow
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.main_window.due_dates import DUE_LABEL_NAME
from asd_desktop.ui.mandates_tab import OverdueDialog
from tests.ui.conftest import OFFSCREEN_NOISE
from tests.ui.test_main_window import _unlock

TODAY = dt.date.today()
CTRL = Qt.KeyboardModifier.ControlModifier
#: The offscreen platform cannot raise windows; the window asks it to on every open.
NO_RAISE = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)", *OFFSCREEN_NOISE)


@pytest.fixture
def window(qtbot, demo_dir) -> MainWindow:
    w = MainWindow(demo_dir)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    _unlock(qtbot, w)
    assert w.opened is not None
    # Show every case, closed ones too, so each item's case is listed.
    w.status_filter.setCurrentIndex(2)
    return w


def _view(w: MainWindow) -> CaseView:
    assert w.case_view is not None
    return w.case_view


def _open_list(qtbot, w: MainWindow) -> DeadlinesWindow:
    qtbot.keyClick(w.table, Qt.Key.Key_T, CTRL)
    dates = w.due.deadlines_window
    assert dates is not None
    qtbot.waitExposed(dates)
    dates.activateWindow()
    qtbot.waitUntil(dates.isActiveWindow)
    dates.list_table.setFocus()
    qtbot.waitUntil(dates.list_table.hasFocus)
    return dates


def _go_to(qtbot, dates: DeadlinesWindow, match: Callable[[DueItem], bool]) -> DueItem:
    """Move with the arrow keys to the first item ``match`` accepts."""
    table = dates.list_table
    for _ in range(dates.list_model.rowCount()):
        item = table.current_item()
        if item is not None and match(item):
            return item
        qtbot.keyClick(table, Qt.Key.Key_Down)
    raise AssertionError("no such item in the list")


def test_status_line_says_what_is_due_after_unlocking(window):
    assert window.opened is not None
    summary = window.opened.deadlines.summary(TODAY)
    expected = (
        f"Heute fällig: {summary.due_today} · Überfällig: {summary.overdue} — "
        "Strg+T zeigt die Termine und Fristen"
    )
    assert window.due.label.text() == expected
    assert window.due.label.accessibleName() == DUE_LABEL_NAME
    assert window.due.label.accessibleDescription() == expected
    assert summary.overdue > 0


@NO_RAISE
def test_enter_opens_the_case_at_the_tab_of_the_item(qtbot, window):
    dates = _open_list(qtbot, window)
    mandate = _go_to(qtbot, dates, lambda i: i.kind is DueKind.MANDATE)
    qtbot.keyClick(dates.list_table, Qt.Key.Key_Return)
    view = _view(window)
    assert view.current_case_id() == mandate.case_id
    assert view.tabs.currentWidget() is view.mandates_tab
    assert window.selected_case_id() == mandate.case_id

    dates.activateWindow()
    qtbot.waitUntil(dates.isActiveWindow)
    dates.list_table.setFocus()
    step = _go_to(qtbot, dates, lambda i: i.kind is DueKind.STEP)
    qtbot.keyClick(dates.list_table, Qt.Key.Key_Return)
    assert view.current_case_id() == step.case_id
    assert view.tabs.currentWidget() is view.contacts
    steps = view.steps_panel
    assert steps is not None
    chosen = steps.selected_step()
    assert chosen is not None
    assert chosen.id == step.record_id
    # The main window comes to the front with the keyboard on that step.
    qtbot.waitUntil(window.isActiveWindow)
    assert window.focusWidget() is steps.table


@NO_RAISE
def test_space_marks_a_step_done_and_the_case_list_follows(qtbot, window):
    opened = window.opened
    assert opened is not None
    dates = _open_list(qtbot, window)
    step = _go_to(qtbot, dates, lambda i: i.kind is DueKind.STEP)
    before = opened.deadlines.summary(TODAY)
    with qtbot.waitSignal(dates.items_changed):
        qtbot.keyClick(dates.list_table, Qt.Key.Key_Space)
    assert opened.deadlines.item(step.key).done
    remaining = [i.due_on for i in opened.deadlines.items(case_id=step.case_id)]
    row = window.model.case_at(window.model.row_of(step.case_id))
    assert row is not None
    assert row.next_deadline == (min(remaining) if remaining else None)
    after = opened.deadlines.summary(TODAY)
    assert after.overdue + after.due_today == before.overdue + before.due_today - (
        1 if step.due_on <= TODAY else 0
    )
    assert window.due.label.text().startswith(f"Heute fällig: {after.due_today} ")


@NO_RAISE
def test_case_list_overdue_view_and_reviews_agree_with_the_list(qtbot, window):
    opened = window.opened
    assert opened is not None
    dates = _open_list(qtbot, window)
    items = dates.list_model.items()
    assert {i.key for i in items} == {i.key for i in opened.deadlines.items()}

    # The case list's "nächste Frist": the earliest open item of any kind.
    for row in window.model.rows():
        own = [i.due_on for i in items if i.case_id == row.id]
        assert row.next_deadline == (min(own) if own else None), row.file_number
    overdue_cases = {i.case_id for i in items if i.due_on < TODAY}
    assert {r.id for r in window.model.rows() if window.model.is_overdue(r)} == overdue_cases

    # "Überfällige Fristen": the overdue items, then those of the next 14 days.
    dialog = OverdueDialog(opened.instruments)
    qtbot.addWidget(dialog)
    shown = [r.key for r in dialog.model.rows()]
    soon = TODAY + dt.timedelta(days=14)
    assert shown == [i.key for i in items if i.due_on < TODAY] + [
        i.key for i in items if TODAY <= i.due_on <= soon
    ]

    # "Anstehende Überprüfungen": the Familienrat review dates of the list.
    panel = window.reviews_panel
    assert panel is not None
    reviews = [(r.case_id, r.review_on) for r in panel.model.rows()]
    assert reviews == [(i.case_id, i.due_on) for i in items if i.is_review]
    assert reviews


@NO_RAISE
def test_screenshot_at_1366x768(qtbot, window, tmp_path: Path):
    window.resize(1366, 768)
    dates = _open_list(qtbot, window)
    dates.resize(1200, 700)
    main = tmp_path / "hauptfenster.png"
    assert window.grab().save(str(main))
    shot = tmp_path / "termine.png"
    assert dates.grab().save(str(shot))
    Path("/tmp/shots/hauptfenster.png").write_bytes(main.read_bytes())
    assert dates.frameGeometry().width() <= 1366
    assert dates.frameGeometry().height() <= 768
    # The open steps of a case on its Kontakte tab, opened from the list.
    _go_to(qtbot, dates, lambda i: i.kind is DueKind.STEP)
    qtbot.keyClick(dates.list_table, Qt.Key.Key_Return)
    steps = _view(window).steps_panel
    assert steps is not None
    assert steps.isVisible()
    contacts = tmp_path / "kontakte.png"
    assert window.grab().save(str(contacts))
    Path("/tmp/shots/kontakte.png").write_bytes(contacts.read_bytes())


def test_overdue_view_opens_the_case_where_its_most_urgent_date_is(qtbot, window, monkeypatch):
    opened = window.opened
    assert opened is not None
    step = next(i for i in opened.deadlines.items() if i.kind is DueKind.STEP)
    earliest = opened.deadlines.items(case_id=step.case_id)[0]
    monkeypatch.setattr(OverdueDialog, "ask", classmethod(lambda cls, p, i: step.case_id))
    window.overdue_action.trigger()
    view = _view(window)
    assert view.current_case_id() == step.case_id
    expected = {
        "kontakte": view.contacts,
        "ziele": view.goals_tab,
        "familienrat": view.familienrat_tab,
        "auftraege": view.mandates_tab,
    }[earliest.tab]
    assert view.tabs.currentWidget() is expected
