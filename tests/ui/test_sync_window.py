"""The Synchronisation view on three real encrypted databases (office O, laptops A and B)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import delete

from asd_desktop.models import ActionGoal
from asd_desktop.models.sync import CaseAssignment
from asd_desktop.services import vault
from asd_desktop.services.sync import ImportReport
from asd_desktop.services.sync.exchange import ImportCancelledError
from asd_desktop.ui.conflict_inbox import Confirm, ConflictInbox
from asd_desktop.ui.enroll_dialogs import (
    EnrollDeviceDialog,
    FileChooser,
    JoinDialog,
    OfficeSetupDialog,
)
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.sync_window import (
    DELETE_QUESTION,
    AssignCasesDialog,
    ImportReportDialog,
    PeersModel,
    ReviewDialog,
    SyncWindow,
)
from tests.conftest import PASSPHRASE
from tests.sync.trio import Trio
from tests.ui.conftest import OFFSCREEN_NOISE

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


class Messages:
    """Replaces QMessageBox.information/warning; remembers what was said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.info: list[str] = []
        self.warnings: list[str] = []

        def information(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
            self.info.append(text)
            return QMessageBox.StandardButton.Ok

        def warning(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
            self.warnings.append(text)
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))


def open_window(qtbot: Any, node: Any) -> SyncWindow:
    window = SyncWindow(node.ov.sync, node.ov.cases)
    qtbot.addWidget(window)
    window.show()
    return window


def peer_by_name(window: SyncWindow, name: str) -> Any:
    return next(r for r in window.peers() if r.device.name == name)


def save_shot(widget: Any, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / name))


def test_office_view_lists_laptops_with_pending_counts(qtbot: Any, trio: Trio) -> None:
    # Once both laptops have reported back, the office knows what they hold.
    trio.send(trio.a, trio.o)
    trio.send(trio.b, trio.o)
    goal = trio.o.first_goal_ids(1)[0]
    trio.o.edit(ActionGoal, goal, text="Neu aus dem Büro")
    window = open_window(qtbot, trio.o)
    assert "Büro" in window.role_label.text()
    assert "ASD Bezirk Nord" in window.role_label.text()
    assert window.fingerprint_label.text().startswith("Fingerabdruck: ")
    assert {r.device.name for r in window.peers()} == {"Laptop A", "Laptop B"}
    for name in ("Laptop A", "Laptop B"):
        row = peer_by_name(window, name)
        assert row.pending == trio.o.ov.sync.pending_changes(row.device.device_id)
        assert row.pending == 1
        assert row.device.assigned_cases == len(trio.o.case_ids())
    texts = PeersModel.texts(window.model, peer_by_name(window, "Laptop A"))
    assert texts[PeersModel.COL_STATE] == "Aktiv"
    assert not window.table.isColumnHidden(PeersModel.COL_ASSIGNED)
    assert window.enroll_button.isVisible()
    assert window.assign_button.isVisible()
    assert not window.setup_office_button.isVisible()
    assert window.conflicts_button.text() == "&Konflikte (0) …"
    # Changes made while the view is open show after F5.
    trio.o.edit(ActionGoal, trio.o.first_goal_ids(2)[1], text="Noch eine Änderung")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert peer_by_name(window, "Laptop A").pending == 1
    qtbot.keyClick(window, Qt.Key.Key_F5)
    # A button's shortcut clicks it animated, a moment later.
    qtbot.waitUntil(lambda: peer_by_name(window, "Laptop A").pending == 2)
    save_shot(window, "sync_window_office.png")


def test_export_on_office_and_import_on_laptop_through_the_buttons(
    qtbot: Any, trio: Trio, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    messages = Messages(monkeypatch)
    goal = trio.o.first_goal_ids(1)[0]
    trio.o.edit(ActionGoal, goal, text="Neu aus dem Büro")
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(FileChooser, "folder", classmethod(lambda cls, parent, title: stick))

    office = open_window(qtbot, trio.o)
    assert office.select_peer(trio.a.device_id)
    with qtbot.waitSignal(office.operation_finished, timeout=10_000):
        qtbot.mouseClick(office.export_button, Qt.MouseButton.LeftButton)
    bundles = list(stick.glob("*.asdbundle"))
    assert len(bundles) == 1
    assert messages.warnings == []
    assert str(bundles[0]) in messages.info[-1]
    assert "Datensätze" in messages.info[-1] or "Datensatz" in messages.info[-1]
    assert peer_by_name(office, "Laptop A").device.last_export_at is not None

    # On laptop A: read it through the button.
    laptop = open_window(qtbot, trio.a)
    assert "Laptop" in laptop.role_label.text()
    assert [r.device.name for r in laptop.peers()] == ["ASD Bezirk Nord"]
    assert laptop.table.isColumnHidden(PeersModel.COL_ASSIGNED)
    assert not laptop.enroll_button.isVisible()
    save_shot(laptop, "sync_window_laptop.png")
    monkeypatch.setattr(FileChooser, "bundle", classmethod(lambda cls, parent: bundles[0]))
    reports: list[ImportReport] = []
    questions: list[str] = []

    def show_report(cls: Any, parent: Any, report: ImportReport) -> bool:
        reports.append(report)
        return False

    def yes(cls: Any, parent: Any, title: str, text: str) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(ImportReportDialog, "ask", classmethod(show_report))
    monkeypatch.setattr(Confirm, "yes_no", classmethod(yes))
    with qtbot.waitSignals([laptop.data_changed, laptop.operation_finished], timeout=10_000):
        qtbot.mouseClick(laptop.import_button, Qt.MouseButton.LeftButton)
    assert messages.warnings == []
    assert len(reports) == 1
    assert not reports[0].already_imported
    assert reports[0].changed.get("action_goals") == 1
    assert questions == [DELETE_QUESTION]
    assert not bundles[0].exists()
    assert trio.a.get(ActionGoal, goal).text == "Neu aus dem Büro"
    assert laptop.operation is None
    assert laptop.import_button.isEnabled()
    assert peer_by_name(laptop, "ASD Bezirk Nord").device.last_import_at is not None

    text = ImportReportDialog.report_text(reports[0])
    assert "Handlungsziel: 1" in text
    assert "ASD Bezirk Nord" in text
    dialog = ImportReportDialog(reports[0])
    qtbot.addWidget(dialog)
    assert not dialog.conflicts_button.isVisibleTo(dialog)


def test_already_imported_is_a_calm_info_and_no_answer_keeps_the_file(
    qtbot: Any, trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = Messages(monkeypatch)
    goal = trio.a.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text="Vom Laptop")
    path = trio.export(trio.a, trio.o)
    trio.o.ov.sync.import_bundle(path)
    monkeypatch.setattr(Confirm, "yes_no", classmethod(lambda cls, p, t, x: False))
    monkeypatch.setattr(
        ImportReportDialog, "ask", classmethod(lambda cls, p, r: pytest.fail("no report"))
    )
    window = open_window(qtbot, trio.o)
    op = window.import_from(path)
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert isinstance(op.result, ImportReport)
    assert op.result.already_imported
    assert messages.warnings == []
    assert "schon eingelesen" in messages.info[-1]
    assert path.exists()


def test_cancel_during_import_changes_nothing(
    qtbot: Any, trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = Messages(monkeypatch)
    for goal in trio.a.first_goal_ids(2):
        trio.a.edit(ActionGoal, goal, text=f"Geändert {goal[-4:]}")
    path = trio.export(trio.a, trio.o)
    before = trio.o.dump()
    monkeypatch.setattr(
        Confirm, "yes_no", classmethod(lambda cls, p, t, x: pytest.fail("no deletion offer"))
    )
    window = open_window(qtbot, trio.o)
    seen: list[tuple[int, int]] = []
    window.import_progress.connect(lambda done, total: seen.append((done, total)))
    op = window.import_from(path)
    assert op is not None
    assert op.panel is not None
    assert not window.import_button.isEnabled()
    # "Abbrechen" pressed at once: the worker notices it at its first look at the token.
    op.panel.cancel_button.click()
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert seen, "the progress was never read"
    assert isinstance(op.error, ImportCancelledError)
    assert op.result is None
    assert messages.info == [ImportCancelledError().message]
    assert messages.warnings == []
    assert trio.o.dump() == before
    assert path.exists()
    assert window.operation is None
    assert window.import_button.isEnabled()
    # Not cancelled, the same file goes in.
    monkeypatch.setattr(Confirm, "yes_no", classmethod(lambda cls, p, t, x: False))
    monkeypatch.setattr(ImportReportDialog, "ask", classmethod(lambda cls, p, r: False))
    op = window.import_from(path)
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    report = op.result
    assert isinstance(report, ImportReport)
    assert report.changed.get("action_goals") == 2
    assert trio.o.dump() != before


def test_broken_bundle_shows_the_reason_and_changes_nothing(
    qtbot: Any, trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = Messages(monkeypatch)
    trio.a.edit(ActionGoal, trio.a.first_goal_ids(1)[0], text="kaputt")
    path = trio.export(trio.a, trio.o)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    before = trio.o.dump()
    window = open_window(qtbot, trio.o)
    op = window.import_from(path)
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert op.result is None
    assert len(messages.warnings) == 1
    assert messages.warnings[0]
    assert trio.o.dump() == before


def test_assign_cases_and_revoke(qtbot: Any, trio: Trio, monkeypatch: pytest.MonkeyPatch) -> None:
    messages = Messages(monkeypatch)
    window = open_window(qtbot, trio.o)
    assert window.select_peer(trio.b.device_id)
    held = set(trio.o.ov.sync.assigned_cases(trio.b.device_id))
    taken = sorted(held)[0]
    offered: list[set[str]] = []

    def choose(cls: Any, parent: Any, name: str, cases: Any, assigned: set[str]) -> set[str]:
        offered.append(set(assigned))
        assert {c.id for c in cases} >= assigned
        return assigned - {taken}

    monkeypatch.setattr(AssignCasesDialog, "ask", classmethod(choose))
    qtbot.mouseClick(window.assign_button, Qt.MouseButton.LeftButton)
    # Reading the cases and storing the choice both run off the GUI thread.
    qtbot.waitUntil(lambda: bool(offered) and window.operation is None, timeout=10_000)
    assert offered == [held]
    assert set(trio.o.ov.sync.assigned_cases(trio.b.device_id)) == held - {taken}
    assert trio.o.ov.sync.case_holders(taken)["Laptop B"] == "withdrawing"
    assert peer_by_name(window, "Laptop B").device.assigned_cases == len(held) - 1
    assert messages.warnings == []

    monkeypatch.setattr(Confirm, "yes_no", classmethod(lambda cls, p, t, x: True))
    assert window.select_peer(trio.b.device_id)
    qtbot.mouseClick(window.revoke_button, Qt.MouseButton.LeftButton)
    row = peer_by_name(window, "Laptop B")
    assert row.device.revoked
    assert PeersModel.texts(window.model, row)[PeersModel.COL_STATE] == "Gesperrt"
    assert window.selected_peer() is not None
    assert window.selected_peer().name == "Laptop B"  # type: ignore[union-attr]
    assert not window.export_button.isEnabled()


def test_assign_dialog_ticks_what_the_laptop_holds(qtbot: Any, trio: Trio) -> None:
    cases = trio.o.ov.cases.list_cases()
    held = {cases[0].id}
    dialog = AssignCasesDialog("Laptop A", cases, held)
    qtbot.addWidget(dialog)
    assert dialog.checked() == held
    dialog.set_checked(cases[1].id, True)
    dialog.set_checked(cases[0].id, False)
    assert dialog.checked() == {cases[1].id}


def test_office_enrolls_a_laptop_that_joins_through_the_dialogs(
    qtbot: Any, trio: Trio, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    messages = Messages(monkeypatch)
    stick = tmp_path / "stick-einrichtung"
    stick.mkdir()
    enroll = EnrollDeviceDialog(trio.o.ov.sync, trio.o.ov.sync.devices())
    qtbot.addWidget(enroll)
    enroll.show()
    qtbot.mouseClick(enroll.go_button, Qt.MouseButton.LeftButton)
    assert enroll.outcome is None
    assert enroll.problems_label.isVisible()
    enroll.name_edit.setText("Laptop C")
    monkeypatch.setattr(FileChooser, "folder", classmethod(lambda cls, parent, title: stick))
    qtbot.mouseClick(enroll.folder_button, Qt.MouseButton.LeftButton)
    assert enroll.folder_edit.text() == str(stick)
    qtbot.mouseClick(enroll.go_button, Qt.MouseButton.LeftButton)
    result = enroll.outcome
    assert result is not None, messages.warnings
    assert result.path.parent == stick
    assert result.path.exists()
    assert enroll.code_label.text() == result.code
    assert enroll.office_fp_label.text() == result.office_fingerprint
    assert enroll.device_fp_label.text() == result.device_fingerprint
    assert enroll.result_page.isVisible()
    assert not enroll.go_button.isVisible()
    save_shot(enroll, "enroll_office.png")

    fresh = vault.create_vault(tmp_path / "c", PASSPHRASE, PASSPHRASE)
    try:
        window = SyncWindow(fresh.sync, fresh.cases)
        qtbot.addWidget(window)
        window.show()
        assert "nicht eingerichtet" in window.role_label.text()
        assert window.setup_office_button.isVisible()
        assert window.join_button.isVisible()
        assert not window.export_button.isVisible()
        save_shot(window, "sync_window_not_set_up.png")

        join = JoinDialog(fresh.sync)
        qtbot.addWidget(join)
        join.show()
        monkeypatch.setattr(FileChooser, "enrollment_file", classmethod(lambda c, p: result.path))
        qtbot.mouseClick(join.file_button, Qt.MouseButton.LeftButton)
        join.code_edit.setText("falsch")
        qtbot.mouseClick(join.go_button, Qt.MouseButton.LeftButton)
        assert join.outcome is None
        assert len(messages.warnings) == 1
        join.code_edit.setText(result.code)
        qtbot.mouseClick(join.go_button, Qt.MouseButton.LeftButton)
        joined = join.outcome
        assert joined is not None, messages.warnings
        assert join.office_fp_label.text() == result.office_fingerprint
        assert join.device_fp_label.text() == result.device_fingerprint
        assert join.code_edit.text() == ""
        save_shot(join, "enroll_laptop.png")

        window.reload()
        assert "Laptop" in window.role_label.text()
        assert "Laptop C" in window.role_label.text()
        assert [r.device.name for r in window.peers()] == ["ASD Bezirk Nord"]
        assert window.export_button.isVisible()
        assert not window.join_button.isVisible()
    finally:
        fresh.close()


def test_a_fresh_database_becomes_the_office(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fresh = vault.create_vault(tmp_path / "neu", PASSPHRASE, PASSPHRASE)
    try:
        window = SyncWindow(fresh.sync, fresh.cases)
        qtbot.addWidget(window)
        window.show()
        monkeypatch.setattr(OfficeSetupDialog, "ask", classmethod(lambda cls, p: "Büro Süd"))
        qtbot.mouseClick(window.setup_office_button, Qt.MouseButton.LeftButton)
        assert window.is_office
        assert "Büro – Büro Süd" in window.role_label.text()
        assert window.enroll_button.isVisible()
        assert "Noch kein Laptop" in window.hint_label.text()
    finally:
        fresh.close()


def test_office_setup_dialog_needs_a_name(qtbot: Any) -> None:
    dialog = OfficeSetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.problems_label.isVisible()
    dialog.name_edit.setText("  Büro Ost ")
    assert dialog.name() == "Büro Ost"
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.accept()


@pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE, r"This plugin does not support raise\(\)")
def test_main_window_opens_the_view_with_its_shortcut_and_lock_closes_it(
    qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE).close()
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.sync_action.isEnabled()
    page = window.lock_screen.unlock
    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked())
    assert window.sync_action.isEnabled()
    assert window.sync_action.shortcut().toString() == "Ctrl+Shift+Y"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.sync_window is not None and window.sync_window.isVisible())
    assert window.sync_window is not None
    assert "nicht eingerichtet" in window.sync_window.role_label.text()
    asked: list[Any] = []

    def inbox(cls: Any, parent: Any, sync: Any) -> int:
        asked.append(sync)
        return 0

    monkeypatch.setattr(ConflictInbox, "ask", classmethod(inbox))
    window.conflicts_action.trigger()
    assert len(asked) == 1
    window.lock()
    assert window.sync_window is None
    assert not window.conflicts_action.isEnabled()


def test_review_queue_takes_a_change_from_a_laptop_without_the_case(
    qtbot: Any, trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = Messages(monkeypatch)
    goal = trio.a.first_goal_ids(1)[0]
    case_id = str(trio.a.get(ActionGoal, goal).case_id)
    # The office no longer counts the case as A's (as after a completed withdrawal).
    with trio.o.ov.database.session_factory.begin() as s:
        s.execute(
            delete(CaseAssignment).where(
                CaseAssignment.case_id == case_id,
                CaseAssignment.device_id == trio.a.device_id,
            )
        )
    trio.a.edit(ActionGoal, goal, text="Spät vom Laptop")
    report = trio.send(trio.a, trio.o)
    assert report.review_items >= 1
    window = open_window(qtbot, trio.o)
    assert window.review_button.isVisible()
    assert f"({report.review_items})" in window.review_button.text()

    dialog = ReviewDialog(trio.o.ov.sync)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == report.review_items
    assert "Handlungsziel von Laptop A" in dialog.list.item(0).text()
    while dialog.list.count():
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.changed
    assert messages.warnings == []
    assert trio.o.ov.sync.review_items() == []
    assert trio.o.get(ActionGoal, goal).text == "Spät vom Laptop"
    window.reload()
    assert not window.review_button.isVisible()
