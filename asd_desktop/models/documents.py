"""Printed documents, stored exactly as printed so what a family signed can be shown again."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class Document(Replicated, Base):
    """A generated PDF with its SHA-256; append-only (a new print is a new row)."""

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_case", "case_id", "created_at"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("title", "content", "entrusted_by")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    #: The record the document was made from (e.g. a goal agreement's id).
    source_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    #: Who entrusted this in confidence (§ 65 SGB VIII, "anvertraut"); "" = not entrusted.
    entrusted_by: Mapped[str] = mapped_column(String(200), default="")
    #: Issue 18 (documents that prove themselves): the version among the documents made
    #: from the same record, the signed proof in the stamp (base32), the short code a
    #: person types, and the device that signed it.
    doc_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    proof: Mapped[str | None] = mapped_column(Text, nullable=True)
    proof_code: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)
    signed_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
