"""The operations helper: work off the GUI thread, outcome on it, actions held meanwhile."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton, QVBoxLayout, QWidget

from asd_desktop.domain.enums import ContactKind
from asd_desktop.models.errors import AsdError
from asd_desktop.models.progress import OperationToken
from asd_desktop.services.cases import ContactInput, contact_row
from asd_desktop.services.sync import ImportReport
from asd_desktop.services.sync.exchange import ImportCancelledError
from asd_desktop.ui.conflict_inbox import Confirm
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.operations import BusyScope, Op
from asd_desktop.ui.sync_window import ImportReportDialog
from tests.conftest import PASSPHRASE
from tests.sync.trio import Trio
from tests.ui.conftest import OFFSCREEN_NOISE

#: Contacts a laptop sends in the bundle the responsiveness test imports.
BIG_BUNDLE_CONTACTS = 5000


class Messages:
    """Replaces QMessageBox.information/warning; remembers (title, text) of each."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.info: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []

        def information(_parent: Any, title: str, text: str, *a: Any, **k: Any) -> Any:
            self.info.append((title, text))
            return QMessageBox.StandardButton.Ok

        def warning(_parent: Any, title: str, text: str, *a: Any, **k: Any) -> Any:
            self.warnings.append((title, text))
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))


class Window(QWidget):
    """A window with an action, a button and a button that is off anyway."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Testfenster")
        self.action = QAction("Etwas tun", self)
        self.button = QPushButton("Los")
        self.off_button = QPushButton("Aus")
        self.off_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.button)
        layout.addWidget(self.off_button)
        self.busy = BusyScope(self, (self.action, self.button, self.off_button))


@pytest.fixture
def window(qtbot: Any) -> Window:
    w = Window()
    qtbot.addWidget(w)
    w.show()
    return w


def test_success_arrives_on_the_gui_thread_and_the_window_waits_meanwhile(
    qtbot: Any, window: Window
) -> None:
    gui = threading.get_ident()
    release = threading.Event()
    seen: list[tuple[int, int]] = []

    def work(_token: OperationToken) -> int:
        assert release.wait(10)
        return threading.get_ident()

    op = Op(window, work).success(lambda worker: seen.append((worker, threading.get_ident())))
    op.run()
    assert op.running
    assert window.busy.busy
    assert not window.action.isEnabled()
    assert not window.button.isEnabled()
    release.set()
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert op.done
    assert len(seen) == 1
    worker, delivered = seen[0]
    assert worker != gui
    assert delivered == gui
    assert op.result == worker
    assert not window.busy.busy
    assert window.action.isEnabled()
    assert window.button.isEnabled()
    assert not window.off_button.isEnabled()  # what was off before stays off


def test_an_asd_error_becomes_one_german_message(
    qtbot: Any, window: Window, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = Messages(monkeypatch)

    def work(_token: OperationToken) -> None:
        raise AsdError("Der Datenträger ist voll.")

    succeeded: list[object] = []
    op = Op(window, work, title="Nicht gespeichert").success(succeeded.append).run()
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert messages.warnings == [("Nicht gespeichert", "Der Datenträger ist voll.")]
    assert messages.info == []
    assert succeeded == []
    assert isinstance(op.error, AsdError)
    assert window.button.isEnabled()


def test_a_failure_handler_runs_on_the_gui_thread_instead_of_the_message(
    qtbot: Any, window: Window, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = Messages(monkeypatch)
    handled: list[tuple[str, int]] = []

    def work(_token: OperationToken) -> None:
        raise AsdError("Passt nicht.")

    op = Op(window, work).failure(lambda exc: handled.append((exc.message, threading.get_ident())))
    op.run()
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert handled == [("Passt nicht.", threading.get_ident())]
    assert messages.warnings == []
    assert messages.info == []


def test_a_bug_is_raised_on_the_gui_thread_and_the_window_is_free_again(
    qtbot: Any, window: Window
) -> None:
    def work(_token: OperationToken) -> None:
        raise KeyError("kaputt")

    with qtbot.captureExceptions() as exceptions:
        op = Op(window, work).run()
        qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert [type(e[1]) for e in exceptions] == [KeyError]
    assert window.button.isEnabled()


def test_cancel_in_the_progress_panel_stops_the_work(
    qtbot: Any, window: Window, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = Messages(monkeypatch)
    steps: list[int] = []

    def work(token: OperationToken) -> None:
        pause = threading.Event()
        for step in range(100_000):
            token.progress(step, 100_000)
            steps.append(step)
            pause.wait(0.002)  # a slow step of real work

    op = Op(window, work, title="Abgebrochen").with_progress("Es dauert …", cancellable=True)
    op.run()
    panel = op.panel
    assert panel is not None
    qtbot.waitUntil(panel.isVisible, timeout=10_000)
    assert not panel.isModal()
    assert panel.label.text() == "Es dauert …"
    qtbot.waitUntil(lambda: panel.bar.maximum() == 100_000, timeout=10_000)
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert len(steps) < 100_000
    assert messages.info == [("Abgebrochen", "Abgebrochen. Es wurde nichts verändert.")]
    assert messages.warnings == []
    assert op.panel is None
    assert window.button.isEnabled()


def _big_bundle(trio: Trio) -> Path:
    """A bundle from laptop A with many new contact entries for the office."""
    case_ids = trio.a.case_ids()
    with trio.a.ov.database.session_factory.begin() as s:
        for i in range(BIG_BUNDLE_CONTACTS):
            value = ContactInput(
                dt.datetime(2026, 11, 2, 9, 0), ContactKind.PHONE, note=f"Anruf Nr. {i}"
            )
            s.add(contact_row(case_ids[i % len(case_ids)], value, "Test"))
    return trio.export(trio.a, trio.o)


@pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE, r"This plugin does not support raise\(\)")
def test_the_window_keeps_answering_while_a_real_import_runs_and_a_cancel_changes_nothing(
    qtbot: Any, trio: Trio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = Messages(monkeypatch)
    path = _big_bundle(trio)
    before = trio.o.dump()
    trio.o.ov.close()  # the window opens the office's folder itself
    window = MainWindow(tmp_path / "o")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.lock_screen.unlock
    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=10_000)
    assert window.opened is not None
    opened = window.opened
    window.open_sync()
    sync_window = window.sync_window
    assert sync_window is not None
    monkeypatch.setattr(Confirm, "yes_no", classmethod(lambda cls, p, t, x: False))
    monkeypatch.setattr(ImportReportDialog, "ask", classmethod(lambda cls, p, r: False))

    # Cancelled in the middle of the merge (the write transaction is open): nothing changes.
    def cancel_once_merging(done: int, total: int) -> None:
        op = sync_window.operation
        if done > 0 and op is not None and not op.token.cancelled:
            assert op.panel is not None
            op.panel.cancel_button.click()

    sync_window.import_progress.connect(cancel_once_merging)
    op = sync_window.import_from(path)
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=30_000)
    assert isinstance(op.error, ImportCancelledError)
    assert messages.info == [("Paket nicht eingelesen", ImportCancelledError().message)]
    assert opened.sync.dump() == before
    sync_window.import_progress.disconnect(cancel_once_merging)

    # The whole import: the GUI thread's 10 ms heartbeat keeps beating, reads work.
    beats: list[bool] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(sync_window.operation is not None))
    read_while_merging: list[int] = []

    def read_once_merging(done: int, total: int) -> None:
        if 0 < done < total and not read_while_merging:
            read_while_merging.append(len(opened.cases.list_cases()))

    listed = len(opened.cases.list_cases())
    assert listed > 0
    sync_window.import_progress.connect(read_once_merging)
    heartbeat.start()
    op = sync_window.import_from(path)
    assert op is not None
    assert not window.sync_action.isEnabled()
    assert not window.new_case_action.isEnabled()
    assert not sync_window.import_button.isEnabled()
    qtbot.waitUntil(lambda: op.done, timeout=30_000)
    heartbeat.stop()
    assert isinstance(op.result, ImportReport)
    assert op.result.changed.get("contacts") == BIG_BUNDLE_CONTACTS
    beats_during = sum(beats)
    assert beats_during >= 10, f"only {beats_during} heartbeats while the import ran"
    assert read_while_merging == [listed]
    assert window.sync_action.isEnabled()
    assert window.new_case_action.isEnabled()
    assert sync_window.import_button.isEnabled()
    assert opened.sync.dump() != before
    assert messages.warnings == []
