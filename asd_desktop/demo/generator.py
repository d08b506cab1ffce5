"""Thousands of fictional cases for benchmarks, generated deterministically from a seed."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence

from asd_desktop.demo.family_builder import born
from asd_desktop.demo.generator_pools import (
    AREA_REASONS,
    CASEWORKERS,
    DESCRIPTIONS,
    DISTRICTS,
    DURATIONS,
    HAND_STEPS,
    INSTITUTIONS,
    KIND_WEIGHTS,
    NEXT_STEPS,
    NOTE_SENTENCES,
    ORIGINS,
    PLACES,
    POSTCODES,
    PRO_FIRST,
    PRO_LAST,
    STREETS,
    TEAMLEADS,
    Origin,
)
from asd_desktop.demo.specs import CaseSpec, StepSpec
from asd_desktop.domain.enums import (
    Area,
    ContactKind,
    Role,
    Salutation,
    StepActor,
)
from asd_desktop.services.cases import (
    AreaInput,
    CaseInput,
    ContactInput,
    PersonInput,
)
from asd_desktop.services.steps import StepInput


def generate_specs(
    cases: int, contacts_per_case: int, seed: int, today: dt.date
) -> Iterator[CaseSpec]:
    """``cases`` fictional cases, the same for the same seed (dates relative to ``today``).

    Each case gets 2–6 people, 1–3 area assignments and exactly ``contacts_per_case``
    contacts (every tenth case's newest contact is a correction of the one before).
    """
    rng = random.Random(seed)
    origins = [o for o in ORIGINS for _ in range(o.weight)]
    kinds = [k for k, w in KIND_WEIGHTS for _ in range(w)]
    for number in range(1, cases + 1):
        yield _generate_case(rng, number, contacts_per_case, today, origins, kinds)


def _generate_case(
    rng: random.Random,
    number: int,
    contacts_per_case: int,
    today: dt.date,
    origins: Sequence[Origin],
    kinds: Sequence[ContactKind],
) -> CaseSpec:
    origin = rng.choice(origins)
    family = rng.choice(origin.family_names)
    caseworker = rng.choice(CASEWORKERS)
    opened = today - dt.timedelta(days=rng.randint(20, 1500))
    closed = (
        opened + dt.timedelta(days=rng.randint(10, (today - opened).days))
        if rng.random() < 0.12
        else None
    )
    end = closed or today
    address = f"{rng.choice(STREETS)} {rng.randint(1, 220)}, {rng.choice(POSTCODES)}"
    interpreter = rng.random() < origin.interpreter_share

    mother = rng.choice(origin.women)
    father = rng.choice(origin.men)
    children = rng.sample(origin.children, k=min(len(origin.children), rng.randint(1, 3)))
    persons: list[PersonInput] = []
    for child in children:
        persons.append(
            PersonInput(
                last_name=family,
                first_name=child,
                birth_date=born(today, rng.randint(0, 17), rng.randint(1, 12), rng.randint(1, 28)),
                address=address,
                languages=origin.languages,
                roles=(Role.CHILD,),
            )
        )
    persons.append(
        PersonInput(
            last_name=origin.female_surname(family),
            first_name=mother,
            birth_date=born(today, rng.randint(20, 50), rng.randint(1, 12), rng.randint(1, 28)),
            address=address,
            phone=f"01{rng.randint(50, 79)} 5550 {rng.randint(1000, 9999)}",
            languages=origin.languages,
            interpreter_needed=interpreter,
            roles=(Role.MOTHER, Role.CUSTODY),
            salutation=Salutation.MS,
        )
    )
    extra = rng.randint(0, 6 - len(persons)) if len(persons) < 6 else 0
    others: list[PersonInput] = []
    if extra:
        others.append(
            PersonInput(
                last_name=family,
                first_name=father,
                birth_date=born(today, rng.randint(22, 58), rng.randint(1, 12), rng.randint(1, 28)),
                address=address if rng.random() < 0.6 else "",
                languages=origin.languages,
                roles=(Role.FATHER, Role.CUSTODY) if rng.random() < 0.8 else (Role.FATHER,),
                salutation=Salutation.MR,
            )
        )
    for _ in range(extra - 1):
        pick = rng.random()
        if pick < 0.4:
            others.append(
                PersonInput(
                    last_name=rng.choice(PRO_LAST),
                    first_name=rng.choice(PRO_FIRST),
                    roles=(Role.PROFESSIONAL,),
                    institution=rng.choice(INSTITUTIONS),
                )
            )
        elif pick < 0.8:
            others.append(
                PersonInput(
                    last_name=family,
                    first_name=rng.choice(origin.women + origin.men),
                    languages=origin.languages,
                    roles=(Role.RELATIVE,),
                    address=f"{rng.choice(STREETS)} {rng.randint(1, 220)}",
                )
            )
        else:
            others.append(
                PersonInput(
                    last_name=rng.choice(ORIGINS[0].family_names),
                    first_name=rng.choice(ORIGINS[0].women),
                    roles=(Role.NEIGHBOUR,),
                )
            )
    persons.extend(others)

    areas = _generate_areas(rng, opened, end, caseworker)
    first_child = children[0]
    words = {"child": first_child, "mother": mother, "father": father, "n": str(len(children))}
    description = rng.choice(DESCRIPTIONS).format(**words)
    contacts = _generate_contacts(rng, contacts_per_case, opened, end, today, kinds, words)
    corrections: tuple[tuple[int, ContactInput], ...] = ()
    if number % 10 == 0 and len(contacts) >= 2:
        # The newest entry corrects the one before it: same time, the deadline or note fixed.
        wrong = contacts[-2]
        due = wrong.next_step_due
        fixed = ContactInput(
            occurred_at=wrong.occurred_at,
            kind=wrong.kind,
            duration_minutes=wrong.duration_minutes,
            present=wrong.present,
            place=wrong.place,
            note=f"Korrektur: {wrong.note} "
            + ("(Frist berichtigt.)" if due else "(Notiz ergänzt: Familie war informiert.)"),
            next_step=wrong.next_step,
            next_step_due=due + dt.timedelta(days=7) if due else None,
        )
        contacts = contacts[:-1]
        corrections = ((len(contacts) - 1, fixed),)
    district = rng.choice(DISTRICTS)
    # Own random stream: adding steps leaves every other generated value as it was.
    step_rng = random.Random(number * 7919 + today.toordinal())
    done_steps, hand_steps = _generate_steps(step_rng, contacts, corrections, today, closed)
    return CaseSpec(
        case=CaseInput(
            file_number=f"ASD-{district}-{opened.year}-{number:05d}",
            family_name=family,
            opened_on=opened,
            caseworker=caseworker,
            description=description,
        ),
        areas=areas,
        persons=tuple(persons),
        contacts=tuple(contacts),
        corrections=corrections,
        closed_on=closed,
        caseworker=caseworker,
        steps=hand_steps,
        done_contact_steps=done_steps,
    )


def _generate_steps(
    rng: random.Random,
    contacts: Sequence[ContactInput],
    corrections: Sequence[tuple[int, ContactInput]],
    today: dt.date,
    closed: dt.date | None,
) -> tuple[tuple[tuple[int, dt.date], ...], tuple[StepSpec, ...]]:
    """Which contacts' steps are done, and a few steps entered by hand.

    Old steps are mostly done, recent ones half, future ones rarely; a closed case has
    every step done. An open case gets up to three steps by hand, some overdue.
    """
    effective = list(contacts)
    for index, fixed in corrections:
        effective[index] = fixed
    done: list[tuple[int, dt.date]] = []
    for index, contact in enumerate(effective):
        due = contact.next_step_due
        if not contact.next_step or due is None:
            continue
        if closed is not None:
            chance = 1.0
        elif due < today - dt.timedelta(days=14):
            chance = 0.985
        elif due < today:
            chance = 0.5
        else:
            chance = 0.1
        if rng.random() < chance:
            when = due + dt.timedelta(days=rng.randint(-3, 4))
            done.append((index, min(when, closed or today, today)))
    hand: list[StepSpec] = []
    if closed is None:
        for _ in range(rng.choices((0, 1, 2, 3), weights=(25, 35, 28, 12))[0]):
            text, who = rng.choice(HAND_STEPS)
            due = today + dt.timedelta(days=rng.randint(-12, 60))
            actor = (
                StepActor.CASEWORKER
                if not who
                else StepActor.FAMILY
                if who in ("Mutter", "Familie")
                else StepActor.PROFESSIONAL
            )
            done_on = due if due < today - dt.timedelta(days=3) and rng.random() < 0.5 else None
            hand.append(StepSpec(StepInput(text, due, actor, who), done_on))
    return tuple(done), tuple(hand)


def _generate_areas(
    rng: random.Random, opened: dt.date, end: dt.date, caseworker: str
) -> tuple[AreaInput, ...]:
    count = rng.choices((1, 2, 3), weights=(70, 22, 8))[0]
    first = Area.SERVICE if rng.random() < 0.85 else Area.GREY
    path = [first]
    while len(path) < count:
        previous = path[-1]
        if previous is Area.SERVICE:
            path.append(Area.GREY)
        elif previous is Area.GREY:
            path.append(Area.DANGER if rng.random() < 0.3 else Area.SERVICE)
        else:
            path.append(Area.GREY)
    span = max((end - opened).days, 1)
    days = sorted(rng.randint(1, span) for _ in path[1:])
    dates = [opened, *(opened + dt.timedelta(days=d) for d in days)]
    return tuple(
        AreaInput(
            area=area,
            decided_on=day,
            reason=rng.choice(AREA_REASONS[area]),
            decided_by=caseworker
            if area is Area.SERVICE
            else f"{caseworker} mit {rng.choice(TEAMLEADS)}",
        )
        for area, day in zip(path, dates, strict=True)
    )


def _generate_contacts(
    rng: random.Random,
    count: int,
    opened: dt.date,
    end: dt.date,
    today: dt.date,
    kinds: Sequence[ContactKind],
    words: dict[str, str],
) -> list[ContactInput]:
    span = max((end - opened).days, 0)
    offsets = sorted(rng.randint(0, span) for _ in range(count))
    contacts: list[ContactInput] = []
    for offset in offsets:
        kind = rng.choice(kinds)
        day = opened + dt.timedelta(days=offset)
        when = dt.datetime.combine(day, dt.time(rng.randint(8, 18), rng.choice((0, 15, 30, 45))))
        pool = NOTE_SENTENCES[kind]
        note = " ".join(
            s.format(**words) for s in rng.sample(pool, k=min(len(pool), rng.randint(1, 3)))
        )
        next_step, due = "", None
        if rng.random() < 0.5:
            next_step = rng.choice(NEXT_STEPS)
            due = day + dt.timedelta(days=rng.randint(3, 35))
        present = words["mother"]
        if kind is ContactKind.LETTER:
            present = ""
        elif kind in (ContactKind.HOME_VISIT_ANNOUNCED, ContactKind.HOME_VISIT_UNANNOUNCED):
            present = f"{words['mother']}, {words['child']}"
        contacts.append(
            ContactInput(
                occurred_at=min(when, dt.datetime.combine(today, dt.time(8, 0))),
                kind=kind,
                duration_minutes=rng.choice(DURATIONS[kind]),
                present=present,
                place=PLACES[kind],
                note=note,
                next_step=next_step,
                next_step_due=due,
            )
        )
    return contacts
