"""SYNC.md scenarios 1-5: concurrent edits, idempotence, order, loss."""

from __future__ import annotations

from asd_desktop.models import ActionGoal
from tests.sync.trio import Trio


def test_initial_exchange_gives_identical_dumps(trio: Trio) -> None:
    assert trio.a.dump() == trio.o.dump()
    assert trio.b.dump() == trio.o.dump()
    assert len(trio.o.dump()) > 50


def test_1_same_goal_edited_on_a_and_b_is_one_conflict_everywhere(trio: Trio) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text="Text von A")
    trio.b.edit(ActionGoal, goal, text="Text von B")
    trio.send(trio.a, trio.o)
    report = trio.send(trio.b, trio.o)
    assert [c.row_id for c in report.new_conflicts] == [goal]
    trio.full_exchange()
    dumps = {n.name: n.dump() for n in (trio.o, trio.a, trio.b)}
    assert dumps["A"] == dumps["O"] == dumps["B"]
    for node in (trio.o, trio.a, trio.b):
        conflicts = node.ov.sync.conflicts()
        assert len(conflicts) == 1
        texts = {v.fields["text"] for v in conflicts[0].versions}
        assert texts == {"Text von A", "Text von B"}


def test_1_either_order_gives_the_same_result(trio: Trio) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text="Text von A")
    trio.b.edit(ActionGoal, goal, text="Text von B")
    trio.send(trio.b, trio.o)
    trio.send(trio.a, trio.o)
    trio.full_exchange()
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()
    assert trio.o.get(ActionGoal, goal).text in {"Text von A", "Text von B"}


def test_2_different_goals_no_conflict(trio: Trio) -> None:
    g1, g2 = trio.o.first_goal_ids(2)
    trio.a.edit(ActionGoal, g1, text="Neu von A")
    trio.b.edit(ActionGoal, g2, text="Neu von B")
    trio.full_exchange()
    for node in (trio.o, trio.a, trio.b):
        assert node.ov.sync.conflicts() == []
        assert node.get(ActionGoal, g1).text == "Neu von A"
        assert node.get(ActionGoal, g2).text == "Neu von B"
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()


def test_3_same_bundle_twice_is_already_imported(trio: Trio) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text="Einmal")
    path = trio.export(trio.a, trio.o)
    first = trio.o.ov.sync.import_bundle(path)
    assert not first.already_imported
    assert first.total >= 1
    before = trio.o.dump()
    second = trio.o.ov.sync.import_bundle(path)
    assert second.already_imported
    assert trio.o.dump() == before


def test_4_out_of_order_equals_in_order(trio: Trio) -> None:
    g1, g2 = trio.o.first_goal_ids(2)
    trio.a.edit(ActionGoal, g1, text="fünf")
    p5 = trio.export(trio.a, trio.o)
    trio.a.edit(ActionGoal, g2, text="sechs")
    trio.a.edit(ActionGoal, g1, text="fünf, später")
    p6 = trio.export(trio.a, trio.o)
    trio.o.ov.sync.import_bundle(p6)
    out_of_order = trio.o.dump()
    report = trio.o.ov.sync.import_bundle(p5)
    assert not report.already_imported
    assert trio.o.dump() == out_of_order
    assert trio.o.get(ActionGoal, g1).text == "fünf, später"
    assert trio.o.get(ActionGoal, g2).text == "sechs"


def test_5_lost_bundle_changes_arrive_with_the_next(trio: Trio) -> None:
    g1, g2 = trio.o.first_goal_ids(2)
    trio.a.edit(ActionGoal, g1, text="im verlorenen Paket")
    trio.export(trio.a, trio.o)  # lost on the way
    trio.a.edit(ActionGoal, g2, text="im nächsten Paket")
    trio.send(trio.a, trio.o)
    assert trio.o.get(ActionGoal, g1).text == "im verlorenen Paket"
    assert trio.o.get(ActionGoal, g2).text == "im nächsten Paket"
