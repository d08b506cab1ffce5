"""Dialogs to create and edit the records of a case; each offers ``ask()`` and ``values()``."""

from __future__ import annotations

from asd_desktop.ui.dialogs.area_dialog import AreaDialog
from asd_desktop.ui.dialogs.case_dialog import CaseDialog
from asd_desktop.ui.dialogs.close_case_dialog import CloseCaseDialog
from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
from asd_desktop.ui.dialogs.person_dialog import PersonDialog

__all__ = ["AreaDialog", "CaseDialog", "CloseCaseDialog", "ContactDialog", "PersonDialog"]
