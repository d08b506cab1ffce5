"""Familienrat (family group conference): council, participants, proposals, agreements.

Also the agreements' review at the Folge-Rat and the hours spent.

Each phase writes into these records page by page, so a Familienrat that runs
over weeks can be stopped and resumed at any point without a separate draft.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class FamilyCouncil(Replicated, Base):
    """One Familienrat or Folge-Rat of a case; ``phase`` shows how far it has come."""

    __tablename__ = "family_councils"
    __table_args__ = (Index("ix_family_councils_case", "case_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = (
        "moderator_name",
        "moderator_org",
        "moderator_contact",
        "moderator_languages",
        "concern",
        "minimum_requirements",
        "place",
        "setting_notes",
        "help_options",
        "family_moderator",
        "proposals_source",
        "approved_by",
        "decision_notes",
        "hze_kind",
        "outcome_notes",
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    #: The council this Folge-Rat follows up; None for a first Familienrat.
    origin_id: Mapped[str | None] = mapped_column(ForeignKey("family_councils.id"), nullable=True)
    phase: Mapped[str] = mapped_column(String(20), default="vorbereitung")
    # Vorbereitung
    informed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    family_interest: Mapped[str] = mapped_column(String(20), default="offen")
    moderator_name: Mapped[str] = mapped_column(String(200), default="")
    moderator_org: Mapped[str] = mapped_column(String(200), default="")
    moderator_contact: Mapped[str] = mapped_column(String(300), default="")
    moderator_languages: Mapped[str] = mapped_column(String(200), default="")
    concern: Mapped[str] = mapped_column(Text, default="")
    minimum_requirements: Mapped[str] = mapped_column(Text, default="")
    consent_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    meeting_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    setting_food: Mapped[bool] = mapped_column(Boolean, default=False)
    setting_childcare: Mapped[bool] = mapped_column(Boolean, default=False)
    setting_interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    setting_notes: Mapped[str] = mapped_column(Text, default="")
    # Information
    concern_read: Mapped[bool] = mapped_column(Boolean, default=False)
    minimums_named: Mapped[bool] = mapped_column(Boolean, default=False)
    help_options: Mapped[str] = mapped_column(Text, default="")
    procedure_explained: Mapped[bool] = mapped_column(Boolean, default=False)
    info_started_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    # Familienphase
    family_phase_start: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    family_phase_end: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    no_professionals_present: Mapped[bool] = mapped_column(Boolean, default=False)
    family_moderator: Mapped[str] = mapped_column(String(200), default="")
    proposals_source: Mapped[str] = mapped_column(String(40), default="")
    # Entscheidung
    approved: Mapped[bool] = mapped_column(Boolean, default=False)
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    decision_notes: Mapped[str] = mapped_column(Text, default="")
    review_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # Folge-Rat / Überprüfung
    outcome: Mapped[str] = mapped_column(String(30), default="")
    hze_kind: Mapped[str] = mapped_column(String(200), default="")
    outcome_notes: Mapped[str] = mapped_column(Text, default="")
    # Hours and financing
    financing: Mapped[str] = mapped_column(String(30), default="")


class CouncilParticipant(Replicated, Base):
    """A person the family chose to take part: family, surroundings or professional."""

    __tablename__ = "council_participants"
    __table_args__ = (Index("ix_council_participants_council", "council_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = (
        "name",
        "relation",
        "address",
        "contact",
        "language",
        "invited_by",
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    council_id: Mapped[str] = mapped_column(ForeignKey("family_councils.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    group: Mapped[str] = mapped_column(String(20), default="familie")
    relation: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(String(300), default="")
    language: Mapped[str] = mapped_column(String(100), default="")
    invited_by: Mapped[str] = mapped_column(String(200), default="")
    invitation: Mapped[str] = mapped_column(String(20), default="eingeladen")
    attended: Mapped[bool] = mapped_column(Boolean, default=False)


class CouncilProposal(Replicated, Base):
    """A proposal of the family from the Familienphase, and the ASD's decision on it."""

    __tablename__ = "council_proposals"
    __table_args__ = (Index("ix_council_proposals_council", "council_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = (
        "what",
        "who",
        "how_checked",
        "fallback",
        "improvement",
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    council_id: Mapped[str] = mapped_column(ForeignKey("family_councils.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(300), default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    how_checked: Mapped[str] = mapped_column(Text, default="")
    fallback: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(String(20), default="offen")
    improvement: Mapped[str] = mapped_column(Text, default="")


class CouncilAgreement(Replicated, Base):
    """An agreement made exact at the decision: what, who, until when, how checked."""

    __tablename__ = "council_agreements"
    __table_args__ = (Index("ix_council_agreements_council", "council_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("what", "who", "how_checked")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    council_id: Mapped[str] = mapped_column(ForeignKey("family_councils.id"))
    proposal_id: Mapped[str | None] = mapped_column(
        ForeignKey("council_proposals.id"), nullable=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(300), default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    how_checked: Mapped[str] = mapped_column(Text, default="")
    #: Open until a person says it is done (Wiedervorlage).
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    done_by: Mapped[str] = mapped_column(String(200), default="")


class AgreementReview(Replicated, Base):
    """How an agreement was kept, reviewed at the Folge-Rat / Überprüfung."""

    __tablename__ = "council_agreement_reviews"
    __table_args__ = (Index("ix_council_agreement_reviews_agreement", "agreement_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("comment",)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    council_id: Mapped[str] = mapped_column(ForeignKey("family_councils.id"))
    agreement_id: Mapped[str] = mapped_column(ForeignKey("council_agreements.id"))
    reviewed_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")


class CouncilHours(Replicated, Base):
    """Time spent on one activity of a Familienrat (append-only)."""

    __tablename__ = "council_hours"
    __table_args__ = (Index("ix_council_hours_council", "council_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("note",)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    council_id: Mapped[str] = mapped_column(ForeignKey("family_councils.id"))
    activity: Mapped[str] = mapped_column(String(20))
    worked_on: Mapped[dt.date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
