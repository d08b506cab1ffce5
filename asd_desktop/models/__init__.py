"""SQLAlchemy entities, enums and the replicated-record base."""

from asd_desktop.models.audit import AuditEntry
from asd_desktop.models.base import Base, LocalDevice, Replicated
from asd_desktop.models.case import AreaAssignment, Case, Contact, Person
from asd_desktop.models.case_summary import CaseSummary
from asd_desktop.models.enums import Area, CaseStatus, ContactKind, Role

__all__ = [
    "Area",
    "AreaAssignment",
    "AuditEntry",
    "Base",
    "Case",
    "CaseStatus",
    "CaseSummary",
    "Contact",
    "ContactKind",
    "LocalDevice",
    "Person",
    "Replicated",
    "Role",
]
