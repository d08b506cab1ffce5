"""The Sozialraum catalogue window, driven as a caseworker and a team would."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import shutil
import subprocess
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from asd_desktop.services.sozialraum import CatalogEntryInput, ExplorationInput
from asd_desktop.ui import sozialraum_window as sw
from asd_desktop.ui.dialogs.catalog_entry_dialog import CatalogEntryDialog
from asd_desktop.ui.dialogs.exploration_dialog import ExplorationDialog
from asd_desktop.ui.pdf_preview import PrinterChoice, SaveTarget
from asd_desktop.ui.sozialraum_window import SozialraumWindow, TipsPreviewDialog
from tests.ui.conftest import OFFSCREEN_NOISE
from tests.ui.test_main_window import _unlock

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
TODAY = dt.date.today()
WEEK_AGO = TODAY - dt.timedelta(days=7)
CTRL = Qt.KeyboardModifier.ControlModifier

ENTRIES = (
    CatalogEntryInput(
        "Elternschule Wilhelmsburg",
        "Elternschule",
        "Rotenhäuser Straße 12",
        "Wilhelmsburg",
        "Frau Yılmaz, 040 428 11 12",
        "Deutsch, Türkisch",
        "kostenlos",
        "Mo–Fr 9–13 Uhr",
        verified_on=WEEK_AGO,
    ),
    CatalogEntryInput(
        "Jugendtreff Veddel", "OKJA", "Am Zollhafen 3", "Veddel", "", "Deutsch, Arabisch"
    ),
    CatalogEntryInput(
        "KiFaZ Horner Geest",
        "KiFaZ",
        "Manshardtstraße 40",
        "Horn",
        "Herr Nowak",
        "Deutsch, Polnisch",
        "kostenlos",
        "Di und Do 14–18 Uhr",
    ),
    CatalogEntryInput("Bürgerhaus Wilhelmsburg", "Bürgerhaus", district="Wilhelmsburg"),
    CatalogEntryInput(
        "Erziehungsberatung St. Georg",
        "Erziehungsberatung",
        district="St. Georg",
        languages="Farsi",
    ),
)


def screenshot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture
def service(opened):
    for e in ENTRIES:
        opened.sozialraum.add_entry(e)
    return opened.sozialraum


@pytest.fixture
def window(qtbot, service) -> SozialraumWindow:
    w = SozialraumWindow(service)
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text))
    )
    return shown


def names(w: SozialraumWindow) -> list[str]:
    return [r.name for r in w.catalog_model.rows()]


def test_search_as_you_type_and_filters(qtbot, window):
    assert len(names(window)) == len(ENTRIES)
    # Verified entries come first.
    assert names(window)[0] == "Elternschule Wilhelmsburg"
    assert window.count_label.text() == "5 Einträge"
    qtbot.keyClicks(window.search_edit, "turkisch")
    qtbot.waitUntil(lambda: names(window) == ["Elternschule Wilhelmsburg"])
    window.search_edit.clear()
    qtbot.waitUntil(lambda: len(names(window)) == len(ENTRIES))
    window.district_filter.setCurrentText("Wilhelmsburg")
    assert set(names(window)) == {"Elternschule Wilhelmsburg", "Bürgerhaus Wilhelmsburg"}
    window.kind_filter.setCurrentText("Bürgerhaus")
    assert names(window) == ["Bürgerhaus Wilhelmsburg"]
    assert window.count_label.text() == "1 Eintrag"
    window.kind_filter.setCurrentIndex(0)
    window.district_filter.setCurrentIndex(0)
    qtbot.keyClicks(window.search_edit, "POLN")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert names(window) == ["KiFaZ Horner Geest"]
    cell = window.catalog_model.index(0, 6).data()
    assert cell == "nie"


def test_new_edit_verify_and_remove_an_entry(qtbot, window, service, monkeypatch):
    new = CatalogEntryInput("Polnischer Elternverein", "Verein", district="Hamm")
    monkeypatch.setattr(CatalogEntryDialog, "ask", classmethod(lambda cls, *a, **k: new))
    with qtbot.waitSignal(window.catalog_changed):
        qtbot.mouseClick(window.new_entry_button, Qt.MouseButton.LeftButton)
    assert window.selected_entry().name == "Polnischer Elternverein"
    # The new district is offered in the filter.
    assert window.district_filter.findText("Hamm") > 0

    seen: list[CatalogEntryInput] = []

    def edit(cls, parent, kinds, districts, initial=None, title=""):
        seen.append(initial)
        return dataclasses.replace(initial, contact="Frau Wąsowska")

    monkeypatch.setattr(CatalogEntryDialog, "ask", classmethod(edit))
    qtbot.mouseClick(window.edit_entry_button, Qt.MouseButton.LeftButton)
    assert seen[0].name == "Polnischer Elternverein"
    assert window.selected_entry().contact == "Frau Wąsowska"

    qtbot.mouseClick(window.verify_button, Qt.MouseButton.LeftButton)
    assert window.selected_entry().verified_on == TODAY
    assert names(window)[0] == "Polnischer Elternverein"

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
    )
    qtbot.mouseClick(window.remove_entry_button, Qt.MouseButton.LeftButton)
    assert "Polnischer Elternverein" in names(window)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    qtbot.mouseClick(window.remove_entry_button, Qt.MouseButton.LeftButton)
    assert "Polnischer Elternverein" not in names(window)
    assert service.search("polnischer") == []


def test_entry_dialog_refuses_without_name_and_kind(qtbot):
    dialog = CatalogEntryDialog(["OKJA", "Kita"], ["Veddel"], None, "Neuer Katalogeintrag")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.kind_combo.setCurrentText("")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != CatalogEntryDialog.DialogCode.Accepted.value
    assert "Namen" in dialog.problems_label.text()
    assert dialog.focusWidget() is dialog.name_edit
    qtbot.keyClicks(dialog.name_edit, "Kita Sonnenschein")
    dialog.kind_combo.setCurrentText("Kita")
    dialog.district_combo.setCurrentText("Veddel")
    dialog.languages_edit.setText("Deutsch, Türkisch")
    dialog.hours_edit.setText("Mo–Fr 7–17 Uhr")
    screenshot(dialog, "i6c_eintrag_dialog")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == CatalogEntryDialog.DialogCode.Accepted.value
    value = dialog.values()
    assert (value.name, value.kind, value.district) == ("Kita Sonnenschein", "Kita", "Veddel")
    assert value.verified_on is None


def test_exploration_form_is_fast_ctrl_return_saves(qtbot):
    dialog = ExplorationDialog(["Veddel", "Horn"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.learned_edit
    qtbot.keyClick(dialog.learned_edit, Qt.Key.Key_Return, CTRL)
    assert "Sozialraum" in dialog.problems_label.text()
    qtbot.keyClicks(dialog.learned_edit, "Neues Elterncafe im Buergerhaus, dienstags")
    dialog.district_combo.setCurrentText("Veddel")
    dialog.to_catalog_check.setChecked(True)
    screenshot(dialog, "i6c_erkundung_dialog")
    qtbot.keyClick(dialog.learned_edit, Qt.Key.Key_Return, CTRL)
    assert dialog.result() == ExplorationDialog.DialogCode.Accepted.value
    assert dialog.values().learned == "Neues Elterncafe im Buergerhaus, dienstags"
    assert dialog.values().explored_on == TODAY
    assert dialog.wants_catalog()


def test_exploration_becomes_a_new_entry(qtbot, window, service, monkeypatch):
    learned = "Im Bürgerhaus Veddel gibt es dienstags ein Elterncafé auf Arabisch."
    monkeypatch.setattr(
        ExplorationDialog,
        "ask",
        classmethod(lambda cls, *a, **k: (ExplorationInput(TODAY, learned, "Veddel"), True)),
    )
    monkeypatch.setattr(sw.TargetChoice, "ask", classmethod(lambda cls, parent, names: 0))
    prefilled: list[CatalogEntryInput] = []

    def entry(cls, parent, kinds, districts, initial=None, title=""):
        prefilled.append(initial)
        return dataclasses.replace(initial, name="Elterncafé Veddel", kind="Bürgerhaus")

    monkeypatch.setattr(CatalogEntryDialog, "ask", classmethod(entry))
    qtbot.mouseClick(window.new_exploration_button, Qt.MouseButton.LeftButton)
    assert prefilled[0].notes == learned
    assert prefilled[0].district == "Veddel"
    assert prefilled[0].verified_on == TODAY
    assert window.tabs.currentIndex() == 1
    row = window.exploration_model.row_value(0)
    assert row.catalog_entry_name == "Elterncafé Veddel"
    assert window.exploration_model.index(0, 4).data() == "Elterncafé Veddel"
    assert "Elterncafé Veddel" in names(window)
    screenshot(window, "i6c_erkundungen")


def test_exploration_updates_an_existing_entry(qtbot, window, service, monkeypatch):
    x = service.record_exploration(
        ExplorationInput(TODAY, "Die KiFaZ hat jetzt auch samstags offen.", "Horn")
    )
    window.reload()
    window.tabs.setCurrentIndex(1)
    assert window.selected_exploration().id == x.id
    target_names: list[str] = []

    def choose(cls, parent, names):
        target_names.extend(names)
        return 1 + [n.split(" (")[0] for n in names].index("KiFaZ Horner Geest")

    monkeypatch.setattr(sw.TargetChoice, "ask", classmethod(choose))
    monkeypatch.setattr(
        CatalogEntryDialog,
        "ask",
        classmethod(lambda cls, p, k, d, initial=None, title="": initial),
    )
    qtbot.mouseClick(window.to_catalog_button, Qt.MouseButton.LeftButton)
    kifaz = next(e for e in service.search("horner"))
    assert "samstags" in kifaz.notes
    assert kifaz.verified_on == TODAY
    assert kifaz.contact == "Herr Nowak"
    assert len(service.search()) == len(ENTRIES)
    assert service.exploration(x.id).catalog_entry_id == kifaz.id
    assert "KiFaZ Horner Geest (KiFaZ)" in target_names


def test_team_meeting_and_tips_list(qtbot, window, service, monkeypatch, tmp_path):
    assert window.meeting_label.text() == "Noch keine Teamsitzung festgehalten."
    service.record_exploration(ExplorationInput(TODAY, "Lesepaten auf Farsi in der Bücherhalle"))
    shown: list[tuple[bytes, dt.date]] = []
    monkeypatch.setattr(
        TipsPreviewDialog,
        "show_tips",
        classmethod(lambda cls, parent, svc, content, meeting: shown.append((content, meeting))),
    )
    qtbot.mouseClick(window.tips_button, Qt.MouseButton.LeftButton)
    content, meeting = shown[0]
    assert content.startswith(b"%PDF")
    assert meeting == TODAY
    qtbot.mouseClick(window.meeting_button, Qt.MouseButton.LeftButton)
    assert window.meeting_label.text() == f"Letzte Teamsitzung: {TODAY:%d.%m.%Y}"
    assert service.last_team_meeting() == TODAY
    assert service.tips_since().entries == ()


def test_tips_preview_saves_and_prints(qtbot, service, monkeypatch, tmp_path, warnings):
    service.record_team_meeting(WEEK_AGO)
    service.record_exploration(
        ExplorationInput(TODAY, "Lesepaten auf Farsi in der Bücherhalle Veddel.", "Veddel", "Kr")
    )
    content = service.tips_pdf(service.tips_since(), TODAY)
    dialog = TipsPreviewDialog(service, content, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.pdf.pageCount() >= 1
    target = tmp_path / "tipps.pdf"
    monkeypatch.setattr(SaveTarget, "ask", classmethod(lambda cls, parent, name: target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == content
    monkeypatch.setattr(PrinterChoice, "ask", classmethod(lambda cls, *a: None))
    assert dialog.print_list() is False
    assert warnings == []


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler not installed")
def test_tips_pdf_pages_as_images(service, tmp_path):
    service.record_team_meeting(WEEK_AGO - dt.timedelta(days=30))
    service.record_exploration(
        ExplorationInput(
            TODAY,
            "Die Moschee-Gemeinde in der Veddel bietet freitags Hausaufgabenhilfe an; "
            "Ansprechpartner ist Herr Doğan.",
            "Veddel",
            "Frau Krüger",
        )
    )
    content = service.tips_pdf(service.tips_since(), TODAY)
    pdf = tmp_path / "tipps.pdf"
    pdf.write_bytes(content)
    SCREENSHOTS.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(pdf), str(SCREENSHOTS / "i6c_tipps_pdf")],
        check=True,
    )
    assert list(SCREENSHOTS.glob("i6c_tipps_pdf*.png"))


def test_window_screenshot(qtbot, window):
    window.catalog_table.resizeColumnsToContents()
    screenshot(window, "i6c_katalog")
    assert window.catalog_table.accessibleName() == "Sozialraum-Katalog"


# --- from the main window ------------------------------------------------------------------


@pytest.fixture
def main(qtbot, data_dir):
    from asd_desktop.services import vault
    from asd_desktop.ui.main_window import MainWindow
    from tests.conftest import PASSPHRASE

    vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE).close()
    w = MainWindow(data_dir)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    _unlock(qtbot, w)
    assert not w.is_locked()
    return w


#: The headless platform cannot raise windows; on a desktop the catalogue comes to the front.
NO_RAISE = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)", *OFFSCREEN_NOISE)


@NO_RAISE
def test_main_window_opens_catalogue_and_lock_closes_it(qtbot, main):
    assert main.sozialraum_action.shortcut().toString() == "Ctrl+Shift+S"
    qtbot.keyClick(main.table, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    window = main.sozialraum_window
    assert window is not None
    qtbot.waitExposed(window)
    assert window.isVisible()
    assert not window.isModal()
    main.sozialraum_action.trigger()
    assert main.sozialraum_window is window
    engine = weakref.ref(main.opened.database.engine)
    del window
    main.lock_action.trigger()
    assert main.is_locked()
    assert main.sozialraum_window is None

    def released() -> bool:
        gc.collect()
        return engine() is None

    # The closed catalogue window keeps nothing of the database (and its key) reachable.
    qtbot.waitUntil(released)
    assert not any(
        isinstance(w, SozialraumWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


@NO_RAISE
def test_closing_the_catalogue_lets_it_open_afresh(qtbot, main):
    main.open_sozialraum()
    first = main.sozialraum_window
    assert first is not None
    qtbot.mouseClick(first.close_button, Qt.MouseButton.LeftButton)
    assert main.sozialraum_window is None
    main.open_sozialraum()
    assert main.sozialraum_window is not None


def test_ctrl_e_records_an_exploration_after_a_visit(qtbot, main, monkeypatch):
    monkeypatch.setattr(
        ExplorationDialog,
        "ask",
        classmethod(
            lambda cls, *a, **k: (ExplorationInput(TODAY, "Neuer Bolzplatz am Park", "Hamm"), False)
        ),
    )
    qtbot.keyClick(main.table, Qt.Key.Key_E, CTRL)
    assert [x.learned for x in main.opened.sozialraum.explorations()] == ["Neuer Bolzplatz am Park"]
    assert "Erkundung" in main.statusBar().currentMessage()


def test_every_control_has_an_accessible_name(window):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QTableView, QTabWidget

    kinds = (QLineEdit, QComboBox, QTableView, QPushButton, QTabWidget)
    controls = [w for w in window.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(controls) >= 14
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in controls if not w.accessibleName()]
    assert unnamed == []
