"""Information: the moderator's checklist on the meeting day, and who came.

Two pages, stored when left and after a short pause; "Phase abschließen" sends the
family into the Familienphase.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.enums import CouncilPhase, Invitation
from asd_desktop.services.familienrat import (
    CouncilView,
    FamilienratService,
    InformationInput,
    ParticipantView,
)
from asd_desktop.ui.familienrat.common import (
    AUTOSAVE_MS,
    OptionalDateTimeEdit,
    PhasePage,
    PhaseWizard,
    default_time,
)
from asd_desktop.ui.goal_wizard.base import hint_label, multi_line
from asd_desktop.ui.widgets import buddy

_ID = Qt.ItemDataRole.UserRole


def _quoted(text: str, empty: str) -> QLabel:
    label = QLabel(text.strip() or empty)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(
        "QLabel { background-color: #ffffff; border: 1px solid #c8c8c8; padding: 6px; }"
    )
    return label


def attendee_line(person: ParticipantView) -> str:
    """A participant in the attendance list: name, relation, invitation state."""
    relation = f" ({person.relation})" if person.relation.strip() else ""
    return f"{person.name}{relation} – {person.group.label}, {person.invitation.label}"


class ChecklistPage(PhasePage):
    """Eröffnung: the moderator opens; the concern is read out; help and procedure named."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Eröffnung und Sorge",
            "Die Koordination hakt ab, was in der Informationsphase gesagt wurde.",
            parent,
        )
        self.start_edit = OptionalDateTimeEdit(
            "Zeit setzen", "Beginn der Informationsphase", default=self._default_start
        )
        self.concern_label = _quoted("", "")
        self.concern_label.setAccessibleName("Sorgeformulierung zum Vorlesen")
        self.concern_box = QCheckBox("Die Sorgeformulierung wurde &vorgelesen.")
        self.concern_box.setAccessibleName("Sorgeformulierung vorgelesen")
        self.minimums_label = _quoted("", "")
        self.minimums_label.setAccessibleName("Mindestanforderungen")
        self.minimums_box = QCheckBox("Die &Mindestanforderungen wurden benannt.")
        self.minimums_box.setAccessibleName("Mindestanforderungen benannt")
        self.help_edit = multi_line(
            "Fachliche Hilfen, benannt von",
            "Welche fachlichen Hilfen wurden vorgestellt, und von wem? "
            "z. B. „Erziehungsberatung (Frau Berger, ASD)“",
            height=70,
        )
        self.help_edit.setMaximumHeight(110)
        self.procedure_box = QCheckBox("Der weitere &Ablauf wurde erklärt.")
        self.procedure_box.setAccessibleName("Ablauf erklärt")

        concern_group = QGroupBox("Sorge des Jugendamts")
        concern_layout = QVBoxLayout(concern_group)
        concern_layout.addWidget(self.concern_label)
        concern_layout.addWidget(self.concern_box)
        self.minimums_group = QGroupBox("Mindestanforderungen")
        minimums_layout = QVBoxLayout(self.minimums_group)
        minimums_layout.addWidget(self.minimums_label)
        minimums_layout.addWidget(self.minimums_box)
        form = QFormLayout()
        form.addRow(
            buddy("&Beginn:", self.start_edit, "Beginn der Informationsphase"), self.start_edit
        )
        self.body.addLayout(form)
        self.body.addWidget(concern_group)
        self.body.addWidget(self.minimums_group)
        help_form = QFormLayout()
        help_form.addRow(
            buddy(
                "Fachliche &Hilfen\n(und von wem):", self.help_edit, "Fachliche Hilfen, benannt von"
            ),
            self.help_edit,
        )
        self.body.addLayout(help_form)
        self.body.addWidget(self.procedure_box)
        self.body.addStretch(1)

        self.start_edit.changed.connect(self.mark_edited)
        for box in (self.concern_box, self.minimums_box, self.procedure_box):
            box.toggled.connect(self.mark_edited)
        self.help_edit.textChanged.connect(self.mark_edited)
        self.fields["info_started_at"] = self.start_edit
        self.fields["concern_read"] = self.concern_box
        self.fields["minimums_named"] = self.minimums_box
        self.fields["help_options"] = self.help_edit
        self.fields["procedure_explained"] = self.procedure_box

    def _default_start(self) -> dt.datetime:
        if self._wizard is not None:
            meeting = self.council().preparation.meeting_at
            if meeting is not None:
                return meeting
        return default_time(self.today())

    def load_page(self, view: CouncilView) -> None:
        """Show the concern to read out and the stored checklist."""
        prep, info = view.preparation, view.information
        self.concern_label.setText(prep.concern.strip() or "(keine Sorgeformulierung eingetragen)")
        self.concern_label.setAccessibleDescription(prep.concern)
        has_minimums = bool(prep.minimum_requirements.strip())
        self.minimums_label.setText(
            prep.minimum_requirements.strip() or "Es wurden keine Mindestanforderungen formuliert."
        )
        self.minimums_box.setEnabled(has_minimums)
        self.start_edit.set_value(info.info_started_at)
        self.concern_box.setChecked(info.concern_read)
        self.minimums_box.setChecked(info.minimums_named)
        self.help_edit.setPlainText(info.help_options)
        self.procedure_box.setChecked(info.procedure_explained)

    def information(self, info: InformationInput) -> InformationInput:
        """``info`` with the checklist as entered."""
        return dataclasses.replace(
            info,
            concern_read=self.concern_box.isChecked(),
            minimums_named=self.minimums_box.isChecked() and self.minimums_box.isEnabled(),
            help_options=self.help_edit.toPlainText(),
            procedure_explained=self.procedure_box.isChecked(),
            info_started_at=self.start_edit.value(),
        )

    def store_page(self) -> None:
        """Store the checklist (who attended stays as stored)."""
        view = self.council()
        self.service.save_information(self.council_id, self.information(view.information))


class AttendancePage(PhasePage):
    """Anwesende: who came to the Familienrat (ticked in the list of participants)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Anwesende",
            "Wer ist gekommen? Bitte alle Anwesenden ankreuzen.",
            parent,
        )
        self.list = QListWidget()
        self.list.setAccessibleName("Teilnehmende: anwesend ankreuzen")
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Zahl der Anwesenden")
        self.body.addWidget(buddy("&Teilnehmende:", self.list, "Teilnehmende: anwesend ankreuzen"))
        self.body.addWidget(self.list, 1)
        self.body.addWidget(self.count_label)
        self.body.addWidget(
            hint_label(
                "Mit der Leertaste wird die ausgewählte Person an- oder abgehakt. "
                "Teilnehmende werden in der Vorbereitung eingetragen."
            )
        )
        self.list.itemChanged.connect(self._on_item)
        self.fields["attended"] = self.list

    def load_page(self, view: CouncilView) -> None:
        """List the participants; those stored as present are ticked."""
        self.list.blockSignals(True)
        self.list.clear()
        for person in view.participants:
            item = QListWidgetItem(attendee_line(person))
            item.setData(_ID, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if person.attended else Qt.CheckState.Unchecked
            )
            if person.invitation is Invitation.DECLINED and not person.attended:
                item.setForeground(Qt.GlobalColor.darkGray)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._update_count()

    def attended_ids(self) -> tuple[str, ...]:
        """Ids of the ticked participants, in list order."""
        return tuple(
            str(item.data(_ID))
            for item in (self.list.item(n) for n in range(self.list.count()))
            if item is not None and item.checkState() == Qt.CheckState.Checked
        )

    def set_attended(self, name: str, attended: bool = True) -> None:
        """Tick (or untick) the participant called ``name``."""
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item is not None and item.text().startswith(name):
                item.setCheckState(Qt.CheckState.Checked if attended else Qt.CheckState.Unchecked)

    def store_page(self) -> None:
        """Store who attended (the checklist stays as stored)."""
        view = self.council()
        self.service.save_information(
            self.council_id,
            dataclasses.replace(view.information, attended_ids=self.attended_ids()),
        )

    def _on_item(self, _item: QListWidgetItem) -> None:
        self._update_count()
        self.mark_edited()

    def _update_count(self) -> None:
        present = len(self.attended_ids())
        if not self.list.count():
            self.count_label.setText("Es sind noch keine Teilnehmenden eingetragen.")
        else:
            self.count_label.setText(f"{present} von {self.list.count()} anwesend")


class InformationWizard(PhaseWizard):
    """The information phase: the moderator's checklist and the attendance."""

    phase = CouncilPhase.INFORMATION

    def __init__(
        self,
        service: FamilienratService,
        council_id: str,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(service, council_id, parent, autosave_ms=autosave_ms, today=today)
        self.checklist_page = self.add_phase_page(ChecklistPage())
        self.attendance_page = self.add_phase_page(AttendancePage())
