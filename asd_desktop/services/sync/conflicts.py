"""The conflict inbox: concurrent versions side by side, and their resolution as a new edit."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from asd_desktop.domain.vectors import VERSION_KEYS, join, vector_of
from asd_desktop.models import Base
from asd_desktop.models.case import Case
from asd_desktop.models.errors import AsdError, NotFoundError
from asd_desktop.models.ids import Hlc
from asd_desktop.models.sync import ReviewItem, Sibling, SyncDevice, SyncIdentity
from asd_desktop.services.sync import rows
from asd_desktop.services.sync.devices import local_device
from asd_desktop.services.sync.merge import RESOLVING, Merger
from asd_desktop.services.sync.tables import (
    QUIET_FIELDS,
    field_label,
    record_label,
    replicated_tables,
    table_named,
)
from asd_desktop.services.sync.views import ConflictView, ReviewView, VersionView

#: Fields that are bookkeeping, never offered for a choice.
_HIDDEN = VERSION_KEYS | {"id", "case_id"}


def _versions(s: Session, table: Table, row_id: str) -> list[dict[str, Any]]:
    row = s.connection().execute(select(table).where(table.c.id == row_id)).mappings().first()
    if row is None:
        raise NotFoundError("Diesen Datensatz gibt es hier nicht (mehr).")
    siblings = s.execute(
        select(Sibling.data)
        .where(Sibling.table_name == table.name, Sibling.row_id == row_id)
        .order_by(Sibling.id)
    ).scalars()
    return [rows.encode(table, row), *(dict(d) for d in siblings)]


def _device_names(s: Session) -> dict[str, str]:
    names = {d.device_id: d.name for d in s.scalars(select(SyncDevice))}
    ident = s.get(SyncIdentity, 1)
    me = local_device(s).device_id
    names[me] = f"{ident.name} (dieses Gerät)" if ident else "Dieses Gerät"
    return names


def _display(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return dt.date.fromisoformat(text).strftime("%d.%m.%Y")
    except ValueError:
        pass
    return text


def _field_display(key: str, value: object) -> str:
    if key == "content" and isinstance(value, str):
        return f"(Datei, {len(value) * 3 // 4:,} Bytes)".replace(",", ".")
    return _display(value)


def conflict_rows(s: Session, case_id: str | None = None) -> list[tuple[str, str]]:
    """(table, row id) of every record with siblings, optionally of one case."""
    stmt = select(Sibling.table_name, Sibling.row_id).distinct()
    if case_id is not None:
        stmt = stmt.where(Sibling.case_id == case_id)
    return sorted((t, r) for t, r in s.execute(stmt))


def view(s: Session, table_name: str, row_id: str) -> ConflictView:
    """One conflict with all its versions, field by field."""
    table = table_named(table_name)
    if table is None:
        raise NotFoundError("Diesen Datensatz gibt es hier nicht.")
    versions = _versions(s, table, row_id)
    names = _device_names(s)
    keys: list[str] = []
    for v in versions:
        keys += [k for k in v if k not in _HIDDEN and k not in keys]
    differing = [
        k for k in keys if len({json.dumps(v.get(k), sort_keys=True) for v in versions}) > 1
    ]
    ordered = differing + [k for k in keys if k not in differing and k not in QUIET_FIELDS]
    case_id = versions[0].get("case_id") if "case_id" in table.columns else None
    if table.name == "cases":
        case_id = row_id
    case_label = ""
    if isinstance(case_id, str):
        case = s.get(Case, case_id)
        if case is not None:
            case_label = f"{case.file_number} {case.family_name}".strip()
    return ConflictView(
        table=table.name,
        row_id=row_id,
        case_id=case_id if isinstance(case_id, str) else None,
        case_label=case_label,
        label=record_label(table.name),
        versions=[
            VersionView(
                device_name=names.get(str(v["origin_device"]), "unbekanntes Gerät"),
                hlc=str(v["hlc"]),
                written_at=_hlc_time(str(v["hlc"])),
                deleted=bool(v["deleted"]),
                fields={k: _field_display(k, v.get(k)) for k in ordered},
            )
            for v in versions
        ],
        differing=differing,
        fields=ordered,
        field_labels={k: field_label(k) for k in ordered},
    )


def _hlc_time(hlc: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(Hlc.decode(hlc).wall_ms / 1000, dt.UTC).replace(
            tzinfo=None
        )
    except ValueError:
        return None


def _model_for(table: Table) -> type[Any]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table.name:
            return mapper.class_
    raise NotFoundError(table.name)  # pragma: no cover - every replicated table has a model


def resolve(
    s: Session,
    table_name: str,
    row_id: str,
    *,
    version: int | None = None,
    picks: Mapping[str, int] | None = None,
) -> None:
    """Write a new version that dominates every sibling: one version whole, or fields combined.

    ``version`` takes that version as it is (a deleted one deletes the record); ``picks``
    takes each named field from the version with that index and the rest from the winner.
    """
    table = table_named(table_name)
    if table is None:
        raise NotFoundError("Diesen Datensatz gibt es hier nicht.")
    versions = _versions(s, table, row_id)
    if len(versions) < 2:
        raise AsdError("Für diesen Datensatz gibt es keinen offenen Konflikt mehr.")
    if version is not None and not 0 <= version < len(versions):
        raise AsdError("Diese Fassung gibt es nicht.")
    chosen = dict(versions[version if version is not None else 0])
    for field, index in (picks or {}).items():
        if not 0 <= index < len(versions) or field in _HIDDEN:
            raise AsdError("Diese Auswahl ist nicht möglich.")
        chosen[field] = versions[index].get(field)
    if picks:
        chosen["deleted"] = False
    chosen["version_vector"] = join(vector_of(v) for v in versions)
    values = rows.decode(table, chosen)
    obj = s.get(_model_for(table), row_id)
    if obj is None:  # pragma: no cover - _versions found it
        raise NotFoundError("Diesen Datensatz gibt es hier nicht.")
    for name, value in values.items():
        if name in {"id", "origin_device", "origin_counter", "hlc"}:
            continue
        setattr(obj, name, value)
    resolving: set[tuple[str, str]] = s.info.setdefault(RESOLVING, set())
    resolving.add((table.name, row_id))
    try:
        s.flush()  # the replication hook adds this device's counter on top of the join
    finally:
        resolving.discard((table.name, row_id))
    s.execute(delete(Sibling).where(Sibling.table_name == table.name, Sibling.row_id == row_id))


def review_items(s: Session) -> list[ReviewView]:
    """The office's review queue."""
    names = _device_names(s)
    return [
        ReviewView(
            id=item.id,
            device_name=names.get(item.device_id, "unbekanntes Gerät"),
            label=record_label(item.table_name),
            case_id=item.case_id,
            received_at=item.received_at,
            summary=_summary(item.data),
        )
        for item in s.scalars(select(ReviewItem).order_by(ReviewItem.id))
    ]


def _summary(data: Mapping[str, Any]) -> str:
    parts = [
        _display(v)
        for k, v in data.items()
        if k not in _HIDDEN and k not in {"deleted"} and isinstance(v, str) and v
    ]
    return " · ".join(parts)[:200]


def accept_review(s: Session, item_id: int) -> None:
    """Take a queued change into the database as an ordinary arriving version."""
    item = s.get(ReviewItem, item_id)
    if item is None:
        raise NotFoundError("Diesen Eintrag gibt es nicht mehr.")
    table = table_named(item.table_name)
    if table is None:
        raise NotFoundError("Diesen Datensatz gibt es hier nicht.")
    merger = Merger(s, {})
    merger.merge(table, [dict(item.data)])
    s.delete(item)


def discard_review(s: Session, item_id: int) -> None:
    """Drop a queued change."""
    item = s.get(ReviewItem, item_id)
    if item is None:
        raise NotFoundError("Diesen Eintrag gibt es nicht mehr.")
    s.delete(item)


def dump_lines(s: Session) -> Iterator[str]:
    """A canonical listing of every record, sibling and tombstone, for comparing databases."""
    conn = s.connection()
    for table in sorted(replicated_tables(), key=lambda t: t.name):
        for row in conn.execute(select(table).order_by(table.c.id)).mappings():
            yield _canonical({"kind": "row", "table": table.name, "data": rows.encode(table, row)})
        siblings = conn.execute(
            select(Sibling.row_id, Sibling.data).where(Sibling.table_name == table.name)
        ).all()
        yield from sorted(
            _canonical({"kind": "sibling", "table": table.name, "row_id": r, "data": d})
            for r, d in siblings
        )


def _canonical(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
