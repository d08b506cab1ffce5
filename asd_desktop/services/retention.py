"""Retention and deletion: the deletion date of every case, and deletion with four eyes.

The office's list "Zur Löschung fällig" holds every closed case whose deletion date has
come (and the held ones, so a hold can be lifted). One person proposes the deletion
(Löschung vormerken); a second, different person confirms it by typing the case's
Aktenzeichen. Then every record of the case is physically removed in one transaction
(storage.purge), the file is compacted, the audit log keeps a content-free entry (the
case's random id, the rule and the two staff names, no family name, no Aktenzeichen:
Aktenzeichen often carry the family's initial), and every laptop holding the case gets
a purge order with its next bundle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from sqlalchemy import Engine, Table, case, delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.enums import CaseStatus, Role
from asd_desktop.domain.retention import CaseDates, Retention, RetentionRules, deletion_date
from asd_desktop.domain.sync_states import DeviceRole
from asd_desktop.models.base import Base
from asd_desktop.models.case import Case, Person
from asd_desktop.models.errors import AsdError, NotFoundError
from asd_desktop.models.privacy import DeletionRequest, PurgedCase, PurgeOrder
from asd_desktop.models.sync import CaseAssignment
from asd_desktop.services import audit
from asd_desktop.services.sync import devices
from asd_desktop.storage import purge

CASE_DELETED = "case_deleted"
DELETION_REQUESTED = "case_deletion_requested"
DELETION_WITHDRAWN = "case_deletion_withdrawn"
LEGAL_HOLD_SET = "legal_hold_set"
LEGAL_HOLD_LIFTED = "legal_hold_lifted"
CASE_PURGED = "case_purged"


@dataclass(frozen=True)
class CaseRetention:
    """One case as the deletion list and the case window show it."""

    case_id: str
    file_number: str
    family_name: str
    closed_on: dt.date | None
    retention: Retention
    legal_hold_reason: str = ""
    legal_hold_by: str = ""
    legal_hold_since: dt.date | None = None
    requested_by: str = ""
    requested_at: dt.datetime | None = None
    #: The deletion date the rules would give without the legal hold.
    unheld_due_on: dt.date | None = None

    @property
    def due_text(self) -> str:
        """The deletion date in words for the case window."""
        due = self.retention.due_on
        if self.retention.held:
            return self.retention.explanation
        if due is None:
            return self.retention.explanation
        return f"Löschen ab {due:%d.%m.%Y} ({self.retention.explanation})"


@dataclass(frozen=True)
class DeletionReport:
    """What a confirmed deletion removed."""

    case_id: str
    rows: int
    tables: int
    purge_orders: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def case_dates(s: Session, case_ids: Iterable[str]) -> dict[str, CaseDates]:
    """The dates the rules read, per case: closed, helps, children's birthdays, hold."""
    ids = list(case_ids)
    if not ids:
        return {}
    help_end: dict[str, dt.date | None] = {}
    running: set[str] = set()
    hilfen: Table | None = Base.metadata.tables.get("hilfen")
    if hilfen is not None and "end_on" in hilfen.c:
        rows = s.execute(
            select(
                hilfen.c.case_id,
                func.max(hilfen.c.end_on),
                func.sum(case((hilfen.c.end_on.is_(None), 1), else_=0)),
            )
            .where(hilfen.c.case_id.in_(ids), hilfen.c.deleted.is_(False))
            .group_by(hilfen.c.case_id)
        ).tuples()
        for case_id, last_end, open_count in rows:
            help_end[case_id] = last_end
            if open_count:
                running.add(case_id)
    births: dict[str, list[dt.date]] = {}
    for case_id, roles, born in s.execute(
        select(Person.case_id, Person.roles, Person.birth_date).where(
            Person.case_id.in_(ids), Person.deleted.is_(False), Person.birth_date.is_not(None)
        )
    ).tuples():
        if Role.CHILD.value in (roles or []) and born is not None:
            births.setdefault(case_id, []).append(born)
    result = {}
    for row in s.scalars(select(Case).where(Case.id.in_(ids))):
        result[row.id] = CaseDates(
            closed_on=row.closed_on if row.status == CaseStatus.CLOSED.value else None,
            last_help_end=help_end.get(row.id),
            help_running=row.id in running,
            child_birthdays=tuple(births.get(row.id, ())),
            legal_hold_reason=row.legal_hold_reason or "",
        )
    return result


class RetentionService:
    """Deletion dates, legal holds and the four-eyes deletion of cases."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        device_id: str,
        rules: Callable[[], RetentionRules] = RetentionRules,
    ) -> None:
        self._factory = session_factory
        self._device = device_id
        self._rules = rules

    # --- reading ---------------------------------------------------------------------

    def for_case(self, case_id: str) -> CaseRetention:
        """The deletion date of one case (the case window shows it)."""
        with self._factory() as s:
            case = s.get(Case, case_id)
            if case is None or case.deleted:
                raise NotFoundError("Der Fall wurde nicht gefunden.")
            return self._views(s, [case])[0]

    def due_list(self, today: dt.date) -> list[CaseRetention]:
        """Zur Löschung fällig: closed cases whose date has come, and held ones of them."""
        with self._factory() as s:
            closed = list(
                s.scalars(
                    select(Case).where(
                        Case.deleted.is_(False),
                        Case.status == CaseStatus.CLOSED.value,
                        Case.closed_on.is_not(None),
                    )
                )
            )
            views = self._views(s, closed)
        due = [
            view for view in views if view.unheld_due_on is not None and view.unheld_due_on <= today
        ]
        due.sort(key=lambda v: (v.retention.held, v.retention.due_on or today, v.file_number))
        return due

    def _views(self, s: Session, cases: list[Case]) -> list[CaseRetention]:
        rules = self._rules()
        dates = case_dates(s, [c.id for c in cases])
        requests = {
            r.case_id: r
            for r in s.scalars(
                select(DeletionRequest).where(DeletionRequest.case_id.in_([c.id for c in cases]))
            )
        }
        views = []
        for row in cases:
            request = requests.get(row.id)
            unheld = deletion_date(rules, replace(dates[row.id], legal_hold_reason=""))
            views.append(
                CaseRetention(
                    case_id=row.id,
                    file_number=row.file_number,
                    family_name=row.family_name,
                    closed_on=row.closed_on if row.status == CaseStatus.CLOSED.value else None,
                    retention=deletion_date(rules, dates[row.id]),
                    legal_hold_reason=row.legal_hold_reason or "",
                    legal_hold_by=row.legal_hold_by or "",
                    legal_hold_since=row.legal_hold_since,
                    requested_by=request.requested_by if request else "",
                    requested_at=request.requested_at if request else None,
                    unheld_due_on=unheld.due_on,
                )
            )
        return views

    # --- legal hold --------------------------------------------------------------------

    def set_legal_hold(self, case_id: str, reason: str, by: str, today: dt.date) -> None:
        """Stop the clock: a Löschsperre with its reason (e.g. a pending court case)."""
        if not reason.strip():
            raise AsdError(
                "Bitte den Grund der Löschsperre angeben, z. B. »laufendes familiengerichtliches "
                "Verfahren«. Es wurde nichts gespeichert."
            )
        if not by.strip():
            raise AsdError("Bitte angeben, wer die Löschsperre setzt. Es wurde nichts gespeichert.")
        with self._factory.begin() as s:
            case = self._case(s, case_id)
            case.legal_hold_reason = reason.strip()
            case.legal_hold_by = by.strip()
            case.legal_hold_since = today
            s.execute(delete(DeletionRequest).where(DeletionRequest.case_id == case_id))
            audit.append(s, self._device, LEGAL_HOLD_SET, case_id, by.strip())

    def lift_legal_hold(self, case_id: str, by: str) -> None:
        """The clock runs again from the rule's start (the hold does not add time)."""
        with self._factory.begin() as s:
            case = self._case(s, case_id)
            case.legal_hold_reason = ""
            case.legal_hold_by = ""
            case.legal_hold_since = None
            audit.append(s, self._device, LEGAL_HOLD_LIFTED, case_id, by.strip())

    # --- four eyes ---------------------------------------------------------------------

    def request_deletion(self, case_id: str, by: str, today: dt.date) -> None:
        """First person: propose the deletion of a due case (Löschung vormerken)."""
        if not by.strip():
            raise AsdError("Bitte Ihren Namen angeben. Es wurde nichts vorgemerkt.")
        with self._factory.begin() as s:
            self._check_may_delete(s)
            case = self._case(s, case_id)
            view = self._views(s, [case])[0]
            self._check_due(view, today)
            request = s.get(DeletionRequest, case_id)
            if request is None:
                s.add(
                    DeletionRequest(case_id=case_id, requested_by=by.strip(), requested_at=_now())
                )
            else:
                request.requested_by, request.requested_at = by.strip(), _now()
            audit.append(s, self._device, DELETION_REQUESTED, case_id, by.strip())

    def withdraw_request(self, case_id: str, by: str) -> None:
        """Take a proposal back; the case stays."""
        with self._factory.begin() as s:
            request = s.get(DeletionRequest, case_id)
            if request is not None:
                s.delete(request)
                audit.append(s, self._device, DELETION_WITHDRAWN, case_id, by.strip())

    def confirm_deletion(
        self, case_id: str, confirmed_by: str, typed_file_number: str, today: dt.date
    ) -> DeletionReport:
        """Second person: delete the case everywhere, for good.

        Raises AsdError (nothing changed) unless the case is due, not held, proposed by
        someone else, and the Aktenzeichen was typed as shown.
        """
        with self._factory.begin() as s:
            self._check_may_delete(s)
            case = self._case(s, case_id)
            view = self._views(s, [case])[0]
            self._check_due(view, today)
            request = s.get(DeletionRequest, case_id)
            if request is None:
                raise AsdError(
                    "Die Löschung ist noch nicht vorgemerkt. Eine erste Person merkt sie vor, "
                    "eine zweite bestätigt sie (Vier-Augen-Prinzip). Es wurde nichts gelöscht."
                )
            second = confirmed_by.strip()
            if not second:
                raise AsdError(
                    "Bitte den Namen der zweiten Person angeben. Es wurde nichts gelöscht."
                )
            if second.casefold() == request.requested_by.strip().casefold():
                raise AsdError(
                    f"Vorgemerkt hat {request.requested_by}; bestätigen muss eine andere Person "
                    "(Vier-Augen-Prinzip). Es wurde nichts gelöscht."
                )
            if typed_file_number.strip() != case.file_number.strip():
                raise AsdError(
                    "Das eingegebene Aktenzeichen stimmt nicht mit dem Fall überein. Bitte das "
                    "Aktenzeichen genau so eingeben, wie es angezeigt wird. Es wurde nichts "
                    "gelöscht."
                )
            first = request.requested_by
            orders = self._purge_orders(s, case_id)
            counts = purge.remove_case(s, case_id)
            epoch = orders[0].epoch if orders else 0
            s.add(PurgedCase(case_id=case_id, purged_at=_now(), epoch=epoch))
            audit.append(
                s,
                self._device,
                CASE_DELETED,
                case_id,
                f"vorgemerkt von {first}, bestätigt von {second}; Frist: "
                f"{view.retention.due_on:%d.%m.%Y}; Datensätze: {sum(counts.values())}; "
                f"Löschaufträge an Laptops: {len(orders)}",
            )
        purge.compact(self._engine())
        return DeletionReport(case_id, sum(counts.values()), len(counts), len(orders))

    def reapply_deletion(self, case_id: str, by: str) -> DeletionReport:
        """Delete again a case deleted before (after restoring an older backup).

        The four-eyes decision was made and recorded when it was first deleted; the case id
        comes from the list of deleted cases of the newer database (``privacy deleted``).
        """
        if not by.strip():
            raise AsdError("Bitte angeben, wer die Löschung erneut ausführt.")
        with self._factory.begin() as s:
            self._check_may_delete(s)
            if s.get(PurgedCase, case_id) is not None:
                raise AsdError("Dieser Fall ist hier bereits gelöscht. Es wurde nichts verändert.")
            orders = self._purge_orders(s, case_id)
            counts = purge.remove_case(s, case_id)
            s.add(
                PurgedCase(
                    case_id=case_id, purged_at=_now(), epoch=orders[0].epoch if orders else 0
                )
            )
            audit.append(
                s,
                self._device,
                CASE_DELETED,
                case_id,
                f"erneut gelöscht nach Rücksicherung von {by.strip()}; Datensätze: "
                f"{sum(counts.values())}",
            )
        purge.compact(self._engine())
        return DeletionReport(case_id, sum(counts.values()), len(counts), len(orders))

    def _purge_orders(self, s: Session, case_id: str) -> list[PurgeOrder]:
        """Office: one purge order per laptop that holds (or is giving back) the case."""
        holders = sorted(
            s.scalars(select(CaseAssignment.device_id).where(CaseAssignment.case_id == case_id))
        )
        if not holders:
            return []
        epoch = devices.bump_counter(s)
        orders = [
            PurgeOrder(case_id=case_id, device_id=d, epoch=epoch, ordered_at=_now())
            for d in holders
        ]
        s.add_all(orders)
        return orders

    def _engine(self) -> Engine:
        bind = self._factory.kw["bind"]
        assert isinstance(bind, Engine)
        return bind

    def _check_may_delete(self, s: Session) -> None:
        ident = devices.identity(s)
        if ident is not None and ident.role == DeviceRole.LAPTOP:
            raise AsdError(
                "Fälle werden im Büro gelöscht (Vier-Augen-Prinzip). Der Laptop löscht sie, "
                "sobald das Paket mit dem Löschauftrag eingelesen ist."
            )

    @staticmethod
    def _check_due(view: CaseRetention, today: dt.date) -> None:
        if view.retention.held:
            raise AsdError(
                f"Für {view.file_number} besteht eine Löschsperre ({view.legal_hold_reason}). "
                "Erst die Sperre aufheben. Es wurde nichts gelöscht."
            )
        if not view.retention.is_due(today):
            raise AsdError(
                f"{view.file_number} ist noch nicht zur Löschung fällig ({view.due_text}). "
                "Es wurde nichts gelöscht."
            )

    @staticmethod
    def _case(s: Session, case_id: str) -> Case:
        case = s.get(Case, case_id)
        if case is None or case.deleted:
            raise NotFoundError("Der Fall wurde nicht gefunden (schon gelöscht?).")
        return case


def deleted_cases(factory: sessionmaker[Session]) -> list[tuple[str, dt.datetime]]:
    """Every case deleted for good here: (case id, when); content-free, for re-applying."""
    with factory() as s:
        return [
            (c, at)
            for c, at in s.execute(
                select(PurgedCase.case_id, PurgedCase.purged_at).order_by(PurgedCase.purged_at)
            ).tuples()
        ]
