"""The "Synchronisation" window and its dialogs, one concern per module.

``window`` is the window itself (this device, peers, bundles, devices, assignments);
``peers`` reads and models the peers; ``import_report``, ``assign_dialog`` and
``review_dialog`` are the dialogs it opens.
"""

from asd_desktop.ui.sync_window.assign_dialog import AssignCasesDialog
from asd_desktop.ui.sync_window.import_report import ImportReportDialog
from asd_desktop.ui.sync_window.peers import (
    NEVER,
    PeerRow,
    PeersModel,
    PeersState,
    local_time,
    plural,
    read_peers,
)
from asd_desktop.ui.sync_window.review_dialog import ReviewDialog
from asd_desktop.ui.sync_window.window import DELETE_QUESTION, WINDOW_TITLE, SyncWindow

__all__ = [
    "DELETE_QUESTION",
    "NEVER",
    "WINDOW_TITLE",
    "AssignCasesDialog",
    "ImportReportDialog",
    "PeerRow",
    "PeersModel",
    "PeersState",
    "ReviewDialog",
    "SyncWindow",
    "local_time",
    "plural",
    "read_peers",
]
