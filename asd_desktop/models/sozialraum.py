"""The team's Sozialraum knowledge: catalogue entries, explorations, team meetings.

Team-wide reference data: these rows have no case and travel to every laptop.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class CatalogEntry(Replicated, Base):
    """An offer, place or person in the neighbourhood."""

    __tablename__ = "catalog_entries"
    __table_args__ = (Index("ix_catalog_entries_kind", "kind", "name"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("contact", "notes")

    name: Mapped[str] = mapped_column(String(300))
    #: OKJA, Elternschule, Erziehungsberatung, KiFaZ, SHA, Bürgerhaus, Verein, Schule, Kita,
    #: Beratungsstelle … (free text with suggestions, so a team can add its own kinds).
    kind: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(Text, default="")
    district: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[str] = mapped_column(String(300), default="")
    costs: Mapped[str] = mapped_column(String(300), default="")
    opening_hours: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    verified_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    added_on: Mapped[dt.date] = mapped_column(Date)


class Exploration(Replicated, Base):
    """A Zehn-Minuten-Sozialraumerkundung: what I learned about the neighbourhood."""

    __tablename__ = "explorations"
    __table_args__ = (Index("ix_explorations_date", "explored_on"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("learned", "author")

    explored_on: Mapped[dt.date] = mapped_column(Date)
    district: Mapped[str] = mapped_column(String(200), default="")
    learned: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")
    #: The catalogue entry it became or updated, if any.
    catalog_entry_id: Mapped[str | None] = mapped_column(
        ForeignKey("catalog_entries.id"), nullable=True
    )


class TeamMeeting(Replicated, Base):
    """A weekly team meeting; "Tipps und Themen" lists what came since the last one."""

    __tablename__ = "team_meetings"
    personal_fields: ClassVar[tuple[str, ...]] = ()

    held_on: Mapped[dt.date] = mapped_column(Date)
