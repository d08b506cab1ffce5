"""Kollegiale Beratung: the team's guided case consultation and its Ideenpaket."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class Consultation(Replicated, Base):
    """One Kollegiale Beratung about a case."""

    __tablename__ = "consultations"
    __table_args__ = (Index("ix_consultations_case", "case_id", "held_on"),)
    personal_fields: ClassVar[tuple[str, ...]] = (
        "presenter",
        "participants",
        "family_goals",
        "question",
        "selection",
        "hze_kind",
        "sozialraum_answer",
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    presenter: Mapped[str] = mapped_column(String(200), default="")
    participants: Mapped[str] = mapped_column(Text, default="")
    #: The family's goals as shown to the team (a copy at the time of the consultation).
    family_goals: Mapped[str] = mapped_column(Text, default="")
    question: Mapped[str] = mapped_column(Text, default="")
    selection: Mapped[str] = mapped_column(Text, default="")
    hze_decided: Mapped[bool] = mapped_column(Boolean, default=False)
    hze_kind: Mapped[str] = mapped_column(String(200), default="")
    #: The team's answer to "Welche Angebote bräuchten wir zukünftig im Sozialraum …?".
    sozialraum_answer: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)


class ConsultationIdea(Replicated, Base):
    """One idea of the Ideenpaket, by source: person, surroundings, Sozialraum, help."""

    __tablename__ = "consultation_ideas"
    __table_args__ = (Index("ix_consultation_ideas_consultation", "consultation_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("text",)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    consultation_id: Mapped[str] = mapped_column(ForeignKey("consultations.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: "person", "umfeld", "sozialraum" or "fachlich" (see IdeaSource).
    source: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    selected: Mapped[bool] = mapped_column(Boolean, default=False)


class SozialraumNeed(Replicated, Base):
    """One offer the Sozialraum lacks, from a consultation's answer (for the Bedarfsliste)."""

    __tablename__ = "sozialraum_needs"
    __table_args__ = (Index("ix_sozialraum_needs_consultation", "consultation_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ()

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    consultation_id: Mapped[str] = mapped_column(ForeignKey("consultations.id"))
    #: A short name of the missing offer, e.g. "Elterncafé auf Türkisch".
    need: Mapped[str] = mapped_column(String(300))
