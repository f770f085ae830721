"""The prompts' day index also holds the channel, so that the response rate by channel (the
Overview, the Business and Class tabs, ``stats``) is read from the index alone, as the response
rate by day already was.

Revision ID: 0003_prompt_channels
Revises: 0002_inbox
"""

from __future__ import annotations

from alembic import op

revision = "0003_prompt_channels"
down_revision = "0002_inbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_prompts_day_channel_outcome",
        "prompts",
        ["local_day", "kind", "channel", "outcome"],
        unique=False,
    )
    # The new index starts with the same columns and holds the outcome too: it serves every
    # query the old one did.
    op.drop_index("ix_prompts_day_outcome", table_name="prompts")


def downgrade() -> None:
    op.create_index(
        "ix_prompts_day_outcome", "prompts", ["local_day", "kind", "outcome"], unique=False
    )
    op.drop_index("ix_prompts_day_channel_outcome", table_name="prompts")
