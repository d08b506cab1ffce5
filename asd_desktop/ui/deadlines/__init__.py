"""The window "Termine und Fristen": every dated item of every case, as list, week, month."""

from asd_desktop.ui.deadlines.calendar import MonthView, WeekModel, WeekView
from asd_desktop.ui.deadlines.groups import DueGroup, due_status_text, group_of
from asd_desktop.ui.deadlines.item_table import DueItemTable
from asd_desktop.ui.deadlines.list_model import DueListModel
from asd_desktop.ui.deadlines.window import CalendarFileDialog, DeadlinesWindow

__all__ = [
    "CalendarFileDialog",
    "DeadlinesWindow",
    "DueGroup",
    "DueItemTable",
    "DueListModel",
    "MonthView",
    "WeekModel",
    "WeekView",
    "due_status_text",
    "group_of",
]
