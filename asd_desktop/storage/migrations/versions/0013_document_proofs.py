"""verifiable documents and on-screen signatures

Documents get their version among the prints of one record, the signed proof in
their stamp, the short code a person types and the signing device. A device
without sync keeps its own document-signing key; signatures drawn on screen are
kept locally (they never travel).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 05:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("doc_version", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("proof", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("proof_code", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("signed_by", sa.String(length=36), nullable=True))
        batch_op.create_index("ix_documents_proof_code", ["proof_code"], unique=False)
    op.create_table(
        "document_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signing_private", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "document_signatures",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_document_id", sa.String(length=36), nullable=True),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("strokes", sa.JSON(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("input_kind", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("document_signatures", schema=None) as batch_op:
        batch_op.create_index("ix_document_signatures_document", ["document_id"], unique=False)


def downgrade() -> None:
    op.drop_table("document_signatures")
    op.drop_table("document_keys")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_proof_code")
        batch_op.drop_column("signed_by")
        batch_op.drop_column("proof_code")
        batch_op.drop_column("proof")
        batch_op.drop_column("doc_version")
