"""The review request email: the question in the client's language and the five answer links.

Without ``web.public_base_url`` each link is a ``mailto:`` to the studio's answer address
(``requests.reply_to``, else ``smtp.sender``) whose subject holds the token and ends with the
stars (``Review 7Kq2x9LmPq0sVbN3cTw4Zy 4 ★``); with it, each opens the request's answer page
(``{web.public_base_url}/a/{token}?stars=N``).
"""

from __future__ import annotations

import html
import secrets
import string
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.localtime import local_day, to_local
from feedback_desk.errors import UserInputError
from feedback_desk.services.prompting.describe import SessionSummary, business_question
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import Template, TemplateName, get_template
from feedback_desk.services.templates.fill import EmailContent, client_values, fill, format_day
from feedback_desk.store.models import Client
from feedback_desk.wording import Wording

_ALPHABET = string.digits + string.ascii_uppercase + string.ascii_lowercase
TOKEN_CHARS = 22  # 62**22 > 2**128: every 128-bit number fits
STAR = "★"
SUBJECT_WORD = {"fr": "Avis", "en": "Review"}

_WEEKDAYS = {
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
_TODAY = {"fr": "aujourd'hui", "en": "today"}
_YESTERDAY = {"fr": "hier", "en": "yesterday"}
_CLASS_QUESTION = {
    "fr": "Comment s'est passé votre cours {class_name} avec {coach} {day} ?",
    "en": "How was {class_name} with {coach} {day}?",
}
_PICK = {
    "mailto": {
        "fr": "Combien d'étoiles ? Un clic ouvre un courriel prêt à envoyer :",
        "en": "How many stars? One click opens an email ready to send:",
    },
    "page": {
        "fr": "Combien d'étoiles ? Un clic ouvre la page de réponse :",
        "en": "How many stars? One click opens the answer page:",
    },
}
_STARS_WORD = {"fr": ("étoile", "étoiles"), "en": ("star", "stars")}


def new_token() -> str:
    """128 random bits as 22 letters and digits: safe in a subject, a URL and a file name."""
    return token_of(secrets.randbits(128))


def token_of(number: int) -> str:
    """*number* (128 bits) as a token's 22 letters and digits."""
    chars = []
    for _ in range(TOKEN_CHARS):
        number, index = divmod(number, len(_ALPHABET))
        chars.append(_ALPHABET[index])
    return "".join(reversed(chars))


def _day_words(session_day: date, sent_day: date, language: str) -> str:
    if session_day == sent_day:
        return _TODAY[language]
    if (sent_day - session_day).days == 1:
        return _YESTERDAY[language]
    if (sent_day - session_day).days < 7:
        weekday = _WEEKDAYS[language][session_day.weekday()]
        return weekday if language == "fr" else f"on {weekday}"
    return (
        f"le {format_day(session_day, language)}"
        if language == "fr"
        else (f"on {format_day(session_day, language)}")
    )


def question(
    settings: Settings, language: str, summary: SessionSummary | None, sent_at: datetime
) -> str:
    """ "How was Spin 45 with Julie on Friday?", or the studio's business question."""
    if summary is None:
        return business_question(settings, language)
    tz = settings.timezone
    day = _day_words(to_local(summary.starts_at, tz).date(), local_day(sent_at, tz), language)
    return _CLASS_QUESTION[language].format(
        class_name=summary.class_name, coach=summary.coach_first_name, day=day
    )


class NoAnswerAddress(UserInputError):
    """Neither ``requests.reply_to`` nor ``smtp.sender`` is set: answer links have nowhere to
    write to. Its own class so that the window can say it in its language."""

    def __init__(self) -> None:
        super().__init__(
            Wording(
                "review requests need an address to answer to: set requests.reply_to or the "
                "sender address (smtp.sender)",
            )
        )


def answer_address(settings: Settings) -> str:
    address = settings.text("requests.reply_to").strip() or settings.text("smtp.sender").strip()
    if not address:
        raise NoAnswerAddress()
    return address


def answer_subject(token: str, stars: int, language: str) -> str:
    return f"{SUBJECT_WORD[language]} {token} {stars} {STAR}"


def answer_url(settings: Settings, token: str) -> str | None:
    """The request's answer page when the studio publishes its client pages, else None."""
    base = settings.text("web.public_base_url").strip().rstrip("/")
    return f"{base}/a/{token}" if base else None


def answer_link(settings: Settings, token: str, stars: int, language: str) -> str:
    page = answer_url(settings, token)
    if page is not None:
        return f"{page}?stars={stars}"
    subject = quote(answer_subject(token, stars, language), safe="")
    return f"mailto:{answer_address(settings)}?subject={subject}"


@dataclass(frozen=True)
class AnswerLinks:
    text: str
    html: str


def answer_links(settings: Settings, token: str, language: str) -> AnswerLinks:
    """The five answers, 5 stars first, as plain-text lines and as escaped HTML."""
    pick = _PICK["page" if answer_url(settings, token) else "mailto"][language]
    one, many = _STARS_WORD[language]
    lines, anchors = [pick], [f"<p>{html.escape(pick)}</p>"]
    for stars in range(5, 0, -1):
        link = answer_link(settings, token, stars, language)
        drawn = STAR * stars + "☆" * (5 - stars)
        words = f"{stars} {one if stars == 1 else many}"
        lines.append(f"{drawn}  {words}: {link}")
        anchors.append(
            f'<p style="margin: 4px 0;"><a href="{html.escape(link, quote=True)}" '
            'style="font-size: 22px; color: #E69F00; text-decoration: none;">'
            f"{drawn}</a> {html.escape(words)}</p>"
        )
    return AnswerLinks("\n".join(lines), "\n".join(anchors))


def request_content(
    session: Session,
    settings: Settings,
    client: Client,
    *,
    language: str,
    summary: SessionSummary | None,
    token: str,
    sent_at: datetime,
    template: Template | None = None,
) -> EmailContent:
    """The request's email, filled from the studio's review_request template (*template* when
    the caller has read it already, for many requests at once)."""
    asked = question(settings, language, summary, sent_at)
    links = answer_links(settings, token, language)
    return fill(
        template or get_template(session, TemplateName.REVIEW_REQUEST, language),
        settings=settings,
        client=client,
        values=client_values(client, settings) | {"question": asked, "answer_links": links.text},
        html_values={"answer_links": links.html},
    )


SAMPLE_TOKEN = "7Kq2x9LmPq0sVbN3cTw4Zy"


def preview_request_email(
    session: Session,
    settings: Settings,
    language: str,
    *,
    kind: ReviewKind = ReviewKind.CLASS,
    at: datetime,
) -> EmailContent:
    """What a request looks like with the studio's template and settings (a sample client and
    a class of today), for the settings screen; writes nothing."""
    sample = Client(
        external_id="C17",
        first_name="Audrey",
        last_name="Tremblay",
        email="audrey@example.com",
        language=language,
    )
    summary = (
        SessionSummary(0, "S1", "Spin 45", "Julie", "Julie Roy", at.replace(microsecond=0))
        if kind is ReviewKind.CLASS
        else None
    )
    return request_content(
        session,
        settings,
        sample,
        language=language,
        summary=summary,
        token=SAMPLE_TOKEN,
        sent_at=at,
    )
