"""The open case: the view with its tabs and commands, its panels and its tables.

``view`` assembles the header and the tabs and runs the commands (with the conflict
gate); ``overview`` and ``contacts`` are the two tabs every case has; ``tables`` holds
the table models and the contact log's table.
"""

from asd_desktop.ui.case_view.contacts import ContactsPanel, contact_text
from asd_desktop.ui.case_view.overview import OverviewPanel, status_text
from asd_desktop.ui.case_view.tables import (
    AreaHistoryModel,
    ContactLogTable,
    ContactTableModel,
    PersonTableModel,
)
from asd_desktop.ui.case_view.view import (
    CONTACTS_TAB,
    DOCUMENTS_TAB,
    FAMILIENRAT_TAB,
    GOALS_TAB,
    MANDATES_TAB,
    OVERVIEW_TAB,
    CaseView,
)

__all__ = [
    "CONTACTS_TAB",
    "DOCUMENTS_TAB",
    "FAMILIENRAT_TAB",
    "GOALS_TAB",
    "MANDATES_TAB",
    "OVERVIEW_TAB",
    "AreaHistoryModel",
    "CaseView",
    "ContactLogTable",
    "ContactTableModel",
    "ContactsPanel",
    "OverviewPanel",
    "PersonTableModel",
    "contact_text",
    "status_text",
]
