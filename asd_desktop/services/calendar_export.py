"""The office calendar: every open dated item as an iCalendar file (.ics), without names.

Office calendars are not protected like the case file, so an event says only the
Aktenzeichen and the kind of date ("ASD-M-2024-0113 · Überprüfung Zielvereinbarung"):
never a family's name, a note or a step's text. The file is an export the caseworker
asks for; it is written atomically, and a folder that cannot be written gets a German
message and leaves nothing behind (neither a file nor a changed export state).

Importing a newer export into a calendar program updates the events instead of
duplicating them: every item keeps its UID (``{key}@asd-desktop``), its SEQUENCE rises
when what the event says changed since the last export, and items done or removed
since then are written once more with ``STATUS:CANCELLED``. What was exported per UID
(a hash and the SEQUENCE, nothing readable) is kept in the local table
``calendar_export_state``, which never travels.

For the window's export button (run it off the GUI thread, it takes about a second on
5000 cases)::

    summary = opened.calendar.export(Path("~/Termine.ics").expanduser())
    # summary.items, summary.new, summary.changed, summary.cancelled, summary.path
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.entrusted import Exit
from asd_desktop.domain.enums import DUE_KIND_LABELS
from asd_desktop.models.calendar_export import CalendarExportState
from asd_desktop.models.errors import AsdError
from asd_desktop.services import audit, entrusted
from asd_desktop.services.audit import AuditAction
from asd_desktop.services.deadlines import DeadlineService, DueItem
from asd_desktop.storage.atomic import atomic_write

if TYPE_CHECKING:  # icalendar is imported when a file is written, not at start
    from icalendar import Calendar, Event

UID_DOMAIN = "asd-desktop"
PRODID = "-//ASD Desktop//Termine und Fristen//DE"
#: The reminder: 9 o'clock on the day before an all-day item.
REMINDER = dt.timedelta(hours=-15)


class CalendarExportError(AsdError):
    """The calendar file could not be written; nothing was left behind."""


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote."""

    path: Path
    #: Open items in the file.
    items: int
    #: Of those, exported for the first time.
    new: int
    #: Of those, changed since the last export (higher SEQUENCE).
    changed: int
    #: Items done or removed since the last export, written as cancelled.
    cancelled: int


def uid_of(key: str) -> str:
    """The UID of an item: stable across exports."""
    return f"{key}@{UID_DOMAIN}"


def summary_text(item: DueItem) -> str:
    """What the office calendar shows: Aktenzeichen and kind, nothing personal."""
    return f"{item.file_number} · {DUE_KIND_LABELS[item.kind]}"


def _content_hash(summary: str, day: dt.date) -> str:
    return hashlib.sha256(f"{summary}\n{day.isoformat()}".encode()).hexdigest()


def _folder_problem(path: Path) -> str | None:
    folder = path.parent
    if not folder.is_dir():
        return (
            f"Der Ordner »{folder}« existiert nicht. Bitte einen vorhandenen Ordner wählen; "
            "es wurde nichts geschrieben."
        )
    if path.is_dir():
        return f"»{path}« ist ein Ordner. Bitte einen Dateinamen angeben, z. B. »Termine.ics«."
    if not os.access(folder, os.W_OK):
        return _unwritable(folder)
    return None


def _unwritable(folder: Path) -> str:
    return (
        f"In den Ordner »{folder}« kann nicht geschrieben werden. Bitte einen anderen Ordner "
        "wählen (z. B. »Dokumente«); es wurde nichts geschrieben."
    )


class CalendarExportService:
    """Write the dated items as an .ics file for the office calendar; see the module doc."""

    def __init__(self, session_factory: sessionmaker[Session], device_id: str) -> None:
        self._sf = session_factory
        self._device = device_id

    def export(self, path: Path, *, now: dt.datetime | None = None) -> ExportSummary:
        """Write every open dated item to ``path`` (.ics) and remember what was written.

        Raises:
            CalendarExportError: the folder is missing or cannot be written (German
                message); no file and no changed export state are left behind.
        """
        problem = _folder_problem(path)
        if problem:
            raise CalendarExportError(problem)
        now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
        stamp = now.astimezone(dt.UTC) if now.tzinfo else now.replace(tzinfo=dt.UTC)
        # Open items only: a known UID that is not among them was done or removed since
        # (both are cancelled the same way, on the day last exported).
        items = DeadlineService(self._sf, self._device).items()
        with self._sf() as s:
            # § 65 SGB VIII: a step taken from an entrusted contact stays off the calendar.
            held = entrusted.held_steps(s, Exit.OUTPUT)
        items = [item for item in items if item.record_id not in held]
        with self._sf.begin() as s:
            known = {
                r.uid: r
                for r in s.execute(
                    select(
                        CalendarExportState.uid,
                        CalendarExportState.content_hash,
                        CalendarExportState.sequence,
                        CalendarExportState.cancelled,
                        CalendarExportState.due_on,
                    )
                ).all()
            }
            ics = _IcsWriter(stamp)
            inserts: list[dict[str, object]] = []
            updates: list[dict[str, object]] = []
            seen: set[str] = set()
            new = changed = cancelled = written = 0
            plain_now = stamp.replace(tzinfo=None)
            for item in items:
                uid = uid_of(item.key)
                seen.add(uid)
                before = known.get(uid)
                summary = summary_text(item)
                digest = _content_hash(summary, item.due_on)
                if before is None:
                    sequence = 0
                    inserts.append(_row(uid, digest, sequence, False, plain_now, item.due_on))
                    new += 1
                elif before.content_hash != digest or before.cancelled:
                    sequence = before.sequence + 1
                    updates.append(_row(uid, digest, sequence, False, plain_now, item.due_on))
                    changed += 1
                else:
                    sequence = before.sequence
                ics.event(uid, sequence, summary, item.due_on, item.file_number, cancel=False)
                written += 1
            gone = [uid for uid, r in known.items() if uid not in seen and not r.cancelled]
            for uid in gone:
                before = known[uid]
                sequence = before.sequence + 1
                day = before.due_on or stamp.date()
                ics.removed(uid, sequence, day)
                updates.append(_row(uid, before.content_hash, sequence, True, plain_now, day))
                cancelled += 1
            conn = s.connection()
            if inserts:
                conn.execute(insert(CalendarExportState), inserts)
            for start in range(0, len(updates), 500):
                chunk = updates[start : start + 500]
                conn.execute(
                    delete(CalendarExportState).where(
                        CalendarExportState.uid.in_([u["uid"] for u in chunk])
                    )
                )
                conn.execute(insert(CalendarExportState), chunk)
            audit.append(s, self._device, AuditAction.EXPORTED, None, f"kalender:{written}")
            # Written inside the transaction: a failed write rolls the state back.
            try:
                atomic_write(path, ics.to_ical())
            except (AsdError, OSError) as exc:
                raise CalendarExportError(_unwritable(path.parent)) from exc
        return ExportSummary(path, written, new, changed, cancelled)

    def forget(self) -> None:
        """Forget what was exported (the next export starts afresh, all SEQUENCE 0)."""
        with self._sf.begin() as s:
            s.execute(delete(CalendarExportState))


def _row(
    uid: str, digest: str, sequence: int, cancelled: bool, at: dt.datetime, day: dt.date
) -> dict[str, object]:
    return {
        "due_on": day,
        "uid": uid,
        "content_hash": digest,
        "sequence": sequence,
        "cancelled": cancelled,
        "exported_at": at,
    }


def _calendar() -> Calendar:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "ASD Termine und Fristen")
    return cal


# Placeholders in the templates: plain letters, which icalendar leaves unescaped.
_UID, _SUMMARY, _DESCRIPTION, _CATEGORY = (
    b"UIDXTOKEN",
    b"SUMMARYXTOKEN",
    b"DESCXTOKEN",
    b"CATXTOKEN",
)
_SEQUENCE = b"987654321"
_START, _END = dt.date(2099, 1, 1), dt.date(2099, 1, 2)
_FOLD_AT = 75


def _template_event(stamp: dt.datetime, status: str, *, alarm: bool) -> Event:
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", _UID.decode())
    event.add("dtstamp", stamp)
    event.add("sequence", int(_SEQUENCE))
    event.add("summary", _SUMMARY.decode())
    event.add("dtstart", _START)
    event.add("dtend", _END)
    event.add("transp", "TRANSPARENT")
    event.add("categories", [_CATEGORY.decode()])
    event.add("description", _DESCRIPTION.decode())
    event.add("status", status)
    if alarm:
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", _SUMMARY.decode())
        reminder.add("trigger", REMINDER)
        event.add_component(reminder)
    return event


@lru_cache(maxsize=4096)
def _escaped(value: str) -> bytes:
    from icalendar import vText

    return bytes(vText(value).to_ical())


class _IcsWriter:
    """Events from templates that icalendar built and escaped, filled per item.

    Building an icalendar ``Event`` per item costs about a millisecond (5000 cases hold
    some 15,000 open items); so icalendar builds one event of each shape with
    placeholders, and each item's values are escaped by icalendar's ``vText`` and the
    rare long line folded by its ``Contentline``. The tests parse the file back.
    """

    def __init__(self, stamp: dt.datetime) -> None:
        self._active = _lines(_template_event(stamp, "CONFIRMED", alarm=True))
        self._cancelled = _lines(_template_event(stamp, "CANCELLED", alarm=False))
        head: bytes = _calendar().to_ical()
        end = b"END:VCALENDAR\r\n"
        self._head, self._end = head[: head.rindex(end)], end
        self._parts: list[bytes] = []

    def event(
        self, uid: str, sequence: int, summary: str, day: dt.date, file_number: str, *, cancel: bool
    ) -> None:
        """One item's event (cancelled: without a reminder)."""
        kind = summary.rpartition(" · ")[2]
        values = {
            _UID: _escaped(uid),
            _SUMMARY: _escaped(summary),
            _DESCRIPTION: _escaped(
                f"Einzelheiten im ASD-Programm unter dem Aktenzeichen {file_number}."
            ),
            _CATEGORY: _escaped(kind),
            _SEQUENCE: str(sequence).encode(),
            b"20990101": day.strftime("%Y%m%d").encode(),
            b"20990102": (day + dt.timedelta(days=1)).strftime("%Y%m%d").encode(),
        }
        self._fill(self._cancelled if cancel else self._active, values)

    def removed(self, uid: str, sequence: int, day: dt.date) -> None:
        """A cancelled event for an item that is gone: nothing known but its UID and day."""
        values = {
            _UID: _escaped(uid),
            _SUMMARY: b"Entfallen",
            _DESCRIPTION: b"Entfallen",
            _CATEGORY: b"Entfallen",
            _SEQUENCE: str(sequence).encode(),
            b"20990101": day.strftime("%Y%m%d").encode(),
            b"20990102": (day + dt.timedelta(days=1)).strftime("%Y%m%d").encode(),
        }
        self._fill(self._cancelled, values)

    def _fill(self, template: list[tuple[bytes, bytes | None]], values: dict[bytes, bytes]) -> None:
        for line, token in template:
            if token is None:
                self._parts.append(line)
                continue
            filled = line.replace(token, values[token])
            if len(filled) > _FOLD_AT:
                from icalendar.parser import Contentline

                folded = Contentline(filled.decode("utf-8"))  # type: ignore[no-untyped-call]
                filled = bytes(folded.to_ical())  # type: ignore[no-untyped-call]
            self._parts.append(filled + b"\r\n")

    def to_ical(self) -> bytes:
        """The whole calendar file."""
        return self._head + b"".join(self._parts) + self._end


_TOKENS = (_UID, _SUMMARY, _DESCRIPTION, _CATEGORY, _SEQUENCE, b"20990101", b"20990102")


def _lines(event: Event) -> list[tuple[bytes, bytes | None]]:
    """The template's lines, each with the placeholder it holds (at most one)."""
    lines: list[tuple[bytes, bytes | None]] = []
    for line in event.to_ical().split(b"\r\n"):
        if not line:
            continue
        found = [t for t in _TOKENS if t in line]
        if len(found) > 1:
            raise AssertionError(f"template line with two placeholders: {line!r}")
        lines.append((line + b"\r\n", None) if not found else (line, found[0]))
    return lines
