"""The open encrypted database: engine, migrations on unlock, session factory with hooks."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.storage import replication, search, server
from asd_desktop.storage.engine import (
    KeyHolder,
    create_encrypted_engine,
    damaged_database_error,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

#: ``revision = "0006"`` / ``down_revision: str | None = "0005"`` at the top of a script.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.+?)\s*$", re.MULTILINE)


@functools.cache
def head_revision() -> str:
    """The newest revision of the migration scripts.

    Read from the scripts' ``revision``/``down_revision`` lines, so an unlock needs no
    Alembic script directory (which imports every migration module). Anything
    unexpected in the scripts falls back to Alembic, so the answer is always Alembic's.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
            found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found.get("down_revision", "None"))
            if not isinstance(revision, str) or revision in revisions:
                raise ValueError(revision)
            revisions.add(revision)
            if isinstance(down, str):
                parents.add(down)
            elif down is not None:
                parents.update(str(d) for d in down)  # a merge revision
    except (OSError, KeyError, ValueError, SyntaxError, TypeError):
        return _alembic_head()
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else _alembic_head()


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory  # only when the scripts are odd

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migration scripts found")
    return head


def schema_is_current(engine: Engine) -> bool:
    """Whether the database's ``alembic_version`` is exactly the newest revision."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            has_versions = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).scalar()
        else:
            has_versions = conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar()
        if has_versions is None:
            return False
        versions = [
            row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")
        ]
    return versions == [head_revision()]


def ensure_schema(engine: Engine) -> bool:
    """Migrate (with the full foreign-key check) only if the schema is behind; on every unlock.

    Returns whether a migration ran. A database at the newest revision costs two small
    queries, however many records it holds; ``asd-desktop check`` still checks every
    reference.
    """
    if schema_is_current(engine):
        return False
    migrate(engine)
    return True


def _alembic_config() -> Config:
    from alembic.config import Config  # loaded only to migrate (0.1 s)

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, then check every foreign key."""
    from alembic import command  # loaded only to migrate (0.1 s)

    config = _alembic_config()
    if engine.dialect.name != "sqlite":
        _migrate_server(engine, config)
        return
    with engine.connect() as conn:
        # Batch migrations rebuild tables; with foreign keys on, dropping a referenced table
        # would delete through to its children. Off outside any transaction (on the driver
        # connection, which runs in autocommit), checked inside, on again afterwards.
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                before = _current_revision(conn)
                command.upgrade(config, "head")
                if before != head_revision():
                    _refresh_summaries(conn)
                if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise damaged_database_error()
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def _migrate_server(engine: Engine, config: Config) -> None:
    """PostgreSQL: one workstation migrates at a time, in one transaction (DDL is transactional).

    Foreign keys become DEFERRABLE (checked at statement end unless a bundle import defers
    them to the commit, as SQLite's ``defer_foreign_keys`` does on the laptops).
    """
    from alembic import command

    with engine.connect() as conn, conn.begin():
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({server.HUB_LOCK_KEY + 1})")
        if _server_versions(conn) == [head_revision()]:
            return  # another workstation migrated while this one waited
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.execute(text(_DEFERRABLE_FKS))
        conn.execute(text(_UNBOUNDED_VARCHARS))
        _refresh_summaries(conn)


def _current_revision(conn: Any) -> str | None:  # noqa: ANN401 - a Connection
    from alembic.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _refresh_summaries(conn: Any) -> None:  # noqa: ANN401 - a Connection
    """After an upgrade: every case's summary computed by this release's rule.

    Done here, once the schema is at head, and not inside a migration: the rule reads
    every table with dated items, and a migration in the middle of the chain would run it
    against a schema that lacks the later ones.
    """
    from asd_desktop.storage import case_summaries

    ids = [r[0] for r in conn.execute(text("SELECT id FROM cases"))]
    if ids:
        case_summaries.refresh(Session(bind=conn), ids)


def _server_versions(conn: Any) -> list[str]:  # noqa: ANN401 - a Connection
    if conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is None:
        return []
    return [r[0] for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]


_DEFERRABLE_FKS = """
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT con.conname, rel.relname FROM pg_constraint con
           JOIN pg_class rel ON rel.oid = con.conrelid
           JOIN pg_namespace ns ON ns.oid = rel.relnamespace
           WHERE con.contype = 'f' AND NOT con.condeferrable
             AND ns.nspname = current_schema()
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE',
                   c.relname, c.conname);
  END LOOP;
END $$
"""


# The laptops' SQLite ignores the lengths of String(n) columns, so a laptop may hold an
# Aktenzeichen or a name longer than the model says; the hub must take every row a laptop
# sends (a refused row would stop the whole bundle). On the server, no text column has a
# length limit either.
_UNBOUNDED_VARCHARS = """
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND data_type = 'character varying'
             AND character_maximum_length IS NOT NULL
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE varchar', c.table_name, c.column_name);
  END LOOP;
END $$
"""


class Database:
    """An unlocked database; ``session_factory().begin()`` gives a transaction."""

    def __init__(self, engine: Engine, key_holder: KeyHolder | None = None) -> None:
        self.engine = engine
        self._key_holder = key_holder
        self.session_factory: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)
        if engine.dialect.name != "sqlite":
            server.install_hooks(self.session_factory)
        replication.install_hooks(self.session_factory)
        search.install_hooks(self.session_factory)
        with self.session_factory.begin() as session:
            self.device_id = replication.ensure_local_device(session).device_id

    @classmethod
    def open(cls, db_path: Path, key: bytes) -> Database:
        """Open (or create) the encrypted file, migrate it if needed and return it ready for use.

        When this run opens the data folder's hub on a server (``--database-url``, see
        :func:`.server.use_server`), the server is opened instead, with ``key`` sealing
        the office's keys there; a file whose hub moved to a server is refused.
        """
        url = server.server_for(db_path.parent)
        if url is not None:
            return cls.open_url(url, key)
        server.refuse_if_moved(db_path.parent)
        holder = KeyHolder(key)
        engine = create_encrypted_engine(db_path, holder)
        try:
            ensure_schema(engine)
            return cls(engine, holder)
        except DBAPIError as exc:
            # The key was right (the connection verified it), so the pages are at fault.
            engine.dispose()
            holder.forget()
            raise damaged_database_error() from exc
        except BaseException:
            engine.dispose()
            holder.forget()
            raise

    @classmethod
    def open_url(cls, url: str, key: bytes) -> Database:
        """Open the office hub on a PostgreSQL server, migrating it if needed.

        ``key`` is the workstation vault's data key: the server holds no key of its own,
        it only seals the office identity's private keys (see :mod:`.server`).
        """
        holder = KeyHolder(key)
        engine = server.create_server_engine(url)
        server.register_key(engine, holder.key)
        try:
            with engine.connect() as conn:
                server.refuse_superuser(conn)
            ensure_schema(engine)
            return cls(engine, holder)
        except BaseException:
            engine.dispose()
            holder.forget()
            raise

    @property
    def on_server(self) -> bool:
        """Whether this is an office hub on a PostgreSQL server."""
        return self.engine.dialect.name != "sqlite"

    def close(self) -> None:
        """Close every connection and forget the key: nothing can reconnect afterwards."""
        self.engine.dispose()
        if self._key_holder is not None:
            self._key_holder.forget()
