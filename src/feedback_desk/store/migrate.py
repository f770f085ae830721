"""Bring a store to the latest schema on open; an empty store is created by the migrations.

Alembic is imported only when a migration has to run, so opening an up-to-date store stays fast.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from feedback_desk.errors import StoreError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# The newest migration's revision id; tests check that it is Alembic's head.
HEAD_REVISION = "0003_prompt_channels"

# Every revision this version knows, oldest first.
KNOWN_REVISIONS = ("0001", "0002_inbox", "0003_prompt_channels")


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


def alembic_config(connection: Connection) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run the migrations up to *revision* (tests use this to build older stores)."""
    from alembic import command
    from alembic.config import Config

    with engine.begin() as connection:
        config = alembic_config(connection)
        assert isinstance(config, Config)
        command.upgrade(config, revision)


def upgrade_to_head(engine: Engine) -> None:
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise StoreError(
            f"this store was made by a newer version of Feedback Desk (schema {revision}); "
            "update Feedback Desk to open it"
        )
    upgrade_to(engine, "head")
