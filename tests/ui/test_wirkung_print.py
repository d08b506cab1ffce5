"""The Wirkungsbericht is printed from its window: Strg+P or "Drucken …", to a PDF printer here."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog

from asd_desktop.reports.wirkung import render_wirkung
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.pdf_preview import PrinterChoice, load_pdf
from tests.ui import test_wirkung_window as base
from tests.ui.test_wirkung_window import _make_report, _open_by_keyboard, _press

# The Walle demo and the unlocked main window of the report's own tests.
walle_template = base.walle_template
main_window = base.main_window

CTRL = Qt.KeyboardModifier.ControlModifier


def _pdf_printer(out: Path, asked: list[tuple[str, int]]):
    def ask(_cls, parent, title, pages=0):
        asked.append((title, pages))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setOutputFileName(str(out))
        return printer

    return classmethod(ask)


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.M)
    assert found is not None
    return int(found.group(1))


def test_strg_p_prints_every_page_of_the_report(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch
):
    report = _open_by_keyboard(qtbot, main_window)
    # Nothing to print before the report is made.
    assert not report.print_button.isEnabled()
    assert not report.print_action.isEnabled()
    _make_report(qtbot, report)
    assert report.print_button.isEnabled()
    assert report.print_button.text() == "D&rucken …"
    out = tmp_path / "gedruckt.pdf"
    asked: list[tuple[str, int]] = []
    monkeypatch.setattr(PrinterChoice, "ask", _pdf_printer(out, asked))
    assert report.report is not None
    expected = load_pdf(render_wirkung(report.report)).pageCount()
    assert expected >= 2

    _press(qtbot, report, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: "Gedruckt" in report.saved_label.text(), timeout=60000)
    # The print dialog offered the report's page range; every page went to the printer.
    assert asked == [("Wirkungsbericht", expected)]
    assert out.read_bytes().startswith(b"%PDF")
    assert _pages(out) == expected
    assert report.saved_label.text() == f"Gedruckt: {expected} Seiten"
    # Strg+P in the report is not the main window's "Person hinzufügen" (Strg+P there).
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert shown == [report]
    qtbot.waitUntil(report.isActiveWindow)
    assert QApplication.focusWidget() is report.close_button
    report.resize(1366, 768)
    assert report.grab().save("/tmp/h7_wirkung_print.png")


def test_the_button_prints_and_a_cancelled_print_dialog_prints_nothing(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch
):
    report = _open_by_keyboard(qtbot, main_window)
    _make_report(qtbot, report)
    asked: list[int] = []

    def cancel(_cls, parent, title, pages=0):
        asked.append(pages)
        return None

    monkeypatch.setattr(PrinterChoice, "ask", classmethod(cancel))
    report.print_button.setFocus()
    _press(qtbot, report, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    assert report.saved_label.text() == ""
    qtbot.waitUntil(report.isActiveWindow)
    assert QApplication.focusWidget() is report.print_button

    out = tmp_path / "zweiter.pdf"
    monkeypatch.setattr(PrinterChoice, "ask", _pdf_printer(out, []))
    _press(qtbot, report, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # D&rucken
    qtbot.waitUntil(lambda: "Gedruckt" in report.saved_label.text(), timeout=60000)
    assert _pages(out) == asked[0]
