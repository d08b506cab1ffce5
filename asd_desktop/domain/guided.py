"""The one core of every guided process: pages, what each needs, the next page, resume.

A guided process (Zielerarbeitung, a Familienrat phase, Kollegiale Beratung) is a
:class:`GuidedProcess` over a state (the draft or the stored record): its pages,
what each page needs before "Weiter" (:meth:`GuidedProcess.page_problems`), which
page follows (:meth:`GuidedProcess.next_page`, a pure function of the state, so
branching is tested without a display), where an interrupted process resumes
(:meth:`GuidedProcess.resume_page`), how it saves itself (:class:`AutosavePolicy`)
and what is still missing before it can be closed (:meth:`GuidedProcess.missing`).

Problems are typed values (:class:`Problem`): the page, the field, the row of a
list when the field belongs to one, and the German message. The Qt shell
(``asd_desktop.ui.guided_wizard``) only shows them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Final, Generic, TypeVar

#: The page id after the last page: the process ends there (Qt's ``nextId`` of -1).
FINISHED: Final = -1

#: Idle time after the last edit before a guided process saves itself.
AUTOSAVE_MS: Final = 2000

_State = TypeVar("_State")


@dataclass(frozen=True)
class Page:
    """A page of a guided process.

    Attributes:
        id: the page's id, its position in the process (0 is the first page).
        title: the page's German title, as the caseworker sees it.
        fields: the fields entered on this page (a problem with one of them
            belongs to this page).
    """

    id: int
    title: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """Something a page or the whole process still needs.

    Attributes:
        page: the id of the page where it can be fixed (:data:`FINISHED`: none).
        field: what is missing or wrong; for an entry of a list ``"list.part"``
            (``"goal.indicator"``) or just ``"list"`` (``"resource"``).
        message: the German sentence shown to the caseworker.
        row: which entry of the list (0-based) when the field belongs to one.
    """

    page: int
    field: str
    message: str
    row: int | None = None

    @property
    def key(self) -> str:
        """A key unique within a page: ``field``, or ``goal2.indicator`` for row 1."""
        if self.row is None:
            return self.field
        name, _, part = self.field.partition(".")
        return f"{name}{self.row + 1}" + (f".{part}" if part else "")


def problems_by_key(problems: Iterable[Problem]) -> dict[str, str]:
    """``problems`` as key → message, in order (what a problems label shows)."""
    return {p.key: p.message for p in problems}


@dataclass(frozen=True)
class AutosavePolicy:
    """When a guided process stores what was typed (the same for every process).

    Attributes:
        idle_ms: idle time after the last edit before storing.
        on_page_change: store whenever the page changes, forwards or back.
        on_leave: store when the process is left unfinished ("Später fortsetzen",
            Esc, locking the window).
    """

    idle_ms: int = AUTOSAVE_MS
    on_page_change: bool = True
    on_leave: bool = True


class GuidedProcess(ABC, Generic[_State]):
    """The rules of one guided process over a state; no Qt, no storage.

    Subclasses set :attr:`pages` and implement :meth:`page_problems`; they
    override :meth:`next_page` to branch and :meth:`closing_problems` for what the
    process as a whole needs beyond its pages.
    """

    #: The process's name in the UI.
    name: str = ""
    #: The pages in their usual order.
    pages: tuple[Page, ...] = ()
    #: How the process saves itself.
    autosave: ClassVar[AutosavePolicy] = AutosavePolicy()

    # --- pages -----------------------------------------------------------------------

    def page(self, page_id: int) -> Page:
        """The page with ``page_id``."""
        for page in self.pages:
            if page.id == page_id:
                return page
        raise KeyError(page_id)

    def title(self, page_id: int) -> str:
        """The title of ``page_id``; empty for no page."""
        return next((p.title for p in self.pages if p.id == page_id), "")

    def first_page(self) -> int:
        """Where a new process starts."""
        return self.pages[0].id if self.pages else FINISHED

    def page_of(self, field: str) -> int:
        """The page that holds ``field`` (:data:`FINISHED` when none does)."""
        return next((p.id for p in self.pages if field in p.fields), FINISHED)

    # --- navigation ------------------------------------------------------------------

    def next_page(self, page_id: int, state: _State) -> int:
        """The page after ``page_id`` given ``state`` (:data:`FINISHED` after the last).

        The default runs straight through the pages; a process that branches
        overrides this.
        """
        ids = [p.id for p in self.pages]
        if page_id not in ids:
            return FINISHED
        index = ids.index(page_id)
        return ids[index + 1] if index + 1 < len(ids) else FINISHED

    def is_last(self, page_id: int, state: _State) -> bool:
        """True when finishing on ``page_id`` closes the process."""
        return self.next_page(page_id, state) == FINISHED

    def path(self, state: _State) -> tuple[int, ...]:
        """The pages the caseworker goes through for ``state``, in order."""
        seen: list[int] = []
        page = self.first_page()
        while page != FINISHED and page not in seen:
            seen.append(page)
            page = self.next_page(page, state)
        return tuple(seen)

    def resume_page(self, state: _State, saved_page: int | None = None) -> int:
        """Where an interrupted process opens again.

        At the page it was left on, but never past the first page whose needs are
        not met (that page would refuse "Weiter" anyway); without a saved page, at
        the first page.
        """
        path = self.path(state)
        if not path:
            return FINISHED
        if saved_page is None:
            return path[0]
        for page in path:
            if page >= saved_page or self.page_problems(page, state):
                return page
        return path[-1]

    # --- what is needed --------------------------------------------------------------

    @abstractmethod
    def page_problems(self, page_id: int, state: _State) -> tuple[Problem, ...]:
        """What ``page_id`` needs before "Weiter" (empty when it may be left)."""

    def page_warnings(self, page_id: int, state: _State) -> tuple[Problem, ...]:
        """What to question on ``page_id`` without blocking it."""
        return ()

    def closing_problems(self, state: _State) -> tuple[Problem, ...]:
        """What the process as a whole needs before it can be closed, beyond its pages."""
        return ()

    def missing(self, state: _State) -> tuple[Problem, ...]:
        """Everything still missing before closing: every page on the path, then the rest."""
        problems: list[Problem] = []
        for page in self.path(state):
            problems.extend(self.page_problems(page, state))
        for problem in self.closing_problems(state):
            if problem not in problems:
                problems.append(problem)
        return tuple(problems)

    def can_close(self, state: _State) -> bool:
        """True when nothing is missing."""
        return not self.missing(state)
