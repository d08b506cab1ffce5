"""The instruments of the grey and danger areas: Aufträge, Auflagen, Gefährdungseinschätzung.

Each Auftrag or Auflage is its own row; evidence received is appended as rows of
its own, so follow-up on two machines does not collide.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class Mandate(Replicated, Base):
    """An Auftrag (Graubereich: Überprüfung or Abwenden) or an Auflage (Gefährdungsbereich)."""

    __tablename__ = "mandates"
    __table_args__ = (Index("ix_mandates_case_due", "case_id", "due_on"),)
    personal_fields: ClassVar[tuple[str, ...]] = (
        "addressed_to",
        "requirement",
        "evidence_required",
        "risk",
        "consequence",
        "how_checked",
        "outcome_note",
        "consequence_taken",
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    #: "auftrag_ueberpruefung", "auftrag_abwendung" or "auflage" (see MandateKind).
    kind: Mapped[str] = mapped_column(String(30))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    #: The persons with custody it is addressed to, as written on the letter.
    addressed_to: Mapped[str] = mapped_column(Text, default="")
    #: Überprüfung: what must be shown; Abwenden: the future state; Auflage: the requirement.
    requirement: Mapped[str] = mapped_column(Text)
    #: The Belege the family brings (Überprüfung).
    evidence_required: Mapped[str] = mapped_column(Text, default="")
    #: The concrete risk an Auflage averts, or the threatening danger an Auftrag counters.
    risk: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[dt.date] = mapped_column(Date)
    #: What happens otherwise (for an Abwenden-Auftrag: the Auflagen that follow).
    consequence: Mapped[str] = mapped_column(Text, default="")
    how_checked: Mapped[str] = mapped_column(Text, default="")
    #: "offen", "erfuellt" or "nicht_erfuellt" (see MandateStatus).
    status: Mapped[str] = mapped_column(String(20), default="offen")
    outcome_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    consequence_taken: Mapped[str] = mapped_column(Text, default="")
    #: The Gefährdungseinschätzung this Auflage follows from, if any.
    assessment_id: Mapped[str | None] = mapped_column(
        ForeignKey("risk_assessments.id"), nullable=True
    )


class MandateEvidence(Replicated, Base):
    """Evidence received for an Auftrag or Auflage: when, and what (append-only)."""

    __tablename__ = "mandate_evidence"
    __table_args__ = (Index("ix_mandate_evidence_mandate", "mandate_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("what",)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    mandate_id: Mapped[str] = mapped_column(ForeignKey("mandates.id"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    what: Mapped[str] = mapped_column(Text)


class RiskAssessment(Replicated, Base):
    """A Gefährdungseinschätzung (§ 8a SGB VIII); its decision places the case in an area."""

    __tablename__ = "risk_assessments"
    __table_args__ = (Index("ix_risk_assessments_case", "case_id", "assessed_on"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("professionals", "observations", "decision")

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    #: The professionals who assessed together.
    professionals: Mapped[str] = mapped_column(Text)
    observations: Mapped[str] = mapped_column(Text)
    #: "keine", "latent" or "akut" (see RiskLevel).
    result: Mapped[str] = mapped_column(String(20))
    decision: Mapped[str] = mapped_column(Text)
    #: The area the decision placed the case in, and the placement it created.
    area: Mapped[str] = mapped_column(String(20))
    area_assignment_id: Mapped[str | None] = mapped_column(
        ForeignKey("area_assignments.id"), nullable=True
    )
