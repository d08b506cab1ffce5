"""Wiedervorlage: open steps as records, one source of every dated item, the case list."""

import datetime as dt

import pytest

from asd_desktop.domain.enums import (
    Area,
    ContactKind,
    DueKind,
    MandateKind,
    StepActor,
)
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.services.audit import verify
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput
from asd_desktop.services.deadlines import item_key
from asd_desktop.services.instruments import MandateInput
from asd_desktop.services.steps import StepInput

TODAY = dt.date.today()
NOW = dt.datetime.now().replace(second=0, microsecond=0)


def make_case(opened, number="ASD-M-2024-0113", family="Yılmaz", area=Area.SERVICE):
    first = AreaInput(area, TODAY, "Erstaufnahme", "Frau Krüger")
    return opened.cases.create_case(CaseInput(number, family, TODAY, "Frau Krüger"), first)


def contact(step="", due=None, days_ago=0, **kw):
    return ContactInput(
        NOW - dt.timedelta(days=days_ago),
        ContactKind.PHONE,
        next_step=step,
        next_step_due=due,
        **kw,
    )


def next_deadline(opened, case_id):
    [row] = [r for r in opened.cases.list_cases() if r.id == case_id]
    return row.next_deadline


def test_a_next_step_becomes_an_open_step_with_its_actor(opened):
    case = make_case(opened)
    opened.cases.record_contact(
        case.id,
        contact(
            "Kita-Anwesenheit einholen",
            TODAY + dt.timedelta(days=3),
            next_step_actor=StepActor.FAMILY,
            next_step_actor_name="Mutter",
        ),
    )
    [step] = opened.steps.steps(case.id)
    assert (step.text, step.actor, step.actor_name) == (
        "Kita-Anwesenheit einholen",
        StepActor.FAMILY,
        "Mutter",
    )
    [item] = opened.deadlines.items(case_id=case.id)
    assert item.kind is DueKind.STEP
    assert item.who == "Mutter"
    assert item.tab == "kontakte"
    assert item.can_mark_done
    assert not item.done


def test_a_new_contact_keeps_the_old_overdue_step(opened):
    case = make_case(opened)
    overdue = TODAY - dt.timedelta(days=2)
    opened.cases.record_contact(case.id, contact("Kita-Anwesenheit einholen", overdue, 5))
    opened.cases.record_contact(case.id, contact("Hausbesuch", TODAY + dt.timedelta(days=14)))
    opened.cases.record_contact(case.id, contact())  # no next step at all
    texts = [s.text for s in opened.steps.steps(case.id)]
    assert texts == ["Kita-Anwesenheit einholen", "Hausbesuch"]
    assert next_deadline(opened, case.id) == overdue
    assert opened.deadlines.summary(TODAY).overdue == 1


def test_a_corrected_contact_corrects_its_open_steps_and_keeps_done_ones(opened):
    case = make_case(opened)
    first = opened.cases.record_contact(case.id, contact("Schulbericht anfordern", TODAY))
    opened.steps.add_step(case.id, StepInput("Arzttermin klären", TODAY + dt.timedelta(days=1)))
    corrected = opened.cases.record_contact(
        case.id, contact("Schulbericht anfordern (Klassenlehrerin)", TODAY), corrects_id=first.id
    )
    steps = opened.steps.steps(case.id, include_done=True)
    assert sorted(s.text for s in steps) == [
        "Arzttermin klären",
        "Schulbericht anfordern (Klassenlehrerin)",
    ]
    [from_contact] = [s for s in steps if s.contact_id]
    assert from_contact.contact_id == corrected.id
    # A step already done stays when its contact is corrected once more.
    opened.deadlines.mark_done(item_key(DueKind.STEP, from_contact.id), TODAY, "Frau Krüger")
    opened.cases.record_contact(case.id, contact("Noch etwas", TODAY), corrects_id=corrected.id)
    done = [s for s in opened.steps.steps(case.id, include_done=True) if s.done]
    assert [s.id for s in done] == [from_contact.id]


def test_a_done_step_leaves_the_open_list_and_can_be_reopened(opened):
    case = make_case(opened)
    step = opened.steps.add_step(
        case.id, StepInput("Jugendamt Nachbarkreis anrufen", TODAY - dt.timedelta(days=1))
    )
    key = item_key(DueKind.STEP, step.id)
    assert next_deadline(opened, case.id) == step.due_on
    opened.deadlines.mark_done(key, TODAY, "Frau Krüger")
    assert opened.deadlines.items() == []
    assert opened.steps.steps(case.id) == []
    [done] = opened.deadlines.items(include_done=True)
    assert done.done
    assert done.key == key
    assert next_deadline(opened, case.id) is None
    opened.deadlines.reopen(key)
    assert [i.key for i in opened.deadlines.items()] == [key]
    assert next_deadline(opened, case.id) == step.due_on
    assert verify(opened.database.session_factory).ok


def test_kinds_done_elsewhere_are_refused_in_german(opened):
    case = make_case(opened, area=Area.GREY)
    mandate = opened.instruments.issue(
        case.id,
        MandateInput(
            kind=MandateKind.CHECK,
            issued_on=TODAY,
            requirement="Nachweis der Kita-Anmeldung",
            due_on=TODAY + dt.timedelta(days=7),
            evidence_required="Anmeldebestätigung",
            consequence="Gespräch im ASD",
            how_checked="Beleg",
        ),
    )
    key = item_key(DueKind.MANDATE, mandate.id)
    with pytest.raises(ValidationError) as err:
        opened.deadlines.mark_done(key, TODAY, "Frau Krüger")
    assert "Aufträge und Auflagen" in err.value.problems["kind"]
    with pytest.raises(NotFoundError):
        opened.deadlines.mark_done("schritt:gibt-es-nicht", TODAY, "Frau Krüger")
    with pytest.raises(NotFoundError):
        opened.deadlines.mark_done("unsinn", TODAY, "Frau Krüger")


def test_the_earliest_open_item_of_any_kind_is_the_next_deadline(opened):
    case = make_case(opened, area=Area.GREY)
    opened.cases.record_contact(case.id, contact("Hausbesuch", TODAY + dt.timedelta(days=20)))
    mandate = opened.instruments.issue(
        case.id,
        MandateInput(
            kind=MandateKind.CHECK,
            issued_on=TODAY,
            requirement="Nachweis der Kita-Anmeldung",
            due_on=TODAY + dt.timedelta(days=10),
            evidence_required="Anmeldebestätigung",
            consequence="Gespräch im ASD",
            how_checked="Beleg",
        ),
    )
    step = opened.steps.add_step(case.id, StepInput("Anruf Kita", TODAY + dt.timedelta(days=4)))
    assert next_deadline(opened, case.id) == step.due_on
    assert opened.deadlines.next_due([case.id]) == {case.id: step.due_on}
    opened.deadlines.mark_done(item_key(DueKind.STEP, step.id), TODAY, "Frau Krüger")
    assert next_deadline(opened, case.id) == mandate.due_on
    items = opened.deadlines.items(case_id=case.id)
    assert [i.kind for i in items] == [DueKind.MANDATE, DueKind.STEP]
    assert items[0].subkind == MandateKind.CHECK.value
    assert items[0].tab == "auftraege"


def test_items_filter_by_range_kind_and_case(opened):
    one = make_case(opened)
    two = make_case(opened, "ASD-M-2024-0200", "Becker")
    for days in (-3, 0, 6, 40):
        opened.steps.add_step(one.id, StepInput(f"Schritt {days}", TODAY + dt.timedelta(days)))
    opened.steps.add_step(two.id, StepInput("Anderer Fall", TODAY + dt.timedelta(days=1)))
    week = opened.deadlines.items(start=TODAY, end=TODAY + dt.timedelta(days=6))
    assert [i.title for i in week] == ["Schritt 0", "Anderer Fall", "Schritt 6"]
    assert len(opened.deadlines.items(case_id=two.id)) == 1
    assert opened.deadlines.items(kinds=[DueKind.MANDATE]) == []
    summary = opened.deadlines.summary(TODAY)
    assert (summary.overdue, summary.due_today) == (1, 1)


def _council(opened, case_id, **fields):
    from asd_desktop.models.familienrat import FamilyCouncil

    with opened.database.session_factory.begin() as s:
        row = FamilyCouncil(case_id=case_id, **fields)
        s.add(row)
        s.flush()
        return row.id


def test_a_folge_rat_next_week_is_an_upcoming_review(opened):
    case = make_case(opened)
    first = _council(opened, case.id, phase="abgeschlossen", outcome="weiterer_folgerat")
    next_week = dt.datetime.combine(TODAY + dt.timedelta(days=7), dt.time(10))
    follow = _council(opened, case.id, origin_id=first, meeting_at=next_week)
    decided = _council(
        opened,
        case.id,
        phase="entscheidung",
        meeting_at=next_week - dt.timedelta(days=30),
        review_on=TODAY + dt.timedelta(days=60),
    )
    reviews = opened.familienrat.upcoming_reviews(TODAY)
    assert [(r.council_id, r.review_on) for r in reviews] == [
        (follow, next_week.date()),
        (decided, TODAY + dt.timedelta(days=60)),
    ]
    kinds = {i.record_id: i.kind for i in opened.deadlines.items(case_id=case.id)}
    assert kinds == {follow: DueKind.COUNCIL, decided: DueKind.FOLLOW_UP}
    assert next_deadline(opened, case.id) == next_week.date()


def test_the_overdue_view_shows_every_kind_like_the_case_list(opened):
    one = make_case(opened, area=Area.GREY)
    two = make_case(opened, "ASD-M-2024-0200", "Becker")
    opened.cases.record_contact(one.id, contact("Kita-Anwesenheit einholen", TODAY, 3))
    opened.steps.add_step(one.id, StepInput("Arztbericht", TODAY - dt.timedelta(days=2)))
    opened.instruments.issue(
        one.id,
        MandateInput(
            kind=MandateKind.CHECK,
            issued_on=TODAY - dt.timedelta(days=20),
            requirement="Nachweis der Kita-Anmeldung",
            due_on=TODAY - dt.timedelta(days=5),
            evidence_required="Anmeldebestätigung",
            consequence="Gespräch im ASD",
            how_checked="Beleg",
        ),
    )
    opened.steps.add_step(two.id, StepInput("Schule anrufen", TODAY - dt.timedelta(days=1)))
    overdue = opened.instruments.overdue(TODAY)
    assert [(r.file_number, r.kind) for r in overdue] == [
        ("ASD-M-2024-0113", MandateKind.CHECK),
        ("ASD-M-2024-0113", DueKind.STEP),
        ("ASD-M-2024-0200", DueKind.STEP),
    ]
    rows = {r.id: r.next_deadline for r in opened.cases.list_cases()}
    assert rows == {one.id: TODAY - dt.timedelta(days=5), two.id: TODAY - dt.timedelta(days=1)}
    assert opened.deadlines.summary(TODAY).overdue == len(overdue)
    assert [r.requirement for r in opened.instruments.upcoming(TODAY)] == [
        "Kita-Anwesenheit einholen"
    ]


def test_overdue_view_reviews_overview_and_case_list_agree_on_the_demo(opened):
    from asd_desktop.demo import fill_demo
    from asd_desktop.services.cases import CaseQuery

    db = opened.database
    fill_demo(db.session_factory, db.device_id, cases=None, contacts_per_case=0, seed=2014)
    fill_demo(db.session_factory, db.device_id, cases=30, contacts_per_case=6, seed=7)
    items = opened.deadlines.items()
    kinds = {i.kind for i in items}
    assert {DueKind.STEP, DueKind.MANDATE} <= kinds
    assert kinds & {DueKind.AGREEMENT_REVIEW, DueKind.FOLLOW_UP, DueKind.COUNCIL}

    # The case list: each row's next deadline is its earliest open item.
    earliest: dict[str, dt.date] = {}
    for item in items:
        earliest.setdefault(item.case_id, item.due_on)
    rows = opened.cases.list_cases(CaseQuery(status=None))
    assert {r.id: r.next_deadline for r in rows if r.next_deadline} == earliest

    # "Überfällige Fristen": exactly the open items before today, as the case list shows.
    overdue = opened.instruments.overdue(TODAY)
    assert [(r.key, r.due_on) for r in overdue] == [
        (i.key, i.due_on) for i in items if i.due_on < TODAY
    ]
    overdue_cases = {r.id for r in rows if r.next_deadline and r.next_deadline < TODAY}
    assert {r.case_id for r in overdue} == overdue_cases
    assert opened.deadlines.summary(TODAY).overdue == len(overdue)

    # "Anstehende Überprüfungen": the review items of the same source.
    reviews = opened.familienrat.upcoming_reviews(TODAY)
    assert [(r.council_id, r.review_on) for r in reviews] == [
        (i.record_id, i.due_on) for i in items if i.is_review
    ]
