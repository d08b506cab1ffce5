"""Purge orders in bundles: a deleted case is deleted on every laptop and stays deleted.

The office sends a purge order (case id and epoch, the office counter of the deletion)
to every laptop that held the case, in every bundle until that laptop confirms it. The
laptop removes the case the same way the office did (storage.purge), keeps a purge
record, and confirms with every later bundle. Every database refuses rows of a purged
case forever, so a bundle made before the deletion can never bring it back.

A bundle that carries purge orders names the capability ``purge-v1``: an older release
that could not carry them out refuses it ("please update") instead of ignoring it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from asd_desktop.domain.sync_states import DeviceRole
from asd_desktop.models.privacy import PurgedCase, PurgeOrder
from asd_desktop.services import audit
from asd_desktop.storage import purge

#: What a reader must support to read a bundle with purge orders.
CAPABILITY = "purge-v1"
CASE_PURGED = "case_purged"
#: Scope keys (lists of case ids) and their epochs.
LIST_KEYS = ("purge", "purged")
EPOCH_KEYS = ("purge_epochs", "purged_epochs")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def purged_case_ids(s: Session) -> set[str]:
    """Every case deleted for good on this database."""
    return set(s.scalars(select(PurgedCase.case_id)))


def export_scope(s: Session, role: str, peer_id: str) -> dict[str, Any]:
    """Office: the open purge orders for ``peer_id``; laptop: every purge it carried out."""
    if role == DeviceRole.OFFICE:
        orders: dict[str, int] = dict(
            s.execute(
                select(PurgeOrder.case_id, PurgeOrder.epoch).where(
                    PurgeOrder.device_id == peer_id, PurgeOrder.confirmed_at.is_(None)
                )
            )
            .tuples()
            .all()
        )
        return {"purge": sorted(orders), "purge_epochs": orders} if orders else {}
    done: dict[str, int] = dict(
        s.execute(select(PurgedCase.case_id, PurgedCase.epoch)).tuples().all()
    )
    return {"purged": sorted(done), "purged_epochs": done} if done else {}


def capabilities(scope: Mapping[str, Any]) -> list[str]:
    """The extra capability a bundle with this scope needs from its reader."""
    return [CAPABILITY] if scope.get("purge") else []


def carry_out(s: Session, device_id: str, case_id: str, epoch: int) -> bool:
    """Remove a case for good in the caller's transaction; False if it was purged before."""
    if s.get(PurgedCase, case_id) is not None:
        return False
    counts = purge.remove_case(s, case_id)
    s.add(PurgedCase(case_id=case_id, purged_at=_now(), epoch=epoch))
    audit.append(
        s,
        device_id,
        CASE_PURGED,
        case_id,
        f"Löschauftrag des Büros; Datensätze: {sum(counts.values())}",
    )
    return True


def apply_on_import(
    s: Session, role: str, me: str, sender_id: str, scope: Mapping[str, Any]
) -> tuple[set[str], int]:
    """Before merging: carry out purge orders (laptop) or note confirmations (office).

    Returns every purged case (their rows in this bundle are refused) and the number of
    cases purged by this bundle.
    """
    newly = 0
    if role == DeviceRole.LAPTOP:
        epochs = scope.get("purge_epochs", {})
        for case_id in scope.get("purge", []):
            if carry_out(s, me, case_id, int(epochs.get(case_id, 0))):
                newly += 1
    else:
        epochs = scope.get("purged_epochs", {})
        for case_id in scope.get("purged", []):
            s.execute(
                update(PurgeOrder)
                .where(
                    PurgeOrder.case_id == case_id,
                    PurgeOrder.device_id == sender_id,
                    PurgeOrder.confirmed_at.is_(None),
                    PurgeOrder.epoch <= int(epochs.get(case_id, 0)),
                )
                .values(confirmed_at=_now())
            )
    return purged_case_ids(s), newly


def without(scope: Mapping[str, Any], purged: set[str]) -> dict[str, Any]:
    """The scope with no instruction for a purged case (an old assignment stays ignored)."""
    result = dict(scope)
    for key in ("full_cases", "withdraw", "resend", "evicted"):
        if key in result:
            result[key] = [c for c in result[key] if c not in purged]
    return result


def open_orders(s: Session) -> list[tuple[str, str, int]]:
    """Office: ``(case id, device id, epoch)`` of purge orders not yet confirmed."""
    return [
        (c, d, e)
        for c, d, e in s.execute(
            select(PurgeOrder.case_id, PurgeOrder.device_id, PurgeOrder.epoch).where(
                PurgeOrder.confirmed_at.is_(None)
            )
        ).tuples()
    ]
