"""Signing on screen: strokes bound to exactly the version shown, then a new signed version.

A signature is drawn for one signature line of one stored document version; it is
kept with that version's SHA-256 and refused if the stored bytes are no longer the
ones shown. "Unterschriften übernehmen" fills the drawn lines into a copy of the
stored PDF and stores it as the next version (with a new verification stamp). The
strokes stay in the encrypted database (``document_signatures`` never travels); they
leave it only inside the printed document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.models.errors import AsdError
from asd_desktop.models.proofs import DocumentSignature
from asd_desktop.reports import proof, signing
from asd_desktop.services import audit
from asd_desktop.services.documents import DocumentService, DocumentView

SIGNED = "document_signed"
#: Added to a document's title once lines of it were signed on screen.
SIGNED_SUFFIX = " – am Bildschirm unterschrieben"
INPUT_KINDS = ("mouse", "pen", "touch")
INPUT_LABELS = {"mouse": "Maus", "pen": "Stift", "touch": "Finger (Touch)"}


@dataclass(frozen=True)
class Signing:
    """One line signed on screen, as the documents tab lists it."""

    line: int
    signed_at: dt.datetime
    device_id: str
    input_kind: str
    #: False while drawn but not yet taken into a stored version.
    stored: bool

    @property
    def label(self) -> str:
        """``Zeile 2: am Bildschirm unterschrieben am 06.12.2026 um 14:30 (Stift, Gerät …)``."""
        how = INPUT_LABELS.get(self.input_kind, self.input_kind)
        state = "" if self.stored else " – noch nicht übernommen"
        return (
            f"Zeile {self.line}: am Bildschirm unterschrieben am {self.signed_at:%d.%m.%Y} um "
            f"{self.signed_at:%H:%M} ({how}, Gerät {self.device_id[:8]}){state}"
        )


class SignatureService:
    """Draw signatures for a stored document and store the signed version."""

    def __init__(
        self, session_factory: sessionmaker[Session], device_id: str, documents: DocumentService
    ) -> None:
        """Signatures in the database behind ``session_factory``, stored via ``documents``."""
        self._sf = session_factory
        self._device = device_id
        self._documents = documents

    def named_lines(self, document_id: str) -> list[tuple[int, str]]:
        """(line, name under it) of the lines not yet signed, in reading order."""
        content = self._documents.content(document_id)
        free = set(self.lines(document_id))
        return [(n, name) for n, name in signing.named_lines(content) if n in free]

    def lines(self, document_id: str) -> list[int]:
        """The document's signature lines (1, 2 …) not yet signed, in reading order."""
        content = self._documents.content(document_id)
        pending = {s.line for s in self.signings(document_id) if not s.stored}
        return [
            n
            for n in signing.lines(content)
            if not signing.is_signed(content, n) and n not in pending
        ]

    def add(
        self,
        document_id: str,
        shown_sha256: str,
        line: int,
        strokes: Sequence[Sequence[Sequence[float]]],
        input_kind: str,
    ) -> None:
        """Keep the strokes drawn for ``line`` of the version whose SHA-256 was shown.

        Raises:
            AsdError: nothing drawn, the line is unknown or signed, or the stored
                document is no longer the version shown.
        """
        if not any(len(s) > 1 for s in strokes):
            raise AsdError("Es wurde noch nichts unterschrieben. Bitte im Feld unterschreiben.")
        view = self._documents.document(document_id)
        if view.sha256 != shown_sha256:
            raise AsdError(
                "Das gespeicherte Dokument ist nicht mehr die angezeigte Fassung. Bitte das "
                "Dokument neu öffnen und dann unterschreiben."
            )
        if line not in self.lines(document_id):
            raise AsdError(
                f"Die Unterschriftszeile {line} gibt es nicht oder sie ist schon belegt."
            )
        clean = [[[round(float(v), 4) for v in point[:3]] for point in s] for s in strokes]
        with self._sf.begin() as s:
            s.add(
                DocumentSignature(
                    document_id=document_id,
                    document_sha256=shown_sha256,
                    line=line,
                    strokes=clean,
                    signed_at=dt.datetime.now().replace(microsecond=0),
                    device_id=self._device,
                    input_kind=input_kind if input_kind in INPUT_KINDS else "mouse",
                )
            )

    def discard(self, document_id: str) -> None:
        """Drop the signatures drawn for ``document_id`` but not yet taken over."""
        with self._sf.begin() as s:
            for row in _pending(s, document_id):
                s.delete(row)

    def finish(self, document_id: str) -> DocumentView:
        """Store the next version with every signature drawn for this one on its line.

        Raises:
            AsdError: nothing drawn, or the stored document is not the version shown.
        """
        view = self._documents.document(document_id)
        content = proof.blank(self._documents.content(document_id))
        with self._sf() as s:
            rows = _pending(s, document_id)
            drawn = [(r.id, r.line, r.strokes, r.signed_at, r.document_sha256) for r in rows]
        if not drawn:
            raise AsdError("Es wurde noch keine Zeile unterschrieben.")
        if any(sha != view.sha256 for *_, sha in drawn):
            raise AsdError(
                "Das gespeicherte Dokument ist nicht mehr die Fassung, auf der unterschrieben "
                "wurde. Die Unterschriften werden nicht übernommen."
            )
        for _, line, strokes, signed_at, _ in drawn:
            content = signing.signed(content, line, strokes, signing.note_for(signed_at))
        new = self._documents.store(
            view.case_id,
            view.kind,
            view.title if view.title.endswith(SIGNED_SUFFIX) else view.title + SIGNED_SUFFIX,
            content,
            source_id=self._documents.source_of(document_id),
            document_date=view.document_date,
            participant=view.participant,
        )
        with self._sf.begin() as s:
            for sig_id, *_ in drawn:
                row = s.get(DocumentSignature, sig_id)
                if row is not None:
                    row.signed_document_id = new.id
            lines = ", ".join(str(line) for _, line, *_ in drawn)
            audit.append(s, self._device, SIGNED, view.case_id, f"{new.id}: Zeile {lines}")
        return new

    def signings(self, document_id: str) -> list[Signing]:
        """Every line of this version signed on screen (also those of earlier versions)."""
        out: list[Signing] = []
        seen: set[str] = set()
        with self._sf() as s:
            current: str | None = document_id
            while current is not None and current not in seen:
                seen.add(current)
                rows = list(
                    s.scalars(
                        select(DocumentSignature).where(
                            (DocumentSignature.signed_document_id == current)
                            | (
                                (DocumentSignature.document_id == current)
                                & DocumentSignature.signed_document_id.is_(None)
                            )
                        )
                    )
                )
                out.extend(_signing(r) for r in rows)
                bases = {r.document_id for r in rows if r.signed_document_id == current}
                current = next(iter(bases), None)
        return sorted(out, key=lambda x: x.line)


def _pending(s: Session, document_id: str) -> list[DocumentSignature]:
    return list(
        s.scalars(
            select(DocumentSignature).where(
                DocumentSignature.document_id == document_id,
                DocumentSignature.signed_document_id.is_(None),
            )
        )
    )


def _signing(row: DocumentSignature) -> Signing:
    return Signing(
        row.line, row.signed_at, row.device_id, row.input_kind, row.signed_document_id is not None
    )


__all__ = ["INPUT_KINDS", "SIGNED", "SignatureService", "Signing"]
