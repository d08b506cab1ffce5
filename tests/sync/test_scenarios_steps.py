"""Wiedervorlage across machines: a step and its done state reach the office."""

from __future__ import annotations

import datetime as dt

from asd_desktop.domain.enums import DueKind
from asd_desktop.services.deadlines import item_key
from asd_desktop.services.steps import StepInput
from tests.sync.trio import TODAY, Trio


def test_a_step_and_its_done_state_travel_to_the_office(trio: Trio) -> None:
    case_id = trio.a.ov.cases.list_cases()[0].id
    due = TODAY + dt.timedelta(days=5)
    step = trio.a.ov.steps.add_step(case_id, StepInput("Kita-Anwesenheit einholen", due))
    trio.send(trio.a, trio.o)
    at_office = {s.id: s for s in trio.o.ov.steps.steps(case_id)}
    assert at_office[step.id].text == "Kita-Anwesenheit einholen"
    assert not at_office[step.id].done
    office_row = next(r for r in trio.o.ov.cases.list_cases() if r.id == case_id)
    assert office_row.next_deadline is not None
    assert office_row.next_deadline <= due

    key = item_key(DueKind.STEP, step.id)
    trio.a.ov.deadlines.mark_done(key, TODAY, "Frau Krüger")
    trio.send(trio.a, trio.o)
    [done] = [s for s in trio.o.ov.steps.steps(case_id, include_done=True) if s.id == step.id]
    assert (done.done_on, done.done_by) == (TODAY, "Frau Krüger")
    assert key not in {i.key for i in trio.o.ov.deadlines.items()}
    trio.full_exchange()
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()
