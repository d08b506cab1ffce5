"""The Wirkungsbericht window, opened by keyboard from the main window on the Walle demo."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit

from asd_desktop.demo.wirkung import DEMO_COSTS, DEMO_PILOT, write_wirkung_demo
from asd_desktop.demo.wirkung_plan import BASELINE, UNTIL
from asd_desktop.services import vault
from asd_desktop.services.wirkung import REST, Choice, WirkungService, save_choice, save_costs
from asd_desktop.ui.help import install_help
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.wirkung_window import ExportTarget, WirkungWindow
from asd_desktop.ui.wirkung_window.table import ReportTableModel
from tests.conftest import PASSPHRASE
from tests.ui.test_main_window import Clock, _unlock

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(scope="module")
def walle_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with Walle and the city, as ``asd-desktop demo`` leaves it."""
    data_dir = tmp_path_factory.mktemp("walle") / "daten"
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        write_wirkung_demo(opened.database.session_factory, opened.database.device_id)
    finally:
        opened.close()
    save_costs(data_dir, DEMO_PILOT, DEMO_COSTS)
    save_choice(data_dir, Choice(DEMO_PILOT.key, REST.key, BASELINE, UNTIL))
    return data_dir


@pytest.fixture
def main_window(qtbot, walle_template: Path, tmp_path: Path) -> MainWindow:
    data_dir = tmp_path / "daten"
    shutil.copytree(walle_template, data_dir)
    window = MainWindow(data_dir, now=Clock())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _unlock(qtbot, window)
    return window


def _open_by_keyboard(qtbot, window: MainWindow) -> WirkungWindow:
    qtbot.keyClick(window, Qt.Key.Key_W, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.findChild(WirkungWindow) is not None)
    report = window.findChild(WirkungWindow)
    assert isinstance(report, WirkungWindow)
    qtbot.waitExposed(report)
    qtbot.waitUntil(report.isActiveWindow)
    return report


def _press(qtbot, report: WirkungWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key as the person presses it: to whatever has the focus in the report window."""
    focus = QApplication.focusWidget()
    assert focus is not None
    assert focus.window() is report
    qtbot.keyClick(focus, key, modifier)


def _make_report(qtbot, report: WirkungWindow) -> None:
    with qtbot.waitSignal(report.report_shown, timeout=20000):
        _press(qtbot, report, Qt.Key.Key_Return)
    qtbot.waitUntil(report.isActiveWindow)


def test_the_team_leader_opens_the_report_by_keyboard_and_sees_the_source_s_figures(
    qtbot, main_window: MainWindow, tmp_path: Path
):
    assert main_window.wirkung_action.shortcut().toString() == "Ctrl+Shift+W"
    menus = [a.text().replace("&", "") for a in main_window.menuBar().actions()]
    assert "Auswertung" in menus
    report = _open_by_keyboard(qtbot, main_window)
    # It opens on the last choice: Walle against the rest, 2011 to 2012, costs filled in.
    assert report.pilot_combo.currentText() == "Bezirk Walle"
    assert report.comparison_combo.currentText() == "Rest der Datenbank"
    assert report.staff_edit.text() == "240.000,00 €"
    _make_report(qtbot, report)
    bars = {b.label.strip(): b for b in report.change_chart.bars()}
    spfh = bars["Sozialpädagogische Familienhilfe (§ 31)"]
    assert (round(spfh.pilot or 0, 1), round(spfh.comparison or 0, 1)) == (-52.2, 4.8)
    assert round(bars["ambulant"].pilot or 0, 1) == -29.0
    assert round(bars["Maßnahmen insgesamt"].comparison or 0, 1) == 7.8
    assert "\u221252,2 %" in report.change_chart.accessibleDescription()
    assert "\u22125,04 %" in report.change_chart.accessibleDescription()  # spending
    assert "\u22129,55 %" in report.summary.text()
    assert "598.792 €" in report.summary.text()
    counts = {b.label: (b.baseline, b.until) for b in report.pilot_chart.bars()}
    assert counts["ambulant"] == (100, 71)
    # Alt+3: the table, with the SHA's single case on the first day as "< 3".
    _press(qtbot, report, Qt.Key.Key_3, ALT)
    assert report.tabs.currentWidget() is report.table
    model = report.table_model
    sha = next(
        r
        for r in range(model.rowCount())
        if model.row_value(r).label.startswith("Sozialräum") and model.row_value(r).key == "sha"
    )
    first = model.index(sha, ReportTableModel.PILOT_FIRST).data()
    assert first == "< 3"
    # What the team leader sees, at 1366×768: each view once.
    report.resize(1366, 768)
    SCREENSHOTS.mkdir(exist_ok=True)
    for key, name in (
        (Qt.Key.Key_1, "veraenderung"),
        (Qt.Key.Key_2, "laufende_massnahmen"),
        (Qt.Key.Key_3, "tabelle"),
        (Qt.Key.Key_4, "ausgaben_methode"),
    ):
        _press(qtbot, report, key, ALT)
        shot = SCREENSHOTS / f"wirkungsbericht_{name}.png"
        assert report.grab().save(str(shot))
        assert shot.stat().st_size > 20_000
    # Esc closes it, the main window stays.
    _press(qtbot, report, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: main_window.findChild(WirkungWindow) is None)
    assert not main_window.is_locked()


def test_tab_walks_every_field_in_order_and_comes_back(qtbot, main_window: MainWindow):
    report = _open_by_keyboard(qtbot, main_window)
    _make_report(qtbot, report)
    report.pilot_combo.setFocus()
    qtbot.waitUntil(report.pilot_combo.hasFocus)
    seen = [QApplication.focusWidget()]
    for _ in range(40):
        _press(qtbot, report, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is seen[-1] and isinstance(focus, QDateEdit):
            continue  # Tab walks day, month and year of a date first (Qt's way)
        assert focus is not seen[-1]  # every other press moves on
        if focus is report.pilot_combo:
            break
        seen.append(focus)
    else:
        pytest.fail("Tab never came back to the Pilotgruppe")
    fields = [
        report.pilot_combo,
        report.comparison_combo,
        report.baseline_edit,
        report.until_edit,
        report.staff_edit,
        report.training_edit,
        report.evaluation_edit,
        report.run_button,
    ]
    assert [w for w in seen if w in fields] == fields
    for button in (report.csv_button, report.pdf_button, report.close_button):
        assert button in seen
    assert seen.index(report.run_button) < seen.index(report.csv_button)
    _press(qtbot, report, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is seen[-1]


def test_export_csv_by_keyboard_and_read_it_back(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch
):
    report = _open_by_keyboard(qtbot, main_window)
    _make_report(qtbot, report)
    target = tmp_path / "export" / "wirkung.csv"
    target.parent.mkdir()
    monkeypatch.setattr(ExportTarget, "ask", classmethod(lambda cls, p, s, x: target))
    _press(qtbot, report, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(lambda: target.exists() and "Gespeichert" in report.saved_label.text())
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig")), delimiter=";"))
    walle = {r["Merkmal"]: r for r in rows if r["Gruppe"] == "Bezirk Walle"}
    assert walle["Maßnahmen insgesamt"]["Veränderung in %"] == "-18,2"
    assert walle["Beratung"]["Veränderung in %"] == "71,4"


def test_costs_that_are_no_amount_are_named_and_nothing_is_computed(qtbot, main_window):
    report = _open_by_keyboard(qtbot, main_window)
    _press(qtbot, report, Qt.Key.Key_G, ALT)  # Fortbildun&g
    assert QApplication.focusWidget() is report.training_edit
    report.training_edit.setText("viel")
    _press(qtbot, report, Qt.Key.Key_Return)
    assert report.problems.isVisible()
    assert "»viel« bei Fortbildung ist kein Betrag" in report.problems.text()
    assert report.report is None
    assert not report.pdf_button.isEnabled()


def test_without_groups_the_window_says_where_to_enter_them(qtbot, opened, data_dir):
    window = WirkungWindow(WirkungService(opened.database.session_factory), data_dir)
    qtbot.addWidget(window)
    window.show()
    assert not window.run_button.isEnabled()
    assert "Zuordnung" in window.problems.text()
    focus = QApplication.focusWidget()
    assert focus is None or focus.isEnabled()


def test_f1_explains_the_report_and_locking_closes_it(qtbot, main_window: MainWindow):
    report = _open_by_keyboard(qtbot, main_window)
    install_help()
    _press(qtbot, report, Qt.Key.Key_F1)
    shown = install_help().window
    assert shown is not None
    qtbot.waitUntil(shown.isVisible)
    assert shown.help_id == "wirkungsbericht"
    assert "< 3" in shown.browser.toPlainText()
    shown.close()
    main_window.lock()
    qtbot.waitUntil(lambda: main_window.findChild(WirkungWindow) is None)
    assert not main_window.wirkung_action.isEnabled()
