"""The core case records: Fall, Person, Falleinordnung and Kontakt."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class Case(Replicated, Base):
    """A Fall: the unit of work and of entitlement."""

    __tablename__ = "cases"
    personal_fields: ClassVar[tuple[str, ...]] = (
        "family_name",
        "description",
        "caseworker",
        "legal_hold_reason",
    )

    file_number: Mapped[str] = mapped_column(String(64), index=True)
    family_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="offen")
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    caseworker: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    #: Where the case belongs, by name: the team, the Sozialraum and the district
    #: (Stadtteil/Bezirk). The Wirkungsbericht groups cases by them; empty when unknown.
    team: Mapped[str | None] = mapped_column(String(200), nullable=True)
    sozialraum: Mapped[str | None] = mapped_column(String(200), nullable=True)
    district: Mapped[str | None] = mapped_column(String(200), nullable=True)
    #: A legal hold (Löschsperre) stops the retention clock; "" = none. Why, by whom, since.
    legal_hold_reason: Mapped[str] = mapped_column(Text, default="")
    legal_hold_by: Mapped[str] = mapped_column(String(200), default="")
    legal_hold_since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Person(Replicated, Base):
    """A person in a case, with the roles they hold there."""

    __tablename__ = "persons"
    __table_args__ = (Index("ix_persons_case", "case_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = (
        "last_name",
        "first_name",
        "birth_date",
        "address",
        "phone",
        "languages",
        "institution",
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    last_name: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str] = mapped_column(String(200), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    institution: Mapped[str] = mapped_column(String(200), default="")
    #: "Frau", "Herr" or "" (a :class:`~asd_desktop.domain.enums.Salutation`): the letters'
    #: salutation; empty gives "Guten Tag Vorname Nachname".
    salutation: Mapped[str] = mapped_column(String(10), default="")


class AreaAssignment(Replicated, Base):
    """One Falleinordnung: the area a case was placed in, when, why and by whom."""

    __tablename__ = "area_assignments"
    __table_args__ = (Index("ix_area_assignments_case", "case_id", "decided_on"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("reason", "decided_by")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    area: Mapped[str] = mapped_column(String(20))
    decided_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(200), default="")


class Contact(Replicated, Base):
    """A Kontakt entry; append-only, a correction is a new entry pointing at the old."""

    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_case_time", "case_id", "occurred_at"),
        Index("ix_contacts_corrects", "corrects_id"),
    )
    personal_fields: ClassVar[tuple[str, ...]] = (
        "present",
        "place",
        "note",
        "next_step",
        "entrusted_by",
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(40))
    present: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    next_step_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), nullable=True)
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    #: Who entrusted this in confidence (§ 65 SGB VIII, "anvertraut"); "" = not entrusted.
    entrusted_by: Mapped[str] = mapped_column(String(200), default="")
