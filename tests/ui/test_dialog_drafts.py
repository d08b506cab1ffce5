"""Nothing typed is lost: dialogs keep their input as encrypted drafts across lock and crash."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from asd_desktop.domain.enums import Area, MandateKind
from asd_desktop.services import vault
from asd_desktop.services.drafts import DraftService
from asd_desktop.storage.paths import db_path
from asd_desktop.ui.dialogs.area_dialog import AreaDialog
from asd_desktop.ui.dialogs.assessment_dialog import AssessmentDialog
from asd_desktop.ui.dialogs.case_dialog import CaseDialog
from asd_desktop.ui.dialogs.catalog_entry_dialog import CatalogEntryDialog
from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
from asd_desktop.ui.dialogs.drafts import DraftChoice, DraftFormDialog, DraftOfferDialog
from asd_desktop.ui.dialogs.exploration_dialog import ExplorationDialog
from asd_desktop.ui.dialogs.mandate_dialog import MandateDialog
from asd_desktop.ui.dialogs.person_dialog import PersonDialog
from asd_desktop.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.test_main_window import CTRL, Clock, _seed, _unlock

NOTE = "Mutter berichtet: der Schulweg klappt, Şükrü bringt Emre"
MORE = " jeden Morgen"


class OnModal:
    """Acts once on the next modal dialog of a kind, from inside its event loop."""

    def __init__(self, kind: type[QDialog], act: Callable[[QDialog], object]) -> None:
        self.kind = kind
        self.act = act
        self.done = False
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, self.kind) and modal.isVisible():
            # Keys reach the dialog's shortcuts only while it is the active window.
            if not modal.isActiveWindow():
                modal.activateWindow()
                return
            self.timer.stop()
            self.act(modal)
            self.done = True


@pytest.fixture
def seeded(data_dir) -> dict[str, str]:
    return _seed(data_dir)


@pytest.fixture
def window(qtbot, data_dir, seeded) -> MainWindow:
    w = MainWindow(data_dir, now=Clock())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    _unlock(qtbot, w)
    assert not w.is_locked()
    return w


def _drafts(w: MainWindow) -> DraftService:
    service = w.draft_keeper.service
    assert service is not None
    return service


def _type_note(dialog: ContactDialog) -> None:
    """Type as the caseworker does: the umlauts set as text, the rest key by key."""
    dialog.note_edit.setFocus()
    dialog.note_edit.setPlainText(NOTE)
    dialog.note_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(dialog.note_edit, MORE)


def test_ctrl_l_with_a_half_typed_note_then_unlock_finds_it_again(qtbot, window, seeded, data_dir):
    case_id = seeded["Al Zein"]
    window.select_case(case_id)

    def type_and_lock(dialog: QDialog) -> None:
        assert isinstance(dialog, ContactDialog)
        _type_note(dialog)
        QTest.keyClick(dialog.note_edit, Qt.Key.Key_L, CTRL)
        if dialog.isVisible():  # the shortcut did not lock: fail, do not hang
            dialog.reject()

    typing = OnModal(ContactDialog, type_and_lock)
    window.record_contact_action.trigger()  # returns once the lock closed the dialog
    assert typing.done
    assert window.is_locked()
    assert QApplication.activeModalWidget() is None

    # The draft is in the encrypted database: not a byte of it readable without the key.
    for path in (db_path(data_dir), Path(f"{db_path(data_dir)}-wal")):
        if path.exists():
            raw = path.read_bytes()
            assert b"Schulweg" not in raw
            assert "Schulweg".encode("utf-16-le") not in raw

    found: list[str] = []

    def read_and_save(dialog: QDialog) -> None:
        assert isinstance(dialog, ContactDialog)
        found.append(dialog.note_edit.toPlainText())
        QTest.keyClick(dialog.note_edit, Qt.Key.Key_Return, CTRL)  # Ctrl+Return saves

    reopened = OnModal(ContactDialog, read_and_save)
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: reopened.done)
    assert found == [NOTE + MORE]
    assert window.case_view is not None
    assert window.case_view.current_case_id() == case_id
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    detail = window.opened.cases.get_case(case_id, audit_opening=False)
    assert [c.note for c in detail.contacts if c.note == NOTE + MORE] == [NOTE + MORE]
    # saved normally: the draft is gone
    assert _drafts(window).all() == ()


def test_debounced_autosave_stores_the_note_and_cancel_removes_it(qtbot, window, seeded):
    case_id = seeded["Yılmaz"]
    window.select_case(case_id)
    window.draft_keeper.autosave_ms = 50
    stored: list[dict[str, object]] = []

    def type_wait_cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, ContactDialog)
        with qtbot.waitSignal(window.draft_keeper.draft_saved, timeout=5000):
            _type_note(dialog)
        draft = _drafts(window).load(case_id, "contact")
        assert draft is not None
        stored.append(dict(draft.fields))
        dialog.cancel_button.click()

    acting = OnModal(ContactDialog, type_wait_cancel)
    window.record_contact_action.trigger()
    assert acting.done
    assert stored[0]["note_edit"] == NOTE + MORE
    assert stored[0]["present_edit"] == ""
    # Abbrechen is the caseworker's choice: the draft goes with it
    assert _drafts(window).load(case_id, "contact") is None


def test_untouched_dialog_leaves_no_draft_at_lock(qtbot, window, seeded):
    window.select_case(seeded["Al Zein"])
    locking = OnModal(ContactDialog, lambda d: window.lock_action.trigger())
    window.record_contact_action.trigger()
    assert locking.done
    assert window.is_locked()
    reopened = OnModal(ContactDialog, lambda d: d.reject())
    _unlock(qtbot, window)
    qtbot.wait(100)
    assert not reopened.done
    reopened.timer.stop()
    assert _drafts(window).all() == ()


def _leftover_contact_draft(data_dir: Path, case_id: str) -> None:
    """A draft left by a process that died (as the autosave stores it)."""
    opened = vault.open_with_key(data_dir, _key(data_dir))
    try:
        DraftService(opened.database.session_factory).save(
            case_id,
            "contact",
            {"note_edit": NOTE, "place_edit": "Küche"},
            now=dt.datetime(2025, 3, 12, 14, 3),
        )
    finally:
        opened.close()


def _key(data_dir: Path) -> bytes:
    from asd_desktop.storage.paths import vault_path
    from asd_desktop.storage.vault import Vault

    return Vault.load(vault_path(data_dir)).unlock(PASSPHRASE)


def _window(qtbot, data_dir: Path) -> MainWindow:
    w = MainWindow(data_dir, now=Clock())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_next_start_offers_a_leftover_note_back(qtbot, data_dir, seeded):
    case_id = seeded["Dvořák"]
    _leftover_contact_draft(data_dir, case_id)
    w = _window(qtbot, data_dir)
    offered: list[str] = []
    found: list[tuple[str, str]] = []

    def restore(dialog: QDialog) -> None:
        assert isinstance(dialog, DraftOfferDialog)
        offered.append(dialog.label.text())
        dialog.restore_button.click()

    def read_and_save(dialog: QDialog) -> None:
        assert isinstance(dialog, ContactDialog)
        found.append((dialog.note_edit.toPlainText(), dialog.place_edit.text()))
        dialog.save_button.click()

    asking = OnModal(DraftOfferDialog, restore)
    reopened = OnModal(ContactDialog, read_and_save)
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: reopened.done)
    assert asking.done
    assert offered[0].startswith(
        "Es gibt einen nicht gespeicherten Kontaktvermerk im Fall ASD-2024-0203 (Dvořák) "
        "vom 12.03.2025, 14:03 Uhr."
    )
    assert found == [(NOTE, "Küche")]
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert _drafts(w).all() == ()
    assert w.opened is not None
    detail = w.opened.cases.get_case(case_id, audit_opening=False)
    assert NOTE in [c.note for c in detail.contacts]


def test_discarding_is_an_explicit_choice(qtbot, data_dir, seeded):
    case_id = seeded["Dvořák"]
    _leftover_contact_draft(data_dir, case_id)
    w = _window(qtbot, data_dir)
    # Esc (Später) keeps it …
    later = OnModal(DraftOfferDialog, lambda d: QTest.keyClick(d, Qt.Key.Key_Escape))
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: later.done)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert [d.name for d in _drafts(w).all()] == ["contact"]
    w.lock_action.trigger()
    # … and Verwerfen, after the next unlock, removes it.

    def discard_it(dialog: QDialog) -> None:
        assert isinstance(dialog, DraftOfferDialog)
        dialog.discard_button.click()

    discard = OnModal(DraftOfferDialog, discard_it)
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: discard.done)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert _drafts(w).all() == ()
    assert w.statusBar().currentMessage() == "Der Entwurf wurde verworfen."


def test_offer_dialog_choice_through_ask(qtbot, monkeypatch, data_dir, seeded):
    _leftover_contact_draft(data_dir, seeded["Al Zein"])
    monkeypatch.setattr(DraftOfferDialog, "ask", classmethod(lambda cls, p, t: DraftChoice.LATER))
    w = _window(qtbot, data_dir)
    _unlock(qtbot, w)
    qtbot.wait(50)
    assert QApplication.activeModalWidget() is None
    assert len(_drafts(w).all()) == 1


# --- every dialog: what is typed comes back -------------------------------------------


def _dialogs() -> list[Callable[[], DraftFormDialog]]:
    return [
        lambda: ContactDialog(),
        lambda: PersonDialog(),
        lambda: CaseDialog(),
        lambda: AreaDialog(Area.SERVICE),
        lambda: MandateDialog(MandateKind.CHECK, Area.GREY),
        lambda: MandateDialog(MandateKind.REQUIREMENT, Area.DANGER),
        lambda: AssessmentDialog("Frau Berger", Area.GREY),
        lambda: ExplorationDialog(["Wilhelmsburg"]),
        lambda: CatalogEntryDialog(["Treff"], ["Wilhelmsburg"], None, "Neuer Katalogeintrag"),
    ]


def _change_everything(dialog: QWidget) -> None:
    from asd_desktop.ui.dialogs.drafts import input_widgets, read_input, write_input

    for key, widget in input_widgets(dialog).items():
        value = read_input(widget)
        if isinstance(value, bool):
            write_input(widget, not value)
        elif isinstance(value, str) and widget.metaObject().className() in {
            "QLineEdit",
            "QPlainTextEdit",
            "QComboBox",
        }:
            write_input(widget, f"{value}ğ {key}")
        elif isinstance(value, int):
            write_input(widget, 1 if value != 1 else 0)


@pytest.mark.parametrize("make", _dialogs())
def test_each_dialog_gives_back_what_was_typed(qtbot, make):
    typed = make()
    qtbot.addWidget(typed)
    before = typed.draft_state()
    _change_everything(typed)
    state = typed.draft_state()
    assert state != before
    assert typed.draft_name
    fresh = make()
    qtbot.addWidget(fresh)
    fresh.restore_draft(state)
    assert fresh.draft_state() == state


def test_ctrl_l_inside_the_goal_wizard_keeps_the_anliegen_and_reopens_it(qtbot, window, seeded):
    from asd_desktop.ui.goal_wizard.wizard import GoalWizard

    case_id = seeded["Al Zein"]
    window.select_case(case_id)
    concern = "Emre soll wieder gern zur Schule gehen, sagt Frau Al Zein"

    def type_and_lock(wizard: QDialog) -> None:
        assert isinstance(wizard, GoalWizard)
        page: Any = wizard.currentPage()
        page.concern_edit.setFocus()
        page.concern_edit.setPlainText(concern)
        QTest.keyClick(page.concern_edit, Qt.Key.Key_L, CTRL)
        if wizard.isVisible():  # the shortcut did not lock: fail, do not hang
            wizard.reject()

    typing = OnModal(GoalWizard, type_and_lock)
    window.goal_work_action.trigger()  # the wizard is window-modal, not blocking
    qtbot.waitUntil(lambda: typing.done, timeout=10_000)
    qtbot.waitUntil(window.is_locked)
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, GoalWizard) and w.isVisible()
    ]

    found: list[str] = []

    def read(wizard: QDialog) -> None:
        assert isinstance(wizard, GoalWizard)
        first: Any = wizard.page(0)
        found.append(first.concern_edit.toPlainText())
        wizard.reject()

    reading = OnModal(GoalWizard, read)
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: reading.done, timeout=10_000)
    assert found == [concern]
