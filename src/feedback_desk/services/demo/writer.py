"""Writing a generated demo studio into a store: bulk inserts, one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import AspectOrigin, AspectStatus, Polarity, ReviewKind
from feedback_desk.domain.localtime import local_day
from feedback_desk.domain.text import fold
from feedback_desk.services.aspects import ensure_catalogue
from feedback_desk.services.demo import names, studio_plan
from feedback_desk.services.demo.builder import DemoData
from feedback_desk.services.demo.google_story import google_time
from feedback_desk.services.settings import set_setting
from feedback_desk.store.database import Store
from feedback_desk.store.models import (
    Action,
    ActionContact,
    Aspect,
    Attendance,
    AuditEntry,
    ClassSession,
    ClassType,
    Client,
    Coach,
    GoogleLink,
    GoogleLocation,
    GoogleReview,
    Invitation,
    OutboxMessage,
    Prompt,
    Review,
    ReviewAspect,
    ReviewEdit,
)

ACCOUNT_NAME = "accounts/104857600123456789012"
LOCATION_NAME = "locations/4820100012345678901"
_BATCH = 5000


def _bulk(session: Session, model: type[Any], rows: Sequence[dict[str, Any]]) -> None:
    """Core executemany on the model's table: one prepared statement per batch of rows."""
    if not rows:
        return
    connection = session.connection()
    table = model.__table__
    for start in range(0, len(rows), _BATCH):
        connection.execute(insert(table), list(rows[start : start + _BATCH]))


def _audit(
    at: datetime, actor: str, action: str, kind: str, ident: str, **details: Any
) -> dict[str, Any]:
    return {
        "at": at,
        "actor": actor,
        "action": action,
        "entity_type": kind,
        "entity_id": ident,
        "details": json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
    }


def _people(session: Session, data: DemoData) -> None:
    world = data.world
    by_id = {c.id: c for c in world.clients}
    _bulk(
        session,
        Client,
        [
            {
                "id": c.id,
                "external_id": c.external_id,
                "first_name": c.first_name,
                "last_name": c.last_name,
                "search_key": fold(f"{c.first_name} {c.last_name} {c.external_id}"),
                "email": c.email,
                "phone": c.phone,
                "language": c.language,
                "email_consent": c.email_consent,
                "unsubscribed_at": c.unsubscribed_at,
                "joined_on": c.joined_on,
                "google_reviewed_marked_at": c.google_marked_at,
                "google_reviewed_marked_by": names.STAFF[1] if c.google_marked_at else None,
                "created_at": c.created_at,
                "updated_at": max(
                    t for t in (c.created_at, c.unsubscribed_at, c.google_marked_at) if t
                ),
            }
            for c in by_id.values()
        ],
    )
    _bulk(
        session,
        Coach,
        [
            {
                "id": world.coach_ids[c.external_id],
                "external_id": c.external_id,
                "first_name": c.first_name,
                "last_name": c.last_name,
                "email": f"{fold(c.first_name).replace(' ', '')}@studio-elan.example",
            }
            for c in studio_plan.COACHES
        ],
    )
    _bulk(session, ClassType, [{"id": i, "name": n} for n, i in world.class_ids.items()])
    _bulk(
        session,
        ClassSession,
        [
            {
                "id": s.id,
                "external_id": s.external_id,
                "class_id": s.class_id,
                "coach_id": s.coach_id,
                "starts_at": s.starts_at,
                "duration_min": s.duration_min,
                "location": s.location,
            }
            for s in world.sessions
        ],
    )
    _bulk(
        session,
        Attendance,
        [
            {"session_id": a.session_id, "client_id": a.client_id, "present": a.present}
            for a in world.attendance
        ],
    )


def _aspect_ids(session: Session, data: DemoData) -> dict[str, int]:
    cal = data.calendar
    ensure_catalogue(session, at=cal.at(cal.first_day, cal.horizon.time()))
    session.flush()
    ids = {
        code: ident
        for code, ident in session.execute(select(Aspect.code, Aspect.id))
        if code is not None
    }
    first_use: dict[str, tuple[datetime, ReviewKind, int]] = {}
    for review in data.reviews:
        for key in review.aspects:
            if key.startswith("client:") and key not in first_use:
                first_use[key] = (review.created_at, review.kind, review.stars)
    for key, (at, kind, stars) in first_use.items():
        label = key.removeprefix("client:")
        aspect = Aspect(
            kind=kind,
            polarity=Polarity.EXCEL if stars >= 4 else Polarity.TO_IMPROVE,
            label_fr=label,
            label_en=label,
            key_fr=fold(label),
            key_en=fold(label),
            origin=AspectOrigin.CLIENT,
            status=AspectStatus.PENDING,
            created_at=at,
        )
        session.add(aspect)
        session.flush()
        ids[key] = aspect.id
    return ids


def _feedback(session: Session, data: DemoData, aspect_ids: dict[str, int]) -> None:
    tz = data.calendar.tz
    _bulk(
        session,
        Prompt,
        [
            {
                "id": p.id,
                "client_id": p.client_id,
                "kind": p.kind,
                "session_id": p.session_id,
                "shown_at": p.shown_at,
                "local_day": local_day(p.shown_at, tz),
                "outcome": p.outcome,
                "outcome_at": p.outcome_at,
                "channel": p.channel,
            }
            for p in data.prompts
        ],
    )
    _bulk(
        session,
        Review,
        [
            {
                "id": r.id,
                "external_id": r.external_id,
                "client_id": r.client_id,
                "kind": r.kind,
                "session_id": r.session_id,
                "stars": r.stars,
                "comment": r.comment,
                "channel": r.channel,
                "created_at": r.created_at,
                "local_day": local_day(r.created_at, tz),
                "prompt_id": r.prompt.id if r.prompt is not None else None,
                "edited_manually": bool(r.edits),
            }
            for r in data.reviews
        ],
    )
    _bulk(
        session,
        ReviewAspect,
        [
            {"review_id": r.id, "aspect_id": aspect_ids[key]}
            for r in data.reviews
            for key in dict.fromkeys(r.aspects)
        ],
    )
    _bulk(
        session,
        ReviewEdit,
        [
            {
                "review_id": r.id,
                "old_stars": e.old_stars,
                "new_stars": e.new_stars,
                "edited_by": e.edited_by,
                "edited_at": e.edited_at,
                "note": e.note,
            }
            for r in data.reviews
            for e in r.edits
        ],
    )


def _messages(data: DemoData) -> list[dict[str, Any]]:
    messages = [*data.alerts, *(i.message for i in data.invitations)]
    messages.sort(key=lambda m: (m.scheduled_at, m.kind, m.dedup_key))
    rows = []
    for index, m in enumerate(messages, start=1):
        m.id = index
        sent = m.sent_at
        rows.append(
            {
                "id": m.id,
                "kind": m.kind,
                "recipients": m.recipients,
                "subject": m.subject,
                "body_text": m.body_text,
                "body_html": None,
                "list_unsubscribe": m.list_unsubscribe,
                "client_id": m.client_id,
                "review_id": m.review.id if m.review is not None else None,
                "dedup_key": m.dedup_key,
                "state": m.state,
                "scheduled_at": m.scheduled_at,
                "next_attempt_at": m.scheduled_at,
                "attempts": m.attempts,
                "last_error": m.last_error,
                "message_id": f"<demo-{m.id}@studio-elan.example>" if sent else None,
                "claim_token": None,
                "claimed_at": None,
                "sent_at": sent,
                "created_at": m.created_at,
                "created_by": None,
            }
        )
    return rows


def _actions(session: Session, data: DemoData) -> None:
    action_rows = []
    contact_rows = []
    for index, action in enumerate(
        sorted(data.actions, key=lambda a: (a.opened_at, a.review.id)), start=1
    ):
        action_rows.append(
            {
                "id": index,
                "review_id": action.review.id,
                "opened_at": action.opened_at,
                "closed_at": action.closed_at,
                "closed_by": action.closed_by,
                "outcome": action.outcome,
                "note": action.note,
            }
        )
        contact_rows += [
            {
                "action_id": index,
                "contacted_at": c.contacted_at,
                "channel": c.channel,
                "note": c.note,
                "staff": c.staff,
                "outbox_message_id": None,
            }
            for c in action.contacts
        ]
    _bulk(session, Action, action_rows)
    _bulk(session, ActionContact, contact_rows)


def _google(session: Session, data: DemoData) -> None:
    cal = data.calendar
    session.execute(
        insert(GoogleLocation),
        [
            {
                "id": 1,
                "account_name": ACCOUNT_NAME,
                "location_name": LOCATION_NAME,
                "title": studio_plan.STUDIO_NAME,
                "place_id": studio_plan.PLACE_ID,
                "new_review_uri": studio_plan.REVIEW_LINK,
                "maps_uri": studio_plan.MAPS_LINK,
                "integrated_at": cal.integration,
                "selected": True,
                "last_sync_at": cal.horizon - timedelta(minutes=30),
            }
        ],
    )
    review_rows = []
    link_rows = []
    for index, g in enumerate(data.google_reviews, start=1):
        review_rows.append(
            {
                "id": index,
                "location_id": 1,
                "review_id": g.review_id,
                "resource_name": f"{ACCOUNT_NAME}/{LOCATION_NAME}/reviews/{g.review_id}",
                "reviewer_name": g.reviewer_name,
                "reviewer_photo_url": None,
                "anonymous": g.anonymous,
                "stars": g.stars,
                "comment": g.comment,
                "comment_original": g.comment_original,
                "create_time": google_time(g.created_at),
                "update_time": google_time(g.updated_at or g.created_at),
                "created_at": g.created_at,
                "updated_at": g.updated_at or g.created_at,
                "reply_comment": g.reply_comment,
                "reply_update_time": google_time(g.reply_at) if g.reply_at else None,
                "reply_state": g.reply_state,
                "reply_policy_violation": g.reply_policy_violation,
                "first_seen_at": g.first_seen_at,
                "last_seen_at": g.last_seen_at,
                "removed_at": g.removed_at,
            }
        )
        if g.client_id is not None and g.linked_at is not None:
            link_rows.append(
                {
                    "google_review_id": index,
                    "client_id": g.client_id,
                    "linked_by": g.linked_by or names.MANAGER,
                    "linked_at": g.linked_at,
                }
            )
    _bulk(session, GoogleReview, review_rows)
    _bulk(session, GoogleLink, link_rows)


def _invitations(session: Session, data: DemoData) -> None:
    _bulk(session, OutboxMessage, _messages(data))
    _bulk(
        session,
        Invitation,
        [
            {
                "client_id": i.client_id,
                "reason": "five_star_pair",
                "trigger_review_id": i.trigger.id,
                "trigger_session_id": None,
                "send_at": i.send_at,
                "queued_at": i.send_at,
                "outbox_message_id": i.message.id,
                "dedup_key": i.message.dedup_key,
            }
            for i in data.invitations
        ],
    )


def _settings(session: Session, data: DemoData) -> None:
    cal = data.calendar
    opened = cal.at(cal.first_day, cal.horizon.time())
    values: Iterable[tuple[str, str, datetime]] = (
        ("studio.name", studio_plan.STUDIO_NAME, opened),
        ("studio.language", "fr", opened),
        ("studio.address", studio_plan.STUDIO_ADDRESS, opened),
        ("smtp.sender", studio_plan.SENDER_EMAIL, opened),
        ("google.review_link", studio_plan.REVIEW_LINK, cal.integration),
        ("studio.manager_emails", studio_plan.MANAGER_EMAIL, cal.manager_email_set),
    )
    for key, value, at in values:
        set_setting(session, key, value, at=at, actor=names.MANAGER)


def _history_audit(data: DemoData) -> list[dict[str, Any]]:
    rows = []
    clients = {c.id: c for c in data.world.clients}
    for review in data.reviews:
        for edit in review.edits:
            rows.append(
                _audit(
                    edit.edited_at,
                    edit.edited_by,
                    "review.edited",
                    "review",
                    review.external_id,
                    old_stars=edit.old_stars,
                    new_stars=edit.new_stars,
                    note=edit.note,
                )
            )
    for action in data.actions:
        if action.closed_at is not None and action.outcome is not None:
            rows.append(
                _audit(
                    action.closed_at,
                    action.closed_by or names.MANAGER,
                    "action.closed",
                    "review",
                    action.review.external_id,
                    outcome=action.outcome.value,
                    note=action.note,
                )
            )
    for g in data.google_reviews:
        if g.client_id is not None and g.linked_at is not None:
            rows.append(
                _audit(
                    g.linked_at,
                    g.linked_by or names.MANAGER,
                    "google.linked",
                    "google_review",
                    g.review_id,
                    client=clients[g.client_id].external_id,
                )
            )
    for client_id in data.unsubscribed:
        client = clients[client_id]
        if client.unsubscribed_at is not None:
            rows.append(
                _audit(
                    client.unsubscribed_at,
                    names.STAFF[1],
                    "client.unsubscribed",
                    "client",
                    client.external_id,
                )
            )
    rows.sort(key=lambda r: (r["at"], r["action"], r["entity_id"]))
    return rows


Report = Callable[[str], None]


def write_store(store: Store, data: DemoData, report: Report | None = None) -> None:
    say = report or (lambda _message: None)
    with store.write() as session:
        say("Writing clients, timetable and attendance")
        _settings(session, data)
        _people(session, data)
        aspect_ids = _aspect_ids(session, data)
        say("Writing prompts and reviews")
        _feedback(session, data, aspect_ids)
        _actions(session, data)
        say("Writing Google reviews and the outbox")
        _google(session, data)
        _invitations(session, data)
        _bulk(session, AuditEntry, _history_audit(data))
