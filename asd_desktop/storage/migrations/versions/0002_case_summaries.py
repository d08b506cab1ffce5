"""case summaries: the case list's area, last contact and next deadline per case

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 23:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Derived data only: filled from existing rows, creates no sync versions.
_BACKFILL = """
INSERT INTO case_summaries (case_id, area, last_contact, next_due)
SELECT c.id,
  (SELECT a.area FROM area_assignments a
    WHERE a.case_id = c.id AND NOT a.deleted
    ORDER BY a.decided_on DESC, a.hlc DESC LIMIT 1),
  (SELECT k.occurred_at FROM contacts k
    WHERE k.case_id = c.id AND NOT k.deleted
      AND NOT EXISTS (SELECT 1 FROM contacts l WHERE l.corrects_id = k.id)
    ORDER BY k.occurred_at DESC LIMIT 1),
  (SELECT k.next_step_due FROM contacts k
    WHERE k.case_id = c.id AND NOT k.deleted
      AND NOT EXISTS (SELECT 1 FROM contacts l WHERE l.corrects_id = k.id)
    ORDER BY k.occurred_at DESC LIMIT 1)
FROM cases c
"""


def upgrade() -> None:
    op.create_table(
        "case_summaries",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("area", sa.String(length=20), nullable=True),
        sa.Column("last_contact", sa.DateTime(), nullable=True),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_summaries")),
    )
    op.execute(_BACKFILL)


def downgrade() -> None:
    op.drop_table("case_summaries")
