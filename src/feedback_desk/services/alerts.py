"""The "client at risk" alert: one internal email per review of 3 stars or fewer.

Queued by the review-recording service the moment a kiosk, staff or ``answer`` review is
recorded (docs/rules.md#at-risk-alert). Imports are history and fire none; with no
manager address there is nobody to tell, so nothing is queued (Settings and send-outbox warn).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import Channel, MessageKind
from feedback_desk.domain.segments import is_at_risk
from feedback_desk.services.outbox.queue import Queued, queue_message
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import TemplateName, get_template
from feedback_desk.services.templates.fill import client_values, fill, review_values
from feedback_desk.store.models import Review

ALERTING_CHANNELS = frozenset(
    {Channel.KIOSK, Channel.STAFF, Channel.CLI, Channel.EMAIL, Channel.WEB}
)

NO_MANAGER_WARNING = (
    "studio.manager_emails is empty: no at-risk alert is queued for reviews of 3 stars or fewer "
    "(Settings → Email, or `feedback-desk config studio.manager_emails manager@example.com`)"
)


def alert_dedup_key(review: Review) -> str:
    return f"alert:review:{review.id}"


def alert_warnings(settings: Settings) -> list[str]:
    """What Settings and send-outbox say about the alert's configuration."""
    if settings.flag("alerts.at_risk_enabled") and not settings.emails("studio.manager_emails"):
        return [NO_MANAGER_WARNING]
    return []


def queue_at_risk_alert(
    session: Session, settings: Settings, review: Review, *, at: datetime
) -> Queued | None:
    """Queue the review's alert when the rules say so; None when no alert is due."""
    if review.channel not in ALERTING_CHANNELS or not is_at_risk(review.stars):
        return None
    if not settings.flag("alerts.at_risk_enabled"):
        return None
    managers = settings.emails("studio.manager_emails")
    if not managers:
        return None
    language = settings.language if settings.language in ("fr", "en") else "fr"
    values = client_values(review.client, settings) | review_values(review, settings, language)
    content = fill(
        get_template(session, TemplateName.ALERT, language),
        settings=settings,
        client=review.client,
        values=values,
    )
    return queue_message(
        session,
        kind=MessageKind.ALERT,
        recipients=managers,
        content=content,
        at=at,
        client=review.client,
        review=review,
        dedup_key=alert_dedup_key(review),
        actor="feedback-desk",
    )
