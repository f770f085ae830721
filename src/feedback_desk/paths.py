"""Where Feedback Desk keeps its files.

``FEEDBACK_DESK_DATA_DIR`` overrides the user's data folder (tests point it at a temp dir).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Feedback Desk"
APP_AUTHOR = "FeedbackDesk"
DATA_DIR_ENV = "FEEDBACK_DESK_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_store_path() -> Path:
    return data_dir() / "feedback-desk.sqlite"


def demo_store_path() -> Path:
    return data_dir() / "demo-studio.sqlite"


def resource_dir() -> Path:
    """Shipped data: in the package once installed, else the checkout's ``resources/``."""
    packaged = Path(__file__).parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"
