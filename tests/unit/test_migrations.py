from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from asd_desktop.models import Base


def _is_search_table(name: str) -> bool:
    """The FTS5 index and its shadow tables live outside the ORM models."""
    return name == "search_docs" or name == "case_search" or name.startswith("case_search_")


def test_migrations_produce_exactly_the_models_schema(opened):
    with opened.database.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        diffs = [
            d
            for d in compare_metadata(context, Base.metadata)
            if not (d[0] == "remove_table" and _is_search_table(d[1].name))
        ]
    assert diffs == []
