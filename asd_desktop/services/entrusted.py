"""Entrusted items (§ 65 SGB VIII): marking, consents, and what every exit must hold back.

Every exit asks this module which items it must leave out: the documents export, Save
as PDF and print (:data:`Exit.OUTPUT`), the answer to a request for access
(:data:`Exit.ACCESS`) and a laptop's bundles to the office (:data:`Exit.SHARING`).
A bundle also leaves out every record that points to a held one (the open step taken
from an entrusted contact's next step), so the office never receives half of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Table, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from asd_desktop.domain.entrusted import Exit
from asd_desktop.models.base import Base
from asd_desktop.models.case import Contact
from asd_desktop.models.documents import Document
from asd_desktop.models.errors import AsdError, NotFoundError, ValidationError
from asd_desktop.models.privacy import EntrustedConsent
from asd_desktop.models.steps import Step
from asd_desktop.services import audit

#: The records that can be entrusted, by table, with what a caseworker calls them.
ENTRUSTABLE: dict[str, str] = {"contacts": "Kontakt", "documents": "Dokument"}
_MODELS: dict[str, type[Contact] | type[Document]] = {"contacts": Contact, "documents": Document}

ENTRUSTED_MARKED = "entrusted_marked"
CONSENT_RECORDED = "entrusted_consent"


@dataclass(frozen=True)
class ConsentInput:
    """A consent as the caseworker records it."""

    given_by: str
    given_on: dt.date
    purpose: str
    covers: tuple[Exit, ...]


@dataclass(frozen=True)
class ConsentView:
    """A recorded consent."""

    id: str
    record_table: str
    record_id: str
    given_by: str
    given_on: dt.date
    purpose: str
    covers: tuple[Exit, ...]


def consent_problems(value: ConsentInput) -> dict[str, str]:
    """German messages per field for a consent that cannot be recorded."""
    problems = {}
    if not value.given_by.strip():
        problems["given_by"] = "Bitte angeben, wer eingewilligt hat."
    if not value.purpose.strip():
        problems["purpose"] = "Bitte angeben, wofür die Einwilligung gilt (an wen, wozu)."
    if not value.covers:
        problems["covers"] = "Bitte mindestens einen Weg ankreuzen, für den sie gilt."
    return problems


def _consented(s: Session, table: str, ids: Collection[str] | None, exit_: Exit) -> set[str]:
    stmt = select(EntrustedConsent.record_id, EntrustedConsent.covers).where(
        EntrustedConsent.record_table == table, EntrustedConsent.deleted.is_(False)
    )
    if ids is not None:
        stmt = stmt.where(EntrustedConsent.record_id.in_(list(ids)))
    return {rid for rid, covers in s.execute(stmt).tuples() if exit_.value in (covers or [])}


def held_ids(
    s: Session, table: str, exit_: Exit, *, case_ids: Collection[str] | None = None
) -> set[str]:
    """Ids of entrusted rows of ``table`` that ``exit_`` must leave out."""
    model = _MODELS[table]
    stmt = select(model.id).where(model.entrusted_by != "", model.deleted.is_(False))
    if case_ids is not None:
        stmt = stmt.where(model.case_id.in_(list(case_ids)))
    entrusted = set(s.scalars(stmt))
    if not entrusted:
        return set()
    return entrusted - _consented(s, table, entrusted, exit_)


def held_for_sharing(s: Session, tables: list[Table]) -> dict[str, set[str]]:
    """Per travelling table, the ids a bundle leaves out: held items and rows pointing to them.

    ``tables`` come parents first, so a row pointing to a left-out row is found in one pass.
    """
    return held_closure(s, tables, Exit.SHARING)


def held_closure(
    s: Session, tables: list[Table], exit_: Exit, *, case_ids: Collection[str] | None = None
) -> dict[str, set[str]]:
    """Held items for ``exit_`` and every row pointing to one (a step with a contact's text)."""
    held: dict[str, set[str]] = {t: held_ids(s, t, exit_, case_ids=case_ids) for t in ENTRUSTABLE}
    if not any(held.values()):
        return {}
    for table in tables:
        for fk in table.foreign_keys:
            parents = held.get(fk.column.table.name) if isinstance(fk.column.table, Table) else None
            if not parents or fk.parent.table is not table:
                continue
            ids = set(s.scalars(select(table.c.id).where(fk.parent.in_(sorted(parents)))))
            if ids:
                held.setdefault(table.name, set()).update(ids)
    return {t: ids for t, ids in held.items() if ids}


class EntrustedService:
    """Mark items as entrusted and record consents; every change is audited."""

    def __init__(self, session_factory: sessionmaker[Session], device_id: str) -> None:
        self._factory = session_factory
        self._device = device_id

    def mark(self, table: str, record_id: str, entrusted_by: str) -> None:
        """Mark an item as entrusted by ``entrusted_by``; an empty name removes the mark."""
        with self._factory.begin() as s:
            row = self._row(s, table, record_id)
            row.entrusted_by = entrusted_by.strip()
            audit.append(s, self._device, ENTRUSTED_MARKED, row.case_id, f"{table}:{record_id}")

    def entrusted_by(self, table: str, record_id: str) -> str:
        """Who entrusted the item ("" when it is not entrusted)."""
        with self._factory() as s:
            return self._row(s, table, record_id).entrusted_by or ""

    def consents(self, table: str, record_id: str) -> list[ConsentView]:
        """The consents recorded for an item, oldest first."""
        with self._factory() as s:
            rows = s.scalars(
                select(EntrustedConsent)
                .where(
                    EntrustedConsent.record_table == table,
                    EntrustedConsent.record_id == record_id,
                    EntrustedConsent.deleted.is_(False),
                )
                .order_by(EntrustedConsent.given_on, EntrustedConsent.hlc)
            )
            return [_consent_view(r) for r in rows]

    def record_consent(self, table: str, record_id: str, value: ConsentInput) -> ConsentView:
        """Record who consented, when and for what; the item may then leave that way."""
        problems = consent_problems(value)
        if problems:
            raise ValidationError(problems)
        with self._factory.begin() as s:
            row = self._row(s, table, record_id)
            if not row.entrusted_by:
                raise AsdError(
                    "Dieser Eintrag ist nicht als anvertraut markiert; er braucht keine "
                    "Einwilligung."
                )
            consent = EntrustedConsent(
                case_id=row.case_id,
                record_table=table,
                record_id=record_id,
                given_by=value.given_by.strip(),
                given_on=value.given_on,
                purpose=value.purpose.strip(),
                covers=sorted({c.value for c in value.covers}),
            )
            s.add(consent)
            if Exit.SHARING in value.covers:
                # Bundles sent while it was held were acknowledged without it: a new
                # version of the item (and what points to it) makes the next bundle carry it.
                self._restamp(s, table, record_id)
            s.flush()
            audit.append(s, self._device, CONSENT_RECORDED, row.case_id, f"{table}:{record_id}")
            return _consent_view(consent)

    def _restamp(self, s: Session, table: str, record_id: str) -> None:
        row = self._row(s, table, record_id)
        flag_modified(row, "unknown_fields")
        for child in Base.metadata.sorted_tables:
            for fk in child.foreign_keys:
                if fk.column.table.name != table or fk.parent.table is not child:
                    continue
                mapper = next((m for m in Base.registry.mappers if m.local_table is child), None)
                if mapper is None:
                    continue
                model = mapper.class_
                for obj in s.scalars(select(model).where(fk.parent == record_id)):
                    flag_modified(obj, "unknown_fields")

    @staticmethod
    def _row(s: Session, table: str, record_id: str) -> Contact | Document:
        if table not in _MODELS:
            raise AsdError(f"»{table}« kann nicht als anvertraut markiert werden.")
        row = _get(s, table, record_id)
        if row is None or row.deleted:
            raise NotFoundError(f"Der {ENTRUSTABLE[table]} wurde nicht gefunden.")
        return row


def _get(s: Session, table: str, record_id: str) -> Contact | Document | None:
    if table == "contacts":
        return s.get(Contact, record_id)
    return s.get(Document, record_id)


def _consent_view(row: EntrustedConsent) -> ConsentView:
    return ConsentView(
        id=row.id,
        record_table=row.record_table,
        record_id=row.record_id,
        given_by=row.given_by,
        given_on=row.given_on,
        purpose=row.purpose,
        covers=tuple(Exit(c) for c in row.covers or [] if c in Exit._value2member_map_),
    )


def refusal(s: Session, table: str, record_id: str, exit_: Exit) -> str:
    """The German reason an item may not leave by ``exit_``, or "" when it may."""
    row = _get(s, table, record_id)
    if row is None or not row.entrusted_by:
        return ""
    if record_id in _consented(s, table, [record_id], exit_):
        return ""
    return (
        f"Dieser {ENTRUSTABLE[table]} wurde von {row.entrusted_by} anvertraut (§ 65 SGB VIII). "
        f"Ohne erfasste Einwilligung für »{exit_.label}« bleibt er auf diesem Gerät. Die "
        "Einwilligung kann unter »Anvertraut …« erfasst werden."
    )


def held_steps(s: Session, exit_: Exit) -> set[str]:
    """Open steps taken from a held contact's next step (their text is the contact's)."""
    contacts = held_ids(s, "contacts", exit_)
    if not contacts:
        return set()
    return set(s.scalars(select(Step.id).where(Step.contact_id.in_(sorted(contacts)))))
