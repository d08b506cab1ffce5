"""Hilfen and Hilfeplangespräche (§§ 27 ff., § 36 SGB VIII).

Money is whole cents and time per week whole minutes (see domain.hilfen): exact,
portable and the same on every machine. The kinds of help are an office-wide table
(``help_kinds``) that travels like the Sozialraum catalogue; a help stores the kind's
code, so a renamed kind keeps its helps.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class HelpKind(Replicated, Base):
    """A kind of help in the office's list (seeded with the law's kinds; extendable)."""

    __tablename__ = "help_kinds"
    __table_args__ = (Index("ix_help_kinds_code", "code"),)
    personal_fields: ClassVar[tuple[str, ...]] = ()

    #: Stable code a help stores ("sgb8_31"); an office's own kinds get "eigen_…".
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))
    #: "§ 31", "§ 16, § 28" or "" for the Sozialraum's own helps.
    paragraph: Mapped[str] = mapped_column(String(40), default="")
    #: A :class:`~asd_desktop.domain.hilfen.HelpGroup` value.
    group: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: An inactive kind is no longer offered for new helps; its helps keep it.
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Hilfe(Replicated, Base):
    """One help a case receives: kind, provider, period, why it ended, and its cost."""

    __tablename__ = "hilfen"
    __table_args__ = (
        Index("ix_hilfen_case", "case_id", "start_on"),
        Index("ix_hilfen_kind_period", "kind", "start_on", "end_on"),
        Index("ix_hilfen_consultation", "consultation_id"),
    )
    personal_fields: ClassVar[tuple[str, ...]] = ("provider", "notes")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    #: The code of a :class:`HelpKind`.
    kind: Mapped[str] = mapped_column(String(40))
    #: The provider (Träger) in words; from the catalogue or typed.
    provider: Mapped[str] = mapped_column(String(300), default="")
    catalog_entry_id: Mapped[str | None] = mapped_column(
        ForeignKey("catalog_entries.id"), nullable=True
    )
    start_on: Mapped[dt.date] = mapped_column(Date)
    planned_end_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: An :class:`~asd_desktop.domain.hilfen.EndReason` value, "" while it runs.
    end_reason: Mapped[str] = mapped_column(String(30), default="")
    #: Fachleistungsstunden per week, in minutes (270 = 4,5 hours).
    minutes_per_week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hourly_rate_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: A monthly cost (flat rate, placement); counts instead of hours x rate when given.
    monthly_cost_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: The Kollegiale Beratung that decided it, if any.
    consultation_id: Mapped[str | None] = mapped_column(
        ForeignKey("consultations.id"), nullable=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")


class HilfeplanMeeting(Replicated, Base):
    """One Hilfeplangespräch (§ 36): who took part, the young person's words, what was agreed."""

    __tablename__ = "hilfeplan_meetings"
    __table_args__ = (
        Index("ix_hilfeplan_meetings_case", "case_id", "held_on"),
        Index("ix_hilfeplan_meetings_previous", "previous_id"),
        Index("ix_hilfeplan_meetings_next", "next_on"),
    )
    personal_fields: ClassVar[tuple[str, ...]] = (
        "place",
        "participants",
        "young_person_name",
        "young_person_words",
        "agreed_help_scope",
        "notes",
        "caseworker",
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    #: The help it plans (nullable: a first Hilfeplan may precede the grant).
    hilfe_id: Mapped[str | None] = mapped_column(ForeignKey("hilfen.id"), nullable=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    caseworker: Mapped[str] = mapped_column(String(200), default="")
    #: Who took part: [{"name": "...", "role": "..."}], each signs the Hilfeplan.
    participants: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: Whose words these are (the child or young person).
    young_person_name: Mapped[str] = mapped_column(String(200), default="")
    #: What the child or young person said, in their own words (participation, § 36 Abs. 1).
    young_person_words: Mapped[str] = mapped_column(Text, default="")
    #: The help agreed, with its scope, in words.
    agreed_help_scope: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    #: The next Hilfeplangespräch (normally six months later): a dated item.
    next_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: The Hilfeplangespräch this one follows (it started from it).
    previous_id: Mapped[str | None] = mapped_column(
        ForeignKey("hilfeplan_meetings.id"), nullable=True
    )


class HilfeplanGoal(Replicated, Base):
    """A Handlungsziel a Hilfeplangespräch adopts: a link, never a copy of its text."""

    __tablename__ = "hilfeplan_goals"
    __table_args__ = (
        Index("ix_hilfeplan_goals_meeting", "meeting_id"),
        Index("ix_hilfeplan_goals_goal", "goal_id"),
    )
    personal_fields: ClassVar[tuple[str, ...]] = ()

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    meeting_id: Mapped[str] = mapped_column(ForeignKey("hilfeplan_meetings.id"))
    goal_id: Mapped[str] = mapped_column(ForeignKey("action_goals.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)


class HilfeplanTask(Replicated, Base):
    """Who does what by when, as agreed in a Hilfeplangespräch: a dated item."""

    __tablename__ = "hilfeplan_tasks"
    __table_args__ = (
        Index("ix_hilfeplan_tasks_meeting", "meeting_id"),
        Index("ix_hilfeplan_tasks_open_due", "done_on", "due_on"),
    )
    personal_fields: ClassVar[tuple[str, ...]] = ("who", "what")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    meeting_id: Mapped[str] = mapped_column(ForeignKey("hilfeplan_meetings.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    who: Mapped[str] = mapped_column(String(200), default="")
    what: Mapped[str] = mapped_column(Text)
    due_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    done_by: Mapped[str] = mapped_column(String(200), default="")
