"""data protection lifecycle (issue: retention, access, entrusted data)

Retention: a legal hold on the case (travels with it); the office's deletion requests
waiting for a second person (local); purged cases on every device (content-free, they
refuse every row of a deleted case forever) and the office's purge orders per laptop
until the laptop confirms. Access requests (Art. 15 GDPR) and consents to pass on
entrusted items (§ 65 SGB VIII) belong to a case and travel with it; contacts and
documents say who entrusted them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 05:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _replicated_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version_vector", sa.JSON(), nullable=False),
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("origin_counter", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=19), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("unknown_fields", sa.JSON(), nullable=False),
    ]


def _replicated_indexes(table: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(f"ix_{table}_dot", ["origin_device", "origin_counter"], unique=False)
        batch_op.create_index(
            f"ix_{table}_tombstones", ["id"], unique=False, sqlite_where=sa.text("deleted = 1")
        )


def upgrade() -> None:
    _retention_and_entrusted()
    _moderator_view()


def _retention_and_entrusted() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("legal_hold_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("legal_hold_by", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("legal_hold_since", sa.Date(), nullable=True))
    for table in ("contacts", "documents"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("entrusted_by", sa.String(length=200), nullable=False, server_default="")
            )
    op.create_table(
        "purged_cases",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("purged_at", sa.DateTime(), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_purged_cases")),
    )
    op.create_table(
        "sync_purge_orders",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("ordered_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("case_id", "device_id", name=op.f("pk_sync_purge_orders")),
    )
    op.create_table(
        "deletion_requests",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_deletion_requests")),
    )
    op.create_table(
        "access_requests",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("answered_by", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("withheld", sa.JSON(), nullable=False),
        *_replicated_columns(),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_access_requests_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_access_requests_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_requests")),
    )
    with op.batch_alter_table("access_requests", schema=None) as batch_op:
        batch_op.create_index("ix_access_requests_case", ["case_id"], unique=False)
    _replicated_indexes("access_requests")
    op.create_table(
        "entrusted_consents",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("record_table", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("given_by", sa.String(length=200), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("covers", sa.JSON(), nullable=False),
        *_replicated_columns(),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_entrusted_consents_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entrusted_consents")),
    )
    with op.batch_alter_table("entrusted_consents", schema=None) as batch_op:
        batch_op.create_index(
            "ix_entrusted_consents_record", ["record_table", "record_id"], unique=False
        )
    _replicated_indexes("entrusted_consents")


def _moderator_view() -> None:
    """The office's device registry: what a device receives ("" whole cases, "familienrat")."""
    with op.batch_alter_table("sync_devices", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("scope", sa.String(length=20), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_devices", schema=None) as batch_op:
        batch_op.drop_column("scope")
    op.drop_table("entrusted_consents")
    op.drop_table("access_requests")
    op.drop_table("deletion_requests")
    op.drop_table("sync_purge_orders")
    op.drop_table("purged_cases")
    for table in ("documents", "contacts"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("entrusted_by")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("legal_hold_since")
        batch_op.drop_column("legal_hold_by")
        batch_op.drop_column("legal_hold_reason")
