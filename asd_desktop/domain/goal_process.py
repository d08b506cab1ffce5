"""The Zielerarbeitung's draft and what each of its pages needs.

Pure Python: :class:`GoalDraft` is everything the wizard collects (saved as the
encrypted draft after every page); :data:`GOAL_PROCESS` holds the pages, the
next page, where an interrupted draft resumes, and the typed problems that
block "Weiter" or the agreement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from asd_desktop.domain.enums import Area, ResourceKind
from asd_desktop.domain.guided import GuidedProcess, Page, Problem, problems_by_key

REVIEW_AFTER = dt.timedelta(days=91)

#: The wizard's pages, in order.
PAGE_CONCERN, PAGE_WILL, PAGE_DIRECTION, PAGE_GOALS, PAGE_RESOURCES, PAGE_STEPS, PAGE_SUMMARY = (
    range(7)
)
PAGE_TITLES = (
    "Anliegen",
    "Wille",
    "Richtungsziel",
    "Handlungsziele",
    "Ressourcen",
    "Ideen und erste Schritte",
    "Zusammenfassung",
)


# --- the draft ------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionGoalDraft:
    """A Handlungsziel being drafted."""

    text: str = ""
    indicator: str = ""
    due_on: dt.date | None = None
    involved: str = ""
    #: Checker findings the caseworker dismissed, as (code, reason) pairs.
    dismissed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ResourceDraft:
    """A resource on the wizard's page: a case resource reused, or a new one."""

    kind: ResourceKind = ResourceKind.PERSONAL
    description: str = ""
    #: Positions (in ``GoalDraft.action_goals``) of the goals it helps.
    goal_indexes: tuple[int, ...] = ()
    #: Set when this is a resource the case already has.
    existing_id: str | None = None
    #: The Sozialraum catalogue entry this resource is, if any.
    catalog_entry_id: str | None = None


@dataclass(frozen=True)
class StepDraft:
    """An idea or first step: who does what by when."""

    who: str = ""
    what: str = ""
    due_on: dt.date | None = None


@dataclass(frozen=True)
class GoalDraft:
    """Everything the Zielerarbeitung wizard collects; saved after every page."""

    page: int = PAGE_CONCERN
    concern: str = ""
    concern_by: str = ""
    will: str = ""
    priority: str = ""
    direction_goal: str = ""
    direction_people: str = ""
    action_goals: tuple[ActionGoalDraft, ...] = ()
    resources: tuple[ResourceDraft, ...] = ()
    steps: tuple[StepDraft, ...] = ()
    place: str = ""
    agreed_on: dt.date | None = None
    review_on: dt.date | None = None
    #: Names of the people present who sign the agreement (besides the caseworker).
    present: tuple[str, ...] = ()
    caseworker: str = ""


# --- pure rules (the wizard calls them too) -------------------------------------------


def area_notice(area: Area | None) -> str | None:
    """What the wizard says up front when the case is not in the Leistungsbereich."""
    if area in (Area.GREY, Area.DANGER):
        assert area is not None
        return (
            f"Dieser Fall ist im {area.label} eingeordnet. Ziele sind die Ziele der Familie "
            "und bleiben freiwillig. Aufträge und Auflagen sind ein eigenes Instrument und "
            "gehören nicht in diese Zielvereinbarung."
        )
    return None


def _concern(draft: GoalDraft) -> list[Problem]:
    p: list[Problem] = []
    if not draft.concern.strip():
        p.append(
            Problem(
                PAGE_CONCERN, "concern", "Bitte das Anliegen der Familie in ihren Worten eintragen."
            )
        )
    if not draft.concern_by.strip():
        p.append(
            Problem(PAGE_CONCERN, "concern_by", "Bitte angeben, wer das Anliegen genannt hat.")
        )
    return p


def _will(draft: GoalDraft) -> list[Problem]:
    if not draft.will.strip():
        return [Problem(PAGE_WILL, "will", "Bitte eintragen, was die Familie verändern will.")]
    return []


def _direction(draft: GoalDraft) -> list[Problem]:
    p: list[Problem] = []
    if not draft.direction_goal.strip():
        p.append(
            Problem(
                PAGE_DIRECTION,
                "direction_goal",
                "Bitte das Richtungsziel in den Worten der Familie eintragen.",
            )
        )
    if not draft.direction_people.strip():
        p.append(Problem(PAGE_DIRECTION, "direction_people", "Bitte angeben, wessen Ziel das ist."))
    return p


def _goals(draft: GoalDraft) -> list[Problem]:
    p: list[Problem] = []
    if not draft.action_goals:
        p.append(
            Problem(PAGE_GOALS, "action_goals", "Bitte mindestens ein Handlungsziel eintragen.")
        )
    for row, g in enumerate(draft.action_goals):
        n = row + 1
        if not g.text.strip():
            p.append(
                Problem(
                    PAGE_GOALS, "goal.text", f"Handlungsziel {n}: bitte den Text eintragen.", row
                )
            )
        if not g.indicator.strip():
            p.append(
                Problem(
                    PAGE_GOALS,
                    "goal.indicator",
                    f"Handlungsziel {n}: bitte eintragen, woran alle merken, dass es erreicht ist.",
                    row,
                )
            )
        if g.due_on is None:
            p.append(
                Problem(
                    PAGE_GOALS, "goal.due_on", f"Handlungsziel {n}: bitte angeben, bis wann.", row
                )
            )
    return p


def _resources(draft: GoalDraft) -> list[Problem]:
    p: list[Problem] = []
    for row, r in enumerate(draft.resources):
        n = row + 1
        if not r.description.strip():
            p.append(
                Problem(
                    PAGE_RESOURCES,
                    "resource",
                    f"Ressource {n}: bitte eintragen, was oder wer es ist.",
                    row,
                )
            )
        if any(i >= len(draft.action_goals) or i < 0 for i in r.goal_indexes):
            p.append(
                Problem(
                    PAGE_RESOURCES,
                    "resource.goals",
                    f"Ressource {n}: das Ziel gibt es nicht mehr.",
                    row,
                )
            )
    return p


def _steps(draft: GoalDraft) -> list[Problem]:
    p: list[Problem] = []
    for row, s in enumerate(draft.steps):
        n = row + 1
        if not s.what.strip():
            p.append(
                Problem(
                    PAGE_STEPS, "step.what", f"Schritt {n}: bitte eintragen, was getan wird.", row
                )
            )
        if not s.who.strip():
            p.append(
                Problem(PAGE_STEPS, "step.who", f"Schritt {n}: bitte eintragen, wer es tut.", row)
            )
    return p


def _summary(draft: GoalDraft) -> list[Problem]:
    p: list[Problem] = []
    if draft.agreed_on is None:
        p.append(Problem(PAGE_SUMMARY, "agreed_on", "Bitte das Datum der Vereinbarung angeben."))
    if draft.review_on is None:
        p.append(
            Problem(PAGE_SUMMARY, "review_on", "Bitte einen Termin für die Überprüfung angeben.")
        )
    elif draft.agreed_on and draft.review_on <= draft.agreed_on:
        p.append(
            Problem(
                PAGE_SUMMARY,
                "review_on",
                "Die Überprüfung muss nach dem Tag der Vereinbarung liegen.",
            )
        )
    if not draft.present:
        p.append(
            Problem(
                PAGE_SUMMARY,
                "present",
                "Bitte angeben, wer bei der Vereinbarung dabei ist und unterschreibt.",
            )
        )
    return p


_PAGE_RULES: dict[int, Callable[[GoalDraft], list[Problem]]] = {
    PAGE_CONCERN: _concern,
    PAGE_WILL: _will,
    PAGE_DIRECTION: _direction,
    PAGE_GOALS: _goals,
    PAGE_RESOURCES: _resources,
    PAGE_STEPS: _steps,
    PAGE_SUMMARY: _summary,
}


def goal_warnings(draft: GoalDraft, page: int, today: dt.date) -> tuple[Problem, ...]:
    """Things to question on ``page`` without blocking (e.g. a date in the past)."""
    w: list[Problem] = []
    if page == PAGE_GOALS:
        for row, g in enumerate(draft.action_goals):
            if g.due_on is not None and g.due_on < today:
                w.append(
                    Problem(
                        PAGE_GOALS,
                        "goal.due_on",
                        f"Handlungsziel {row + 1}: das Datum liegt in der Vergangenheit "
                        "– ist das gewollt?",
                        row,
                    )
                )
    if page == PAGE_STEPS:
        for row, s in enumerate(draft.steps):
            if s.due_on is not None and s.due_on < today:
                w.append(
                    Problem(
                        PAGE_STEPS,
                        "step.due_on",
                        f"Schritt {row + 1}: das Datum liegt in der Vergangenheit.",
                        row,
                    )
                )
    return tuple(w)


class GoalProcess(GuidedProcess[GoalDraft]):
    """The Zielerarbeitung: seven pages straight through, each refusing "Weiter" until done.

    Args:
        today: the date "today" for warnings (tests pin it).
    """

    name = "Zielerarbeitung"
    pages = tuple(Page(n, title) for n, title in enumerate(PAGE_TITLES))

    def __init__(self, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.today = today

    def page_problems(self, page_id: int, state: GoalDraft) -> tuple[Problem, ...]:
        """What ``page_id`` needs before "Weiter"."""
        rule = _PAGE_RULES.get(page_id)
        return tuple(rule(state)) if rule is not None else ()

    def page_warnings(self, page_id: int, state: GoalDraft) -> tuple[Problem, ...]:
        """Dates in the past on the goals and steps pages."""
        return goal_warnings(state, page_id, self.today())


GOAL_PROCESS = GoalProcess()


def page_problems(draft: GoalDraft, page: int) -> dict[str, str]:
    """Why the wizard cannot go on from ``page``, by key (``goal1.indicator``)."""
    return problems_by_key(GOAL_PROCESS.page_problems(page, draft))


def page_warnings(draft: GoalDraft, page: int, today: dt.date | None = None) -> dict[str, str]:
    """Things to question without blocking (e.g. a date in the past for a new goal)."""
    return problems_by_key(goal_warnings(draft, page, today or dt.date.today()))


def all_problems(draft: GoalDraft) -> dict[str, str]:
    """Every page's problems together (checked once more when saving)."""
    return problems_by_key(GOAL_PROCESS.missing(draft))


def default_review_date(agreed_on: dt.date) -> dt.date:
    """The usual review, about three months later."""
    return agreed_on + REVIEW_AFTER
