"""Daily rollups of reviews and prompts, and the closed actions' next reviews with their daily
counts: kept by triggers, filled from the existing rows. The reviews' date indexes carry the
client and stars, so the satisfaction trends read them alone; prompts get an index by session.

Revision ID: 0005_rollups
Revises: 0004_google_text
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from feedback_desk.store.rollups import loop, recount, triggers
from feedback_desk.store.rollups.specs import ROLLUPS_0005

revision = "0005_rollups"
down_revision = "0004_google_text"
branch_labels = None
depends_on = None


def _rollup_table(
    name: str, dimensions: list[sa.Column[object]], count: str, *, period: str = "local_day"
) -> None:
    op.create_table(
        name,
        sa.Column(period, sa.Date(), nullable=False),
        *dimensions,
        sa.Column(count, sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            period, *(column.name for column in dimensions), name=op.f(f"pk_{name}")
        ),
        # Rows stored in key order: a period is one range read.
        sqlite_with_rowid=False,
    )


def _review_indexes(created: list[str], client_created: list[str]) -> None:
    for name, columns in (
        ("ix_reviews_created", created),
        ("ix_reviews_client_created", client_created),
    ):
        op.drop_index(name, table_name="reviews")
        op.create_index(name, "reviews", columns, unique=False)


def upgrade() -> None:
    _review_indexes(["created_at", "client_id", "stars"], ["client_id", "created_at", "stars"])
    # The triggers move a session's prompts when its coach or class changes.
    op.create_index("ix_prompts_session", "prompts", ["session_id"], unique=False)
    _rollup_table(
        "review_day_rollups",
        [
            sa.Column("kind", sa.String(length=20), nullable=False),
            sa.Column("stars", sa.Integer(), nullable=False),
            sa.Column("channel", sa.String(length=20), nullable=False),
            sa.Column("recommend", sa.Integer(), autoincrement=False, nullable=False),
        ],
        "reviews",
    )
    _rollup_table(
        "class_review_day_rollups",
        [
            sa.Column("coach_id", sa.Integer(), nullable=False),
            sa.Column("class_id", sa.Integer(), nullable=False),
            sa.Column("stars", sa.Integer(), nullable=False),
        ],
        "reviews",
    )
    _rollup_table(
        "class_review_month_rollups",
        [
            sa.Column("coach_id", sa.Integer(), nullable=False),
            sa.Column("class_id", sa.Integer(), nullable=False),
            sa.Column("stars", sa.Integer(), nullable=False),
        ],
        "reviews",
        period="month",
    )
    _rollup_table(
        "prompt_day_rollups",
        [
            sa.Column("kind", sa.String(length=20), nullable=False),
            sa.Column("outcome", sa.String(length=20), nullable=False),
            sa.Column("channel", sa.String(length=20), nullable=False),
        ],
        "prompts",
    )
    _rollup_table(
        "class_prompt_day_rollups",
        [
            sa.Column("coach_id", sa.Integer(), nullable=False),
            sa.Column("class_id", sa.Integer(), nullable=False),
            sa.Column("outcome", sa.String(length=20), nullable=False),
            sa.Column("channel", sa.String(length=20), nullable=False),
        ],
        "prompts",
    )
    op.create_table(
        "action_followups",
        sa.Column("action_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("next_review_id", sa.Integer(), nullable=True),
        sa.Column("next_review_at", sa.DateTime(), nullable=True),
        sa.Column("next_stars", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("action_id", name=op.f("pk_action_followups")),
    )
    with op.batch_alter_table("action_followups", schema=None) as batch_op:
        batch_op.create_index(
            "ix_action_followups_client_closed", ["client_id", "closed_at"], unique=False
        )
        batch_op.create_index("ix_action_followups_next_review", ["next_review_id"], unique=False)
        batch_op.create_index("ix_action_followups_closed", ["closed_at"], unique=False)
        batch_op.create_index("ix_action_followups_next_at", ["next_review_at"], unique=False)
    op.create_table(
        "loop_day_rollups",
        sa.Column("utc_day", sa.Date(), nullable=False),
        sa.Column("closed", sa.Integer(), nullable=False),
        sa.Column("followed", sa.Integer(), nullable=False),
        sa.Column("improved", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("utc_day", name=op.f("pk_loop_day_rollups")),
        sqlite_with_rowid=False,
    )
    connection = op.get_bind()
    triggers.install(connection, ROLLUPS_0005)
    loop.install(connection)
    recount.rebuild(connection, ROLLUPS_0005)
    loop.rebuild(connection)  # the triggers just installed count the days


def downgrade() -> None:
    op.drop_index("ix_prompts_session", table_name="prompts")
    _review_indexes(["created_at"], ["client_id", "created_at"])
    connection = op.get_bind()
    loop.drop(connection)
    triggers.drop(connection, ROLLUPS_0005)
    op.drop_table("loop_day_rollups")
    op.drop_table("action_followups")
    for name in (
        "class_prompt_day_rollups",
        "prompt_day_rollups",
        "class_review_month_rollups",
        "class_review_day_rollups",
        "review_day_rollups",
    ):
        op.drop_table(name)
