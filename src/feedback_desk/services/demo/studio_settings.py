"""The demo studio's settings, with when the manager set each one.

The staging reads the same snapshot the product will read from the store, so the rules it stages
(prompts, invitations, alerts) are the rules of these settings.
"""

from __future__ import annotations

from datetime import datetime

from feedback_desk.services.demo import studio_plan
from feedback_desk.services.demo.timeframe import DemoCalendar
from feedback_desk.services.settings import Settings


def settings_history(cal: DemoCalendar) -> list[tuple[str, str, datetime]]:
    """(key, value, when it was set), oldest first."""
    opened = cal.at(cal.first_day, cal.horizon.time())
    history = [
        ("studio.name", studio_plan.STUDIO_NAME, opened),
        ("studio.language", "fr", opened),
        ("studio.address", studio_plan.STUDIO_ADDRESS, opened),
        ("smtp.sender", studio_plan.SENDER_EMAIL, opened),
        ("google.review_link", studio_plan.REVIEW_LINK, cal.integration),
        # Links in the testimonial emails (the demo serves no page: web.enabled stays off).
        ("web.public_base_url", studio_plan.PAGES_BASE_URL, cal.pages_published),
        ("studio.manager_emails", studio_plan.MANAGER_EMAIL, cal.manager_email_set),
        # Email review requests after classes (answer pages at web.public_base_url).
        ("requests.email_enabled", "yes", cal.requests_start),
        # At most one request a fortnight: regulars come twice a week.
        ("requests.email_every_days", "14", cal.requests_start),
    ]
    return sorted(history, key=lambda setting: setting[2])


def final_settings(cal: DemoCalendar) -> Settings:
    """The settings as they stand on the last day (every other key at its default)."""
    return Settings({key: value for key, value, _at in settings_history(cal)})
