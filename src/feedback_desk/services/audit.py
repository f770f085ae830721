"""The audit log: who changed what, when, with the old and new values."""

from __future__ import annotations

import getpass
import json
import os
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from feedback_desk.store.models import AuditEntry

STAFF_ENV = "FEEDBACK_DESK_STAFF"


def default_actor() -> str:
    """The staff member at this PC: ``FEEDBACK_DESK_STAFF``, else the OS user name."""
    named = os.environ.get(STAFF_ENV, "").strip()
    if named:
        return named[:100]
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError):
        return "staff"


def record(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str | int,
    **details: Any,
) -> AuditEntry:
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        details=json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
    )
    session.add(entry)
    return entry
