"""SQLAlchemy entities, enums and the replicated-record base."""

from asd_desktop.models.audit import AuditEntry
from asd_desktop.models.base import Base, LocalDevice, Replicated
from asd_desktop.models.case import AreaAssignment, Case, Contact, Person
from asd_desktop.models.case_summary import CaseSummary
from asd_desktop.models.documents import Document
from asd_desktop.models.enums import (
    Area,
    CaseStatus,
    ContactKind,
    DocumentKind,
    GoalStatus,
    ResourceKind,
    Role,
)
from asd_desktop.models.familienrat import (
    AgreementReview,
    CouncilAgreement,
    CouncilHours,
    CouncilParticipant,
    CouncilProposal,
    FamilyCouncil,
)
from asd_desktop.models.goals import (
    ActionGoal,
    FirstStep,
    GoalAgreement,
    GoalReview,
    Resource,
    WizardDraft,
)

__all__ = [
    "ActionGoal",
    "AgreementReview",
    "Area",
    "AreaAssignment",
    "AuditEntry",
    "Base",
    "Case",
    "CaseStatus",
    "CaseSummary",
    "Contact",
    "ContactKind",
    "CouncilAgreement",
    "CouncilHours",
    "CouncilParticipant",
    "CouncilProposal",
    "Document",
    "DocumentKind",
    "FamilyCouncil",
    "FirstStep",
    "GoalAgreement",
    "GoalReview",
    "GoalStatus",
    "LocalDevice",
    "Person",
    "Replicated",
    "Resource",
    "ResourceKind",
    "Role",
    "WizardDraft",
]
