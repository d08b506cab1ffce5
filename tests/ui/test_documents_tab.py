"""The "Dokumente" tab and the PDF preview, driven as a caseworker would."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from sqlalchemy import select, text

from asd_desktop.models.audit import AuditEntry
from asd_desktop.services.documents import DocumentAction
from asd_desktop.ui.documents_tab import SHA_SHOWN, DocumentsTab, DocumentTableModel
from asd_desktop.ui.pdf_preview import (
    PdfPreviewDialog,
    PrinterChoice,
    SaveTarget,
    load_pdf,
)
from tests.unit.test_documents import make_agreement, make_case

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def screenshot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
    assert match
    return int(match.group(1))


def _actions(opened) -> list[tuple[str, str]]:
    with opened.database.session_factory() as s:
        return [
            (e.action, e.detail) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]


@pytest.fixture
def printed(opened):
    """A case with two printed Zielvereinbarungen: (case id, [newest view, older view])."""
    case_id, agreement_id = make_agreement(opened)
    older = opened.documents.print_goal_agreement(agreement_id)
    newer = opened.documents.print_goal_agreement(agreement_id)
    return case_id, [newer, older]


@pytest.fixture
def tab(qtbot, opened, printed):
    widget = DocumentsTab(opened.documents)
    qtbot.addWidget(widget)
    widget.resize(900, 320)
    widget.show_case(printed[0])
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def warnings(monkeypatch):
    shown: list[tuple[str, str]] = []

    def warning(_parent, title, message, *_args, **_kwargs):
        shown.append((title, message))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


@pytest.fixture
def pdf_printer(monkeypatch, tmp_path):
    """The print dialog answered with a printer that writes a PDF file."""
    target = tmp_path / "gedruckt.pdf"
    asked: list[tuple[str, int]] = []

    def ask(_parent, title, pages):
        asked.append((title, pages))
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(PrinterChoice, "ask", classmethod(lambda _cls, p, t, n=0: ask(p, t, n)))
    return target, asked


def test_table_lists_the_documents_newest_first(tab, printed, qtmodeltester):
    _, views = printed
    model = tab.model

    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert [model.row_value(r).id for r in range(2)] == [v.id for v in views]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Datum"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Datum",
        "Art",
        "Titel",
        "SHA-256",
    ]
    first = [model.index(0, c).data() for c in range(4)]
    assert first[1] == "Zielvereinbarung"
    assert first[2] == "Zielvereinbarung vom 24.11.2026"
    assert first[3] == views[0].sha256[:SHA_SHOWN] + "…"
    assert first[0] == "24.11.2026"  # the agreement's day, not when it was stored
    tooltip = model.index(0, DocumentTableModel.SHA).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == f"SHA-256: {views[0].sha256}"
    assert tab.selected_document() == views[0]
    assert not tab.empty_label.isVisible()
    screenshot(tab, "documents_tab")


def test_buttons_need_a_selected_document(qtbot, opened, tab):
    assert tab.show_button.isEnabled()
    tab.table.clearSelection()
    assert not tab.show_button.isEnabled()
    assert not tab.print_button.isEnabled()
    assert not tab.save_button.isEnabled()

    empty_case = make_case(opened, "ASD-LEER-1")
    tab.show_case(empty_case)
    assert tab.model.rowCount() == 0
    assert tab.empty_label.isVisible()
    assert not tab.show_button.isEnabled()
    screenshot(tab, "documents_tab_empty")

    tab.clear()
    assert tab.model.rowCount() == 0
    assert not tab.empty_label.isVisible()


def test_show_opens_the_selected_document_by_button_and_by_keyboard(
    qtbot, tab, printed, monkeypatch
):
    _, views = printed
    opened_ids: list[str] = []
    monkeypatch.setattr(
        PdfPreviewDialog,
        "show_document",
        classmethod(lambda _cls, _parent, _docs, document_id: opened_ids.append(document_id)),
    )

    qtbot.mouseClick(tab.show_button, Qt.MouseButton.LeftButton)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)

    assert opened_ids == [views[0].id, views[1].id]


def test_everything_is_reachable_with_tab_and_named(qtbot, tab):
    tab.activateWindow()
    tab.table.setFocus()
    qtbot.waitUntil(tab.table.hasFocus)
    reached = []
    for _ in range(3):
        qtbot.keyClick(tab.focusWidget(), Qt.Key.Key_Tab)
        reached.append(tab.focusWidget())

    assert reached == [tab.show_button, tab.print_button, tab.save_button]
    for widget in (tab.table, tab.show_button, tab.print_button, tab.save_button):
        assert widget.accessibleName()
    assert tab.show_button.text() == "&Anzeigen"
    assert tab.print_button.text() == "&Drucken…"
    assert tab.save_button.text() == "&Speichern unter…"


def test_save_as_writes_the_exact_stored_bytes(qtbot, opened, tab, printed, monkeypatch, tmp_path):
    _, views = printed
    suggested: list[str] = []
    target = tmp_path / "abgelegt"

    def ask(_cls, _parent, name):
        suggested.append(name)
        return target.with_suffix(".pdf")

    monkeypatch.setattr(SaveTarget, "ask", classmethod(ask))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    op = tab.operation
    assert op is not None
    qtbot.waitUntil(lambda: op.done)

    saved = target.with_suffix(".pdf")
    assert saved.read_bytes() == opened.documents.content(views[0].id)
    assert suggested == [f"{views[0].date:%Y-%m-%d}_zielvereinbarung_{views[0].sha256[:8]}.pdf"]
    assert (DocumentAction.SAVED, views[0].id) in _actions(opened)


def test_save_cancelled_writes_nothing(qtbot, opened, tab, monkeypatch, tmp_path):
    monkeypatch.setattr(SaveTarget, "ask", classmethod(lambda _cls, _p, _n: None))
    before = _actions(opened)

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    assert tab.operation is None
    assert list(tmp_path.rglob("*.pdf")) == []
    assert _actions(opened) == before


def test_print_sends_every_page_and_is_audited(qtbot, opened, tab, printed, pdf_printer, tmp_path):
    _, views = printed
    target, asked = pdf_printer
    stored = tmp_path / "gespeichert.pdf"
    stored.write_bytes(opened.documents.content(views[0].id))

    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    op = tab.operation
    assert op is not None
    # The pages are painted off the GUI thread; the buttons wait meanwhile.
    assert not tab.print_button.isEnabled()
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert tab.print_button.isEnabled()

    assert op.result == _pages(stored)
    assert asked == [("Zielvereinbarung vom 24.11.2026", _pages(stored))]
    assert _pages(target) == _pages(stored)
    assert (DocumentAction.PRINTED, views[0].id) in _actions(opened)


def test_print_cancelled_is_not_audited(qtbot, opened, tab, monkeypatch):
    monkeypatch.setattr(PrinterChoice, "ask", classmethod(lambda _cls, _p, _t, _n=0: None))
    before = _actions(opened)

    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)

    assert tab.operation is None
    assert _actions(opened) == before


def test_a_changed_document_is_refused_with_a_reason(qtbot, opened, tab, printed, warnings):
    _, views = printed
    with opened.database.engine.begin() as conn:
        conn.execute(
            text("UPDATE documents SET content = :c WHERE id = :i"),
            {"c": b"%PDF-1.4 verfaelscht", "i": views[0].id},
        )

    PdfPreviewDialog.show_document(tab, opened.documents, views[0].id)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)

    assert [title for title, _ in warnings] == ["Dokument nicht angezeigt", "Nicht gedruckt"]
    assert all("Prüfsumme" in message for _, message in warnings)


def test_preview_shows_the_pages_and_prints_and_saves(
    qtbot, opened, printed, pdf_printer, monkeypatch, tmp_path
):
    _, views = printed
    view = views[0]
    content = opened.documents.content(view.id)
    dialog = PdfPreviewDialog(opened.documents, view, content)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.windowTitle() == "Zielvereinbarung vom 24.11.2026"
    assert dialog.pdf.pageCount() == load_pdf(content).pageCount() >= 2
    assert dialog.pdf_view.document() is dialog.pdf
    assert "SHA-256 " + view.sha256[:12] in dialog.info_label.text()
    for button in (dialog.print_button, dialog.save_button, dialog.close_button):
        assert button.accessibleName()

    def page_painted() -> bool:
        image = dialog.pdf_view.viewport().grab().toImage()
        width, height = image.width(), image.height()
        return any(
            QColor(image.pixel(x, y)).lightness() < 100
            for x in range(width // 10, width * 9 // 10, 4)
            for y in range(height // 10, height // 2, 4)
        )

    qtbot.waitUntil(page_painted, timeout=10_000)
    screenshot(dialog, "pdf_preview")

    target, _ = pdf_printer
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    printing = dialog.operation
    assert printing is not None
    qtbot.waitUntil(lambda: printing.done, timeout=10_000)
    assert _pages(target) == dialog.pdf.pageCount()

    saved = tmp_path / "vorschau.pdf"
    monkeypatch.setattr(SaveTarget, "ask", classmethod(lambda _cls, _p, _n: saved))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saving = dialog.operation
    assert saving is not None
    qtbot.waitUntil(lambda: saving.done)
    assert saved.read_bytes() == content

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_show_document_opens_a_modal_preview(qtbot, opened, printed, monkeypatch):
    _, views = printed
    shown: list[PdfPreviewDialog] = []

    def exec_(self):
        shown.append(self)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PdfPreviewDialog, "exec", exec_)
    parent = QWidget()
    qtbot.addWidget(parent)

    PdfPreviewDialog.show_document(parent, opened.documents, views[1].id)

    assert len(shown) == 1
    assert shown[0].windowTitle() == views[1].title
    assert shown[0].pdf.pageCount() >= 2
