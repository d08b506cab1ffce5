"""Writing the demo's Sozialraum: catalogue entries, explorations and a team meeting."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.demo.sozialraum_data import (
    ENTRIES,
    EXPLORATIONS,
    LINKED_RESOURCE,
    NEW_SINCE_MEETING,
    VERIFIED_SINCE_MEETING,
)
from asd_desktop.models.goals import Resource
from asd_desktop.models.sozialraum import CatalogEntry
from asd_desktop.services.sozialraum import (
    CatalogEntryInput,
    ExplorationInput,
    SozialraumService,
)


def write_sozialraum_demo(
    session_factory: sessionmaker[Session], device_id: str, today: dt.date
) -> int:
    """Store the demo catalogue, explorations and a team meeting a week ago.

    Returns:
        The number of catalogue entries stored.
    """
    service = SozialraumService(session_factory, device_id)
    meeting = today - dt.timedelta(days=7)
    ids: list[str] = []
    for fields in ENTRIES:
        ids.append(service.add_entry(CatalogEntryInput(*fields)).id)
    with session_factory.begin() as s:
        for n, entry_id in enumerate(ids):
            row = s.get(CatalogEntry, entry_id)
            assert row is not None
            # Fixed, spread-out dates: added weeks ago, checked some days after.
            added = meeting - dt.timedelta(days=30 + (n * 7) % 90)
            row.added_on = today - dt.timedelta(days=n % 5) if n in NEW_SINCE_MEETING else added
            checked = n % 3 != 2
            row.verified_on = added + dt.timedelta(days=(n * 5) % 25) if checked else None
            if n in VERIFIED_SINCE_MEETING:
                row.verified_on = today - dt.timedelta(days=1 + n % 4)
    service.record_team_meeting(meeting)
    for days_ago, district, learned, author, entry_index in EXPLORATIONS:
        service.record_exploration(
            ExplorationInput(
                explored_on=today - dt.timedelta(days=days_ago),
                learned=learned,
                district=district,
                author=author,
                catalog_entry_id=ids[entry_index] if entry_index >= 0 else None,
            )
        )
    prefix, entry_index = LINKED_RESOURCE
    with session_factory() as s:
        resource_id = s.scalars(
            select(Resource.id)
            .where(Resource.description.startswith(prefix), Resource.deleted.is_(False))
            .limit(1)
        ).first()
    if resource_id is not None:
        service.link_resource(resource_id, ids[entry_index])
    return len(ids)
