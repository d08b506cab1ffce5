"""Page 7, Zusammenfassung: everything to read through, place and date, who signs."""

from __future__ import annotations

import dataclasses
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import ResourceKind
from asd_desktop.domain.readability import readability
from asd_desktop.language import check_goal_now
from asd_desktop.services.goals import PAGE_SUMMARY, GoalDraft
from asd_desktop.ui.goal_wizard.base import GoalPage, PageContext, hint_label, person_name
from asd_desktop.ui.goal_wizard.checker_panel import CODE_TITLES
from asd_desktop.ui.widgets import DATE_FORMAT, buddy, from_qdate, german_date, to_qdate


def _para(text: str) -> str:
    return escape(text.strip()).replace("\n", "<br>") if text.strip() else "–"


def summary_html(draft: GoalDraft) -> str:
    """Everything the wizard collected, as a page a family can read through."""
    out = [
        "<h3>Anliegen</h3>",
        f"<p>{_para(draft.concern)}</p>",
        f"<p><i>genannt von:</i> {_para(draft.concern_by)}</p>",
        "<h3>Wille</h3>",
        f"<p>{_para(draft.will)}</p>",
    ]
    if draft.priority.strip():
        out.append(f"<p><i>Jetzt hat Vorrang:</i> {_para(draft.priority)}</p>")
    out += [
        "<h3>Richtungsziel</h3>",
        f"<p><b>{_para(draft.direction_goal)}</b></p>",
        f"<p><i>Das Ziel von:</i> {_para(draft.direction_people)}</p>",
    ]
    # Printed as "Unser gemeinsames Ziel": what the checker says is read out first.
    for finding in check_goal_now(draft.direction_goal):
        title = escape(CODE_TITLES.get(finding.code, finding.code))
        out.append(f"<p><i>Hinweis „{title}“:</i> {escape(finding.message)}</p>")
    out += [
        "<h3>Handlungsziele</h3>",
    ]
    if draft.action_goals:
        out.append("<ol>")
        for goal in draft.action_goals:
            lines = [f"<b>{_para(goal.text)}</b>"]
            lines.append(f"<i>Woran merken wir es?</i> {_para(goal.indicator)}")
            lines.append(f"<i>bis:</i> {german_date(goal.due_on) or '–'}")
            if goal.involved.strip():
                lines.append(f"<i>beteiligt:</i> {_para(goal.involved)}")
            for code, reason in goal.dismissed:
                title = escape(CODE_TITLES.get(code, code))
                lines.append(f"<i>Hinweis „{title}“ verworfen, weil:</i> {_para(reason)}")
            out.append("<li>" + "<br>".join(lines) + "</li>")
        out.append("</ol>")
    else:
        out.append("<p>–</p>")
    out.append("<h3>Ressourcen</h3>")
    if draft.resources:
        for kind in ResourceKind:
            of_kind = [r for r in draft.resources if r.kind is kind]
            if not of_kind:
                continue
            out.append(f"<p><i>{escape(kind.label)}:</i></p><ul>")
            for r in of_kind:
                helps = ", ".join(str(i + 1) for i in r.goal_indexes)
                suffix = f" (hilft bei Handlungsziel {helps})" if helps else ""
                out.append(f"<li>{_para(r.description)}{suffix}</li>")
            out.append("</ul>")
    else:
        out.append("<p>–</p>")
    out.append("<h3>Ideen und erste Schritte</h3>")
    if draft.steps:
        out.append("<ul>")
        for s in draft.steps:
            due = f" (bis {german_date(s.due_on)})" if s.due_on else ""
            out.append(f"<li><b>{_para(s.who)}</b>: {_para(s.what)}{due}</li>")
        out.append("</ul>")
    else:
        out.append("<p>–</p>")
    return "\n".join(out)


def family_text(draft: GoalDraft) -> str:
    """Everything the family reads in the Zielvereinbarung, one field per line."""
    parts = [draft.concern, draft.will, draft.priority, draft.direction_goal]
    for goal in draft.action_goals:
        parts.extend((goal.text, goal.indicator))
    parts.extend(r.description for r in draft.resources)
    parts.extend(s.what for s in draft.steps)
    return "\n".join(p.strip() for p in parts if p.strip())


def readability_text(draft: GoalDraft) -> str:
    """The readability line under the summary: score, school year, the longest sentences."""
    result = readability(family_text(draft))
    if result is None:
        return ""
    longest = "; ".join(f"„{s}“ ({n} Wörter)" for s, n in result.longest)
    hint = f" Längste Sätze: {longest}." if longest else ""
    return f"{result.summary()}.{hint}"


class SummaryPage(GoalPage):
    """Zusammenfassung: read it through together; Ort, Datum, Überprüfung, who signs."""

    page_id = PAGE_SUMMARY

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setSubTitle("Gemeinsam durchlesen. Dann speichern und die Zielvereinbarung drucken.")
        self._loading = False
        self._agreed_before = context.today()
        self.review = QTextBrowser()
        self.review.setAccessibleName("Zusammenfassung der Zielerarbeitung")
        self.review.setTabChangesFocus(True)
        self.review.setOpenLinks(False)
        # How easy the family's text is to read (issue 18), with the longest sentences.
        self.readability_label = hint_label("")
        self.readability_label.setAccessibleName("Lesbarkeit des Textes für die Familie")
        self.readability_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText("z. B. Wohnung der Familie")
        self.agreed_edit = QDateEdit()
        self.agreed_edit.setCalendarPopup(True)
        self.agreed_edit.setDisplayFormat(DATE_FORMAT)
        self.review_edit = QDateEdit()
        self.review_edit.setCalendarPopup(True)
        self.review_edit.setDisplayFormat(DATE_FORMAT)
        # Why the proposed review date is not exactly three months on (weekend, holiday).
        self.review_reason = hint_label("")
        self.review_reason.setAccessibleName("Hinweis zur nächsten Überprüfung")
        self.review_reason.setVisible(False)
        self.caseworker_edit = QLineEdit()
        self.present_list = QListWidget()
        self.present_list.setMaximumHeight(110)
        self.other_edit = QLineEdit()
        self.other_edit.setPlaceholderText("Name einer weiteren anwesenden Person")
        self.add_other_button = QPushButton("&Hinzufügen")
        self.add_other_button.setAccessibleName("Weitere Person hinzufügen")
        self.add_other_button.clicked.connect(self.add_other)
        self.other_edit.returnPressed.connect(self.add_other)
        other_row = QHBoxLayout()
        other_row.addWidget(self.other_edit, 1)
        other_row.addWidget(self.add_other_button)

        form = QFormLayout()
        form.addRow(buddy("&Ort:", self.place_edit, "Ort"), self.place_edit)
        dates = QHBoxLayout()
        dates.addWidget(self.agreed_edit)
        dates.addSpacing(16)
        dates.addWidget(buddy("nächste Über&prüfung:", self.review_edit, "nächste Überprüfung"), 0)
        dates.addWidget(self.review_edit)
        dates.addStretch(1)
        form.addRow(buddy("&Datum:", self.agreed_edit, "Datum der Vereinbarung"), dates)
        form.addRow(QLabel(""), self.review_reason)
        form.addRow(buddy("&Fachkraft:", self.caseworker_edit, "Fachkraft"), self.caseworker_edit)
        form.addRow(
            buddy(
                "&Anwesend, unterschreibt:",
                self.present_list,
                "Anwesend und unterschreibt",
            ),
            self.present_list,
        )
        form.addRow(buddy("Weitere Person (&Name):", self.other_edit, "Weitere Person"), other_row)
        self.body.addWidget(self.review, 1)
        self.body.addWidget(self.readability_label)
        self.body.addLayout(form)

        self.registerField("place", self.place_edit)
        self.registerField("caseworker", self.caseworker_edit)
        self.fields.update(
            {
                "agreed_on": self.agreed_edit,
                "review_on": self.review_edit,
                "present": self.present_list,
            }
        )
        self.place_edit.textEdited.connect(self.edited)
        self.caseworker_edit.textEdited.connect(self.edited)
        self.agreed_edit.dateChanged.connect(self._on_agreed_changed)
        self.review_edit.dateChanged.connect(self._on_review_changed)
        self.present_list.itemChanged.connect(lambda _item: self._on_edit())

    # --- the draft ---------------------------------------------------------------------

    def load(self, draft: GoalDraft) -> None:
        """Show the draft's place, dates and who signs."""
        self._loading = True
        try:
            today = self.context.today()
            agreed = draft.agreed_on or today
            self._agreed_before = agreed
            self.place_edit.setText(draft.place)
            self.agreed_edit.setDate(to_qdate(agreed))
            proposed = self.context.propose_review(agreed).day
            self.review_edit.setDate(to_qdate(draft.review_on or proposed))
            self._show_review_reason()
            self.caseworker_edit.setText(draft.caseworker or self.context.case.caseworker)
            self.present_list.clear()
            names = [person_name(p.first_name, p.last_name) for p in self.context.case.persons]
            extra = [n for n in draft.present if n not in names]
            for name in [*names, *extra]:
                self._add_name(name, checked=name in draft.present)
        finally:
            self._loading = False

    def apply(self, draft: GoalDraft) -> GoalDraft:
        """The draft with place, dates and who signs as entered."""
        return dataclasses.replace(
            draft,
            place=self.place_edit.text(),
            agreed_on=from_qdate(self.agreed_edit.date()),
            review_on=from_qdate(self.review_edit.date()),
            caseworker=self.caseworker_edit.text(),
            present=tuple(self.present()),
        )

    def present(self) -> list[str]:
        """The names ticked as present, in list order."""
        names: list[str] = []
        for row in range(self.present_list.count()):
            item = self.present_list.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                names.append(item.text())
        return names

    def set_present(self, name: str, present: bool = True) -> None:
        """Tick or untick ``name`` in the list of people present."""
        for row in range(self.present_list.count()):
            item = self.present_list.item(row)
            if item is not None and item.text() == name:
                item.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)

    @override
    def initializePage(self) -> None:
        self.refresh_review()

    def first_field(self) -> QWidget | None:
        """The place: the rest is usually filled in already."""
        return self.place_edit

    def refresh_review(self) -> None:
        """Rebuild the readable review from everything entered so far."""
        draft = self.context.draft_now()
        self.review.setHtml(summary_html(draft))
        self.readability_label.setText(readability_text(draft))

    # --- editing -----------------------------------------------------------------------

    def add_other(self) -> None:
        """Add the typed name to the people present, ticked."""
        name = " ".join(self.other_edit.text().split())
        if not name:
            return
        existing = [self.present_list.item(r) for r in range(self.present_list.count())]
        if any(item is not None and item.text() == name for item in existing):
            self.set_present(name)
        else:
            self._add_name(name, checked=True)
        self.other_edit.clear()
        self.other_edit.setFocus()
        self._on_edit()

    def _add_name(self, name: str, *, checked: bool) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.present_list.addItem(item)

    def _on_agreed_changed(self) -> None:
        if self._loading:
            return
        # The review date follows the agreement's date until it is set by hand.
        agreed = from_qdate(self.agreed_edit.date())
        review = from_qdate(self.review_edit.date())
        if review == self.context.propose_review(self._agreed_before).day or review <= agreed:
            self.review_edit.setDate(to_qdate(self.context.propose_review(agreed).day))
        self._agreed_before = agreed
        self._show_review_reason()
        self._on_edit()

    def _on_review_changed(self) -> None:
        self._show_review_reason()
        self._on_edit()

    def _show_review_reason(self) -> None:
        # Said while the field holds the proposal; a date set by hand needs no reason.
        proposal = self.context.propose_review(from_qdate(self.agreed_edit.date()))
        shown = from_qdate(self.review_edit.date()) == proposal.day
        reason = proposal.reason if shown and proposal.reason else ""
        self.review_reason.setText(reason)
        self.review_reason.setVisible(bool(reason))
        self.review_edit.setAccessibleDescription(reason)

    def review_reason_text(self) -> str:
        """The shown reason why the proposed review date moved ("" when it did not)."""
        return self.review_reason.text()

    def _on_edit(self) -> None:
        if not self._loading:
            self.edited.emit()
