"""The team's Sozialraum knowledge: the catalogue, explorations and "Tipps und Themen".

The catalogue is team-wide reference data (no case). A team has a few hundred
entries at most, so :meth:`SozialraumService.search` loads the live rows and
matches in Python on folded text (diacritics removed, Turkish/Polish letters
folded, case-folded); no index is needed at that size.

"Tipps und Themen" is team-wide too, so its PDF is not stored among a case's
documents: it is built in memory, shown, printed or saved where the caseworker
chooses, and every print is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.office import Office
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.goals import Resource
from asd_desktop.models.sozialraum import CatalogEntry, Exploration, TeamMeeting
from asd_desktop.reports.tips import TipEntryPrint, TipExplorationPrint, TipsPrint, render_tips
from asd_desktop.services import audit
from asd_desktop.storage.atomic import atomic_write
from asd_desktop.storage.search import fold

#: Kinds offered in the entry dialog; any other text is allowed too.
SUGGESTED_KINDS: tuple[str, ...] = (
    "OKJA",
    "Elternschule",
    "Erziehungsberatung",
    "KiFaZ",
    "SHA",
    "SAE",
    "Bürgerhaus",
    "Stadtteilkulturzentrum",
    "EKiZ",
    "Verein",
    "Schule",
    "Kita",
    "Beratungsstelle",
    "Polizei",
)

ORDER_VERIFIED = "verified"
ORDER_NAME = "name"


class SozialraumAction:
    """Audit actions of this service."""

    ENTRY_ADDED = "catalog_entry_added"
    ENTRY_CHANGED = "catalog_entry_changed"
    ENTRY_VERIFIED = "catalog_entry_verified"
    ENTRY_REMOVED = "catalog_entry_removed"
    EXPLORATION_RECORDED = "exploration_recorded"
    EXPLORATION_CHANGED = "exploration_changed"
    EXPLORATION_REMOVED = "exploration_removed"
    TEAM_MEETING = "team_meeting_recorded"
    RESOURCE_LINKED = "resource_linked"
    TIPS_CREATED = "tips_created"
    TIPS_PRINTED = "tips_printed"
    TIPS_SAVED = "tips_saved"


# --- inputs and views ---------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogEntryInput:
    """What the caseworker enters about an offer, place or person."""

    name: str
    kind: str
    address: str = ""
    district: str = ""
    contact: str = ""
    languages: str = ""
    costs: str = ""
    opening_hours: str = ""
    notes: str = ""
    verified_on: dt.date | None = None


@dataclass(frozen=True)
class CatalogEntryView:
    """A stored catalogue entry."""

    id: str
    name: str
    kind: str
    address: str
    district: str
    contact: str
    languages: str
    costs: str
    opening_hours: str
    notes: str
    verified_on: dt.date | None
    added_on: dt.date


@dataclass(frozen=True)
class ExplorationInput:
    """A Zehn-Minuten-Sozialraumerkundung as entered."""

    explored_on: dt.date
    learned: str
    district: str = ""
    author: str = ""
    catalog_entry_id: str | None = None


@dataclass(frozen=True)
class ExplorationView:
    """A stored exploration, with the name of the entry it became, if any."""

    id: str
    explored_on: dt.date
    district: str
    learned: str
    author: str
    catalog_entry_id: str | None
    catalog_entry_name: str = ""


@dataclass(frozen=True)
class TipsList:
    """What came since the last team meeting (or a chosen date)."""

    #: The first day counted; None lists everything.
    since: dt.date | None
    #: The last team meeting recorded, if any.
    last_meeting: dt.date | None
    entries: tuple[CatalogEntryView, ...]
    explorations: tuple[ExplorationView, ...]


# --- validators -------------------------------------------------------------------------


def entry_problems(value: CatalogEntryInput) -> dict[str, str]:
    """What is missing in a catalogue entry, by field, in German."""
    problems: dict[str, str] = {}
    if not value.name.strip():
        problems["name"] = "Bitte einen Namen angeben."
    if not value.kind.strip():
        problems["kind"] = "Bitte die Art angeben (z. B. OKJA, Kita, Verein)."
    if value.verified_on and value.verified_on > dt.date.today():
        problems["verified_on"] = "Das Prüfdatum liegt in der Zukunft."
    return problems


def exploration_problems(value: ExplorationInput) -> dict[str, str]:
    """What is missing in an exploration, by field, in German."""
    problems: dict[str, str] = {}
    if not value.learned.strip():
        problems["learned"] = "Bitte notieren, was Sie über den Sozialraum erfahren haben."
    if value.explored_on > dt.date.today():
        problems["explored_on"] = "Das Datum liegt in der Zukunft."
    return problems


def tips_print(tips: TipsList, meeting_on: dt.date) -> TipsPrint:
    """What the printed list shows: entries marked new or checked, explorations oldest first."""
    start = tips.since

    def status(e: CatalogEntryView) -> str:
        if start is None or e.added_on >= start:
            return "neu"
        assert e.verified_on is not None
        return f"geprüft am {e.verified_on:%d.%m.%Y}"

    return TipsPrint(
        meeting_on=meeting_on,
        since=start,
        entries=tuple(
            TipEntryPrint(
                name=e.name,
                kind=e.kind,
                address=e.address,
                district=e.district,
                contact=e.contact,
                languages=e.languages,
                costs=e.costs,
                opening_hours=e.opening_hours,
                status=status(e),
            )
            for e in tips.entries
        ),
        explorations=tuple(
            TipExplorationPrint(
                explored_on=x.explored_on,
                district=x.district,
                learned=x.learned,
                author=x.author,
                entry_name=x.catalog_entry_name,
            )
            for x in tips.explorations
        ),
    )


def search_key(text: str) -> str:
    """Text folded for matching: no diacritics, special letters folded, case-folded."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold()


# --- service ------------------------------------------------------------------------------


class SozialraumService:
    """Catalogue, explorations, team meetings and the "Tipps und Themen" list."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        device_id: str,
        office: Callable[[], Office] = Office,
    ) -> None:
        """The catalogue behind ``session_factory``; ``office`` gives the list's letterhead."""
        self._sf = session_factory
        self._device = device_id
        self._office = office

    # catalogue

    def add_entry(self, value: CatalogEntryInput) -> CatalogEntryView:
        """Store a new catalogue entry (added today)."""
        _check(entry_problems(value))
        with self._sf.begin() as s:
            row = CatalogEntry(added_on=dt.date.today())
            _fill_entry(row, value)
            s.add(row)
            s.flush()
            audit.append(s, self._device, SozialraumAction.ENTRY_ADDED, None, row.id)
            return _entry_view(row)

    def update_entry(self, entry_id: str, value: CatalogEntryInput) -> CatalogEntryView:
        """Change an entry; an empty verification date keeps the stored one."""
        _check(entry_problems(value))
        with self._sf.begin() as s:
            row = _entry(s, entry_id)
            _fill_entry(row, value)
            audit.append(s, self._device, SozialraumAction.ENTRY_CHANGED, None, entry_id)
            return _entry_view(row)

    def mark_verified(self, entry_id: str, on: dt.date | None = None) -> CatalogEntryView:
        """Record that the entry was checked and is still right (today by default)."""
        day = on or dt.date.today()
        if day > dt.date.today():
            raise ValidationError({"verified_on": "Das Prüfdatum liegt in der Zukunft."})
        with self._sf.begin() as s:
            row = _entry(s, entry_id)
            row.verified_on = day
            audit.append(s, self._device, SozialraumAction.ENTRY_VERIFIED, None, entry_id)
            return _entry_view(row)

    def remove_entry(self, entry_id: str) -> None:
        """Take an entry out of the catalogue (kept as a tombstone that travels)."""
        with self._sf.begin() as s:
            row = _entry(s, entry_id)
            row.deleted = True
            audit.append(s, self._device, SozialraumAction.ENTRY_REMOVED, None, entry_id)

    def entry(self, entry_id: str) -> CatalogEntryView:
        """One live entry."""
        with self._sf() as s:
            return _entry_view(_entry(s, entry_id))

    def kinds(self) -> list[str]:
        """The suggested kinds followed by every other kind in use."""
        with self._sf() as s:
            used = s.scalars(
                select(CatalogEntry.kind).where(CatalogEntry.deleted.is_(False)).distinct()
            ).all()
        extra = sorted({k for k in used if k not in SUGGESTED_KINDS}, key=search_key)
        return [*SUGGESTED_KINDS, *extra]

    def districts(self) -> list[str]:
        """The districts named in the catalogue, sorted."""
        with self._sf() as s:
            used = s.scalars(
                select(CatalogEntry.district).where(CatalogEntry.deleted.is_(False)).distinct()
            ).all()
        return sorted({d for d in used if d}, key=search_key)

    def search(
        self,
        text: str = "",
        kind: str | None = None,
        district: str | None = None,
        order: str = ORDER_VERIFIED,
    ) -> list[CatalogEntryView]:
        """Entries whose text contains every word of ``text``; kind and district match exactly.

        Matching ignores case and diacritics. ``order`` is :data:`ORDER_VERIFIED`
        (newest verified first, never verified last, then by name) or :data:`ORDER_NAME`.
        """
        words = search_key(text).split()
        with self._sf() as s:
            rows = s.scalars(select(CatalogEntry).where(CatalogEntry.deleted.is_(False))).all()
            views = [_entry_view(r) for r in rows]
        kind_key = search_key(kind) if kind else None
        district_key = search_key(district) if district else None
        found = [
            v
            for v in views
            if (kind_key is None or search_key(v.kind) == kind_key)
            and (district_key is None or search_key(v.district) == district_key)
            and all(w in _haystack(v) for w in words)
        ]
        found.sort(key=lambda v: search_key(v.name))
        if order == ORDER_VERIFIED:
            found.sort(key=lambda v: v.verified_on or dt.date.min, reverse=True)
        return found

    # explorations

    def record_exploration(self, value: ExplorationInput) -> ExplorationView:
        """Store a Zehn-Minuten-Sozialraumerkundung."""
        _check(exploration_problems(value))
        with self._sf.begin() as s:
            if value.catalog_entry_id:
                _entry(s, value.catalog_entry_id)
            row = Exploration()
            _fill_exploration(row, value)
            s.add(row)
            s.flush()
            audit.append(s, self._device, SozialraumAction.EXPLORATION_RECORDED, None, row.id)
            return _exploration_view(s, row)

    def update_exploration(self, exploration_id: str, value: ExplorationInput) -> ExplorationView:
        """Correct an exploration."""
        _check(exploration_problems(value))
        with self._sf.begin() as s:
            row = _exploration(s, exploration_id)
            if value.catalog_entry_id:
                _entry(s, value.catalog_entry_id)
            _fill_exploration(row, value)
            audit.append(
                s, self._device, SozialraumAction.EXPLORATION_CHANGED, None, exploration_id
            )
            return _exploration_view(s, row)

    def remove_exploration(self, exploration_id: str) -> None:
        """Take an exploration back (kept as a tombstone)."""
        with self._sf.begin() as s:
            row = _exploration(s, exploration_id)
            row.deleted = True
            audit.append(
                s, self._device, SozialraumAction.EXPLORATION_REMOVED, None, exploration_id
            )

    def exploration(self, exploration_id: str) -> ExplorationView:
        """One live exploration."""
        with self._sf() as s:
            return _exploration_view(s, _exploration(s, exploration_id))

    def explorations(self, since: dt.date | None = None) -> list[ExplorationView]:
        """Explorations, newest first; only those on or after ``since`` if given."""
        with self._sf() as s:
            query = select(Exploration).where(Exploration.deleted.is_(False))
            if since is not None:
                query = query.where(Exploration.explored_on >= since)
            rows = s.scalars(
                query.order_by(Exploration.explored_on.desc(), Exploration.hlc.desc())
            ).all()
            return [_exploration_view(s, r) for r in rows]

    def exploration_to_entry(
        self, exploration_id: str, value: CatalogEntryInput, entry_id: str | None = None
    ) -> CatalogEntryView:
        """Turn an exploration into a catalogue entry and link them, in one transaction.

        Updates ``entry_id`` if given, else the entry the exploration already points
        to, else creates a new entry.
        """
        _check(entry_problems(value))
        with self._sf.begin() as s:
            exploration = _exploration(s, exploration_id)
            target = entry_id or exploration.catalog_entry_id
            if target:
                row = _entry(s, target)
                _fill_entry(row, value)
                action = SozialraumAction.ENTRY_CHANGED
            else:
                row = CatalogEntry(added_on=dt.date.today())
                _fill_entry(row, value)
                s.add(row)
                s.flush()
                action = SozialraumAction.ENTRY_ADDED
            exploration.catalog_entry_id = row.id
            audit.append(s, self._device, action, None, row.id)
            audit.append(
                s, self._device, SozialraumAction.EXPLORATION_CHANGED, None, exploration_id
            )
            return _entry_view(row)

    # team meetings and "Tipps und Themen"

    def record_team_meeting(self, held_on: dt.date | None = None) -> dt.date:
        """Note that the team met (today by default); later tips count from then."""
        day = held_on or dt.date.today()
        if day > dt.date.today():
            raise ValidationError({"held_on": "Die Teamsitzung liegt in der Zukunft."})
        with self._sf.begin() as s:
            row = TeamMeeting(held_on=day)
            s.add(row)
            s.flush()
            audit.append(s, self._device, SozialraumAction.TEAM_MEETING, None, day.isoformat())
        return day

    def last_team_meeting(self) -> dt.date | None:
        """The date of the most recent team meeting, if one was recorded."""
        with self._sf() as s:
            return s.scalars(
                select(TeamMeeting.held_on)
                .where(TeamMeeting.deleted.is_(False))
                .order_by(TeamMeeting.held_on.desc())
                .limit(1)
            ).first()

    def tips_since(self, since: dt.date | None = None) -> TipsList:
        """Entries added or verified, and explorations made, since a day.

        Without ``since`` the list starts the day after the last team meeting
        (what the meeting saw is not repeated); with no meeting recorded it lists
        everything. A given ``since`` counts that day itself.
        """
        last = self.last_team_meeting()
        start = since
        if start is None and last is not None:
            start = last + dt.timedelta(days=1)
        with self._sf() as s:
            rows = s.scalars(select(CatalogEntry).where(CatalogEntry.deleted.is_(False))).all()
            entries = [
                _entry_view(r)
                for r in rows
                if start is None
                or r.added_on >= start
                or (r.verified_on is not None and r.verified_on >= start)
            ]
        entries.sort(key=lambda v: (v.kind.casefold(), search_key(v.name)))
        return TipsList(
            since=start,
            last_meeting=last,
            entries=tuple(entries),
            explorations=tuple(reversed(self.explorations(start))),
        )

    def tips_pdf(self, tips: TipsList, meeting_on: dt.date) -> bytes:
        """The "Tipps und Themen" list for the meeting on ``meeting_on``, as PDF; audited.

        The list is team-wide, so it is not stored among a case's documents.
        """
        content = render_tips(replace(tips_print(tips, meeting_on), office=self._office()))
        with self._sf.begin() as s:
            audit.append(
                s,
                self._device,
                SozialraumAction.TIPS_CREATED,
                None,
                f"{meeting_on.isoformat()}:{len(tips.entries)}:{len(tips.explorations)}",
            )
        return content

    def record_tips_printed(self, meeting_on: dt.date) -> None:
        """Note in the audit log that the list was sent to a printer."""
        with self._sf.begin() as s:
            audit.append(
                s, self._device, SozialraumAction.TIPS_PRINTED, None, meeting_on.isoformat()
            )

    def save_tips(self, content: bytes, path: Path, meeting_on: dt.date) -> None:
        """Write the list where the caseworker chose (atomically, owner-only) and audit it."""
        atomic_write(path, content)
        with self._sf.begin() as s:
            audit.append(s, self._device, SozialraumAction.TIPS_SAVED, None, meeting_on.isoformat())

    # case resources

    def link_resource(self, resource_id: str, entry_id: str | None) -> None:
        """Point a case's resource at a catalogue entry (or unlink it with None)."""
        with self._sf.begin() as s:
            resource = s.get(Resource, resource_id)
            if resource is None or resource.deleted:
                raise NotFoundError("Die Ressource wurde nicht gefunden.")
            if entry_id is not None:
                _entry(s, entry_id)
            resource.catalog_entry_id = entry_id
            audit.append(
                s,
                self._device,
                SozialraumAction.RESOURCE_LINKED,
                resource.case_id,
                f"{resource_id}:{entry_id or ''}",
            )


# --- helpers ------------------------------------------------------------------------------


def _check(problems: dict[str, str]) -> None:
    if problems:
        raise ValidationError(problems)


def _entry(s: Session, entry_id: str) -> CatalogEntry:
    row = s.get(CatalogEntry, entry_id)
    if row is None or row.deleted:
        raise NotFoundError("Der Katalogeintrag wurde nicht gefunden.")
    return row


def _exploration(s: Session, exploration_id: str) -> Exploration:
    row = s.get(Exploration, exploration_id)
    if row is None or row.deleted:
        raise NotFoundError("Die Sozialraum-Erkundung wurde nicht gefunden.")
    return row


def _fill_entry(row: CatalogEntry, value: CatalogEntryInput) -> None:
    row.name = value.name.strip()
    row.kind = value.kind.strip()
    row.address = value.address.strip()
    row.district = value.district.strip()
    row.contact = value.contact.strip()
    row.languages = value.languages.strip()
    row.costs = value.costs.strip()
    row.opening_hours = value.opening_hours.strip()
    row.notes = value.notes.strip()
    if value.verified_on is not None:
        row.verified_on = value.verified_on


def _fill_exploration(row: Exploration, value: ExplorationInput) -> None:
    row.explored_on = value.explored_on
    row.district = value.district.strip()
    row.learned = value.learned.strip()
    row.author = value.author.strip()
    row.catalog_entry_id = value.catalog_entry_id


def _entry_view(row: CatalogEntry) -> CatalogEntryView:
    return CatalogEntryView(
        id=row.id,
        name=row.name,
        kind=row.kind,
        address=row.address,
        district=row.district,
        contact=row.contact,
        languages=row.languages,
        costs=row.costs,
        opening_hours=row.opening_hours,
        notes=row.notes,
        verified_on=row.verified_on,
        added_on=row.added_on,
    )


def _exploration_view(s: Session, row: Exploration) -> ExplorationView:
    name = ""
    if row.catalog_entry_id:
        entry = s.get(CatalogEntry, row.catalog_entry_id)
        name = entry.name if entry is not None and not entry.deleted else ""
    return ExplorationView(
        id=row.id,
        explored_on=row.explored_on,
        district=row.district,
        learned=row.learned,
        author=row.author,
        catalog_entry_id=row.catalog_entry_id,
        catalog_entry_name=name,
    )


def _haystack(v: CatalogEntryView) -> str:
    return search_key(
        " ".join((v.name, v.kind, v.address, v.district, v.contact, v.languages, v.costs, v.notes))
    )


__all__ = [
    "ORDER_NAME",
    "ORDER_VERIFIED",
    "SUGGESTED_KINDS",
    "CatalogEntryInput",
    "CatalogEntryView",
    "ExplorationInput",
    "ExplorationView",
    "SozialraumAction",
    "SozialraumService",
    "TipsList",
    "entry_problems",
    "exploration_problems",
    "search_key",
    "tips_print",
]
