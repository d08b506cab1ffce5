"""What the case list shows per case, derived from the case's areas and contacts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base


class CaseSummary(Base):
    """Current area, last contact and next deadline of one case.

    Local and derived, like the search index: the storage layer rewrites a case's
    row in the same transaction as every edit of its areas or contacts, so the
    case list needs no per-case subqueries. It never travels and has no versions;
    a missing row means the case has neither areas nor contacts.
    """

    __tablename__ = "case_summaries"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    area: Mapped[str | None] = mapped_column(String(20), nullable=True)
    last_contact: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    next_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
