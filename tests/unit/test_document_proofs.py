"""Documents that prove themselves (issue 18): stamp, verify a file or a typed code.

Real encrypted database, real rendered Zielvereinbarung, real bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtGui import QImage
from sqlalchemy import select

from asd_desktop.models.audit import AuditEntry
from asd_desktop.models.base import LocalDevice
from asd_desktop.models.documents import Document
from asd_desktop.models.errors import AsdError
from asd_desktop.models.sync import SyncDevice
from asd_desktop.reports import proof
from asd_desktop.services import proofs
from asd_desktop.services.vault import OpenVault
from tests.unit.test_documents import make_agreement, make_case, make_draft


@pytest.fixture
def stored(opened: OpenVault) -> tuple[str, bytes]:
    _, agreement_id = make_agreement(opened)
    view = opened.documents.print_goal_agreement(agreement_id)
    return agreement_id, opened.documents.content(view.id)


def _verified(opened: OpenVault) -> list[str]:
    with opened.database.session_factory() as s:
        return [
            e.detail
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == proofs.VERIFIED))
        ]


def test_stored_document_verifies_and_every_page_carries_the_code(opened, stored, tmp_path):
    _, content = stored
    result = opened.documents.verify_file(content)
    assert result.answer.startswith("echt und unverändert, gespeichert am ")
    assert dt.date.today().strftime("%d.%m.%Y") in result.answer
    with opened.database.session_factory() as s:
        row = s.scalars(select(Document)).one()
        assert row.doc_version == 1
        assert row.proof_code
        assert row.proof
    # The stamp is drawn on every page: its corner is dark where the QR code stands.
    path = tmp_path / "z.pdf"
    path.write_bytes(content)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 2
    for page in pages:
        image = QImage(str(page))
        corner = [
            image.pixelColor(x, y).lightness()
            for x in range(image.width() - 45, image.width() - 10)
            for y in range(image.height() - 60, image.height() - 25)
        ]
        assert sum(1 for v in corner if v < 100) > 200, page.name
    # No personal data in the signed payload: only ids, version, time and hash.
    payload, _ = proof.decode_proof(proof.read_proof(content))
    assert payload.document_id == row.id
    assert payload.version == 1
    assert b"W\xc3\xb3jcik" not in proof.read_proof(content).encode()
    assert _verified(opened) == [f"Datei: echt und unverändert ({row.id})"]


def test_one_changed_byte_anywhere_is_veraendert(opened, stored):
    _, content = stored
    at_stamp = proof.find_stamp(content)
    for where in (len(content) // 3, at_stamp + 400, at_stamp + len(proof.PLACEHOLDER) - 20):
        changed = bytearray(content)
        changed[where] ^= 0x01
        assert opened.documents.verify_file(bytes(changed)).answer == "verändert", where
    # The signed proof itself altered: the signature no longer fits.
    text = proof.read_proof(content)
    start = content.index(text.encode())
    forged = bytearray(content)
    forged[start + 40] = ord("A" if text[40] != "A" else "B")
    assert opened.documents.verify_file(bytes(forged)).answer == "verändert"


def test_newer_version_is_named(opened, stored):
    agreement_id, first = stored
    second = opened.documents.print_goal_agreement(agreement_id)
    result = opened.documents.verify_file(first)
    assert result.answer.startswith("es gibt eine neuere Fassung vom ")
    assert "Fassung 1" in result.reason
    assert "Fassung 2" in result.reason
    assert opened.documents.verify_file(opened.documents.content(second.id)).answer.startswith(
        "echt"
    )


def _foreign(content: bytes, device: str) -> tuple[bytes, Ed25519PrivateKey]:
    """The same document as if stored by another laptop with its own key."""
    key = Ed25519PrivateKey.generate()
    base = proof.blank(content)
    payload, _ = proof.decode_proof(proof.read_proof(content))
    payload = dataclasses.replace(payload, device_id=device)
    text = proof.encode_proof(payload, key.sign(payload.to_bytes()))
    return proof.filled(base, text, proofs.label(payload)), key


def test_unknown_device_and_foreign_pdf_are_unbekannt(opened, stored):
    _, content = stored
    laptop = "01890000-0000-7000-8000-0000000000ff"
    foreign, key = _foreign(content, laptop)
    result = opened.documents.verify_file(foreign)
    assert result.answer == "unbekannt"
    assert "nicht bekannt" in result.reason
    # Once the office registry knows that laptop (with its key), it verifies.
    with opened.database.session_factory.begin() as s:
        s.add(
            SyncDevice(
                device_id=laptop,
                name="Laptop 1",
                role="laptop",
                signing_public=key.public_key().public_bytes_raw(),
                age_recipient="",
                enrolled_at=dt.datetime(2026, 1, 1),
            )
        )
    assert opened.documents.verify_file(foreign).answer.startswith("echt")
    # A known laptop's id with a signature that is not its own: changed, not unknown.
    forged, _ = _foreign(content, laptop)
    assert opened.documents.verify_file(forged).answer == "verändert"
    # Our own documents stay ours after this device's id changed (joining the office).
    with opened.database.session_factory.begin() as s:
        device = s.get(LocalDevice, 1)
        assert device is not None
        device.device_id = "01890000-0000-7000-8000-0000000000ee"
    assert opened.documents.verify_file(content).answer.startswith("echt")
    # A PDF this program never stamped.
    assert opened.documents.verify_file(b"%PDF-1.4\n%%EOF\n").answer == "unbekannt"


def test_typed_code_with_typo_and_right(opened, stored):
    _, _content = stored
    with opened.database.session_factory() as s:
        code = s.scalars(select(Document.proof_code)).one()
    assert code is not None
    typed = code.lower().replace("-", " ")
    assert opened.documents.verify_code(typed).answer.startswith("echt und unverändert")
    # One character wrong, and two neighbours swapped: caught by the check character.
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    assert opened.documents.verify_code(wrong).answer == "Tippfehler?"
    swapped = code[1] + code[0] + code[2:]
    if swapped != code:
        assert opened.documents.verify_code(swapped).answer == "Tippfehler?"
    # A well-formed code nobody stored.
    data = "0000" * 3
    other = proof.normalise_code(data + proof._check(data))
    assert opened.documents.verify_code(other).answer == "unbekannt"
    assert len(_verified(opened)) == 4


def test_a_character_no_font_has_stops_printing_and_names_the_field(opened):
    case_id = make_case(opened)
    agreement = opened.goals.finish(case_id, make_draft(will="Wir wollen \U00013000 ruhig sein."))
    with pytest.raises(AsdError) as caught:
        opened.documents.print_goal_agreement(agreement.id)
    assert "»Wille«" in str(caught.value)
    assert "U+13000 (EGYPTIAN HIEROGLYPH A001)" in str(caught.value)
    assert opened.documents.list_for_case(case_id) == []


def test_bilingual_print_is_stored_stamped_and_verifies(opened):
    case_id = make_case(opened)
    agreement = opened.goals.finish(case_id, make_draft(concern_by="فاطمة الزين"))
    view = opened.documents.print_goal_agreement(agreement.id, language="ar")
    content = opened.documents.content(view.id)
    assert b"/AsdProof (" in content
    assert opened.documents.verify_file(content).answer.startswith("echt")
