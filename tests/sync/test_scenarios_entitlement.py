"""SYNC.md scenarios 15-18: entitled cases only, assignment, withdrawal, newer fields."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from asd_desktop.domain.enums import Area
from asd_desktop.models import ActionGoal, Case, Person
from asd_desktop.services.cases import AreaInput, CaseInput, PersonInput
from asd_desktop.storage.bundle_file import read_manifest_unverified
from tests.sync.forge import keys_of, recipient_of, rewrite
from tests.sync.trio import Node, Trio


def _new_case(node: Node, number: str) -> str:
    row = node.ov.cases.create_case(
        CaseInput(file_number=number, family_name="Neumann", opened_on=dt.date(2026, 11, 2)),
        AreaInput(
            area=Area.SERVICE, decided_on=dt.date(2026, 11, 2), reason="Antrag", decided_by="Team"
        ),
    )
    node.ov.cases.add_person(row.id, PersonInput(last_name="Neumann", first_name="Lea"))
    return row.id


def _payload(node: Node, path: Path) -> list[dict[str, Any]]:
    _manifest, _m, _s, payload = read_manifest_unverified(path, [keys_of(node).age_identity])
    return [json.loads(x) for x in zlib.decompress(payload).splitlines()]


def _case_rows(node: Node, case_id: str) -> list[str]:
    return [line for line in node.dump() if case_id in line]


def test_15_laptop_receives_only_its_cases(trio: Trio) -> None:
    other = _new_case(trio.o, "ASD-NEU-0001")
    path = trio.export(trio.o, trio.a)
    lines = _payload(trio.o, path)
    assert lines, "the bundle carries the office's other changes"
    assert not [x for x in lines if other in json.dumps(x)]
    trio.a.ov.sync.import_bundle(path)
    assert trio.a.get(Case, other) is None
    assert not _case_rows(trio.a, other)


def test_16_assigning_a_case_sends_all_of_it(trio: Trio) -> None:
    other = _new_case(trio.o, "ASD-NEU-0002")
    trio.send(trio.o, trio.a)  # A acknowledges the office's counter without the case
    trio.send(trio.a, trio.o)
    assert trio.o.ov.sync.assign("ASD-NEU-0002", trio.a.device_id)
    trio.send(trio.o, trio.a)
    assert trio.a.get(Case, other) is not None
    assert _case_rows(trio.a, other) == _case_rows(trio.o, other)
    assert len(_case_rows(trio.o, other)) >= 3  # case, area, person


def test_17_withdrawn_case_sends_pending_edits_first_then_is_evicted(trio: Trio) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    case_id = trio.o.get(ActionGoal, goal).case_id
    trio.a.edit(ActionGoal, goal, text="noch nicht exportiert")
    trio.o.ov.sync.unassign(case_id, trio.a.device_id)
    report = trio.send(trio.o, trio.a)
    assert report.withdrawn_cases == 1
    assert report.evicted_cases == 0  # A's edit has not reached the office
    assert trio.a.get(Case, case_id) is not None
    trio.send(trio.a, trio.o)
    assert trio.o.get(ActionGoal, goal).text == "noch nicht exportiert"
    report = trio.send(trio.o, trio.a)
    assert report.evicted_cases == 1
    assert trio.a.get(Case, case_id) is None
    assert not _case_rows(trio.a, case_id)
    assert case_id not in [c.id for c in trio.a.ov.cases.list_cases()]
    with trio.a.ov.database.session_factory() as s:
        indexed = s.execute(
            text(
                "SELECT count(*) FROM case_search WHERE rowid IN "
                "(SELECT rowid FROM search_docs WHERE case_id = :c)"
            ),
            {"c": case_id},
        ).scalar_one()
    assert indexed == 0  # nothing of the evicted family stays in the search index
    trio.send(trio.a, trio.o)
    assert case_id not in trio.o.ov.sync.assigned_cases(trio.a.device_id)
    assert trio.o.get(Case, case_id) is not None  # the office keeps it


def test_17_taking_back_removes_no_data_anywhere_else(trio: Trio) -> None:
    case_id = trio.o.case_ids()[0]
    trio.o.ov.sync.unassign(case_id, trio.a.device_id)
    trio.send(trio.o, trio.a)
    trio.send(trio.a, trio.o)
    trio.send(trio.o, trio.b)
    assert trio.b.get(Case, case_id) is not None
    assert _case_rows(trio.b, case_id) == _case_rows(trio.o, case_id)


def test_18_field_from_a_newer_release_passes_through_unchanged(trio: Trio, tmp_path: Path) -> None:
    with trio.o.ov.database.session_factory() as s:
        person_id = s.scalars(select(Person.id).where(Person.deleted.is_(False))).first()
    assert person_id is not None
    trio.o.edit(Person, person_id, phone="040 123")
    real = trio.export(trio.o, trio.a)
    extra = {"pronomen": "sie/ihr", "kontaktwege": ["Telefon", "Brief"]}

    def add_field(line: dict[str, Any]) -> dict[str, Any]:
        if line["t"] == "persons" and line["r"]["id"] == person_id:
            return {**line, "r": {**line["r"], **extra}}
        return line

    newer = rewrite(
        real,
        trio.o,
        tmp_path / "neuer.asdbundle",
        recipients=[recipient_of(trio.o, trio.a.device_id)],
        line_change=add_field,
    )
    trio.a.ov.sync.import_bundle(newer)
    # The older release edits another field and sends the record back.
    trio.a.edit(Person, person_id, phone="040 999")
    back = trio.export(trio.a, trio.o)
    rows = [x["r"] for x in _payload(trio.a, back) if x["t"] == "persons"]
    mine = [r for r in rows if r["id"] == person_id]
    assert mine
    assert {k: mine[0][k] for k in extra} == extra
    assert mine[0]["phone"] == "040 999"
    trio.o.ov.sync.import_bundle(back)
    assert trio.o.get(Person, person_id).unknown_fields == extra


def test_case_opened_on_a_laptop_reaches_the_office_and_stays_with_the_laptop(
    trio: Trio,
) -> None:
    case_id = _new_case(trio.a, "ASD-HB-0099")
    report = trio.send(trio.a, trio.o)
    assert report.review_items == 0
    assert trio.o.get(Case, case_id) is not None
    assert case_id in trio.o.ov.sync.assigned_cases(trio.a.device_id)
    assert case_id not in trio.o.ov.sync.assigned_cases(trio.b.device_id)
    trio.send(trio.o, trio.b)
    assert trio.b.get(Case, case_id) is None
    trio.o.edit(Case, case_id, description="Vom Büro ergänzt")
    trio.send(trio.o, trio.a)
    assert trio.a.get(Case, case_id).description == "Vom Büro ergänzt"
    assert _case_rows(trio.a, case_id) == _case_rows(trio.o, case_id)
