"""Alembic environment: always runs on the connection the application hands over."""

from alembic import context

from asd_desktop.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run only through asd_desktop.storage.database.migrate")


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave the FTS5 search index (made by raw SQL, not by the models) to its migrations."""
    return not (
        type_ == "table" and name and (name == "search_docs" or name.startswith("case_search"))
    )


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
