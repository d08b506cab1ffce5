"""The hash-chained audit log: append inside a service's transaction, verify on demand.

Each entry's hash is an HMAC-SHA256 with a key derived from the data key (entries
written before this existed carry a plain SHA-256), so a chain rewritten and re-hashed
without the key does not verify; the anchor file beside the database (storage.anchor)
keeps the chain's length and head, so deleting the newest entries shows too.
"""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.models.audit import AuditEntry
from asd_desktop.storage import anchor
from asd_desktop.storage.anchor import (
    ANCHOR_FILE,
    ANCHOR_PATH,
    APPENDED,
    AUDIT_KEY,
    Anchor,
    AnchorDamagedError,
    read_anchor,
)

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
    key: bytes | None = None,
) -> str:
    """HMAC-SHA256 (SHA-256 without ``key``) over one entry and its predecessor's hash."""
    return anchor.entry_hash(seq, at, device_id, action, case_id, detail, prev_hash, key)


def session_key(session: Session) -> bytes | None:
    """The audit key of the session's database (None for a session made without one)."""
    source: Callable[[], bytes] | None = session.info.get(AUDIT_KEY)
    return source() if source is not None else None


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
    key = session_key(session)
    session.info.setdefault(APPENDED, seq)  # the first entry of this transaction
    session.add(
        AuditEntry(
            seq=seq,
            at=at,
            device_id=device_id,
            action=action,
            case_id=case_id,
            detail=detail,
            prev_hash=prev,
            entry_hash=entry_hash(seq, at, device_id, action, case_id, detail, prev, key),
        )
    )


@dataclass(frozen=True)
class ChainReport:
    """The result of verifying the chain."""

    entries: int
    first_break: int | None
    reason: str = ""
    #: The chain reached the anchor kept outside the database (length and head match).
    anchored: bool = False
    #: The anchor had gone missing and was made anew at this entry (0: never).
    renewed_at: int = 0

    @property
    def ok(self) -> bool:
        """True if every link holds."""
        return self.first_break is None


def verify(session_factory: sessionmaker[Session]) -> ChainReport:
    """Walk the whole chain in order; report the first entry that does not fit.

    With the database's key (a session of an unlocked database carries it) every entry
    from the first keyed one on must carry a keyed hash, and the chain must reach the
    anchor's length with the anchor's head: a deleted tail or a chain rewritten and
    re-hashed without the key is found.
    """
    prev = GENESIS
    expected_seq = 1
    count = 0
    first_keyed: int | None = None
    with session_factory() as session:
        key = session_key(session)
        anchor_file: Path | None = session.info.get(ANCHOR_PATH)
        anchor: Anchor | None = None
        anchor_problem = ""
        if key is not None and anchor_file is not None:
            try:
                anchor = read_anchor(anchor_file, key)
            except AnchorDamagedError as exc:
                anchor_problem = str(exc)
        head_at_anchor: str | None = None
        for e in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
            count += 1
            if e.seq != expected_seq:
                return ChainReport(count, e.seq, f"Eintrag {expected_seq} fehlt")
            if e.prev_hash != prev:
                return ChainReport(count, e.seq, "Verkettung unterbrochen")
            fields = (e.seq, e.at, e.device_id, e.action, e.case_id, e.detail, e.prev_hash)
            keyed = key is not None and hmac.compare_digest(entry_hash(*fields, key), e.entry_hash)
            if keyed:
                first_keyed = e.seq if first_keyed is None else first_keyed
            elif entry_hash(*fields) != e.entry_hash:
                return ChainReport(count, e.seq, "Eintrag verändert")
            elif key is not None and (
                first_keyed is not None or (anchor is not None and e.seq >= anchor.keyed_from)
            ):
                return ChainReport(count, e.seq, "Eintrag ohne Schlüssel neu berechnet")
            if anchor is not None and e.seq == anchor.length:
                head_at_anchor = e.entry_hash
            prev = e.entry_hash
            expected_seq += 1
    if anchor_problem:
        return ChainReport(count, count + 1, f"die Verankerung ({ANCHOR_FILE}) {anchor_problem}")
    if anchor is None and first_keyed is not None and anchor_file is not None:
        return ChainReport(count, count + 1, f"die Verankerung ({ANCHOR_FILE}) fehlt")
    if anchor is not None:
        if count < anchor.length:
            missing = anchor.length - count
            return ChainReport(
                count,
                count + 1,
                f"die letzten {missing} Einträge fehlen (verankert: {anchor.length})",
            )
        if head_at_anchor != anchor.head:
            return ChainReport(
                count,
                anchor.length,
                "die Kette wurde neu geschrieben (passt nicht zur Verankerung)",
            )
    return ChainReport(
        count,
        None,
        anchored=anchor is not None,
        renewed_at=anchor.renewed_at if anchor is not None else 0,
    )
