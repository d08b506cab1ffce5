"""SYNC.md scenarios 11-14: deletes against edits, replays, double deletes, wrong clocks."""

from __future__ import annotations

import pytest

from asd_desktop.models import ActionGoal
from asd_desktop.services.sync.merge import ConflictPendingError
from asd_desktop.storage import replication
from tests.sync.trio import Node, Trio


def _all(trio: Trio) -> tuple[Node, Node, Node]:
    return (trio.o, trio.a, trio.b)


def test_11_delete_versus_edit_is_a_conflict_and_its_resolution_reaches_all(trio: Trio) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.delete(ActionGoal, goal)
    trio.b.edit(ActionGoal, goal, text="B hat weitergeschrieben")
    trio.full_exchange()
    for node in _all(trio):
        conflicts = node.ov.sync.conflicts()
        assert len(conflicts) == 1, node.name
        assert conflicts[0].delete_vs_edit
        # The provisional winner is the edit (not deleted first), the same everywhere.
        assert not node.get(ActionGoal, goal).deleted
    view = trio.o.ov.sync.conflicts()[0]
    deleted_index = next(i for i, v in enumerate(view.versions) if v.deleted)
    trio.o.ov.sync.resolve(view.table, view.row_id, version=deleted_index)
    trio.full_exchange()
    for node in _all(trio):
        assert node.ov.sync.conflicts() == [], node.name
        row = node.get(ActionGoal, goal)
        assert row is None or row.deleted
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()


def test_12_replayed_old_bundle_does_not_revive_a_deleted_record(trio: Trio) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text="alte Fassung")
    old = trio.export(trio.a, trio.o)  # not imported yet
    trio.a.delete(ActionGoal, goal)
    trio.full_exchange(rounds=4)
    for node in _all(trio):
        row = node.get(ActionGoal, goal)
        assert row is None or row.deleted
    settled = trio.o.dump()
    report = trio.o.ov.sync.import_bundle(old)
    assert not report.already_imported
    row = trio.o.get(ActionGoal, goal)
    assert row is None or row.deleted
    assert trio.o.dump() == settled
    assert trio.o.ov.sync.conflicts() == []


def test_12_tombstones_go_once_every_device_acknowledged_them(trio: Trio) -> None:
    from asd_desktop.models import GoalReview

    with trio.o.ov.database.session_factory() as s:
        from sqlalchemy import select

        review_id = s.scalars(select(GoalReview.id)).first()
    assert review_id is not None
    trio.a.delete(GoalReview, review_id)
    trio.send(trio.a, trio.o)
    assert trio.o.get(GoalReview, review_id).deleted  # B has not acknowledged yet
    trio.full_exchange(rounds=3)
    for node in _all(trio):
        assert node.get(GoalReview, review_id) is None, node.name
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()


def test_13_both_delete_no_conflict(trio: Trio) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.delete(ActionGoal, goal)
    trio.b.delete(ActionGoal, goal)
    trio.full_exchange()
    for node in _all(trio):
        assert node.ov.sync.conflicts() == []
        row = node.get(ActionGoal, goal)
        assert row is None or row.deleted
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()


def test_14_clock_three_days_ahead_does_not_win(
    trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    real = replication.clock_ms
    monkeypatch.setattr(replication, "clock_ms", lambda: real() + 3 * 24 * 3600 * 1000)
    trio.a.edit(ActionGoal, goal, text="A mit vorgehender Uhr")
    monkeypatch.setattr(replication, "clock_ms", real)
    trio.send(trio.a, trio.o)
    trio.send(trio.o, trio.b)
    assert trio.b.get(ActionGoal, goal).text == "A mit vorgehender Uhr"
    trio.b.edit(ActionGoal, goal, text="B danach, mit richtiger Uhr")
    trio.full_exchange()
    for node in _all(trio):
        assert node.get(ActionGoal, goal).text == "B danach, mit richtiger Uhr", node.name
        assert node.ov.sync.conflicts() == []


def test_an_edit_of_a_record_in_conflict_waits_for_a_decision_that_then_holds_everywhere(
    trio: Trio,
) -> None:
    # An ordinary save would supersede a version the person was never shown: refused.
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.delete(ActionGoal, goal)
    trio.o.edit(ActionGoal, goal, text="Büro")
    trio.send(trio.a, trio.o)
    trio.send(trio.o, trio.a)
    assert len(trio.a.ov.sync.conflicts()) == 1
    before = trio.a.dump()
    with pytest.raises(ConflictPendingError):
        trio.a.edit(ActionGoal, goal, text="A hat nur eine Fassung gesehen")
    assert trio.a.dump() == before
    # The person chooses the office's version, then edits it.
    conflict = trio.a.ov.sync.conflicts()[0]
    office = next(i for i, v in enumerate(conflict.versions) if not v.deleted)
    trio.a.ov.sync.resolve("action_goals", goal, version=office)
    trio.a.edit(ActionGoal, goal, text="A hat beide Fassungen gesehen")
    assert trio.a.ov.sync.conflicts() == []
    trio.full_exchange()
    for node in _all(trio):
        assert node.ov.sync.conflicts() == [], node.name
        assert node.get(ActionGoal, goal).text == "A hat beide Fassungen gesehen"
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()


def test_a_local_edit_equal_to_the_other_version_settles_like_everywhere_else(
    trio: Trio,
) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text="von A")
    trio.b.edit(ActionGoal, goal, text="von B")
    trio.send(trio.b, trio.o)
    trio.send(trio.o, trio.a)  # A now holds its own edit and B's as a conflict
    assert len(trio.a.ov.sync.conflicts()) == 1
    # The caseworker on B types A's text into B's record (B never saw A's version).
    trio.b.edit(ActionGoal, goal, text="von A")
    trio.full_exchange()
    for node in _all(trio):
        assert node.ov.sync.conflicts() == [], node.name
        assert node.get(ActionGoal, goal).text == "von A"
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()


def test_a_local_delete_of_a_record_in_conflict_is_refused_and_both_versions_stay(
    trio: Trio,
) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.b.edit(ActionGoal, goal, text="B schreibt weiter")
    trio.send(trio.b, trio.o)
    trio.a.edit(ActionGoal, goal, text="A zuerst")
    trio.send(trio.o, trio.a)  # conflict on A: A's edit and B's
    assert len(trio.a.ov.sync.conflicts()) == 1
    with pytest.raises(ConflictPendingError):
        trio.a.delete(ActionGoal, goal)
    assert not trio.a.get(ActionGoal, goal).deleted
    trio.full_exchange()
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()
    texts = {v.fields["text"] for v in trio.o.ov.sync.conflicts()[0].versions}
    assert texts == {"A zuerst", "B schreibt weiter"}
