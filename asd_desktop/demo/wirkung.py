"""Writing the Wirkungsbericht's demo: Walle and the city around it, and Hilfen for generated cases.

:func:`write_wirkung_demo` writes the planned helps of :mod:`asd_desktop.demo.wirkung_plan`
(one case each, in Walle or one of the city's districts), a Kollegiale Beratung
before many of the helps begun in between and some Zielvereinbarungen, so the
method's indicators have something to count. :func:`add_generated_hilfen` gives
the generated benchmark cases a place (team, Sozialraum, district) and several
helps each over the years. Both write through the ORM in batches, so the
replication hook stamps every row's version as for any edit.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.demo.generator_pools import ORIGINS
from asd_desktop.demo.wirkung_plan import (
    PILOT_DISTRICT,
    PILOT_TEAM,
    PROJECT_COSTS,
    PlannedHelp,
    plan_helps,
)
from asd_desktop.demo.writer import DEMO_FILLED
from asd_desktop.domain.enums import CaseStatus, IdeaSource, ResourceKind
from asd_desktop.domain.hilfen import EndReason
from asd_desktop.domain.wirkung import ProjectCosts, Side
from asd_desktop.models.case import Case
from asd_desktop.models.consultation import Consultation, ConsultationIdea
from asd_desktop.models.goals import GoalAgreement, Resource
from asd_desktop.models.hilfen import Hilfe
from asd_desktop.models.ids import uuid7
from asd_desktop.services import audit
from asd_desktop.services.wirkung import CaseGroup, GroupKind

#: The pilot group of the demo and its project costs (staff, training, evaluation).
DEMO_PILOT = CaseGroup(GroupKind.DISTRICT, PILOT_DISTRICT)
DEMO_COSTS = ProjectCosts(*PROJECT_COSTS)
BATCH = 200
_CASEWORKERS = ("ASD Walle", "ASD West", "ASD Mitte", "ASD Nord", "ASD Süd")
_PROVIDERS = (
    "Freier Träger Jugendhilfe West",
    "Familienzentrum am Hafen",
    "Verbund Erziehungshilfe Bremen",
    "Kinder- und Jugendhaus Waller Ring",
)
_ENDS = tuple(EndReason)


#: Walle's Ortsteile, the Sozialräume of the pilot team.
_WALLE_PARTS = ("Westend", "Steffensweg", "Osterfeuerberg", "Utbremen", "Hohweg")


def _sozialraum(rng: random.Random, district: str) -> str:
    return rng.choice(_WALLE_PARTS) if district == PILOT_DISTRICT else f"{district}"


def _team(district: str) -> str:
    return PILOT_TEAM if district == PILOT_DISTRICT else f"Junge Menschen {district}"


def write_wirkung_demo(
    session_factory: sessionmaker[Session], device_id: str, seed: int = 2011
) -> int:
    """Write Walle and the city around it; returns the number of cases written."""
    helps = plan_helps(seed)
    rng = random.Random(seed)
    family_names = [n for o in ORIGINS for n in o.family_names]
    for first in range(0, len(helps), BATCH):
        batch = helps[first : first + BATCH]
        with session_factory.begin() as s:
            cases = [_case(rng, h, family_names) for h in batch]
            s.add_all(cases)
            s.flush()
            rows: list[Hilfe | Consultation | GoalAgreement | Resource] = []
            ideas: list[ConsultationIdea] = []
            for row, h in zip(cases, batch, strict=True):
                rows.append(_hilfe(rng, row.id, h))
                rows.extend(_method(rng, row.id, h, ideas))
            s.add_all(rows)
            s.flush()
            s.add_all(ideas)
            s.flush()
            audit.append(s, device_id, DEMO_FILLED, None, f"{len(batch)} Demo-Fälle Wirkung")
    return len(helps)


def _case(rng: random.Random, h: PlannedHelp, names: Sequence[str]) -> Case:
    opened = h.start - dt.timedelta(days=rng.randint(20, 150))
    closed = (h.end or h.start) + dt.timedelta(days=rng.randint(10, 60))
    return Case(
        id=uuid7(),
        file_number=f"ASD-HB-{h.district[:3].upper()}-{opened.year}-{h.case_number:05d}",
        family_name=rng.choice(names),
        status=CaseStatus.CLOSED.value,
        opened_on=opened,
        closed_on=closed,
        caseworker=rng.choice(_CASEWORKERS),
        description="",
        team=_team(h.district),
        sozialraum=_sozialraum(rng, h.district),
        district=h.district,
    )


def _hilfe(rng: random.Random, case_id: str, h: PlannedHelp) -> Hilfe:
    return Hilfe(
        case_id=case_id,
        kind=h.kind,
        provider="" if h.kind == "beratung" else rng.choice(_PROVIDERS),
        start_on=h.start,
        planned_end_on=h.start + dt.timedelta(days=365),
        end_on=h.end,
        end_reason=rng.choice(_ENDS).value if h.end else "",
        minutes_per_week=h.minutes_per_week,
        hourly_rate_cents=h.hourly_rate_cents,
        monthly_cost_cents=h.monthly_cost_cents,
        notes="",
    )


_MEASURES = frozenset(
    {"sgb8_29", "sgb8_30", "sgb8_31", "sgb8_32", "sgb8_33", "sgb8_34", "sgb8_35", "sgb8_35a"}
)


def _method(
    rng: random.Random, case_id: str, h: PlannedHelp, ideas: list[ConsultationIdea]
) -> list[Consultation | GoalAgreement | Resource]:
    """A Kollegiale Beratung before a new HzE, a Zielvereinbarung now and then.

    In Walle the team asks the Sozialraum first far more often than in the city.
    """
    pilot = h.side is Side.PILOT
    rows: list[Consultation | GoalAgreement | Resource] = []
    if h.kind in _MEASURES and h.start.year >= 2011 and rng.random() < (0.85 if pilot else 0.5):
        held = h.start - dt.timedelta(days=rng.randint(7, 40))
        consultation = Consultation(
            id=uuid7(), case_id=case_id, held_on=held, hze_decided=True, closed=True
        )
        rows.append(consultation)
        sources = [IdeaSource.PERSON, IdeaSource.SURROUNDINGS]
        if rng.random() < (0.8 if pilot else 0.3):
            sources.append(IdeaSource.SOCIAL_SPACE)
        sources.append(IdeaSource.PROFESSIONAL)
        ideas.extend(
            ConsultationIdea(
                case_id=case_id,
                consultation_id=consultation.id,
                position=index,
                source=source.value,
                text="Idee aus der Beratung",
            )
            for index, source in enumerate(sources)
        )
    if h.start.year >= 2011 and rng.random() < 0.3:
        rows.append(
            GoalAgreement(
                case_id=case_id, agreed_on=h.start + dt.timedelta(days=rng.randint(0, 30))
            )
        )
        if rng.random() < (0.7 if pilot else 0.25):
            rows.append(
                Resource(
                    case_id=case_id,
                    kind=ResourceKind.SOCIAL_SPACE.value,
                    description="Angebot im Stadtteil",
                )
            )
    return rows


# --- the generated benchmark cases ---------------------------------------------------------

#: The generator's district letters (file numbers "ASD-W-…").
_GENERATED_DISTRICTS = {
    "M": "Mitte",
    "W": "Wilhelmsburg",
    "H": "Harburg",
    "A": "Altona",
    "K": "Kirchdorf",
}
#: Kinds with their weight, how long they run (months) and what they cost.
_GENERATED_KINDS: tuple[tuple[str, int, tuple[int, int], str], ...] = (
    ("beratung", 30, (2, 8), "none"),
    ("sha", 10, (3, 12), "month:150-400"),
    ("alternative", 8, (3, 12), "month:350-900"),
    ("familienrat", 5, (2, 4), "month:900-1400"),
    ("sgb8_29", 4, (6, 12), "hours:2-4:5200"),
    ("sgb8_30", 10, (6, 24), "hours:3-6:5600"),
    ("sgb8_31", 14, (6, 24), "hours:5-10:5800"),
    ("sgb8_35", 2, (6, 18), "hours:8-14:6200"),
    ("sgb8_35a", 5, (6, 24), "hours:3-8:6000"),
    ("sgb8_32", 3, (12, 30), "month:2600-3400"),
    ("sgb8_33", 3, (12, 60), "month:1000-1600"),
    ("sgb8_34", 5, (12, 48), "month:5200-7600"),
    ("sgb8_41", 1, (6, 24), "month:3800-5200"),
)


def _generated_help(
    rng: random.Random, case_id: str, start: dt.date, last: dt.date, today: dt.date
) -> tuple[Hilfe, dt.date]:
    kinds = [k for k in _GENERATED_KINDS for _ in range(k[1])]
    kind, _, (low, high), cost = rng.choice(kinds)
    end = start + dt.timedelta(days=30 * rng.randint(low, high))
    ended = end if end <= last and end < today else None
    values: dict[str, int | None] = {}
    part = cost.split(":")
    if part[0] == "month":
        a, b = (int(x) for x in part[1].split("-"))
        values["monthly_cost_cents"] = rng.randint(a, b) * 100
    elif part[0] == "hours":
        a, b = (int(x) for x in part[1].split("-"))
        values["minutes_per_week"] = rng.randint(a * 2, b * 2) * 30
        values["hourly_rate_cents"] = int(part[2])
    help_row = Hilfe(
        case_id=case_id,
        kind=kind,
        provider="" if kind == "beratung" else rng.choice(_PROVIDERS),
        start_on=start,
        planned_end_on=start + dt.timedelta(days=180),
        end_on=ended,
        end_reason=rng.choice(_ENDS).value if ended else "",
        notes="",
        **values,
    )
    return help_row, end


def add_generated_hilfen(
    session_factory: sessionmaker[Session], device_id: str, seed: int, today: dt.date
) -> int:
    """Give every generated case its place and two to five helps in a row; returns the helps."""
    rng = random.Random(seed * 31 + 7)
    with session_factory() as s:
        ids = s.scalars(select(Case.id).order_by(Case.id)).all()
    written = 0
    for first in range(0, len(ids), BATCH * 2):
        chunk = ids[first : first + BATCH * 2]
        with session_factory.begin() as s:
            rows: list[Hilfe] = []
            for case in s.scalars(select(Case).where(Case.id.in_(chunk))):
                letter = case.file_number.split("-")[1] if "-" in case.file_number else ""
                district = _GENERATED_DISTRICTS.get(letter, "Mitte")
                case.district = district
                case.sozialraum = district
                case.team = f"ASD {district}"
                last = case.closed_on or today
                start = case.opened_on + dt.timedelta(days=rng.randint(0, 60))
                for _ in range(rng.choice((2, 3, 3, 4, 4, 5))):
                    if start >= last:
                        break
                    help_row, end = _generated_help(rng, case.id, start, last, today)
                    rows.append(help_row)
                    start = end + dt.timedelta(days=rng.randint(-30, 45))
            s.add_all(rows)
            s.flush()
            audit.append(s, device_id, DEMO_FILLED, None, f"{len(rows)} Demo-Hilfen")
            written += len(rows)
    return written


__all__ = ["DEMO_COSTS", "DEMO_PILOT", "add_generated_hilfen", "write_wirkung_demo"]
