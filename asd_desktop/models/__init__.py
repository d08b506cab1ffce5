"""SQLAlchemy entities, enums and the replicated-record base."""

from sqlalchemy import Index

from asd_desktop.domain.enums import (
    Area,
    CaseStatus,
    ContactKind,
    DocumentKind,
    GoalStatus,
    ResourceKind,
    Role,
)
from asd_desktop.models.audit import AuditEntry
from asd_desktop.models.base import Base, LocalDevice, Replicated
from asd_desktop.models.calendar_export import CalendarExportState
from asd_desktop.models.case import AreaAssignment, Case, Contact, Person
from asd_desktop.models.case_summary import CaseSummary
from asd_desktop.models.consultation import Consultation, ConsultationIdea, SozialraumNeed
from asd_desktop.models.documents import Document
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
from asd_desktop.models.hilfen import (
    HelpKind,
    Hilfe,
    HilfeplanGoal,
    HilfeplanMeeting,
    HilfeplanTask,
)
from asd_desktop.models.instruments import Mandate, MandateEvidence, RiskAssessment
from asd_desktop.models.network import NetworkEntry, NetworkMap, NetworkVersion
from asd_desktop.models.privacy import (
    AccessRequest,
    DeletionRequest,
    EntrustedConsent,
    PurgedCase,
    PurgeOrder,
)
from asd_desktop.models.proofs import DocumentKey, DocumentSignature
from asd_desktop.models.sozialraum import CatalogEntry, Exploration, TeamMeeting
from asd_desktop.models.steps import Step
from asd_desktop.models.sync import (
    CaseAssignment,
    CaseInstruction,
    ImportedBundle,
    JoinedVersion,
    ResendRequest,
    ReviewItem,
    Sibling,
    SyncDevice,
    SyncIdentity,
    WithdrawnCase,
)

__all__ = [
    "AccessRequest",
    "ActionGoal",
    "AgreementReview",
    "Area",
    "AreaAssignment",
    "AuditEntry",
    "Base",
    "CalendarExportState",
    "Case",
    "CaseAssignment",
    "CaseInstruction",
    "CaseStatus",
    "CaseSummary",
    "CatalogEntry",
    "Consultation",
    "ConsultationIdea",
    "Contact",
    "ContactKind",
    "CouncilAgreement",
    "CouncilHours",
    "CouncilParticipant",
    "CouncilProposal",
    "DeletionRequest",
    "Document",
    "DocumentKey",
    "DocumentKind",
    "DocumentSignature",
    "EntrustedConsent",
    "Exploration",
    "FamilyCouncil",
    "FirstStep",
    "GoalAgreement",
    "GoalReview",
    "GoalStatus",
    "HelpKind",
    "Hilfe",
    "HilfeplanGoal",
    "HilfeplanMeeting",
    "HilfeplanTask",
    "ImportedBundle",
    "JoinedVersion",
    "LocalDevice",
    "Mandate",
    "MandateEvidence",
    "NetworkEntry",
    "NetworkMap",
    "NetworkVersion",
    "Person",
    "PurgeOrder",
    "PurgedCase",
    "Replicated",
    "ResendRequest",
    "Resource",
    "ResourceKind",
    "ReviewItem",
    "RiskAssessment",
    "Role",
    "Sibling",
    "SozialraumNeed",
    "Step",
    "SyncDevice",
    "SyncIdentity",
    "TeamMeeting",
    "WithdrawnCase",
    "WizardDraft",
]


def _index_dots() -> None:
    """Indexes every travelling table needs: its dot (export) and its tombstones (purge)."""
    for table in Base.metadata.sorted_tables:
        if "origin_counter" in table.c:
            Index(f"ix_{table.name}_dot", table.c.origin_device, table.c.origin_counter)
            # Tombstones are few; the purge after an import finds them without a scan.
            Index(
                f"ix_{table.name}_tombstones",
                table.c.id,
                sqlite_where=table.c.deleted == True,  # noqa: E712
            )


_index_dots()
