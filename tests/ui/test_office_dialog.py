"""Datei → Dienststelle …: the letterhead reaches the settings and every letter."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QMenu

from asd_desktop.domain.enums import MandateKind
from asd_desktop.domain.office import Office
from asd_desktop.services.instruments import MandateInput
from asd_desktop.services.settings import load_settings
from asd_desktop.ui.dialogs.office_dialog import OfficeDialog
from asd_desktop.ui.main_window import MainWindow
from tests.ui import test_main_window as main_window_tests

# The main window's fixtures: a seeded case file, a window, one unlocked.
clock = main_window_tests.clock
make_window = main_window_tests.make_window
seeded = main_window_tests.seeded
window = main_window_tests.window

TODAY = dt.date.today()
OFFICE = Office(
    name="Jugendamt Hamburg-Mitte, Allgemeiner Sozialer Dienst",
    address="Klosterwall 2\n20095 Hamburg",
    phone="040 42854-0",
    email="asd@hamburg-mitte.example",
    office_hours="Mo–Fr 9–12 Uhr, Do 14–18 Uhr",
    caseworker_name="Jana Petersen",
    caseworker_phone="040 42854-1234",
)


def test_the_dialog_gives_what_was_typed(qtbot):
    dialog = OfficeDialog(Office(name="Jugendamt"))
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "Jugendamt"
    dialog.name_edit.setText(f"  {OFFICE.name} ")
    dialog.address_edit.setPlainText(OFFICE.address)
    dialog.phone_edit.setText(OFFICE.phone)
    dialog.email_edit.setText(OFFICE.email)
    dialog.hours_edit.setText(OFFICE.office_hours)
    dialog.caseworker_edit.setText(OFFICE.caseworker_name)
    dialog.caseworker_phone_edit.setText(OFFICE.caseworker_phone)
    assert dialog.values() == OFFICE


def test_first_start_offers_skipping(qtbot):
    dialog = OfficeDialog(Office(), first_start=True)
    qtbot.addWidget(dialog)
    assert dialog.cancel_button.text() == "&Später"
    assert "später" in " ".join(label.text() for label in dialog.findChildren(QLabel))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler missing")
def test_office_from_the_menu_reaches_settings_and_the_letterhead(
    qtbot, window: MainWindow, seeded, data_dir, monkeypatch, tmp_path: Path
):
    asked: list[Office] = []

    def ask(parent, current, *, first_start=False):
        asked.append(current)
        return OFFICE

    monkeypatch.setattr(OfficeDialog, "ask", classmethod(lambda cls, *a, **k: ask(*a, **k)))
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert "Dienststelle …" in [a.text().replace("&", "") for a in file_menu.actions()]
    window.office_action.trigger()
    assert asked == [Office()]
    assert load_settings(data_dir).office == OFFICE
    assert load_settings(data_dir).office_prompted
    assert window.statusBar().currentMessage() == "Die Dienststelle wurde gespeichert."

    assert window.opened is not None
    mandate = window.opened.instruments.issue(
        seeded["Dvořák"],
        MandateInput(
            MandateKind.REQUIREMENT,
            TODAY,
            TODAY + dt.timedelta(days=14),
            "Die Kinder gehen jeden Tag in die Kita.",
            risk="Die Kinder waren drei Wochen nicht in der Kita.",
            consequence="Dann rufen wir das Familiengericht an.",
            how_checked="Anruf bei der Kita",
        ),
    )
    view = window.opened.documents.print_mandate_letter(mandate.id, TODAY)
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(window.opened.documents.content(view.id))
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for part in (
        "Jugendamt Hamburg-Mitte",
        "Klosterwall 2",
        "20095 Hamburg",
        "040 42854-0",
        "asd@hamburg-mitte.example",
        "Do 14–18 Uhr",
        "040 42854-1234",
    ):
        assert part in text, part
    # The window letter signs with the case's caseworker, who is named as the contact.
    assert "Frau Berger" in text


def test_first_start_asks_once_and_skipping_is_remembered(
    qtbot, make_window, data_dir, monkeypatch
):
    asked: list[bool] = []

    def ask(cls, parent, current, *, first_start=False):
        asked.append(first_start)
        return None  # "Später"

    monkeypatch.setattr(OfficeDialog, "ask", classmethod(ask))
    w = make_window()
    page = w.lock_screen.first_start
    page.passphrase.setText("Regenbogen ueber Hamburg")
    page.repeated.setText("Regenbogen ueber Hamburg")
    qtbot.keyClick(page.repeated, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.operation is None)
    qtbot.waitUntil(lambda: asked == [True])
    assert load_settings(data_dir).office_prompted
    assert load_settings(data_dir).office == Office()
    w.lock()
    main_window_tests._unlock(qtbot, w, "Regenbogen ueber Hamburg")
    assert not w.is_locked()
    # A prompt would be queued before this timer, so it would have come by now.
    turned: list[bool] = []
    QTimer.singleShot(0, lambda: turned.append(True))
    qtbot.waitUntil(lambda: bool(turned))
    assert asked == [True]
    assert "Dienststelle" in w.statusBar().currentMessage()
