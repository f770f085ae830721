"""Email review requests, the inbox and the 0-10 question (docs/rules.md#email-review-requests).

New tables: review_requests, inbound_messages, inbox_processed, inbox_cursors. Reviews gain
``recommend`` (0-10, business reviews); actions may be opened by a client"s reply instead of a
review; action contacts may name the inbound message they were; outbox Message-IDs are indexed so
the inbox finds the email a reply answers.

Revision ID: 0002_inbox
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_inbox"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_cursors",
        sa.Column("folder", sa.String(length=300), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("folder", name=op.f("pk_inbox_cursors")),
    )
    op.create_table(
        "review_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=40), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("send_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("outbox_message_id", sa.Integer(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("prompt_id", sa.Integer(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("dedup_key", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_review_requests_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outbox_message_id"],
            ["outbox_messages.id"],
            name=op.f("fk_review_requests_outbox_message_id_outbox_messages"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["prompt_id"], ["prompts.id"], name=op.f("fk_review_requests_prompt_id_prompts")
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_requests_review_id_reviews"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_review_requests_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_requests")),
        sa.UniqueConstraint("dedup_key", name=op.f("uq_review_requests_dedup_key")),
        sa.UniqueConstraint("outbox_message_id", name=op.f("uq_review_requests_outbox_message_id")),
        sa.UniqueConstraint("token", name=op.f("uq_review_requests_token")),
    )
    with op.batch_alter_table("review_requests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_review_requests_client_queued", ["client_id", "queued_at"], unique=False
        )
        batch_op.create_index("ix_review_requests_state_sent", ["state", "sent_at"], unique=False)

    op.create_table(
        "inbound_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("from_address", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("about", sa.String(length=20), nullable=False),
        sa.Column("outbox_message_id", sa.Integer(), nullable=True),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("handled_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_inbound_messages_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outbox_message_id"],
            ["outbox_messages.id"],
            name=op.f("fk_inbound_messages_outbox_message_id_outbox_messages"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["review_requests.id"],
            name=op.f("fk_inbound_messages_request_id_review_requests"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_inbound_messages_review_id_reviews"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_messages")),
    )
    with op.batch_alter_table("inbound_messages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_inbound_client_received", ["client_id", "received_at"], unique=False
        )
        batch_op.create_index(
            "ix_inbound_handled_received", ["handled_at", "received_at"], unique=False
        )

    op.create_table(
        "inbox_processed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_key", sa.String(length=500), nullable=False),
        sa.Column("folder", sa.String(length=300), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.BigInteger(), nullable=False),
        sa.Column("processed_at", sa.DateTime(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("inbound_message_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inbound_message_id"],
            ["inbound_messages.id"],
            name=op.f("fk_inbox_processed_inbound_message_id_inbound_messages"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_inbox_processed_review_id_reviews"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_processed")),
        sa.UniqueConstraint("message_key", name=op.f("uq_inbox_processed_message_key")),
    )
    with op.batch_alter_table("action_contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("inbound_message_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_action_contacts_inbound_message_id_inbound_messages"),
            "inbound_messages",
            ["inbound_message_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("inbound_message_id", sa.Integer(), nullable=True))
        batch_op.alter_column("review_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.create_unique_constraint(
            batch_op.f("uq_actions_inbound_message_id"), ["inbound_message_id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_actions_inbound_message_id_inbound_messages"),
            "inbound_messages",
            ["inbound_message_id"],
            ["id"],
            ondelete="CASCADE",
        )

    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_message_id", ["message_id"], unique=False)

    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recommend", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_column("recommend")

    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_message_id")

    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_actions_inbound_message_id_inbound_messages"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("uq_actions_inbound_message_id"), type_="unique")
        batch_op.alter_column("review_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("inbound_message_id")

    with op.batch_alter_table("action_contacts", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_action_contacts_inbound_message_id_inbound_messages"), type_="foreignkey"
        )
        batch_op.drop_column("inbound_message_id")

    op.drop_table("inbox_processed")
    with op.batch_alter_table("inbound_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_inbound_handled_received")
        batch_op.drop_index("ix_inbound_client_received")

    op.drop_table("inbound_messages")
    with op.batch_alter_table("review_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_review_requests_state_sent")
        batch_op.drop_index("ix_review_requests_client_queued")

    op.drop_table("review_requests")
    op.drop_table("inbox_cursors")
