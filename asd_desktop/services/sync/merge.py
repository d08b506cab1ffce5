"""The merge: arriving versions meet stored ones inside one transaction."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, event, insert, select
from sqlalchemy.orm import Session

from asd_desktop.domain.vectors import (
    collapse,
    covered,
    dominates,
    merge_versions,
    vector_of,
)
from asd_desktop.models.base import Replicated
from asd_desktop.models.errors import AsdError
from asd_desktop.models.sync import JoinedVersion, Sibling
from asd_desktop.services.sync import rows
from asd_desktop.services.sync.tables import case_column, record_label, table_named
from asd_desktop.storage import case_summaries, dialect, search
from asd_desktop.storage.bundle_file import BundleDamagedError
from asd_desktop.storage.replication import MERGING

_CHUNK = 400


@dataclass
class MergeResult:
    """What a merge changed: per table the records written, the conflicts that appeared."""

    changed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    new_conflicts: list[tuple[str, str, str | None]] = field(default_factory=list)
    case_ids: set[str] = field(default_factory=set)
    max_hlc: str = ""


class Merger:
    """Merges field maps table by table in chunks; the caller owns the transaction."""

    def __init__(
        self,
        session: Session,
        knowledge: Mapping[str, int],
        full_cases: Iterable[str] = (),
        now: dt.datetime | None = None,
    ) -> None:
        self._session = session
        self._knowledge = dict(knowledge)
        self._full_cases = set(full_cases)
        self._now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.result = MergeResult()
        self._codecs: dict[str, rows.TableCodec] = {}
        self._empty: dict[str, bool] = {}
        self._written: dict[str, set[str]] = {}

    def merge(self, table: Table, versions: list[dict[str, Any]]) -> None:
        """Merge arriving versions (winners and siblings alike) of one table."""
        for start in range(0, len(versions), _CHUNK):
            self._merge_chunk(table, versions[start : start + _CHUNK])

    def _merge_chunk(self, table: Table, versions: list[dict[str, Any]]) -> None:
        for v in versions:
            _check_shape(table, v)
        ids = sorted({v["id"] for v in versions})
        if self._was_empty(table):
            # Nothing stored before this merge: only rows it wrote itself can be there.
            written = self._written.setdefault(table.name, set())
            state = self._load(table, [i for i in ids if i in written])
            written.update(ids)
        else:
            state = self._load(table, ids)
        before = {row_id: len(vs) for row_id, vs in state.items()}
        touched: set[str] = set()
        joined: set[str] = set()
        case_key = case_column(table)
        for v in versions:
            row_id = v["id"]
            stored = state.get(row_id, [])
            case_id = v.get(case_key) if case_key else None
            if (
                not stored
                and case_id not in self._full_cases
                and covered(vector_of(v), self._knowledge)
            ):
                # Seen before and since removed (a tombstone that every device acknowledged,
                # or an evicted case): an old version must not come back.
                continue
            merged = merge_versions(stored, v)
            if merged is None:
                continue
            if not any(merged[0] is known for known in (*stored, v)):
                joined.add(row_id)
            state[row_id] = merged
            touched.add(row_id)
        self._write_all(table, [(r, state[r]) for r in sorted(touched)], before)
        self._mark_joined(table, joined)
        for row_id in sorted(touched):
            versions_now = state[row_id]
            case_id = versions_now[0].get(case_key) if case_key else None
            if isinstance(case_id, str):
                self.result.case_ids.add(case_id)
            self.result.changed[table.name] += 1
            if len(versions_now) > 1 and before.get(row_id, 0) <= 1:
                self.result.new_conflicts.append((table.name, row_id, case_id))
            hlc = str(versions_now[0]["hlc"])
            self.result.max_hlc = max(self.result.max_hlc, hlc)

    def _mark_joined(self, table: Table, joined: set[str]) -> None:
        """Rows whose stored vector is a join: export checks them by their whole vector."""
        if not joined:
            return
        conn = self._session.connection()
        ids = sorted(joined)
        conn.execute(
            delete(JoinedVersion).where(
                JoinedVersion.table_name == table.name, JoinedVersion.row_id.in_(ids)
            )
        )
        conn.execute(insert(JoinedVersion), [{"table_name": table.name, "row_id": r} for r in ids])

    def _was_empty(self, table: Table) -> bool:
        empty = self._empty.get(table.name)
        if empty is None:
            conn = self._session.connection()
            empty = conn.execute(select(table.c.id).limit(1)).first() is None
            if empty:
                empty = (
                    conn.execute(
                        select(Sibling.id).where(Sibling.table_name == table.name).limit(1)
                    ).first()
                    is None
                )
            self._empty[table.name] = empty
        return empty

    def _codec(self, table: Table) -> rows.TableCodec:
        codec = self._codecs.get(table.name)
        if codec is None:
            codec = rows.TableCodec(table, self._session.get_bind().dialect)
            self._codecs[table.name] = codec
        return codec

    def _load(self, table: Table, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        conn = self._session.connection()
        state: dict[str, list[dict[str, Any]]] = {}
        for row in conn.execute(select(table).where(table.c.id.in_(ids))).mappings():
            state[row["id"]] = [rows.encode(table, row)]
        siblings = conn.execute(
            select(Sibling.row_id, Sibling.data).where(
                Sibling.table_name == table.name, Sibling.row_id.in_(ids)
            )
        )
        for row_id, data in siblings:
            state.setdefault(row_id, []).append(dict(data))
        return state

    def _write_all(
        self,
        table: Table,
        written: list[tuple[str, list[dict[str, Any]]]],
        before: Mapping[str, int],
    ) -> None:
        """Store winners (inserted or updated in bulk) and replace the siblings of those rows."""
        if not written:
            return
        conn = self._session.connection()
        codec = self._codec(table)
        inserts: list[list[Any]] = []
        updates: list[list[Any]] = []
        stale: list[str] = []
        siblings: list[dict[str, Any]] = []
        case_key = case_column(table)
        for row_id, versions in written:
            values = codec.params(versions[0])
            if before.get(row_id, 0):
                updates.append([*values, row_id])
            else:
                inserts.append(values)
            if before.get(row_id, 0) > 1 or len(versions) > 1:
                stale.append(row_id)
            for sibling in versions[1:]:
                case_id = sibling.get(case_key) if case_key else None
                siblings.append(
                    {
                        "table_name": table.name,
                        "row_id": row_id,
                        "case_id": case_id if isinstance(case_id, str) else None,
                        "data": sibling,
                        "detected_at": self._now,
                    }
                )
        if inserts:
            dialect.executemany(conn, codec.insert_sql, inserts)
        if updates:
            dialect.executemany(conn, codec.update_sql, updates)
        if stale:
            conn.execute(
                delete(Sibling).where(Sibling.table_name == table.name, Sibling.row_id.in_(stale))
            )
        if siblings:
            conn.execute(insert(Sibling), siblings)


def _check_shape(table: Table, version: Mapping[str, Any]) -> None:
    """The bookkeeping fields every travelling version must carry, with the right types."""
    try:
        vector_of(version)
        ok = (
            isinstance(version.get("id"), str)
            and 0 < len(version["id"]) <= 36
            and isinstance(version.get("origin_device"), str)
            and type(version.get("origin_counter")) is int
            and isinstance(version.get("hlc"), str)
            and isinstance(version.get("deleted"), bool)
        )
    except ValueError:
        ok = False
    if not ok:
        raise BundleDamagedError(
            f"Die Paketdatei enthält einen unvollständigen Datensatz (Tabelle »{table.name}«). "
            "Bitte die Datei erneut vom Absender exportieren lassen. Es wurde nichts verändert."
        )


# --- local edits of records in conflict ---------------------------------------------------

_SETTLE = "asd_sync_settle"
#: ``session.info[RESOLVING]``: (table, row id) of records a person is deciding right now.
RESOLVING = "asd_sync_resolving"


class ConflictPendingError(AsdError):
    """A record with versions from another device was saved without choosing between them."""

    def __init__(self, label: str) -> None:
        super().__init__(
            f"Zu diesem Eintrag ({label}) gibt es abweichende Fassungen von einem anderen "
            "Gerät. Bitte zuerst im Konfliktposteingang entscheiden, welche Angaben gelten, "
            "und dann erneut speichern. Es wurde nichts verändert."
        )


def _remember_local_edits(session: Session, _ctx: Any, _instances: Any) -> None:  # noqa: ANN401
    if session.info.get(MERGING):
        return
    edited = [
        obj
        for obj in session.dirty
        if isinstance(obj, Replicated) and session.is_modified(obj, include_collections=False)
    ]
    if edited:
        _refuse_unseen_supersession(session, edited)
        session.info.setdefault(_SETTLE, []).extend(edited)


def _refuse_unseen_supersession(session: Session, edited: list[Replicated]) -> None:
    """An edit must not supersede a version the person saving was never shown.

    Only a resolution (the person chose per differing field, see ``conflicts.resolve``)
    may write over a record that has siblings; any other save of it is refused.
    """
    conn = session.connection()
    if conn.execute(select(Sibling.id).limit(1)).first() is None:
        return
    resolving: set[tuple[str, str]] = session.info.get(RESOLVING, set())
    for obj in edited:
        name = type(obj).__tablename__  # type: ignore[attr-defined]
        if (name, obj.id) in resolving:
            continue
        has_sibling = conn.execute(
            select(Sibling.id).where(Sibling.table_name == name, Sibling.row_id == obj.id).limit(1)
        ).first()
        if has_sibling is not None:
            raise ConflictPendingError(record_label(name))


def _settle_local_edits(session: Session, _ctx: Any) -> None:  # noqa: ANN401
    edited: list[Replicated] = session.info.pop(_SETTLE, [])
    if edited:
        settle(session, edited)


def settle(session: Session, edited: list[Replicated]) -> None:
    """Bring edited records that have conflicting siblings to what every machine computes.

    A local edit dominates the version it was made on and every sibling it has seen; the
    others stay. The same versions meeting on another machine give the same winner and the
    same siblings (collapse), so this database must not keep a conflict the others dropped.
    """
    conn = session.connection()
    if conn.execute(select(Sibling.id).limit(1)).first() is None:
        return
    merger = Merger(session, {})
    touched_cases: set[str] = set()
    for obj in edited:
        table = table_named(type(obj).__tablename__)  # type: ignore[attr-defined]
        if table is None:
            continue
        state = merger._load(table, [obj.id]).get(obj.id, [])
        if len(state) < 2:
            continue
        winner, others = state[0], state[1:]
        seen = vector_of(winner)
        kept = [o for o in others if not dominates(seen, vector_of(o))]
        result = collapse([winner, *kept])
        unchanged = (
            len(result) == len(state)
            and result[0] is winner
            and all(any(r is s for s in state) for r in result)
        )
        if unchanged:
            continue
        merger._write_all(table, [(obj.id, result)], {obj.id: len(state)})
        if not any(result[0] is s for s in state):
            merger._mark_joined(table, {obj.id})
        session.expire(obj)
        key = case_column(table)
        case_id = result[0].get(key) if key else None
        if isinstance(case_id, str):
            touched_cases.add(case_id)
    if touched_cases:
        case_summaries.refresh(session, touched_cases)
        search.reindex(session, touched_cases)


def install_settling(session_class: Any) -> None:  # noqa: ANN401
    """Register the settling of local edits on a sessionmaker (after the storage hooks)."""
    event.listen(session_class, "before_flush", _remember_local_edits)
    event.listen(session_class, "after_flush_postexec", _settle_local_edits)
