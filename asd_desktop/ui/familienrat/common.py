"""What the Familienrat phase wizards share: pages that store themselves, and finishing a phase.

There is no separate draft for a Familienrat: every page writes its fields through
:class:`~asd_desktop.services.familienrat.FamilienratService` when the user leaves
it ("Weiter", "Zurück", "Später fortsetzen") and after :data:`AUTOSAVE_MS` of idle
time after the last edit, so killing the program loses at most the field being typed.
A phase wizard always opens on the council's stored values.

The API for a phase wizard (Vorbereitung, Information, Familienphase, Entscheidung,
Folge-Rat)::

    class MyPage(PhasePage):
        def __init__(self) -> None:
            super().__init__("Titel der Seite", "Untertitel")
            self.edit = QLineEdit()
            self.edit.textEdited.connect(self.mark_edited)   # edits → autosave
            self.fields["what"] = self.edit                  # problem key → widget
            self.body.addWidget(self.edit)

        def load_page(self, view: CouncilView) -> None:     # show the stored values
            self.edit.setText(view.preparation.place)

        def store_page(self) -> None:                       # write through the service
            view = self.council()                           # the latest stored state
            self.service.save_preparation(
                self.council_id, dataclasses.replace(view.preparation, place=self.edit.text())
            )

        def page_problems(self) -> dict[str, str]:          # blocks "Weiter" (optional)
            return {}

    class MyWizard(PhaseWizard):
        phase = CouncilPhase.PREPARATION

        def __init__(self, service, council_id, parent=None) -> None:
            super().__init__(service, council_id, parent)
            self.my_page = self.add_phase_page(MyPage())

* ``PhaseWizard(service, council_id, parent=None, *, autosave_ms=AUTOSAVE_MS,
  today=dt.date.today)`` — the constructor every phase wizard keeps.
* :meth:`PhaseWizard.add_phase_page` registers a page, loads it from the stored council,
  wires its edits to the autosave; the first page added shows the phase's
  ``PHASE_GUIDANCE`` at its top.
* :meth:`PhaseWizard.council` is the latest stored :class:`CouncilView`;
  :meth:`PhaseWizard.store_page` stores every page with unsaved edits (a page's
  ``store_page`` stores what is valid and skips e.g. a row without its mandatory
  input; :meth:`PhasePage.page_problems` names that and blocks "Weiter");
  :meth:`PhaseWizard.advance` stores and then moves the council to the next
  phase — called by "Phase abschließen" (Finish). Its problems
  (``phase_problems``) are shown in red on the current page, each with the page
  where it can be fixed, and the wizard stays open.
* Signals: ``stored()`` after every successful store, ``advanced(object)`` with the
  new :class:`CouncilView` after the phase was completed.
* Opened on a council that is already past :attr:`PhaseWizard.phase`, Finish only
  stores ("Speichern und schließen").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QWidget,
    QWizard,
)
from typing_extensions import override

from asd_desktop.domain.enums import CouncilPhase
from asd_desktop.domain.familienrat import PhaseProcess, completes_phase
from asd_desktop.domain.guided import AUTOSAVE_MS as AUTOSAVE_MS
from asd_desktop.domain.guided import FINISHED, Problem
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.familienrat import (
    PHASE_GUIDANCE,
    CouncilView,
    FamilienratService,
)
from asd_desktop.ui.guided_wizard import GuidedPage, GuidedWizard
from asd_desktop.ui.widgets import (
    DATETIME_FORMAT,
    from_qdatetime,
    to_qdatetime,
)

FINISH_PHASE = "Phase &abschließen"
FINISH_STORE = "&Speichern und schließen"

_Page = TypeVar("_Page", bound="PhasePage")
_Value = TypeVar("_Value")
_Enum = TypeVar("_Enum", bound=StrEnum)


def enum_combo(accessible_name: str, members: Iterable[_Enum], none_text: str = "") -> QComboBox:
    """A combo box of German labels; with ``none_text`` a first entry for "none".

    The items carry the members' stored values (Qt turns enum members into plain
    strings anyway); read them back with :func:`combo_value`.
    """
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    if none_text:
        combo.addItem(none_text, "")
    for member in members:
        combo.addItem(member.label, member.value)  # type: ignore[attr-defined]
    return combo


def combo_value(combo: QComboBox, enum_type: type[_Enum]) -> _Enum | None:
    """The member chosen in an :func:`enum_combo` (None for the "none" entry)."""
    data = combo.currentData()
    try:
        return enum_type(data) if data else None
    except ValueError:
        return None


def select_value(combo: QComboBox, member: StrEnum | None) -> None:
    """Choose ``member`` in an :func:`enum_combo` (None: the first entry)."""
    combo.setCurrentIndex(max(combo.findData(member.value if member else ""), 0))


@dataclass
class RowEntry(Generic[_Value]):
    """A row of a list page (participant, proposal…): what is entered and what is stored.

    Attributes:
        value: the row as entered (a frozen input dataclass).
        id: the stored row's id; empty until it was stored once.
        stored: the value last stored (None: never stored).
    """

    value: _Value
    id: str = ""
    stored: _Value | None = None

    @property
    def unsaved(self) -> bool:
        """True when the entered value differs from the stored one."""
        return self.stored is None or self.value != self.stored


def store_rows(
    rows: list[RowEntry[_Value]],
    problems: Callable[[_Value], dict[str, str]],
    add: Callable[[_Value], str],
    update: Callable[[str, _Value], None],
) -> None:
    """Store every changed row that has no ``problems``: new ones through ``add`` (→ id)."""
    for entry in rows:
        if not entry.unsaved or problems(entry.value):
            continue
        value = entry.value
        if entry.id:
            update(entry.id, value)
        else:
            entry.id = add(value)
        entry.stored = value


def council_title(view: CouncilView) -> str:
    """The name of the council in the UI: Familienrat or Folge-Rat."""
    return "Folge-Rat" if view.origin_id else "Familienrat"


def guidance_box(phase: CouncilPhase) -> QLabel:
    """What the method asks of ``phase``, in a framed box (two or three sentences)."""
    label = QLabel(PHASE_GUIDANCE[phase])
    label.setWordWrap(True)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setStyleSheet(
        "QLabel { background-color: #eef4fb; color: #1a1a1a; border: 1px solid #9db7d5;"
        " border-radius: 4px; padding: 6px; }"
    )
    label.setAccessibleName(f"Hinweis zur Phase {phase.label}")
    label.setAccessibleDescription(PHASE_GUIDANCE[phase])
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def default_time(today: dt.date, hour: int = 10) -> dt.datetime:
    """``today`` at ``hour`` o'clock: the starting value of an empty date-and-time field."""
    return dt.datetime.combine(today, dt.time(hour, 0))


class OptionalDateTimeEdit(QWidget):
    """Date and time that may be left empty: a checkbox switches the field on.

    The label's mnemonic lands on the box, Tab moves on to date and time.

    Signals:
        changed(): the user switched the box or changed the date or time.
    """

    changed = Signal()

    def __init__(
        self,
        check_text: str,
        accessible_name: str,
        default: Callable[[], dt.datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._default = default
        self.checkbox = QCheckBox(check_text)
        self.checkbox.setAccessibleName(f"{accessible_name} angeben")
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATETIME_FORMAT)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setDateTime(to_qdatetime(default()))
        self.edit.setEnabled(False)
        self.checkbox.toggled.connect(self._on_toggled)
        self.edit.dateTimeChanged.connect(self._on_edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.checkbox)
        self.setAccessibleName(accessible_name)
        self._loading = False

    def _on_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        if checked and not self._loading:
            # A fresh default when switched on (the default may depend on other fields).
            self._loading = True
            self.edit.setDateTime(to_qdatetime(self._default()))
            self._loading = False
        if not self._loading:
            self.changed.emit()

    def _on_edit(self) -> None:
        if not self._loading:
            self.changed.emit()

    def value(self) -> dt.datetime | None:
        """The chosen date and time, or None while the box is unchecked."""
        if not self.checkbox.isChecked():
            return None
        return from_qdatetime(self.edit.dateTime())

    def set_value(self, value: dt.datetime | None) -> None:
        """Show ``value``; None empties the field (nothing is announced)."""
        self._loading = True
        try:
            self.checkbox.setChecked(value is not None)
            self.edit.setDateTime(to_qdatetime(value or self._default()))
        finally:
            self._loading = False


class PhasePage(GuidedPage):
    """A page of a phase wizard: shows the stored values and stores its own fields.

    Subclasses put their widgets into :attr:`body`, connect every edit to
    :meth:`mark_edited`, register problem keys in :attr:`fields` and implement
    :meth:`load_page` and :meth:`store_page` (and :meth:`page_problems` when the page
    has inputs of its own that must be right before "Weiter").

    Signals:
        edited(): the user changed something on the page.
    """

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, subtitle, parent)
        #: True while edits are not stored yet.
        self.dirty = False
        self.guidance: QLabel | None = None
        self._wizard: PhaseWizard | None = None

    # --- what subclasses implement -----------------------------------------------------

    def load_page(self, view: CouncilView) -> None:
        """Show what ``view`` holds for this page."""
        raise NotImplementedError

    def store_page(self) -> None:
        """Write this page's fields through the service (may raise :class:`AsdError`)."""
        raise NotImplementedError

    def page_problems(self) -> dict[str, str]:
        """Why "Weiter" is refused on this page (German, by field); empty when fine."""
        return {}

    # --- what pages use ----------------------------------------------------------------

    @property
    def phase_wizard(self) -> PhaseWizard:
        """The wizard this page was added to."""
        if self._wizard is None:
            raise RuntimeError("page not added to a PhaseWizard")
        return self._wizard

    @property
    def service(self) -> FamilienratService:
        """The Familienrat service."""
        return self.phase_wizard.service

    @property
    def council_id(self) -> str:
        """The council this page works on."""
        return self.phase_wizard.council_id

    def council(self) -> CouncilView:
        """The latest stored state of the council."""
        return self.phase_wizard.council()

    def today(self) -> dt.date:
        """Today (tests can pin it through the wizard)."""
        return self._wizard.today() if self._wizard is not None else dt.date.today()

    def mark_edited(self, *_: object) -> None:
        """Connect every edit here: the page is stored on leaving and after idle time."""
        if self._wizard is not None and self._wizard.loading:
            return
        self.dirty = True
        self.edited.emit()
        if self.problems_shown():
            self.show_problems(self.page_problems())

    def show_guidance(self, phase: CouncilPhase) -> None:
        """Put the phase's guidance at the top of this page."""
        if self.guidance is None:
            self.guidance = guidance_box(phase)
            self._outer.insertWidget(0, self.guidance)

    # --- Qt ----------------------------------------------------------------------------

    @override
    def validatePage(self) -> bool:
        problems = self.page_problems()
        self.show_problems(problems)
        if problems:
            self.focus_problem(problems)
            return False
        return True


class PhaseWizard(GuidedWizard):
    """Base of the phase wizards: loads the council, stores page by page, finishes a phase.

    Subclasses set :attr:`phase` and add their pages with :meth:`add_phase_page`.

    Signals:
        stored(): pages were stored.
        advanced(object): the phase was completed; the new :class:`CouncilView`.
    """

    stored = Signal()
    advanced = Signal(object)

    #: The phase this wizard completes.
    phase: ClassVar[CouncilPhase] = CouncilPhase.PREPARATION

    def __init__(
        self,
        service: FamilienratService,
        council_id: str,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(
            parent,
            autosave_ms=autosave_ms,
            later_tooltip=(
                "Alles Eingetragene ist gespeichert; die Phase kann später fortgesetzt werden."
            ),
        )
        self.process = PhaseProcess(self.phase)
        self.service = service
        self.council_id = council_id
        self.today = today
        #: True while pages are filled from the stored council (edits are not edits then).
        self.loading = False
        self.pages: list[PhasePage] = []
        self._view = service.get(council_id)
        self._save_failed = False
        self._advanced = False

        completes = completes_phase(self._view, self.phase)
        self.setButtonText(
            QWizard.WizardButton.FinishButton, FINISH_PHASE if completes else FINISH_STORE
        )
        self.button(QWizard.WizardButton.FinishButton).setAccessibleName(
            "Phase abschließen" if completes else "Speichern und schließen"
        )
        self.setWindowTitle(f"{council_title(self._view)} – {self.phase.label}")
        self.setAccessibleName(f"{council_title(self._view)}: {self.phase.label}")
        self.resize(960, 720)

    # --- pages -------------------------------------------------------------------------

    def add_phase_page(self, page: _Page) -> _Page:
        """Add ``page`` after the others, filled from the stored council; returns it."""
        page._wizard = self
        if not self.pages:
            page.show_guidance(self.phase)
        self.pages.append(page)
        self.addPage(page)
        self.loading = True
        try:
            page.load_page(self._view)
        finally:
            self.loading = False
        self.watch_page(page)
        if len(self.pages) == 1:
            QTimer.singleShot(0, self.focus_page)
        return page

    def council(self) -> CouncilView:
        """The latest stored state of the council."""
        return self._view

    def reload(self) -> CouncilView:
        """Read the council again from the service."""
        self._view = self.service.get(self.council_id)
        return self._view

    def completes_phase(self) -> bool:
        """True when Finish moves the council on (it stands in this wizard's phase)."""
        return completes_phase(self._view, self.phase) and not self._advanced

    # --- storing -----------------------------------------------------------------------

    def store_page(self) -> bool:
        """Store every page with unsaved edits; False (told once) when that failed."""
        return self.save_draft_now()

    @override
    def store_draft(self) -> bool:
        """Store every page with unsaved edits into the council's encrypted records."""
        dirty = [p for p in self.pages if p.dirty]
        if not dirty:
            return True
        try:
            for page in dirty:
                page.dirty = False
                try:
                    page.store_page()
                except Exception:
                    page.dirty = True
                    raise
                self.reload()
        except AsdError as exc:
            if not self._save_failed:
                self._save_failed = True
                QMessageBox.warning(
                    self,
                    "Nicht gespeichert",
                    f"Die Eingaben wurden nicht gespeichert.\n\n{exc.message}",
                )
            return False
        self._save_failed = False
        self.stored.emit()
        return True

    def advance(self) -> bool:
        """Store everything, then complete the phase; problems are shown on the page."""
        if not self.store_page():
            return False
        if not self.completes_phase():
            return True
        try:
            view = self.service.advance(self.council_id)
        except ValidationError as exc:
            self._show_phase_problems(exc.problems)
            return False
        except AsdError as exc:
            self._show_on_current({"error": exc.message})
            return False
        self._view = view
        self._advanced = True
        self.advanced.emit(view)
        return True

    def page_of(self, problem_key: str) -> PhasePage | None:
        """The page where ``problem_key`` can be fixed, if a page registered it."""
        return next((p for p in self.pages if problem_key in p.fields), None)

    def _show_phase_problems(self, problems: dict[str, str]) -> None:
        missing = [Problem(self._page_index(key), key, reason) for key, reason in problems.items()]
        self.show_missing(
            f"Die Phase „{self.phase.label}“ kann noch nicht abgeschlossen werden:",
            missing,
            {n: page.title() for n, page in enumerate(self.pages)},
        )

    def _page_index(self, key: str) -> int:
        # The phase's pages as the domain knows them, else a page that registered the key.
        index = self.process.page_of(key)
        page = self.page_of(key)
        if index == FINISHED and page is not None:
            index = self.pages.index(page)
        return index

    def _show_on_current(self, lines: dict[str, str]) -> None:
        page = self.currentPage()
        if isinstance(page, PhasePage):
            page.show_problems(lines)
            page._problems_shown = False  # these are not the page's own problems
            page.problems_label.setFocus()

    # --- Qt ----------------------------------------------------------------------------

    @override
    def validateCurrentPage(self) -> bool:
        # What is valid is stored even when the page refuses "Weiter".
        stored = self.store_page()
        if not super().validateCurrentPage():
            return False
        if self.nextId() == -1:
            return self.advance()
        return stored
