"""Demo Netzwerkkarte: Muharem Al Zein's network, drawn twice half a year apart (invented).

The first version was drawn with the family when the school's counsellor first met
them, before the case came to the ASD; the second at the review of the
Zielvereinbarung. Between them the network grew: the sister and the father help with
the homework, the conflict with the class teacher ended, the football course and the
homework help of the Haus der Jugend came in. Written through the services.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.network import Direction, EntrySource, Sector, Support
from asd_desktop.services.cases import CaseService
from asd_desktop.services.goals import GoalService
from asd_desktop.services.network import (
    EntryInput,
    NetworkService,
    RelationInput,
    VersionInput,
)

AL_ZEIN = "ASD-M-2024-0113"
#: The second version: the day of the goals' review (21 days before "today").
REVIEW_DAYS_AGO = 21
HALF_A_YEAR = dt.timedelta(days=182)

E, P, M, INFO, B = (
    Support.EMOTIONAL,
    Support.PRACTICAL,
    Support.MATERIAL,
    Support.INFORMATION,
    Support.COMPANY,
)


def write_network_demo(
    session_factory: sessionmaker[Session], device_id: str, today: dt.date
) -> None:
    """Muharem's map with two versions, if the Al Zein family is in the demo."""
    cases = CaseService(session_factory, device_id)
    row = next((r for r in cases.list_cases() if r.file_number == AL_ZEIN), None)
    if row is None:
        return
    detail = cases.get_case(row.id, audit_opening=False)
    person = {p.first_name: p for p in detail.persons}
    goals = GoalService(session_factory, device_id)
    resource = {r.description: r.id for r in goals.case_resources(row.id)}
    net = NetworkService(session_factory, device_id)
    second = today - dt.timedelta(days=REVIEW_DAYS_AGO)
    first = second - HALF_A_YEAR
    m = net.create_map(row.id, person["Muharem"].id, created_on=first)

    def add(value: EntryInput, relation: RelationInput | None = None) -> str:
        entry = net.add_entry(m.id, value)
        if relation is not None:
            net.set_relation(entry.id, relation)
        return entry.id

    def someone(first_name: str, sector: Sector, horizon: int) -> EntryInput:
        p = person[first_name]
        name = f"{p.first_name} {p.last_name}"
        return EntryInput(EntrySource.PERSON, name, sector, horizon, person_id=p.id)

    def tie(entry_id: str, description: str) -> None:
        found = resource.get(description)
        if found is not None:
            net.link_resource(entry_id, found)

    # --- half a year ago: much conflict, few helpers --------------------------------------
    mother = add(someone("Rania", Sector.FAMILY, 1), RelationInput((E,), Direction.GIVES))
    father = add(
        someone("Khaled", Sector.FAMILY, 2),
        RelationInput((M,), Direction.GIVES, conflict=True, note="Streit um die Schule"),
    )
    sister = add(someone("Nour", Sector.FAMILY, 2))
    add(
        EntryInput(EntrySource.NAME, "Onkel Karim (Bremen)", Sector.FAMILY, 3),
        RelationInput((E,), Direction.BOTH),
    )
    friends = add(
        EntryInput(EntrySource.NAME, "Yusuf und Can (Freunde aus der Klasse)", Sector.FRIENDS, 1),
        RelationInput((E, B), Direction.BOTH),
    )
    teacher = add(
        someone("Sabine", Sector.SCHOOL_WORK, 3),
        RelationInput((), Direction.BOTH, conflict=True, note="Briefe wegen Fehltagen"),
    )
    add(EntryInput(EntrySource.NAME, "Frau Haddad (Dolmetscherin)", Sector.PROFESSIONAL, 3))
    net.save_version(
        m.id,
        VersionInput(
            first,
            "Mit der Familie beim ersten Gespräch mit der Schulsozialarbeit gezeichnet "
            "(vor der Meldung beim ASD).",
            saved_by="Schulsozialarbeit, mit J. Petersen nachgetragen",
        ),
    )

    # --- at the review: the network grew ---------------------------------------------------
    action = [g.id for g in goals.overview(row.id).agreements[0].goals]
    net.move_entry(sister, Sector.FAMILY, 1)
    net.set_relation(sister, RelationInput((E, P, INFO), Direction.GIVES, note="Englisch"))
    tie(sister, "Nour (17) hilft Muharem bei Englisch.")
    tie(father, "Der Vater fragt jeden Abend nach den Hausaufgaben.")
    net.move_entry(father, Sector.FAMILY, 1)
    net.set_relation(
        father, RelationInput((M, INFO), Direction.GIVES, note="fragt abends nach den Hausaufgaben")
    )
    net.set_relation(mother, RelationInput((E, P), Direction.GIVES, note="weckt ihn um 6:45 Uhr"))
    net.set_entry_goals(mother, [action[1]])
    net.move_entry(teacher, Sector.SCHOOL_WORK, 2)
    friday = RelationInput((INFO,), Direction.BOTH, note="Rückmeldung jeden Freitag")
    net.set_relation(teacher, friday)
    net.set_entry_goals(teacher, [action[1], action[2]])
    net.set_entry_goals(friends, [action[2]])
    football = resource.get("Fußball-Wahlpflichtkurs der Schule.")
    add(
        EntryInput(
            EntrySource.RESOURCE,
            "Fußball-Wahlpflichtkurs",
            Sector.SCHOOL_WORK,
            2,
            resource_id=football,
        ),
        RelationInput((E, B), Direction.BOTH),
    )
    help_desk = resource.get(
        "Hausaufgabenhilfe im Haus der Jugend Wilhelmsburg (montags und mittwochs)."
    )
    add(
        EntryInput(
            EntrySource.RESOURCE,
            "Hausaufgabenhilfe im Haus der Jugend Wilhelmsburg",
            Sector.PROFESSIONAL,
            2,
            resource_id=help_desk,
        ),
        RelationInput((P,), Direction.GIVES),
    )
    add(
        EntryInput(EntrySource.NAME, "Frau Petersen (ASD)", Sector.PROFESSIONAL, 3),
        RelationInput((INFO,), Direction.GIVES),
    )
    choice = next(iter(net.review_choices(row.id)), None)
    net.save_version(
        m.id,
        VersionInput(
            second,
            "Bei der Überprüfung der Ziele mit Muharem und den Eltern neu gezeichnet.",
            review=choice,
            saved_by="J. Petersen",
        ),
    )
