"""The derived case summaries behind the case list stay current and survive the upgrade."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Insert, MetaData, Table, insert, inspect, select, text

from asd_desktop.domain.enums import Area, CaseStatus, ContactKind
from asd_desktop.models.case import AreaAssignment, Case, Contact
from asd_desktop.models.case_summary import CaseSummary
from asd_desktop.services.cases import AreaInput, CaseInput, CaseQuery, ContactInput
from asd_desktop.storage.database import MIGRATIONS_DIR, Database
from asd_desktop.storage.engine import create_encrypted_engine

DAY = dt.date.today() - dt.timedelta(days=30)


def _case(opened, number: str = "ASD-T-1"):
    return opened.cases.create_case(
        CaseInput(number, "Yılmaz", DAY),
        AreaInput(Area.SERVICE, DAY, "Eltern bitten um Beratung.", "J. Petersen"),
    )


def _contact(days_ago: int, due_in: int | None = None) -> ContactInput:
    return ContactInput(
        occurred_at=dt.datetime.combine(dt.date.today() - dt.timedelta(days=days_ago), dt.time(10)),
        kind=ContactKind.PHONE,
        note="Telefonat",
        next_step="Rückruf" if due_in is not None else "",
        next_step_due=dt.date.today() + dt.timedelta(days=due_in) if due_in is not None else None,
    )


def _row(opened, case_id: str):
    return next(r for r in opened.cases.list_cases(CaseQuery(status=None)) if r.id == case_id)


def test_new_case_shows_its_first_area_and_no_contact(opened):
    row = _case(opened)

    assert row.area is Area.SERVICE
    assert row.last_contact is None
    assert row.next_deadline is None


def test_contacts_corrections_and_areas_update_the_list_row(opened):
    case = _case(opened)
    old = opened.cases.record_contact(case.id, _contact(5, due_in=3))
    assert _row(opened, case.id).next_deadline == dt.date.today() + dt.timedelta(days=3)
    # An older contact's open step still counts: the earliest open item wins (Wiedervorlage).
    opened.cases.record_contact(case.id, _contact(9, due_in=-4))
    assert _row(opened, case.id).next_deadline == dt.date.today() - dt.timedelta(days=4)
    [overdue] = opened.deadlines.items(end=dt.date.today() - dt.timedelta(days=1))
    opened.deadlines.mark_done(overdue.key, dt.date.today(), "J. Petersen")

    opened.cases.record_contact(case.id, _contact(5, due_in=10), corrects_id=old.id)
    opened.cases.change_area(
        case.id, AreaInput(Area.GREY, dt.date.today(), "Meldung der Schule.", "J. Petersen")
    )

    row = _row(opened, case.id)
    assert row.next_deadline == dt.date.today() + dt.timedelta(days=10)
    assert row.last_contact == _contact(5).occurred_at
    assert row.area is Area.GREY
    assert [r.id for r in opened.cases.list_cases(CaseQuery(status=None, area=Area.GREY))] == [
        case.id
    ]
    assert opened.cases.list_cases(CaseQuery(status=None, area=Area.SERVICE)) == []


def test_a_deleted_contact_leaves_the_list_row(opened):
    case = _case(opened)
    opened.cases.record_contact(case.id, _contact(8, due_in=1))
    newest = opened.cases.record_contact(case.id, _contact(2, due_in=7))

    with opened.database.session_factory.begin() as s:
        contact = s.get(Contact, newest.id)
        assert contact is not None
        contact.deleted = True

    row = _row(opened, case.id)
    assert row.last_contact == _contact(8).occurred_at
    assert row.next_deadline == dt.date.today() + dt.timedelta(days=1)


def test_search_by_text_and_filters_combine(opened):
    first = _case(opened, "ASD-T-1")
    opened.cases.create_case(
        CaseInput("ASD-T-2", "Wójcik", DAY),
        AreaInput(Area.GREY, DAY, "Meldung.", "J. Petersen"),
    )
    opened.cases.set_status(first.id, CaseStatus.CLOSED, dt.date.today())

    assert [r.family_name for r in opened.cases.list_cases(CaseQuery(text="wojcik"))] == ["Wójcik"]
    assert opened.cases.list_cases(CaseQuery(text="yilmaz")) == []  # closed, default filter
    assert [r.id for r in opened.cases.list_cases(CaseQuery(text="yilmaz", status=None))] == [
        first.id
    ]
    assert opened.cases.list_cases(CaseQuery(text="yilmaz", status=None, area=Area.GREY)) == []
    assert opened.cases.list_cases(CaseQuery(text="Quantenphysik", status=None)) == []


def _old_insert(conn: Connection, model: Any) -> Insert:
    """An INSERT of the model with only the columns the old database has: later migrations
    added columns (with defaults) that a database at revision 0001 lacks."""
    present = {c["name"] for c in inspect(conn).get_columns(model.__tablename__)}
    columns = [c._copy() for c in model.__table__.columns if c.name in present]
    return insert(Table(model.__tablename__, MetaData(), *columns))


def _rows(
    conn: Connection, model: Any, rows: list[dict[str, Any]]
) -> tuple[Insert, list[dict[str, Any]]]:
    return _old_insert(conn, model), rows


def test_upgrade_from_the_baseline_fills_the_summaries(tmp_path):
    """A database of the first release (revision 0001) gets its summaries on unlock."""
    key = os.urandom(32)
    path = tmp_path / "asd.db"
    engine = create_encrypted_engine(path, key)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    stamp = {"version_vector": {}, "origin_device": "d", "origin_counter": 1, "hlc": ""}
    stamp |= {"deleted": False, "unknown_fields": {}}
    when = dt.datetime(2024, 3, 1, 9, 30)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        # Every real case file has its device row (the step migration 0008 reads it).
        conn.execute(
            text(
                "INSERT INTO local_device (id, device_id, counter, hlc, created_at) "
                "VALUES (1, 'd', 1, '', '2024-03-01 09:00:00')"
            )
        )
        conn.execute(
            *_rows(
                conn,
                Case,
                [
                    {"id": "c1", "file_number": "A-1", "family_name": "Dvořák", "opened_on": DAY}
                    | stamp
                ],
            ),
        )
        conn.execute(
            *_rows(
                conn,
                AreaAssignment,
                [
                    {"id": "a1", "case_id": "c1", "area": "leistung", "decided_on": DAY} | stamp,
                    {"id": "a2", "case_id": "c1", "area": "gefaehrdung", "decided_on": DAY}
                    | stamp
                    | {"hlc": "1"},
                ],
            ),
        )
        conn.execute(
            *_rows(
                conn,
                Contact,
                [
                    {"id": "k1", "case_id": "c1", "occurred_at": when, "kind": "telefonat"}
                    | stamp
                    # Every row names the same keys: an executemany takes its columns
                    # from the first row and would drop the correction's corrects_id.
                    | {"corrects_id": None, "next_step": "Rückruf"}
                    | {"next_step_due": dt.date(2024, 3, 8)},
                    {"id": "k2", "case_id": "c1", "occurred_at": when, "kind": "telefonat"}
                    | stamp
                    | {"corrects_id": "k1", "next_step": "Rückruf", "next_step_due": DAY},
                ],
            ),
        )
    engine.dispose()

    database = Database.open(path, key)
    try:
        with database.session_factory() as s:
            summary = s.scalars(select(CaseSummary)).one()
            steps = s.execute(text("SELECT contact_id, due_on FROM steps")).all()
    finally:
        database.close()
    assert (summary.case_id, summary.area) == ("c1", "gefaehrdung")
    assert summary.last_contact == when
    assert [tuple(r) for r in steps] == [
        ("k2", DAY.isoformat())
    ]  # the correction's step, not the corrected one
    assert summary.next_due == DAY
