"""Writing a generated demo studio into a store: bulk inserts, one transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from feedback_desk.domain.google_reviews import reply_size
from feedback_desk.domain.kinds import AspectOrigin, AspectStatus, Channel, Polarity, ReviewKind
from feedback_desk.domain.localtime import local_day
from feedback_desk.domain.text import fold
from feedback_desk.services.aspects import ensure_catalogue
from feedback_desk.services.demo import names, studio_plan, texts
from feedback_desk.services.demo.builder import DemoData
from feedback_desk.services.demo.google_story import google_time
from feedback_desk.services.demo.outbox_history import write_outbox
from feedback_desk.services.demo.request_history import RequestWriter
from feedback_desk.services.demo.studio_settings import settings_history
from feedback_desk.services.demo.testimonial_history import testimonial_steps
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
    at: datetime, actor: str, action: str, entity_type: str, entity_id: str, **details: Any
) -> dict[str, Any]:
    """An audit row as services.audit.record writes it."""
    return {
        "at": at,
        "actor": actor,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
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
                # Corrected later when it was mistyped (see _later_changes).
                "email": c.email_at(c.created_at),
                "phone": c.phone,
                "language": c.language,
                "email_consent": c.email_consent,
                # Recorded once the outbox history is written (see _later_changes).
                "unsubscribed_at": None,
                "joined_on": c.joined_on,
                "google_reviewed_marked_at": c.google_marked_at,
                "google_reviewed_marked_by": names.STAFF[1] if c.google_marked_at else None,
                "created_at": c.created_at,
                "updated_at": c.created_at,
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
    polarity = {label: Polarity(p) for _kind, p, label in texts.CLIENT_ASPECTS}
    first_use: dict[str, tuple[datetime, ReviewKind]] = {}
    for review in sorted(data.reviews, key=lambda r: r.created_at):
        for key in review.aspects:
            if key.startswith("client:") and key not in first_use:
                first_use[key] = (review.created_at, review.kind)
    for key, (at, kind) in first_use.items():
        label = key.removeprefix("client:")
        # As the kiosk adds a client's own words (services/aspects.add_client_aspect).
        aspect = Aspect(
            kind=kind,
            polarity=polarity[label],
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


def _photo_url(review_id: str) -> str:
    token = hashlib.sha256(review_id.encode("ascii")).hexdigest()[:40]
    return f"https://lh3.googleusercontent.com/a-/ALV-Uj{token}=s120-c-rp-mo-br100"


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
                # Google sends a profile photo for every reviewer who is not anonymous.
                "reviewer_photo_url": None if g.anonymous else _photo_url(g.review_id),
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


def _settings(session: Session, data: DemoData) -> None:
    for key, value, at in settings_history(data.calendar):
        set_setting(session, key, value, at=at, actor=names.MANAGER)


def _later_changes(session: Session, data: DemoData) -> None:
    """What changed on clients after the messages they got (see outbox_history): unsubscribes
    and a mistyped address corrected."""
    rows = [
        {
            "id": c.id,
            "email": c.email,
            "unsubscribed_at": c.unsubscribed_at,
            # As the product dates them: an unsubscribe and an address change touch the client
            # record, staff's Google mark does not.
            "updated_at": max(t for t in (c.created_at, c.unsubscribed_at, c.email_fixed_at) if t),
        }
        for c in data.world.clients
        if c.unsubscribed_at or c.mistyped_email
    ]
    if rows:
        # ORM bulk UPDATE by primary key: one executemany.
        session.execute(update(Client), rows)


def _history_audit(data: DemoData) -> list[dict[str, Any]]:
    """What the audit log holds of the staff's work (settings are audited as they are set)."""
    cal = data.calendar
    rows = []
    clients = {c.id: c for c in data.world.clients}
    for review in data.reviews:
        for edit in review.edits:
            rows.append(
                _audit(
                    edit.edited_at,
                    edit.edited_by,
                    "review.stars_edited",
                    "review",
                    review.external_id,
                    old=edit.old_stars,
                    new=edit.new_stars,
                    note=edit.note,
                )
            )
        if review.channel is Channel.STAFF:
            rows.append(
                _audit(
                    review.created_at,
                    names.STAFF[1],
                    "review.staff_entry",
                    "review",
                    review.external_id,
                    client=clients[review.client_id].external_id,
                    kind=review.kind.value,
                    stars=review.original_stars,
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
                    previous_client=None,
                )
            )
        if g.reply_comment is not None and g.reply_at is not None and g.reply_at > cal.integration:
            rows.append(
                _audit(
                    g.reply_at,
                    names.MANAGER,
                    "google.replied",
                    "google_review",
                    g.review_id,
                    bytes=reply_size(g.reply_comment),
                    state="PENDING" if g.reply_state == "REJECTED" else g.reply_state,
                )
            )
    rows.append(
        _audit(
            cal.integration,
            names.MANAGER,
            "google.connected",
            "google_location",
            LOCATION_NAME,
            title=studio_plan.STUDIO_NAME,
            account=ACCOUNT_NAME,
            review_link=studio_plan.REVIEW_LINK,
        )
    )
    for client_id in data.marked:
        client = clients[client_id]
        rows.append(
            _audit(
                client.google_marked_at or cal.horizon,
                names.STAFF[1],
                "google.marked_reviewed",
                "client",
                client.external_id,
                previously_marked=False,
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
        say("Writing Google reviews, testimonials and the outbox")
        _google(session, data)
        requests = RequestWriter(session, data)
        write_outbox(session, data, [*testimonial_steps(session, data), *requests.steps()])
        requests.write_requests()
        _later_changes(session, data)
        _bulk(session, AuditEntry, _history_audit(data))
