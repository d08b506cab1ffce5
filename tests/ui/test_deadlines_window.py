"""The window "Termine und Fristen", driven by keyboard on the demo case file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from asd_desktop.domain.enums import DueKind
from asd_desktop.services.deadlines import DueItem
from asd_desktop.ui.deadlines import CalendarFileDialog, DeadlinesWindow, DueGroup, group_of
from asd_desktop.ui.deadlines.calendar import WeekModel
from asd_desktop.ui.deadlines.list_model import (
    COL_DATE,
    COL_KIND,
    OVERDUE_COLOR,
    DueListModel,
)
from asd_desktop.ui.deadlines.window import LIST_TAB, MONTH_TAB, WEEK_TAB

TODAY = dt.date.today()
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, demo):
    w = DeadlinesWindow(demo.deadlines, done_by="Frau Berger", today=lambda: TODAY)
    # qtbot closes and deletes it itself.
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(w)
    w.resize(1100, 660)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def _rows(model: DueListModel) -> list[DueItem]:
    return model.items()


def test_models_pass_qt_modeltest(qtmodeltester, demo):
    items = demo.deadlines.items()
    model = DueListModel(today=lambda: TODAY)
    model.set_items(items)
    qtmodeltester.check(model)
    week = WeekModel(today=lambda: TODAY)
    week.set_week(TODAY - dt.timedelta(days=TODAY.weekday()), items)
    qtmodeltester.check(week)


def test_list_shows_every_open_item_grouped_with_overdue_first(window, demo):
    items = demo.deadlines.items()
    model = window.list_model
    assert {i.key for i in model.items()} == {i.key for i in items}
    headings = [h.group for h in model.headings()]
    assert headings[0] is DueGroup.OVERDUE
    assert headings == sorted(headings, key=list(DueGroup).index)
    first = model.first_item_row()
    overdue = model.item_at(first)
    assert overdue is not None
    assert overdue.due_on < TODAY
    date_cell = model.index(first, COL_DATE)
    assert date_cell.data().endswith("(überfällig)")
    assert date_cell.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
    # The heading cannot be selected: the arrow keys pass over it.
    assert not model.flags(model.index(first - 1, 0)) & Qt.ItemFlag.ItemIsSelectable
    overdue_count = sum(1 for i in items if i.due_on < TODAY)
    assert model.headings()[0].count == overdue_count
    assert f"{overdue_count} überfällig" in window.summary_label.text()


def test_space_marks_a_step_done_and_ctrl_z_takes_it_back(qtbot, window, demo):
    table = window.list_table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    model = window.list_model
    step_row = next(
        r for r in range(model.rowCount()) if (i := model.item_at(r)) and i.kind is DueKind.STEP
    )
    table.setCurrentIndex(model.index(step_row, 0))
    step = table.current_item()
    assert step is not None
    with qtbot.waitSignal(window.items_changed):
        qtbot.keyClick(table, Qt.Key.Key_Space)
    assert step.key not in {i.key for i in model.items()}
    assert step.key not in {i.key for i in demo.deadlines.items()}
    assert demo.deadlines.item(step.key).done
    assert "Erledigt" in window.message_label.text()
    # The keyboard stays in the list, on the next item.
    assert table.current_item() is not None
    with qtbot.waitSignal(window.items_changed):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert step.key in {i.key for i in demo.deadlines.items()}
    assert table.current_item() == step


def test_enter_asks_to_open_the_case_at_its_tab(qtbot, window):
    table = window.list_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    item = table.current_item()
    assert item is not None
    with qtbot.waitSignal(window.open_requested) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [item]
    assert window.isVisible()


def test_an_item_done_elsewhere_is_not_marked_here(qtbot, window, demo):
    model = window.list_model
    row = next(
        r for r in range(model.rowCount()) if (i := model.item_at(r)) and not i.can_mark_done
    )
    window.list_table.setCurrentIndex(model.index(row, 0))
    assert not window.done_button.isEnabled()
    window.list_table.setFocus()
    qtbot.keyClick(window.list_table, Qt.Key.Key_Space)
    assert "im Fall selbst erledigt" in window.message_label.text()
    assert len(model.items()) == len(demo.deadlines.items())


def test_filters_by_case_and_kind(window, demo):
    items = demo.deadlines.items()
    case_id = items[0].case_id
    window.case_filter.setCurrentIndex(window.case_filter.findData(case_id))
    assert {i.case_id for i in window.list_model.items()} == {case_id}
    assert len(window.list_model.items()) == len(demo.deadlines.items(case_id=case_id))
    window.case_filter.setCurrentIndex(0)
    window.kind_filter.setCurrentIndex(window.kind_filter.findData(DueKind.MANDATE.value))
    shown = window.list_model.items()
    assert shown
    assert {i.kind for i in shown} == {DueKind.MANDATE}
    assert {i.key for i in shown} == {i.key for i in demo.deadlines.items(kinds=[DueKind.MANDATE])}
    first = window.list_model.first_item_row()
    assert window.list_model.index(first, COL_KIND).data() == "Frist Auftrag/Auflage"


def test_week_and_month_by_keys(qtbot, window, demo):
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.tabs.currentIndex() == WEEK_TAB
    week = window.week_view
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    assert week.model.monday() == monday
    this_week = [
        i for i in demo.deadlines.items() if monday <= i.due_on <= monday + dt.timedelta(6)
    ]
    shown = [
        week.model.item_at(r, c)
        for c in range(7)
        for r in range(week.model.rowCount())
        if week.model.item_at(r, c) is not None
    ]
    assert {i.key for i in shown if i} == {i.key for i in this_week}
    qtbot.keyClick(week.table, Qt.Key.Key_PageDown)
    assert week.model.monday() == monday + dt.timedelta(days=7)
    qtbot.keyClick(week.table, Qt.Key.Key_PageUp)
    qtbot.keyClick(week.table, Qt.Key.Key_PageUp)
    assert week.model.monday() == monday - dt.timedelta(days=7)

    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert window.tabs.currentIndex() == MONTH_TAB
    month = window.month_view
    assert set(month.marked_days()) == {i.due_on for i in demo.deadlines.items()}
    day = month.marked_days()[-1]
    month.select_day(day)
    assert {i.key for i in month.day_model.items()} == {
        i.key for i in demo.deadlines.items() if i.due_on == day
    }
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.tabs.currentIndex() == LIST_TAB


def test_screenshot_at_1366x768(qtbot, window, tmp_path: Path):
    window.resize(1366, 740)
    path = tmp_path / "termine.png"
    assert window.grab().save(str(path))
    Path("/tmp/shots/termine.png").write_bytes(path.read_bytes())
    window.show_tab(WEEK_TAB)
    assert window.grab().save(str(tmp_path / "woche.png"))
    Path("/tmp/shots/woche.png").write_bytes((tmp_path / "woche.png").read_bytes())
    window.show_tab(MONTH_TAB)
    assert window.grab().save(str(tmp_path / "monat.png"))
    Path("/tmp/shots/monat.png").write_bytes((tmp_path / "monat.png").read_bytes())
    assert group_of(TODAY, TODAY) is DueGroup.TODAY


def test_export_writes_the_office_calendar_without_names(qtbot, demo, monkeypatch, tmp_path):
    w = DeadlinesWindow(demo.deadlines, export=demo.calendar.export, today=lambda: TODAY)
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(w)
    w.show()
    target = tmp_path / "buero.ics"
    monkeypatch.setattr(CalendarFileDialog, "ask", classmethod(lambda cls, parent, s: target))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    assert w.export_button.isVisible()
    op = w.export_calendar()
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    assert op.error is None
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == len(demo.deadlines.items())
    for item in demo.deadlines.items():
        assert item.family_name not in text
    assert told
    assert "enthält nur Aktenzeichen und Art des Termins" in told[0]
    assert "exportiert" in w.message_label.text()


def test_export_to_an_unwritable_folder_says_so(qtbot, demo, monkeypatch, tmp_path):
    w = DeadlinesWindow(demo.deadlines, export=demo.calendar.export, today=lambda: TODAY)
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(w)
    target = tmp_path / "gibt-es-nicht" / "buero.ics"
    monkeypatch.setattr(CalendarFileDialog, "ask", classmethod(lambda cls, parent, s: target))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    op = w.export_calendar()
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    assert warned
    assert not target.exists()
    assert "nicht exportiert" in w.message_label.text()


def test_week_and_month_act_on_their_items_by_keyboard(qtbot, window, demo):
    # The week of the latest item: Space on its cell marks it done (when it can be).
    markable = [i for i in demo.deadlines.items() if i.can_mark_done]
    item = markable[-1]
    window.show_tab(WEEK_TAB)
    week = window.week_view
    week.show_week(item.due_on)
    assert week.select_item(item.key)
    qtbot.waitUntil(week.table.hasFocus)
    assert window.done_button.isEnabled()
    with qtbot.waitSignal(window.items_changed):
        qtbot.keyClick(week.table, Qt.Key.Key_Space)
    assert demo.deadlines.item(item.key).done
    assert week.model.position_of(item.key) is None

    # The month: Enter on a marked day goes to its items, Enter there opens the case.
    window.show_tab(MONTH_TAB)
    month = window.month_view
    day = month.marked_days()[0]
    month.select_day(day)
    # The keys go to the calendar's own day grid, which holds the focus inside it.
    qtbot.waitUntil(lambda: month.calendar.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(month.day_table.hasFocus)
    first = month.day_table.current_item()
    assert first is not None
    assert first.due_on == day
    with qtbot.waitSignal(window.open_requested) as blocker:
        qtbot.keyClick(month.day_table, Qt.Key.Key_Return)
    assert blocker.args == [first]
