"""Drafts of open dialogs, kept in the encrypted database so nothing typed is lost.

A dialog's draft is what its fields held when the window locked or a few seconds
after the last keystroke. It lives in ``wizard_drafts`` (local like the audit log,
never part of a sync bundle) under the kind ``dialog:<name>``; the guided processes
keep their own kinds there. Dialogs outside a case (the Sozialraum catalogue)
are filed under :data:`NO_CASE`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.models.errors import AsdError
from asd_desktop.models.goals import WizardDraft

#: The case id under which drafts of dialogs that belong to no case are kept;
#: never a real case id (those are UUIDs), so the sync eviction of a case never
#: touches these drafts.
NO_CASE = "-"
#: Prefix of the draft kinds of dialogs; wizards use kinds without it.
DIALOG_PREFIX = "dialog:"
#: The kind column holds 40 characters.
MAX_KIND_LENGTH = 40 - len(DIALOG_PREFIX)


@dataclass(frozen=True)
class DialogDraft:
    """What one dialog held when it was last saved as a draft.

    Attributes:
        case_id: the case the dialog belongs to, or None for a dialog outside a case.
        name: which dialog (``"contact"``, ``"person"``, …), without the prefix.
        fields: the dialog's field values by field name, as JSON values.
        saved_at: when the draft was stored (local time, to the second).
    """

    case_id: str | None
    name: str
    fields: Mapping[str, Any]
    saved_at: dt.datetime

    @property
    def key(self) -> tuple[str | None, str]:
        """The draft's identity: one draft per dialog and case."""
        return (self.case_id, self.name)


def _stored_case(case_id: str | None) -> str:
    return NO_CASE if case_id is None else case_id


def _kind(name: str) -> str:
    if not name or len(name) > MAX_KIND_LENGTH:
        raise AsdError(f"Ungültiger Entwurfsname ({len(name)} Zeichen).")
    return DIALOG_PREFIX + name


def _draft(row: WizardDraft) -> DialogDraft:
    fields = json.loads(row.data)
    return DialogDraft(
        case_id=None if row.case_id == NO_CASE else row.case_id,
        name=row.kind.removeprefix(DIALOG_PREFIX),
        fields=fields if isinstance(fields, dict) else {},
        saved_at=row.updated_at,
    )


class DraftService:
    """Stores, lists and discards the drafts of dialogs on this machine."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._sf = session_factory

    def save(
        self,
        case_id: str | None,
        name: str,
        fields: Mapping[str, Any],
        now: dt.datetime | None = None,
    ) -> DialogDraft:
        """Store the draft of dialog ``name`` in ``case_id`` (replacing an earlier one)."""
        kind = _kind(name)
        data = json.dumps(dict(fields), ensure_ascii=False, sort_keys=True)
        saved_at = (now or dt.datetime.now()).replace(microsecond=0)
        stored_case = _stored_case(case_id)
        with self._sf.begin() as s:
            row = s.get(WizardDraft, (stored_case, kind))
            if row is None:
                s.add(
                    WizardDraft(
                        case_id=stored_case, kind=kind, page=0, data=data, updated_at=saved_at
                    )
                )
            else:
                row.data = data
                row.updated_at = saved_at
        return DialogDraft(case_id, name, json.loads(data), saved_at)

    def load(self, case_id: str | None, name: str) -> DialogDraft | None:
        """The stored draft of dialog ``name`` in ``case_id``, if there is one."""
        with self._sf() as s:
            row = s.get(WizardDraft, (_stored_case(case_id), _kind(name)))
            return _draft(row) if row is not None else None

    def all(self) -> tuple[DialogDraft, ...]:
        """Every stored dialog draft, oldest first."""
        with self._sf() as s:
            rows = s.scalars(
                select(WizardDraft)
                .where(WizardDraft.kind.startswith(DIALOG_PREFIX, autoescape=True))
                .order_by(WizardDraft.updated_at, WizardDraft.case_id, WizardDraft.kind)
            )
            return tuple(_draft(row) for row in rows)

    def discard(self, case_id: str | None, name: str) -> bool:
        """Remove the draft (saved normally, or thrown away by choice); True if one was there."""
        with self._sf.begin() as s:
            result = s.execute(
                delete(WizardDraft).where(
                    WizardDraft.case_id == _stored_case(case_id),
                    WizardDraft.kind == _kind(name),
                )
            )
            return bool(getattr(result, "rowcount", 0))
