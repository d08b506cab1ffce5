"""A case deleted at the office is gone on the office and both laptops, and stays gone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text

from asd_desktop.domain.enums import CaseStatus, ContactKind, Role
from asd_desktop.domain.retention import RetentionClock, RetentionRules
from asd_desktop.models import AuditEntry, Case, PurgeOrder
from asd_desktop.models.errors import AsdError
from asd_desktop.services.cases import ContactInput, PersonInput
from asd_desktop.services.retention import RetentionService
from asd_desktop.storage import search
from asd_desktop.storage.paths import db_path
from asd_desktop.storage.purge import KEEP
from tests.privacy.raw_pages import leftovers
from tests.sync.trio import TODAY, Node, Trio

#: Words that occur only in the deleted case (added to it below).
MARKERS = ["Xylander", "Quirinius", "Zaunkoenigweg4711"]


def _key(node: Node) -> bytes:
    return node.ov.database._key_holder.key()  # type: ignore[union-attr]


def _prepare_case(trio: Trio) -> tuple[str, str]:
    """A closed case of long ago with a person and a contact only it has, on all three."""
    o = trio.o
    case_id = o.case_ids()[0]
    o.ov.cases.add_person(
        case_id,
        PersonInput(last_name="Xylander", first_name="Quirinius", roles=(Role.FATHER,)),
    )
    o.ov.cases.record_contact(
        case_id,
        ContactInput(
            occurred_at=dt.datetime(2012, 5, 2, 10, 0),
            kind=ContactKind.OFFICE,
            note="Besuch im Zaunkoenigweg4711, Vater Quirinius Xylander anwesend",
            next_step="Zaunkoenigweg4711 anrufen",
            next_step_due=dt.date(2012, 6, 1),
        ),
    )
    o.ov.cases.set_status(case_id, CaseStatus.CLOSED, dt.date(2013, 2, 1))
    trio.full_exchange(rounds=1)
    for node in (trio.o, trio.a, trio.b):
        with node.ov.database.session_factory() as s:
            assert search.search_case_ids(s, "Xylander") == {case_id}, node.name
    return case_id, o.get(Case, case_id).file_number


def _traces(node: Node, case_id: str) -> list[str]:
    """Every table (but the content-free ones kept on purpose) holding the case id."""
    found = []
    with node.ov.database.session_factory() as s:
        conn = s.connection()
        names = [
            r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        ]
        for name in names:
            if name in KEEP or name.startswith("case_search_") or name == "alembic_version":
                continue
            columns = [r[1] for r in conn.execute(text(f"PRAGMA table_info('{name}')"))]
            for column in columns:
                hit = conn.execute(
                    text(f'SELECT 1 FROM "{name}" WHERE CAST("{column}" AS TEXT) LIKE :p LIMIT 1'),
                    {"p": f"%{case_id}%"},
                ).first()
                if hit:
                    found.append(f"{name}.{column}")
        if search.search_case_ids(s, "Xylander"):
            found.append("Suchindex")
    return found


def test_deletion_reaches_both_laptops_and_an_old_bundle_does_not_revive_it(
    trio: Trio, tmp_path: Path
) -> None:
    case_id, file_number = _prepare_case(trio)
    # Bundles made before the deletion, read only afterwards.
    old_to_a = trio.export(trio.o, trio.a)
    trio.a.ov.cases.record_contact(
        case_id,
        ContactInput(occurred_at=dt.datetime(2013, 1, 5, 9), kind=ContactKind.PHONE, note="A"),
    )
    old_from_a = trio.export(trio.a, trio.o)

    # The office's rule: ten years after closing, whatever the children's ages.
    rules = RetentionRules(clock=RetentionClock.CASE_CLOSED, after_majority_years=None)
    office = RetentionService(trio.o.ov.database.session_factory, trio.o.device_id, lambda: rules)
    assert case_id in {v.case_id for v in office.due_list(TODAY)}
    with pytest.raises(AsdError, match="Vier-Augen"):
        office.confirm_deletion(case_id, "Herr Schulz", file_number, TODAY)
    office.request_deletion(case_id, "Frau Meier", TODAY)
    with pytest.raises(AsdError, match="andere Person"):
        office.confirm_deletion(case_id, "frau meier", file_number, TODAY)
    with pytest.raises(AsdError, match="Aktenzeichen"):
        office.confirm_deletion(case_id, "Herr Schulz", file_number + "x", TODAY)
    laptop = RetentionService(trio.a.ov.database.session_factory, trio.a.device_id)
    with pytest.raises(AsdError, match="im Büro"):
        laptop.request_deletion(case_id, "Frau Meier", TODAY)
    report = office.confirm_deletion(case_id, "Herr Schulz", file_number, TODAY)
    assert report.purge_orders == 2
    assert report.rows > 10

    for laptop_node in (trio.a, trio.b):
        imported = trio.send(trio.o, laptop_node)
        assert imported.purged_cases == 1
    for laptop_node in (trio.a, trio.b):
        trio.send(laptop_node, trio.o)
    with trio.o.ov.database.session_factory() as s:
        orders = list(s.scalars(select(PurgeOrder)))
        assert len(orders) == 2
        assert all(o.confirmed_at is not None for o in orders)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "case_deleted")).one()
        assert "Frau Meier" in entry.detail
        assert "Herr Schulz" in entry.detail
        assert file_number not in entry.detail

    # Bundles made before the deletion are read now: nothing comes back.
    trio.a.ov.sync.import_bundle(old_to_a)
    trio.o.ov.sync.import_bundle(old_from_a)
    trio.full_exchange(rounds=1)

    for node in (trio.o, trio.a, trio.b):
        assert node.get(Case, case_id) is None, node.name
        assert _traces(node, case_id) == [], node.name
        key = _key(node)
        node.ov.close()  # the last connection closing removes the WAL
        assert leftovers(db_path(node.ov.data_dir), key, MARKERS) == [], node.name
