"""network maps (issue: Netzwerkkarte): maps, their entries, saved versions

Three new travelling tables; nothing existing changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 05:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _replicated() -> list[sa.Column[object]]:
    """The columns every travelling record carries."""
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version_vector", sa.JSON(), nullable=False),
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("origin_counter", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=19), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("unknown_fields", sa.JSON(), nullable=False),
    ]


def _travel_indexes(table: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(f"ix_{table}_dot", ["origin_device", "origin_counter"], unique=False)
        batch_op.create_index(
            f"ix_{table}_tombstones", ["id"], unique=False, sqlite_where=sa.text("deleted = 1")
        )


def upgrade() -> None:
    op.create_table(
        "network_maps",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("centre_person_id", sa.String(length=36), nullable=True),
        sa.Column("centre_name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        *_replicated(),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_network_maps_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["centre_person_id"],
            ["persons.id"],
            name=op.f("fk_network_maps_centre_person_id_persons"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_maps")),
    )
    with op.batch_alter_table("network_maps", schema=None) as batch_op:
        batch_op.create_index("ix_network_maps_case", ["case_id"], unique=False)
    _travel_indexes("network_maps")

    op.create_table(
        "network_entries",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("map_id", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("resource_id", sa.String(length=36), nullable=True),
        sa.Column("catalog_entry_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("sector", sa.String(length=20), nullable=False),
        sa.Column("horizon", sa.Integer(), nullable=False),
        sa.Column("spot", sa.Float(), nullable=True),
        sa.Column("supports", sa.JSON(), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_replicated(),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_network_entries_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["map_id"], ["network_maps.id"], name=op.f("fk_network_entries_map_id_network_maps")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_network_entries_person_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resources.id"],
            name=op.f("fk_network_entries_resource_id_resources"),
        ),
        sa.ForeignKeyConstraint(
            ["catalog_entry_id"],
            ["catalog_entries.id"],
            name=op.f("fk_network_entries_catalog_entry_id_catalog_entries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_entries")),
    )
    with op.batch_alter_table("network_entries", schema=None) as batch_op:
        batch_op.create_index("ix_network_entries_map", ["map_id"], unique=False)
    _travel_indexes("network_entries")

    op.create_table(
        "network_map_versions",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("map_id", sa.String(length=36), nullable=False),
        sa.Column("saved_on", sa.Date(), nullable=False),
        sa.Column("centre_name", sa.String(length=200), nullable=False),
        sa.Column("entries", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("review_kind", sa.String(length=30), nullable=False),
        sa.Column("review_ref", sa.String(length=36), nullable=False),
        sa.Column("review_label", sa.String(length=300), nullable=False),
        sa.Column("saved_by", sa.String(length=200), nullable=False),
        *_replicated(),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_network_map_versions_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["map_id"],
            ["network_maps.id"],
            name=op.f("fk_network_map_versions_map_id_network_maps"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_map_versions")),
    )
    with op.batch_alter_table("network_map_versions", schema=None) as batch_op:
        batch_op.create_index("ix_network_map_versions_map", ["map_id", "saved_on"], unique=False)
    _travel_indexes("network_map_versions")


def downgrade() -> None:
    op.drop_table("network_map_versions")
    op.drop_table("network_entries")
    op.drop_table("network_maps")
