"""Local bookkeeping of the bundle sync; none of these rows travel.

The office hub and every laptop keep: their own identity and keys (inside the
encrypted database), a registry of the devices they trust, what each peer has
acknowledged, which bundles were imported, the conflicting versions kept
beside a record's provisional winner, and at the office the case assignments
and the review queue for changes a laptop was not entitled to make.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.domain.sync_states import AssignmentState, BlockedReason
from asd_desktop.models.base import Base


class SyncIdentity(Base):
    """This database's role and keys; one row (id 1) once the database takes part in sync."""

    __tablename__ = "sync_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    signing_private: Mapped[bytes] = mapped_column(LargeBinary)
    age_identity: Mapped[str] = mapped_column(Text)
    #: For each origin device, the highest counter whose versions this database has seen.
    knowledge: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    #: Versions every device has acknowledged (sent by the office); tombstones under it may go.
    stable: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SyncDevice(Base):
    """A trusted peer: at the office every enrolled laptop, on a laptop the office."""

    __tablename__ = "sync_devices"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    signing_public: Mapped[bytes] = mapped_column(LargeBinary)
    age_recipient: Mapped[str] = mapped_column(Text)
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    #: Why bundles are refused although not revoked, e.g. restored (counters went back).
    blocked_reason: Mapped[str] = mapped_column(String(40), default=BlockedReason.NONE)
    replaced_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    #: Office: what the device receives of its cases: "" the whole case, "familienrat" only
    #: the Familienrat part (an external moderator, see ``DeviceScope``).
    scope: Mapped[str] = mapped_column(String(20), default="")
    #: The peer's knowledge from its latest bundle: what it has acknowledged.
    acked: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    next_sequence: Mapped[int] = mapped_column(Integer, default=1)
    last_import_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_export_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class ImportedBundle(Base):
    """A bundle merged into this database; a second import of it is refused as done."""

    __tablename__ = "sync_imported_bundles"
    __table_args__ = (Index("ix_sync_imported_sender", "sender", "sequence"),)

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    sender_counter: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Sibling(Base):
    """A concurrent version kept beside the provisional winner until a person resolves it."""

    __tablename__ = "sync_siblings"
    __table_args__ = (
        Index("ix_sync_siblings_row", "table_name", "row_id"),
        Index("ix_sync_siblings_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    #: The version as a field map, exactly as it travels.
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CaseAssignment(Base):
    """Office: a case held by a laptop; ``withdrawing`` until the laptop reports it evicted."""

    __tablename__ = "sync_assignments"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    state: Mapped[str] = mapped_column(String(12), default=AssignmentState.ACTIVE)
    #: The office counter when assigned: until the laptop acknowledges it, the whole case is sent.
    assigned_at_counter: Mapped[int] = mapped_column(Integer, default=0)
    #: The office counter of the latest instruction (assign, send again, withdraw); only grows.
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class WithdrawnCase(Base):
    """Laptop: a case the office took back; evicted once the office has every edit of it."""

    __tablename__ = "sync_withdrawn"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    withdrawn_at: Mapped[dt.datetime] = mapped_column(DateTime)
    evicted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    #: The epoch of the withdrawal; the office drops its assignment only for this epoch.
    epoch: Mapped[int] = mapped_column(Integer, default=0)


class CaseInstruction(Base):
    """Laptop: the newest assignment instruction applied for a case.

    The office's instructions carry an epoch that only grows; an older one (from a bundle
    read out of order) is ignored, so any order of reading ends as reading in order.
    """

    __tablename__ = "sync_case_instructions"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer)
    #: True after an assignment, False after a withdrawal: rows of a case not held are refused.
    held: Mapped[bool] = mapped_column(Boolean)


class ResendRequest(Base):
    """Laptop: a case whose records arrived incomplete; the next bundle asks for all of it."""

    __tablename__ = "sync_resend_requests"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: The instruction epoch when asked; a whole case with a newer epoch settles the request.
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    requested_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ReviewItem(Base):
    """Office: a version from a laptop for a case it does not hold, waiting for a decision."""

    __tablename__ = "sync_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)


class JoinedVersion(Base):
    """A stored version whose vector is a join of equal versions, not named by its dot alone.

    Export finds changed rows through their dot (origin device and counter, indexed); the
    few rows whose vector was joined without a new dot are checked through this list.
    """

    __tablename__ = "sync_joined"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
