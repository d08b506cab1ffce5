"""The Netzwerkkarte: maps of a case, their entries, dated versions, the ties to the goals.

Every change to an entry is stored at once (an entry is its own row, so two
caseworkers who change different entries never conflict). "Fassung speichern"
keeps a dated, unchangeable snapshot, optionally tied to a review; any two
snapshots (or a snapshot and the map as it is now) can be compared.

An entry is tied to the Zielerarbeitung through a resource of the case: taking an
entry as a resource (or linking it to a goal) makes or reuses that resource, whose
``goal_ids`` say which Handlungsziele the entry supports; a social resource found in
the Zielerarbeitung can be put on the map from the list of candidates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.enums import ROLE_LABELS, DocumentKind, ResourceKind, Role
from asd_desktop.domain.network import (
    Direction,
    EntrySource,
    MapDiff,
    MapEntry,
    MapFigures,
    Sector,
    Support,
    clamp_horizon,
    diff,
    enum_or,
    figures,
    sector_for_roles,
    supports_of,
)
from asd_desktop.models.case import Case, Person
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.familienrat import FamilyCouncil
from asd_desktop.models.goals import ActionGoal, GoalAgreement, Resource
from asd_desktop.models.hilfen import HilfeplanMeeting
from asd_desktop.models.network import NetworkEntry, NetworkMap, NetworkVersion
from asd_desktop.models.sozialraum import CatalogEntry
from asd_desktop.reports.network_map import NetworkMapPrint, network_map_pdf
from asd_desktop.services import audit

if TYPE_CHECKING:
    from asd_desktop.services.documents import DocumentView

_ROLE_VALUES = frozenset(r.value for r in Role)


class NetworkAction:
    """Names of audited actions (stored; not shown raw)."""

    MAP_CREATED = "network_map_created"
    MAP_DELETED = "network_map_deleted"
    ENTRY_REMOVED = "network_entry_removed"
    VERSION_SAVED = "network_version_saved"


class ReviewKind:
    """What a saved version can be tied to."""

    GOALS = "zielvereinbarung"
    COUNCIL = "familienrat"
    HILFEPLAN = "hilfeplan"

    LABELS: ClassVar[dict[str, str]] = {
        GOALS: "Überprüfung der Zielvereinbarung",
        COUNCIL: "Familienrat / Folge-Rat",
        HILFEPLAN: "Hilfeplangespräch",
    }


# --- what the service takes and returns ----------------------------------------------------


@dataclass(frozen=True)
class MapView:
    """A stored map."""

    id: str
    case_id: str
    centre_name: str
    centre_person_id: str | None
    title: str
    created_on: dt.date

    @property
    def heading(self) -> str:
        """How the map is named in lists: its title, or whose network it is."""
        return self.title or f"Netzwerkkarte von {self.centre_name}"


@dataclass(frozen=True)
class MapSize:
    """What deleting a map takes with it: its entries now and its saved versions."""

    entries: int
    versions: int


@dataclass(frozen=True)
class EntryInput:
    """An entry to add: what it stands for, its name, where it sits, its relation."""

    source: EntrySource
    name: str
    sector: Sector
    horizon: int = 2
    person_id: str | None = None
    resource_id: str | None = None
    catalog_entry_id: str | None = None
    supports: tuple[Support, ...] = ()
    direction: Direction = Direction.BOTH
    conflict: bool = False
    note: str = ""


@dataclass(frozen=True)
class RelationInput:
    """The line from the centre: kinds of support, their direction, conflict, a note."""

    supports: tuple[Support, ...] = ()
    direction: Direction = Direction.BOTH
    conflict: bool = False
    note: str = ""


@dataclass(frozen=True)
class GoalChoice:
    """A live Handlungsziel of the case, numbered across the case ("Z1", "Z2" …)."""

    id: str
    number: int
    text: str

    @property
    def mark(self) -> str:
        """The short mark printed next to a name."""
        return f"Z{self.number}"

    @property
    def label(self) -> str:
        """Mark and text, for the legend and the lists."""
        return f"{self.mark}: {self.text}"


@dataclass(frozen=True)
class EntryView:
    """A stored entry with the goals it supports (through its resource)."""

    id: str
    map_id: str
    source: EntrySource
    name: str
    sector: Sector
    horizon: int
    spot: float | None
    supports: tuple[Support, ...]
    direction: Direction
    conflict: bool
    note: str
    person_id: str | None = None
    resource_id: str | None = None
    catalog_entry_id: str | None = None
    goals: tuple[GoalChoice, ...] = ()

    def as_map_entry(self) -> MapEntry:
        """The entry as the drawing and the comparison see it."""
        return MapEntry(
            id=self.id,
            name=self.name,
            sector=self.sector,
            horizon=self.horizon,
            spot=self.spot,
            supports=self.supports,
            direction=self.direction,
            conflict=self.conflict,
            source=self.source,
            goals=tuple(g.label for g in self.goals),
        )


@dataclass(frozen=True)
class ReviewChoice:
    """A review a version can be tied to."""

    kind: str
    ref: str
    label: str


@dataclass(frozen=True)
class VersionInput:
    """What "Fassung speichern" asks: the date, a note, a review (optional), who saves."""

    saved_on: dt.date
    note: str = ""
    review: ReviewChoice | None = None
    saved_by: str = ""


@dataclass(frozen=True)
class VersionView:
    """A saved version: numbered from 1 (oldest) within its map."""

    id: str
    map_id: str
    number: int
    saved_on: dt.date
    centre_name: str
    entries: tuple[MapEntry, ...]
    note: str = ""
    review_kind: str = ""
    review_ref: str = ""
    review_label: str = ""
    saved_by: str = ""

    @property
    def figures(self) -> MapFigures:
        """Entries per sector and horizon, share of professionals, empty sectors."""
        return figures(self.entries)

    @property
    def title(self) -> str:
        """The version as named in lists: Fassung 2 vom 24.11.2026."""
        return f"Fassung {self.number} vom {self.saved_on:%d.%m.%Y}"


@dataclass(frozen=True)
class Candidate:
    """Someone or something of the case that can be put on the map."""

    source: EntrySource
    name: str
    sector: Sector
    person_id: str | None = None
    resource_id: str | None = None
    #: Already on this map (offered last, marked).
    on_map: bool = False
    detail: str = ""


@dataclass(frozen=True)
class MapPerson:
    """A person on one of the case's maps, as the goal wizard's resources page offers them."""

    entry_id: str
    name: str
    sector: Sector
    resource_id: str | None
    goal_ids: tuple[str, ...] = ()
    #: The description of the case resource this person is, if any (kept when reused).
    resource_description: str = ""


@dataclass(frozen=True)
class MapPicture:
    """One drawing of a map for printing: a saved version, or the map as it is now."""

    map_id: str
    map_number: int
    version_number: int | None
    shown_on: dt.date
    centre_name: str
    title: str
    entries: tuple[MapEntry, ...] = field(default_factory=tuple)
    review_label: str = ""

    @property
    def version_text(self) -> str:
        """Fassung 2 vom 24.11.2026, or aktueller Stand vom … for the map now."""
        if self.version_number is None:
            return f"aktueller Stand vom {self.shown_on:%d.%m.%Y}"
        return f"Fassung {self.version_number} vom {self.shown_on:%d.%m.%Y}"


# --- validation (pure; the dialogs call it too) ----------------------------------------


def entry_problems(value: EntryInput) -> dict[str, str]:
    """Why an entry cannot be stored, by field."""
    problems: dict[str, str] = {}
    if not value.name.strip():
        problems["name"] = "Bitte einen Namen eingeben (z. B. »Oma Fatima« oder »Trainer Ali«)."
    elif len(value.name.strip()) > 300:
        problems["name"] = "Bitte den Namen kürzer fassen (höchstens 300 Zeichen)."
    if value.horizon not in (1, 2, 3):
        problems["horizon"] = "Bitte einen der drei Horizonte wählen (sehr nah, nah, weiter)."
    if value.source is EntrySource.PERSON and not value.person_id:
        problems["person"] = "Bitte eine Person des Falls wählen."
    if value.source is EntrySource.RESOURCE and not value.resource_id:
        problems["resource"] = "Bitte eine Ressource des Falls wählen."
    if value.source is EntrySource.CATALOG and not value.catalog_entry_id:
        problems["catalog"] = "Bitte ein Angebot aus dem Katalog wählen."
    return problems


def version_problems(value: VersionInput, today: dt.date | None = None) -> dict[str, str]:
    """Why a version cannot be saved."""
    today = today or dt.date.today()
    problems: dict[str, str] = {}
    if value.saved_on > today:
        problems["saved_on"] = "Das Datum der Fassung liegt in der Zukunft; bitte korrigieren."
    return problems


def _person_name(p: Person) -> str:
    return " ".join(n for n in (p.first_name, p.last_name) if n) or "ohne Namen"


def _entry_view(
    row: NetworkEntry, goals: dict[str, GoalChoice], goal_ids: Sequence[str]
) -> EntryView:
    return EntryView(
        id=row.id,
        map_id=row.map_id,
        source=enum_or(EntrySource, row.source, EntrySource.NAME),
        name=row.name,
        sector=enum_or(Sector, row.sector, Sector.FRIENDS),
        horizon=clamp_horizon(row.horizon),
        spot=row.spot,
        supports=supports_of(row.supports or ()),
        direction=enum_or(Direction, row.direction, Direction.BOTH),
        conflict=bool(row.conflict),
        note=row.note,
        person_id=row.person_id,
        resource_id=row.resource_id,
        catalog_entry_id=row.catalog_entry_id,
        goals=tuple(goals[g] for g in goal_ids if g in goals),
    )


def _map_view(row: NetworkMap) -> MapView:
    return MapView(
        id=row.id,
        case_id=row.case_id,
        centre_name=row.centre_name,
        centre_person_id=row.centre_person_id,
        title=row.title,
        created_on=row.created_on,
    )


def _version_views(rows: Iterable[NetworkVersion]) -> list[VersionView]:
    ordered = sorted(rows, key=lambda r: (r.saved_on, r.hlc))
    return [
        VersionView(
            id=r.id,
            map_id=r.map_id,
            number=n,
            saved_on=r.saved_on,
            centre_name=r.centre_name,
            entries=tuple(MapEntry.from_json(e) for e in (r.entries or []) if isinstance(e, dict)),
            note=r.note,
            review_kind=r.review_kind,
            review_ref=r.review_ref,
            review_label=r.review_label,
            saved_by=r.saved_by,
        )
        for n, r in enumerate(ordered, start=1)
    ]


# --- the service ---------------------------------------------------------------------------


class NetworkService:
    """Maps, entries, versions and the ties to the goals of a case."""

    def __init__(self, session_factory: sessionmaker[Session], device_id: str) -> None:
        self._sf = session_factory
        self._device = device_id

    # --- reading ---------------------------------------------------------------------------

    def maps(self, case_id: str) -> list[MapView]:
        """The case's maps, oldest first."""
        with self._sf() as s:
            rows = s.scalars(
                select(NetworkMap)
                .where(NetworkMap.case_id == case_id, NetworkMap.deleted.is_(False))
                .order_by(NetworkMap.created_on, NetworkMap.hlc)
            )
            return [_map_view(r) for r in rows]

    def entries(self, map_id: str) -> list[EntryView]:
        """The map's entries as they are now, by sector, horizon and name."""
        with self._sf() as s:
            row = self._map_row(s, map_id)
            return self._entries(s, row)

    def current(self, map_id: str) -> list[MapEntry]:
        """The map as drawn now."""
        return [e.as_map_entry() for e in self.entries(map_id)]

    def goals(self, case_id: str) -> list[GoalChoice]:
        """The case's live Handlungsziele, numbered Z1, Z2 … by agreement date and position."""
        with self._sf() as s:
            return list(self._goal_choices(s, case_id).values())

    def versions(self, map_id: str) -> list[VersionView]:
        """The map's saved versions, oldest first, numbered from 1."""
        with self._sf() as s:
            rows = s.scalars(
                select(NetworkVersion).where(
                    NetworkVersion.map_id == map_id, NetworkVersion.deleted.is_(False)
                )
            )
            return _version_views(rows)

    def compare(self, older: Sequence[MapEntry], newer: Sequence[MapEntry]) -> MapDiff:
        """Was hat sich verändert: between two drawings (versions or the map now)."""
        return diff(older, newer)

    def candidates(self, map_id: str) -> list[Candidate]:
        """The case's people and social resources to put on the map; those not yet on it first."""
        with self._sf() as s:
            m = self._map_row(s, map_id)
            live = [
                e
                for e in s.scalars(
                    select(NetworkEntry).where(
                        NetworkEntry.map_id == map_id, NetworkEntry.deleted.is_(False)
                    )
                )
            ]
            people_on = {e.person_id for e in live if e.person_id}
            resources_on = {e.resource_id for e in live if e.resource_id}
            out: list[Candidate] = []
            persons = s.scalars(
                select(Person).where(Person.case_id == m.case_id, Person.deleted.is_(False))
            )
            for p in persons:
                if p.id == m.centre_person_id:
                    continue
                roles = [ROLE_LABELS[Role(r)] for r in p.roles or [] if r in _ROLE_VALUES]
                detail = p.institution or ", ".join(roles)
                out.append(
                    Candidate(
                        EntrySource.PERSON,
                        _person_name(p),
                        sector_for_roles(p.roles or []),
                        person_id=p.id,
                        on_map=p.id in people_on,
                        detail=detail,
                    )
                )
            kinds = (ResourceKind.SOCIAL.value, ResourceKind.SOCIAL_SPACE.value)
            resources = s.scalars(
                select(Resource).where(
                    Resource.case_id == m.case_id,
                    Resource.deleted.is_(False),
                    Resource.kind.in_(kinds),
                )
            )
            for r in resources:
                sector = (
                    Sector.PROFESSIONAL
                    if r.kind == ResourceKind.SOCIAL_SPACE.value
                    else Sector.FRIENDS
                )
                out.append(
                    Candidate(
                        EntrySource.RESOURCE,
                        r.description,
                        sector,
                        resource_id=r.id,
                        on_map=r.id in resources_on,
                        detail="aus der Zielerarbeitung",
                    )
                )
        return sorted(out, key=lambda c: (c.on_map, c.source is not EntrySource.PERSON))

    def review_choices(self, case_id: str) -> list[ReviewChoice]:
        """What a version can be tied to: agreements, councils, Hilfeplangespräche; newest first."""
        with self._sf() as s:
            out: list[tuple[dt.date, ReviewChoice]] = []
            for a in s.scalars(
                select(GoalAgreement).where(
                    GoalAgreement.case_id == case_id, GoalAgreement.deleted.is_(False)
                )
            ):
                label = f"Überprüfung der Zielvereinbarung vom {a.agreed_on:%d.%m.%Y}"
                out.append((a.agreed_on, ReviewChoice(ReviewKind.GOALS, a.id, label)))
            for c in s.scalars(
                select(FamilyCouncil).where(
                    FamilyCouncil.case_id == case_id, FamilyCouncil.deleted.is_(False)
                )
            ):
                when = c.meeting_at.date() if c.meeting_at else c.review_on
                if when is None:
                    continue
                label = f"Familienrat vom {when:%d.%m.%Y}"
                out.append((when, ReviewChoice(ReviewKind.COUNCIL, c.id, label)))
            for h in s.scalars(
                select(HilfeplanMeeting).where(
                    HilfeplanMeeting.case_id == case_id, HilfeplanMeeting.deleted.is_(False)
                )
            ):
                label = f"Hilfeplangespräch vom {h.held_on:%d.%m.%Y}"
                out.append((h.held_on, ReviewChoice(ReviewKind.HILFEPLAN, h.id, label)))
        return [c for _d, c in sorted(out, key=lambda x: x[0], reverse=True)]

    def map_people(self, case_id: str) -> list[MapPerson]:
        """Everyone on the case's maps (the goal wizard offers them first), by name."""
        with self._sf() as s:
            rows = s.scalars(
                select(NetworkEntry)
                .join(NetworkMap, NetworkMap.id == NetworkEntry.map_id)
                .where(
                    NetworkEntry.case_id == case_id,
                    NetworkEntry.deleted.is_(False),
                    # An entry added on another laptop while this one deleted the map.
                    NetworkMap.deleted.is_(False),
                )
            ).all()
            linked = [r.resource_id for r in rows if r.resource_id]
            goal_ids = self._goal_ids(s, linked)
            described = dict(
                s.execute(
                    select(Resource.id, Resource.description).where(Resource.id.in_(set(linked)))
                )
                .tuples()
                .all()
            )
            seen: dict[str, MapPerson] = {}
            for r in sorted(rows, key=lambda r: (r.name.casefold(), r.hlc)):
                key = r.person_id or r.resource_id or r.name.casefold()
                if key in seen:
                    continue
                seen[key] = MapPerson(
                    entry_id=r.id,
                    name=r.name,
                    sector=enum_or(Sector, r.sector, Sector.FRIENDS),
                    resource_id=r.resource_id,
                    goal_ids=tuple(goal_ids.get(r.resource_id or "", ())),
                    resource_description=described.get(r.resource_id or "", ""),
                )
            return list(seen.values())

    def pictures(self, case_id: str, today: dt.date | None = None) -> list[MapPicture]:
        """Every saved version of every map of the case (a map never saved: as it is now)."""
        today = today or dt.date.today()
        out: list[MapPicture] = []
        for n, m in enumerate(self.maps(case_id), start=1):
            versions = self.versions(m.id)
            if not versions:
                out.append(
                    MapPicture(
                        m.id, n, None, today, m.centre_name, m.heading, tuple(self.current(m.id))
                    )
                )
            for v in versions:
                out.append(
                    MapPicture(
                        m.id,
                        n,
                        v.number,
                        v.saved_on,
                        v.centre_name,
                        m.heading,
                        v.entries,
                        v.review_label,
                    )
                )
        return out

    def picture(self, map_id: str, version_id: str | None = None) -> MapPicture:
        """One drawing: a saved version, or (``version_id`` None) the map as it is now."""
        with self._sf() as s:
            m = self._map_row(s, map_id)
            number = 1 + sum(
                1
                for r in s.scalars(
                    select(NetworkMap.id).where(
                        NetworkMap.case_id == m.case_id,
                        NetworkMap.deleted.is_(False),
                        (NetworkMap.created_on < m.created_on)
                        | ((NetworkMap.created_on == m.created_on) & (NetworkMap.hlc < m.hlc)),
                    )
                )
            )
            heading = _map_view(m).heading
        if version_id is None:
            return MapPicture(
                map_id,
                number,
                None,
                dt.date.today(),
                m.centre_name,
                heading,
                tuple(self.current(map_id)),
            )
        version = next((v for v in self.versions(map_id) if v.id == version_id), None)
        if version is None:
            raise NotFoundError("Die Fassung der Netzwerkkarte wurde nicht gefunden.")
        return MapPicture(
            map_id,
            number,
            version.number,
            version.saved_on,
            version.centre_name,
            heading,
            version.entries,
            version.review_label,
        )

    def store_print(self, picture: MapPicture) -> tuple[DocumentView, bytes]:
        """Render the drawing's A4 page, keep it in the case's documents; the stored bytes.

        Printing or saving a map from the tab goes through this, so the Dokumente tab lists
        what was handed out; every print of one map is a new version of that document.
        """
        from asd_desktop.services.documents import DocumentService

        with self._sf() as s:
            m = self._map_row(s, picture.map_id)
            case_id = m.case_id
            content = page_pdf(s, picture)
        title = f"Netzwerkkarte von {picture.centre_name}, {picture.version_text}"
        documents = DocumentService(self._sf, self._device)
        view = documents.store(
            case_id,
            DocumentKind.NETWORK_MAP,
            title,
            content,
            source_id=picture.map_id,
            document_date=picture.shown_on,
        )
        # The stored bytes carry the Prüfcode: those are printed or saved, never the draft.
        return view, documents.content(view.id)

    def pdf(self, picture: MapPicture) -> bytes:
        """The A4 page of a drawing, as PDF bytes (nothing is written to disk)."""
        with self._sf() as s:
            return page_pdf(s, picture)

    # --- changing --------------------------------------------------------------------------

    def create_map(
        self,
        case_id: str,
        centre_person_id: str | None,
        centre_name: str = "",
        title: str = "",
        created_on: dt.date | None = None,
    ) -> MapView:
        """A new, empty map around a person of the case (or a typed name)."""
        with self._sf.begin() as s:
            case = s.get(Case, case_id)
            if case is None or case.deleted:
                raise NotFoundError("Der Fall wurde nicht gefunden.")
            name = centre_name.strip()
            if centre_person_id is not None:
                person = s.get(Person, centre_person_id)
                if person is None or person.deleted or person.case_id != case_id:
                    raise NotFoundError("Die Person wurde in diesem Fall nicht gefunden.")
                name = name or _person_name(person)
            if not name:
                raise ValidationError({"centre": "Bitte wählen, wer in der Mitte der Karte steht."})
            row = NetworkMap(
                case_id=case_id,
                centre_person_id=centre_person_id,
                centre_name=name[:200],
                title=title.strip()[:200],
                created_on=created_on or dt.date.today(),
            )
            s.add(row)
            s.flush()
            audit.append(s, self._device, NetworkAction.MAP_CREATED, case_id, row.id)
            return _map_view(row)

    def add_entry(self, map_id: str, value: EntryInput, spot: float | None = None) -> EntryView:
        """Put someone on the map."""
        problems = entry_problems(value)
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            m = self._map_row(s, map_id)
            name = value.name.strip()
            if value.person_id is not None:
                person = s.get(Person, value.person_id)
                if person is None or person.deleted or person.case_id != m.case_id:
                    raise NotFoundError("Die Person wurde in diesem Fall nicht gefunden.")
            if value.resource_id is not None:
                res = s.get(Resource, value.resource_id)
                if res is None or res.deleted or res.case_id != m.case_id:
                    raise NotFoundError("Die Ressource wurde in diesem Fall nicht gefunden.")
            if value.catalog_entry_id is not None:
                cat = s.get(CatalogEntry, value.catalog_entry_id)
                if cat is None or cat.deleted:
                    raise NotFoundError("Das Angebot wurde im Sozialraumkatalog nicht gefunden.")
            row = NetworkEntry(
                case_id=m.case_id,
                map_id=map_id,
                source=value.source.value,
                person_id=value.person_id,
                resource_id=value.resource_id,
                catalog_entry_id=value.catalog_entry_id,
                name=name,
                sector=value.sector.value,
                horizon=value.horizon,
                spot=spot,
                supports=[x.value for x in value.supports],
                direction=value.direction.value,
                conflict=value.conflict,
                note=value.note.strip(),
            )
            s.add(row)
            s.flush()
            return self._entry_view(s, row)

    def move_entry(
        self, entry_id: str, sector: Sector, horizon: int, spot: float | None = None
    ) -> EntryView:
        """Move an entry to another sector, horizon or spot (drag, or arrow keys)."""
        if horizon not in (1, 2, 3):
            raise ValidationError({"horizon": "Es gibt nur drei Horizonte (1 bis 3)."})
        with self._sf.begin() as s:
            row = self._entry_row(s, entry_id)
            if (row.sector, row.horizon, row.spot) != (sector.value, horizon, spot):
                row.sector, row.horizon, row.spot = sector.value, horizon, spot
            return self._entry_view(s, row)

    def set_relation(self, entry_id: str, value: RelationInput) -> EntryView:
        """The relation line: kinds of support, direction, conflict, note."""
        with self._sf.begin() as s:
            row = self._entry_row(s, entry_id)
            supports = [x.value for x in supports_of(v.value for v in value.supports)]
            if supports != list(row.supports or []):
                row.supports = supports
            if row.direction != value.direction.value:
                row.direction = value.direction.value
            if row.conflict != value.conflict:
                row.conflict = value.conflict
            if row.note != value.note.strip():
                row.note = value.note.strip()
            return self._entry_view(s, row)

    def remove_entry(self, entry_id: str) -> None:
        """Take an entry off the map (saved versions keep it)."""
        with self._sf.begin() as s:
            row = self._entry_row(s, entry_id)
            row.deleted = True
            audit.append(s, self._device, NetworkAction.ENTRY_REMOVED, row.case_id, row.id)

    def map_size(self, map_id: str) -> MapSize:
        """How many entries and saved versions the map has (the deletion question names them)."""
        with self._sf() as s:
            m = self._map_row(s, map_id)
            entries = s.scalars(
                select(NetworkEntry.id).where(
                    NetworkEntry.map_id == m.id, NetworkEntry.deleted.is_(False)
                )
            ).all()
            versions = s.scalars(
                select(NetworkVersion.id).where(
                    NetworkVersion.map_id == m.id, NetworkVersion.deleted.is_(False)
                )
            ).all()
            return MapSize(len(entries), len(versions))

    def delete_map(self, map_id: str) -> MapSize:
        """Delete a map with its entries and saved versions (a map made for the wrong person).

        Each row becomes a tombstone, as every deletion in the application: its names
        and notes are emptied and the deletion travels with the next exchange, so the
        office and the other laptops drop the map too. What the map made elsewhere
        stays: the case's resources for the Zielerarbeitung (with their goals) and the
        printed maps in the case's documents.

        Returns:
            How many entries and versions went with the map.
        """
        with self._sf.begin() as s:
            m = self._map_row(s, map_id)
            entries = s.scalars(
                select(NetworkEntry).where(
                    NetworkEntry.map_id == m.id, NetworkEntry.deleted.is_(False)
                )
            ).all()
            versions = s.scalars(
                select(NetworkVersion).where(
                    NetworkVersion.map_id == m.id, NetworkVersion.deleted.is_(False)
                )
            ).all()
            for entry in entries:
                entry.deleted = True
            for version in versions:
                version.deleted = True
            m.deleted = True
            audit.append(s, self._device, NetworkAction.MAP_DELETED, m.case_id, m.id)
            return MapSize(len(entries), len(versions))

    def resource_for_entry(self, entry_id: str) -> str:
        """The case resource this entry is; made now (social, or Sozialraum) if it has none."""
        with self._sf.begin() as s:
            row = self._entry_row(s, entry_id)
            return self._ensure_resource(s, row).id

    def link_resource(self, entry_id: str, resource_id: str) -> EntryView:
        """Tie an entry to a resource the case already has (its goals then show on the map)."""
        with self._sf.begin() as s:
            row = self._entry_row(s, entry_id)
            resource = s.get(Resource, resource_id)
            if resource is None or resource.deleted or resource.case_id != row.case_id:
                raise NotFoundError("Die Ressource wurde in diesem Fall nicht gefunden.")
            if row.resource_id != resource_id:
                row.resource_id = resource_id
            return self._entry_view(s, row)

    def set_entry_goals(self, entry_id: str, goal_ids: Sequence[str]) -> EntryView:
        """Which Handlungsziele this entry supports (stored on its resource of the case)."""
        with self._sf.begin() as s:
            row = self._entry_row(s, entry_id)
            valid = self._goal_choices(s, row.case_id)
            unknown = [g for g in goal_ids if g not in valid]
            if unknown:
                raise NotFoundError("Ein Handlungsziel wurde in diesem Fall nicht gefunden.")
            resource = self._ensure_resource(s, row)
            wanted = list(dict.fromkeys(goal_ids))
            if list(resource.goal_ids or []) != wanted:
                resource.goal_ids = wanted
            return self._entry_view(s, row)

    def save_version(self, map_id: str, value: VersionInput) -> VersionView:
        """Keep the map as it is now as a dated version."""
        problems = version_problems(value)
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            m = self._map_row(s, map_id)
            entries = [e.as_map_entry().to_json() for e in self._entries(s, m)]
            review = value.review
            row = NetworkVersion(
                case_id=m.case_id,
                map_id=map_id,
                saved_on=value.saved_on,
                centre_name=m.centre_name,
                entries=entries,
                note=value.note.strip(),
                review_kind=review.kind if review else "",
                review_ref=review.ref if review else "",
                review_label=review.label.strip()[:300] if review else "",
                saved_by=value.saved_by.strip()[:200],
            )
            s.add(row)
            s.flush()
            audit.append(s, self._device, NetworkAction.VERSION_SAVED, m.case_id, row.id)
            version_id = row.id
        return next(v for v in self.versions(map_id) if v.id == version_id)

    # --- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _map_row(s: Session, map_id: str) -> NetworkMap:
        row = s.get(NetworkMap, map_id)
        if row is None or row.deleted:
            raise NotFoundError("Die Netzwerkkarte wurde nicht gefunden.")
        return row

    @staticmethod
    def _entry_row(s: Session, entry_id: str) -> NetworkEntry:
        row = s.get(NetworkEntry, entry_id)
        if row is None or row.deleted:
            raise NotFoundError(
                "Der Eintrag ist nicht mehr auf der Karte (vielleicht auf einem anderen Gerät "
                "entfernt). Die Karte wird neu geladen."
            )
        return row

    def _entries(self, s: Session, m: NetworkMap) -> list[EntryView]:
        rows = s.scalars(
            select(NetworkEntry).where(NetworkEntry.map_id == m.id, NetworkEntry.deleted.is_(False))
        ).all()
        goals = self._goal_choices(s, m.case_id)
        goal_ids = self._goal_ids(s, [r.resource_id for r in rows if r.resource_id])
        views = [_entry_view(r, goals, goal_ids.get(r.resource_id or "", ())) for r in rows]
        order = {sec: n for n, sec in enumerate(Sector)}
        return sorted(views, key=lambda e: (order[e.sector], e.horizon, e.name.casefold(), e.id))

    def _entry_view(self, s: Session, row: NetworkEntry) -> EntryView:
        goals = self._goal_choices(s, row.case_id)
        ids = self._goal_ids(s, [row.resource_id] if row.resource_id else [])
        return _entry_view(row, goals, ids.get(row.resource_id or "", ()))

    @staticmethod
    def _goal_ids(s: Session, resource_ids: Sequence[str]) -> dict[str, list[str]]:
        if not resource_ids:
            return {}
        rows = s.execute(
            select(Resource.id, Resource.goal_ids).where(
                Resource.id.in_(set(resource_ids)), Resource.deleted.is_(False)
            )
        )
        return {rid: list(ids or []) for rid, ids in rows}

    @staticmethod
    def _goal_choices(s: Session, case_id: str) -> dict[str, GoalChoice]:
        rows = s.execute(
            select(ActionGoal.id, ActionGoal.text)
            .join(GoalAgreement, GoalAgreement.id == ActionGoal.agreement_id)
            .where(
                ActionGoal.case_id == case_id,
                ActionGoal.deleted.is_(False),
                GoalAgreement.deleted.is_(False),
            )
            .order_by(GoalAgreement.agreed_on, GoalAgreement.hlc, ActionGoal.position)
        ).all()
        return {gid: GoalChoice(gid, n, text) for n, (gid, text) in enumerate(rows, start=1)}

    @staticmethod
    def _ensure_resource(s: Session, row: NetworkEntry) -> Resource:
        if row.resource_id is not None:
            existing = s.get(Resource, row.resource_id)
            if existing is not None and not existing.deleted:
                return existing
        kind = (
            ResourceKind.SOCIAL_SPACE
            if row.source == EntrySource.CATALOG.value or row.sector == Sector.PROFESSIONAL.value
            else ResourceKind.SOCIAL
        )
        resource = Resource(
            case_id=row.case_id,
            kind=kind.value,
            description=row.name,
            goal_ids=[],
            catalog_entry_id=row.catalog_entry_id,
        )
        s.add(resource)
        s.flush()
        row.resource_id = resource.id
        return resource


def page_pdf(s: Session, picture: MapPicture) -> bytes:
    """The A4 page of one drawing (the case's Aktenzeichen and family in the header)."""
    m = s.get(NetworkMap, picture.map_id)
    case = s.get(Case, m.case_id) if m is not None else None
    if m is None or case is None:
        raise NotFoundError("Die Netzwerkkarte wurde nicht gefunden.")
    return network_map_pdf(
        NetworkMapPrint(
            file_number=case.file_number,
            family_name=case.family_name,
            centre_name=picture.centre_name,
            version_text=picture.version_text,
            entries=picture.entries,
            map_title=picture.title,
            review_label=picture.review_label,
        )
    )
