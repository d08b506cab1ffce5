"""Document proofs (issue 18): the signing key of a device without sync, and on-screen signatures.

Neither travels. A signature's strokes are personal data of the person who signed:
they stay in the encrypted database and leave it only inside the printed document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base
from asd_desktop.models.ids import uuid7


class DocumentKey(Base):
    """The Ed25519 key that signs documents on a device not set up for sync (one row, id 1).

    A device with a sync identity signs with that identity's key, which the office
    and the laptops know from the device registry.
    """

    __tablename__ = "document_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    signing_private: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class DocumentSignature(Base):
    """One signature line signed on screen, bound to the SHA-256 of the version shown."""

    __tablename__ = "document_signatures"
    __table_args__ = (Index("ix_document_signatures_document", "document_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    #: The stored version that was shown while signing, and its SHA-256.
    document_id: Mapped[str] = mapped_column(String(36))
    document_sha256: Mapped[str] = mapped_column(String(64))
    #: The new version that carries the signature (set when it is stored).
    signed_document_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    line: Mapped[int] = mapped_column(Integer)
    #: Strokes as vectors: [[[x, y, pressure], ...], ...] in the pad's unit square.
    strokes: Mapped[list[Any]] = mapped_column(JSON)
    signed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    device_id: Mapped[str] = mapped_column(String(36))
    #: mouse, pen or touch.
    input_kind: Mapped[str] = mapped_column(String(10))
