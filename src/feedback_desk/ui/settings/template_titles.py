"""The email templates' names in the interface language (the services name them in English, for
the log and the command line)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from feedback_desk.services.templates.catalogue import TemplateName

_CONTEXT = "TemplateTitles"
_TITLES = {
    TemplateName.INVITATION: QT_TRANSLATE_NOOP("TemplateTitles", "Google invitation"),
    TemplateName.ALERT: QT_TRANSLATE_NOOP("TemplateTitles", "At-risk alert (internal)"),
    TemplateName.REPLY_PROMOTER: QT_TRANSLATE_NOOP(
        "TemplateTitles", "Reply to a promoter (thanks, referral)"
    ),
    TemplateName.REPLY_PASSIVE: QT_TRANSLATE_NOOP("TemplateTitles", "Reply to a passive"),
    TemplateName.REPLY_DETRACTOR: QT_TRANSLATE_NOOP(
        "TemplateTitles", "Reply to a detractor (apology)"
    ),
    TemplateName.FOLLOW_UP: QT_TRANSLATE_NOOP("TemplateTitles", "Follow-up: what we changed"),
    TemplateName.OUTREACH: QT_TRANSLATE_NOOP("TemplateTitles", "Non-respondent outreach"),
    TemplateName.THANKS: QT_TRANSLATE_NOOP("TemplateTitles", "Thank-you to promoters"),
    TemplateName.GOOGLE_REPLY_PROMOTER: QT_TRANSLATE_NOOP(
        "TemplateTitles", "Email reply to a 5-star Google review"
    ),
    TemplateName.GOOGLE_REPLY_PASSIVE: QT_TRANSLATE_NOOP(
        "TemplateTitles", "Email reply to a 4-star Google review"
    ),
    TemplateName.GOOGLE_REPLY_DETRACTOR: QT_TRANSLATE_NOOP(
        "TemplateTitles", "Email reply to a Google review of 1-3 stars (apology)"
    ),
    TemplateName.REVIEW_REQUEST: QT_TRANSLATE_NOOP(
        "TemplateTitles", "Review request (a class or the studio, answered by email)"
    ),
    TemplateName.TESTIMONIAL_INVITATION: QT_TRANSLATE_NOOP(
        "TemplateTitles", "Testimonial invitation"
    ),
    TemplateName.TESTIMONIAL_CONFIRMATION: QT_TRANSLATE_NOOP(
        "TemplateTitles", "Testimonial confirmation (how to withdraw)"
    ),
    TemplateName.TESTIMONIAL_REFUSAL: QT_TRANSLATE_NOOP(
        "TemplateTitles", "Testimonial declined (internal)"
    ),
    TemplateName.INBOUND_REPLY: QT_TRANSLATE_NOOP(
        "TemplateTitles", "Answer to a client's email (Replies to read)"
    ),
}


def template_title(name: TemplateName) -> str:
    return QCoreApplication.translate(_CONTEXT, _TITLES[name])
