"""Daily rollups of reviews and prompts, kept by triggers, filled from the existing rows.

Revision ID: 0002_rollups
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from feedback_desk.store.rollups import recount, triggers
from feedback_desk.store.rollups.specs import ROLLUPS_0002

revision = "0002_rollups"
down_revision = "0001"
branch_labels = None
depends_on = None


def _day_table(name: str, dimensions: list[sa.Column[object]], count: str) -> None:
    op.create_table(
        name,
        sa.Column("local_day", sa.Date(), nullable=False),
        *dimensions,
        sa.Column(count, sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "local_day", *(column.name for column in dimensions), name=op.f(f"pk_{name}")
        ),
        # Rows stored in key order: a period is one range read.
        sqlite_with_rowid=False,
    )


def upgrade() -> None:
    _day_table(
        "review_day_rollups",
        [
            sa.Column("kind", sa.String(length=20), nullable=False),
            sa.Column("stars", sa.Integer(), nullable=False),
            sa.Column("channel", sa.String(length=20), nullable=False),
        ],
        "reviews",
    )
    _day_table(
        "class_review_day_rollups",
        [
            sa.Column("coach_id", sa.Integer(), nullable=False),
            sa.Column("class_id", sa.Integer(), nullable=False),
            sa.Column("stars", sa.Integer(), nullable=False),
        ],
        "reviews",
    )
    _day_table(
        "prompt_day_rollups",
        [
            sa.Column("kind", sa.String(length=20), nullable=False),
            sa.Column("outcome", sa.String(length=20), nullable=False),
            sa.Column("channel", sa.String(length=20), nullable=False),
        ],
        "prompts",
    )
    _day_table(
        "class_prompt_day_rollups",
        [
            sa.Column("coach_id", sa.Integer(), nullable=False),
            sa.Column("class_id", sa.Integer(), nullable=False),
            sa.Column("outcome", sa.String(length=20), nullable=False),
        ],
        "prompts",
    )
    connection = op.get_bind()
    recount.rebuild(connection, ROLLUPS_0002)
    triggers.install(connection, ROLLUPS_0002)


def downgrade() -> None:
    triggers.drop(op.get_bind(), ROLLUPS_0002)
    for name in (
        "class_prompt_day_rollups",
        "prompt_day_rollups",
        "class_review_day_rollups",
        "review_day_rollups",
    ):
        op.drop_table(name)
