"""Documents that prove themselves: sign the stamp when storing, verify a file or a typed code.

The scheme (docs/DECISIONS.md, issue 18): a rendered PDF carries a blank stamp
form of fixed length on every page. Storing it signs (document id, version, time,
SHA-256 of the bytes *with the blank stamp*, device id) with the device's Ed25519
key and fills the stamp in place. Verifying rebuilds the stamp from the signed
payload (it must be byte for byte the one in the file), blanks it and compares
the SHA-256. The answers are exactly:

- ``echt und unverändert, gespeichert am …``
- ``es gibt eine neuere Fassung vom …``
- ``verändert``
- ``unbekannt``

A device with a sync identity signs with that identity's key, which the office
knows for every enrolled laptop and every laptop knows for the office; a device
without sync signs with a key of its own (``document_keys``) and knows only itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from asd_desktop.models.base import LocalDevice
from asd_desktop.models.documents import Document
from asd_desktop.models.proofs import DocumentKey
from asd_desktop.models.sync import SyncDevice, SyncIdentity
from asd_desktop.reports import proof
from asd_desktop.services import audit

GENUINE = "echt und unverändert, gespeichert am {when}"
NEWER = "es gibt eine neuere Fassung vom {when}"
CHANGED = "verändert"
UNKNOWN = "unbekannt"
TYPO = "Tippfehler?"
VERIFIED = "document_verified"


@dataclass(frozen=True)
class Verification:
    """The answer to "is this paper the stored one?" and a sentence saying why."""

    answer: str
    reason: str
    document_id: str | None = None

    def lines(self) -> list[str]:
        """The answer on the first line, the reason below it."""
        return [self.answer, self.reason] if self.reason else [self.answer]


def when(value: dt.datetime) -> str:
    """A stored time as printed in the answers: 06.12.2026 um 07:05 Uhr."""
    return f"{value:%d.%m.%Y} um {value:%H:%M} Uhr"


def label(payload: proof.Payload) -> str:
    """The line under the QR code: version and day stored (derived from the payload)."""
    return f"Fassung {payload.version} vom {payload.stored_at:%d.%m.%Y}"


# --- keys --------------------------------------------------------------------------------


def device_id(s: Session) -> str:
    """This database's device id."""
    device = s.get(LocalDevice, 1)
    if device is None:  # pragma: no cover - created when the database is opened
        raise RuntimeError("local device row missing")
    return device.device_id


def signing_key(s: Session) -> bytes:
    """The 32 raw bytes of the key this device signs documents with (made on first use)."""
    ident = s.get(SyncIdentity, 1)
    if ident is not None:
        return bytes(ident.signing_private)
    key = s.get(DocumentKey, 1)
    if key is None:
        private = Ed25519PrivateKey.generate().private_bytes_raw()
        key = DocumentKey(id=1, signing_private=private, created_at=dt.datetime.now())
        s.add(key)
        s.flush()
    return bytes(key.signing_private)


def own_keys(s: Session) -> list[bytes]:
    """The public keys this database has signed documents with (sync identity, own key)."""
    keys: list[bytes] = []
    for private in (s.get(SyncIdentity, 1), s.get(DocumentKey, 1)):
        if private is not None:
            raw = Ed25519PrivateKey.from_private_bytes(bytes(private.signing_private))
            keys.append(raw.public_key().public_bytes_raw())
    return keys


def known_keys(s: Session, device: str) -> list[bytes]:
    """The public keys this database trusts for documents signed by ``device``.

    Its own keys always count (a device id changes when a laptop joins the office; a
    signature only our private key can make is ours whatever id it names), and the
    registered key of ``device`` if it is a peer.
    """
    keys = own_keys(s)
    peer = s.get(SyncDevice, device)
    if peer is not None:
        keys.append(bytes(peer.signing_public))
    return keys


def _is_known(s: Session, device: str) -> bool:
    return device == device_id(s) or s.get(SyncDevice, device) is not None


# --- stamping ----------------------------------------------------------------------------


def stamp(
    s: Session, content: bytes, document_id: str, version: int, stored_at: dt.datetime
) -> tuple[bytes, str, str, str]:
    """Sign and fill the stamp of a rendered PDF.

    Returns (stamped bytes, proof text, short code, signing device). A PDF without
    a stamp (not rendered by this program) is returned unchanged with empty strings.
    """
    try:
        base = proof.blank(content)
    except proof.NoStampError:
        return content, "", "", ""
    device = device_id(s)
    payload = proof.Payload(document_id, version, stored_at, hashlib.sha256(base).digest(), device)
    signature = Ed25519PrivateKey.from_private_bytes(signing_key(s)).sign(payload.to_bytes())
    text = proof.encode_proof(payload, signature)
    return proof.filled(base, text, label(payload)), text, proof.short_code(text), device


# --- verifying ---------------------------------------------------------------------------


def verify_content(s: Session, content: bytes, audit_device: str) -> Verification:
    """Verify a PDF's bytes against its stamp; the answer is audited."""
    result = _verify(s, content)
    _audit(s, audit_device, result, "Datei")
    return result


def _verify(s: Session, content: bytes) -> Verification:
    try:
        text = proof.read_proof(content)
    except proof.NoStampError:
        return Verification(UNKNOWN, "Die Datei trägt keinen Prüfcode von asd-desktop.")
    if set(text) == {"-"}:
        return Verification(
            UNKNOWN, "Der Prüfcode ist leer: das Dokument wurde nie im Programm gespeichert."
        )
    try:
        payload, signature = proof.decode_proof(text)
    except ValueError:
        return Verification(CHANGED, "Der Prüfcode in der Datei ist beschädigt.")
    if not any(_signed(key, payload, signature) for key in known_keys(s, payload.device_id)):
        if not _is_known(s, payload.device_id):
            return Verification(
                UNKNOWN,
                "Das Gerät, das dieses Dokument gespeichert hat, ist hier nicht bekannt "
                f"(Geräte-Kennung {payload.device_id[:8]}…).",
            )
        return Verification(CHANGED, "Die Signatur des Prüfcodes passt nicht.", None)
    try:
        same_stamp = (
            proof.stamp_form(text, label(payload))
            == content[
                proof.find_stamp(content) : proof.find_stamp(content) + len(proof.PLACEHOLDER)
            ]
        )
    except ValueError:
        same_stamp = False
    if not same_stamp or hashlib.sha256(proof.blank(content)).digest() != payload.sha256:
        return Verification(
            CHANGED,
            "Der Inhalt stimmt nicht mit dem überein, was beim Speichern signiert wurde.",
            payload.document_id,
        )
    return _current(s, payload.document_id, payload.version, payload.stored_at)


def _current(s: Session, document_id: str, version: int, stored_at: dt.datetime) -> Verification:
    """Genuine: is there a newer version of the same document?"""
    row = s.get(Document, document_id)
    newer = _newer(s, row) if row is not None else None
    if newer is not None:
        return Verification(
            NEWER.format(when=when(newer.created_at)),
            f"Dieses Papier ist Fassung {version} vom {when(stored_at)}; gültig ist "
            f"Fassung {newer.doc_version or '?'}.",
            document_id,
        )
    reason = f"Fassung {version}."
    if row is None:
        reason += " Das Dokument selbst ist auf diesem Gerät nicht gespeichert."
    return Verification(GENUINE.format(when=when(stored_at)), reason, document_id)


def _newer(s: Session, row: Document) -> Document | None:
    if row.source_id is None:
        return None
    participant = (row.unknown_fields or {}).get("participant_number")
    candidates = s.scalars(
        select(Document)
        .where(
            Document.source_id == row.source_id,
            Document.kind == row.kind,
            Document.deleted.is_(False),
            Document.doc_version > (row.doc_version or 0),
        )
        .order_by(Document.doc_version.desc())
    ).all()
    for doc in candidates:
        if (doc.unknown_fields or {}).get("participant_number") == participant:
            return doc
    return None


def verify_code(s: Session, typed: str, audit_device: str) -> Verification:
    """Verify a typed short code (typing mistakes are caught by its check character)."""
    try:
        code = proof.normalise_code(typed)
    except proof.CodeTypoError:
        result = Verification(
            TYPO,
            "Dieser Code kann nicht stimmen: ein Zeichen ist wohl vertippt oder vertauscht. "
            "Bitte den Prüfcode (z. B. 7K3M-9XQ2-4TPA-C) noch einmal abtippen.",
        )
    else:
        row = s.scalars(select(Document).where(Document.proof_code == code)).first()
        if row is None or row.deleted:
            result = Verification(UNKNOWN, "Kein gespeichertes Dokument hat diesen Prüfcode.")
        else:
            result = _current(s, row.id, row.doc_version or 1, row.created_at)
            if result.answer.startswith("echt"):
                result = Verification(
                    result.answer,
                    f"{result.reason} Bitte das Papier mit der gespeicherten Fassung "
                    "vergleichen (Dokumente-Reiter des Falls).",
                    row.id,
                )
    _audit(s, audit_device, result, "Code")
    return result


def _signed(key: bytes, payload: proof.Payload, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, payload.to_bytes())
    except (InvalidSignature, ValueError):
        return False
    return True


def _audit(s: Session, device: str, result: Verification, how: str) -> None:
    case_id = None
    if result.document_id is not None:
        row = s.get(Document, result.document_id)
        case_id = row.case_id if row is not None else None
    answer = result.answer.split(",")[0]
    detail = f"{how}: {answer}" + (f" ({result.document_id})" if result.document_id else "")
    audit.append(s, device, VERIFIED, case_id, detail)
