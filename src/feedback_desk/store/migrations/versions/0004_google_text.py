"""Google's texts without length limits: a reviewer name, a title or an id is stored whole.

Google sets no length on these fields; a reviewer name over 200 characters made every sync fail
on PostgreSQL (SQLite never enforced the lengths).

Revision ID: 0004_google_text
Revises: 0003_client_pages
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_google_text"
down_revision = "0003_client_pages"
branch_labels = None
depends_on = None

# (table, column, its former length, nullable)
_COLUMNS = (
    ("google_locations", "account_name", 120, False),
    ("google_locations", "location_name", 120, False),
    ("google_locations", "title", 300, False),
    ("google_locations", "place_id", 200, True),
    ("google_locations", "new_review_uri", 500, True),
    ("google_locations", "maps_uri", 500, True),
    ("google_reviews", "review_id", 200, False),
    ("google_reviews", "resource_name", 500, False),
    ("google_reviews", "reviewer_name", 200, True),
    ("google_reviews", "reviewer_photo_url", 1000, True),
    ("google_reviews", "reply_update_time", 40, True),
    ("google_reviews", "reply_state", 40, True),
    ("google_reviews", "reply_policy_violation", 60, True),
)


def _alter(to_text: bool) -> None:
    for table in ("google_locations", "google_reviews"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, column, length, nullable in _COLUMNS:
                if name != table:
                    continue
                old, new = sa.String(length=length), sa.Text()
                batch_op.alter_column(
                    column,
                    existing_type=old if to_text else new,
                    type_=new if to_text else old,
                    existing_nullable=nullable,
                )


def upgrade() -> None:
    _alter(to_text=True)


def downgrade() -> None:
    _alter(to_text=False)
