"""The testimonial emails: the invitation (commercial: the client's consent, the studio's identity
and an unsubscribe line), the confirmation with how to withdraw (a service message), and the
managers' notice of a refusal (internal, in the studio's language).

Links open the client pages when ``web.public_base_url`` is set; otherwise the invitation says
the kiosk will ask at the next visit and the confirmation says to reply or tell the front desk.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from feedback_desk.domain.testimonials import RefusalReason
from feedback_desk.errors import UserInputError
from feedback_desk.services.outbox.queue import Queued, queue_message
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import LANGUAGES, TemplateName, get_template
from feedback_desk.services.templates.fill import EmailContent, client_values, fill
from feedback_desk.store.models import Client
from feedback_desk.wording import Wording

_ANSWER_HERE = {
    "fr": "Répondez ici (moins de 3 minutes) : {url}",
    "en": "Answer here (less than 3 minutes): {url}",
}
_AT_THE_KIOSK = {
    "fr": "À votre prochaine visite, la borne de l'accueil vous posera la question.",
    "en": "Next time you come in, the kiosk at the front desk will ask you.",
}
_WITHDRAW_BY_REPLY = {
    "fr": "Répondez simplement à ce courriel, ou dites-le-nous à l'accueil.",
    "en": "Simply reply to this email, or tell us at the front desk.",
}
REASON_WORDS = {
    "fr": {
        RefusalReason.NOT_SATISFIED: "Je n'en suis pas assez satisfait(e)",
        RefusalReason.NOT_PUBLIC: "Je ne souhaite pas rendre cette recommandation publique",
        RefusalReason.OTHER: "Pour une autre raison",
    },
    "en": {
        RefusalReason.NOT_SATISFIED: "I am not satisfied enough",
        RefusalReason.NOT_PUBLIC: "I don't want to make this recommendation public",
        RefusalReason.OTHER: "Another reason",
    },
}
_NO_DETAILS = {"fr": "(rien de plus)", "en": "(nothing more)"}


def page_url(settings: Settings, path: str) -> str | None:
    base = settings.text("web.public_base_url").strip().rstrip("/")
    return f"{base}{path}" if base else None


def journey_url(settings: Settings, token: str) -> str | None:
    """The client's testimonial page when the studio publishes its client pages, else None."""
    return page_url(settings, f"/t/{token}")


def withdraw_url(settings: Settings, token: str) -> str | None:
    return page_url(settings, f"/t/withdraw/{token}")


def _link_html(before: str, url: str | None) -> str:
    if url is None:
        return html.escape(before)
    escaped = html.escape(url, quote=True)
    prefix, _, _ = before.partition(url)
    return f'{html.escape(prefix)}<a href="{escaped}">{escaped}</a>'


def invitation_content(
    session: Session, settings: Settings, client: Client, *, language: str, token: str
) -> EmailContent:
    url = journey_url(settings, token)
    how = _ANSWER_HERE[language].format(url=url) if url else _AT_THE_KIOSK[language]
    return fill(
        get_template(session, TemplateName.TESTIMONIAL_INVITATION, language),
        settings=settings,
        client=client,
        values=client_values(client, settings) | {"testimonial_link": how},
        html_values={"testimonial_link": _link_html(how, url)},
    )


def confirmation_content(
    session: Session, settings: Settings, client: Client, *, language: str, withdraw_token: str
) -> EmailContent:
    url = withdraw_url(settings, withdraw_token)
    how = url or _WITHDRAW_BY_REPLY[language]
    return fill(
        get_template(session, TemplateName.TESTIMONIAL_CONFIRMATION, language),
        settings=settings,
        client=client,
        values=client_values(client, settings) | {"withdraw_link": how},
        html_values={"withdraw_link": _link_html(how, url)},
    )


def studio_language(settings: Settings) -> str:
    return settings.language if settings.language in LANGUAGES else "fr"


def refusal_content(
    session: Session,
    settings: Settings,
    client: Client,
    *,
    reason: RefusalReason,
    text: str | None,
) -> EmailContent:
    language = studio_language(settings)
    return fill(
        get_template(session, TemplateName.TESTIMONIAL_REFUSAL, language),
        settings=settings,
        client=client,
        values=client_values(client, settings)
        | {
            "refusal_reason": REASON_WORDS[language][reason],
            "refusal_text": text or _NO_DETAILS[language],
        },
    )


def queue_or_say_why(
    session: Session, content: Callable[[], EmailContent], **message: Any
) -> Queued | Wording:
    """Queue one message (its content made inside the savepoint too); the reason, and nothing
    queued, when it cannot be (an address refused, a template missing a sender...)."""
    try:
        with session.begin_nested():
            return queue_message(session, content=content(), **message)
    except UserInputError as exc:
        return Wording.joined(exc.wordings, "; ")
