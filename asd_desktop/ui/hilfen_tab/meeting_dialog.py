"""Record a Hilfeplangespräch (§ 36 SGB VIII).

Who took part, the young person's own words, the Handlungsziele it adopts, the help
and its scope, who does what by when, the next date.

A new Hilfeplangespräch starts from the last one (the tab passes the service's
proposal): same participants, goals and help, the still-open tasks, the next date
six months on. For each adopted Handlungsziel the dialog shows how it went since
the last Hilfeplangespräch.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.enums import GoalStatus
from asd_desktop.domain.hilfen import add_months
from asd_desktop.services.hilfen import (
    GoalChoice,
    GoalReviewLine,
    HilfeView,
    MeetingInput,
    Participant,
    TaskInput,
    meeting_problems,
)
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.widgets import (
    DATE_FORMAT,
    FormDialog,
    OptionalDateEdit,
    buddy,
    from_qdate,
    german_date,
    to_qdate,
)

GOAL_ROLE = Qt.ItemDataRole.UserRole + 1
#: Reads the reviews of goals after a day (None: all) up to a day.
History = Callable[[Sequence[str], dt.date | None, dt.date], Mapping[str, Sequence[GoalReviewLine]]]
_STATUS = {s.value: s.label for s in GoalStatus}
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")


def _date(text: str) -> dt.date:
    m = _DATE.match(text.strip())
    if m is None:
        raise ValueError(text)
    day, month, year = (int(g) for g in m.groups())
    return dt.date(year + 2000 if year < 100 else year, month, day)


def participants_text(participants: Sequence[Participant]) -> str:
    """One line per person: "Name; Rolle"."""
    return "\n".join(f"{p.name}; {p.role}" if p.role else p.name for p in participants)


def parse_participants(text: str) -> tuple[Participant, ...]:
    """The lines "Name; Rolle" (the role may be left out)."""
    out = []
    for line in text.splitlines():
        name, _, role = line.partition(";")
        if name.strip():
            out.append(Participant(name.strip(), role.strip()))
    return tuple(out)


def tasks_text(tasks: Sequence[TaskInput]) -> str:
    """One line per task: "Wer; Was; TT.MM.JJJJ"."""
    return "\n".join(
        f"{t.who}; {t.what}" + (f"; {german_date(t.due_on)}" if t.due_on else "") for t in tasks
    )


def parse_tasks(text: str) -> tuple[tuple[TaskInput, ...], str]:
    """The lines "Wer; Was; TT.MM.JJJJ" and a German problem ("" when all are fine)."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(";")]
        due: dt.date | None = None
        if len(parts) >= 3 and parts[-1]:
            try:
                due = _date(parts[-1])
            except ValueError:
                return (), (
                    f"Aufgabe in Zeile {number}: »{parts[-1]}« ist kein Datum. Bitte "
                    "als TT.MM.JJJJ schreiben, etwa 15.01.2027."
                )
            parts = parts[:-1]
        if len(parts) < 2:
            return (), (
                f"Aufgabe in Zeile {number}: bitte »Wer; Was; bis wann« schreiben, "
                "etwa »Mutter; Termin beim Kinderarzt; 15.01.2027«."
            )
        out.append(TaskInput(parts[0], "; ".join(parts[1:]), due))
    return tuple(out), ""


def history_text(
    goals: Sequence[GoalChoice],
    history: Mapping[str, Sequence[GoalReviewLine]],
    since: dt.date | None,
) -> str:
    """For each chosen goal: its reviews since the previous Hilfeplangespräch."""
    if since is None:
        return "Das ist das erste Hilfeplangespräch: noch kein Verlauf."
    lines = [f"Verlauf seit dem letzten Hilfeplangespräch am {german_date(since)}:"]
    for n, goal in enumerate(goals, start=1):
        reviews = history.get(goal.goal_id, ())
        steps = "; ".join(
            f"{german_date(r.reviewed_on)} {_STATUS.get(r.status, r.status)}"
            + (f" ({r.comment})" if r.comment else "")
            for r in reviews
        )
        short = goal.text if len(goal.text) <= 60 else goal.text[:59] + "…"
        lines.append(f"{n}. {short}: {steps or 'seitdem nicht überprüft'}")
    return "\n".join(lines)


class MeetingDialog(DraftFormDialog):
    """A Hilfeplangespräch of the open case; Ctrl+Return stores it."""

    draft_name = "hilfeplan"

    def __init__(
        self,
        value: MeetingInput,
        hilfen: Sequence[HilfeView],
        goals: Sequence[GoalChoice],
        history: Callable[
            [Sequence[str], dt.date | None, dt.date], Mapping[str, Sequence[GoalReviewLine]]
        ]
        | None = None,
        previous_held_on: dt.date | None = None,
        parent: QWidget | None = None,
        title: str = "Hilfeplangespräch",
    ) -> None:
        super().__init__(title, parent, min_width=1000)
        self._previous_id = value.previous_id
        self._previous_held_on = previous_held_on
        self._history = history
        self._goals = list(goals)
        self._hilfen = list(hilfen)

        self.held_on_edit = QDateEdit()
        self.held_on_edit.setCalendarPopup(True)
        self.held_on_edit.setDisplayFormat(DATE_FORMAT)
        self.hilfe_combo = QComboBox()
        self.hilfe_combo.addItem("– keine Hilfe gewählt –", "")
        for h in self._hilfen:
            state = "läuft" if h.end_on is None else f"bis {german_date(h.end_on)}"
            self.hilfe_combo.addItem(
                f"{h.kind_display}, seit {german_date(h.start_on)} ({state})", h.id
            )
        self.place_edit = QLineEdit()
        self.caseworker_edit = QLineEdit()
        self.participants_edit = QPlainTextEdit()
        self.participants_edit.setTabChangesFocus(True)
        self.participants_edit.setPlaceholderText("Eine Person pro Zeile: Name; Rolle")
        self.young_name_edit = QLineEdit()
        self.young_name_edit.setPlaceholderText("Vorname des Kindes / jungen Menschen")
        self.young_words_edit = QPlainTextEdit()
        self.young_words_edit.setTabChangesFocus(True)
        self.young_words_edit.setPlaceholderText(
            "Was das Kind / der junge Mensch selbst gesagt hat – in seinen eigenen Worten"
        )
        self.goals_list = QListWidget()
        self.goals_list.setWordWrap(True)
        self.goals_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for g in self._goals:
            status = f" [{_STATUS.get(g.status, g.status)}]" if g.status else ""
            item = QListWidgetItem(f"{g.text}{status}")
            item.setData(GOAL_ROLE, g.goal_id)
            item.setToolTip(f"Aus der Zielvereinbarung vom {german_date(g.agreed_on)}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.goals_list.addItem(item)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setAccessibleName("Verlauf der Handlungsziele")
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.scope_edit = QPlainTextEdit()
        self.scope_edit.setTabChangesFocus(True)
        self.scope_edit.setPlaceholderText(
            "z. B. SPFH, 4,5 Stunden pro Woche, dienstags und freitags"
        )
        self.tasks_edit = QPlainTextEdit()
        self.tasks_edit.setTabChangesFocus(True)
        self.tasks_edit.setPlaceholderText("Eine Aufgabe pro Zeile: Wer; Was; TT.MM.JJJJ")
        self.next_edit = OptionalDateEdit(
            "festlegen",
            "nächstes Hilfeplangespräch",
            default=lambda: add_months(from_qdate(self.held_on_edit.date()), 6),
        )
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        for edit, height in (
            (self.participants_edit, 90),
            (self.young_words_edit, 80),
            (self.scope_edit, 56),
            (self.tasks_edit, 80),
            (self.notes_edit, 44),
        ):
            edit.setFixedHeight(height)
        self.goals_list.setFixedHeight(130)

        left = QFormLayout()
        left.addRow(buddy("&Datum:", self.held_on_edit, "Datum des Gesprächs"), self.held_on_edit)
        left.addRow(buddy("&Hilfe:", self.hilfe_combo, "Hilfe"), self.hilfe_combo)
        left.addRow(buddy("&Ort:", self.place_edit, "Ort"), self.place_edit)
        left.addRow(buddy("&Fachkraft:", self.caseworker_edit, "Fachkraft"), self.caseworker_edit)
        left.addRow(
            buddy("&Beteiligte:", self.participants_edit, "Beteiligte: Name; Rolle"),
            self.participants_edit,
        )
        own = QGroupBox("In eigenen Worten (Beteiligung, § 36 SGB VIII)")
        own_form = QFormLayout(own)
        own_form.addRow(
            buddy("&Wer spricht:", self.young_name_edit, "Wessen Worte"), self.young_name_edit
        )
        own_form.addRow(
            buddy("&Gesagt:", self.young_words_edit, "In eigenen Worten"), self.young_words_edit
        )
        left_box = QVBoxLayout()
        left_box.addLayout(left)
        left_box.addWidget(own)
        left_box.addStretch(1)

        right = QFormLayout()
        right.addRow(
            buddy("Handlungs&ziele:", self.goals_list, "Übernommene Handlungsziele"),
            self.goals_list,
        )
        right.addRow(QLabel(""), self.history_label)
        right.addRow(
            buddy("&Umfang der Hilfe:", self.scope_edit, "Vereinbarte Hilfe und Umfang"),
            self.scope_edit,
        )
        right.addRow(
            buddy("&Aufgaben:", self.tasks_edit, "Wer macht was bis wann"), self.tasks_edit
        )
        right.addRow(
            buddy("&Nächstes Gespräch:", self.next_edit, "nächstes Hilfeplangespräch"),
            self.next_edit,
        )
        right.addRow(buddy("No&tizen:", self.notes_edit, "Notizen"), self.notes_edit)
        columns = QHBoxLayout()
        columns.addLayout(left_box, 1)
        columns.addLayout(right, 1)
        self.body.addLayout(columns)
        hint = QLabel("Leertaste hakt ein Handlungsziel an. Strg+Eingabe speichert, Esc bricht ab.")
        hint.setEnabled(False)
        self.body.addWidget(hint)
        self.fields.update(
            {
                "held_on": self.held_on_edit,
                "hilfe_id": self.hilfe_combo,
                "participants": self.participants_edit,
                "goal_ids": self.goals_list,
                "tasks": self.tasks_edit,
                "next_on": self.next_edit,
            }
        )
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.set_value(value)
        self.goals_list.itemChanged.connect(self._update_history)
        self.held_on_edit.dateChanged.connect(self._update_history)
        self._update_history()
        self.held_on_edit.setFocus()

    def set_value(self, value: MeetingInput) -> None:
        """Show a stored or proposed Hilfeplangespräch."""
        self.held_on_edit.setDate(to_qdate(value.held_on or dt.date.today()))
        index = self.hilfe_combo.findData(value.hilfe_id or "")
        self.hilfe_combo.setCurrentIndex(max(0, index))
        self.place_edit.setText(value.place)
        self.caseworker_edit.setText(value.caseworker)
        self.participants_edit.setPlainText(participants_text(value.participants))
        self.young_name_edit.setText(value.young_person_name)
        self.young_words_edit.setPlainText(value.young_person_words)
        chosen = set(value.goal_ids)
        for row in range(self.goals_list.count()):
            item = self.goals_list.item(row)
            checked = str(item.data(GOAL_ROLE)) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.scope_edit.setPlainText(value.agreed_help_scope)
        self.tasks_edit.setPlainText(tasks_text(value.tasks))
        self.next_edit.set_date(value.next_on)
        self.notes_edit.setPlainText(value.notes)

    def chosen_goals(self) -> list[GoalChoice]:
        """The checked Handlungsziele, in the list's order."""
        chosen = []
        for row in range(self.goals_list.count()):
            item = self.goals_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(self._goals[row])
        return chosen

    def values(self) -> MeetingInput:
        """The Hilfeplangespräch as entered (unreadable task lines count as none)."""
        tasks, _ = parse_tasks(self.tasks_edit.toPlainText())
        return MeetingInput(
            held_on=from_qdate(self.held_on_edit.date()),
            hilfe_id=str(self.hilfe_combo.currentData() or "") or None,
            participants=parse_participants(self.participants_edit.toPlainText()),
            young_person_name=self.young_name_edit.text(),
            young_person_words=self.young_words_edit.toPlainText(),
            agreed_help_scope=self.scope_edit.toPlainText(),
            goal_ids=tuple(g.goal_id for g in self.chosen_goals()),
            tasks=tasks,
            next_on=self.next_edit.date(),
            previous_id=self._previous_id,
            place=self.place_edit.text(),
            caseworker=self.caseworker_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def current_problems(self) -> dict[str, str]:
        """Why the Hilfeplangespräch cannot be stored."""
        problems = meeting_problems(self.values())
        _, task_problem = parse_tasks(self.tasks_edit.toPlainText())
        if task_problem:
            problems["tasks"] = task_problem
        return problems

    def _update_history(self) -> None:
        goals = self.chosen_goals()
        if self._history is None or not goals:
            text = (
                "Noch kein Handlungsziel gewählt. Die Ziele kommen aus der Zielvereinbarung "
                "(Wille & Ziele) und werden nicht abgeschrieben."
                if not goals
                else ""
            )
        else:
            until = from_qdate(self.held_on_edit.date())
            history = self._history([g.goal_id for g in goals], self._previous_held_on, until)
            text = history_text(goals, history, self._previous_held_on)
        self.history_label.setText(text)
        self.history_label.setAccessibleDescription(text)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        value: MeetingInput,
        hilfen: Sequence[HilfeView],
        goals: Sequence[GoalChoice],
        history: Callable[
            [Sequence[str], dt.date | None, dt.date], Mapping[str, Sequence[GoalReviewLine]]
        ]
        | None = None,
        previous_held_on: dt.date | None = None,
        title: str = "Hilfeplangespräch",
        target: str | None = None,
    ) -> MeetingInput | None:
        """Show the dialog modally; the entered Hilfeplangespräch, or None if cancelled."""
        dialog = cls(value, hilfen, goals, history, previous_held_on, parent, title)
        dialog.draft_target = target
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()
