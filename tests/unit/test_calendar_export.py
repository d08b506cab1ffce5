"""The office calendar file: stable UIDs, rising SEQUENCE, cancellations, no names."""

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from asd_desktop.domain.enums import Area, ContactKind, DueKind
from asd_desktop.models.calendar_export import CalendarExportState
from asd_desktop.services.calendar_export import CalendarExportError
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput
from asd_desktop.services.deadlines import item_key
from asd_desktop.services.steps import StepInput

TODAY = dt.date.today()


def make_case(opened, number="ASD-M-2024-0113", family="Yılmaz"):
    first = AreaInput(Area.SERVICE, TODAY, "Erstaufnahme", "Frau Krüger")
    return opened.cases.create_case(CaseInput(number, family, TODAY, "Frau Krüger"), first)


def events(path: Path) -> dict[str, dict[str, Any]]:
    cal = Calendar.from_ical(path.read_bytes())
    found = {}
    for event in cal.walk("VEVENT"):
        found[str(event["UID"])] = {
            "summary": str(event["SUMMARY"]),
            "sequence": int(event.get("SEQUENCE", 0)),
            "status": str(event.get("STATUS", "")),
            "start": event.decoded("DTSTART"),
            "alarms": len(event.walk("VALARM")),
        }
    return found


def test_the_export_has_stable_uids_sequences_and_cancellations(opened, tmp_path):
    case = make_case(opened)
    opened.cases.record_contact(
        case.id,
        ContactInput(
            dt.datetime.now().replace(microsecond=0),
            ContactKind.HOME_VISIT_ANNOUNCED,
            note="Mutter erzählt vom Streit mit dem Vermieter",
            next_step="Kita-Anwesenheit einholen",
            next_step_due=TODAY + dt.timedelta(days=3),
        ),
    )
    later = opened.steps.add_step(
        case.id, StepInput("Arztbrief anfordern", TODAY + dt.timedelta(days=10))
    )
    out = tmp_path / "Termine.ics"
    first = opened.calendar.export(out)
    assert (first.items, first.new, first.changed, first.cancelled) == (2, 2, 0, 0)
    one = events(out)
    later_uid = f"{item_key(DueKind.STEP, later.id)}@asd-desktop"
    assert later_uid in one
    assert {e["summary"] for e in one.values()} == {"ASD-M-2024-0113 · Nächster Schritt"}
    assert all(e["sequence"] == 0 and e["status"] == "CONFIRMED" for e in one.values())
    assert all(e["alarms"] == 1 for e in one.values())
    text = out.read_text(encoding="utf-8")
    for secret in ("Yılmaz", "Kita-Anwesenheit", "Arztbrief", "Vermieter", "Krüger"):
        assert secret not in text
    assert oct(out.stat().st_mode & 0o777) == "0o600"

    # Unchanged: same UIDs, same sequences.
    opened.calendar.export(out)
    assert events(out) == one

    # One step done, the other moved: cancelled and a higher sequence, same UIDs.
    [first_step] = [s for s in opened.steps.steps(case.id) if s.id != later.id]
    opened.deadlines.mark_done(item_key(DueKind.STEP, first_step.id), TODAY, "Frau Krüger")
    with opened.database.session_factory.begin() as s:
        from asd_desktop.models.steps import Step

        row = s.get(Step, later.id)
        row.due_on = TODAY + dt.timedelta(days=12)
    second = opened.calendar.export(out)
    assert (second.items, second.new, second.changed, second.cancelled) == (1, 0, 1, 1)
    two = events(out)
    assert set(two) == set(one)
    assert two[later_uid]["sequence"] == 1
    assert two[later_uid]["start"] == TODAY + dt.timedelta(days=12)
    [done_uid] = set(one) - {later_uid}
    assert two[done_uid]["status"] == "CANCELLED"
    assert two[done_uid]["sequence"] == 1

    # The cancellation is written once; reopening brings it back with a higher sequence.
    opened.calendar.export(out)
    assert done_uid not in events(out)
    opened.deadlines.reopen(item_key(DueKind.STEP, first_step.id))
    opened.calendar.export(out)
    assert events(out)[done_uid]["sequence"] == 2
    assert events(out)[done_uid]["status"] == "CONFIRMED"


def test_a_removed_item_is_cancelled_on_its_day(opened, tmp_path):
    case = make_case(opened)
    step = opened.steps.add_step(case.id, StepInput("Anruf", TODAY + dt.timedelta(days=5)))
    out = tmp_path / "t.ics"
    opened.calendar.export(out)
    with opened.database.session_factory.begin() as s:
        from asd_desktop.models.steps import Step

        s.get(Step, step.id).deleted = True
    summary = opened.calendar.export(out)
    assert summary.cancelled == 1
    [(uid, event)] = events(out).items()
    assert uid == f"schritt:{step.id}@asd-desktop"
    assert event["status"] == "CANCELLED"
    assert event["start"] == TODAY + dt.timedelta(days=5)


def _state(opened):
    with opened.database.session_factory() as s:
        return s.query(CalendarExportState).count()


def test_a_folder_that_cannot_be_written_leaves_nothing(opened, tmp_path):
    case = make_case(opened)
    opened.steps.add_step(case.id, StepInput("Anruf", TODAY))
    with pytest.raises(CalendarExportError) as err:
        opened.calendar.export(tmp_path / "fehlt" / "Termine.ics")
    assert "existiert nicht" in str(err.value)
    blocker = tmp_path / "datei"
    blocker.write_text("x")
    with pytest.raises(CalendarExportError) as err:
        opened.calendar.export(blocker / "Termine.ics")
    assert "nichts geschrieben" in str(err.value)
    assert _state(opened) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datei", "daten"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_gets_a_german_message(opened, tmp_path):
    folder = tmp_path / "nur-lesen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(CalendarExportError) as err:
            opened.calendar.export(folder / "Termine.ics")
        assert "kann nicht geschrieben werden" in str(err.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_failed_write_keeps_the_export_state(opened, tmp_path, monkeypatch):
    from asd_desktop.services import calendar_export

    case = make_case(opened)
    opened.steps.add_step(case.id, StepInput("Anruf", TODAY))

    def broken(path, data, mode=0o600):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(calendar_export, "atomic_write", broken)
    with pytest.raises(CalendarExportError):
        opened.calendar.export(tmp_path / "Termine.ics")
    assert _state(opened) == 0
    assert not (tmp_path / "Termine.ics").exists()


def test_special_characters_are_escaped_and_long_lines_folded(opened, tmp_path):
    number = "ASD-M-2024-0113; Teil 2, Geschwister Überprüfung Nachbarschaft Nord"
    case = make_case(opened, number=number)
    opened.steps.add_step(case.id, StepInput("Anruf", TODAY))
    out = tmp_path / "t.ics"
    opened.calendar.export(out)
    raw = out.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    [event] = events(out).values()
    assert event["summary"] == f"{number} · Nächster Schritt"
    assert event["alarms"] == 1
