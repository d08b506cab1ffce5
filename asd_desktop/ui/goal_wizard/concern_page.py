"""Page 1, Anliegen: what the family brings up, in their words, and who said it."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from asd_desktop.domain.enums import Area
from asd_desktop.services.goals import PAGE_CONCERN, GoalDraft, area_notice
from asd_desktop.ui.goal_wizard.base import (
    GoalPage,
    PageContext,
    hint_label,
    multi_line,
)
from asd_desktop.ui.widgets import buddy

INTRO = (
    "Was bringt die Familie mit? Bitte das Anliegen so aufschreiben, wie die Familie es "
    "sagt – in ihren eigenen Worten."
)
NOTICE_STYLE = (
    "QLabel { background-color: #fff4ce; color: #1a1a1a; border: 1px solid #c8a600;"
    " border-radius: 4px; padding: 8px; }"
)


def intro_notice(area: Area | None) -> str | None:
    """The plain notice the first page shows for a case outside the Leistungsbereich."""
    return area_notice(area)


class ConcernPage(GoalPage):
    """Anliegen: the family's concern in their words, and who named it."""

    page_id = PAGE_CONCERN

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setSubTitle(INTRO)
        notice = intro_notice(context.area)
        self.area_notice_label = QLabel(notice or "")
        self.area_notice_label.setWordWrap(True)
        self.area_notice_label.setStyleSheet(NOTICE_STYLE)
        self.area_notice_label.setAccessibleName("Hinweis zur Falleinordnung")
        if notice is None:
            self.area_notice_label.hide()

        self.concern_edit = multi_line(
            "Anliegen in den Worten der Familie", "z. B. „Emre soll wieder gern zur Schule gehen.“"
        )
        self.concern_edit.setMinimumHeight(140)
        self.concern_by_edit = QLineEdit()
        self.concern_by_edit.setPlaceholderText("z. B. Mutter, Emre")

        form = QFormLayout()
        form.addRow(
            buddy("&Anliegen:", self.concern_edit, "Anliegen in den Worten der Familie"),
            self.concern_edit,
        )
        form.addRow(
            buddy("&genannt von:", self.concern_by_edit, "Anliegen genannt von"),
            self.concern_by_edit,
        )
        self.body.addWidget(self.area_notice_label)
        self.body.addLayout(form)
        self.body.addWidget(
            hint_label("Bitte nichts umformulieren: das Anliegen gehört der Familie.")
        )
        self.body.addStretch(1)
        self.registerField("concern", self.concern_edit, "plainText", self.concern_edit.textChanged)
        self.registerField("concern_by", self.concern_by_edit)
        self.fields.update({"concern": self.concern_edit, "concern_by": self.concern_by_edit})
        self.concern_edit.textChanged.connect(self.edited)
        self.concern_by_edit.textEdited.connect(self.edited)

    def load(self, draft: GoalDraft) -> None:
        """Show the draft's Anliegen."""
        self.concern_edit.setPlainText(draft.concern)
        self.concern_by_edit.setText(draft.concern_by)

    def apply(self, draft: GoalDraft) -> GoalDraft:
        """The draft with the Anliegen as entered."""
        return dataclasses.replace(
            draft,
            concern=self.concern_edit.toPlainText(),
            concern_by=self.concern_by_edit.text(),
        )
