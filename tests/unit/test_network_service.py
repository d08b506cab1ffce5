"""The Netzwerkkarte service on a real encrypted database: entries, versions, diff, goals."""

from __future__ import annotations

import datetime as dt

import pytest

from asd_desktop.domain.enums import ResourceKind, Role
from asd_desktop.domain.network import ChangeKind, Direction, EntrySource, Sector, Support
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.services.cases import PersonInput
from asd_desktop.services.goals import ActionGoalDraft, GoalDraft, ResourceDraft
from asd_desktop.services.network import EntryInput, RelationInput, ReviewKind, VersionInput
from tests.al_zein import al_zein_case

TODAY = dt.date.today()


@pytest.fixture
def case(opened):
    detail, muharem, nour = al_zein_case(opened, TODAY)
    lorenz = opened.cases.add_person(
        detail.id, PersonInput("Lorenz", "Sabine", roles=(Role.PROFESSIONAL,), institution="Schule")
    )
    return detail.id, muharem, nour, lorenz


def agree(opened, case_id: str, resources=()) -> list[str]:
    draft = GoalDraft(
        concern="Muharem soll an seiner Schule bleiben.",
        concern_by="Eltern",
        will="Muharem will bleiben.",
        priority="Zuerst die Schule.",
        direction_goal="Wir Eltern und Muharem kennen bis zu den Sommerferien Wege, "
        "damit er bleibt.",
        direction_people="Eltern und Muharem",
        action_goals=(
            ActionGoalDraft(
                text="Muharem macht seine Hausaufgaben jeden Tag bis 18:00 Uhr.",
                indicator="Das Heft ist abgehakt.",
                due_on=TODAY + dt.timedelta(days=60),
                involved="Muharem",
            ),
            ActionGoalDraft(
                text="Muharem ist jeden Tag von Anfang bis Ende in der Schule.",
                indicator="Kein unentschuldigter Fehltag.",
                due_on=TODAY + dt.timedelta(days=60),
                involved="Muharem",
            ),
        ),
        resources=tuple(resources),
        place="Büro",
        agreed_on=TODAY,
        review_on=TODAY + dt.timedelta(days=90),
        present=("Muharem Al Zein",),
        caseworker="Frau Petersen",
    )
    agreement = opened.goals.finish(case_id, draft)
    return [g.id for g in agreement.goals]


def test_entries_move_link_and_leave_the_map(opened, case) -> None:
    case_id, muharem, nour, _lorenz = case
    net = opened.network
    m = net.create_map(case_id, muharem.id)
    assert m.centre_name == "Muharem Al Zein"
    sister = net.add_entry(
        m.id, EntryInput(EntrySource.PERSON, "Nour Al Zein", Sector.FAMILY, 1, person_id=nour.id)
    )
    coach = net.add_entry(m.id, EntryInput(EntrySource.NAME, "Trainer Ali", Sector.FRIENDS, 3))
    moved = net.move_entry(coach.id, Sector.SCHOOL_WORK, 2, 0.4)
    assert (moved.sector, moved.horizon, moved.spot) == (Sector.SCHOOL_WORK, 2, 0.4)
    net.set_relation(
        sister.id,
        RelationInput((Support.INFORMATION, Support.EMOTIONAL), Direction.GIVES, conflict=False),
    )
    [first, second] = net.entries(m.id)
    assert first.name == "Nour Al Zein"
    assert first.supports == (Support.EMOTIONAL, Support.INFORMATION)
    assert first.direction is Direction.GIVES
    assert second.sector is Sector.SCHOOL_WORK
    net.remove_entry(coach.id)
    assert [e.name for e in net.entries(m.id)] == ["Nour Al Zein"]
    with pytest.raises(NotFoundError, match="nicht mehr auf der Karte"):
        net.move_entry(coach.id, Sector.FAMILY, 1)
    # The centre person is not offered; the others are, those on the map last.
    offered = net.candidates(m.id)
    assert [(c.name, c.on_map) for c in offered] == [
        ("Sabine Lorenz", False),
        ("Nour Al Zein", True),
    ]
    assert offered[0].sector is Sector.PROFESSIONAL


def test_bad_input_is_refused_with_a_german_reason_and_nothing_stored(opened, case) -> None:
    case_id, muharem, *_ = case
    m = opened.network.create_map(case_id, muharem.id)
    with pytest.raises(ValidationError) as caught:
        opened.network.add_entry(m.id, EntryInput(EntrySource.NAME, "  ", Sector.FAMILY, 4))
    assert set(caught.value.problems) == {"name", "horizon"}
    assert opened.network.entries(m.id) == []
    with pytest.raises(ValidationError, match="Zukunft"):
        opened.network.save_version(m.id, VersionInput(TODAY + dt.timedelta(days=1)))
    assert opened.network.versions(m.id) == []


def test_versions_are_numbered_compared_and_counted(opened, case) -> None:
    case_id, muharem, nour, lorenz = case
    net = opened.network
    m = net.create_map(case_id, muharem.id)
    sister = net.add_entry(
        m.id, EntryInput(EntrySource.PERSON, "Nour", Sector.FAMILY, 2, person_id=nour.id)
    )
    teacher = net.add_entry(
        m.id,
        EntryInput(
            EntrySource.PERSON,
            "Sabine Lorenz",
            Sector.PROFESSIONAL,
            2,
            person_id=lorenz.id,
            conflict=True,
        ),
    )
    half_year_ago = TODAY - dt.timedelta(days=182)
    first = net.save_version(
        m.id, VersionInput(half_year_ago, "beim Erstgespräch", saved_by="J. Petersen")
    )
    net.move_entry(sister.id, Sector.FAMILY, 1)
    net.set_relation(teacher.id, RelationInput((Support.INFORMATION,), Direction.GIVES, False))
    net.add_entry(m.id, EntryInput(EntrySource.NAME, "Trainer Ali", Sector.FRIENDS, 2))
    [review] = [r for r in net.review_choices(case_id)] or [None]
    assert review is None  # no agreement yet
    second = net.save_version(m.id, VersionInput(TODAY, "Überprüfung"))
    versions = net.versions(m.id)
    assert [(v.number, v.saved_on) for v in versions] == [(1, half_year_ago), (2, TODAY)]
    assert versions[0].title == f"Fassung 1 vom {half_year_ago:%d.%m.%Y}"
    changes = net.compare(first.entries, second.entries)
    assert {(c.kind, c.name) for c in changes.changes} == {
        (ChangeKind.CLOSER, "Nour"),
        (ChangeKind.CONFLICT_ENDED, "Sabine Lorenz"),
        (ChangeKind.SUPPORT_GAINED, "Sabine Lorenz"),
        (ChangeKind.ADDED, "Trainer Ali"),
    }
    assert first.figures.professional_share == 0.5
    assert round(second.figures.professional_share, 2) == 0.33
    assert second.figures.empty_sectors == (Sector.SCHOOL_WORK,)
    # A saved version does not follow later edits of the map.
    net.remove_entry(sister.id)
    assert [e.name for e in net.versions(m.id)[1].entries] == [
        "Nour",
        "Trainer Ali",
        "Sabine Lorenz",
    ]


def test_an_entry_linked_to_goals_becomes_a_resource_and_a_resource_can_go_on_the_map(
    opened, case
) -> None:
    case_id, muharem, nour, _ = case
    goal_ids = agree(
        opened,
        case_id,
        [ResourceDraft(ResourceKind.SOCIAL, "Hausaufgabenhilfe Onkel Karim", (1,))],
    )
    net = opened.network
    m = net.create_map(case_id, muharem.id)
    sister = net.add_entry(
        m.id, EntryInput(EntrySource.PERSON, "Nour Al Zein", Sector.FAMILY, 1, person_id=nour.id)
    )
    linked = net.set_entry_goals(sister.id, [goal_ids[0]])
    assert [g.mark for g in linked.goals] == ["Z1"]
    assert linked.resource_id is not None
    resources = {r.id: r for r in opened.goals.case_resources(case_id)}
    assert resources[linked.resource_id].description == "Nour Al Zein"
    assert resources[linked.resource_id].goal_ids == (goal_ids[0],)
    # The resource found in the Zielerarbeitung is offered for the map, and keeps its goals there.
    karim = next(c for c in net.candidates(m.id) if c.source is EntrySource.RESOURCE)
    assert karim.name == "Hausaufgabenhilfe Onkel Karim"
    assert not karim.on_map
    on_map = net.add_entry(
        m.id,
        EntryInput(
            EntrySource.RESOURCE, karim.name, Sector.FAMILY, 2, resource_id=karim.resource_id
        ),
    )
    assert [g.mark for g in on_map.goals] == ["Z2"]
    people = {p.name: p for p in net.map_people(case_id)}
    assert people["Nour Al Zein"].goal_ids == (goal_ids[0],)
    # The snapshot keeps which goals each person supported.
    v = net.save_version(m.id, VersionInput(TODAY))
    assert v.entries[0].goals[0].startswith("Z1: Muharem macht")
    [choice] = net.review_choices(case_id)
    assert choice.kind == ReviewKind.GOALS
    tied = net.save_version(m.id, VersionInput(TODAY, review=choice))
    assert tied.review_label == f"Überprüfung der Zielvereinbarung vom {TODAY:%d.%m.%Y}"
    with pytest.raises(NotFoundError):
        net.set_entry_goals(sister.id, ["no-such-goal"])


def test_pictures_list_every_version_of_every_map(opened, case) -> None:
    case_id, muharem, nour, _ = case
    net = opened.network
    a = net.create_map(case_id, muharem.id)
    net.add_entry(a.id, EntryInput(EntrySource.NAME, "Oma", Sector.FAMILY, 1))
    net.save_version(a.id, VersionInput(TODAY - dt.timedelta(days=10)))
    net.save_version(a.id, VersionInput(TODAY))
    b = net.create_map(case_id, nour.id, title="Nours Netzwerk")
    pictures = net.pictures(case_id, today=TODAY)
    assert [(p.map_number, p.version_number) for p in pictures] == [(1, 1), (1, 2), (2, None)]
    assert pictures[2].title == "Nours Netzwerk"
    assert pictures[2].map_id == b.id


def test_an_entry_tied_to_a_known_resource_keeps_its_description_for_the_wizard(
    opened, case
) -> None:
    case_id, muharem, nour, _ = case
    agree(opened, case_id, [ResourceDraft(ResourceKind.SOCIAL, "Nour hilft bei Englisch.", (0,))])
    net = opened.network
    m = net.create_map(case_id, muharem.id)
    entry = net.add_entry(
        m.id, EntryInput(EntrySource.PERSON, "Nour Al Zein", Sector.FAMILY, 1, person_id=nour.id)
    )
    [resource] = opened.goals.case_resources(case_id)
    tied = net.link_resource(entry.id, resource.id)
    assert [g.mark for g in tied.goals] == ["Z1"]
    [person] = net.map_people(case_id)
    assert person.resource_description == "Nour hilft bei Englisch."
    assert net.resource_for_entry(entry.id) == resource.id  # reused, not made again
    assert len(opened.goals.case_resources(case_id)) == 1
    with pytest.raises(NotFoundError):
        net.link_resource(entry.id, "no-such-resource")
    # The page of the map as it is now names the case in its header.
    picture = net.picture(m.id)
    assert picture.version_number is None
    assert picture.version_text.startswith("aktueller Stand vom")
    assert net.pdf(picture).startswith(b"%PDF")


def test_a_version_can_be_tied_to_a_hilfeplangespraech(opened, case) -> None:
    from asd_desktop.models.hilfen import HilfeplanMeeting

    case_id, muharem, *_ = case
    held = TODAY - dt.timedelta(days=3)
    with opened.database.session_factory.begin() as s:
        s.add(HilfeplanMeeting(case_id=case_id, held_on=held))
    m = opened.network.create_map(case_id, muharem.id)
    [choice] = opened.network.review_choices(case_id)
    assert (choice.kind, choice.label) == (
        ReviewKind.HILFEPLAN,
        f"Hilfeplangespräch vom {held:%d.%m.%Y}",
    )
    version = opened.network.save_version(m.id, VersionInput(TODAY, review=choice))
    assert (version.review_kind, version.review_ref) == (ReviewKind.HILFEPLAN, choice.ref)
