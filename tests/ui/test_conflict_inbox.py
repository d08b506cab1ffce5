"""The conflict inbox resolving real conflicts between three encrypted databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from asd_desktop.models import ActionGoal
from asd_desktop.services.cases import CaseQuery
from asd_desktop.ui.case_list_model import COL_FAMILY, CONFLICT_MARKER, CaseListModel
from asd_desktop.ui.conflict_inbox import DELETE_VS_EDIT, Confirm, ConflictInbox
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.sync_window import ImportReportDialog, SyncWindow
from tests.conftest import PASSPHRASE
from tests.sync.trio import Trio

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A warning fails the test that did not expect it."""
    said: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(warning))
    return said


def concurrent_edit(trio: Trio, a: dict[str, Any], b: dict[str, Any]) -> str:
    """A and B change the same goal before either meets the office; both reach O."""
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, **a)
    trio.b.edit(ActionGoal, goal, **b)
    trio.send(trio.a, trio.o)
    report = trio.send(trio.b, trio.o)
    assert [c.row_id for c in report.new_conflicts] == [goal]
    return goal


def open_inbox(qtbot: Any, trio: Trio) -> ConflictInbox:
    inbox = ConflictInbox(trio.o.ov.sync)
    qtbot.addWidget(inbox)
    inbox.show()
    return inbox


def cell(inbox: ConflictInbox, row: int, column: int) -> Any:
    item = inbox.table.item(row, column)
    assert item is not None
    return item


def header(inbox: ConflictInbox, column: int) -> str:
    item = inbox.table.horizontalHeaderItem(column)
    assert item is not None
    return item.text()


def column_with(inbox: ConflictInbox, row: int, text: str) -> int:
    return next(
        c
        for c in range(inbox.table.columnCount())
        if (item := inbox.table.item(row, c)) is not None and item.text() == text
    )


def case_of(trio: Trio, goal: str) -> str:
    return str(trio.o.get(ActionGoal, goal).case_id)


def family_cell(trio: Trio, case_id: str) -> tuple[str, str]:
    model = CaseListModel()
    model.set_rows(trio.o.ov.cases.list_cases(CaseQuery(status=None)))
    index = model.index(model.row_of(case_id), COL_FAMILY)
    return (
        str(model.data(index, Qt.ItemDataRole.DisplayRole)),
        str(model.data(index, Qt.ItemDataRole.ToolTipRole)),
    )


def test_versions_side_by_side_and_picking_one_settles_it_everywhere(
    qtbot: Any, trio: Trio, no_message_boxes: list[str]
) -> None:
    goal = concurrent_edit(trio, {"text": "Text von A"}, {"text": "Text von B"})
    case_id = case_of(trio, goal)
    shown, tip = family_cell(trio, case_id)
    assert CONFLICT_MARKER in shown
    assert "1 offener Konflikt – im Konfliktposteingang lösen" in tip

    inbox = open_inbox(qtbot, trio)
    assert len(inbox.conflicts()) == 1
    assert inbox.list.count() == 1
    assert inbox.list.item(0).text().startswith("Handlungsziel")
    conflict = inbox.current()
    assert conflict is not None
    assert conflict.row_id == goal
    assert inbox.table.columnCount() == 2
    # The differing field comes first, both texts side by side.
    assert conflict.fields[0] == "text"
    assert inbox.table_fields()[0] == "text"
    assert "agreement_id" not in inbox.table_fields()
    assert inbox.table.rowCount() == len(inbox.table_fields())
    first_row = inbox.table.verticalHeaderItem(0)
    assert first_row is not None
    assert first_row.text() == "Text ≠"
    assert {cell(inbox, 0, c).text() for c in range(2)} == {"Text von A", "Text von B"}
    headers = [header(inbox, c) for c in range(2)]
    assert any("Laptop A" in h for h in headers)
    assert any("Laptop B" in h for h in headers)
    assert all(h.startswith(f"Fassung {i + 1}: ") for i, h in enumerate(headers))
    assert [b.text() for b in inbox.take_buttons] == [
        "Fassung 1 übernehmen",
        "Fassung 2 übernehmen",
    ]
    SCREENSHOTS.mkdir(exist_ok=True)
    assert inbox.grab().save(str(SCREENSHOTS / "conflict_inbox.png"))

    chosen = cell(inbox, 0, 0).text()
    with qtbot.waitSignal(inbox.resolved, timeout=5000):
        qtbot.mouseClick(inbox.take_buttons[0], Qt.MouseButton.LeftButton)
    assert no_message_boxes == []
    assert inbox.conflicts() == []
    assert inbox.list.count() == 0
    assert inbox.empty_label.isVisible()
    assert inbox.resolved_count == 1
    assert trio.o.ov.sync.conflicts() == []
    assert trio.o.get(ActionGoal, goal).text == chosen
    assert CONFLICT_MARKER not in family_cell(trio, case_id)[0]

    trio.full_exchange()
    for node in (trio.o, trio.a, trio.b):
        assert node.ov.sync.conflicts() == []
        assert node.get(ActionGoal, goal).text == chosen
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()


def test_combining_fields_from_both_versions(
    qtbot: Any, trio: Trio, no_message_boxes: list[str]
) -> None:
    goal = concurrent_edit(
        trio,
        {"text": "Text von A", "indicator": "Woran A"},
        {"text": "Text von B", "indicator": "Woran B"},
    )
    inbox = open_inbox(qtbot, trio)
    conflict = inbox.current()
    assert conflict is not None
    assert set(conflict.differing) >= {"text", "indicator"}
    assert set(inbox.pick_combos) >= {"text", "indicator"}
    text_row = inbox.table_fields().index("text")
    indicator_row = inbox.table_fields().index("indicator")
    # Text from A by clicking its cell.
    col_a = column_with(inbox, text_row, "Text von A")
    col_b = column_with(inbox, indicator_row, "Woran B")
    assert col_a != col_b
    rect = inbox.table.visualRect(inbox.table.model().index(text_row, col_a))
    qtbot.mouseClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert inbox.picks()["text"] == col_a
    assert cell(inbox, text_row, col_a).font().bold()
    # The indicator from B with the keyboard alone: move to the cell, press Enter.
    inbox.table.setFocus()
    inbox.table.setCurrentCell(indicator_row, col_b)
    qtbot.keyClick(inbox.table, Qt.Key.Key_Return)
    assert inbox.picks()["indicator"] == col_b
    assert inbox.pick_combos["indicator"].currentIndex() == col_b
    with qtbot.waitSignal(inbox.resolved, timeout=5000):
        qtbot.mouseClick(inbox.combine_button, Qt.MouseButton.LeftButton)
    assert no_message_boxes == []
    assert trio.o.ov.sync.conflicts() == []
    stored = trio.o.get(ActionGoal, goal)
    assert (stored.text, stored.indicator) == ("Text von A", "Woran B")
    trio.full_exchange()
    for node in (trio.o, trio.a, trio.b):
        assert node.ov.sync.conflicts() == []
        got = node.get(ActionGoal, goal)
        assert (got.text, got.indicator) == ("Text von A", "Woran B")


def test_delete_against_edit_is_explicit(
    qtbot: Any, trio: Trio, monkeypatch: pytest.MonkeyPatch, no_message_boxes: list[str]
) -> None:
    goal = concurrent_edit(trio, {"deleted": True}, {"text": "Behalten von B"})
    inbox = open_inbox(qtbot, trio)
    conflict = inbox.current()
    assert conflict is not None
    assert conflict.delete_vs_edit
    assert DELETE_VS_EDIT in inbox.list.item(0).text()
    deleted_at = next(i for i, v in enumerate(conflict.versions) if v.deleted)
    deleted_header = header(inbox, deleted_at)
    assert deleted_header.endswith("gelöscht")
    assert inbox.take_buttons[deleted_at].text().startswith("Löschung")
    # Saying "Nein" to the deletion leaves the conflict open.
    monkeypatch.setattr(Confirm, "yes_no", classmethod(lambda cls, p, t, x: False))
    assert not inbox.take_version(deleted_at)
    assert len(trio.o.ov.sync.conflicts()) == 1
    # Keep the edited one.
    kept = 1 - deleted_at
    assert inbox.take_version(kept)
    assert trio.o.ov.sync.conflicts() == []
    stored = trio.o.get(ActionGoal, goal)
    assert not stored.deleted
    assert stored.text == "Behalten von B"
    assert no_message_boxes == []


def test_import_report_leads_to_the_inbox(
    qtbot: Any, trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text="Text von A")
    trio.b.edit(ActionGoal, goal, text="Text von B")
    trio.send(trio.a, trio.o)
    path = trio.export(trio.b, trio.o)
    window = SyncWindow(trio.o.ov.sync, trio.o.ov.cases)
    qtbot.addWidget(window)
    window.show()
    reports: list[Any] = []
    opened: list[int] = []

    def report(cls: Any, parent: Any, r: Any) -> bool:
        reports.append(r)
        dialog = ImportReportDialog(r)
        qtbot.addWidget(dialog)
        assert dialog.conflicts_button.isVisibleTo(dialog)
        assert "1 neuer Konflikt –" in dialog.text_label.text()
        return True

    def inbox(cls: Any, parent: Any, sync: Any, case_id: Any = None) -> int:
        opened.append(len(sync.conflicts()))
        return 0

    monkeypatch.setattr(ImportReportDialog, "ask", classmethod(report))
    monkeypatch.setattr(ConflictInbox, "ask", classmethod(inbox))
    monkeypatch.setattr(Confirm, "yes_no", classmethod(lambda cls, p, t, x: False))
    op = window.import_from(path)
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert len(reports) == 1
    assert opened == [1]
    assert window.conflicts_button.text() == "&Konflikte (1) …"


def test_main_window_marks_the_case_and_clears_the_mark_after_resolving(
    qtbot: Any, trio: Trio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = concurrent_edit(trio, {"text": "Text von A"}, {"text": "Text von B"})
    case_id = case_of(trio, goal)
    trio.o.ov.close()  # the window opens the office's folder itself
    window = MainWindow(tmp_path / "o")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.lock_screen.unlock.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.lock_screen.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked())
    window.status_filter.setCurrentIndex(2)  # alle
    qtbot.waitUntil(lambda: window.model.row_of(case_id) >= 0)

    def marked() -> bool:
        index = window.model.index(window.model.row_of(case_id), COL_FAMILY)
        return CONFLICT_MARKER in str(window.model.data(index))

    assert marked()
    assert window.opened is not None

    def resolve_first(cls: Any, parent: Any, sync: Any) -> int:
        conflict = sync.conflicts()[0]
        sync.resolve(conflict.table, conflict.row_id, version=0)
        return 1

    monkeypatch.setattr(ConflictInbox, "ask", classmethod(resolve_first))
    window.conflicts_action.trigger()
    assert not marked()
    assert window.opened.sync.conflicts() == []
    window.close()


def test_case_view_offers_to_resolve_the_case_s_conflicts(qtbot: Any, trio: Trio) -> None:
    from asd_desktop.ui.case_view import CaseView

    goal = concurrent_edit(trio, {"text": "Text von A"}, {"text": "Text von B"})
    view = CaseView(trio.o.ov.cases)
    qtbot.addWidget(view)
    view.show()
    view.show_case(case_of(trio, goal))
    assert view.conflicts_button.isVisible()
    assert view.conflicts_button.text() == "⚠ 1 offener Konflikt – lösen …"
    with qtbot.waitSignal(view.conflicts_requested):
        view.conflicts_button.setFocus()
        qtbot.keyClick(view.conflicts_button, Qt.Key.Key_Space)
    conflict = trio.o.ov.sync.conflicts()[0]
    trio.o.ov.sync.resolve(conflict.table, conflict.row_id, version=0)
    view.show_case(case_of(trio, goal), reload=True)
    assert not view.conflicts_button.isVisible()
    other = next(c for c in trio.o.case_ids() if c != case_of(trio, goal))
    view.show_case(other)
    assert not view.conflicts_button.isVisible()


def test_a_record_in_conflict_is_decided_before_its_form_opens(
    qtbot: Any, trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    from asd_desktop.models import Person
    from asd_desktop.services.cases import PersonInput
    from asd_desktop.services.sync.merge import ConflictPendingError
    from asd_desktop.ui.case_view import CaseView
    from asd_desktop.ui.dialogs.person_dialog import PersonDialog

    case_id = trio.o.case_ids()[0]
    view = trio.o.ov.cases.get_case(case_id, audit_opening=False)
    person = view.persons[0]
    trio.a.edit(Person, person.id, last_name="Fassung-A")
    trio.b.edit(Person, person.id, last_name="Fassung-B")
    trio.send(trio.a, trio.o)
    trio.send(trio.b, trio.o)
    sync = trio.o.ov.sync
    assert sync.in_conflict("persons", person.id)
    # The ordinary save is refused: it would write over a version nobody was shown.
    with pytest.raises(ConflictPendingError):
        trio.o.ov.cases.update_person(person.id, PersonInput(last_name="Neu"))

    shown: list[list[str]] = []

    def decide(inbox: ConflictInbox) -> int:
        # The inbox opens on this one record, with every version and the differing field.
        conflict = inbox.current()
        assert conflict is not None
        assert len(inbox.conflicts()) == 1
        assert "last_name" in conflict.differing
        shown.append([v.fields["last_name"] for v in conflict.versions])
        b = next(i for i, v in enumerate(conflict.versions) if v.fields["last_name"] == "Fassung-B")
        inbox.set_pick("last_name", b)
        assert inbox.take_combined()
        return 0

    monkeypatch.setattr(ConflictInbox, "exec", decide)
    opened: list[str] = []

    def ask(_parent: Any, value: Any = None) -> None:
        opened.append(value.last_name)
        return None

    monkeypatch.setattr(PersonDialog, "ask", staticmethod(ask))
    case_view = CaseView(trio.o.ov.cases)
    qtbot.addWidget(case_view)
    case_view.conflict_gate = lambda t, r: ConflictInbox.resolve_first(case_view, sync, t, r)
    case_view.show_case(case_id)
    CaseView._select(case_view.persons_table, case_view.persons_model, person.id)
    selected = case_view.selected_person()
    assert selected is not None
    assert selected.id == person.id
    case_view.edit_person()
    assert sorted(shown[0]) == ["Fassung-A", "Fassung-B"]
    assert opened == ["Fassung-B"]  # the form shows the decision
    assert not sync.in_conflict("persons", person.id)
