"""Keeps the derived case summaries (area, last contact, next deadline) current.

The next deadline is the earliest open item of any kind (:mod:`~asd_desktop.storage.due_items`:
steps, first steps, Familienrat agreements, Aufträge, Handlungsziele, reviews, councils),
so a later contact can never hide an earlier open step.

Called from the storage flush hook with the ids of every case touched by a
flush; plain SQL expressions, so it runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ScalarSelect, and_, delete, exists, insert, select
from sqlalchemy.orm import Session, aliased

from asd_desktop.models.case import AreaAssignment, Case, Contact
from asd_desktop.models.case_summary import CaseSummary
from asd_desktop.storage.due_items import open_due_by_case

_CHUNK = 400


def current_area() -> ScalarSelect[Any]:
    """The newest area of the case in the enclosing query (correlated to ``Case``)."""
    a = aliased(AreaAssignment)
    return (
        select(a.area)
        .where(a.case_id == Case.id, a.deleted.is_(False))
        .order_by(a.decided_on.desc(), a.hlc.desc())
        .limit(1)
        .correlate(Case)
        .scalar_subquery()
    )


def _latest_contact(column: str) -> ScalarSelect[Any]:
    """A column of the case's newest contact that no later entry corrects."""
    k = aliased(Contact)
    later = aliased(Contact)
    return (
        select(getattr(k, column))
        .where(
            and_(
                k.case_id == Case.id,
                k.deleted.is_(False),
                ~exists().where(later.corrects_id == k.id),
            )
        )
        .order_by(k.occurred_at.desc())
        .limit(1)
        .correlate(Case)
        .scalar_subquery()
    )


def refresh(session: Session, case_ids: Iterable[str | None]) -> None:
    """Recompute the summaries of the given cases in the session's transaction."""
    ids = sorted({i for i in case_ids if i})
    conn = session.connection()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        conn.execute(delete(CaseSummary).where(CaseSummary.case_id.in_(chunk)))
        due = open_due_by_case(chunk).subquery()
        conn.execute(
            insert(CaseSummary).from_select(
                ["case_id", "area", "last_contact", "next_due"],
                select(
                    Case.id,
                    current_area(),
                    _latest_contact("occurred_at"),
                    due.c.due_on,
                )
                .outerjoin(due, due.c.case_id == Case.id)
                .where(Case.id.in_(chunk)),
            )
        )
