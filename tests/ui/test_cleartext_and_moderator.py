"""Cleartext leaves only after a confirmation; the office enrolls a Familienrat moderator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from asd_desktop.services import vault
from asd_desktop.services.sync import ImportReport
from asd_desktop.ui.cleartext import TITLE
from asd_desktop.ui.deadlines import CalendarFileDialog
from asd_desktop.ui.enroll_dialogs import EnrollDeviceDialog, FileChooser
from asd_desktop.ui.pdf_preview import SaveTarget
from asd_desktop.ui.sync_window.import_report import ImportReportDialog
from asd_desktop.ui.sync_window.peers import PeerRow, PeersModel
from tests.conftest import PASSPHRASE

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _answer(choice: str, seen: list[str]) -> None:
    """When the question shows, note its text and press ``choice`` ("confirm", "enter")."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(f"{box.windowTitle()}\n{box.text()}")
        if choice == "enter":
            QTimer.singleShot(0, lambda: _key_enter(box))
            return
        button = next(
            b
            for b in box.findChildren(QPushButton)
            if b.accessibleName() == "Als Klartext speichern"
        )
        button.click()

    QTimer.singleShot(20, press)


def _key_enter(box: QMessageBox) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(box, Qt.Key.Key_Return)


@pytest.fixture
def chosen_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Qt's save dialog answers with this file (the question after it is ours, real)."""
    target = tmp_path / "ausgabe" / "Einladung Familienrat"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    return target


def test_save_as_pdf_asks_before_writing_cleartext(qtbot: Any, chosen_file: Path):
    seen: list[str] = []
    _answer("enter", seen)  # Enter takes the default: Abbrechen
    assert SaveTarget.ask(None, "Einladung.pdf") is None
    assert seen
    assert seen[0].startswith(TITLE)
    assert "als Klartext (unverschlüsselt)" in seen[0]
    assert str(chosen_file.with_suffix(".pdf")) in seen[0]

    _answer("confirm", seen)
    assert SaveTarget.ask(None, "Einladung.pdf") == chosen_file.with_suffix(".pdf")
    assert len(seen) == 2


def test_calendar_export_asks_before_writing_cleartext(qtbot: Any, chosen_file: Path):
    seen: list[str] = []
    _answer("enter", seen)
    assert CalendarFileDialog.ask(None, chosen_file) is None
    assert "Der Kalender wird als Klartext" in seen[0]
    _answer("confirm", seen)
    assert CalendarFileDialog.ask(None, chosen_file) == chosen_file.with_suffix(".ics")


@pytest.fixture
def office(tmp_path: Path) -> Iterator[vault.OpenVault]:
    ov = vault.create_vault(tmp_path / "o", PASSPHRASE, PASSPHRASE)
    ov.sync.init_office("ASD Bezirk Nord")
    yield ov
    ov.close()


def test_the_office_enrolls_a_familienrat_moderator(
    qtbot: Any, office: vault.OpenVault, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = EnrollDeviceDialog(office.sync, office.sync.devices())
    qtbot.addWidget(dialog)
    dialog.resize(620, 360)
    dialog.show()
    labels = [dialog.role_combo.itemText(i) for i in range(dialog.role_combo.count())]
    assert labels == ["Fallführung (ganze Fälle)", "Familienrat-Koordination (extern)"]
    dialog.name_edit.setText("Laptop Frau Yilmaz")
    dialog.role_combo.setFocus()
    qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Down)  # keyboard alone
    assert dialog.role_combo.currentText() == "Familienrat-Koordination (extern)"
    monkeypatch.setattr(FileChooser, "folder", classmethod(lambda cls, parent, title: stick))
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "enroll_moderator.png"))
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None

    (peer,) = office.sync.devices()
    assert peer.moderator
    assert PeersModel().texts(PeerRow(peer, 0))[1] == "Familienrat (extern)"


def test_the_import_report_names_what_a_moderator_may_not_change(qtbot: Any):
    report = ImportReport(
        "b1",
        "Laptop Frau Yilmaz",
        already_imported=False,
        changed={"family_councils": 1},
        refused_records={"Fall": 1, "Kontakt": 2},
    )
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    text = ImportReportDialog.report_text(report)
    assert "Abgewiesen: 3 Änderungen von »Laptop Frau Yilmaz« außerhalb des Familienrats" in text
    assert "(Fall: 1, Kontakt: 2)" in text
