"""The Netzwerkkarte's pure rules: layout and drop points, the diff, the figures."""

from __future__ import annotations

import math

from asd_desktop.domain.network import (
    HORIZON_RADII,
    ChangeKind,
    Direction,
    MapEntry,
    Sector,
    Support,
    diff,
    figures,
    horizon_inner,
    layout,
    moved,
    place_at,
    wrap_words,
)


def entry(i: str, sector: Sector, horizon: int, **kw: object) -> MapEntry:
    return MapEntry(id=i, name=f"Person {i}", sector=sector, horizon=horizon, **kw)  # type: ignore[arg-type]


def test_every_entry_lands_in_its_own_sector_and_horizon_even_when_crowded() -> None:
    entries = [entry(f"{s.value}{h}{n}", s, h) for s in Sector for h in (1, 2, 3) for n in range(5)]
    for p in layout(entries):
        where = place_at(p.x, p.y)
        assert where.sector is p.entry.sector, p.entry.id
        assert where.horizon == p.entry.horizon, p.entry.id
        r = math.hypot(p.x, p.y)
        assert horizon_inner(p.entry.horizon) < r < HORIZON_RADII[p.entry.horizon]


def test_a_dropped_spot_is_kept_and_read_back_from_its_point() -> None:
    e = entry("a", Sector.SCHOOL_WORK, 2, spot=0.25)
    [p] = layout([e])
    back = place_at(p.x, p.y)
    assert (back.sector, back.horizon) == (Sector.SCHOOL_WORK, 2)
    assert abs(back.spot - 0.25) < 1e-3
    # Family is top left (y up): x < 0, y > 0.
    [f] = layout([entry("f", Sector.FAMILY, 1)])
    assert f.x < 0 < f.y


def test_arrow_moves_wrap_around_the_sectors_and_stop_at_the_horizons() -> None:
    e = entry("a", Sector.PROFESSIONAL, 3, spot=0.5)
    right = moved(e, sector_step=1)
    assert right.sector is Sector.FAMILY
    assert right.spot is None
    assert moved(e, horizon_step=1).horizon == 3
    assert moved(moved(moved(e, horizon_step=-1), horizon_step=-1), horizon_step=-1).horizon == 1


def test_diff_names_every_kind_of_change() -> None:
    old = [
        entry("oma", Sector.FAMILY, 2, supports=(Support.EMOTIONAL,)),
        entry("trainer", Sector.FRIENDS, 3),
        entry("lehrerin", Sector.SCHOOL_WORK, 1, conflict=True),
        entry("weg", Sector.PROFESSIONAL, 2),
    ]
    new = [
        entry("oma", Sector.FAMILY, 1, supports=(Support.PRACTICAL,)),
        entry("trainer", Sector.SCHOOL_WORK, 3, conflict=True),
        entry("lehrerin", Sector.SCHOOL_WORK, 2, supports=(Support.INFORMATION,)),
        entry("neu", Sector.FRIENDS, 2, direction=Direction.GIVES),
    ]
    d = diff(old, new)
    kinds = {(c.kind, c.entry_id) for c in d.changes}
    assert kinds == {
        (ChangeKind.CLOSER, "oma"),
        (ChangeKind.SUPPORT_GAINED, "oma"),
        (ChangeKind.SUPPORT_LOST, "oma"),
        (ChangeKind.SECTOR, "trainer"),
        (ChangeKind.CONFLICT_BEGUN, "trainer"),
        (ChangeKind.FURTHER, "lehrerin"),
        (ChangeKind.SUPPORT_GAINED, "lehrerin"),
        (ChangeKind.CONFLICT_ENDED, "lehrerin"),
        (ChangeKind.ADDED, "neu"),
        (ChangeKind.GONE, "weg"),
    }
    assert "Näher gerückt: Person oma (nah → sehr nah)" in d.lines()
    assert "Unterstützung weggefallen: Person oma (emotional)" in d.lines()
    assert diff(new, new).empty


def test_figures_count_cells_professionals_and_empty_sectors() -> None:
    f = figures(
        [
            entry("a", Sector.FAMILY, 1),
            entry("b", Sector.FAMILY, 3),
            entry("c", Sector.PROFESSIONAL, 2),
            entry("d", Sector.PROFESSIONAL, 2),
        ]
    )
    assert f.total == 4
    assert f.cells[(Sector.FAMILY, 1)] == 1
    assert f.cells[(Sector.PROFESSIONAL, 2)] == 2
    assert f.in_horizon(2) == 2
    assert f.professional_share == 0.5
    assert f.empty_sectors == (Sector.FRIENDS, Sector.SCHOOL_WORK)
    assert "Anteil professioneller Helfer: 50 %" in f.lines()
    assert figures([]).professional_share == 0.0


def test_names_wrap_at_spaces_and_are_never_cut() -> None:
    lines = wrap_words("Hausaufgabenhilfe im Haus der Jugend Wilhelmsburg", lambda t: len(t) <= 12)
    assert " ".join(lines) == "Hausaufgabenhilfe im Haus der Jugend Wilhelmsburg"
    assert lines[0] == "Hausaufgabenhilfe"


def test_snapshot_json_round_trip_and_unknown_values() -> None:
    e = entry("a", Sector.FRIENDS, 2, supports=(Support.COMPANY, Support.EMOTIONAL), spot=0.3)
    assert MapEntry.from_json(e.to_json()) == MapEntry(
        **{**e.__dict__, "supports": (Support.EMOTIONAL, Support.COMPANY)}
    )
    odd = MapEntry.from_json({"id": "x", "name": "X", "sector": "mond", "horizon": 9})
    assert (odd.sector, odd.horizon) == (Sector.FRIENDS, 3)
