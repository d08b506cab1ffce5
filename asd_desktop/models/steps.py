"""Open steps: what someone does by when, open until a person says it is done (Wiedervorlage).

A next step agreed at a contact or a step entered by hand is a record of its own, so a
later contact never hides it. First steps of a Zielvereinbarung and agreements of a
Familienrat plan are records already; they carry the same "done" fields.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class Step(Replicated, Base):
    """A next step from a contact, or one entered by hand."""

    __tablename__ = "steps"
    __table_args__ = (
        Index("ix_steps_case", "case_id"),
        Index("ix_steps_contact", "contact_id"),
        # The open steps by date, covering every column the list of dates reads: the
        # list reads ~15,000 open steps of 5000 cases without touching the table.
        Index(
            "ix_steps_open",
            "due_on",
            "case_id",
            "id",
            "done_on",
            "deleted",
            "actor",
            "actor_name",
            "text",
            sqlite_where=text("done_on IS NULL AND deleted IS 0"),
        ),
    )
    personal_fields: ClassVar[tuple[str, ...]] = ("text", "actor_name", "done_by")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    #: The contact where it was agreed; None for a step entered by hand.
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    #: A :class:`~asd_desktop.domain.enums.StepActor` value.
    actor: Mapped[str] = mapped_column(String(20), default="fachkraft")
    #: Who exactly, in the caseworker's words ("Mutter", "Kita Sonnenblume"); may be empty.
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: Who said it is done.
    done_by: Mapped[str] = mapped_column(String(200), default="")
