"""Sync through encrypted export bundles: devices, entitlement, merge, conflicts."""

from asd_desktop.services.sync.service import SyncService
from asd_desktop.services.sync.views import (
    ConflictRef,
    ConflictView,
    DeviceView,
    EnrollmentResult,
    ExportResult,
    ImportReport,
    JoinResult,
    ReviewView,
    SyncStatus,
    VersionView,
)

__all__ = [
    "ConflictRef",
    "ConflictView",
    "DeviceView",
    "EnrollmentResult",
    "ExportResult",
    "ImportReport",
    "JoinResult",
    "ReviewView",
    "SyncService",
    "SyncStatus",
    "VersionView",
]
