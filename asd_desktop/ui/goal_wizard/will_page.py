"""Page 2, Wille: what the family wants to change and what has priority now."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QFormLayout, QWidget

from asd_desktop.services.goals import PAGE_WILL, GoalDraft
from asd_desktop.ui.goal_wizard.base import GoalPage, PageContext, hint_label, multi_line
from asd_desktop.ui.widgets import buddy

WILL_SENTENCE = (
    "Hier steht der Wille der Familie – was sie selbst verändern will, nicht was die "
    "Fachkraft für wichtig hält."
)


class WillPage(GoalPage):
    """Wille: the family's will, in their words; not the professional's topic."""

    page_id = PAGE_WILL

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setSubTitle(WILL_SENTENCE)
        self.will_edit = multi_line(
            "Was die Familie verändern will", "z. B. „Wir wollen morgens ohne Streit aus dem Haus.“"
        )
        self.will_edit.setMinimumHeight(120)
        self.priority_edit = multi_line("Was jetzt Vorrang hat", "Was ist jetzt am wichtigsten?")
        form = QFormLayout()
        form.addRow(
            buddy(
                "Was will die Familie &verändern?", self.will_edit, "Was die Familie verändern will"
            ),
            self.will_edit,
        )
        form.addRow(
            buddy("Was hat &jetzt Vorrang?", self.priority_edit, "Was jetzt Vorrang hat"),
            self.priority_edit,
        )
        self.body.addLayout(form)
        self.body.addWidget(
            hint_label(
                "Offen fragen, nicht vorschlagen: Suggestivfragen bringen Menschen dazu, "
                "zu sagen, was die Fachkraft hören will."
            )
        )
        self.body.addStretch(1)
        self.registerField("will", self.will_edit, "plainText", self.will_edit.textChanged)
        self.registerField(
            "priority", self.priority_edit, "plainText", self.priority_edit.textChanged
        )
        self.fields.update({"will": self.will_edit, "priority": self.priority_edit})
        self.will_edit.textChanged.connect(self.edited)
        self.priority_edit.textChanged.connect(self.edited)

    def load(self, draft: GoalDraft) -> None:
        """Show the draft's Wille."""
        self.will_edit.setPlainText(draft.will)
        self.priority_edit.setPlainText(draft.priority)

    def apply(self, draft: GoalDraft) -> GoalDraft:
        """The draft with the Wille as entered."""
        return dataclasses.replace(
            draft, will=self.will_edit.toPlainText(), priority=self.priority_edit.toPlainText()
        )
