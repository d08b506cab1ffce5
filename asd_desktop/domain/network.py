"""The Netzwerkkarte (after Pantuček, as in easyNWK): sectors, horizons, geometry, diff, figures.

Pure rules, no Qt and no reportlab: the window's painter and the printed page both
place every entry with :func:`layout` and read a drop point with :func:`place_at`,
so the drawing on screen and on paper is the same.

Geometry is in map units: the centre person sits at (0, 0), the outer horizon has
radius 1, and y points *up* (as on paper; the screen painter flips it).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

# --- what an entry is ------------------------------------------------------------------


class Sector(enum.StrEnum):
    """The four sectors of the map, clockwise from the top left."""

    FAMILY = "familie"
    FRIENDS = "freunde"
    SCHOOL_WORK = "schule_arbeit"
    PROFESSIONAL = "professionell"

    @property
    def label(self) -> str:
        """German label for the map and the list."""
        return SECTOR_LABELS[self]


SECTOR_LABELS: dict[Sector, str] = {
    Sector.FAMILY: "Familie",
    Sector.FRIENDS: "Freunde und Bekannte",
    Sector.SCHOOL_WORK: "Schule, Ausbildung, Arbeit",
    Sector.PROFESSIONAL: "Professionelle Helfer",
}

#: Short names for narrow lists.
SECTOR_SHORT: dict[Sector, str] = {
    Sector.FAMILY: "Familie",
    Sector.FRIENDS: "Freunde",
    Sector.SCHOOL_WORK: "Schule/Arbeit",
    Sector.PROFESSIONAL: "Fachleute",
}

#: Clockwise order on the map: top left, top right, bottom right, bottom left.
SECTORS: tuple[Sector, ...] = (
    Sector.FAMILY,
    Sector.FRIENDS,
    Sector.SCHOOL_WORK,
    Sector.PROFESSIONAL,
)

#: Each sector's arc (degrees, counter-clockwise from the positive x axis, y up).
_SECTOR_ARC: dict[Sector, tuple[float, float]] = {
    Sector.FAMILY: (90.0, 180.0),
    Sector.FRIENDS: (0.0, 90.0),
    Sector.SCHOOL_WORK: (270.0, 360.0),
    Sector.PROFESSIONAL: (180.0, 270.0),
}

#: Fill colours of the sectors (light, so black names stay readable; printable in grey).
SECTOR_COLOURS: dict[Sector, str] = {
    Sector.FAMILY: "#fbe9d0",
    Sector.FRIENDS: "#e2f0d9",
    Sector.SCHOOL_WORK: "#dcebf7",
    Sector.PROFESSIONAL: "#ece4f3",
}

#: The colours of an entry's dot, darker than its sector.
DOT_COLOURS: dict[Sector, str] = {
    Sector.FAMILY: "#b86b00",
    Sector.FRIENDS: "#3f7d20",
    Sector.SCHOOL_WORK: "#1f5f99",
    Sector.PROFESSIONAL: "#6b3f8f",
}

CONFLICT_COLOUR = "#c0392b"
LINE_COLOUR = "#4a4a4a"

#: The three horizons of closeness: 1 is closest to the centre.
HORIZONS: tuple[int, ...] = (1, 2, 3)
HORIZON_LABELS: dict[int, str] = {1: "sehr nah", 2: "nah", 3: "weiter entfernt"}


class Support(enum.StrEnum):
    """Kinds of support a relation carries."""

    EMOTIONAL = "emotional"
    PRACTICAL = "praktisch"
    MATERIAL = "materiell"
    INFORMATION = "information"
    COMPANY = "begleitung"

    @property
    def label(self) -> str:
        """German label."""
        return SUPPORT_LABELS[self]


SUPPORT_LABELS: dict[Support, str] = {
    Support.EMOTIONAL: "emotional",
    Support.PRACTICAL: "praktisch",
    Support.MATERIAL: "materiell",
    Support.INFORMATION: "Information",
    Support.COMPANY: "Begleitung",
}

#: One letter per kind of support, printed on the relation line (explained in the legend).
SUPPORT_MARKS: dict[Support, str] = {
    Support.EMOTIONAL: "E",
    Support.PRACTICAL: "P",
    Support.MATERIAL: "M",
    Support.INFORMATION: "I",
    Support.COMPANY: "B",
}


class Direction(enum.StrEnum):
    """Which way support flows, seen from the entry: it gives, it receives, or both."""

    GIVES = "gibt"
    RECEIVES = "erhaelt"
    BOTH = "beides"

    @property
    def label(self) -> str:
        """German label."""
        return DIRECTION_LABELS[self]


DIRECTION_LABELS: dict[Direction, str] = {
    Direction.GIVES: "gibt",
    Direction.RECEIVES: "erhält",
    Direction.BOTH: "beides",
}


class EntrySource(enum.StrEnum):
    """What an entry stands for."""

    PERSON = "person"
    RESOURCE = "ressource"
    CATALOG = "katalog"
    NAME = "name"

    @property
    def label(self) -> str:
        """German label."""
        return {
            EntrySource.PERSON: "Person des Falls",
            EntrySource.RESOURCE: "Ressource des Falls",
            EntrySource.CATALOG: "Angebot aus dem Sozialraumkatalog",
            EntrySource.NAME: "Name",
        }[self]


E = TypeVar("E", bound=enum.Enum)


def enum_or(kind: type[E], value: object, default: E) -> E:
    """``kind(value)``, or ``default`` for a value this release does not know."""
    try:
        return kind(value)
    except ValueError:
        return default


@dataclass(frozen=True)
class MapEntry:
    """One entry as drawn and compared: who, where, and the relation to the centre."""

    id: str
    name: str
    sector: Sector
    horizon: int
    #: Where along the sector's arc (0 … 1, clockwise); None: spread out automatically.
    spot: float | None = None
    supports: tuple[Support, ...] = ()
    direction: Direction = Direction.BOTH
    conflict: bool = False
    source: EntrySource = EntrySource.NAME
    #: Short names of the Handlungsziele this entry supports ("Ziel 1: …").
    goals: tuple[str, ...] = ()

    @property
    def has_relation(self) -> bool:
        """True when a line from the centre is drawn (some support or a conflict)."""
        return bool(self.supports) or self.conflict

    def to_json(self) -> dict[str, Any]:
        """The entry as stored in a saved version."""
        return {
            "id": self.id,
            "name": self.name,
            "sector": self.sector.value,
            "horizon": self.horizon,
            "spot": self.spot,
            "supports": [s.value for s in self.supports],
            "direction": self.direction.value,
            "conflict": self.conflict,
            "source": self.source.value,
            "goals": list(self.goals),
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> MapEntry:
        """Read back :meth:`to_json`; unknown values fall back to safe defaults."""
        spot = raw.get("spot")
        return cls(
            id=str(raw.get("id", "")),
            name=str(raw.get("name", "")),
            sector=enum_or(Sector, raw.get("sector"), Sector.FRIENDS),
            horizon=clamp_horizon(int(raw.get("horizon", 2) or 2)),
            spot=float(spot) if isinstance(spot, (int, float)) else None,
            supports=supports_of(raw.get("supports", ())),
            direction=enum_or(Direction, raw.get("direction"), Direction.BOTH),
            conflict=bool(raw.get("conflict", False)),
            source=enum_or(EntrySource, raw.get("source"), EntrySource.NAME),
            goals=tuple(str(g) for g in raw.get("goals", ()) or ()),
        )


def supports_of(values: Iterable[object]) -> tuple[Support, ...]:
    """Known kinds of support in the canonical order (unknown values are dropped)."""
    given = {str(v) for v in values}
    return tuple(s for s in Support if s.value in given)


def clamp_horizon(horizon: int) -> int:
    """A horizon within 1 … 3."""
    return max(HORIZONS[0], min(HORIZONS[-1], horizon))


def sector_for_roles(roles: Iterable[str]) -> Sector:
    """The sector a person of the case is proposed in, from their roles."""
    given = set(roles)
    if "fachkraft" in given:
        return Sector.PROFESSIONAL
    if given & {"kind", "mutter", "vater", "sorgeberechtigt", "verwandt"}:
        return Sector.FAMILY
    return Sector.FRIENDS


def moved(entry: MapEntry, *, sector_step: int = 0, horizon_step: int = 0) -> MapEntry:
    """``entry`` one sector further clockwise (+1) or back (-1), or closer (-1)/further (+1).

    A sector change forgets the dragged spot (the entry is spread among its new neighbours).
    """
    sector = entry.sector
    spot = entry.spot
    if sector_step:
        sector = SECTORS[(SECTORS.index(sector) + sector_step) % len(SECTORS)]
        spot = None
    return replace(
        entry, sector=sector, spot=spot, horizon=clamp_horizon(entry.horizon + horizon_step)
    )


# --- geometry ----------------------------------------------------------------------------

#: Radius of the centre person's disc.
CENTRE_RADIUS = 0.12
#: Outer radius of each horizon (1, 2, 3).
HORIZON_RADII: dict[int, float] = {1: 0.45, 2: 0.73, 3: 1.0}
#: The part of a sector's arc kept free next to the dividing lines.
_ARC_MARGIN = 0.08
#: The smallest distance between two dots in one ring before they are staggered.
_MIN_SPACING = 0.11
#: Widest a name may run before it wraps (map units); renderers wrap by their own fonts.
LABEL_WIDTH = 0.3
DOT_RADIUS = 0.028


def horizon_inner(horizon: int) -> float:
    """Inner radius of a horizon."""
    return CENTRE_RADIUS if horizon == 1 else HORIZON_RADII[horizon - 1]


def _angle(sector: Sector, spot: float) -> float:
    """Angle (radians) of a spot on the sector's arc; spot runs clockwise from 0 to 1."""
    start, end = _SECTOR_ARC[sector]
    t = _ARC_MARGIN + (1 - 2 * _ARC_MARGIN) * max(0.0, min(1.0, spot))
    return math.radians(end - t * (end - start))


@dataclass(frozen=True)
class PlacedEntry:
    """An entry with its dot's centre in map units."""

    entry: MapEntry
    x: float
    y: float


def layout(entries: Sequence[MapEntry]) -> list[PlacedEntry]:
    """Where every entry's dot goes; the one function the window and the page both use.

    Entries with a spot sit there; the others are spread evenly along their sector's
    arc in the middle of their horizon, staggered inwards and outwards when crowded.
    """
    bands: dict[tuple[Sector, int], list[MapEntry]] = {}
    for e in entries:
        bands.setdefault((e.sector, clamp_horizon(e.horizon)), []).append(e)
    placed: dict[str, PlacedEntry] = {}
    for (sector, horizon), members in bands.items():
        inner, outer = horizon_inner(horizon), HORIZON_RADII[horizon]
        middle = (inner + outer) / 2
        arc = middle * math.pi / 2 * (1 - 2 * _ARC_MARGIN)
        crowded = len(members) > max(1, int(arc / _MIN_SPACING))
        free = [e for e in members if e.spot is None]
        for n, e in enumerate(members):
            if e.spot is not None:
                spot = e.spot
                k = n
            else:
                k = free.index(e)
                spot = (k + 1) / (len(free) + 1)
            radius = middle
            if crowded:
                radius += (outer - inner) * (0.25 if k % 2 else -0.25)
            angle = _angle(sector, spot)
            placed[e.id] = PlacedEntry(e, radius * math.cos(angle), radius * math.sin(angle))
    return [placed[e.id] for e in entries]


@dataclass(frozen=True)
class Place:
    """Where a dropped entry lands: sector, horizon and spot."""

    sector: Sector
    horizon: int
    spot: float


def place_at(x: float, y: float) -> Place:
    """The sector, horizon and spot of a point in map units (y up); used for dropping."""
    degrees = math.degrees(math.atan2(y, x)) % 360.0
    sector = next(s for s, (lo, hi) in _SECTOR_ARC.items() if lo <= degrees < hi)
    start, end = _SECTOR_ARC[sector]
    t = (end - degrees) / (end - start)
    spot = (t - _ARC_MARGIN) / (1 - 2 * _ARC_MARGIN)
    radius = math.hypot(x, y)
    horizon = next((h for h in HORIZONS if radius <= HORIZON_RADII[h]), HORIZONS[-1])
    return Place(sector, horizon, round(max(0.0, min(1.0, spot)), 4))


def hit(placed: Sequence[PlacedEntry], x: float, y: float, tolerance: float) -> str | None:
    """The id of the topmost entry whose dot is within ``tolerance`` of (x, y), if any."""
    best: tuple[float, str] | None = None
    for p in placed:
        d = math.hypot(p.x - x, p.y - y)
        if d <= tolerance and (best is None or d < best[0]):
            best = (d, p.entry.id)
    return best[1] if best else None


def line_width(entry: MapEntry) -> float:
    """Width of the relation line in points: thicker the more kinds of support it carries."""
    return 0.8 + 0.7 * len(entry.supports)


def wrap_words(text: str, fits: Callable[[str], bool], max_lines: int = 3) -> list[str]:
    """Break ``text`` into lines for which ``fits(line)`` is true; no word is ever cut.

    A single word wider than the limit stays whole on its own line (names are never
    shortened); beyond ``max_lines`` the rest joins the last line.
    """
    lines: list[str] = []
    for word in text.split():
        if lines and fits(f"{lines[-1]} {word}"):
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return lines or [""]


# --- what changed ------------------------------------------------------------------------


class ChangeKind(enum.StrEnum):
    """Kinds of change between two versions of a map."""

    ADDED = "added"
    GONE = "gone"
    CLOSER = "closer"
    FURTHER = "further"
    SECTOR = "sector"
    SUPPORT_GAINED = "support_gained"
    SUPPORT_LOST = "support_lost"
    CONFLICT_BEGUN = "conflict_begun"
    CONFLICT_ENDED = "conflict_ended"

    @property
    def label(self) -> str:
        """German heading of the kind of change."""
        return CHANGE_LABELS[self]


CHANGE_LABELS: dict[ChangeKind, str] = {
    ChangeKind.ADDED: "Neu auf der Karte",
    ChangeKind.GONE: "Nicht mehr auf der Karte",
    ChangeKind.CLOSER: "Näher gerückt",
    ChangeKind.FURTHER: "Weiter weg gerückt",
    ChangeKind.SECTOR: "In einen anderen Sektor gewechselt",
    ChangeKind.SUPPORT_GAINED: "Unterstützung dazugekommen",
    ChangeKind.SUPPORT_LOST: "Unterstützung weggefallen",
    ChangeKind.CONFLICT_BEGUN: "Konflikt begonnen",
    ChangeKind.CONFLICT_ENDED: "Konflikt beendet",
}


@dataclass(frozen=True)
class Change:
    """One change of one entry between two versions."""

    kind: ChangeKind
    entry_id: str
    name: str
    detail: str = ""

    @property
    def text(self) -> str:
        """The change as one German line."""
        suffix = f" ({self.detail})" if self.detail else ""
        return f"{self.kind.label}: {self.name}{suffix}"


@dataclass(frozen=True)
class MapDiff:
    """Everything that changed between an older and a newer version."""

    changes: tuple[Change, ...] = ()

    def of(self, kind: ChangeKind) -> list[Change]:
        """The changes of one kind."""
        return [c for c in self.changes if c.kind is kind]

    @property
    def empty(self) -> bool:
        """True when the two versions show the same network."""
        return not self.changes

    def lines(self) -> list[str]:
        """Every change as a German line, grouped by kind."""
        return [c.text for kind in ChangeKind for c in self.of(kind)]


def _where(e: MapEntry) -> str:
    return f"{e.sector.label}, {HORIZON_LABELS[clamp_horizon(e.horizon)]}"


def diff(old: Sequence[MapEntry], new: Sequence[MapEntry]) -> MapDiff:
    """What changed from ``old`` to ``new`` ("Was hat sich verändert?"), matched by entry id."""
    before = {e.id: e for e in old}
    after = {e.id: e for e in new}
    changes: list[Change] = []
    for e in new:
        was = before.get(e.id)
        if was is None:
            changes.append(Change(ChangeKind.ADDED, e.id, e.name, _where(e)))
            continue
        if e.horizon < was.horizon:
            detail = f"{HORIZON_LABELS[was.horizon]} → {HORIZON_LABELS[e.horizon]}"
            changes.append(Change(ChangeKind.CLOSER, e.id, e.name, detail))
        elif e.horizon > was.horizon:
            detail = f"{HORIZON_LABELS[was.horizon]} → {HORIZON_LABELS[e.horizon]}"
            changes.append(Change(ChangeKind.FURTHER, e.id, e.name, detail))
        if e.sector is not was.sector:
            detail = f"{was.sector.label} → {e.sector.label}"
            changes.append(Change(ChangeKind.SECTOR, e.id, e.name, detail))
        gained = [s for s in e.supports if s not in was.supports]
        lost = [s for s in was.supports if s not in e.supports]
        if gained:
            detail = ", ".join(s.label for s in gained)
            changes.append(Change(ChangeKind.SUPPORT_GAINED, e.id, e.name, detail))
        if lost:
            detail = ", ".join(s.label for s in lost)
            changes.append(Change(ChangeKind.SUPPORT_LOST, e.id, e.name, detail))
        if e.conflict and not was.conflict:
            changes.append(Change(ChangeKind.CONFLICT_BEGUN, e.id, e.name))
        elif was.conflict and not e.conflict:
            changes.append(Change(ChangeKind.CONFLICT_ENDED, e.id, e.name))
    for e in old:
        if e.id not in after:
            changes.append(Change(ChangeKind.GONE, e.id, e.name, _where(e)))
    return MapDiff(tuple(changes))


# --- figures -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MapFigures:
    """Figures of one version: entries per sector and horizon, professionals, empty sectors."""

    total: int
    #: Count per (sector, horizon), every cell present (zero when empty).
    cells: dict[tuple[Sector, int], int] = field(default_factory=dict)

    def in_sector(self, sector: Sector) -> int:
        """Entries in a sector."""
        return sum(n for (s, _h), n in self.cells.items() if s is sector)

    def in_horizon(self, horizon: int) -> int:
        """Entries in a horizon."""
        return sum(n for (_s, h), n in self.cells.items() if h == horizon)

    @property
    def professional_share(self) -> float:
        """Share of professional helpers among all entries (0 … 1; 0 on an empty map)."""
        return self.in_sector(Sector.PROFESSIONAL) / self.total if self.total else 0.0

    @property
    def empty_sectors(self) -> tuple[Sector, ...]:
        """Sectors without any entry."""
        return tuple(s for s in SECTORS if self.in_sector(s) == 0)

    def lines(self) -> list[str]:
        """The figures as German lines (the window, the page and a screen reader read them)."""
        out = [f"Einträge insgesamt: {self.total}"]
        for s in SECTORS:
            per = ", ".join(f"{HORIZON_LABELS[h]} {self.cells.get((s, h), 0)}" for h in HORIZONS)
            out.append(f"{s.label}: {self.in_sector(s)} ({per})")
        share = round(self.professional_share * 100)
        out.append(f"Anteil professioneller Helfer: {share} %")
        empty = ", ".join(s.label for s in self.empty_sectors) or "keiner"
        out.append(f"Leere Sektoren: {empty}")
        return out


def figures(entries: Sequence[MapEntry]) -> MapFigures:
    """The figures of one version of a map."""
    cells = {(s, h): 0 for s in SECTORS for h in HORIZONS}
    for e in entries:
        cells[(e.sector, clamp_horizon(e.horizon))] += 1
    return MapFigures(total=len(entries), cells=cells)


#: The neighbouring sector in each arrow direction (the map's quadrants).
_NEIGHBOURS: dict[Sector, dict[str, Sector]] = {
    Sector.FAMILY: {"right": Sector.FRIENDS, "down": Sector.PROFESSIONAL},
    Sector.FRIENDS: {"left": Sector.FAMILY, "down": Sector.SCHOOL_WORK},
    Sector.SCHOOL_WORK: {"left": Sector.PROFESSIONAL, "up": Sector.FRIENDS},
    Sector.PROFESSIONAL: {"right": Sector.SCHOOL_WORK, "up": Sector.FAMILY},
}


def neighbour(sector: Sector, direction: str) -> Sector:
    """The sector beside ``sector`` towards left/right/up/down (itself at the map's edge)."""
    return _NEIGHBOURS[sector].get(direction, sector)
