"""Signing on screen (issue 18): strokes from mouse and pen, the image on the right line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from asd_desktop.models.proofs import DocumentSignature
from asd_desktop.reports import signing
from asd_desktop.ui.documents_tab import DocumentsTab
from asd_desktop.ui.signature_pad import SignaturePad, SigningDialog
from tests.unit.test_documents import PEOPLE, make_agreement

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _tablet(pad, kind, x, y, pressure):
    device = QPointingDevice.primaryPointingDevice()
    for candidate in QInputDevice.devices():
        if isinstance(candidate, QPointingDevice) and (
            candidate.type() == QInputDevice.DeviceType.Stylus
        ):
            device = candidate
    pos = QPointF(x, y)
    event = QTabletEvent(
        kind,
        device,
        pos,
        QPointF(pad.mapToGlobal(QPoint(x, y))),
        pressure,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        Qt.KeyboardModifier.NoModifier,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
    )
    QApplication.sendEvent(pad, event)


def _mouse_stroke(pad, points):
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for p in points[1:]:
        QTest.mouseMove(pad, QPoint(*p))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def _bbox_of_word(pdf: Path, word: str, page: int) -> tuple[float, float, float, float]:
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for line in html.splitlines():
        if f">{word}</word>" in line:
            parts = dict(p.split("=") for p in line.strip().split(" ")[1:5])
            return tuple(
                float(parts[k].strip('"').split('"')[0]) for k in ("xMin", "yMin", "xMax", "yMax")
            )  # type: ignore[return-value]
    raise AssertionError(word)


def _dark(image: QImage, box: tuple[float, float, float, float], scale: float) -> int:
    x0, y0, x1, y1 = (int(v * scale) for v in box)
    return sum(
        1
        for x in range(max(0, x0), min(image.width(), x1))
        for y in range(max(0, y0), min(image.height(), y1))
        if image.pixelColor(x, y).lightness() < 110
    )


def test_mouse_and_pen_sign_the_second_line_of_the_shown_version(opened, qtbot, tmp_path):
    _, agreement_id = make_agreement(opened)
    view = opened.documents.print_goal_agreement(agreement_id)
    service = opened.documents.signatures()
    dialog = SigningDialog(service, view)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pad = dialog.pad
    assert dialog.line_box.count() == len(PEOPLE) + 1

    # Line 2 (Łukasz Wójcik) signed with the mouse, then a pen stroke with pressure.
    dialog.line_box.setCurrentIndex(1)
    assert dialog.line_box.currentText() == "Zeile 2: Łukasz Wójcik"
    _mouse_stroke(pad, [(30, 80), (80, 40), (130, 90), (180, 50)])
    _tablet(pad, QTabletEvent.Type.TabletPress, 200, 60, 0.2)
    _tablet(pad, QTabletEvent.Type.TabletMove, 260, 30, 0.6)
    _tablet(pad, QTabletEvent.Type.TabletMove, 320, 80, 1.0)
    _tablet(pad, QTabletEvent.Type.TabletRelease, 360, 70, 0.9)
    assert len(pad.strokes) == 2
    assert pad.input_kind == "pen"
    pressures = [p for _, _, p in pad.strokes[1]]
    assert pressures[0] < 0.3 < 0.9 <= max(pressures)
    SCREENSHOTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "signing-dialog.png"))
    assert dialog.take_line()
    assert dialog.line_box.count() == len(PEOPLE)
    dialog.finish()
    signed = dialog.result_view
    assert signed is not None

    # Bound to the version shown; the strokes stay in the database only.
    with opened.database.session_factory() as s:
        row = s.scalars(select(DocumentSignature)).one()
        assert row.document_sha256 == view.sha256
        assert row.line == 2
        assert row.signed_document_id == signed.id
    assert "Zeile 2: am Bildschirm unterschrieben am" in service.signings(signed.id)[0].label

    content = opened.documents.content(signed.id)
    assert signing.is_signed(content, 2)
    assert not signing.is_signed(content, 1)
    assert opened.documents.verify_file(content).answer.startswith("echt")
    assert opened.documents.verify_file(opened.documents.content(view.id)).answer.startswith(
        "es gibt eine neuere Fassung"
    )

    # The ink stands on the line above "Łukasz Wójcik", not above the first name.
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(content)
    pages = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert "stencil" in pages
    page = int(next(ln.split()[0] for ln in pages.splitlines()[2:] if ln.split()[2] == "stencil"))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "72",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(tmp_path / "s"),
        ],
        check=True,
    )
    image = QImage(str(next(tmp_path.glob("s-*.png"))))
    for name, expect_ink in (("Łukasz", True), ("Małgorzata", False)):
        x0, y0, _, _ = _bbox_of_word(pdf, name, page)
        above = (x0, y0 - 40, x0 + 200, y0 - 4)
        assert (_dark(image, above, 1.0) > 30) is expect_ink, name

    # A new print of the same agreement does not carry the first one's signature.
    again = opened.documents.print_goal_agreement(agreement_id)
    fresh = opened.documents.content(again.id)
    assert not any(signing.is_signed(fresh, n) for n in signing.lines(fresh))
    assert service.signings(again.id) == []


def test_a_finger_draws_too(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 150)
    pad.show()
    qtbot.waitExposed(pad)
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(20, 100)).commit()
    QTest.touchEvent(pad, device).move(0, QPoint(120, 40)).commit()
    QTest.touchEvent(pad, device).move(0, QPoint(220, 90)).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(260, 60)).commit()
    assert pad.input_kind == "touch"
    assert len(pad.strokes) == 1
    assert len(pad.strokes[0]) >= 3
    QTest.keyClick(pad, Qt.Key.Key_Delete)
    assert pad.is_empty()


@pytest.fixture
def signed_tab(qtbot, opened):
    _, agreement_id = make_agreement(opened)
    view = opened.documents.print_goal_agreement(agreement_id)
    service = opened.documents.signatures()
    service.add(view.id, view.sha256, 1, [[(0.1, 0.5, 0.5), (0.6, 0.4, 0.8)]], "pen")
    signed = service.finish(view.id)
    widget = DocumentsTab(opened.documents)
    qtbot.addWidget(widget)
    widget.resize(900, 360)
    widget.show_case(signed.case_id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, signed


def test_the_documents_tab_lists_the_signing_with_time_and_device(signed_tab):
    tab, signed = signed_tab
    assert tab.selected_document() is not None
    assert tab.selected_document().id == signed.id
    assert signed.title == "Zielvereinbarung vom 24.11.2026 – am Bildschirm unterschrieben"
    text = tab.signings_label.text()
    assert text.startswith("Zeile 1: am Bildschirm unterschrieben am ")
    assert "(Stift, Gerät " in text
    assert tab.signings_label.isVisible()
    SCREENSHOTS.mkdir(exist_ok=True)
    assert tab.grab().save(str(SCREENSHOTS / "dokumente-unterschrieben.png"))
