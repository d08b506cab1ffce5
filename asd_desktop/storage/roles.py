"""PostgreSQL roles of an office hub: the schema owner migrates, workstations only work.

The owner (``asd-desktop --database-url <owner> …`` once per program update) creates and
changes tables. Each workstation signs in as an application role that may read and
write rows, and nothing else: no superuser, no DDL, no other database.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, text

from asd_desktop.models.errors import AsdError
from asd_desktop.storage.database import ensure_schema
from asd_desktop.storage.server import refuse_superuser

_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def grant_application_role(engine: Engine, role: str) -> None:
    """As the schema owner: let ``role`` read and write every table, now and after updates."""
    if not _ROLE_NAME.match(role):
        raise AsdError(
            f"»{role}« ist kein gültiger Rollenname. Bitte Kleinbuchstaben, Ziffern und _ "
            "verwenden, z. B. asd_arbeitsplatz."
        )
    ensure_schema(engine)
    with engine.begin() as conn:
        refuse_superuser(conn)
        found = conn.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = :r"), {"r": role}
        ).first()
        if found is None:
            raise AsdError(
                f"Die Rolle »{role}« gibt es auf dem Server nicht. Bitte zuerst anlegen: "
                f"createuser --no-superuser --no-createdb --no-createrole --pwprompt {role}"
            )
        if found[0]:
            raise AsdError(
                f"»{role}« ist ein Superuser; eine Anwendungsrolle darf das nicht sein. Bitte "
                "eine Rolle ohne Sonderrechte anlegen."
            )
        owner = conn.execute(text("SELECT current_user")).scalar_one()
        if owner == role:
            raise AsdError(
                f"»{role}« ist der Eigentümer des Schemas. Die Arbeitsplätze melden sich mit "
                "einer eigenen Rolle an; bitte eine andere angeben."
            )
        database = conn.execute(text("SELECT current_database()")).scalar_one()
        for statement in (
            f'GRANT CONNECT ON DATABASE "{database}" TO {role}',
            f"GRANT USAGE ON SCHEMA current_schema TO {role}",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA current_schema "
            f"TO {role}",
            f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA current_schema TO {role}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA current_schema "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA current_schema "
            f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {role}",
        ):
            schema = conn.execute(text("SELECT current_schema()")).scalar_one()
            conn.execute(text(statement.replace("current_schema", f'"{schema}"')))
