"""Physical removal of a case: every row of it in every table, the search index, compaction.

A deleted case must leave nothing readable behind: not a tombstone, not a derived row,
not a stale entry in the full-text index, not a freed page. ``secure_delete`` (set on
every connection by the engine) overwrites freed cells with zeros; the FTS5 index is
merged so that no segment keeps the old terms; VACUUM then rewrites the file and the
WAL is truncated, so no earlier page image survives in it either.

Kept on purpose (content-free): the audit log, the purge record of the case (its id)
and the office's purge orders (case id and device id).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Engine, Table, delete, or_, select, text
from sqlalchemy.orm import Session

from asd_desktop.models.base import Base, Replicated

#: Tables that keep a content-free trace of the deletion itself.
KEEP = frozenset({"purged_cases", "sync_purge_orders", "audit_log"})
#: Bookkeeping naming rows by table and id (no case column): cleared for the removed rows.
_BY_ROW = ("sync_joined",)


def _case_condition(
    table: Table, case_id: str, memo: dict[str, ColumnElement[bool] | None]
) -> ColumnElement[bool] | None:
    """Which rows of ``table`` belong to the case: its case column or a parent that does."""
    if table.name in memo:
        return memo[table.name]
    memo[table.name] = None  # guards against cycles while this one is being built
    terms: list[ColumnElement[bool]] = []
    if table.name == "cases":
        terms.append(table.c.id == case_id)
    elif "case_id" in table.c:
        terms.append(table.c.case_id == case_id)
    for fk in table.foreign_keys:
        parent = fk.column.table
        if parent is table or not isinstance(parent, Table):
            continue
        parent_condition = _case_condition(parent, case_id, memo)
        if parent_condition is not None:
            terms.append(fk.parent.in_(select(fk.column).where(parent_condition)))
    condition = or_(*terms) if terms else None
    memo[table.name] = condition
    return condition


def replicated_names() -> set[str]:
    """The names of the travelling tables."""
    return {
        mapper.local_table.name
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Replicated) and isinstance(mapper.local_table, Table)
    }


def remove_case(session: Session, case_id: str) -> dict[str, int]:
    """Delete every row of the case from every table (children first); counts per table."""
    conn = session.connection()
    travelling = replicated_names()
    memo: dict[str, ColumnElement[bool] | None] = {}
    counts: dict[str, int] = {}
    if conn.dialect.name == "sqlite":
        conn.execute(text("PRAGMA defer_foreign_keys = ON"))
    for table in reversed(Base.metadata.sorted_tables):
        if table.name in KEEP or table.name in _BY_ROW:
            continue
        condition = _case_condition(table, case_id, memo)
        if condition is None:
            continue
        if table.name in travelling:
            for by_row in _BY_ROW:
                joined = Base.metadata.tables[by_row]
                conn.execute(
                    delete(joined).where(
                        joined.c.table_name == table.name,
                        joined.c.row_id.in_(select(table.c.id).where(condition)),
                    )
                )
        result = conn.execute(delete(table).where(condition))
        if result.rowcount:
            counts[table.name] = int(result.rowcount)
    _remove_from_search(conn, case_id)
    return counts


def _remove_from_search(conn: Any, case_id: str) -> None:  # noqa: ANN401 - a Connection
    """Drop the case's index entry and merge the index, so no segment keeps its terms."""
    params = {"cid": case_id}
    if conn.dialect.name != "sqlite":
        # PostgreSQL keeps the document in search_docs itself.
        conn.execute(text("DELETE FROM search_docs WHERE case_id = :cid"), params)
        return
    # From now on deleting from the index removes the terms themselves (FTS5 secure-delete).
    conn.execute(text("INSERT INTO case_search(case_search, rank) VALUES('secure-delete', 1)"))
    conn.execute(
        text(
            "DELETE FROM case_search WHERE rowid IN "
            "(SELECT rowid FROM search_docs WHERE case_id = :cid)"
        ),
        params,
    )
    conn.execute(text("DELETE FROM search_docs WHERE case_id = :cid"), params)
    # Entries deleted earlier (every edit re-indexes) may still sit in old segments.
    conn.execute(text("INSERT INTO case_search(case_search) VALUES('optimize')"))


def compact(engine: Engine) -> None:
    """Rewrite the database file without free pages and empty the WAL (SQLite only).

    Runs outside any transaction, after the deletion committed.
    """
    if engine.dialect.name != "sqlite":
        return
    # The DB-API connection directly: SQLAlchemy's begin hook would open a transaction.
    raw = engine.raw_connection()
    try:
        driver: Any = raw.driver_connection
        driver.execute("PRAGMA secure_delete = ON")
        driver.execute("VACUUM")
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        raw.close()
