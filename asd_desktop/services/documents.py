"""The case's documents: every printed version kept unchanged, with its SHA-256.

A Zielvereinbarung or a Familienrat's document is rendered once and stored as
bytes; showing, printing and saving always use the stored bytes (checked against
their SHA-256), so what a family signed can be shown again exactly as it was.
What each document shows is decided next to its records (for example
:mod:`asd_desktop.services.familienrat.documents`, which also says who gets which).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.entrusted import Exit
from asd_desktop.domain.enums import DocumentKind
from asd_desktop.domain.office import Office
from asd_desktop.models.case import Case
from asd_desktop.models.documents import Document
from asd_desktop.models.errors import AsdError, NotFoundError
from asd_desktop.models.ids import uuid7
from asd_desktop.reports.consultation import render_consultation
from asd_desktop.reports.fonts import describe_character, missing_characters
from asd_desktop.reports.goal_agreement import render_goal_agreement
from asd_desktop.reports.mandate_letter import render_mandate_letter
from asd_desktop.services import audit, entrusted, proofs
from asd_desktop.services.audit import AuditAction
from asd_desktop.services.consultation import ConsultationService, consultation_print
from asd_desktop.services.familienrat import CouncilView, FamilienratService
from asd_desktop.services.familienrat.documents import (
    CaseFacts,
    RenderedDocument,
    council_agreements,
    council_invitations,
    council_plan,
    council_protocols,
    council_review,
    invitation_prints,
    invitation_recipients,
    moderator_line,
    plan_print,
    protocol_prints,
    protocol_recipients,
    review_print,
)
from asd_desktop.services.goals import GoalService
from asd_desktop.services.goals.documents import agreement_print
from asd_desktop.services.instruments import InstrumentService
from asd_desktop.services.sync.tables import field_label
from asd_desktop.storage.atomic import atomic_write

if TYPE_CHECKING:
    from asd_desktop.services.signatures import SignatureService

#: Characters of the SHA-256 in an exported file's name.
SHA_IN_NAME = 8
#: Keys in a document's field bag (``unknown_fields``): they travel with the document
#: in sync bundles under these names, so a later column of the same name takes them over.
DATE_FIELD = "document_date"
PARTICIPANT_FIELD = "participant_number"


class DocumentAction:
    """Audit actions of this service."""

    CREATED = "document_created"
    PRINTED = AuditAction.PRINTED
    SAVED = "document_saved"
    EXPORTED = AuditAction.EXPORTED


@dataclass(frozen=True)
class DocumentView:
    """A stored document, without its content."""

    id: str
    case_id: str
    kind: DocumentKind
    title: str
    created_at: dt.datetime
    sha256: str
    size: int
    #: The day of the meeting or letter the document records (not when it was stored).
    document_date: dt.date | None = None
    #: The recipient's number among the participants, for one-per-participant documents.
    participant: int | None = None

    @property
    def date(self) -> dt.date:
        """The document's own date; the day it was stored for documents without one."""
        return self.document_date or self.created_at.date()


def sha256_hex(content: bytes) -> str:
    """The SHA-256 of ``content`` as 64 hex digits."""
    return hashlib.sha256(content).hexdigest()


def export_name(view: DocumentView) -> str:
    """A file name without personal data that tells documents apart.

    The document's date, its kind, the participant's number for documents made
    one per participant ("nr3"), and the start of the SHA-256:
    ``2026-03-14_fr_einladung_nr3_1a2b3c4d.pdf``.
    """
    number = f"_nr{view.participant}" if view.participant is not None else ""
    return f"{view.date:%Y-%m-%d}_{view.kind.value}{number}_{view.sha256[:SHA_IN_NAME]}.pdf"


class DocumentService:
    """Store, list, check, print and export a case's documents; every step is audited."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        device_id: str,
        office: Callable[[], Office] = Office,
    ) -> None:
        """Documents of the database behind ``session_factory``.

        Args:
            session_factory: The database's sessions.
            device_id: This machine's id (for the audit log).
            office: Gives the letterhead at the time of printing (from the settings).
        """
        self._sf = session_factory
        self._device = device_id
        self._office = office
        self._goals = GoalService(session_factory, device_id)
        self._councils = FamilienratService(session_factory, device_id)

    # storing and reading

    def store(
        self,
        case_id: str,
        kind: DocumentKind,
        title: str,
        content: bytes,
        source_id: str | None = None,
        document_date: dt.date | None = None,
        participant: int | None = None,
    ) -> DocumentView:
        """Keep a new document (append-only: a new print is a new document).

        ``document_date`` is the day of the meeting or letter; ``participant`` the
        recipient's number for documents made one per participant.
        """
        if not content:
            raise AsdError("Ein leeres Dokument kann nicht gespeichert werden.")
        with self._sf.begin() as s:
            _case(s, case_id)
            document_id = uuid7()
            stored_at = dt.datetime.now().replace(microsecond=0)
            version = _next_version(s, case_id, kind, source_id, participant)
            content, proof_text, code, signer = proofs.stamp(
                s, content, document_id, version, stored_at
            )
            row = Document(
                id=document_id,
                case_id=case_id,
                kind=kind.value,
                title=title.strip(),
                created_at=stored_at,
                sha256=sha256_hex(content),
                content=content,
                source_id=source_id,
                unknown_fields=_bag(document_date, participant),
                doc_version=version,
                proof=proof_text or None,
                proof_code=code or None,
                signed_by=signer or None,
            )
            s.add(row)
            s.flush()
            audit.append(s, self._device, DocumentAction.CREATED, case_id, row.id)
            return _view(row, len(content))

    def list_for_case(self, case_id: str) -> list[DocumentView]:
        """The case's documents, newest meeting or letter first (the content is not loaded)."""
        with self._sf() as s:
            rows = s.execute(
                select(Document, func.length(Document.content))
                .where(Document.case_id == case_id, Document.deleted.is_(False))
                .order_by(Document.created_at.desc(), Document.hlc.desc())
            ).all()
            views = [_view(doc, int(size or 0)) for doc, size in rows]
        # Stable: documents of one day stay newest stored first.
        return sorted(views, key=lambda v: v.date, reverse=True)

    def document(self, document_id: str) -> DocumentView:
        """One stored document's description."""
        with self._sf() as s:
            row = s.execute(
                select(Document, func.length(Document.content)).where(Document.id == document_id)
            ).first()
            if row is None or row[0].deleted:
                raise NotFoundError("Das Dokument wurde nicht gefunden.")
            return _view(row[0], int(row[1] or 0))

    def content(self, document_id: str) -> bytes:
        """The stored bytes, after checking them against the stored SHA-256.

        Raises:
            NotFoundError: there is no such document.
            AsdError: the content does not match its SHA-256 (changed or damaged).
        """
        with self._sf() as s:
            row = s.get(Document, document_id)
            if row is None or row.deleted:
                raise NotFoundError("Das Dokument wurde nicht gefunden.")
            content, expected, title = bytes(row.content), row.sha256, row.title
        if sha256_hex(content) != expected:
            raise AsdError(
                f"Das gespeicherte Dokument »{title}« stimmt nicht mehr mit seiner Prüfsumme "
                "(SHA-256) überein: es wurde verändert oder ist beschädigt. Es wird nicht "
                "angezeigt, damit niemand eine veränderte Fassung für die unterschriebene hält. "
                "Bitte die Datenbank prüfen (asd-desktop check) und die IT-Stelle informieren."
            )
        return content

    def source_of(self, document_id: str) -> str | None:
        """The record a stored document was made from (its versions share it)."""
        with self._sf() as s:
            row = s.get(Document, document_id)
            if row is None or row.deleted:
                raise NotFoundError("Das Dokument wurde nicht gefunden.")
            return row.source_id

    def signatures(self) -> SignatureService:
        """Signing this database's documents on screen."""
        from asd_desktop.services.signatures import SignatureService

        return SignatureService(self._sf, self._device, self)

    # verification (issue 18)

    def verify_file(self, content: bytes) -> proofs.Verification:
        """Is this PDF the stored one? One of the four answers; audited."""
        with self._sf.begin() as s:
            return proofs.verify_content(s, content, self._device)

    def verify_code(self, typed: str) -> proofs.Verification:
        """The answer for a typed short code; audited."""
        with self._sf.begin() as s:
            return proofs.verify_code(s, typed, self._device)

    # print, save, export

    def record_printed(self, document_id: str) -> None:
        """Note in the audit log that a document was sent to a printer."""
        self._record(document_id, DocumentAction.PRINTED)

    def record_saved(self, document_id: str) -> None:
        """Note in the audit log that a document was saved as a file."""
        self._record(document_id, DocumentAction.SAVED)

    def check_may_leave(self, document_id: str) -> None:
        """Raise AsdError when the document was entrusted (§ 65) and no consent lets it out."""
        with self._sf() as s:
            reason = entrusted.refusal(s, "documents", document_id, Exit.OUTPUT)
        if reason:
            raise AsdError(reason)

    def entrusted_held(self, file_number: str) -> int:
        """How many documents of the case an export leaves out (entrusted, no consent)."""
        with self._sf() as s:
            case_id = s.scalar(select(Case.id).where(Case.file_number == file_number.strip()))
            if case_id is None:
                return 0
            return len(entrusted.held_ids(s, "documents", Exit.OUTPUT, case_ids=[case_id]))

    def save_copy(self, document_id: str, path: Path) -> None:
        """Write the exact stored bytes to ``path`` (atomically) and audit it."""
        self.check_may_leave(document_id)
        atomic_write(path, self.content(document_id))
        self.record_saved(document_id)

    def print_goal_agreement(self, agreement_id: str, language: str = "") -> DocumentView:
        """Render the Zielvereinbarung of a stored agreement and keep it in the documents.

        ``language`` ("tr", "ar" …) prints it bilingually; "" in German only.
        """
        agreement = self._goals.agreement(agreement_id)
        with self._sf() as s:
            case = _case(s, agreement.case_id)
            file_number, family_name = case.file_number, case.family_name
        resources = self._goals.case_resources(agreement.case_id)
        data = replace(
            agreement_print(agreement, file_number, family_name, resources),
            office=self._office(),
            language=language,
        )
        check_printable(data)
        content = render_goal_agreement(data)
        return self.store(
            agreement.case_id,
            DocumentKind.GOAL_AGREEMENT,
            f"Zielvereinbarung vom {agreement.agreed_on:%d.%m.%Y}",
            content,
            source_id=agreement.id,
            document_date=agreement.agreed_on,
        )

    def print_council_invitations(self, council_id: str, language: str = "") -> list[DocumentView]:
        """Render and keep one invitation per participant the family invites.

        Family and surroundings who have not declined get one each; professionals
        are invited by the coordination and get none
        (see :mod:`asd_desktop.services.familienrat.documents`).
        """
        view, case = self._council(council_id)
        docs = council_invitations(view, case, language)
        return [self._keep_council(view, d) for d in docs]

    def print_council_plan(self, council_id: str, language: str = "") -> DocumentView:
        """Render and keep the family's plan with every agreement and signature lines.

        ``language`` ("tr", "ar" …) prints it bilingually; "" in German only.
        """
        view, case = self._council(council_id)
        return self._keep_council(view, council_plan(view, case, language))

    def print_council_protocols(
        self, council_id: str, letter_on: dt.date | None = None
    ) -> list[DocumentView]:
        """Render and keep one protocol letter per participant (window envelope).

        Args:
            council_id: The Familienrat.
            letter_on: The letter's date; default today.
        """
        view, case = self._council(council_id)
        letters = council_protocols(view, case, letter_on or dt.date.today())
        return [self._keep_council(view, d) for d in letters]

    def print_mandate_letter(
        self, mandate_id: str, letter_on: dt.date | None = None, language: str = ""
    ) -> DocumentView:
        """Render and keep the letter stating an Auftrag or Auflage, with its receipt.

        ``language`` ("tr", "ar" …) prints it bilingually; "" in German only.
        """
        data = InstrumentService(self._sf, self._device).letter_print(
            mandate_id, letter_on or dt.date.today()
        )
        data = replace(data, office=self._office(), language=language)
        check_printable(data)
        case_id = InstrumentService(self._sf, self._device).mandate(mandate_id).case_id
        to = ", ".join(data.recipient.splitlines())
        return self.store(
            case_id,
            DocumentKind.MANDATE_LETTER,
            f"{data.title} vom {data.issued_on:%d.%m.%Y} an {to}",
            render_mandate_letter(data),
            source_id=mandate_id,
            document_date=data.letter_on,
        )

    def print_council_review(self, council_id: str) -> DocumentView:
        """Render and keep the Folge-Rat's review summary."""
        view, case = self._council(council_id)
        return self._keep_council(view, council_review(view, case))

    def print_consultation_protocol(self, consultation_id: str) -> DocumentView:
        """Render and keep the protocol of a Kollegiale Beratung in the case's documents."""
        view = ConsultationService(self._sf, self._device).get(consultation_id)
        return self.store(
            view.case_id,
            DocumentKind.CONSULTATION_PROTOCOL,
            f"Kollegiale Beratung vom {view.fields.held_on:%d.%m.%Y}",
            render_consultation(replace(consultation_print(view), office=self._office())),
            source_id=view.id,
            document_date=view.fields.held_on,
        )

    def export_case(self, file_number: str, out_dir: Path) -> list[Path]:
        """Write every stored document of the case with Aktenzeichen ``file_number``.

        Each file is written atomically; names carry no personal data. A document
        whose content does not match its SHA-256 stops the export before it is
        written (the files written before it stay).

        Raises:
            NotFoundError: no case has this Aktenzeichen.
        """
        number = file_number.strip()
        with self._sf() as s:
            case_id = s.scalar(
                select(Case.id).where(Case.file_number == number, Case.deleted.is_(False))
            )
        if case_id is None:
            raise NotFoundError(f"Es gibt keinen Fall mit dem Aktenzeichen »{number}«.")
        with self._sf() as s:
            # § 65 SGB VIII: entrusted documents without a consent stay here.
            held = entrusted.held_ids(s, "documents", Exit.OUTPUT, case_ids=[case_id])
        views = [v for v in self.list_for_case(case_id) if v.id not in held]
        try:
            out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise AsdError(
                f"Der Ordner »{out_dir}« kann nicht angelegt werden ({exc.strerror}). "
                "Bitte einen anderen Zielordner angeben."
            ) from exc
        written: list[Path] = []
        for view in views:
            path = out_dir / export_name(view)
            if path in written:  # the same bytes printed twice on one day
                continue
            atomic_write(path, self.content(view.id))
            written.append(path)
        with self._sf.begin() as s:
            audit.append(
                s, self._device, DocumentAction.EXPORTED, case_id, f"{len(written)} Dokumente"
            )
        return written

    def _council(self, council_id: str) -> tuple[CouncilView, CaseFacts]:
        view = self._councils.get(council_id)
        check_printable(view)
        with self._sf() as s:
            case = _case(s, view.case_id)
            facts = CaseFacts(case.file_number, case.family_name, case.caseworker, self._office())
        check_printable(facts)
        return view, facts

    def _keep_council(self, view: CouncilView, document: RenderedDocument) -> DocumentView:
        return self.store(
            view.case_id,
            document.kind,
            document.title,
            document.content,
            source_id=view.id,
            document_date=document.document_date,
            participant=document.participant,
        )

    def _record(self, document_id: str, action: str) -> None:
        with self._sf.begin() as s:
            row = s.get(Document, document_id)
            if row is None or row.deleted:
                raise NotFoundError("Das Dokument wurde nicht gefunden.")
            audit.append(s, self._device, action, row.case_id, document_id)


#: What a person calls the fields of what is printed (the missing-glyph warning names them).
_PRINTED_FIELDS = {
    "family_name": "Familienname",
    "place": "Ort",
    "concern": "Anliegen",
    "concern_by": "Wer das Anliegen genannt hat",
    "will": "Wille",
    "priority": "Das ist uns jetzt am wichtigsten",
    "direction_goal": "Richtungsziel",
    "direction_people": "Richtungsziel von",
    "text": "Handlungsziel",
    "indicator": "Woran merken wir es?",
    "involved": "Wer macht mit?",
    "description": "Ressource",
    "who": "Erste Schritte: Wer?",
    "what": "Erste Schritte: Was?",
    "present": "Anwesende",
    "caseworker": "Fachkraft",
    "recipient": "Empfänger",
}


def check_printable(data: object) -> None:
    """Refuse to print a text with a character that no shipped font has, naming the field.

    Walks the dataclass (and its lists) handed to a renderer before anything is
    rendered or stored.

    Raises:
        AsdError: naming the field and the character; nothing was stored.
    """
    for label, value in _texts(data, ""):
        missing = missing_characters(value)
        if missing:
            shown = ", ".join(describe_character(c) for c in missing)
            raise AsdError(
                f"Im Feld »{label}« steht ein Zeichen, das keine mitgelieferte Schrift drucken "
                f"kann: {shown}. Es würde als leeres Kästchen gedruckt. Bitte das Zeichen "
                "ersetzen oder den Namen zusätzlich in lateinischer Umschrift schreiben. "
                "Das Dokument wurde nicht gespeichert."
            )


def _texts(value: object, label: str) -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(label or "Text", value)]
    if isinstance(value, (list, tuple)):
        return [pair for item in value for pair in _texts(item, label)]
    if is_dataclass(value) and not isinstance(value, type):
        out: list[tuple[str, str]] = []
        for f in fields(value):
            name = _PRINTED_FIELDS.get(f.name) or field_label(f.name)
            out.extend(_texts(getattr(value, f.name), name))
        return out
    return []


def _case(s: Session, case_id: str) -> Case:
    case = s.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFoundError("Der Fall wurde nicht gefunden.")
    return case


def _next_version(
    s: Session, case_id: str, kind: DocumentKind, source_id: str | None, participant: int | None
) -> int:
    """1 for a first print; one more than the latest print of the same record and recipient."""
    if source_id is None:
        return 1
    rows = s.execute(
        select(Document.doc_version, Document.unknown_fields).where(
            Document.case_id == case_id,
            Document.kind == kind.value,
            Document.source_id == source_id,
        )
    ).all()
    same = [int(v or 1) for v, bag in rows if (bag or {}).get(PARTICIPANT_FIELD) == participant]
    return max(same, default=0) + 1


def _bag(document_date: dt.date | None, participant: int | None) -> dict[str, Any]:
    """The document's date and participant number as travelling fields."""
    bag: dict[str, Any] = {}
    if document_date is not None:
        bag[DATE_FIELD] = document_date.isoformat()
    if participant is not None:
        bag[PARTICIPANT_FIELD] = participant
    return bag


def _view(row: Document, size: int) -> DocumentView:
    bag = row.unknown_fields or {}
    try:
        document_date = dt.date.fromisoformat(str(bag[DATE_FIELD]))
    except (KeyError, ValueError):
        document_date = None
    number = bag.get(PARTICIPANT_FIELD)
    return DocumentView(
        id=row.id,
        case_id=row.case_id,
        kind=DocumentKind(row.kind),
        title=row.title,
        created_at=row.created_at,
        sha256=row.sha256,
        size=size,
        document_date=document_date,
        participant=number if isinstance(number, int) and not isinstance(number, bool) else None,
    )


__all__ = [
    "CaseFacts",
    "DocumentAction",
    "DocumentService",
    "DocumentView",
    "agreement_print",
    "check_printable",
    "council_agreements",
    "export_name",
    "invitation_prints",
    "invitation_recipients",
    "moderator_line",
    "plan_print",
    "protocol_prints",
    "protocol_recipients",
    "review_print",
    "sha256_hex",
]
