"""The Familienrat part of a case: what an external moderator's device receives and may change.

An office enrolls a laptop for an external Familienrat moderator (scope
``familienrat``). Of the cases assigned to it, such a device receives:

* the council and everything of it: the Familienrat and Folge-Rat records (with the
  Sorgeformulierung and the minimum requirements), participants and their invitations,
  proposals, the plan (agreements), reviews and the coordination hours;
* the Familienrat documents (invitation, plan, protocol, review) that are not entrusted;
* of the case itself only what is needed to show it: its id, Aktenzeichen, family name,
  status, opening and closing date and the caseworker to call (every other field of the
  case travels empty, new fields included);
* contacts or documents only where a recorded consent (§ 65 SGB VIII) names the
  Familienrat coordination (``covers`` holds :data:`CONSENT_EXIT`).

Nothing else: no persons, contacts, assessments, Aufträge/Auflagen, goals, Hilfen,
network maps, requests for access, nor any record outside the assigned cases. What the
device sends back is taken for the council records and the Familienrat documents; any
other record is refused and named in the office's import report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, false, select, true
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.entrusted import Exit
from asd_desktop.domain.enums import DocumentKind
from asd_desktop.domain.sync_states import DeviceRole, DeviceScope
from asd_desktop.models.privacy import EntrustedConsent
from asd_desktop.models.sync import SyncDevice, SyncIdentity

#: The council's records: received whole, and changes from the moderator are taken.
COUNCIL_TABLES = frozenset(
    {
        "family_councils",
        "council_participants",
        "council_proposals",
        "council_agreements",
        "council_agreement_reviews",
        "council_hours",
    }
)
#: Documents made in the Familienrat (invitations, plan, protocol, review).
COUNCIL_DOCUMENT_KINDS = frozenset(
    {
        DocumentKind.COUNCIL_INVITATION.value,
        DocumentKind.COUNCIL_PLAN.value,
        DocumentKind.COUNCIL_PROTOCOL.value,
        DocumentKind.COUNCIL_REVIEW.value,
    }
)
#: The case's fields a moderator sees; the rest travel empty (decoded as their defaults).
CASE_FIELDS = frozenset(
    {"file_number", "family_name", "status", "opened_on", "closed_on", "caseworker"}
)
#: The fields every travelling row carries for the exchange itself.
_EXCHANGE_FIELDS = frozenset(
    {"id", "version_vector", "origin_device", "origin_counter", "hlc", "deleted"}
)
#: The value in a consent's ``covers`` that opens an item to the Familienrat coordination.
CONSENT_EXIT = Exit.MODERATOR.value


@dataclass(frozen=True)
class ModeratorView:
    """Office, exporting to a moderator's device: the consented items, read once per bundle."""

    consented: Mapping[str, frozenset[str]]

    @classmethod
    def read(cls, s: Session) -> ModeratorView:
        """The contacts and documents a consent opens to the Familienrat coordination."""
        found: dict[str, set[str]] = {"contacts": set(), "documents": set()}
        rows = s.execute(
            select(
                EntrustedConsent.record_table, EntrustedConsent.record_id, EntrustedConsent.covers
            ).where(EntrustedConsent.deleted.is_(False))
        ).tuples()
        for table, record_id, covers in rows:
            if table in found and CONSENT_EXIT in (covers or []):
                found[table].add(record_id)
        return cls({k: frozenset(v) for k, v in found.items()})

    def condition(self, table: Table) -> Any:  # noqa: ANN401 - a SQL condition
        """Which rows of ``table`` the moderator's device receives (within its cases)."""
        name = table.name
        if name == "cases" or name in COUNCIL_TABLES:
            return true()
        consented = sorted(self.consented.get(name, ()))
        if name == "documents":
            council = table.c.kind.in_(sorted(COUNCIL_DOCUMENT_KINDS)) & (
                table.c.entrusted_by == ""
            )
            return council | table.c.id.in_(consented) if consented else council
        if name == "contacts" and consented:
            # A correction points to the entry it corrects, which may not be consented.
            return table.c.id.in_(consented) & table.c.corrects_id.is_(None)
        return false()

    @staticmethod
    def sends_siblings(table: Table) -> bool:
        """Conflict versions travel only for the council's own records."""
        return table.name in COUNCIL_TABLES


def redact(table_name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The field map a moderator receives: of a case only :data:`CASE_FIELDS`."""
    if table_name != "cases":
        return data
    return {k: v for k, v in data.items() if k in CASE_FIELDS or k in _EXCHANGE_FIELDS}


def may_change(table_name: str, version: Mapping[str, Any]) -> bool:
    """Whether the office takes this record from a moderator's device."""
    if table_name in COUNCIL_TABLES:
        return True
    return (
        table_name == "documents"
        and version.get("kind") in COUNCIL_DOCUMENT_KINDS
        and not str(version.get("entrusted_by") or "").strip()
    )


def own_scope(s: Session) -> str:
    """What this database receives of its cases (:class:`DeviceScope`); "" off a laptop.

    A laptop learns its scope from its enrollment file and keeps it on the office's row
    in ``sync_devices`` (the only peer a laptop has), so it survives restarts without a
    column of its own.
    """
    ident = s.get(SyncIdentity, 1)
    if ident is None or ident.role != DeviceRole.LAPTOP:
        return DeviceScope.WHOLE.value
    scope = s.scalars(
        select(SyncDevice.scope)
        .where(SyncDevice.role == DeviceRole.OFFICE, SyncDevice.revoked_at.is_(None))
        .order_by(SyncDevice.enrolled_at.desc())
    ).first()
    return str(scope or DeviceScope.WHOLE.value)


def is_moderator_here(factory: sessionmaker[Session]) -> bool:
    """Whether this database is an external Familienrat moderator's laptop."""
    with factory() as s:
        return own_scope(s) == DeviceScope.FAMILIENRAT
