"""The Kollegiale Beratung as a guided protocol.

``wizard`` is the wizard with its pages, storing and closing; ``widgets`` the line
that adds on Enter and one source's ideas; ``summary`` the protocol as text for the
last page.
"""

from asd_desktop.ui.consultation_wizard.summary import summary_text
from asd_desktop.ui.consultation_wizard.widgets import EnterLine, IdeaGroup
from asd_desktop.ui.consultation_wizard.wizard import (
    AUTOSAVE_MS,
    FINISH_CLOSE,
    FINISH_DONE,
    ORDER_HINT,
    QUESTION_HINT,
    ConsultationWizard,
)

__all__ = [
    "AUTOSAVE_MS",
    "FINISH_CLOSE",
    "FINISH_DONE",
    "ORDER_HINT",
    "QUESTION_HINT",
    "ConsultationWizard",
    "EnterLine",
    "IdeaGroup",
    "summary_text",
]
