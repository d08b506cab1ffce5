"""The Netzwerkkarte as a list of simple shapes, drawn alike by Qt (window, PNG) and reportlab.

:func:`scene` turns a map into wedges, circles, lines, arrow heads and texts in map
units (centre (0, 0), outer radius 1, y up). Each renderer only scales and
translates, and wraps names with its own font metrics (``measure``), so the window,
the PNG and the printed page show the same drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from asd_desktop.domain.network import (
    CENTRE_RADIUS,
    CONFLICT_COLOUR,
    DOT_COLOURS,
    DOT_RADIUS,
    HORIZON_LABELS,
    HORIZON_RADII,
    HORIZONS,
    LABEL_WIDTH,
    LINE_COLOUR,
    SECTOR_COLOURS,
    SECTORS,
    SUPPORT_LABELS,
    SUPPORT_MARKS,
    Direction,
    MapEntry,
    PlacedEntry,
    Sector,
    layout,
    wrap_words,
)

#: Width of a text in map units: ``measure(text, size, bold)``.
Measure = Callable[[str, float, bool], float]

#: Font sizes in map units (the outer radius is 1).
NAME_SIZE = 0.036
SMALL_SIZE = 0.03
SECTOR_SIZE = 0.042
CENTRE_SIZE = 0.04
#: Line widths in map units.
RING_WIDTH = 0.004
INK = "#1a1a1a"
MUTED = "#5f6368"
GOAL_COLOUR = "#1f4e79"

#: Where the sector names stand (corners outside the circle), and how they align.
_SECTOR_LABEL_AT: dict[Sector, tuple[float, float, str]] = {
    Sector.FAMILY: (-1.02, 1.0, "left"),
    Sector.FRIENDS: (1.02, 1.0, "right"),
    Sector.SCHOOL_WORK: (1.02, -1.06, "right"),
    Sector.PROFESSIONAL: (-1.02, -1.06, "left"),
}


@dataclass(frozen=True)
class Wedge:
    """A filled quarter of the outer circle."""

    start: float
    extent: float
    radius: float
    fill: str


@dataclass(frozen=True)
class Circle:
    """A circle: filled and/or outlined."""

    x: float
    y: float
    r: float
    stroke: str | None
    fill: str | None
    width: float = RING_WIDTH


@dataclass(frozen=True)
class Line:
    """A straight line; dashed for a conflict."""

    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float
    dashed: bool = False


@dataclass(frozen=True)
class Polygon:
    """A filled polygon (arrow heads)."""

    points: tuple[tuple[float, float], ...]
    fill: str


@dataclass(frozen=True)
class Text:
    """One line of text; (x, y) is the baseline point, aligned left, centre or right."""

    x: float
    y: float
    text: str
    size: float
    colour: str = INK
    bold: bool = False
    align: str = "centre"


Shape = Wedge | Circle | Line | Polygon | Text


@dataclass(frozen=True)
class Scene:
    """Everything to draw, back to front, and where each entry's dot is."""

    shapes: tuple[Shape, ...]
    placed: tuple[PlacedEntry, ...]
    #: The first shapes are the same on every map (sectors, rings, names of sectors).
    background: int = 0


def _arrow(x: float, y: float, towards: tuple[float, float], size: float) -> Polygon:
    """An arrow head with its tip at (x, y) pointing away from ``towards``."""
    angle = math.atan2(y - towards[1], x - towards[0])
    spread = math.radians(24)
    left = (x - size * math.cos(angle - spread), y - size * math.sin(angle - spread))
    right = (x - size * math.cos(angle + spread), y - size * math.sin(angle + spread))
    return Polygon(((x, y), left, right), LINE_COLOUR)


def background() -> list[Shape]:
    """Sectors, horizons, dividing lines and the sector names (the same on every map)."""
    shapes: list[Shape] = []
    arcs = {
        Sector.FAMILY: 90.0,
        Sector.FRIENDS: 0.0,
        Sector.SCHOOL_WORK: 270.0,
        Sector.PROFESSIONAL: 180.0,
    }
    for sector in SECTORS:
        shapes.append(Wedge(arcs[sector], 90.0, 1.0, SECTOR_COLOURS[sector]))
    for h in reversed(HORIZONS):
        shapes.append(Circle(0.0, 0.0, HORIZON_RADII[h], MUTED, None, RING_WIDTH))
    shapes.append(Line(-1.0, 0.0, 1.0, 0.0, MUTED, RING_WIDTH * 1.5))
    shapes.append(Line(0.0, -1.0, 0.0, 1.0, MUTED, RING_WIDTH * 1.5))
    for sector in SECTORS:
        x, y, align = _SECTOR_LABEL_AT[sector]
        shapes.append(Text(x, y, sector.label, SECTOR_SIZE, INK, True, align))
    for h in HORIZONS:
        # Horizon names just inside each ring's outer edge, along the upward axis.
        shapes.append(
            Text(
                0.012, HORIZON_RADII[h] - 0.04, HORIZON_LABELS[h], SMALL_SIZE, MUTED, False, "left"
            )
        )
    return shapes


def scene(entries: Sequence[MapEntry], centre_name: str, measure: Measure) -> Scene:
    """The whole drawing of one map."""
    placed = layout(entries)
    shapes = background()
    fixed = len(shapes)
    # Relation lines first, under every dot and name.
    for p in placed:
        e = p.entry
        if not e.has_relation:
            continue
        length = math.hypot(p.x, p.y) or 1.0
        ux, uy = p.x / length, p.y / length
        sx, sy = ux * CENTRE_RADIUS, uy * CENTRE_RADIUS
        ex, ey = p.x - ux * DOT_RADIUS, p.y - uy * DOT_RADIUS
        width = (0.8 + 0.7 * len(e.supports)) * 0.0035
        colour = CONFLICT_COLOUR if e.conflict else LINE_COLOUR
        shapes.append(Line(sx, sy, ex, ey, colour, width, dashed=e.conflict))
        head = 0.035
        if e.supports and e.direction in (Direction.GIVES, Direction.BOTH):
            shapes.append(_arrow(sx, sy, (ex, ey), head))
        if e.supports and e.direction in (Direction.RECEIVES, Direction.BOTH):
            shapes.append(_arrow(ex, ey, (sx, sy), head))
        if e.supports:
            marks = " ".join(SUPPORT_MARKS[s] for s in e.supports)
            mx, my = (sx + ex) / 2, (sy + ey) / 2
            # Beside the line, on its clockwise side.
            shapes.append(
                Text(mx + uy * 0.03, my - ux * 0.03 - SMALL_SIZE / 3, marks, SMALL_SIZE, colour)
            )
    for p in placed:
        shapes.append(Circle(p.x, p.y, DOT_RADIUS, "#ffffff", DOT_COLOURS[p.entry.sector], 0.004))
    shapes.extend(_labels(placed, measure))
    shapes.append(Circle(0.0, 0.0, CENTRE_RADIUS, INK, "#ffffff", RING_WIDTH * 2))
    centre = wrap_words(centre_name, lambda t: measure(t, CENTRE_SIZE, True) <= 0.25, 3)
    y = (len(centre) - 1) * CENTRE_SIZE * 0.6 - CENTRE_SIZE / 3
    for line in centre:
        shapes.append(Text(0.0, y, line, CENTRE_SIZE, INK, True))
        y -= CENTRE_SIZE * 1.2
    return Scene(tuple(shapes), tuple(placed), fixed)


def _goal_number(label: str) -> tuple[int, str]:
    mark = label.split(":", 1)[0].lstrip("Z")
    return (int(mark) if mark.isdigit() else 0, label)


Box = tuple[float, float, float, float]


def _covers(box: Box, others: Sequence[Box]) -> bool:
    """True when ``box`` overlaps any of ``others`` (the fast test; no areas)."""
    x0, y0, x1, y1 = box
    return any(o[0] < x1 and o[2] > x0 and o[1] < y1 and o[3] > y0 for o in others)


def _count(box: Box, others: Sequence[Box]) -> int:
    """How many of ``others`` ``box`` overlaps."""
    x0, y0, x1, y1 = box
    return sum(1 for o in others if o[0] < x1 and o[2] > x0 and o[1] < y1 and o[3] > y0)


def _labels(placed: Sequence[PlacedEntry], measure: Measure) -> list[Text]:
    """Every name (and goal marks) beside its dot where it covers the least.

    A small greedy labeller: for each dot, in order of distance from the centre,
    a few places are tried (outward side, above, below, outward and shifted) and the
    first that covers no dot and no earlier name wins, else the one covering least.
    A name never crosses the vertical sector line.
    """
    dots: list[Box] = [
        (p.x - DOT_RADIUS, p.y - DOT_RADIUS, p.x + DOT_RADIUS, p.y + DOT_RADIUS) for p in placed
    ]
    taken: list[Box] = [(-CENTRE_RADIUS, -CENTRE_RADIUS, CENTRE_RADIUS, CENTRE_RADIUS)]
    out: list[Text] = []
    order = sorted(range(len(placed)), key=lambda i: math.hypot(placed[i].x, placed[i].y))
    for i in order:
        p = placed[i]
        e = p.entry
        lines = wrap_words(e.name, lambda t: measure(t, NAME_SIZE, False) <= LABEL_WIDTH)
        texts: list[tuple[str, float, str, bool]] = [(t, NAME_SIZE, INK, False) for t in lines]
        if e.goals:
            marks = ", ".join(g.split(":", 1)[0] for g in e.goals)
            texts.append((marks, SMALL_SIZE, GOAL_COLOUR, True))
        width = max(measure(t, size, bold) for t, size, _c, bold in texts)
        step = NAME_SIZE * 1.2
        height = step * len(texts)
        gap = DOT_RADIUS + 0.01
        side = -1.0 if p.x < 0 else 1.0
        # Candidate boxes (x0, y0, x1, y1), best first.
        out_x0 = p.x + gap if side > 0 else p.x - gap - width
        centred_x0 = p.x - width / 2
        centred_x0 = min(centred_x0, -0.012 - width) if side < 0 else max(centred_x0, 0.012)
        candidates: list[Box] = [
            (out_x0, p.y - height / 2, out_x0 + width, p.y + height / 2),
            (centred_x0, p.y + gap, centred_x0 + width, p.y + gap + height),
            (centred_x0, p.y - gap - height, centred_x0 + width, p.y - gap),
            (out_x0, p.y, out_x0 + width, p.y + height),
            (out_x0, p.y - height, out_x0 + width, p.y),
            (out_x0, p.y + height / 2, out_x0 + width, p.y + height * 1.5),
            (out_x0, p.y - height * 1.5, out_x0 + width, p.y - height / 2),
        ]
        # Only what is near can be covered: a cheap filter keeps this fast with 60 entries.
        reach_x, reach_y = width + gap + 0.05, height * 1.5 + gap + 0.05
        near = [
            d
            for j, d in enumerate(dots)
            if j != i and abs(d[0] - p.x) < reach_x and abs(d[1] - p.y) < reach_y
        ]
        near += [
            t
            for t in taken
            if t[0] < p.x + reach_x
            and t[2] > p.x - reach_x
            and t[1] < p.y + reach_y
            and t[3] > p.y - reach_y
        ]
        free = next((box for box in candidates if not _covers(box, near)), None)
        if free is None:
            # Everywhere covers something: the place that covers least.
            costs = [_count(box, near) for box in candidates]
            free = candidates[costs.index(min(costs))]
        box = free
        taken.append(box)
        centre_x = (box[0] + box[2]) / 2
        y = box[3] - NAME_SIZE * 0.95
        for t, size, colour, bold in texts:
            out.append(Text(centre_x, y, t, size, colour, bold))
            y -= step
    return out


def legend_lines(entries: Sequence[MapEntry]) -> list[str]:
    """The legend: marks of support, line styles, and the goals named on the map."""
    marks = ", ".join(f"{SUPPORT_MARKS[s]} = {SUPPORT_LABELS[s]}" for s in SUPPORT_MARKS)
    out = [
        f"Unterstützung: {marks}",
        "Linie: je dicker, desto mehr Arten von Unterstützung; Pfeil zur Mitte: gibt, "
        "Pfeil nach außen: erhält, beide Pfeile: beides",
        "Rot gestrichelt: Konflikt",
    ]
    goals = sorted({g for e in entries for g in e.goals}, key=_goal_number)
    if goals:
        out.append("Ziele (Z1, Z2 … unter dem Namen): " + "; ".join(goals))
    return out
