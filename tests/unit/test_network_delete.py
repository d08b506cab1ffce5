"""Deleting a Netzwerkkarte: the map, its entries and versions become tombstones; the rest stays.

Runs on the encrypted SQLite file and on an office hub on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from asd_desktop.domain.network import EntrySource, Sector
from asd_desktop.models.audit import AuditEntry
from asd_desktop.models.errors import NotFoundError
from asd_desktop.models.goals import Resource
from asd_desktop.models.network import NetworkEntry, NetworkMap, NetworkVersion
from asd_desktop.services.network import EntryInput, MapSize, NetworkAction, VersionInput
from tests.al_zein import al_zein_case

TODAY = dt.date.today()

pytestmark = pytest.mark.parametrize("hub_backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def case(opened):
    detail, muharem, nour = al_zein_case(opened, TODAY)
    return detail.id, muharem, nour


def _map_with(opened, case_id: str, centre: str, names: tuple[str, ...], versions: int):
    m = opened.network.create_map(case_id, centre, created_on=TODAY)
    entries = [
        opened.network.add_entry(m.id, EntryInput(EntrySource.NAME, n, Sector.FRIENDS, 2))
        for n in names
    ]
    for n in range(versions):
        opened.network.save_version(m.id, VersionInput(TODAY, f"Hausbesuch {n + 1}"))
    return m, entries


def test_a_map_is_deleted_with_its_entries_and_versions_and_the_other_map_stays(opened, case):
    case_id, muharem, nour = case
    wrong, wrong_entries = _map_with(
        opened, case_id, nour.id, ("Oma Fatima", "Trainer Ali", "Frau Haddad"), 2
    )
    right, right_entries = _map_with(opened, case_id, muharem.id, ("Herr Öztürk",), 1)
    # The entry's resource for the Zielerarbeitung is not the map's to delete.
    resource_id = opened.network.resource_for_entry(wrong_entries[0].id)

    assert opened.network.map_size(wrong.id) == MapSize(entries=3, versions=2)
    assert opened.network.delete_map(wrong.id) == MapSize(entries=3, versions=2)

    assert [m.id for m in opened.network.maps(case_id)] == [right.id]
    assert [e.id for e in opened.network.entries(right.id)] == [right_entries[0].id]
    assert len(opened.network.versions(right.id)) == 1
    with pytest.raises(NotFoundError):
        opened.network.entries(wrong.id)
    with pytest.raises(NotFoundError):
        opened.network.delete_map(wrong.id)
    with pytest.raises(NotFoundError):
        opened.network.map_size(wrong.id)
    # The goal wizard no longer offers the deleted map's people.
    assert [p.name for p in opened.network.map_people(case_id)] == ["Herr Öztürk"]
    # Only Muharem's map is printed or exported now.
    assert {p.map_id for p in opened.network.pictures(case_id)} == {right.id}

    with opened.database.session_factory() as s:
        row = s.get(NetworkMap, wrong.id)
        assert row is not None
        assert row.deleted
        # A tombstone keeps no names: the centre and title are emptied.
        assert (row.centre_name, row.title) == ("", "")
        entries = s.scalars(select(NetworkEntry).where(NetworkEntry.map_id == wrong.id)).all()
        assert len(entries) == 3
        assert all(e.deleted and e.name == "" for e in entries)
        versions = s.scalars(select(NetworkVersion).where(NetworkVersion.map_id == wrong.id)).all()
        assert len(versions) == 2
        assert all(v.deleted and not v.entries and v.note == "" for v in versions)
        kept = s.get(NetworkMap, right.id)
        assert kept is not None
        assert not kept.deleted
        resource = s.get(Resource, resource_id)
        assert resource is not None
        assert not resource.deleted
        assert resource.description == "Oma Fatima"
        actions = s.scalars(
            select(AuditEntry).where(AuditEntry.action == NetworkAction.MAP_DELETED)
        ).all()
        assert [(a.case_id, a.detail) for a in actions] == [(case_id, wrong.id)]


def test_an_empty_map_is_deleted_too(opened, case):
    case_id, muharem, _nour = case
    m, _entries = _map_with(opened, case_id, muharem.id, (), 0)
    assert opened.network.map_size(m.id) == MapSize(0, 0)
    assert opened.network.delete_map(m.id) == MapSize(0, 0)
    assert opened.network.maps(case_id) == []


def test_entries_removed_before_are_not_counted_again(opened, case):
    case_id, muharem, _nour = case
    m, entries = _map_with(opened, case_id, muharem.id, ("Oma Fatima", "Trainer Ali"), 1)
    opened.network.remove_entry(entries[1].id)
    assert opened.network.map_size(m.id) == MapSize(entries=1, versions=1)
    assert opened.network.delete_map(m.id) == MapSize(entries=1, versions=1)
