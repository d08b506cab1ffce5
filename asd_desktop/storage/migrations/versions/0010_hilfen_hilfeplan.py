"""hilfen and hilfeplan: kinds of help, helps, Hilfeplangespräche; cases' team and district

``help_kinds`` is seeded with the law's kinds (domain.hilfen.DEFAULT_HELP_KINDS, copied
here so the migration never changes when the domain does). The seeded rows have ids
derived from their codes and no version: every machine makes the same rows, so they
never travel; an office's change to one gives it a version that travels as usual.

Cases get three nullable names: team, sozialraum, district (the Wirkungsbericht groups
cases by them).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 05:15:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Namespace of the seeded kinds' ids (uuid5 of the code).
_KIND_NAMESPACE = uuid.UUID("1c0b7f3e-5d2a-4e8b-9a61-7c4d2e0f8b35")

_KINDS = (
    ("beratung", "Beratung", "§ 16, § 28", "beratung"),
    ("sha", "Sozialräumliche Hilfe/Angebot (SHA)", "", "sozialraum"),
    ("alternative", "Alternative Einzelfallhilfe", "", "sozialraum"),
    ("familienrat", "Familienrat", "", "sozialraum"),
    ("sgb8_29", "Soziale Gruppenarbeit", "§ 29", "ambulant"),
    ("sgb8_30", "Erziehungsbeistand", "§ 30", "ambulant"),
    ("sgb8_31", "Sozialpädagogische Familienhilfe", "§ 31", "ambulant"),
    ("sgb8_32", "Tagesgruppe", "§ 32", "teilstationaer"),
    ("sgb8_33", "Vollzeitpflege", "§ 33", "stationaer"),
    ("sgb8_34", "Heimerziehung", "§ 34", "stationaer"),
    ("sgb8_35", "Intensive sozialpädagogische Einzelbetreuung", "§ 35", "ambulant"),
    ("sgb8_35a", "Eingliederungshilfe", "§ 35a", "ambulant"),
    ("sgb8_41", "Hilfe für junge Volljährige", "§ 41", "stationaer"),
)


def _replicated() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version_vector", sa.JSON(), nullable=False),
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("origin_counter", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=19), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("unknown_fields", sa.JSON(), nullable=False),
    ]


def _bookkeeping_indexes(table: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(f"ix_{table}_dot", ["origin_device", "origin_counter"], unique=False)
        batch_op.create_index(
            f"ix_{table}_tombstones", ["id"], unique=False, sqlite_where=sa.text("deleted = 1")
        )


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    op.create_table(
        "help_kinds",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("paragraph", sa.String(length=40), nullable=False),
        sa.Column("group", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_replicated(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_kinds")),
    )
    with op.batch_alter_table("help_kinds", schema=None) as batch_op:
        batch_op.create_index("ix_help_kinds_code", ["code"], unique=False)
    _bookkeeping_indexes("help_kinds")

    op.create_table(
        "hilfen",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("provider", sa.String(length=300), nullable=False),
        sa.Column("catalog_entry_id", sa.String(length=36), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("planned_end_on", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=30), nullable=False),
        sa.Column("minutes_per_week", sa.Integer(), nullable=True),
        sa.Column("hourly_rate_cents", sa.Integer(), nullable=True),
        sa.Column("monthly_cost_cents", sa.Integer(), nullable=True),
        sa.Column("consultation_id", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_replicated(),
        _fk("hilfen", "case_id", "cases"),
        _fk("hilfen", "catalog_entry_id", "catalog_entries"),
        _fk("hilfen", "consultation_id", "consultations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hilfen")),
    )
    with op.batch_alter_table("hilfen", schema=None) as batch_op:
        batch_op.create_index("ix_hilfen_case", ["case_id", "start_on"], unique=False)
        batch_op.create_index("ix_hilfen_kind_period", ["kind", "start_on", "end_on"], unique=False)
        batch_op.create_index("ix_hilfen_consultation", ["consultation_id"], unique=False)
    _bookkeeping_indexes("hilfen")

    op.create_table(
        "hilfeplan_meetings",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("hilfe_id", sa.String(length=36), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("caseworker", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("young_person_name", sa.String(length=200), nullable=False),
        sa.Column("young_person_words", sa.Text(), nullable=False),
        sa.Column("agreed_help_scope", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_on", sa.Date(), nullable=True),
        sa.Column("previous_id", sa.String(length=36), nullable=True),
        *_replicated(),
        _fk("hilfeplan_meetings", "case_id", "cases"),
        _fk("hilfeplan_meetings", "hilfe_id", "hilfen"),
        _fk("hilfeplan_meetings", "previous_id", "hilfeplan_meetings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hilfeplan_meetings")),
    )
    with op.batch_alter_table("hilfeplan_meetings", schema=None) as batch_op:
        batch_op.create_index("ix_hilfeplan_meetings_case", ["case_id", "held_on"], unique=False)
        batch_op.create_index("ix_hilfeplan_meetings_previous", ["previous_id"], unique=False)
        batch_op.create_index("ix_hilfeplan_meetings_next", ["next_on"], unique=False)
    _bookkeeping_indexes("hilfeplan_meetings")

    op.create_table(
        "hilfeplan_goals",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_replicated(),
        _fk("hilfeplan_goals", "case_id", "cases"),
        _fk("hilfeplan_goals", "meeting_id", "hilfeplan_meetings"),
        _fk("hilfeplan_goals", "goal_id", "action_goals"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hilfeplan_goals")),
    )
    with op.batch_alter_table("hilfeplan_goals", schema=None) as batch_op:
        batch_op.create_index("ix_hilfeplan_goals_meeting", ["meeting_id"], unique=False)
        batch_op.create_index("ix_hilfeplan_goals_goal", ["goal_id"], unique=False)
    _bookkeeping_indexes("hilfeplan_goals")

    op.create_table(
        "hilfeplan_tasks",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_by", sa.String(length=200), nullable=False),
        *_replicated(),
        _fk("hilfeplan_tasks", "case_id", "cases"),
        _fk("hilfeplan_tasks", "meeting_id", "hilfeplan_meetings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hilfeplan_tasks")),
    )
    with op.batch_alter_table("hilfeplan_tasks", schema=None) as batch_op:
        batch_op.create_index("ix_hilfeplan_tasks_meeting", ["meeting_id"], unique=False)
        batch_op.create_index("ix_hilfeplan_tasks_open_due", ["done_on", "due_on"], unique=False)
    _bookkeeping_indexes("hilfeplan_tasks")

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("sozialraum", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("district", sa.String(length=200), nullable=True))

    _seed_kinds()


def _seed_kinds() -> None:
    kinds = sa.table(
        "help_kinds",
        sa.column("id", sa.String()),
        sa.column("code", sa.String()),
        sa.column("label", sa.String()),
        sa.column("paragraph", sa.String()),
        sa.column("group", sa.String()),
        sa.column("position", sa.Integer()),
        sa.column("active", sa.Boolean()),
        sa.column("version_vector", sa.JSON()),
        sa.column("origin_device", sa.String()),
        sa.column("origin_counter", sa.Integer()),
        sa.column("hlc", sa.String()),
        sa.column("deleted", sa.Boolean()),
        sa.column("unknown_fields", sa.JSON()),
    )
    op.bulk_insert(
        kinds,
        [
            {
                "id": str(uuid.uuid5(_KIND_NAMESPACE, code)),
                "code": code,
                "label": label,
                "paragraph": paragraph,
                "group": group,
                "position": position * 10,
                "active": True,
                "version_vector": {},
                "origin_device": "",
                "origin_counter": 0,
                "hlc": "",
                "deleted": False,
                "unknown_fields": {},
            }
            for position, (code, label, paragraph, group) in enumerate(_KINDS)
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("district")
        batch_op.drop_column("sozialraum")
        batch_op.drop_column("team")
    for table in ("hilfeplan_tasks", "hilfeplan_goals", "hilfeplan_meetings", "hilfen"):
        op.drop_table(table)
    op.drop_table("help_kinds")
