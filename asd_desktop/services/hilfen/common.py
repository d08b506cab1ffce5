"""What the parts of the Hilfen service share: the base with the session, views of rows."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.hilfen import DEFAULT_HELP_KINDS, HelpGroup
from asd_desktop.domain.office import Office
from asd_desktop.models.case import Case
from asd_desktop.models.errors import NotFoundError
from asd_desktop.models.hilfen import HelpKind, Hilfe
from asd_desktop.services.hilfen.views import HelpKindView, HilfeView


class HilfeAction:
    """Names of audited actions (stored; not shown raw)."""

    ADDED = "hilfe_added"
    CHANGED = "hilfe_changed"
    REMOVED = "hilfe_removed"
    MEETING_RECORDED = "hilfeplan_recorded"
    MEETING_CHANGED = "hilfeplan_changed"
    KIND_SAVED = "help_kind_saved"
    CASE_PLACE = "case_place_changed"


_GROUPS = {g.value: g for g in HelpGroup}
_FALLBACK_KINDS = {k.code: k for k in DEFAULT_HELP_KINDS}


def _group(code: str) -> HelpGroup | None:
    return _GROUPS.get(code)


def kind_view(row: HelpKind) -> HelpKindView:
    """A kind row as the service returns it."""
    return HelpKindView(
        code=row.code,
        label=row.label,
        paragraph=row.paragraph,
        group=_GROUPS.get(row.group, HelpGroup.AMBULANT),
        active=row.active,
        position=row.position,
    )


def _kinds_by_code(s: Session) -> dict[str, HelpKind]:
    rows = s.scalars(select(HelpKind).where(HelpKind.deleted.is_(False)))
    return {r.code: r for r in rows}


def hilfe_view(row: Hilfe, kinds: dict[str, HelpKind]) -> HilfeView:
    """A help row as the service returns it, with its kind's name."""
    kind = kinds.get(row.kind)
    if kind is not None:
        label, paragraph, group = kind.label, kind.paragraph, _group(kind.group)
    elif row.kind in _FALLBACK_KINDS:
        spec = _FALLBACK_KINDS[row.kind]
        label, paragraph, group = spec.label, spec.paragraph, spec.group
    else:
        label, paragraph, group = row.kind, "", None
    return HilfeView(
        id=row.id,
        case_id=row.case_id,
        kind=row.kind,
        kind_label=label,
        paragraph=paragraph,
        group=group,
        provider=row.provider,
        catalog_entry_id=row.catalog_entry_id,
        start_on=row.start_on,
        planned_end_on=row.planned_end_on,
        end_on=row.end_on,
        end_reason=row.end_reason,
        minutes_per_week=row.minutes_per_week,
        hourly_rate_cents=row.hourly_rate_cents,
        monthly_cost_cents=row.monthly_cost_cents,
        consultation_id=row.consultation_id,
        notes=row.notes,
    )


class HilfeBase:
    """The session factory, device and office every part of the service uses."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        device_id: str,
        user: str = "",
        office: Callable[[], Office] = Office,
    ) -> None:
        self._sf = session_factory
        self._device = device_id
        self.user = user
        self._office = office

    @staticmethod
    def _live_case(s: Session, case_id: str) -> Case:
        case = s.get(Case, case_id)
        if case is None or case.deleted:
            raise NotFoundError("Der Fall wurde nicht gefunden.")
        return case
