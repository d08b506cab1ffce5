"""The Wirkungsbericht from the database: groups of cases, counts in SQL, project costs.

A group is a team, a Sozialraum or a district, by the name the cases carry
(``cases.team``, ``cases.sozialraum``, ``cases.district``); the comparison is
another group or the rest of the database. The report reads only what the
database holds: on a laptop its own cases, on the office hub all of them.

Counting happens in SQL (one grouped query for the helps, one for the distinct
cases, one for the spending, two for the indicators), so a report over thousands
of cases reads a few dozen rows, never the helps themselves; the arithmetic that
follows is :mod:`asd_desktop.domain.wirkung`. The project's own costs (staff,
training, evaluation) are office figures, not case data: they are kept per pilot
group in ``wirkung.json`` in the data folder.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Date,
    Float,
    and_,
    case,
    cast,
    distinct,
    exists,
    false,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from asd_desktop.domain.enums import IdeaSource, ResourceKind
from asd_desktop.domain.hilfen import HELP_GROUP_LABELS, MEASURE_GROUPS, HelpGroup
from asd_desktop.domain.wirkung import (
    Aggregates,
    GroupInfo,
    HelpRow,
    IndicatorRow,
    KindInfo,
    ProjectCosts,
    Share,
    Side,
    Tally,
    WirkungReport,
    build_report,
    csv_text,
    period_problem,
)
from asd_desktop.models.case import Case
from asd_desktop.models.consultation import Consultation, ConsultationIdea
from asd_desktop.models.errors import ValidationError
from asd_desktop.models.goals import GoalAgreement, Resource
from asd_desktop.models.hilfen import HelpKind, Hilfe
from asd_desktop.models.progress import OperationToken
from asd_desktop.reports.wirkung import render_wirkung
from asd_desktop.storage.atomic import atomic_write

#: The file with the project costs per pilot group, in the data folder.
COSTS_FILE = "wirkung.json"
#: The comparison's name when it is everything not in the pilot.
REST_LABEL = "Rest der Datenbank"


class GroupKind(enum.StrEnum):
    """What a group of cases is: a team, a Sozialraum, a district."""

    TEAM = "team"
    SOZIALRAUM = "sozialraum"
    DISTRICT = "bezirk"

    @property
    def label(self) -> str:
        """German word for the UI."""
        return {"team": "Team", "sozialraum": "Sozialraum", "bezirk": "Bezirk"}[self.value]


@dataclass(frozen=True)
class CaseGroup:
    """A group of cases by name; ``kind`` None is the rest of the database."""

    kind: GroupKind | None
    name: str = ""

    @property
    def label(self) -> str:
        """How the group is named: "Bezirk Walle", "Team …" or "Rest der Datenbank"."""
        return REST_LABEL if self.kind is None else f"{self.kind.label} {self.name}"

    @property
    def key(self) -> str:
        """How the costs file and the command line name it: "bezirk:Walle"."""
        return "rest" if self.kind is None else f"{self.kind.value}:{self.name}"


REST = CaseGroup(None)


def _column(kind: GroupKind) -> Any:  # noqa: ANN401 - a mapped column
    return {
        GroupKind.TEAM: Case.team,
        GroupKind.SOZIALRAUM: Case.sozialraum,
        GroupKind.DISTRICT: Case.district,
    }[kind]


class _DaysBetween(FunctionElement[float]):
    """Days from the first date to the second, on SQLite and on PostgreSQL."""

    inherit_cache = True
    type = Float()


@compiles(_DaysBetween)
def _days_sqlite(element: _DaysBetween, compiler: SQLCompiler, **kw: Any) -> str:  # noqa: ANN401
    first, second = list(element.clauses)
    later, earlier = compiler.process(second, **kw), compiler.process(first, **kw)
    return f"(julianday({later}) - julianday({earlier}))"


@compiles(_DaysBetween, "postgresql")
def _days_postgres(element: _DaysBetween, compiler: SQLCompiler, **kw: Any) -> str:  # noqa: ANN401
    first, second = list(element.clauses)
    return f"(({compiler.process(second, **kw)})::date - ({compiler.process(first, **kw)})::date)"


def _date(value: dt.date) -> ColumnElement[dt.date]:
    return literal(value, Date)


class WirkungService:
    """Builds Wirkungsberichte from the cases and helps the database holds."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        """Read through ``session_factory``."""
        self._sessions = session_factory

    # --- groups ------------------------------------------------------------------------

    def groups(self) -> tuple[CaseGroup, ...]:
        """Every team, Sozialraum and district the cases name, sorted within each kind."""
        found: list[CaseGroup] = []
        with self._sessions() as s:
            for kind in GroupKind:
                column = _column(kind)
                names = s.scalars(
                    select(distinct(column))
                    .where(Case.deleted.is_(False), column.is_not(None), column != "")
                    .order_by(column)
                ).all()
                found.extend(CaseGroup(kind, name) for name in names)
        return tuple(found)

    def find_group(self, text: str, what: str = "Gruppe") -> CaseGroup:
        """The group named ``text`` ("Walle", "Bezirk Walle", "bezirk:Walle").

        Raises ValidationError naming the known groups when none or several match.
        """
        wanted = text.strip()
        known = self.groups()
        if wanted.casefold() in ("rest", REST_LABEL.casefold()):
            return REST
        matches = [
            g
            for g in known
            if wanted.casefold() in (g.name.casefold(), g.label.casefold(), g.key.casefold())
        ]
        if len(matches) == 1:
            return matches[0]
        # The same name as district, Sozialraum and team: the widest group is meant
        # (the header says which); "sozialraum:Walle" picks another.
        same = {g.name.casefold() for g in matches}
        if len(same) == 1 and wanted.casefold() in same:
            for kind in (GroupKind.DISTRICT, GroupKind.SOZIALRAUM, GroupKind.TEAM):
                for g in matches:
                    if g.kind is kind:
                        return g
        listing = ", ".join(f"»{g.label}«" for g in known) or (
            "keine (kein Fall nennt ein Team, einen Sozialraum oder einen Bezirk)"
        )
        if not matches:
            raise ValidationError(
                {
                    what: f"Die {what} »{wanted}« gibt es hier nicht. Bekannt sind: {listing}. "
                    "Bitte einen dieser Namen angeben."
                }
            )
        names = " oder ".join(f"»{g.key}«" for g in matches)
        raise ValidationError(
            {
                what: f"»{wanted}« ist mehrdeutig: bitte genauer angeben, z. B. {names}.",
            }
        )

    # --- the report ----------------------------------------------------------------------

    def report(
        self,
        pilot: CaseGroup,
        comparison: CaseGroup,
        baseline: dt.date,
        until: dt.date,
        costs: ProjectCosts | None = None,
        token: OperationToken | None = None,
    ) -> WirkungReport:
        """The Wirkungsbericht of ``pilot`` against ``comparison`` on the two reference days."""
        problem = period_problem(baseline, until)
        if problem:
            raise ValidationError({"until": problem})
        if pilot.kind is None:
            raise ValidationError(
                {"pilot": "Die Pilotgruppe muss ein Team, ein Sozialraum oder ein Bezirk sein."}
            )
        if comparison == pilot:
            raise ValidationError(
                {"comparison": "Pilot- und Vergleichsgruppe müssen verschieden sein."}
            )
        with self._sessions() as s:
            kinds, groups = self._catalogue(s)
            if token:
                token.progress(1, 4)
            data = self._aggregates(s, pilot, comparison, baseline, until, kinds)
            if token:
                token.progress(3, 4)
            indicators = self._indicators(s, pilot, comparison, baseline, until, kinds)
        if token:
            token.progress(4, 4)
        return build_report(
            data,
            kinds=kinds,
            groups=groups,
            pilot_label=pilot.label,
            comparison_label=comparison.label,
            baseline=baseline,
            until=until,
            costs=costs,
            indicators=indicators,
        )

    @staticmethod
    def _catalogue(s: Session) -> tuple[list[KindInfo], list[GroupInfo]]:
        """The kinds of help in the office's order, and the groups in the law's order."""
        rows = s.execute(
            select(HelpKind.code, HelpKind.group, HelpKind.label, HelpKind.paragraph)
            .where(HelpKind.deleted.is_(False))
            .order_by(HelpKind.position, HelpKind.code)
        ).all()
        kinds: list[KindInfo] = []
        seen: set[str] = set()
        for code, group, label, paragraph in rows:
            if code in seen:
                continue
            seen.add(code)
            kinds.append(KindInfo(code, group, f"{label} ({paragraph})" if paragraph else label))
        groups = [GroupInfo(g.value, HELP_GROUP_LABELS[g], g in MEASURE_GROUPS) for g in HelpGroup]
        return kinds, groups

    @staticmethod
    def _sides(pilot: CaseGroup, comparison: CaseGroup) -> tuple[Any, Any]:
        """The CASE giving each case's side, and the condition that it has one."""
        assert pilot.kind is not None
        in_pilot = _column(pilot.kind) == pilot.name
        if comparison.kind is None:
            column = _column(pilot.kind)
            in_comparison = or_(column.is_(None), column != pilot.name)
        else:
            in_comparison = _column(comparison.kind) == comparison.name
        side = case(
            (in_pilot, literal(Side.PILOT.value)),
            (in_comparison, literal(Side.COMPARISON.value)),
            else_=literal(""),
        )
        return side, or_(in_pilot, in_comparison)

    def _aggregates(
        self,
        s: Session,
        pilot: CaseGroup,
        comparison: CaseGroup,
        baseline: dt.date,
        until: dt.date,
        kinds: Sequence[KindInfo],
    ) -> Aggregates:
        side, member = self._sides(pilot, comparison)
        first, last = _date(baseline), _date(until)
        at_start = and_(Hilfe.start_on <= first, or_(Hilfe.end_on.is_(None), Hilfe.end_on >= first))
        at_end = and_(Hilfe.start_on <= last, or_(Hilfe.end_on.is_(None), Hilfe.end_on >= last))
        begun = and_(Hilfe.start_on > first, Hilfe.start_on <= last)
        live = (
            select()
            .select_from(Hilfe)
            .join(Case, Case.id == Hilfe.case_id)
            .where(Hilfe.deleted.is_(False), Case.deleted.is_(False), member)
        )
        period = live.where(
            Hilfe.start_on <= last, or_(Hilfe.end_on.is_(None), Hilfe.end_on >= first)
        )

        def ones(condition: Any) -> Any:  # noqa: ANN401
            return func.sum(case((condition, 1), else_=0))

        def cases_where(condition: Any) -> Any:  # noqa: ANN401
            return func.count(distinct(case((condition, Hilfe.case_id), else_=None)))

        group_of = {k.code: k.group for k in kinds}
        by_kind: dict[tuple[Side, str, str], Tally] = {}
        for side_value, kind, n_start, n_end, n_begun in s.execute(
            period.add_columns(
                side, Hilfe.kind, ones(at_start), ones(at_end), ones(begun)
            ).group_by(side, Hilfe.kind)
        ):
            key = (Side(side_value), group_of.get(kind, HelpGroup.AMBULANT.value), kind)
            by_kind[key] = Tally(int(n_start or 0), int(n_end or 0), int(n_begun or 0))
        cases = {
            Side(v): Tally(int(a), int(b), int(c))
            for v, a, b, c in s.execute(
                period.add_columns(
                    side, cases_where(at_start), cases_where(at_end), cases_where(begun)
                ).group_by(side)
            )
        }
        measure_kinds = [k.code for k in kinds if k.group in {g.value for g in MEASURE_GROUPS}]
        monthly_cents = func.coalesce(
            cast(Hilfe.monthly_cost_cents, Float),
            cast(Hilfe.minutes_per_week, Float) * Hilfe.hourly_rate_cents * 52.0 / 720.0,
        )
        years = range(baseline.year, until.year + 1)
        columns = []
        for year in years:
            jan, dec = _date(dt.date(year, 1, 1)), _date(dt.date(year, 12, 31))
            start = case((Hilfe.start_on > jan, Hilfe.start_on), else_=jan)
            end = case((or_(Hilfe.end_on.is_(None), Hilfe.end_on > dec), dec), else_=Hilfe.end_on)
            overlaps = and_(Hilfe.start_on <= dec, or_(Hilfe.end_on.is_(None), Hilfe.end_on >= jan))
            days = _DaysBetween(start, end) + 1
            columns.append(
                func.coalesce(
                    func.sum(case((overlaps, monthly_cents * 12.0 * days / 365.0), else_=0.0)),
                    0.0,
                )
            )
        year_first, year_last = _date(dt.date(years[0], 1, 1)), _date(dt.date(years[-1], 12, 31))
        paid = live.where(
            Hilfe.kind.in_(measure_kinds) if measure_kinds else false(),
            Hilfe.start_on <= year_last,
            or_(Hilfe.end_on.is_(None), Hilfe.end_on >= year_first),
        )
        spending: dict[tuple[Side, int], float] = {(v, y): 0.0 for v in Side for y in years}
        spending_cases: dict[Side, int] = {v: 0 for v in Side}
        for side_value, n_cases, *sums in s.execute(
            paid.add_columns(side, func.count(distinct(Hilfe.case_id)), *columns).group_by(side)
        ):
            which = Side(side_value)
            spending_cases[which] = int(n_cases)
            for year, cents in zip(years, sums, strict=True):
                spending[(which, year)] = float(cents or 0.0) / 100.0
        return Aggregates(by_kind, cases, spending, spending_cases)

    def _indicators(
        self,
        s: Session,
        pilot: CaseGroup,
        comparison: CaseGroup,
        baseline: dt.date,
        until: dt.date,
        kinds: Sequence[KindInfo],
    ) -> tuple[IndicatorRow, ...]:
        side, member = self._sides(pilot, comparison)
        first, last = _date(baseline), _date(until)
        measure_kinds = [k.code for k in kinds if k.group in {g.value for g in MEASURE_GROUPS}]
        with_ideas = exists(
            select(Consultation.id)
            .join(ConsultationIdea, ConsultationIdea.consultation_id == Consultation.id)
            .where(
                Consultation.case_id == Hilfe.case_id,
                Consultation.deleted.is_(False),
                ConsultationIdea.deleted.is_(False),
                ConsultationIdea.source == IdeaSource.SOCIAL_SPACE.value,
                Consultation.held_on <= Hilfe.start_on,
            )
        )
        decisions = {
            Side(v): Share(int(hits or 0), int(total))
            for v, total, hits in s.execute(
                select(side, func.count(Hilfe.id), func.sum(case((with_ideas, 1), else_=0)))
                .select_from(Hilfe)
                .join(Case, Case.id == Hilfe.case_id)
                .where(
                    Hilfe.deleted.is_(False),
                    Case.deleted.is_(False),
                    member,
                    Hilfe.kind.in_(measure_kinds) if measure_kinds else false(),
                    Hilfe.start_on > first,
                    Hilfe.start_on <= last,
                )
                .group_by(side)
            )
        }
        uses_sozialraum = exists(
            select(Resource.id).where(
                Resource.case_id == GoalAgreement.case_id,
                Resource.deleted.is_(False),
                Resource.kind == ResourceKind.SOCIAL_SPACE.value,
            )
        )
        agreements = {
            Side(v): Share(int(hits or 0), int(total))
            for v, total, hits in s.execute(
                select(
                    side,
                    func.count(GoalAgreement.id),
                    func.sum(case((uses_sozialraum, 1), else_=0)),
                )
                .select_from(GoalAgreement)
                .join(Case, Case.id == GoalAgreement.case_id)
                .where(
                    GoalAgreement.deleted.is_(False),
                    Case.deleted.is_(False),
                    member,
                    GoalAgreement.agreed_on > first,
                    GoalAgreement.agreed_on <= last,
                )
                .group_by(side)
            )
        }
        return (
            IndicatorRow(
                "hze_mit_sozialraum",
                "Hilfen zur Erziehung, vor denen eine Kollegiale Beratung Ideen aus dem "
                "Sozialraum sammelte",
                decisions.get(Side.PILOT, Share()),
                decisions.get(Side.COMPARISON, Share()),
            ),
            IndicatorRow(
                "ziele_mit_sozialraum",
                "Zielvereinbarungen in Fällen mit sozialräumlichen Ressourcen",
                agreements.get(Side.PILOT, Share()),
                agreements.get(Side.COMPARISON, Share()),
            ),
        )

    # --- the plain rows (the reference the SQL is held to) ----------------------------------

    def help_rows(self, pilot: CaseGroup, comparison: CaseGroup) -> list[HelpRow]:
        """Every help of both groups as a plain tuple (for checks and small exports)."""
        side, member = self._sides(pilot, comparison)
        with self._sessions() as s:
            kinds, _ = self._catalogue(s)
            group_of = {k.code: k.group for k in kinds}
            rows = s.execute(
                select(
                    side,
                    Hilfe.kind,
                    Hilfe.case_id,
                    Hilfe.start_on,
                    Hilfe.end_on,
                    Hilfe.monthly_cost_cents,
                    Hilfe.minutes_per_week,
                    Hilfe.hourly_rate_cents,
                )
                .join(Case, Case.id == Hilfe.case_id)
                .where(Hilfe.deleted.is_(False), Case.deleted.is_(False), member)
            ).all()
        result = []
        for v, kind, case_id, start, end, monthly, minutes, rate in rows:
            if monthly is not None:
                euros = monthly / 100
            elif minutes is not None and rate is not None:
                euros = minutes * rate * 52 / 720 / 100
            else:
                euros = 0.0
            result.append(
                HelpRow(
                    group_of.get(kind, HelpGroup.AMBULANT.value),
                    kind,
                    case_id,
                    Side(v),
                    start,
                    end,
                    euros,
                )
            )
        return result


# --- the project's costs ----------------------------------------------------------------------


def costs_path(data_dir: Path) -> Path:
    """The costs file in ``data_dir``."""
    return data_dir / COSTS_FILE


def load_costs(data_dir: Path, pilot: CaseGroup) -> ProjectCosts:
    """The stored project costs of ``pilot``; zeros when none are stored or the file is bad."""
    try:
        raw = json.loads(costs_path(data_dir).read_text(encoding="utf-8"))
        entry = raw["costs"][pilot.key]
        return ProjectCosts(
            float(entry["staff"]), float(entry["training"]), float(entry["evaluation"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return ProjectCosts()


def save_costs(data_dir: Path, pilot: CaseGroup, costs: ProjectCosts) -> None:
    """Store the project costs of ``pilot`` (atomically; other groups' costs stay)."""
    problems = {
        name: "Bitte einen Betrag von 0 oder mehr Euro eingeben."
        for name, value in asdict(costs).items()
        if not value >= 0
    }
    if problems:
        raise ValidationError(problems)
    try:
        raw = json.loads(costs_path(data_dir).read_text(encoding="utf-8"))["costs"]
        stored: dict[str, Any] = raw if isinstance(raw, dict) else {}
    except (OSError, ValueError, KeyError, TypeError):
        stored = {}
    stored[pilot.key] = asdict(costs)
    _update(data_dir, "costs", stored)


@dataclass(frozen=True)
class Choice:
    """What the Wirkungsbericht was last made for, so the window opens on it again."""

    pilot: str
    comparison: str
    baseline: dt.date
    until: dt.date


def load_choice(data_dir: Path) -> Choice | None:
    """The last choice stored in ``data_dir``, or None."""
    try:
        raw = json.loads(costs_path(data_dir).read_text(encoding="utf-8"))["last"]
        return Choice(
            str(raw["pilot"]),
            str(raw["comparison"]),
            dt.date.fromisoformat(raw["baseline"]),
            dt.date.fromisoformat(raw["until"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_choice(data_dir: Path, choice: Choice) -> None:
    """Remember ``choice`` (group keys and the two days; nothing about a case)."""
    _update(
        data_dir,
        "last",
        {
            "pilot": choice.pilot,
            "comparison": choice.comparison,
            "baseline": choice.baseline.isoformat(),
            "until": choice.until.isoformat(),
        },
    )


def _update(data_dir: Path, key: str, value: object) -> None:
    try:
        raw: dict[str, Any] = json.loads(costs_path(data_dir).read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raw = {}
    except (OSError, ValueError):
        raw = {}
    raw[key] = value
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write(costs_path(data_dir), json.dumps(raw, indent=2).encode("utf-8"))


def group_from_key(key: str, known: Sequence[CaseGroup]) -> CaseGroup | None:
    """The group a stored key names, if the database still knows it."""
    if key == REST.key:
        return REST
    return next((g for g in known if g.key == key), None)


# --- files ------------------------------------------------------------------------------------


def write_csv(report: WirkungReport, path: Path) -> Path:
    """Write the report as CSV (UTF-8 with byte order mark, as Excel opens it)."""
    atomic_write(path, csv_text(report).encode("utf-8-sig"))
    return path


def write_pdf(report: WirkungReport, path: Path) -> Path:
    """Write the report as PDF."""
    atomic_write(path, render_wirkung(report))
    return path


__all__ = [
    "COSTS_FILE",
    "REST",
    "REST_LABEL",
    "CaseGroup",
    "Choice",
    "GroupKind",
    "WirkungService",
    "costs_path",
    "group_from_key",
    "load_choice",
    "load_costs",
    "save_choice",
    "save_costs",
    "write_csv",
    "write_pdf",
]
