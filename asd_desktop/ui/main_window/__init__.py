"""The main window: lock screen or work page (case list beside the open case).

``window`` is the window (menus and actions, locking and unlocking, the commands);
``case_list`` the case list pane it builds on; ``draft_restore`` reopens after unlock
what the lock closed; ``settings_dialog`` edits the program settings.
"""

from asd_desktop.ui.main_window.case_list import (
    AREA_FILTERS,
    NO_CASE_SELECTED,
    SEARCH_DEBOUNCE_MS,
    STATUS_FILTERS,
    CaseListWindow,
    count_text,
)
from asd_desktop.ui.main_window.draft_restore import DraftRestorer, select_row
from asd_desktop.ui.main_window.settings_dialog import SettingsDialog
from asd_desktop.ui.main_window.window import WINDOW_TITLE, MainWindow

__all__ = [
    "AREA_FILTERS",
    "NO_CASE_SELECTED",
    "SEARCH_DEBOUNCE_MS",
    "STATUS_FILTERS",
    "WINDOW_TITLE",
    "CaseListWindow",
    "DraftRestorer",
    "MainWindow",
    "SettingsDialog",
    "count_text",
    "select_row",
]
