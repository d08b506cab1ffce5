"""The case's "Hilfen" tab: the helps it receives and its Hilfeplangespräche.

Above, the helps (kind, provider, period, cost per month, running or why ended);
below, the Hilfeplangespräche, newest first, with the next date. A HzE decided in a
closed Kollegiale Beratung without a help yet is offered at the top: one button
prepares the help and the first Hilfeplan from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.hilfen import format_euros
from asd_desktop.models.errors import AsdError
from asd_desktop.services.cases import CaseDetail
from asd_desktop.services.documents import DocumentService, DocumentView
from asd_desktop.services.hilfen import (
    CasePlace,
    HilfeInput,
    HilfeService,
    HilfeView,
    MeetingInput,
    MeetingView,
    PreparedHilfe,
)
from asd_desktop.ui.hilfen_tab.hilfe_dialog import HilfeDialog
from asd_desktop.ui.hilfen_tab.meeting_dialog import MeetingDialog
from asd_desktop.ui.hilfen_tab.place_dialog import PlaceDialog
from asd_desktop.ui.hilfen_tab.tables import HilfenModel, MeetingsModel
from asd_desktop.ui.operations import Op
from asd_desktop.ui.pdf_preview import render_then_preview
from asd_desktop.ui.rows_model import one_line
from asd_desktop.ui.table_layout import fit_columns, read_only_table
from asd_desktop.ui.widgets import FormDialog, german_date


class HilfenTab(QWidget):
    """Helps and Hilfeplangespräche of the open case.

    Signals:
        hilfen_changed(str): the case id, after a help or a Hilfeplangespräch was stored.
        saved(str): what was stored, for the status bar.
    """

    hilfen_changed = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        service: HilfeService,
        documents: DocumentService | None = None,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._documents = documents
        self._today = today
        self._detail: CaseDetail | None = None
        self._decided: list[tuple[str, dt.date, str]] = []
        #: The Hilfeplan being rendered off the GUI thread, if any.
        self.print_operation: Op[DocumentView] | None = None

        self.decided_label = QLabel()
        self.decided_label.setWordWrap(True)
        self.decided_label.setAccessibleName("Beschlossene Hilfe zur Erziehung ohne Hilfe")
        self.decided_label.setStyleSheet(
            "QLabel { background: #fff4e5; border-left: 4px solid #b26a00; padding: 6px; }"
        )
        self.prepare_button = self._button(
            "Aus Beratung übern&ehmen…",
            "Hilfe und Hilfeplan aus der Kollegialen Beratung vorbereiten",
            self.prepare_from_decision,
        )
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Überblick der Hilfen")
        self.place_button = self._button(
            "&Zuordnung…", "Zuordnung: Team, Sozialraum, Stadtteil", self.edit_place
        )

        self.hilfen_model = HilfenModel(self)
        self.hilfen_table = read_only_table(self.hilfen_model, "Hilfen des Falls", QTableView())
        fit_columns(self.hilfen_table, HilfenModel.KIND, {HilfenModel.PROVIDER: 240})
        self.hilfen_table.selectionModel().selectionChanged.connect(self._update_state)
        self.hilfen_table.activated.connect(lambda _i: self.edit_hilfe())
        self.hilfe_detail = QLabel()
        self.hilfe_detail.setWordWrap(True)
        self.hilfe_detail.setAccessibleName("Einzelheiten der Hilfe")
        self.hilfe_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meeting_detail = QLabel()
        self.meeting_detail.setWordWrap(True)
        self.meeting_detail.setAccessibleName("Einzelheiten des Hilfeplangesprächs")
        self.meeting_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_hilfe_button = self._button("Hilfe erfa&ssen…", "Hilfe erfassen", self.add_hilfe)
        self.edit_hilfe_button = self._button(
            "Hilfe &ändern / beenden…", "Hilfe ändern oder beenden", self.edit_hilfe
        )
        self.remove_hilfe_button = self._button(
            "Irrtümlich angelegte Hilfe entfernen…", "Hilfe entfernen", self.remove_hilfe
        )

        self.meetings_model = MeetingsModel(self)
        self.meetings_table = read_only_table(
            self.meetings_model, "Hilfeplangespräche des Falls", QTableView()
        )
        fit_columns(self.meetings_table, MeetingsModel.PEOPLE, {MeetingsModel.HILFE: 280})
        self.meetings_table.selectionModel().selectionChanged.connect(self._update_state)
        self.meetings_table.activated.connect(lambda _i: self.edit_meeting())
        self.meeting_button = self._button(
            "Hilfeplan&gespräch führen…", "Hilfeplangespräch führen", self.new_meeting
        )
        self.edit_meeting_button = self._button(
            "Gespräch bearbei&ten…", "Hilfeplangespräch bearbeiten", self.edit_meeting
        )
        self.print_button = self._button(
            "Hilfeplan dru&cken…", "Hilfeplan drucken", self.print_hilfeplan
        )
        if documents is None:
            self.print_button.hide()

        decided = QHBoxLayout()
        decided.addWidget(self.decided_label, 1)
        decided.addWidget(self.prepare_button)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.place_button)
        hilfe_buttons = QHBoxLayout()
        hilfe_buttons.addWidget(self.add_hilfe_button)
        hilfe_buttons.addWidget(self.edit_hilfe_button)
        hilfe_buttons.addStretch(1)
        hilfe_buttons.addWidget(self.remove_hilfe_button)
        meeting_buttons = QHBoxLayout()
        meeting_buttons.addWidget(self.meeting_button)
        meeting_buttons.addWidget(self.edit_meeting_button)
        meeting_buttons.addWidget(self.print_button)
        meeting_buttons.addStretch(1)
        hilfen_title = QLabel("<b>Hilfen</b> (§§ 16, 27 ff., 41 SGB VIII)")
        meetings_title = QLabel("<b>Hilfeplangespräche</b> (§ 36 SGB VIII)")
        layout = QVBoxLayout(self)
        layout.addLayout(decided)
        layout.addLayout(top)
        layout.addWidget(hilfen_title)
        layout.addWidget(self.hilfen_table, 3)
        layout.addWidget(self.hilfe_detail)
        layout.addLayout(hilfe_buttons)
        layout.addWidget(meetings_title)
        layout.addWidget(self.meetings_table, 2)
        layout.addWidget(self.meeting_detail)
        layout.addLayout(meeting_buttons)
        self.setFocusProxy(self.hilfen_table)
        self._update_state()

    @staticmethod
    def _button(text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- what is shown -------------------------------------------------------------------

    def show_case(self, detail: CaseDetail) -> None:
        """Show the helps and Hilfeplangespräche of ``detail``'s case."""
        self._detail = detail
        self.reload()

    def clear(self) -> None:
        """Show nothing."""
        self._detail = None
        self._decided = []
        self.hilfen_model.set_rows([])
        self.meetings_model.set_rows([])
        self.summary_label.clear()
        self._update_state()

    def case_id(self) -> str | None:
        """The open case's id."""
        return self._detail.id if self._detail else None

    def reload(self, hilfe_id: str | None = None, meeting_id: str | None = None) -> None:
        """Read everything again; keeps (or moves to) the selected rows."""
        case_id = self.case_id()
        if case_id is None:
            self.clear()
            return
        keep_hilfe = hilfe_id or (h.id if (h := self.selected_hilfe()) else None)
        keep_meeting = meeting_id or (m.id if (m := self.selected_meeting()) else None)
        try:
            hilfen = self._service.hilfen(case_id)
            meetings = self._service.meetings(case_id)
            self._decided = self._service.decided_without_hilfe(case_id)
            place = self._service.case_place(case_id)
        except AsdError as exc:
            QMessageBox.warning(self, "Hilfen nicht geladen", exc.message)
            hilfen, meetings, self._decided, place = [], [], [], CasePlace()
        today = self._today()
        self.hilfen_model.set_rows(hilfen)
        self.meetings_model.today = today
        self.meetings_model.hilfe_names = {h.id: h.kind_label for h in hilfen}
        self.meetings_model.newest_id = meetings[0].id if meetings else ""
        self.meetings_model.set_rows(meetings)
        self._select(self.hilfen_table, [h.id for h in hilfen], keep_hilfe)
        self._select(self.meetings_table, [m.id for m in meetings], keep_meeting)
        self.summary_label.setText(self._summary(hilfen, meetings, place, today))
        self._update_state()

    @staticmethod
    def _select(table: QTableView, ids: list[str], keep: str | None) -> None:
        if ids:
            row = ids.index(keep) if keep in ids else 0
            table.selectRow(row)

    @staticmethod
    def _summary(
        hilfen: list[HilfeView], meetings: list[MeetingView], place: CasePlace, today: dt.date
    ) -> str:
        running = [h for h in hilfen if h.running_on(today)]
        monthly = sum(h.cost.per_month_cents or 0 for h in running)
        parts = [
            f"Laufende Hilfen: {len(running)}"
            + (f" · Kosten {format_euros(monthly)} im Monat" if monthly else "")
        ]
        if meetings and meetings[0].next_on is not None:
            late = " – überfällig" if meetings[0].next_on < today else ""
            parts.append(f"Nächstes Hilfeplangespräch: {german_date(meetings[0].next_on)}{late}")
        elif not meetings:
            parts.append("Noch kein Hilfeplangespräch")
        where = " · ".join(
            f"{label} {value}"
            for label, value in (
                ("Team", place.team),
                ("Sozialraum", place.sozialraum),
                ("Stadtteil", place.district),
            )
            if value
        )
        parts.append(where or "Team/Sozialraum/Stadtteil: noch nicht zugeordnet")
        return " · ".join(parts)

    def selected_hilfe(self) -> HilfeView | None:
        """The help of the selected row."""
        model = self.hilfen_table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.hilfen_model.row_value(rows[0].row()) if rows else None

    def selected_meeting(self) -> MeetingView | None:
        """The Hilfeplangespräch of the selected row."""
        model = self.meetings_table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.meetings_model.row_value(rows[0].row()) if rows else None

    def _update_state(self) -> None:
        has_case = self._detail is not None
        hilfe = self.selected_hilfe()
        meeting = self.selected_meeting()
        for button in (self.add_hilfe_button, self.meeting_button, self.place_button):
            button.setEnabled(has_case)
        self.edit_hilfe_button.setEnabled(hilfe is not None)
        self.remove_hilfe_button.setEnabled(hilfe is not None)
        self.edit_meeting_button.setEnabled(meeting is not None)
        self.print_button.setEnabled(meeting is not None)
        show_decided = has_case and bool(self._decided)
        self.decided_label.setVisible(show_decided)
        self.prepare_button.setVisible(show_decided)
        if show_decided:
            _, held_on, kind = self._decided[0]
            self.decided_label.setText(
                f"In der Kollegialen Beratung vom {german_date(held_on)} wurde eine Hilfe zur "
                f"Erziehung beschlossen{f' ({kind})' if kind else ''}, aber noch keine Hilfe "
                "angelegt. »Aus Beratung übernehmen« bereitet Hilfe und Hilfeplan vor."
            )
        self.hilfe_detail.setText(self._hilfe_details(hilfe) if hilfe else "")
        self.hilfe_detail.setVisible(hilfe is not None)
        self.meeting_detail.setText(self._meeting_details(meeting) if meeting else "")
        self.meeting_detail.setVisible(bool(self.meeting_detail.text()))

    @staticmethod
    def _meeting_details(m: MeetingView) -> str:
        parts = []
        if m.young_person_words:
            who = m.young_person_name or "Kind / junger Mensch"
            parts.append(f"{who} in eigenen Worten: „{one_line(m.young_person_words)}“")
        tasks = []
        for t in m.tasks:
            due = f" bis {german_date(t.due_on)}" if t.due_on else ""
            done = f" (erledigt {german_date(t.done_on)})" if t.done_on else ""
            tasks.append(f"{t.who}: {one_line(t.what)}{due}{done}")
        if tasks:
            parts.append("Aufgaben: " + "; ".join(tasks))
        return " · ".join(parts)

    @staticmethod
    def _hilfe_details(h: HilfeView) -> str:
        cost = h.cost
        parts = []
        if cost.per_month_cents is not None:
            how = "Stunden × Satz × 52/12" if cost.by_hours else "monatliche Kosten"
            parts.append(
                f"Kosten: {format_euros(cost.per_month_cents)} im Monat, "
                f"{format_euros(cost.per_year_cents)} im Jahr ({how})"
            )
        if h.consultation_id:
            parts.append("beschlossen in einer Kollegialen Beratung")
        if h.notes:
            parts.append(one_line(h.notes))
        return " · ".join(parts)

    # --- helps ---------------------------------------------------------------------------

    def _store(self, action: Callable[[], object], title: str) -> object | None:
        try:
            return action()
        except AsdError as exc:
            QMessageBox.warning(self, title, exc.message)
        return None

    def _hilfe_dialog(
        self, value: HilfeInput | None, title: str, target: str | None = None
    ) -> HilfeInput | None:
        try:
            kinds = self._service.kinds()
            providers = self._service.providers()
        except AsdError as exc:
            QMessageBox.warning(self, title, exc.message)
            return None
        return HilfeDialog.ask(self, kinds, providers, value, title, target)

    def add_hilfe(self, value: HilfeInput | None = None) -> HilfeView | None:
        """Enter a new help for the open case."""
        case_id = self.case_id()
        if case_id is None:
            return None
        entered = self._hilfe_dialog(value, "Hilfe anlegen")
        if entered is None:
            return None
        stored = self._store(lambda: self._service.add_hilfe(case_id, entered), "Nicht gespeichert")
        if not isinstance(stored, HilfeView):
            return None
        self._stored(f"Hilfe gespeichert ({stored.kind_label})", hilfe_id=stored.id)
        return stored

    def edit_hilfe(self) -> HilfeView | None:
        """Change the selected help (also to end it)."""
        chosen = self.selected_hilfe()
        if chosen is None:
            return None
        entered = self._hilfe_dialog(chosen.as_input(), "Hilfe ändern oder beenden", chosen.id)
        if entered is None:
            return None
        stored = self._store(
            lambda: self._service.update_hilfe(chosen.id, entered), "Nicht gespeichert"
        )
        if not isinstance(stored, HilfeView):
            return None
        self._stored(f"Hilfe gespeichert ({stored.kind_label})", hilfe_id=stored.id)
        return stored

    def remove_hilfe(self) -> None:
        """Remove a help entered by mistake, after asking."""
        chosen = self.selected_hilfe()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            "Hilfe entfernen",
            f"Die Hilfe »{chosen.kind_display}« wirklich entfernen? Das ist nur für eine "
            "irrtümlich angelegte Hilfe gedacht; eine beendete Hilfe bitte stattdessen "
            "mit Ende und Grund eintragen (»Hilfe ändern / beenden«).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._service.remove_hilfe(chosen.id)
        except AsdError as exc:
            QMessageBox.warning(self, "Nicht entfernt", exc.message)
            return
        self._stored("Hilfe entfernt")

    def edit_place(self) -> None:
        """Set the case's team, Sozialraum and district."""
        case_id = self.case_id()
        if case_id is None:
            return
        try:
            current = self._service.case_place(case_id)
            known = self._service.place_names()
        except AsdError as exc:
            QMessageBox.warning(self, "Zuordnung", exc.message)
            return
        dialog = PlaceDialog(current, known, self)
        try:
            if dialog.exec() != FormDialog.DialogCode.Accepted.value:
                return
            value = dialog.values()
        finally:
            dialog.deleteLater()
        if self._store(lambda: self._service.set_case_place(case_id, value), "Nicht gespeichert"):
            self._stored("Zuordnung gespeichert")

    # --- Hilfeplangespräche --------------------------------------------------------------

    def _meeting_dialog(
        self,
        value: MeetingInput,
        title: str,
        previous_held_on: dt.date | None,
        target: str | None = None,
    ) -> MeetingInput | None:
        case_id = self.case_id()
        if case_id is None:
            return None
        try:
            hilfen = self._service.hilfen(case_id)
            goals = self._service.case_goals(case_id)
        except AsdError as exc:
            QMessageBox.warning(self, title, exc.message)
            return None
        return MeetingDialog.ask(
            self,
            value,
            hilfen,
            goals,
            self._service.goal_history,
            previous_held_on,
            title,
            target,
        )

    def _previous_held_on(self, previous_id: str | None) -> dt.date | None:
        for m in self.meetings_model.rows():
            if m.id == previous_id:
                return m.held_on
        return None

    def new_meeting(self, value: MeetingInput | None = None) -> MeetingView | None:
        """Hold a Hilfeplangespräch: it starts from the last one."""
        case_id = self.case_id()
        if case_id is None:
            return None
        if value is None:
            proposal = self._store(
                lambda: self._service.next_meeting_input(case_id, self._today()),
                "Hilfeplangespräch",
            )
            if not isinstance(proposal, MeetingInput):
                return None
            value = proposal
        entered = self._meeting_dialog(
            value, "Hilfeplangespräch führen", self._previous_held_on(value.previous_id)
        )
        if entered is None:
            return None
        stored = self._store(
            lambda: self._service.record_meeting(case_id, entered), "Nicht gespeichert"
        )
        if not isinstance(stored, MeetingView):
            return None
        self._stored(
            f"Hilfeplangespräch vom {german_date(stored.held_on)} gespeichert",
            meeting_id=stored.id,
        )
        return stored

    def edit_meeting(self) -> MeetingView | None:
        """Change the selected Hilfeplangespräch."""
        chosen = self.selected_meeting()
        if chosen is None:
            return None
        entered = self._meeting_dialog(
            chosen.as_input(), "Hilfeplangespräch bearbeiten", chosen.previous_held_on, chosen.id
        )
        if entered is None:
            return None
        stored = self._store(
            lambda: self._service.update_meeting(chosen.id, entered), "Nicht gespeichert"
        )
        if not isinstance(stored, MeetingView):
            return None
        self._stored(
            f"Hilfeplangespräch vom {german_date(stored.held_on)} gespeichert",
            meeting_id=stored.id,
        )
        return stored

    def print_hilfeplan(self) -> Op[DocumentView] | None:
        """Render the selected Hilfeplan, keep it in the documents, and show it."""
        chosen = self.selected_meeting()
        if chosen is None or self._documents is None:
            return None
        meeting_id = chosen.id

        def rendered(view: DocumentView) -> None:
            self.saved.emit(f"Hilfeplan erstellt ({view.title})")
            case_id = self.case_id()
            if case_id is not None:
                self.hilfen_changed.emit(case_id)

        self.print_operation = render_then_preview(
            self,
            self._documents,
            lambda: self._service.print_hilfeplan(meeting_id),
            rendered=rendered,
        )
        return self.print_operation

    # --- from the Kollegiale Beratung ----------------------------------------------------

    def prepare_from_decision(self, consultation_id: str | None = None) -> MeetingView | None:
        """Prepare the help and the first Hilfeplan a decided HzE asks for."""
        if consultation_id is None:
            if not self._decided:
                return None
            consultation_id = self._decided[0][0]
        chosen_id = consultation_id
        prepared = self._store(
            lambda: self._service.prepare_from_consultation(chosen_id), "Hilfe vorbereiten"
        )
        if not isinstance(prepared, PreparedHilfe):
            return None
        hilfe = self.add_hilfe(prepared.hilfe)
        if hilfe is None:
            return None
        meeting = MeetingInput(**{**prepared.meeting.__dict__, "hilfe_id": hilfe.id})
        return self.new_meeting(meeting)

    def offer_after_consultation(self, consultation_id: str) -> MeetingView | None:
        """After a Kollegiale Beratung closed with a HzE: offer to prepare help and Hilfeplan."""
        if self.case_id() is None:
            return None
        self.reload()
        if consultation_id not in {d[0] for d in self._decided}:
            return None
        answer = QMessageBox.question(
            self,
            "Hilfe zur Erziehung beschlossen",
            "In der Kollegialen Beratung wurde eine Hilfe zur Erziehung beschlossen. "
            "Jetzt die Hilfe anlegen und den ersten Hilfeplan vorbereiten?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.prepare_from_decision(consultation_id)

    def _stored(
        self, message: str, hilfe_id: str | None = None, meeting_id: str | None = None
    ) -> None:
        self.reload(hilfe_id, meeting_id)
        self.saved.emit(message)
        case_id = self.case_id()
        if case_id is not None:
            self.hilfen_changed.emit(case_id)


__all__ = ["HilfenTab"]
