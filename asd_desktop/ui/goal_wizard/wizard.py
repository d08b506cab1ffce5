"""The Zielerarbeitung wizard: seven pages, a draft saved at every step, resumable."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard
from typing_extensions import override

from asd_desktop.domain.goal_process import GOAL_PROCESS
from asd_desktop.domain.guided import AUTOSAVE_MS as AUTOSAVE_MS
from asd_desktop.language import start_loading
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.cases import CaseDetail
from asd_desktop.services.goals import (
    PAGE_CONCERN,
    PAGE_SUMMARY,
    PAGE_TITLES,
    AgreementView,
    GoalDraft,
    GoalService,
)
from asd_desktop.services.network import NetworkService
from asd_desktop.ui.dialogs.catalog_pick_dialog import CatalogSearch
from asd_desktop.ui.goal_wizard.base import GoalPage, PageContext
from asd_desktop.ui.goal_wizard.concern_page import ConcernPage
from asd_desktop.ui.goal_wizard.direction_page import DirectionPage
from asd_desktop.ui.goal_wizard.goals_page import GoalsPage
from asd_desktop.ui.goal_wizard.resources_page import ResourcesPage
from asd_desktop.ui.goal_wizard.steps_page import StepsPage
from asd_desktop.ui.goal_wizard.summary_page import SummaryPage
from asd_desktop.ui.goal_wizard.will_page import WillPage
from asd_desktop.ui.guided_wizard import GuidedWizard

FINISH_AND_PRINT = "&Speichern und Zielvereinbarung drucken"
FINISH_ONLY = "&Speichern"


def draft_from_wizard(base: GoalDraft, pages: Iterable[GoalPage], page: int) -> GoalDraft:
    """The draft as entered: ``base`` with every page's part applied, standing at ``page``."""
    draft = base
    for each in pages:
        draft = each.apply(draft)
    return dataclasses.replace(draft, page=max(PAGE_CONCERN, min(page, PAGE_SUMMARY)))


class GoalWizard(GuidedWizard):
    """The Zielerarbeitung for one case, page by page, resumable.

    Pages: Anliegen, Wille, Richtungsziel, Handlungsziele, Ressourcen, Ideen und
    erste Schritte, Zusammenfassung.

    The draft is stored at every page change, after a short pause in typing, and
    when the wizard is left unfinished ("Später fortsetzen", Esc, locking). Given a
    saved draft, the wizard restores every field and opens at the saved page.

    Signals:
        draft_saved(int): the draft was stored; the page it was stored at.
        agreement_saved(object): the finished :class:`AgreementView`.
    """

    draft_saved = Signal(int)
    agreement_saved = Signal(object)

    def __init__(
        self,
        goals: GoalService,
        case: CaseDetail,
        draft: GoalDraft | None = None,
        *,
        print_agreement: Callable[[QWidget, AgreementView], None] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        autosave_ms: int = AUTOSAVE_MS,
        catalog: CatalogSearch | None = None,
        network: NetworkService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            autosave_ms=autosave_ms,
            later_tooltip="Der Entwurf bleibt gespeichert und kann später fortgesetzt werden.",
        )
        # The goal checker's German model loads off the GUI thread while the first pages are
        # filled; until it is there, the checker comments with its word lists alone.
        start_loading()
        self._goals = goals
        self.case = case
        self._print_agreement = print_agreement
        self._finished = False
        self._save_failed = False
        self.agreement: AgreementView | None = None
        self._base = draft if draft is not None else self._new_draft(goals, case)
        self.context = PageContext(
            case=case,
            draft_now=self.draft,
            today=today,
            catalog=catalog,
            map_people=(lambda: network.map_people(case.id)) if network else None,
            resource_for_entry=network.resource_for_entry if network else None,
            propose_review=goals.propose_review_date,
        )

        self.setButtonText(
            QWizard.WizardButton.FinishButton,
            FINISH_AND_PRINT if print_agreement is not None else FINISH_ONLY,
        )
        self.button(QWizard.WizardButton.FinishButton).setAccessibleName("Speichern")
        self.setAccessibleName("Zielerarbeitung")
        self.resize(1000, 740)

        self.concern_page = ConcernPage(self.context)
        self.will_page = WillPage(self.context)
        self.direction_page = DirectionPage(self.context)
        self.goals_page = GoalsPage(self.context)
        self.resources_page = ResourcesPage(self.context)
        self.steps_page = StepsPage(self.context)
        self.summary_page = SummaryPage(self.context)
        self.pages: tuple[GoalPage, ...] = (
            self.concern_page,
            self.will_page,
            self.direction_page,
            self.goals_page,
            self.resources_page,
            self.steps_page,
            self.summary_page,
        )
        for page in self.pages:
            self.setPage(page.page_id, page)
            page.load(self._base)
        self.goals_page.goal_removed.connect(self.resources_page.remove_goal_index)

        for page in self.pages:
            self.watch_page(page)

        self._restore_position(self._base.page)
        self._update_title(self.currentId())
        self.focus_page()

    # --- the draft ---------------------------------------------------------------------

    @staticmethod
    def _new_draft(goals: GoalService, case: CaseDetail) -> GoalDraft:
        # A fresh draft proposes its review on a working day of the office's federal state.
        draft = goals.new_draft(case.id, case.caseworker)
        if draft.agreed_on is None:
            return draft
        return dataclasses.replace(draft, review_on=goals.propose_review_date(draft.agreed_on).day)

    def draft(self) -> GoalDraft:
        """Everything entered so far, standing at the current page."""
        return draft_from_wizard(self._base, self.pages, max(self.currentId(), PAGE_CONCERN))

    def save_draft(self) -> bool:
        """Store the draft now; False (after telling the caseworker once) when that failed."""
        return self.save_draft_now()

    @override
    def store_draft(self) -> bool:
        """Store the draft as the case's encrypted Zielerarbeitung draft."""
        if self._finished:
            return False
        draft = self.draft()
        try:
            self._goals.save_draft(self.case.id, draft)
        except AsdError as exc:
            if not self._save_failed:
                self._save_failed = True
                QMessageBox.warning(
                    self,
                    "Entwurf nicht gespeichert",
                    f"Der Entwurf der Zielerarbeitung wurde nicht gespeichert.\n\n{exc.message}",
                )
            return False
        self._save_failed = False
        self.draft_saved.emit(draft.page)
        return True

    def _restore_position(self, page: int) -> None:
        """Open where the draft was left (never past a page that lost its input)."""
        self.context.quiet = True
        try:
            self.resume_at(GOAL_PROCESS.resume_page(self._base, page))
        finally:
            self.context.quiet = False

    @override
    def page_shown(self, page_id: int) -> None:
        self._update_title(page_id)

    def _update_title(self, page_id: int) -> None:
        step = ""
        if 0 <= page_id < len(PAGE_TITLES):
            step = f" – Schritt {page_id + 1} von {len(PAGE_TITLES)}: {PAGE_TITLES[page_id]}"
        self.setWindowTitle(f"Zielerarbeitung – Familie {self.case.family_name}{step}")

    # --- finishing and leaving ---------------------------------------------------------

    @override
    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        if self.currentId() == PAGE_SUMMARY and not self.context.quiet:
            return self._finish()
        return True

    def _finish(self) -> bool:
        """Store the Zielvereinbarung; then print it if a printer was given."""
        if self._finished:
            return True
        self._autosave.stop()
        missing = GOAL_PROCESS.missing(self.draft())
        if missing:
            self.show_missing(
                "Die Zielvereinbarung kann noch nicht gespeichert werden:",
                missing,
                {page.id: page.title for page in GOAL_PROCESS.pages},
            )
            return False
        try:
            agreement = self._goals.finish(self.case.id, self.draft())
        except ValidationError as exc:
            QMessageBox.warning(
                self,
                "Nicht gespeichert",
                "Die Zielvereinbarung wurde nicht gespeichert:\n\n"
                + "\n".join(exc.problems.values()),
            )
            return False
        except AsdError as exc:
            QMessageBox.warning(
                self,
                "Nicht gespeichert",
                f"Die Zielvereinbarung wurde nicht gespeichert.\n\n{exc.message}",
            )
            return False
        self._finished = True
        self.agreement = agreement
        self.agreement_saved.emit(agreement)
        if self._print_agreement is not None:
            self._print_agreement(self, agreement)
        return True

    def is_finished(self) -> bool:
        """True once the Zielvereinbarung was stored."""
        return self._finished

    @override
    def reject(self) -> None:
        # Leaving unfinished keeps the draft (store_draft does nothing once finished).
        super().reject()
