"""What the printed Zielvereinbarung shows, from the stored agreement and the case's resources."""

from __future__ import annotations

from asd_desktop.reports.goal_agreement import AgreementPrint, GoalPrint, ResourcePrint, StepPrint
from asd_desktop.services.goals.views import AgreementView, ResourceView


def agreement_print(
    agreement: AgreementView,
    file_number: str,
    family_name: str,
    resources: tuple[ResourceView, ...] | list[ResourceView],
) -> AgreementPrint:
    """What the printed Zielvereinbarung shows, from the stored agreement.

    Resources that help one of this agreement's goals are printed with the goals'
    numbers; resources tied to no goal are printed too (they belong to the case);
    resources that only help goals of other agreements are left out.
    """
    numbers = {g.id: n for n, g in enumerate(agreement.goals, start=1)}
    printed: list[ResourcePrint] = []
    for r in resources:
        helps = tuple(sorted({numbers[i] for i in r.goal_ids if i in numbers}))
        if helps or not r.goal_ids:
            printed.append(ResourcePrint(kind=r.kind, description=r.description, helps=helps))
    return AgreementPrint(
        file_number=file_number,
        family_name=family_name,
        agreed_on=agreement.agreed_on,
        place=agreement.place,
        concern=agreement.concern,
        concern_by=agreement.concern_by,
        will=agreement.will,
        priority=agreement.priority,
        direction_goal=agreement.direction_goal,
        direction_people=agreement.direction_people,
        goals=tuple(
            GoalPrint(text=g.text, indicator=g.indicator, due_on=g.due_on, involved=g.involved)
            for g in agreement.goals
        ),
        resources=tuple(printed),
        steps=tuple(StepPrint(who=s.who, what=s.what, due_on=s.due_on) for s in agreement.steps),
        review_on=agreement.review_on,
        present=agreement.present,
        caseworker=agreement.caseworker,
    )
