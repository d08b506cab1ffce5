"""The case's "Hilfen" tab and its dialogs: helps, Hilfeplangespräche, the printed Hilfeplan."""

from asd_desktop.ui.hilfen_tab.hilfe_dialog import HilfeDialog
from asd_desktop.ui.hilfen_tab.kinds_dialog import KindDialog, KindsDialog
from asd_desktop.ui.hilfen_tab.meeting_dialog import MeetingDialog
from asd_desktop.ui.hilfen_tab.place_dialog import PlaceDialog
from asd_desktop.ui.hilfen_tab.tab import HilfenTab
from asd_desktop.ui.hilfen_tab.tables import HilfenModel, MeetingsModel

__all__ = [
    "HilfeDialog",
    "HilfenModel",
    "HilfenTab",
    "KindDialog",
    "KindsDialog",
    "MeetingDialog",
    "MeetingsModel",
    "PlaceDialog",
]
