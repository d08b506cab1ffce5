"""The draft restore flow after unlock: dialogs and wizards closed by the lock reopen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QTableView,
)

from asd_desktop.models.errors import AsdError
from asd_desktop.services.drafts import DialogDraft
from asd_desktop.ui.dialogs.drafts import (
    TARGET_FIELD,
    DraftChoice,
    DraftOfferDialog,
    WizardToReopen,
    base_name,
    offer_text,
)
from asd_desktop.ui.hilfen_tab import HilfenTab

if TYPE_CHECKING:
    from asd_desktop.ui.main_window.window import MainWindow


class DraftRestorer:
    """After unlock: reopen the dialogs and wizards the lock closed, offer older drafts back."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def run(self) -> None:
        """Reopen the dialogs closed by the lock; offer back drafts of an earlier session."""
        keeper = self._window.draft_keeper
        locked, wizards = keeper.take_reopen()
        drafts = [d for d in keeper.stored_drafts() if d.key in locked] + [
            d for d in keeper.stored_drafts() if d.key not in locked
        ]
        for index, draft in enumerate(drafts):
            if self._window.opened is None:
                # Locked again meanwhile: the rest reopens after the next unlock.
                keeper.remember_for_lock([d.key for d in drafts[index:] if d.key in locked])
                return
            if draft.key not in locked:
                choice = DraftOfferDialog.ask(
                    self._window, offer_text(draft, self._case_label(draft))
                )
                if choice is DraftChoice.DISCARD:
                    keeper.discard(draft)
                    self._window.statusBar().showMessage("Der Entwurf wurde verworfen.", 5000)
                if choice is not DraftChoice.RESTORE:
                    continue
            if not self._reopen_draft(draft):
                self._window.statusBar().showMessage(
                    "Ein Entwurf konnte nicht wieder geöffnet werden; er bleibt gespeichert.", 8000
                )
        for wizard in wizards:
            if self._window.opened is None:
                return
            self._reopen_wizard(wizard)

    def _case_label(self, draft: DialogDraft) -> str:
        if draft.case_id is None or self._window.opened is None:
            return ""
        try:
            detail = self._window.opened.cases.get_case(draft.case_id, audit_opening=False)
        except AsdError:
            return ""
        return f"{detail.file_number} ({detail.family_name})"

    def _reopen_draft(self, draft: DialogDraft) -> bool:
        """Run the command that opens the draft's dialog again; the dialog fills itself."""
        name = base_name(draft.name)
        target = draft.fields.get(TARGET_FIELD)
        target = target if isinstance(target, str) else None
        if name == "exploration":
            self._window.record_exploration()
            return True
        if name == "catalog_entry":
            self._window.open_sozialraum()
            catalogue = self._window.sozialraum_window
            if catalogue is None:
                return False
            if target is None:
                catalogue.new_entry()
            elif select_row(catalogue.catalog_table, target, by="name"):
                catalogue.edit_entry()
            else:
                return False
            return True
        if name == "case" and target is None:
            self._window.new_case()
            return True
        if draft.case_id is None:
            return False
        self._window.select_case(draft.case_id)
        view = self._window.case_view
        if view is None or not self._window._open_case(draft.case_id):
            return False
        tab = view.mandates_tab
        if name == "contact" and target is None:
            view.record_contact()
        elif name == "contact" and select_row(view.contacts_table, target):
            view.correct_contact()
        elif name == "person" and target is None:
            view.add_person()
        elif name == "person" and select_row(view.persons_table, target):
            view.edit_person()
        elif name == "area":
            view.change_area()
        elif name == "case":
            view.edit_case()
        elif name == "assessment":
            view.assess_risk()
        elif name == "step" and view.steps_panel is not None:
            view.set_current_tab(view.tabs.indexOf(view.contacts))
            view.steps_panel.add_step()
        elif name in ("mandate", "requirement") and tab is not None:
            view.open_mandates()
            if target is None:
                (tab.give_auflage if name == "requirement" else tab.give_auftrag)()
            elif select_row(tab.table, target):
                tab.edit_mandate()
            else:
                return False
        elif name in ("hilfe", "hilfeplan") and view.hilfen_tab is not None:
            return self._reopen_hilfen(view.hilfen_tab, name, target)
        else:
            return False
        return True

    def _reopen_hilfen(self, tab: HilfenTab, name: str, target: str | None) -> bool:
        view = self._window.case_view
        if view is not None:
            view.open_hilfen()
        table = tab.hilfen_table if name == "hilfe" else tab.meetings_table
        if target is not None and not select_row(table, target):
            return False
        if name == "hilfe":
            (tab.add_hilfe if target is None else tab.edit_hilfe)()
        else:
            (tab.new_meeting if target is None else tab.edit_meeting)()
        return True

    def _reopen_wizard(self, wizard: WizardToReopen) -> None:
        """Open a guided process closed by the lock again; it resumes from its own draft."""
        if wizard.case_id is None:
            return
        self._window.select_case(wizard.case_id)
        view = self._window.case_view
        if view is None or not self._window._open_case(wizard.case_id):
            return
        if wizard.kind == "GoalWizard":
            view.start_goal_work()
        elif wizard.kind == "ConsultationWizard":
            self._window._consult(view)
        elif view.familienrat_tab is not None:
            view.open_familienrat()
            view.familienrat_tab.continue_phase()


def select_row(table: QTableView, record_id: str | None, by: str = "id") -> bool:
    """Select the row whose ``by`` is ``record_id`` in a table of records; False if not listed."""
    model = table.model()
    rows = getattr(model, "rows", None)
    if record_id is None or not callable(rows):
        return False
    for row, value in enumerate(rows()):
        if getattr(value, by, None) == record_id:
            table.selectionModel().setCurrentIndex(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return True
    return False
