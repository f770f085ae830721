"""Client pages: paired kiosk devices and their pairing codes.

Revision ID: 0003_client_pages
Revises: 0002_inbox
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_client_pages"
down_revision = "0002_inbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "paired_devices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("paired_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("user_agent", sa.String(length=200), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_paired_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_paired_devices_token_hash")),
    )
    op.create_table(
        "pairing_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("device_name", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["paired_devices.id"],
            name=op.f("fk_pairing_codes_device_id_paired_devices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_codes")),
    )
    with op.batch_alter_table("pairing_codes", schema=None) as batch_op:
        batch_op.create_index("ix_pairing_codes_code_hash", ["code_hash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pairing_codes", schema=None) as batch_op:
        batch_op.drop_index("ix_pairing_codes_code_hash")
    op.drop_table("pairing_codes")
    op.drop_table("paired_devices")
