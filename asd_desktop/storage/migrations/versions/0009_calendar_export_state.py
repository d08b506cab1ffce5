"""calendar export state (local) and the case list's next deadline from every dated item

The open steps get a covering partial index (replacing ``ix_steps_open_due``), so the
list of dates reads them without touching the table. The office calendar export
remembers per UID what it last wrote (hash, SEQUENCE, cancelled), so a newer export
updates events instead of duplicating them. The table is local: it never travels.
The case summaries are recomputed after the upgrade (storage.database.migrate, once the
schema is at head): the next deadline is now the earliest open item of any kind, not only
the newest contact's next step.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 04:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_export_state",
        sa.Column("uid", sa.String(length=120), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_calendar_export_state")),
    )
    with op.batch_alter_table("steps", schema=None) as batch_op:
        batch_op.drop_index("ix_steps_open_due")
        batch_op.create_index(
            "ix_steps_open",
            ["due_on", "case_id", "id", "done_on", "deleted", "actor", "actor_name", "text"],
            unique=False,
            sqlite_where=sa.text("done_on IS NULL AND deleted IS 0"),
        )


def downgrade() -> None:
    with op.batch_alter_table("steps", schema=None) as batch_op:
        batch_op.drop_index("ix_steps_open")
        batch_op.create_index("ix_steps_open_due", ["done_on", "due_on"], unique=False)
    op.drop_table("calendar_export_state")
