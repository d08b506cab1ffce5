"""open steps as records (Wiedervorlage), done fields, the letters' salutation

Every stored next step of a contact that was not corrected becomes a step record; its id
is derived from the contact's id, so two machines that migrate the same contact make the
same record (equal versions merge without a conflict). The contacts keep their
``next_step`` text as it was written.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 03:05:00
"""

import json
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Namespace of the step ids made from contacts (uuid5 of the contact id).
_STEP_NAMESPACE = uuid.UUID("6f1e4c1e-9a51-4c0e-8a4b-3d5f0c2b7a10")


def upgrade() -> None:
    op.create_table(
        "steps",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=20), nullable=False),
        sa.Column("actor_name", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version_vector", sa.JSON(), nullable=False),
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("origin_counter", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=19), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("unknown_fields", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_steps_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_steps_contact_id_contacts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_steps")),
    )
    with op.batch_alter_table("steps", schema=None) as batch_op:
        batch_op.create_index("ix_steps_case", ["case_id"], unique=False)
        batch_op.create_index("ix_steps_contact", ["contact_id"], unique=False)
        batch_op.create_index("ix_steps_open_due", ["done_on", "due_on"], unique=False)
        batch_op.create_index("ix_steps_dot", ["origin_device", "origin_counter"], unique=False)
        batch_op.create_index(
            "ix_steps_tombstones", ["id"], unique=False, sqlite_where=sa.text("deleted = 1")
        )
    for table in ("first_steps", "council_agreements"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("done_on", sa.Date(), nullable=True))
            batch_op.add_column(
                sa.Column("done_by", sa.String(length=200), nullable=False, server_default="")
            )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("salutation", sa.String(length=10), nullable=False, server_default="")
        )
    _steps_from_contacts()


def _steps_from_contacts() -> None:
    conn = op.get_bind()
    device = conn.execute(sa.text("SELECT device_id, counter FROM local_device WHERE id = 1"))
    row = device.first()
    if row is None:  # a database being created: no contacts yet
        return
    device_id, counter = str(row[0]), int(row[1])
    contacts = conn.execute(
        sa.text(
            "SELECT c.id, c.case_id, c.next_step, c.next_step_due, c.hlc FROM contacts c "
            "WHERE c.deleted = 0 AND TRIM(c.next_step) != '' AND NOT EXISTS ("
            "  SELECT 1 FROM contacts n WHERE n.corrects_id = c.id AND n.deleted = 0)"
            " ORDER BY c.id"
        )
    ).all()
    rows = []
    for contact_id, case_id, text, due, hlc in contacts:
        counter += 1
        rows.append(
            {
                "id": str(uuid.uuid5(_STEP_NAMESPACE, contact_id)),
                "case_id": case_id,
                "contact_id": contact_id,
                "text": text,
                "actor": "fachkraft",
                "actor_name": "",
                "due_on": due,
                "done_on": None,
                "done_by": "",
                "version_vector": json.dumps({device_id: counter}),
                "origin_device": device_id,
                "origin_counter": counter,
                # The contact's own clock: the same on every machine that migrates it.
                "hlc": hlc,
                "deleted": False,
                "unknown_fields": "{}",
            }
        )
    if rows:
        conn.execute(
            sa.text(
                "INSERT INTO steps (id, case_id, contact_id, text, actor, actor_name, due_on, "
                "done_on, done_by, version_vector, origin_device, origin_counter, hlc, deleted, "
                "unknown_fields) VALUES (:id, :case_id, :contact_id, :text, :actor, :actor_name, "
                ":due_on, :done_on, :done_by, :version_vector, :origin_device, :origin_counter, "
                ":hlc, :deleted, :unknown_fields)"
            ),
            rows,
        )
        conn.execute(sa.text("UPDATE local_device SET counter = :c WHERE id = 1"), {"c": counter})


def downgrade() -> None:
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_column("salutation")
    for table in ("council_agreements", "first_steps"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("done_by")
            batch_op.drop_column("done_on")
    op.drop_table("steps")
