"""First start and unlock, driven as a caseworker would."""

from __future__ import annotations

import json

import pyrage
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from asd_desktop.models.errors import WrongPassphraseError
from asd_desktop.services import vault
from asd_desktop.storage.paths import vault_path
from asd_desktop.ui.lock_screen import UNLOCKING, ChangePassphraseDialog, LockScreen
from tests.conftest import PASSPHRASE

SHOTS = "/work/main/screenshots"


def _show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(900, 620)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


@pytest.fixture
def first_start(qtbot, data_dir):
    screen = _show(qtbot, LockScreen(data_dir))
    screen.prepare()
    return screen


@pytest.fixture
def existing_vault(data_dir):
    vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE).close()
    return data_dir


@pytest.fixture
def unlock_screen(qtbot, existing_vault):
    screen = _show(qtbot, LockScreen(existing_vault))
    screen.prepare()
    return screen


def test_first_start_page_is_shown_without_vault(first_start):
    assert first_start.currentWidget() is first_start.first_start
    page = first_start.first_start
    assert page.create_button.text().replace("&", "") == "Tresor anlegen"
    assert page.recovery.accessibleName() == "Wiederherstellungsschlüssel der Dienststelle"


def test_first_start_rejects_short_passphrase(qtbot, first_start, data_dir):
    page = first_start.first_start
    qtbot.keyClicks(page.passphrase, "kurz")
    qtbot.keyClicks(page.repeated, "kurz")
    with qtbot.assertNotEmitted(page.vault_opened):
        qtbot.keyClick(page.repeated, Qt.Key.Key_Return)
    assert "mindestens 12 Zeichen" in page.message.text()
    assert page.message.isVisible()
    assert page.passphrase.text() == ""
    assert not vault_path(data_dir).exists()


def test_first_start_rejects_mismatch(qtbot, first_start, data_dir):
    page = first_start.first_start
    qtbot.keyClicks(page.passphrase, "ein langer Satz im Wald")
    qtbot.keyClicks(page.repeated, "ein langer Satz im Feld")
    with qtbot.assertNotEmitted(page.vault_opened):
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "stimmen nicht überein" in page.message.text()
    assert not vault_path(data_dir).exists()


def test_first_start_rejects_a_bad_recovery_key(qtbot, first_start, data_dir):
    page = first_start.first_start
    qtbot.keyClicks(page.passphrase, "ein langer Satz im Wald")
    qtbot.keyClicks(page.repeated, "ein langer Satz im Wald")
    qtbot.keyClicks(page.recovery, "age1kaputt")
    with qtbot.assertNotEmitted(page.vault_opened):
        qtbot.keyClick(page.recovery, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.operation is None)
    assert "ungültig" in page.message.text()
    assert page.recovery.text() == "age1kaputt"
    assert not vault_path(data_dir).exists()


def test_first_start_creates_vault_with_recovery_key(qtbot, first_start, data_dir):
    page = first_start.first_start
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    page.passphrase.setText(PASSPHRASE)
    page.repeated.setText(PASSPHRASE)
    page.recovery.setText(recipient)
    first_start.grab().save(f"{SHOTS}/first_start.png")
    with qtbot.waitSignal(first_start.vault_opened) as blocker:
        qtbot.keyClick(page.repeated, Qt.Key.Key_Return)
    opened = blocker.args[0]
    try:
        assert isinstance(opened, vault.OpenVault)
        assert opened.cases.list_cases() == []
    finally:
        opened.close()
    stored = json.loads(vault_path(data_dir).read_text())
    assert recipient in json.dumps(stored)
    assert page.passphrase.text() == ""
    assert page.message.text() == ""


def test_unlock_page_opens_with_right_passphrase(qtbot, unlock_screen):
    assert unlock_screen.currentWidget() is unlock_screen.unlock
    page = unlock_screen.unlock
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(unlock_screen.vault_opened) as blocker:
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Enter)
        # The key derivation runs off the GUI thread; the page says what happens meanwhile.
        assert page.status.text() == UNLOCKING
        assert not page.passphrase.isEnabled()
        assert not page.unlock_button.isEnabled()
    blocker.args[0].close()
    assert page.message.text() == ""
    assert page.passphrase.text() == ""
    assert page.status.text() == ""
    assert page.passphrase.isEnabled()


def test_wrong_passphrase_message_then_throttle(qtbot, unlock_screen):
    page = unlock_screen.unlock
    unlock_screen.prepare("Die Fallakte wurde nach 5 Minuten ohne Eingabe gesperrt.")
    unlock_screen.grab().save(f"{SHOTS}/unlock.png")
    assert page.info.isVisible()

    with qtbot.assertNotEmitted(page.vault_opened):
        qtbot.keyClicks(page.passphrase, "falsche Passphrase 1")
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.operation is None)
    assert "Passphrase ist nicht richtig" in page.message.text()
    assert page.passphrase.text() == ""
    qtbot.waitUntil(page.passphrase.hasFocus)
    assert page.unlock_button.isEnabled()  # the first failure costs nothing

    qtbot.keyClicks(page.passphrase, "falsche Passphrase 2")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.operation is None)
    assert page.throttle.failures == 2
    assert not page.unlock_button.isEnabled()
    assert page.countdown.isVisible()
    assert page.countdown.text() == "Bitte noch 1 Sekunde warten."
    unlock_screen.grab().save(f"{SHOTS}/unlock_wrong_passphrase.png")

    # while the wait runs, Enter does not try the passphrase
    page.passphrase.setText(PASSPHRASE)
    with qtbot.assertNotEmitted(page.vault_opened):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert page.throttle.failures == 2

    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=3000)
    assert not page.countdown.isVisible()
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(page.vault_opened) as blocker:
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    blocker.args[0].close()
    assert page.throttle.failures == 0


def test_longer_waits_after_more_failures(qtbot, unlock_screen):
    page = unlock_screen.unlock
    page.throttle.failed()
    page.throttle.failed()
    page.throttle.failed()  # the next failure waits 4 s
    page.throttle._not_before = 0.0
    qtbot.keyClicks(page.passphrase, "noch einmal falsch")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.operation is None)
    assert page.countdown.text() == "Bitte noch 4 Sekunden warten."
    assert not page.unlock_button.isEnabled()


def test_damaged_vault_shows_its_message(qtbot, existing_vault):
    vault_path(existing_vault).write_text("{kaputt")
    screen = _show(qtbot, LockScreen(existing_vault))
    screen.prepare()
    page = screen.unlock
    page.passphrase.setText(PASSPHRASE)
    with qtbot.assertNotEmitted(page.vault_opened):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.operation is None)
    assert "beschädigt" in page.message.text()


def test_empty_passphrase_is_not_tried(qtbot, unlock_screen):
    page = unlock_screen.unlock
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert page.message.text() == "Bitte die Passphrase eingeben."
    assert page.throttle.failures == 0


def test_change_passphrase_dialog(qtbot, existing_vault):
    dialog = ChangePassphraseDialog(existing_vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    new = "ein ganz neuer langer Satz"
    dialog.old.setText("falsch falsch falsch")
    qtbot.keyClicks(dialog.new, new)
    qtbot.keyClicks(dialog.repeated, new)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.operation is None)
    assert "bisherige Passphrase ist nicht richtig" in dialog.message.text()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted

    dialog.old.setText(PASSPHRASE)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.operation is None)
    assert dialog.result() == QDialog.DialogCode.Accepted
    vault.unlock_vault(existing_vault, new).close()
    with pytest.raises(WrongPassphraseError):
        vault.unlock_vault(existing_vault, PASSPHRASE)


def test_change_passphrase_dialog_checks_the_rule(qtbot, existing_vault):
    dialog = ChangePassphraseDialog(existing_vault)
    qtbot.addWidget(dialog)
    dialog.old.setText(PASSPHRASE)
    dialog.new.setText("kurz")
    dialog.repeated.setText("kurz")
    dialog.accept()
    assert "mindestens 12 Zeichen" in dialog.message.text()
    vault.unlock_vault(existing_vault, PASSPHRASE).close()
