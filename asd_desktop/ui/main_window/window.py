"""The main window: lock screen or work page (case list beside the open case)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QStackedWidget,
    QWidget,
)
from typing_extensions import override

from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.drafts import DraftService
from asd_desktop.services.settings import (
    load_settings,
    save_settings,
)
from asd_desktop.services.vault import OpenVault
from asd_desktop.ui.case_view import CaseView
from asd_desktop.ui.conflict_inbox import ConflictInbox
from asd_desktop.ui.consultation_wizard import ConsultationWizard
from asd_desktop.ui.dialogs.case_dialog import CaseDialog
from asd_desktop.ui.dialogs.drafts import (
    DraftKeeper,
)
from asd_desktop.ui.dialogs.office_dialog import OfficeDialog
from asd_desktop.ui.familienrat.upcoming_reviews import UpcomingReviewsPanel
from asd_desktop.ui.help import KEYS_HELP_ID, install_help, show_about
from asd_desktop.ui.hilfen_tab import KindsDialog
from asd_desktop.ui.idle_lock import IdleLock
from asd_desktop.ui.lock_screen import ChangePassphraseDialog, LockScreen
from asd_desktop.ui.main_window.case_list import CaseListWindow
from asd_desktop.ui.main_window.draft_restore import DraftRestorer
from asd_desktop.ui.main_window.due_dates import DueDates
from asd_desktop.ui.main_window.settings_dialog import SettingsDialog
from asd_desktop.ui.main_window.workplace import Workplace
from asd_desktop.ui.mandates_tab import OverdueDialog
from asd_desktop.ui.needs_list_dialog import NeedsListDialog
from asd_desktop.ui.operations import BusyScope
from asd_desktop.ui.privacy import actions as privacy_actions
from asd_desktop.ui.sozialraum_window import SozialraumWindow, record_exploration
from asd_desktop.ui.sync_window import SyncWindow
from asd_desktop.ui.verify_dialog import VerifyDialog
from asd_desktop.ui.wirkung_window import WirkungWindow

WINDOW_TITLE = "asd-desktop – Fallakte"


@dataclass(frozen=True)
class _Resume:
    """Where the caseworker was when the window locked."""

    case_id: str | None
    tab: int
    search: str
    selected_id: str | None


class MainWindow(CaseListWindow):
    """The application window: locked, or the case list beside the open case.

    Args:
        data_dir: the data folder (the caller holds its DataDirLock).
        now: the wall clock for the idle lock; tests pass a clock they can move.
    """

    def __init__(
        self,
        data_dir: Path,
        now: Callable[[], float] = time.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = load_settings(data_dir)
        self.opened: OpenVault | None = None
        self.case_view: CaseView | None = None
        self.reviews_panel: UpcomingReviewsPanel | None = None
        self.sozialraum_window: SozialraumWindow | None = None
        self.sync_window: SyncWindow | None = None
        self._resume: _Resume | None = None
        self.setWindowTitle(WINDOW_TITLE)
        self.setAccessibleName("asd-desktop Hauptfenster")
        self.resize(1366, 768)

        self.lock_screen = LockScreen(data_dir)
        self.work_page = self._build_work_page()
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Inhalt")
        self.stack.addWidget(self.lock_screen)
        self.stack.addWidget(self.work_page)
        self.setCentralWidget(self.stack)

        self.count_label = QLabel()
        self.count_label.setAccessibleName("Anzahl der Fälle in der Liste")
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().setAccessibleName("Statusleiste")
        #: "Termine und Fristen" (Ctrl+T) and the status line of what is due.
        self.due = DueDates(self)

        self.idle_lock = IdleLock(self.settings.idle_lock_minutes, self, now=now)
        # Dialogs find it through their parents; it stores their typing as drafts.
        self.draft_keeper = DraftKeeper(self)
        self.idle_lock.lock_requested.connect(self._on_lock_requested)
        self._build_menus()
        #: Names the office server (or the local file) and fits a moderator's laptop.
        self.workplace = Workplace(self, WINDOW_TITLE)
        self.statusBar().insertPermanentWidget(0, self.workplace.label)
        self.lock_screen.vault_opened.connect(self._on_vault_opened)
        self._show_lock_screen()

    # --- menus and actions ------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        # Drop the "checked" argument so slots with optional parameters get their defaults.
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        std = QKeySequence.StandardKey
        self.new_case_action = self._action("&Neuer Fall …", self.new_case, "Ctrl+N")
        self.lock_action = self._action("&Sperren", self.lock, "Ctrl+L")
        self.draft_keeper.lock_action = self.lock_action
        self.passphrase_action = self._action("&Passphrase ändern …", self.change_passphrase)
        self.settings_action = self._action("&Einstellungen …", self.edit_settings)
        self.office_action = self._action("&Dienststelle …", self.edit_office)
        self.verify_action = self._action("Dokument &prüfen …", self.verify_document)
        self.help_kinds_action = self._action("Arten der &Hilfe …", self.edit_help_kinds)
        self.sync_action = self._action("S&ynchronisation …", self.open_sync, "Ctrl+Shift+Y")
        self.conflicts_action = self._action("&Konfliktposteingang …", self.open_conflicts)
        self.quit_action = self._action("&Beenden", self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu = self.menuBar().addMenu("&Datei")
        file_menu.addAction(self.new_case_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.sync_action)
        file_menu.addAction(self.conflicts_action)
        self.deletion_list_action = self._action(
            "Zur &Löschung fällig …", lambda: privacy_actions.open_deletion_list(self)
        )
        file_menu.addAction(self.deletion_list_action)
        file_menu.addSeparator()
        file_menu.addAction(self.passphrase_action)
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.office_action)
        file_menu.addAction(self.help_kinds_action)
        file_menu.addAction(self.verify_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.record_contact_action = self._action(
            "&Kontakt erfassen …", lambda: self._act_on_case(CaseView.record_contact), "Ctrl+K"
        )
        self.add_person_action = self._action(
            "&Person hinzufügen …", lambda: self._act_on_case(CaseView.add_person), "Ctrl+P"
        )
        self.change_area_action = self._action(
            "Fall&einordnung ändern …", lambda: self._act_on_case(CaseView.change_area)
        )
        self.edit_case_action = self._action(
            "Fall &bearbeiten …", lambda: self._act_on_case(CaseView.edit_case)
        )
        self.close_case_action = self._action(
            "Fall &abschließen …", lambda: self._act_on_case(CaseView.close_case)
        )
        self.goal_work_action = self._action(
            "&Zielerarbeitung …", lambda: self._act_on_case(CaseView.start_goal_work), "Ctrl+G"
        )
        self.familienrat_action = self._action(
            "Familien&rat …", lambda: self._act_on_case(CaseView.open_familienrat), "Ctrl+R"
        )
        self.consultation_action = self._action(
            "K&ollegiale Beratung …", lambda: self._act_on_case(self._consult), "Ctrl+B"
        )
        self.exploration_action = self._action(
            "&Sozialraum-Erkundung …", self.record_exploration, "Ctrl+E"
        )
        self.hilfen_action = self._action(
            "&Hilfen und Hilfeplan …", lambda: self._act_on_case(CaseView.open_hilfen), "Ctrl+H"
        )
        case_menu = self.menuBar().addMenu("&Fall")
        for action in (
            self.goal_work_action,
            self.familienrat_action,
            self.consultation_action,
            self.record_contact_action,
            self.add_person_action,
            self.change_area_action,
            self.edit_case_action,
            self.close_case_action,
        ):
            case_menu.addAction(action)
        case_menu.insertAction(self.record_contact_action, self.hilfen_action)
        case_menu.addAction(self.exploration_action)
        self.assessment_action = self._action(
            "&Gefährdungseinschätzung …", lambda: self._act_on_case(CaseView.assess_risk)
        )
        case_menu.addAction(self.assessment_action)
        self.access_action = self._action(
            "A&uskunft nach Art. 15 …",
            lambda: self._act_on_case(lambda v: privacy_actions.open_access_request(self, v)),
        )
        case_menu.addAction(self.access_action)

        self.focus_search_action = self._action("&Suche", self.focus_search, std.Find)
        self.focus_list_action = self._action("&Fallliste", self.focus_list, "Ctrl+1")
        view_menu = self.menuBar().addMenu("&Ansicht")
        view_menu.addAction(self.focus_search_action)
        view_menu.addAction(self.focus_list_action)
        self.sozialraum_action = self._action(
            "Sozialraum-&Katalog", self.open_sozialraum, "Ctrl+Shift+S"
        )
        view_menu.addAction(self.sozialraum_action)
        self.needs_list_action = self._action("&Bedarfsliste Sozialraum", self.show_needs_list)
        view_menu.addAction(self.needs_list_action)
        self.overdue_action = self._action("Überfällige F&risten", self.show_overdue)
        view_menu.addAction(self.overdue_action)
        self.deadlines_action = self._action(
            "&Termine und Fristen …", self.due.open_window, "Ctrl+T"
        )
        view_menu.addAction(self.deadlines_action)

        self.wirkung_action = self._action("&Wirkungsbericht …", self.open_wirkung, "Ctrl+Shift+W")
        report_menu = self.menuBar().addMenu("A&uswertung")
        report_menu.addAction(self.wirkung_action)

        # The shortcut only names F1 in the menu: the application-wide filter answers it.
        self.help_action = self._action(
            "&Hilfe zu dieser Ansicht\tF1", lambda: install_help().help_for_focus()
        )
        self.keys_action = self._action(
            "&Tastenkürzel", lambda: install_help().show_help(KEYS_HELP_ID, self)
        )
        self.about_action = self._action("Ü&ber asd-desktop", lambda: show_about(self))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu = self.menuBar().addMenu("&Hilfe")
        for action in (self.help_action, self.keys_action, self.about_action):
            help_menu.addAction(action)

        self._unlocked_actions = (
            self.new_case_action,
            self.deletion_list_action,
            self.access_action,
            self.lock_action,
            self.passphrase_action,
            self.sync_action,
            self.conflicts_action,
            self.goal_work_action,
            self.familienrat_action,
            self.consultation_action,
            self.record_contact_action,
            self.add_person_action,
            self.change_area_action,
            self.edit_case_action,
            self.close_case_action,
            self.exploration_action,
            self.sozialraum_action,
            self.focus_search_action,
            self.focus_list_action,
            self.needs_list_action,
            self.assessment_action,
            self.overdue_action,
            self.deadlines_action,
            self.wirkung_action,
            self.hilfen_action,
            self.help_kinds_action,
            self.verify_action,
        )
        # Slow work (ui/operations) holds these; afterwards they follow the lock again.
        self.busy = BusyScope(self, self._unlocked_actions, restore=self._follow_lock)

    # --- locking and unlocking --------------------------------------------------------

    def is_locked(self) -> bool:
        """True while no case file is open."""
        return self.opened is None

    def _follow_lock(self) -> None:
        for action in self._unlocked_actions:
            action.setEnabled(not self.is_locked() and action not in self.workplace.withheld)

    def _show_lock_screen(self, reason: str = "") -> None:
        for action in self._unlocked_actions:
            action.setEnabled(False)
        self.count_label.clear()
        self.workplace.clear()
        self.statusBar().clearMessage()
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.prepare(reason)

    @Slot(object)
    def _on_vault_opened(self, opened: OpenVault) -> None:
        just_created = self.lock_screen.currentWidget() is self.lock_screen.first_start
        self.opened = opened
        view = CaseView(
            opened.cases,
            goals=opened.goals,
            documents=opened.documents,
            familienrat=opened.familienrat,
            instruments=opened.instruments,
            sozialraum=opened.sozialraum,
            steps=opened.steps,
            deadlines=opened.deadlines,
            hilfen=opened.hilfen,
            network=opened.network,
        )
        self.case_view = view
        if view.steps_panel is not None:
            view.steps_panel.done_by = self.due.done_by
        view.conflict_gate = lambda table, row_id: ConflictInbox.resolve_first(
            self, opened.sync, table, row_id
        )
        privacy_actions.wire_case_view(self, view)
        view.case_changed.connect(self._on_case_changed)
        view.case_changed.connect(self.due.refresh)
        view.conflicts_requested.connect(self.open_conflicts)
        view.saved.connect(self._on_saved)
        self._case_layout.addWidget(view)
        panel = UpcomingReviewsPanel(opened.familienrat)
        self.reviews_panel = panel
        panel.case_requested.connect(self.open_council_case)
        self._reviews_layout.addWidget(panel)
        panel.refresh()
        self.workplace.apply(opened, view)
        self._follow_lock()
        self.stack.setCurrentWidget(self.work_page)
        resume, self._resume = self._resume, None
        if resume is not None:
            self.search.blockSignals(True)
            self.search.setText(resume.search)
            self.search.blockSignals(False)
        self.refresh(select_id=(resume.selected_id or resume.case_id) if resume else None)
        self._fit_list_width()
        self.due.announce()
        if resume is not None and resume.case_id is not None and self._open_case(resume.case_id):
            view.set_current_tab(resume.tab)
        self.idle_lock.set_active(True)
        self.table.setFocus()
        self.draft_keeper.attach(
            DraftService(opened.database.session_factory),
            lambda: self.case_view.current_case_id() if self.case_view is not None else None,
        )
        # After this slot: reopening runs the dialogs modally.
        QTimer.singleShot(0, self._restore_drafts)
        if just_created and not self.settings.office_prompted:
            QTimer.singleShot(0, self._offer_office_setup)
        elif not self.settings.office.name.strip():
            self.statusBar().showMessage(
                "Der Briefkopf nennt noch keine Dienststelle: Datei → Dienststelle …", 10000
            )

    @Slot(str)
    def _on_saved(self, what: str) -> None:
        self.statusBar().showMessage(what, 8000)

    @Slot(str)
    def _on_lock_requested(self, reason: str) -> None:
        self.lock(reason)

    @Slot()
    def lock(self, reason: str = "") -> None:
        """Hide all case data, drop the key and show the unlock page."""
        if self.opened is None:
            return
        open_case = self.case_view.current_case_id() if self.case_view is not None else None
        self.draft_keeper.store_for_lock(open_case)
        self._close_popups_and_dialogs()
        self.draft_keeper.detach()
        # The catalogue window was closed with the others (it deletes itself on close).
        self.sozialraum_window = None
        self.sync_window = None
        self.due.clear()
        view = self.case_view
        self._resume = _Resume(
            case_id=view.current_case_id() if view else None,
            tab=view.current_tab() if view else 0,
            search=self.search.text(),
            selected_id=self.selected_case_id(),
        )
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.set_rows([])
        if view is not None:
            view.clear()
            self._case_layout.removeWidget(view)
            view.hide()
            view.setParent(None)
            view.deleteLater()
            self.case_view = None
        panel, self.reviews_panel = self.reviews_panel, None
        if panel is not None:
            panel.clear()
            self._reviews_layout.removeWidget(panel)
            panel.hide()
            panel.setParent(None)
            panel.deleteLater()
        opened, self.opened = self.opened, None
        opened.close()
        self.idle_lock.set_active(False)
        self._show_lock_screen(reason)

    def _close_popups_and_dialogs(self) -> None:
        """Close menus and modal dialogs so nothing of a case stays on screen.

        What was typed into an open dialog was stored as a draft just before.
        """
        for _ in range(20):
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for _ in range(20):
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self:
                break
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and widget.isWindow():
                widget.close()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle_lock.set_active(False)
        self.draft_keeper.detach()
        if self.opened is not None:
            if self.case_view is not None:
                self.case_view.clear()
            self.model.set_rows([])
            opened, self.opened = self.opened, None
            opened.close()
        super().closeEvent(event)

    @Slot()
    def _restore_drafts(self) -> None:
        """Reopen the dialogs closed by the lock; offer back drafts of an earlier session."""
        DraftRestorer(self).run()

    # --- commands ---------------------------------------------------------------------

    def _consult(self, view: CaseView) -> None:
        """Open the Kollegiale Beratung of the open case (resumed or new)."""
        case_id, opened = view.current_case_id(), self.opened
        if case_id is None or opened is None:
            return
        wizard = ConsultationWizard.open_for_case(
            self, opened.consultations, opened.documents, case_id
        )
        if self.case_view is view and view.current_case_id() == case_id:
            view.show_case(case_id, reload=True)
            if wizard is not None:
                # A HzE decided: lead straight to the prepared Hilfe and Hilfeplan.
                view.offer_hilfe_after(wizard.consultation_id)

    @Slot()
    def edit_help_kinds(self) -> None:
        """The office's kinds of help (add its own, change, stop offering)."""
        if self.opened is None:
            return
        dialog = KindsDialog(self.opened.hilfen, self)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def show_needs_list(self) -> None:
        """The team's Bedarfsliste Sozialraum."""
        if self.opened is not None:
            NeedsListDialog.show_list(self, self.opened.consultations)

    @Slot()
    def new_case(self) -> None:
        """Ask for a new case, store it, and open it."""
        if self.opened is None:
            return
        answer = CaseDialog.ask(self)
        if answer is None or self.opened is None:
            return
        value, area = answer
        if area is None:
            self._warn(
                "Neuer Fall", "Der Fall wurde nicht angelegt: bitte eine Falleinordnung wählen."
            )
            return
        try:
            row = self.opened.cases.create_case(value, area)
        except ValidationError as exc:
            self._warn(
                "Neuer Fall",
                "Der Fall wurde nicht angelegt.\n\n" + "\n".join(exc.problems.values()),
            )
            return
        except AsdError as exc:
            self._warn("Neuer Fall", exc.message)
            return
        self.refresh(select_id=row.id)
        if self.model.row_of(row.id) < 0:
            # The new case is hidden by the filters: show the open cases, unfiltered.
            for widget in (self.search, self.status_filter, self.area_filter):
                widget.blockSignals(True)
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            self.area_filter.setCurrentIndex(0)
            for widget in (self.search, self.status_filter, self.area_filter):
                widget.blockSignals(False)
            self.refresh(select_id=row.id)
        self._open_case(row.id)
        self.statusBar().showMessage(f"Der Fall {row.file_number} wurde angelegt.", 5000)
        self.table.setFocus()

    @Slot()
    def change_passphrase(self) -> None:
        """Ask for old and new passphrase and re-wrap the key."""
        if ChangePassphraseDialog.ask(self, self.data_dir):
            self.statusBar().showMessage("Die Passphrase wurde geändert.", 5000)

    @Slot()
    def edit_settings(self) -> None:
        """Let the caseworker change the idle minutes."""
        new = SettingsDialog.ask(self, self.settings)
        if new is None:
            return
        try:
            save_settings(self.data_dir, new)
        except (AsdError, OSError) as exc:
            message = exc.message if isinstance(exc, AsdError) else str(exc)
            self._warn("Einstellungen", f"Die Einstellungen wurden nicht gespeichert. {message}")
            return
        self.settings = new
        self.idle_lock.set_minutes(new.idle_lock_minutes)
        self.statusBar().showMessage("Die Einstellungen wurden gespeichert.", 5000)

    @Slot()
    def verify_document(self) -> None:
        """Datei → Dokument prüfen …: a PDF file or a typed Prüfcode (issue 18)."""
        if self.opened is not None:
            VerifyDialog(self.opened.documents, self).exec()

    def edit_office(self, *, first_start: bool = False) -> None:
        """Let the caseworker enter the office's letterhead (Datei → Dienststelle …)."""
        office = OfficeDialog.ask(self, self.settings.office, first_start=first_start)
        if office is None and not first_start:
            return
        new = replace(self.settings, office=office or self.settings.office, office_prompted=True)
        try:
            save_settings(self.data_dir, new)
        except (AsdError, OSError) as exc:
            message = exc.message if isinstance(exc, AsdError) else str(exc)
            self._warn("Dienststelle", f"Die Dienststelle wurde nicht gespeichert. {message}")
            return
        self.settings = new
        if office is not None:
            self.statusBar().showMessage("Die Dienststelle wurde gespeichert.", 5000)

    @Slot()
    def _offer_office_setup(self) -> None:
        """Once, after the case file was created: ask for the letterhead (skippable)."""
        if self.opened is not None and not self.settings.office.name.strip():
            self.edit_office(first_start=True)

    @Slot()
    def show_overdue(self) -> None:
        """List overdue (and soon due) dated items; the chosen case opens at its most urgent."""
        if self.opened is None:
            return
        case_id = OverdueDialog.ask(self, self.opened.instruments)
        if case_id is not None:
            self.due.open_case_at_most_urgent(case_id)

    def open_sozialraum(self) -> None:
        """Show the team's Sozialraum catalogue beside the case file (non-modal)."""
        if self.opened is None:
            return
        window = self.sozialraum_window
        if window is None:
            window = SozialraumWindow(self.opened.sozialraum, self)
            window.finished.connect(self._on_sozialraum_closed)
            self.sozialraum_window = window
        window.show()
        window.raise_()
        window.activateWindow()

    @Slot()
    def _on_sozialraum_closed(self) -> None:
        self.sozialraum_window = None

    def open_wirkung(self) -> WirkungWindow | None:
        """The Wirkungsbericht: a team's, Sozialraum's or district's helps against the rest."""
        if self.opened is None:
            return None
        from asd_desktop.services.wirkung import WirkungService

        window = WirkungWindow(
            WirkungService(self.opened.database.session_factory), self.data_dir, self
        )
        window.show()
        window.activateWindow()
        return window

    def open_sync(self) -> None:
        """Show the Synchronisation view: peers, bundles, devices, conflicts (non-modal)."""
        if self.opened is None:
            return
        window = self.sync_window
        if window is None:
            window = SyncWindow(self.opened.sync, self.opened.cases, self)
            window.finished.connect(self._on_sync_closed)
            window.data_changed.connect(self._on_synced)
            self.sync_window = window
        window.show()
        window.raise_()
        window.activateWindow()

    def open_conflicts(self) -> None:
        """The conflict inbox: concurrent versions side by side, to be decided."""
        if self.opened is None:
            return
        if ConflictInbox.ask(self, self.opened.sync):
            self._on_synced()
            if self.sync_window is not None:
                self.sync_window.reload()

    @Slot()
    def _on_sync_closed(self) -> None:
        self.sync_window = None

    @Slot()
    def _on_synced(self) -> None:
        """Records arrived or conflicts were resolved: show the case list and case anew."""
        self.refresh()
        view = self.case_view
        # Joining with an enrollment file can make this laptop a moderator's.
        if (
            self.opened is not None
            and self.workplace.apply(self.opened, view)
            and not self.busy.busy
        ):
            self._follow_lock()
        case_id = view.current_case_id() if view is not None else None
        if self.opened is None or view is None or case_id is None:
            return
        try:
            # A case taken back from this laptop is gone: close it without a warning.
            self.opened.cases.get_case(case_id, audit_opening=False)
        except AsdError:
            view.clear()
            return
        view.show_case(case_id, reload=True)

    @Slot()
    def record_exploration(self) -> None:
        """The Zehn-Minuten-Sozialraumerkundung, right after a visit."""
        if self.opened is None:
            return
        stored = record_exploration(self, self.opened.sozialraum)
        if stored is None:
            return
        if self.sozialraum_window is not None:
            self.sozialraum_window.reload()
        self.statusBar().showMessage("Die Sozialraum-Erkundung wurde gespeichert.", 5000)
