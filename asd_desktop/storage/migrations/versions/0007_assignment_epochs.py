"""assignment epochs, instructions applied on a laptop, resend requests

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_assignments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("epoch", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("sync_withdrawn", schema=None) as batch_op:
        batch_op.add_column(sa.Column("epoch", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "sync_case_instructions",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("held", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_sync_case_instructions")),
    )
    op.create_table(
        "sync_resend_requests",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_sync_resend_requests")),
    )
    # Existing assignments: the assign instruction's epoch is its counter. A pending
    # withdrawal gets a fresh office counter, newer than every assignment sent before.
    op.execute("UPDATE sync_assignments SET epoch = assigned_at_counter")
    op.execute(
        "UPDATE local_device SET counter = counter + 1 "
        "WHERE EXISTS (SELECT 1 FROM sync_assignments WHERE state = 'withdrawing')"
    )
    op.execute(
        "UPDATE sync_assignments SET epoch = (SELECT counter FROM local_device WHERE id = 1) "
        "WHERE state = 'withdrawing'"
    )


def downgrade() -> None:
    op.drop_table("sync_resend_requests")
    op.drop_table("sync_case_instructions")
    with op.batch_alter_table("sync_withdrawn", schema=None) as batch_op:
        batch_op.drop_column("epoch")
    with op.batch_alter_table("sync_assignments", schema=None) as batch_op:
        batch_op.drop_column("epoch")
