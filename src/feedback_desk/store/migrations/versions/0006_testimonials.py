"""Testimonials (seed 000): invitations to recommend the studio and their answers, the qualities
voted for, and the history of every consent given or withdrawn.

New tables: testimonials, testimonial_qualities, testimonial_consents.

Revision ID: 0006_testimonials
Revises: 0005_rollups
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_testimonials"
down_revision = "0005_rollups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "testimonials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=40), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("invited_at", sa.DateTime(), nullable=False),
        sa.Column("invited_by", sa.String(length=100), nullable=False),
        sa.Column("outbox_message_id", sa.Integer(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("answered_where", sa.String(length=20), nullable=True),
        sa.Column("question_1", sa.Text(), nullable=True),
        sa.Column("question_2", sa.Text(), nullable=True),
        sa.Column("text_1", sa.Text(), nullable=True),
        sa.Column("text_2", sa.Text(), nullable=True),
        sa.Column("job_title", sa.String(length=100), nullable=True),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("has_photo", sa.Boolean(), nullable=False),
        sa.Column("full_name", sa.Boolean(), nullable=False),
        sa.Column("consent_name", sa.Boolean(), nullable=False),
        sa.Column("consent_photo", sa.Boolean(), nullable=False),
        sa.Column("consent_job_title", sa.Boolean(), nullable=False),
        sa.Column("refusal_reason", sa.String(length=20), nullable=True),
        sa.Column("refusal_text", sa.Text(), nullable=True),
        sa.Column("approval", sa.String(length=20), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("withdraw_token", sa.String(length=40), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_testimonials_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outbox_message_id"],
            ["outbox_messages.id"],
            name=op.f("fk_testimonials_outbox_message_id_outbox_messages"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_testimonials")),
        sa.UniqueConstraint("token", name=op.f("uq_testimonials_token")),
        sa.UniqueConstraint("withdraw_token", name=op.f("uq_testimonials_withdraw_token")),
    )
    with op.batch_alter_table("testimonials", schema=None) as batch_op:
        batch_op.create_index(
            "ix_testimonials_client_invited", ["client_id", "invited_at"], unique=False
        )
        batch_op.create_index("ix_testimonials_state_approval", ["state", "approval"], unique=False)

    op.create_table(
        "testimonial_consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("testimonial_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=20), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["testimonial_id"],
            ["testimonials.id"],
            name=op.f("fk_testimonial_consents_testimonial_id_testimonials"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_testimonial_consents")),
    )
    with op.batch_alter_table("testimonial_consents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_testimonial_consents_testimonial_id"), ["testimonial_id"], unique=False
        )

    op.create_table(
        "testimonial_qualities",
        sa.Column("testimonial_id", sa.Integer(), nullable=False),
        sa.Column("aspect_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["aspect_id"], ["aspects.id"], name=op.f("fk_testimonial_qualities_aspect_id_aspects")
        ),
        sa.ForeignKeyConstraint(
            ["testimonial_id"],
            ["testimonials.id"],
            name=op.f("fk_testimonial_qualities_testimonial_id_testimonials"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "testimonial_id", "aspect_id", name=op.f("pk_testimonial_qualities")
        ),
    )
    with op.batch_alter_table("testimonial_qualities", schema=None) as batch_op:
        batch_op.create_index(
            "ix_testimonial_qualities_aspect", ["aspect_id", "testimonial_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("testimonial_qualities", schema=None) as batch_op:
        batch_op.drop_index("ix_testimonial_qualities_aspect")
    op.drop_table("testimonial_qualities")
    with op.batch_alter_table("testimonial_consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_testimonial_consents_testimonial_id"))
    op.drop_table("testimonial_consents")
    with op.batch_alter_table("testimonials", schema=None) as batch_op:
        batch_op.drop_index("ix_testimonials_state_approval")
        batch_op.drop_index("ix_testimonials_client_invited")
    op.drop_table("testimonials")
