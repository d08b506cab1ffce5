"""The few statements that differ between SQLite (laptops, small hubs) and PostgreSQL (hub).

Services call these instead of writing database-specific SQL themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Table, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session


def is_server(session: Session) -> bool:
    """Whether the session works on a PostgreSQL server."""
    return session.get_bind().dialect.name == "postgresql"


def defer_foreign_keys(session: Session) -> None:
    """Check foreign keys at commit, not per statement, for the rest of the transaction."""
    if is_server(session):
        # The migrations make every foreign key DEFERRABLE on PostgreSQL.
        session.execute(text("SET CONSTRAINTS ALL DEFERRED"))
    else:
        session.execute(text("PRAGMA defer_foreign_keys = ON"))


class _VectorExceeds(ColumnElement[bool]):
    """``EXISTS`` an entry of ``<table>.version_vector`` above the JSON object ``:ack``."""

    inherit_cache = True
    type = Boolean()

    def __init__(self, table_name: str) -> None:
        self.table_name = table_name

    @property
    def _cache_key_args(self) -> tuple[str, ...]:
        return (self.table_name,)


@compiles(_VectorExceeds, "postgresql")
def _vector_exceeds_pg(element: _VectorExceeds, compiler: Any, **kw: Any) -> str:  # noqa: ANN401
    clause = text(
        f"EXISTS (SELECT 1 FROM json_each_text({element.table_name}.version_vector) AS j "
        "WHERE j.value::bigint > COALESCE((CAST(:ack AS json) ->> j.key)::bigint, 0))"
    )
    return str(compiler.process(clause, **kw))


@compiles(_VectorExceeds)
def _vector_exceeds_sqlite(element: _VectorExceeds, compiler: Any, **kw: Any) -> str:  # noqa: ANN401
    clause = text(
        f"EXISTS (SELECT 1 FROM json_each({element.table_name}.version_vector) AS j "
        "WHERE j.value > COALESCE(json_extract(:ack, '$.\"' || j.key || '\"'), 0))"
    )
    return str(compiler.process(clause, **kw))


def vector_exceeds(table: Table) -> ColumnElement[bool]:
    """Rows whose version vector has an entry above the JSON object bound as ``:ack``."""
    return _VectorExceeds(table.name)


def executemany(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Run one statement with ``?`` placeholders for many rows, on the driver directly."""
    raw: Any = conn.connection.dbapi_connection
    if conn.dialect.name != "postgresql":
        raw.executemany(sql, rows)
        return
    statement = sql.replace("?", "%s")
    with raw.cursor() as cursor:
        if not statement.startswith("INSERT INTO ") or " VALUES " not in statement:
            cursor.executemany(statement, rows)
            return
        # An INSERT of many rows: COPY, one stream instead of a statement per row.
        head = statement.partition(" VALUES ")[0].removeprefix("INSERT INTO ")
        with cursor.copy(f"COPY {head} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
