"""What the last calendar export wrote per item, so the next one can update and cancel."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base


class CalendarExportState(Base):
    """One exported calendar item (by UID): its content hash and SEQUENCE.

    Local like the case summaries: it never travels, since each machine exports its
    own calendar file. It holds no names or texts, only the item key and a hash.
    """

    __tablename__ = "calendar_export_state"

    uid: Mapped[str] = mapped_column(String(120), primary_key=True)
    #: SHA-256 (hex) of what the item said in the last export.
    content_hash: Mapped[str] = mapped_column(String(64))
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    #: True once the item was exported as cancelled (done or removed).
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The item's date as last exported (a removed item is cancelled on that day).
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    exported_at: Mapped[dt.datetime] = mapped_column(DateTime)
