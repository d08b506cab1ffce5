"""The hash-chained audit log: append inside a service's transaction, verify on demand."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.models.audit import AuditEntry

GENESIS = "0" * 64


class AuditAction:
    """Names of audited actions (stored; not shown raw)."""

    UNLOCKED = "unlocked"
    CASE_OPENED = "case_opened"
    CASE_CREATED = "case_created"
    CASE_CHANGED = "case_changed"
    PERSON_ADDED = "person_added"
    PERSON_CHANGED = "person_changed"
    AREA_CHANGED = "area_changed"
    CONTACT_RECORDED = "contact_recorded"
    CONTACT_CORRECTED = "contact_corrected"
    PASSPHRASE_CHANGED = "passphrase_changed"
    EXPORTED = "exported"
    PRINTED = "printed"
    BUNDLE_EXPORTED = "bundle_exported"
    BUNDLE_IMPORTED = "bundle_imported"
    DEVICE_ENROLLED = "device_enrolled"
    DEVICE_JOINED = "device_joined"
    DEVICE_REVOKED = "device_revoked"
    CASE_ASSIGNED = "case_assigned"
    CASE_WITHDRAWN = "case_withdrawn"
    CASE_EVICTED = "case_evicted"
    CONFLICT_RESOLVED = "conflict_resolved"


def entry_hash(
    seq: int,
    at: dt.datetime,
    device_id: str,
    action: str,
    case_id: str | None,
    detail: str,
    prev_hash: str,
) -> str:
    """SHA-256 over a canonical encoding of one entry and its predecessor's hash."""
    payload = json.dumps(
        [seq, at.isoformat(), device_id, action, case_id, detail, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    session: Session, device_id: str, action: str, case_id: str | None = None, detail: str = ""
) -> None:
    """Append one entry to the chain, in the caller's transaction."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq = (last[0] + 1) if last else 1
    prev = last[1] if last else GENESIS
    at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    session.add(
        AuditEntry(
            seq=seq,
            at=at,
            device_id=device_id,
            action=action,
            case_id=case_id,
            detail=detail,
            prev_hash=prev,
            entry_hash=entry_hash(seq, at, device_id, action, case_id, detail, prev),
        )
    )


@dataclass(frozen=True)
class ChainReport:
    """The result of verifying the chain."""

    entries: int
    first_break: int | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        """True if every link holds."""
        return self.first_break is None


def verify(session_factory: sessionmaker[Session]) -> ChainReport:
    """Walk the whole chain in order; report the first entry that does not fit."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    with session_factory() as session:
        for e in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
            count += 1
            if e.seq != expected_seq:
                return ChainReport(count, e.seq, f"Eintrag {expected_seq} fehlt")
            if e.prev_hash != prev:
                return ChainReport(count, e.seq, "Verkettung unterbrochen")
            actual = entry_hash(
                e.seq, e.at, e.device_id, e.action, e.case_id, e.detail, e.prev_hash
            )
            if actual != e.entry_hash:
                return ChainReport(count, e.seq, "Eintrag verändert")
            prev = e.entry_hash
            expected_seq += 1
    return ChainReport(count, None)
