"""Wille, Ziele, Ressourcen: goal agreements, action goals, reviews, resources, steps.

Shaped so that concurrent edits rarely conflict: each Handlungsziel, resource, step
and review is its own row; reviews are append-only.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class GoalAgreement(Replicated, Base):
    """One Zielerarbeitung with the family: Anliegen, Wille and the Richtungsziel."""

    __tablename__ = "goal_agreements"
    __table_args__ = (Index("ix_goal_agreements_case", "case_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = (
        "concern",
        "concern_by",
        "will",
        "priority",
        "direction_goal",
        "direction_people",
        "place",
        "caseworker",
        "present",
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    agreed_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    concern: Mapped[str] = mapped_column(Text, default="")
    concern_by: Mapped[str] = mapped_column(String(200), default="")
    will: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(Text, default="")
    direction_goal: Mapped[str] = mapped_column(Text, default="")
    direction_people: Mapped[str] = mapped_column(Text, default="")
    review_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    caseworker: Mapped[str] = mapped_column(String(200), default="")
    #: Names of the people present, who sign the agreement (besides the caseworker).
    present: Mapped[list[str]] = mapped_column(JSON, default=list)


class ActionGoal(Replicated, Base):
    """A Handlungsziel: a concrete, positive future state, with its indicator and date."""

    __tablename__ = "action_goals"
    __table_args__ = (Index("ix_action_goals_agreement", "agreement_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("text", "indicator", "involved")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    agreement_id: Mapped[str] = mapped_column(ForeignKey("goal_agreements.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    indicator: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    involved: Mapped[str] = mapped_column(Text, default="")
    #: Checker findings the caseworker dismissed: {code: reason}.
    dismissed_findings: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class GoalReview(Replicated, Base):
    """The status of a Handlungsziel at one review; append-only, the newest counts."""

    __tablename__ = "goal_reviews"
    __table_args__ = (Index("ix_goal_reviews_goal", "goal_id", "reviewed_on"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("comment",)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    goal_id: Mapped[str] = mapped_column(ForeignKey("action_goals.id"))
    reviewed_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")


class Resource(Replicated, Base):
    """A resource of the case (persönlich, sozial, materiell, sozialräumlich); reusable."""

    __tablename__ = "resources"
    __table_args__ = (Index("ix_resources_case", "case_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("description",)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    #: Ids of the Handlungsziele this resource helps.
    goal_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: The Sozialraum catalogue entry this resource is, if any.
    catalog_entry_id: Mapped[str | None] = mapped_column(
        ForeignKey("catalog_entries.id"), nullable=True
    )


class FirstStep(Replicated, Base):
    """An idea or first step: who does what by when."""

    __tablename__ = "first_steps"
    __table_args__ = (Index("ix_first_steps_agreement", "agreement_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("who", "what")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    agreement_id: Mapped[str] = mapped_column(ForeignKey("goal_agreements.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    who: Mapped[str] = mapped_column(String(200), default="")
    what: Mapped[str] = mapped_column(Text)
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: Open until a person says it is done (Wiedervorlage).
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    done_by: Mapped[str] = mapped_column(String(200), default="")


class WizardDraft(Base):
    """A guided process in progress on this machine, saved at every page.

    Local like the audit log: a draft is one caseworker's unfinished work on one
    laptop; only the finished result becomes records that travel.
    """

    __tablename__ = "wizard_drafts"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    page: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
