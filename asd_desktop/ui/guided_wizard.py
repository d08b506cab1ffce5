"""The one Qt shell of every guided process: a QWizard that saves itself and resumes.

The rules (pages, what each page needs, the next page, what is missing) live in
:mod:`asd_desktop.domain.guided`; this shell only shows them and stores what was
typed. Every guided process (Zielerarbeitung, the Familienrat phases, Kollegiale
Beratung) behaves the same way:

* one autosave timer: :attr:`~asd_desktop.domain.guided.AutosavePolicy.idle_ms`
  after the last edit (:meth:`GuidedWizard.schedule_autosave`), on every page
  change, and when the wizard is left unfinished ("Später fortsetzen", Esc);
* :meth:`GuidedWizard.save_draft_now` stores what was typed at once (the window
  calls it before it locks);
* Return in a field never presses "Weiter" or finishes; only a focused button reacts;
* going back keeps everything typed (:meth:`GuidedPage.cleanupPage`);
* :meth:`GuidedWizard.resume_at` opens at a page by walking there, so "Zurück"
  leads through the earlier pages;
* what is missing before closing is listed on the current page, each item with
  the page where it can be fixed (:meth:`GuidedWizard.show_missing`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget, QWizard, QWizardPage
from typing_extensions import override

from asd_desktop.domain.guided import AUTOSAVE_MS, Problem
from asd_desktop.ui.dialogs.drafts import DraftKeeper
from asd_desktop.ui.widgets import ProblemsLabel

BACK_TEXT = "< &Zurück"
NEXT_TEXT = "&Weiter >"
LATER_TEXT = "Später fortsetzen"


class GuidedPage(QWizardPage):
    """A page of a guided process: its fields, and its problems shown in red below them.

    Subclasses put their widgets into :attr:`body` and register every field that
    a problem can name in :attr:`fields` (problem key → widget that gets the focus).

    Signals:
        edited(): the user changed something on the page.
    """

    edited = Signal()

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        #: Problem key → widget that gets the focus when the problem is shown.
        self.fields: dict[str, QWidget] = {}
        self.body = QVBoxLayout()
        self.problems_label = ProblemsLabel()
        self.problems_label.setAccessibleName(f"Hinweise zur Seite {title}")
        self._problems_shown = False
        self._outer = QVBoxLayout(self)
        self._outer.addLayout(self.body, 1)
        self._outer.addWidget(self.problems_label)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show ``problems`` in red on the page (none: hide the label)."""
        self.problems_label.show_problems(problems)
        self._problems_shown = bool(problems)

    def problems_shown(self) -> bool:
        """True while the page's own problems are shown (they then follow the typing)."""
        return self._problems_shown

    def focus_problem(self, problems: dict[str, str]) -> None:
        """Put the cursor where the first of ``problems`` (key → message) can be fixed."""
        first = next((self.fields[k] for k in problems if k in self.fields), None)
        if first is not None and first.isEnabled():
            first.setFocus()

    def first_field(self) -> QWidget | None:
        """The field the cursor starts in when the page is shown."""
        return next(iter(self.fields.values()), None)

    def focus_first(self) -> None:
        """Put the cursor into the page's first field."""
        field = self.first_field()
        if field is not None and field.isEnabled():
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def problems_text(self) -> str:
        """The red reasons shown on the page; empty when none are shown."""
        return "" if self.problems_label.isHidden() else self.problems_label.text()

    @override
    def cleanupPage(self) -> None:
        """Keep everything typed when the user goes back (Qt would reset the fields)."""


class GuidedWizard(QWizard):
    """The QWizard every guided process uses: autosave, resume, Return, what is missing.

    Subclasses implement :meth:`store_draft` (store what was typed through their
    service; False when that failed) and may react to a new page in
    :meth:`page_shown`.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        later_text: str = LATER_TEXT,
        later_tooltip: str = "",
    ) -> None:
        super().__init__(parent)
        #: True while fields are filled from storage (those are not edits).
        self.loading = False
        #: True while the wizard walks to a saved page; nothing is asked then.
        self.quiet = False
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoDefaultButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, BACK_TEXT)
        self.setButtonText(QWizard.WizardButton.NextButton, NEXT_TEXT)
        self.setButtonText(QWizard.WizardButton.CancelButton, later_text)
        for which, name in (
            (QWizard.WizardButton.BackButton, "Zurück"),
            (QWizard.WizardButton.NextButton, "Weiter"),
            (QWizard.WizardButton.CancelButton, "Später fortsetzen"),
        ):
            self.button(which).setAccessibleName(name)
        if later_tooltip:
            self.button(QWizard.WizardButton.CancelButton).setToolTip(later_tooltip)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self.save_draft_now)
        self.currentIdChanged.connect(self._on_page_changed)

    # --- storing -----------------------------------------------------------------------

    def store_draft(self) -> bool:
        """Store what was typed through the process's service; False when that failed."""
        raise NotImplementedError

    def save_draft_now(self) -> bool:
        """Store what was typed now (autosave, page change, leaving, locking the window)."""
        self._autosave.stop()
        return self.store_draft()

    def schedule_autosave(self, *_: object) -> None:
        """Connect every edit here: what was typed is stored after a pause in typing."""
        if not self.loading:
            self._autosave.start()

    def autosave_pending(self) -> bool:
        """True while an edit waits for the autosave."""
        return self._autosave.isActive()

    def watch_page(self, page: GuidedPage) -> None:
        """Autosave after edits on ``page``."""
        page.edited.connect(self.schedule_autosave)

    # --- pages -------------------------------------------------------------------------

    def page_shown(self, page_id: int) -> None:
        """React to a new current page (after it was stored); for subclasses."""

    def resume_at(self, page_id: int) -> None:
        """Open at ``page_id`` by walking there; a page that refuses "Weiter" stops the walk."""
        self.quiet = True
        try:
            self.restart()
            while self.currentId() >= 0 and self.currentId() < page_id:
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            self.quiet = False

    def focus_page(self) -> None:
        """Put the cursor into the current page's first field."""
        page = self.currentPage()
        if isinstance(page, GuidedPage):
            page.focus_first()

    def show_missing(
        self, heading: str, problems: Iterable[Problem], titles: dict[int, str]
    ) -> None:
        """List what is missing on the current page, each with the page to fix it on."""
        lines: dict[str, str] = {"_head": heading}
        for problem in problems:
            title = titles.get(problem.page, "")
            where = f" (Seite „{title}“)" if title else ""
            lines[f"{problem.page}:{problem.key}"] = f"• {problem.message}{where}"
        page = self.currentPage()
        if isinstance(page, GuidedPage):
            page.show_problems(lines)
            page._problems_shown = False  # these are not the page's own problems
            page.problems_label.setFocus()

    def _on_page_changed(self, page_id: int) -> None:
        if page_id < 0:
            return
        # After Qt's own focus handling, which puts the cursor on "Weiter".
        QTimer.singleShot(0, self.focus_page)
        # Going back is not validated by Qt; store what the page left had.
        self.save_draft_now()
        self.page_shown(page_id)

    # --- Qt ----------------------------------------------------------------------------

    @override
    def showEvent(self, event: QShowEvent) -> None:
        # Ctrl+L locks from inside the wizard too (the window's shortcut stops at a modal).
        keeper = DraftKeeper.of(self)
        if keeper is not None and keeper.lock_action is not None:
            self.addAction(keeper.lock_action)
        super().showEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Return in a field (or on a checkbox) must never finish nor skip a page:
        # "Weiter" and "Speichern" are pressed on purpose (a mnemonic or the button).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QPushButton
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    @override
    def reject(self) -> None:
        # Leaving unfinished keeps what was typed: the process can be continued later.
        self.save_draft_now()
        super().reject()

    @override
    def done(self, result: int) -> None:
        self._autosave.stop()
        super().done(result)
