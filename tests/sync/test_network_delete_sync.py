"""A deleted Netzwerkkarte travels: the office and the other laptop drop it too."""

from __future__ import annotations

from asd_desktop.domain.network import EntrySource, Sector
from asd_desktop.models.network import NetworkEntry, NetworkMap, NetworkVersion
from asd_desktop.services.network import EntryInput
from tests.sync.trio import Node, Trio


def _al_zein_map(node: Node) -> tuple[str, str]:
    row = next(r for r in node.ov.cases.list_cases() if r.file_number == "ASD-M-2024-0113")
    [m] = node.ov.network.maps(row.id)
    return row.id, m.id


def test_a_map_deleted_on_one_laptop_is_gone_everywhere_after_the_exchange(trio: Trio) -> None:
    case_id, map_id = _al_zein_map(trio.a)
    size = trio.b.ov.network.map_size(map_id)
    assert size.entries > 0
    assert size.versions == 2
    entry_ids = [e.id for e in trio.b.ov.network.entries(map_id)]
    assert trio.b.ov.network.map_people(case_id)
    trio.a.ov.network.delete_map(map_id)
    trio.full_exchange()

    for node in (trio.o, trio.a, trio.b):
        assert node.ov.network.maps(case_id) == []
        assert node.ov.network.map_people(case_id) == []
        assert node.ov.sync.conflicts() == []
    # On the office and the other laptop: tombstones without names (or purged, once every
    # device has acknowledged them), never a live row.
    for node in (trio.o, trio.b):
        row = node.get(NetworkMap, map_id)
        assert row is None or (row.deleted and row.centre_name == "")
        for entry_id in entry_ids:
            entry = node.get(NetworkEntry, entry_id)
            assert entry is None or (entry.deleted and entry.name == "")
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()


def test_an_entry_added_meanwhile_on_the_other_laptop_does_not_bring_the_map_back(
    trio: Trio,
) -> None:
    case_id, map_id = _al_zein_map(trio.a)
    nour = next(e for e in trio.b.ov.network.entries(map_id) if e.name == "Nour Al Zein")
    # A deletes the map; B, not knowing, adds the neighbour and moves Nour.
    trio.a.ov.network.delete_map(map_id)
    added = trio.b.ov.network.add_entry(
        map_id, EntryInput(EntrySource.NAME, "Herr Öztürk (Nachbar)", Sector.FRIENDS, 2)
    )
    trio.b.ov.network.move_entry(nour.id, Sector.FAMILY, 3)
    trio.full_exchange()

    for node in (trio.o, trio.a, trio.b):
        # The map stays deleted; neither the new entry nor the moved one shows anywhere.
        assert node.ov.network.maps(case_id) == []
        assert node.ov.network.map_people(case_id) == []
        assert node.ov.network.pictures(case_id) == []
        # Deleting against moving the same entry is one conflict a person decides.
        conflicts = node.ov.sync.conflicts()
        assert [(c.table, c.row_id) for c in conflicts] == [("network_entries", nour.id)]
        assert sorted(v.deleted for v in conflicts[0].versions) == [False, True]
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()
    # The added entry survives as a row of a deleted map: nobody lost what B typed, and
    # nothing shows it; the saved versions are tombstones on every device.
    row = trio.o.get(NetworkEntry, added.id)
    assert row is not None
    assert not row.deleted
    for version_id in [r.id for r in _versions_of(trio.o, map_id)]:
        assert trio.o.get(NetworkVersion, version_id).deleted


def _versions_of(node: Node, map_id: str) -> list[NetworkVersion]:
    from sqlalchemy import select

    with node.ov.database.session_factory() as s:
        return list(s.scalars(select(NetworkVersion).where(NetworkVersion.map_id == map_id)))
