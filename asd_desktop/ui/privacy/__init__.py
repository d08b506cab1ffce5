"""Data protection windows: deletion list, answer to a request for access, entrusted items."""

from asd_desktop.ui.privacy.access_dialog import AccessRequestDialog
from asd_desktop.ui.privacy.deletion_list import (
    ConfirmDeletionDialog,
    DeletionListDialog,
    LegalHoldDialog,
    NameDialog,
)
from asd_desktop.ui.privacy.entrusted_dialog import EntrustedDialog

__all__ = [
    "AccessRequestDialog",
    "ConfirmDeletionDialog",
    "DeletionListDialog",
    "EntrustedDialog",
    "LegalHoldDialog",
    "NameDialog",
]
