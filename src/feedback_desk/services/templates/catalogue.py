"""The templates a studio has, their shipped defaults, and the studio's own versions.

A template is a subject line and a plain-text body with ``{placeholders}``; the HTML alternative
is made from it. A studio's edits are settings rows ``templates.<name>.<language>.subject`` and
``.body``; resetting deletes them, so the shipped default (which may improve with a new version)
applies again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk import paths
from feedback_desk.domain.segments import Segment
from feedback_desk.services import audit
from feedback_desk.services.templates.render import TemplateError, TemplateProblem, parse
from feedback_desk.store.models import Setting

LANGUAGES = ("fr", "en")
KEY_PREFIX = "templates."


class TemplateName(StrEnum):
    INVITATION = "invitation"
    ALERT = "alert"
    REPLY_PROMOTER = "reply_promoter"
    REPLY_PASSIVE = "reply_passive"
    REPLY_DETRACTOR = "reply_detractor"
    FOLLOW_UP = "follow_up"
    OUTREACH = "outreach"
    THANKS = "thanks"
    # Emails to a linked client answering their Google review (not commercial: no referral ask).
    GOOGLE_REPLY_PROMOTER = "google_reply_promoter"
    GOOGLE_REPLY_PASSIVE = "google_reply_passive"
    GOOGLE_REPLY_DETRACTOR = "google_reply_detractor"
    # Asks a client about a class or the studio; a service message (no consent needed) that
    # still carries the unsubscribe line and header.
    REVIEW_REQUEST = "review_request"
    # Asks a client to recommend the studio (commercial: consent, identity and unsubscribe).
    TESTIMONIAL_INVITATION = "testimonial_invitation"
    # Confirms a client's testimonial and how to withdraw their consent (not commercial).
    TESTIMONIAL_CONFIRMATION = "testimonial_confirmation"
    # Tells the managers a client declined, with the reason (internal).
    TESTIMONIAL_REFUSAL = "testimonial_refusal"
    # Staff's answer to a client's email read from the inbox (a reply to one of ours).
    INBOUND_REPLY = "inbound_reply"

    @property
    def commercial(self) -> bool:
        """Commercial messages need consent and carry the studio's identity and an unsubscribe."""
        return self in _COMMERCIAL

    @property
    def carries_unsubscribe(self) -> bool:
        """Commercial messages and review requests carry the unsubscribe line and header."""
        return self.commercial or self is TemplateName.REVIEW_REQUEST

    @property
    def label(self) -> str:
        return _TITLES[self]


_COMMERCIAL = frozenset(
    {
        TemplateName.INVITATION,
        TemplateName.REPLY_PROMOTER,
        TemplateName.OUTREACH,
        TemplateName.THANKS,
        TemplateName.TESTIMONIAL_INVITATION,
    }
)

_TITLES = {
    TemplateName.INVITATION: "Google invitation",
    TemplateName.ALERT: "At-risk alert (internal)",
    TemplateName.REPLY_PROMOTER: "Reply to a promoter (thanks, referral)",
    TemplateName.REPLY_PASSIVE: "Reply to a passive",
    TemplateName.REPLY_DETRACTOR: "Reply to a detractor (apology)",
    TemplateName.FOLLOW_UP: "Follow-up: what we changed",
    TemplateName.OUTREACH: "Non-respondent outreach",
    TemplateName.THANKS: "Thank-you to promoters",
    TemplateName.GOOGLE_REPLY_PROMOTER: "Email reply to a 5-star Google review",
    TemplateName.GOOGLE_REPLY_PASSIVE: "Email reply to a 4-star Google review",
    TemplateName.GOOGLE_REPLY_DETRACTOR: "Email reply to a Google review of 1-3 stars (apology)",
    TemplateName.REVIEW_REQUEST: "Review request (a class or the studio, answered by email)",
    TemplateName.TESTIMONIAL_INVITATION: "Testimonial invitation",
    TemplateName.TESTIMONIAL_CONFIRMATION: "Testimonial confirmation (how to withdraw)",
    TemplateName.TESTIMONIAL_REFUSAL: "Testimonial declined (internal)",
    TemplateName.INBOUND_REPLY: "Answer to a client's email (Replies to read)",
}

REPLY_FOR_SEGMENT = {
    Segment.PROMOTER: TemplateName.REPLY_PROMOTER,
    Segment.PASSIVE: TemplateName.REPLY_PASSIVE,
    Segment.DETRACTOR: TemplateName.REPLY_DETRACTOR,
}

GOOGLE_REPLY_FOR_SEGMENT = {
    Segment.PROMOTER: TemplateName.GOOGLE_REPLY_PROMOTER,
    Segment.PASSIVE: TemplateName.GOOGLE_REPLY_PASSIVE,
    Segment.DETRACTOR: TemplateName.GOOGLE_REPLY_DETRACTOR,
}


@dataclass(frozen=True)
class Template:
    name: TemplateName
    language: str
    subject: str
    body: str
    customized: bool = False

    def check(self) -> None:
        """TemplateError when the subject or the body cannot be filled."""
        for part, text in (("subject", self.subject), ("body", self.body)):
            try:
                parse(text)
            except TemplateError as exc:
                raise exc.in_part(part) from None


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"templates exist in {' and '.join(LANGUAGES)}, not {language!r}")
    return language


@cache
def default_template(name: TemplateName, language: str) -> Template:
    """The shipped template: resources/templates/<language>/<name>.txt, "Subject: ..." first."""
    path = paths.resource_dir() / "templates" / _check_language(language) / f"{name.value}.txt"
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    head, _, body = text.partition("\n\n")
    if not head.startswith("Subject:"):
        raise RuntimeError(f"{path} must start with a 'Subject:' line")
    return Template(name, language, head.removeprefix("Subject:").strip(), body.strip() + "\n")


def _key(name: TemplateName, language: str, part: str) -> str:
    return f"{KEY_PREFIX}{name.value}.{language}.{part}"


def get_template(session: Session, name: TemplateName, language: str) -> Template:
    """The studio's version when it has one, else the shipped default."""
    default = default_template(name, language)
    rows = dict(
        session.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.in_([_key(name, language, "subject"), _key(name, language, "body")])
            )
        ).all()
    )
    if not rows:
        return default
    return Template(
        name,
        language,
        rows.get(_key(name, language, "subject"), default.subject),
        rows.get(_key(name, language, "body"), default.body),
        customized=True,
    )


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def save_template(
    session: Session,
    name: TemplateName,
    language: str,
    *,
    subject: str,
    body: str,
    at: datetime,
    actor: str,
) -> Template:
    """Store the studio's version after checking it; TemplateError says what is wrong."""
    template = Template(name, _check_language(language), subject.strip(), body, customized=True)
    template.check()
    if "\n" in template.subject or "\r" in template.subject:
        raise TemplateError("a subject is one line", TemplateProblem.SUBJECT_LINES, part="subject")
    _put(session, _key(name, language, "subject"), template.subject)
    _put(session, _key(name, language, "body"), template.body)
    audit.record(
        session,
        at=at,
        actor=actor,
        action="template.changed",
        entity_type="template",
        entity_id=f"{name.value}.{language}",
        subject=template.subject,
    )
    return template


def reset_template(
    session: Session, name: TemplateName, language: str, *, at: datetime, actor: str
) -> Template:
    for part in ("subject", "body"):
        row = session.get(Setting, _key(name, language, part))
        if row is not None:
            session.delete(row)
    audit.record(
        session,
        at=at,
        actor=actor,
        action="template.reset",
        entity_type="template",
        entity_id=f"{name.value}.{language}",
    )
    return default_template(name, language)
