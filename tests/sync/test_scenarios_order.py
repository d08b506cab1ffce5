"""Assignment instructions in any order of reading; no laptop left stuck (issue: sync order)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from asd_desktop.domain.enums import Area
from asd_desktop.models import ActionGoal, Case, Person
from asd_desktop.models.errors import AsdError
from asd_desktop.models.sync import CaseAssignment
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput, PersonInput
from asd_desktop.services.sync.exchange import remove_case_rows
from asd_desktop.services.sync.merge import ConflictPendingError
from tests.conftest import PASSPHRASE
from tests.sync.trio import Node, Trio


def _assignment(node: Node, case_id: str, device_id: str) -> str | None:
    with node.ov.database.session_factory() as s:
        row = s.get(CaseAssignment, (case_id, device_id))
        return None if row is None else row.state


def _person_of(node: Node, case_id: str) -> str:
    with node.ov.database.session_factory() as s:
        return s.scalars(select(Person.id).where(Person.case_id == case_id)).first() or ""


def _case_lines(node: Node, case_id: str) -> list[str]:
    return [line for line in node.dump() if case_id in line]


def _new_case(node: Node, number: str) -> str:
    row = node.ov.cases.create_case(
        CaseInput(file_number=number, family_name="Quellmalz", opened_on=dt.date(2026, 11, 2)),
        AreaInput(
            area=Area.SERVICE, decided_on=dt.date(2026, 11, 2), reason="Antrag", decided_by="Team"
        ),
    )
    node.ov.cases.add_person(row.id, PersonInput(last_name="Quellmalz", first_name="Mia"))
    return row.id


def test_reassignment_read_before_the_withdrawal_keeps_the_case(trio: Trio) -> None:
    case_id = trio.o.case_ids()[0]
    trio.o.ov.sync.unassign(case_id, trio.a.device_id)
    withdrawal = trio.export(trio.o, trio.a)  # bundle 2
    trio.o.ov.sync.assign(case_id, trio.a.device_id)
    reassignment = trio.export(trio.o, trio.a)  # bundle 3

    trio.a.ov.sync.import_bundle(reassignment)
    report = trio.a.ov.sync.import_bundle(withdrawal)

    assert report.withdrawn_cases == 0
    assert report.evicted_cases == 0
    assert trio.a.get(Case, case_id) is not None
    assert _assignment(trio.o, case_id, trio.a.device_id) == "active"
    # The exchange goes on: an edit of the case's person reaches the laptop.
    trio.send(trio.a, trio.o)
    person = _person_of(trio.o, case_id)
    trio.o.edit(Person, person, phone="0421 555 0101")
    trio.send(trio.o, trio.a)
    assert trio.a.get(Person, person).phone == "0421 555 0101"
    assert _case_lines(trio.a, case_id) == _case_lines(trio.o, case_id)


def test_reading_in_order_and_out_of_order_ends_the_same(trio: Trio) -> None:
    case_id = trio.o.case_ids()[1]
    trio.o.ov.sync.unassign(case_id, trio.a.device_id)
    second = trio.export(trio.o, trio.a)
    trio.o.ov.sync.assign(case_id, trio.a.device_id)
    third = trio.export(trio.o, trio.a)
    trio.o.ov.sync.unassign(case_id, trio.a.device_id)
    fourth = trio.export(trio.o, trio.a)

    for path in (fourth, second, third):
        trio.a.ov.sync.import_bundle(path)
    # The newest instruction is the withdrawal: the case goes once the office has all of it.
    trio.send(trio.a, trio.o)
    trio.send(trio.o, trio.a)
    assert trio.a.get(Case, case_id) is None
    trio.send(trio.a, trio.o)
    assert _assignment(trio.o, case_id, trio.a.device_id) is None


def test_old_assigning_bundle_after_the_withdrawal_brings_nothing_back(trio: Trio) -> None:
    case_id = _new_case(trio.o, "ASD-ALT-0001")
    trio.o.ov.sync.assign(case_id, trio.a.device_id)
    assigning = trio.export(trio.o, trio.a)  # bundle 1: the whole case
    trio.o.ov.sync.unassign(case_id, trio.a.device_id)
    withdrawing = trio.export(trio.o, trio.a)  # bundle 2

    trio.a.ov.sync.import_bundle(withdrawing)
    trio.send(trio.a, trio.o)  # the laptop reports the case gone
    assert _assignment(trio.o, case_id, trio.a.device_id) is None

    trio.a.ov.sync.import_bundle(assigning)  # the old bundle still on the stick
    assert trio.a.get(Case, case_id) is None
    assert not _case_lines(trio.a, case_id)
    assert not [line for line in trio.a.dump() if "Quellmalz" in line]
    # Nothing later brings it back either.
    trio.send(trio.o, trio.a)
    trio.send(trio.a, trio.o)
    assert trio.a.get(Case, case_id) is None
    assert _assignment(trio.o, case_id, trio.a.device_id) is None


def test_acknowledgement_does_not_move_back_when_an_old_bundle_is_read(trio: Trio) -> None:
    old = trio.export(trio.a, trio.o)
    goal = trio.a.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text="neuer Stand")
    trio.send(trio.a, trio.o)
    pending_before = trio.o.ov.sync.pending_changes(trio.a.device_id)
    trio.o.ov.sync.import_bundle(old)
    assert trio.o.ov.sync.pending_changes(trio.a.device_id) == pending_before


def test_missing_records_are_asked_for_again_instead_of_refusing_every_bundle(
    trio: Trio,
) -> None:
    case_id = trio.o.case_ids()[2]
    # The laptop somehow lost the case's records (here: removed behind the program's back).
    with trio.a.ov.database.session_factory.begin() as s:
        remove_case_rows(s, case_id)
    person = _person_of(trio.o, case_id)
    trio.o.edit(Person, person, phone="0421 555 0202")

    report = trio.send(trio.o, trio.a)
    assert report.resend_cases == 1
    assert "fordert den ganzen Fall neu an" in report.resend_message
    assert trio.a.get(Person, person) is None  # the orphan was not kept

    trio.send(trio.a, trio.o)  # carries the request
    trio.send(trio.o, trio.a)  # carries the whole case
    assert trio.a.get(Person, person).phone == "0421 555 0202"
    assert _case_lines(trio.a, case_id) == _case_lines(trio.o, case_id)
    # The request is settled: the next bundles are ordinary ones.
    trio.send(trio.a, trio.o)
    assert trio.send(trio.o, trio.a).resend_cases == 0


def test_changes_for_a_case_not_assigned_are_refused_with_a_message(trio: Trio) -> None:
    case_id = trio.o.case_ids()[3]
    person = _person_of(trio.a, case_id)
    trio.o.ov.sync.unassign(case_id, trio.a.device_id)
    with trio.o.ov.database.session_factory.begin() as s:
        s.delete(s.get(CaseAssignment, (case_id, trio.a.device_id)))
    trio.a.edit(Person, person, phone="0421 555 0303")

    report = trio.send(trio.a, trio.o)
    assert report.review_items >= 1
    number = trio.o.get(Case, case_id).file_number
    assert "Abgewiesen" in report.refused_message
    assert number in report.refused_message
    assert trio.o.get(Person, person).phone != "0421 555 0303"


def _conflicting_last_names(trio: Trio, laptop_later: bool) -> str:
    """A and the office change a person's last name concurrently; A imports the conflict.

    ``laptop_later`` decides whose clock is later, so either version is the provisional
    winner the form would show.
    """
    case_id = trio.o.case_ids()[4]
    person = _person_of(trio.o, case_id)
    first, second = (trio.o, trio.a) if laptop_later else (trio.a, trio.o)
    first.edit(Person, person, last_name=f"Erst-{first.name}")
    second.edit(Person, person, last_name=f"Dann-{second.name}")
    report = trio.send(trio.o, trio.a)
    assert [c.row_id for c in report.new_conflicts] == [person]
    return person


def _all_last_names(node: Node, person: str) -> set[str]:
    return {
        json.loads(line)["data"].get("last_name")
        for line in node.dump()
        if person in line and '"table":"persons"' in line
    }


@pytest.mark.parametrize("laptop_later", [True, False])
def test_saving_a_record_in_conflict_without_a_choice_is_refused(
    trio: Trio, laptop_later: bool
) -> None:
    person = _conflicting_last_names(trio, laptop_later)
    names = _all_last_names(trio.a, person)
    assert len(names) == 2
    before = trio.a.dump()
    view = trio.a.ov.cases.get_case(trio.a.get(Person, person).case_id, audit_opening=False)
    shown = next(p for p in view.persons if p.id == person)
    value = PersonInput(
        last_name=shown.last_name, first_name=shown.first_name, phone="0421 555 0404"
    )
    with pytest.raises(ConflictPendingError, match="Konfliktposteingang"):
        trio.a.ov.cases.update_person(person, value)
    assert trio.a.dump() == before
    # The person chooses (here: the other device's name); the choice travels and settles.
    conflict = trio.a.ov.sync.conflicts()[0]
    other = next(i for i, v in enumerate(conflict.versions) if "dieses Gerät" not in v.device_name)
    trio.a.ov.sync.resolve("persons", person, picks={"last_name": other})
    trio.a.ov.cases.update_person(
        person,
        PersonInput(
            last_name=trio.a.get(Person, person).last_name,
            first_name=shown.first_name,
            phone="0421 555 0404",
        ),
    )
    trio.send(trio.a, trio.o)
    trio.send(trio.o, trio.a)
    expected = "Erst-O" if laptop_later else "Dann-O"  # the office's version, as chosen
    assert trio.o.get(Person, person).last_name == expected
    assert trio.o.get(Person, person).phone == "0421 555 0404"
    assert trio.o.ov.sync.conflicts() == []


def test_enrollment_file_is_deleted_after_a_successful_join(trio: Trio, tmp_path: Path) -> None:
    enrollment = trio.o.ov.sync.enroll("Laptop C", tmp_path / "stick")
    laptop = vault.create_vault(tmp_path / "c", PASSPHRASE, PASSPHRASE)
    try:
        joined = laptop.sync.join(enrollment.path, enrollment.code)
    finally:
        laptop.close()
    assert not enrollment.path.exists()
    assert "gelöscht" in joined.enrollment_note


def test_a_wrong_code_keeps_the_enrollment_file(trio: Trio, tmp_path: Path) -> None:
    enrollment = trio.o.ov.sync.enroll("Laptop D", tmp_path / "stick")
    laptop = vault.create_vault(tmp_path / "d", PASSPHRASE, PASSPHRASE)
    try:
        with pytest.raises(AsdError):
            laptop.sync.join(enrollment.path, "0" * 24)
    finally:
        laptop.close()
    assert enrollment.path.exists()


def test_two_concurrent_corrections_of_a_contact_are_both_shown(trio: Trio) -> None:
    case_id = trio.o.case_ids()[5]
    view = trio.o.ov.cases.get_case(case_id, audit_opening=False)
    old = next(c for c in view.contacts if not c.corrects_id and not c.corrected_by)
    for node, note in ((trio.a, "Korrektur von A"), (trio.b, "Korrektur von B")):
        value = ContactInput(
            occurred_at=old.occurred_at, kind=old.kind, note=note, present=old.present
        )
        node.ov.cases.record_contact(case_id, value, corrects_id=old.id)
    trio.full_exchange()
    for node in (trio.o, trio.a, trio.b):
        contacts = node.ov.cases.get_case(case_id, audit_opening=False).contacts
        notes = {c.note for c in contacts if c.corrects_id == old.id}
        assert notes == {"Korrektur von A", "Korrektur von B"}
        replaced = next(c for c in contacts if c.id == old.id)
        assert replaced.correction_count == 2
