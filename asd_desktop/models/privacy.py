"""Data protection records: deletion, purge orders, access requests, consents (§ 65).

Deletion and purge bookkeeping holds no content of any family: only case ids, dates
and the names of the two staff members who decided a deletion. Access requests and
consents belong to a case and travel with it.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class PurgedCase(Base):
    """A case deleted for good on this database: rows of it are refused forever.

    Every device keeps one, so that a bundle made before the deletion can never bring
    the case back. Content-free: the case id (a random UUID) and when.
    """

    __tablename__ = "purged_cases"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    purged_at: Mapped[dt.datetime] = mapped_column(DateTime)
    #: The office counter of the purge order (like an assignment instruction's epoch).
    epoch: Mapped[int] = mapped_column(Integer, default=0)


class PurgeOrder(Base):
    """Office: a purge order for one laptop, until the laptop confirms it carried it out."""

    __tablename__ = "sync_purge_orders"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    ordered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class DeletionRequest(Base):
    """Office: a case proposed for deletion by one person, waiting for a second one."""

    __tablename__ = "deletion_requests"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    requested_by: Mapped[str] = mapped_column(String(200))
    requested_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AccessRequest(Replicated, Base):
    """An Art. 15 GDPR request of a person: received, due one month later, answered."""

    __tablename__ = "access_requests"
    __table_args__ = (Index("ix_access_requests_case", "case_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("note", "withheld")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    answered_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    answered_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    #: What the answer held back and why: ``[{"record": label, "reason": text}]``.
    withheld: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)


class EntrustedConsent(Replicated, Base):
    """A consent to pass on an item entrusted in confidence (§ 65 SGB VIII)."""

    __tablename__ = "entrusted_consents"
    __table_args__ = (Index("ix_entrusted_consents_record", "record_table", "record_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("given_by", "purpose")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    #: "contacts" or "documents".
    record_table: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    #: Who consented (the person who entrusted it, or who may decide for them).
    given_by: Mapped[str] = mapped_column(String(200))
    given_on: Mapped[dt.date] = mapped_column(Date)
    #: For what, in the caseworker's words ("Weitergabe an das Familiengericht").
    purpose: Mapped[str] = mapped_column(Text, default="")
    #: The exits it opens: :class:`~asd_desktop.domain.entrusted.Exit` values.
    covers: Mapped[list[str]] = mapped_column(JSON, default=list)
