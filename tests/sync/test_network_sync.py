"""The Netzwerkkarte travels: two laptops edit different entries of the same map, no conflict."""

from __future__ import annotations

from asd_desktop.domain.network import Direction, EntrySource, Sector, Support
from asd_desktop.services.network import EntryInput, RelationInput, VersionInput
from tests.sync.trio import TODAY, Node, Trio


def _al_zein_map(node: Node) -> tuple[str, str]:
    row = next(r for r in node.ov.cases.list_cases() if r.file_number == "ASD-M-2024-0113")
    [m] = node.ov.network.maps(row.id)
    return row.id, m.id


def test_two_laptops_edit_different_entries_of_one_map_without_conflict(trio: Trio) -> None:
    case_id, map_id = _al_zein_map(trio.a)
    entries = {e.name: e for e in trio.a.ov.network.entries(map_id)}
    assert {e.name for e in trio.b.ov.network.entries(map_id)} == set(entries)
    nour, teacher = entries["Nour Al Zein"], entries["Sabine Lorenz"]
    # A drags Nour further out and adds the neighbour; B changes the teacher's relation,
    # takes Frau Haddad off the map and saves a version.
    trio.a.ov.network.move_entry(nour.id, Sector.FAMILY, 2, 0.3)
    added = trio.a.ov.network.add_entry(
        map_id, EntryInput(EntrySource.NAME, "Herr Öztürk (Nachbar)", Sector.FRIENDS, 2)
    )
    trio.b.ov.network.set_relation(
        teacher.id, RelationInput((Support.INFORMATION, Support.EMOTIONAL), Direction.BOTH, True)
    )
    trio.b.ov.network.remove_entry(entries["Frau Haddad (Dolmetscherin)"].id)
    saved = trio.b.ov.network.save_version(map_id, VersionInput(TODAY, "beim Hausbesuch"))
    trio.full_exchange()

    for node in (trio.o, trio.a, trio.b):
        assert node.ov.sync.conflicts() == []
        now = {e.name: e for e in node.ov.network.entries(map_id)}
        assert (now["Nour Al Zein"].horizon, now["Nour Al Zein"].spot) == (2, 0.3)
        assert now["Herr Öztürk (Nachbar)"].id == added.id
        assert now["Sabine Lorenz"].supports == (Support.EMOTIONAL, Support.INFORMATION)
        assert now["Sabine Lorenz"].conflict
        assert "Frau Haddad (Dolmetscherin)" not in now
        versions = node.ov.network.versions(map_id)
        assert [v.id for v in versions][-1] == saved.id
        assert len(versions) == 3
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()
    assert case_id in trio.o.case_ids()


def test_the_same_entry_moved_on_two_laptops_is_one_conflict_for_a_person(trio: Trio) -> None:
    _case_id, map_id = _al_zein_map(trio.a)
    nour = next(e for e in trio.a.ov.network.entries(map_id) if e.name == "Nour Al Zein")
    trio.a.ov.network.move_entry(nour.id, Sector.FAMILY, 3)
    trio.b.ov.network.move_entry(nour.id, Sector.FRIENDS, 1)
    trio.full_exchange()
    conflicts = trio.o.ov.sync.conflicts()
    assert len(conflicts) == 1
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()
