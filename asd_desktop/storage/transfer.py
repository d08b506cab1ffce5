"""Copying a SQLite office hub into an empty PostgreSQL database, table by table.

Rows travel through SQLAlchemy's column types (booleans, JSON, timestamps, bytes keep
their values); the office identity's private keys are sealed on the way (see
:mod:`.server`); the search index is rebuilt on the server; the server's id sequences
continue after the copied ids.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, Integer, func, insert, inspect, select, text
from sqlalchemy.orm import Session

from asd_desktop.models import Base
from asd_desktop.models.errors import AsdError
from asd_desktop.models.sync import SyncIdentity
from asd_desktop.storage import search
from asd_desktop.storage.database import migrate

_BATCH = 2000
#: Made by the migrations themselves or rebuilt here, never copied.
_NOT_COPIED = {"alembic_version", "search_docs", "case_search", SyncIdentity.__tablename__}


def server_is_empty(engine: Engine) -> bool:
    """Whether the server database has no table in its schema yet."""
    with engine.connect() as conn:
        count = conn.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
        ).scalar_one()
    return int(count) == 0


def copy_hub(
    source: Engine, target: Engine, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every table of ``source`` (SQLite) into the empty server ``target``.

    The target is migrated first and filled in one transaction: a failure leaves it
    as empty as the migrations made it. Returns the copied rows per table.
    """
    if not server_is_empty(target):
        raise AsdError(
            "Die Ziel-Datenbank auf dem Server ist nicht leer. Der Umzug geht nur in eine leere "
            "Datenbank (z. B. »createdb -O asd_eigentuemer asd_buero«); es wurde nichts "
            "verändert."
        )
    source_tables = set(inspect(source).get_table_names())
    unknown = sorted(
        t
        for t in source_tables - set(Base.metadata.tables) - _NOT_COPIED
        if not t.startswith(("sqlite_", "case_search"))
    )
    if unknown:
        raise AsdError(
            "Die Büro-Datenbank enthält Tabellen, die dieses Programm nicht kennt ("
            + ", ".join(unknown)
            + "). Bitte zuerst asd-desktop aktualisieren; es wurde nichts verändert."
        )
    migrate(target)
    counts: dict[str, int] = {}
    with source.connect() as src, Session(target) as dst:
        dst.begin()
        conn = dst.connection()
        conn.execute(text("SET CONSTRAINTS ALL DEFERRED"))
        for table in reversed(Base.metadata.sorted_tables):
            # Rows a migration seeded (catalogues) come from the source like every other row.
            if table.name not in _NOT_COPIED and table.name in source_tables:
                conn.execute(table.delete())
        for table in Base.metadata.sorted_tables:
            if table.name in _NOT_COPIED or table.name not in source_tables:
                continue
            copied = 0
            batch: list[dict[str, object]] = []
            for row in src.execute(select(table)).mappings():
                batch.append(dict(row))
                if len(batch) >= _BATCH:
                    conn.execute(insert(table), batch)
                    copied += len(batch)
                    batch = []
            if batch:
                conn.execute(insert(table), batch)
                copied += len(batch)
            counts[table.name] = copied
            if progress is not None:
                progress(table.name, copied)
            _continue_sequence(dst, table.name, [c.name for c in table.primary_key.columns])
        with Session(source) as src_session:
            ident = src_session.get(SyncIdentity, 1)
            if ident is not None:
                # Through the ORM, so the private keys are sealed before they reach the server.
                dst.add(
                    SyncIdentity(
                        id=ident.id,
                        role=ident.role,
                        name=ident.name,
                        signing_private=ident.signing_private,
                        age_identity=ident.age_identity,
                        knowledge=dict(ident.knowledge or {}),
                        stable=dict(ident.stable or {}),
                        created_at=ident.created_at,
                    )
                )
                dst.flush()
                counts[SyncIdentity.__tablename__] = 1
        search.reindex_all(dst)
        dst.commit()
    return counts


def _continue_sequence(session: Session, table: str, pk: list[str]) -> None:
    """Let a SERIAL primary key continue after the copied ids."""
    if len(pk) != 1:
        return
    column = Base.metadata.tables[table].c[pk[0]]
    if not isinstance(column.type, Integer):
        return
    sequence = session.execute(
        text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table, "c": pk[0]}
    ).scalar()
    if sequence is None:
        return
    top = session.execute(select(func.max(column))).scalar()
    if top is not None:
        session.execute(text("SELECT setval(:s, :v)"), {"s": sequence, "v": int(top)})
