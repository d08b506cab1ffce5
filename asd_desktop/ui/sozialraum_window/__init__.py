"""The team's Sozialraum catalogue window.

``window`` is the non-modal window (catalogue with search and filters, explorations,
team meeting); ``models`` its two tables; ``explorations`` records a
Zehn-Minuten-Erkundung and takes it into the catalogue; ``tips`` previews, prints and
saves "Tipps und Themen"; ``common`` holds the button and warning they share.
"""

from asd_desktop.ui.sozialraum_window.explorations import (
    NEW_ENTRY,
    TargetChoice,
    entry_input,
    record_exploration,
    take_into_catalog,
)
from asd_desktop.ui.sozialraum_window.models import (
    LEARNED_COLUMN,
    CatalogModel,
    ExplorationModel,
)
from asd_desktop.ui.sozialraum_window.tips import TipsPreviewDialog
from asd_desktop.ui.sozialraum_window.window import (
    ALL,
    SEARCH_DEBOUNCE_MS,
    WINDOW_TITLE,
    SozialraumWindow,
)

__all__ = [
    "ALL",
    "LEARNED_COLUMN",
    "NEW_ENTRY",
    "SEARCH_DEBOUNCE_MS",
    "WINDOW_TITLE",
    "CatalogModel",
    "ExplorationModel",
    "SozialraumWindow",
    "TargetChoice",
    "TipsPreviewDialog",
    "entry_input",
    "record_exploration",
    "take_into_catalog",
]
