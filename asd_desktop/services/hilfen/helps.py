"""Kinds of help, the helps of a case, and where a case belongs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from asd_desktop.domain.hilfen import HelpGroup, hilfe_problems
from asd_desktop.models.case import Case
from asd_desktop.models.consultation import Consultation
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.hilfen import HelpKind, Hilfe, HilfeplanMeeting
from asd_desktop.models.sozialraum import CatalogEntry
from asd_desktop.services import audit
from asd_desktop.services.hilfen.common import (
    HilfeAction,
    HilfeBase,
    _kinds_by_code,
    hilfe_view,
    kind_view,
)
from asd_desktop.services.hilfen.views import (
    CasePlace,
    HelpKindView,
    HilfeInput,
    HilfeView,
)


class HelpsPart(HilfeBase):
    """Kinds, helps, the case's team/Sozialraum/district, providers."""

    # --- kinds ---------------------------------------------------------------------

    def kinds(self, include_inactive: bool = False) -> list[HelpKindView]:
        """The office's kinds of help, by group and position."""
        order = list(HelpGroup)
        with self._sf() as s:
            rows = [kind_view(r) for r in _kinds_by_code(s).values()]
        if not include_inactive:
            rows = [r for r in rows if r.active]
        return sorted(rows, key=lambda k: (order.index(k.group), k.position, k.label))

    def save_kind(
        self, code: str, label: str, paragraph: str, group: HelpGroup, active: bool = True
    ) -> HelpKindView:
        """Add an office's own kind of help, or change one (its code stays)."""
        code, label = code.strip(), label.strip()
        problems: dict[str, str] = {}
        if not code:
            problems["code"] = "Bitte ein Kürzel eintragen (etwa »eigen_schulbegleitung«)."
        elif len(code) > 40:
            problems["code"] = "Bitte das Kürzel kürzer fassen (höchstens 40 Zeichen)."
        if not label:
            problems["label"] = "Bitte die Bezeichnung der Hilfe eintragen."
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            kinds = _kinds_by_code(s)
            row = kinds.get(code)
            if row is None:
                position = max((k.position for k in kinds.values()), default=0) + 10
                row = HelpKind(code=code, position=position)
                s.add(row)
            row.label, row.paragraph = label, paragraph.strip()
            row.group, row.active = group.value, active
            s.flush()
            audit.append(s, self._device, HilfeAction.KIND_SAVED, None, code)
            return kind_view(row)

    # --- helps ---------------------------------------------------------------------

    def _check(self, s: Session, value: HilfeInput) -> None:
        problems = hilfe_problems(
            value.kind,
            value.start_on,
            value.planned_end_on,
            value.end_on,
            value.end_reason,
            value.cost,
        )
        if "kind" not in problems and value.kind not in _kinds_by_code(s):
            problems["kind"] = "Diese Art der Hilfe gibt es nicht. Bitte aus der Liste wählen."
        if len(value.provider) > 300:
            problems["provider"] = "Bitte den Träger kürzer fassen (höchstens 300 Zeichen)."
        if problems:
            raise ValidationError(problems)

    @staticmethod
    def _fill(row: Hilfe, value: HilfeInput) -> None:
        assert value.start_on is not None
        row.kind = value.kind
        row.provider = value.provider.strip()
        row.catalog_entry_id = value.catalog_entry_id
        row.start_on = value.start_on
        row.planned_end_on = value.planned_end_on
        row.end_on = value.end_on
        row.end_reason = value.end_reason if value.end_on is not None else ""
        row.minutes_per_week = value.minutes_per_week
        row.hourly_rate_cents = value.hourly_rate_cents
        row.monthly_cost_cents = value.monthly_cost_cents
        row.consultation_id = value.consultation_id
        row.notes = value.notes.strip()

    def add_hilfe(self, case_id: str, value: HilfeInput) -> HilfeView:
        """Store a new help of a case."""
        with self._sf.begin() as s:
            self._live_case(s, case_id)
            self._check(s, value)
            if value.consultation_id is not None:
                c = s.get(Consultation, value.consultation_id)
                if c is None or c.case_id != case_id:
                    raise NotFoundError("Die Kollegiale Beratung wurde nicht gefunden.")
            row = Hilfe(case_id=case_id)
            self._fill(row, value)
            s.add(row)
            s.flush()
            audit.append(s, self._device, HilfeAction.ADDED, case_id, row.id)
            return hilfe_view(row, _kinds_by_code(s))

    def update_hilfe(self, hilfe_id: str, value: HilfeInput) -> HilfeView:
        """Change a help (also to end it: end date and reason)."""
        with self._sf.begin() as s:
            row = s.get(Hilfe, hilfe_id)
            if row is None or row.deleted:
                raise NotFoundError("Die Hilfe wurde nicht gefunden.")
            self._check(s, value)
            self._fill(row, value)
            s.flush()
            audit.append(s, self._device, HilfeAction.CHANGED, row.case_id, row.id)
            return hilfe_view(row, _kinds_by_code(s))

    def end_hilfe(self, hilfe_id: str, end_on: dt.date, reason: str) -> HilfeView:
        """End a running help on a day, for a reason."""
        current = self.hilfe(hilfe_id)
        value = current.as_input()
        return self.update_hilfe(
            hilfe_id,
            HilfeInput(**{**value.__dict__, "end_on": end_on, "end_reason": reason}),
        )

    def remove_hilfe(self, hilfe_id: str) -> None:
        """Remove a help entered by mistake (a tombstone; its Hilfeplangespräche stay)."""
        with self._sf.begin() as s:
            row = s.get(Hilfe, hilfe_id)
            if row is None or row.deleted:
                raise NotFoundError("Die Hilfe wurde nicht gefunden.")
            for meeting in s.scalars(
                select(HilfeplanMeeting).where(
                    HilfeplanMeeting.hilfe_id == hilfe_id, HilfeplanMeeting.deleted.is_(False)
                )
            ):
                meeting.hilfe_id = None
            row.deleted = True
            audit.append(s, self._device, HilfeAction.REMOVED, row.case_id, row.id)

    def hilfe(self, hilfe_id: str) -> HilfeView:
        """One help."""
        with self._sf() as s:
            row = s.get(Hilfe, hilfe_id)
            if row is None or row.deleted:
                raise NotFoundError("Die Hilfe wurde nicht gefunden.")
            return hilfe_view(row, _kinds_by_code(s))

    def hilfen(self, case_id: str) -> list[HilfeView]:
        """A case's helps: running ones first, then by start, newest first."""
        with self._sf() as s:
            kinds = _kinds_by_code(s)
            rows = [
                hilfe_view(r, kinds)
                for r in s.scalars(
                    select(Hilfe).where(Hilfe.case_id == case_id, Hilfe.deleted.is_(False))
                )
            ]
        return sorted(rows, key=lambda h: (h.end_on is not None, -h.start_on.toordinal(), h.id))

    # --- where a case belongs ------------------------------------------------------

    def case_place(self, case_id: str) -> CasePlace:
        """The case's team, Sozialraum and district."""
        with self._sf() as s:
            case = self._live_case(s, case_id)
            return CasePlace(case.team or "", case.sozialraum or "", case.district or "")

    def set_case_place(self, case_id: str, place: CasePlace) -> CasePlace:
        """Set the case's team, Sozialraum and district (empty clears)."""
        with self._sf.begin() as s:
            case = self._live_case(s, case_id)
            case.team = place.team.strip() or None
            case.sozialraum = place.sozialraum.strip() or None
            case.district = place.district.strip() or None
            audit.append(s, self._device, HilfeAction.CASE_PLACE, case_id)
            return CasePlace(case.team or "", case.sozialraum or "", case.district or "")

    def place_names(self) -> CasePlace:
        """Not used for one case: every known name, joined by newlines, for completers."""
        with self._sf() as s:
            names = []
            for column in (Case.team, Case.sozialraum, Case.district):
                values = s.scalars(
                    select(column).where(column.is_not(None), Case.deleted.is_(False)).distinct()
                )
                names.append("\n".join(sorted(v for v in values if v)))
        return CasePlace(*names)

    # --- what the dialogs offer ----------------------------------------------------

    def providers(self) -> list[tuple[str, str | None]]:
        """Providers to choose from, each name once, sorted.

        The Sozialraum catalogue's entries (name, id), then the names already used for
        helps (name, None).
        """
        with self._sf() as s:
            found: dict[str, str | None] = {}
            for entry_id, name in s.execute(
                select(CatalogEntry.id, CatalogEntry.name).where(CatalogEntry.deleted.is_(False))
            ):
                found.setdefault(str(name), str(entry_id))
            for (name,) in s.execute(
                select(Hilfe.provider)
                .where(Hilfe.deleted.is_(False), Hilfe.provider != "")
                .distinct()
            ):
                found.setdefault(str(name), None)
        return sorted(found.items(), key=lambda kv: kv[0].casefold())
