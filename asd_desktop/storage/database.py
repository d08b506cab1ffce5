"""The open encrypted database: engine, migrations on unlock, session factory with hooks."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.storage import replication, search
from asd_desktop.storage.engine import (
    KeyHolder,
    create_encrypted_engine,
    damaged_database_error,
)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; runs on every unlock."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
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
                command.upgrade(config, "head")
                if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise damaged_database_error()
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


class Database:
    """An unlocked database; ``session_factory().begin()`` gives a transaction."""

    def __init__(self, engine: Engine, key_holder: KeyHolder | None = None) -> None:
        self.engine = engine
        self._key_holder = key_holder
        self.session_factory: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)
        replication.install_hooks(self.session_factory)
        search.install_hooks(self.session_factory)
        with self.session_factory.begin() as session:
            self.device_id = replication.ensure_local_device(session).device_id

    @classmethod
    def open(cls, db_path: Path, key: bytes) -> Database:
        """Open (or create) the encrypted file, migrate it and return it ready for use."""
        holder = KeyHolder(key)
        engine = create_encrypted_engine(db_path, holder)
        try:
            migrate(engine)
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

    def close(self) -> None:
        """Close every connection and forget the key: nothing can reconnect afterwards."""
        self.engine.dispose()
        if self._key_holder is not None:
            self._key_holder.forget()
