"""Datei → Dokument prüfen…: a saved PDF, a changed copy and a typed code (issue 18)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from asd_desktop.models.documents import Document
from asd_desktop.ui.verify_dialog import VerifyDialog
from tests.unit.test_documents import make_agreement

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def test_verify_a_file_a_changed_copy_and_a_code(opened, qtbot, tmp_path):
    _, agreement_id = make_agreement(opened)
    view = opened.documents.print_goal_agreement(agreement_id)
    path = tmp_path / "zv.pdf"
    opened.documents.save_copy(view.id, path)
    dialog = VerifyDialog(opened.documents)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.check_file(path)
    assert dialog.answer.text().startswith("echt und unverändert, gespeichert am ")
    changed = bytearray(path.read_bytes())
    changed[200] ^= 0x01
    path.write_bytes(bytes(changed))
    dialog.check_file(path)
    assert dialog.answer.text() == "verändert"

    with opened.database.session_factory() as s:
        code = s.scalars(select(Document.proof_code)).one()
    assert code is not None
    dialog.code_edit.setText(code.lower())
    dialog.code_button.click()
    assert dialog.answer.text().startswith("echt und unverändert")
    dialog.code_edit.setText(code[:-1] + ("0" if code[-1] != "0" else "1"))
    dialog.code_button.click()
    assert dialog.answer.text() == "Tippfehler?"
    SCREENSHOTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "dokument-pruefen.png"))
