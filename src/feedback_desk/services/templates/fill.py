"""Templates filled for one client (and one review): the subject, plain text and HTML to queue.

Commercial messages (``TemplateName.commercial``) also get the studio's identity, an unsubscribe
line and the List-Unsubscribe header, whatever the template says: staff cannot remove them.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.localtime import to_local
from feedback_desk.errors import UserInputError
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import LANGUAGES, Template
from feedback_desk.services.templates.render import (
    html_document,
    plain_to_html_fragment,
    render_html_fragment,
    render_text,
)
from feedback_desk.store.models import Client, Review
from feedback_desk.wording import Wording

_MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}

_KIND = {
    "fr": {ReviewKind.CLASS: "avis sur un cours", ReviewKind.BUSINESS: "avis sur le studio"},
    "en": {ReviewKind.CLASS: "class review", ReviewKind.BUSINESS: "business review"},
}

_NONE = {"fr": "(aucun)", "en": "(none)"}
_NO_COMMENT = {"fr": "(aucun commentaire)", "en": "(no comment)"}

# ASCII and short, so the List-Unsubscribe header stays on one line with most addresses.
UNSUBSCRIBE_SUBJECT = "unsubscribe"
_UNSUBSCRIBE_LINE = {
    "fr": "Vous ne souhaitez plus recevoir ces courriels ? Désabonnez-vous : {link}",
    "en": "Don't want these emails any more? Unsubscribe: {link}",
}
_WHY = {
    "fr": "Vous recevez ce courriel parce que vous êtes membre de {studio}.",
    "en": "You receive this email because you are a member of {studio}.",
}


@dataclass(frozen=True)
class EmailContent:
    subject: str
    text: str
    html: str
    # Set on commercial messages and review requests.
    list_unsubscribe: str | None = None


def language_for(client: Client | None, settings: Settings) -> str:
    """The client's language, else the studio's (docs/rules.md#replies)."""
    if client is not None and client.language in LANGUAGES:
        return client.language
    return settings.language if settings.language in LANGUAGES else "fr"


def format_day(day: date, language: str) -> str:
    month = _MONTHS[language][day.month - 1]
    return f"{day.day} {month} {day.year}" if language == "fr" else f"{month} {day.day}, {day.year}"


def client_values(client: Client | None, settings: Settings) -> dict[str, str]:
    values = {
        "studio": settings.studio_name,
        "address": settings.text("studio.address"),
        "review_link": settings.text("google.review_link"),
    }
    if client is not None:
        contact = [c for c in (client.email, client.phone) if c]
        values |= {
            "first_name": client.first_name,
            "last_name": client.last_name,
            "client": f"{client.full_name} ({client.external_id})",
            "client_id": client.external_id,
            "contact": ", ".join(contact),
        }
    return values


def review_values(review: Review, settings: Settings, language: str) -> dict[str, str]:
    tz = settings.timezone
    values = {
        "stars": str(review.stars),
        "kind": _KIND[language][review.kind],
        "date": format_day(review.local_day, language),
        "aspects": ", ".join(a.label(language) for a in review.aspects) or _NONE[language],
        "comment": review.comment or _NO_COMMENT[language],
        "class": "",
        "coach": "",
        "session_date": "",
    }
    if review.session is not None:
        starts = to_local(review.session.starts_at, tz)
        values |= {
            "class": review.session.class_type.name,
            "coach": review.session.coach.full_name,
            "session_date": f"{format_day(starts.date(), language)} {starts:%H:%M}",
        }
    else:
        values |= {"class": _NONE[language], "coach": _NONE[language]}
    return values


def unsubscribe_link(settings: Settings, client: Client, language: str) -> str:
    """The https page when the studio has one, else a mailto to the studio's sender address."""
    page = settings.text("email.unsubscribe_url").strip()
    if page:
        return page.replace("{client}", quote(client.external_id, safe=""))
    return _mailto(settings, client, language)


def _mailto(settings: Settings, client: Client, language: str) -> str:
    sender = settings.text("smtp.sender").strip()
    if not sender:
        raise UserInputError(
            Wording(
                "commercial emails carry an unsubscribe address: set the sender address "
                "(smtp.sender) first",
            )
        )
    subject = f"{UNSUBSCRIBE_SUBJECT} {client.external_id}"
    return f"mailto:{sender}?subject={quote(subject)}"


def list_unsubscribe_header(settings: Settings, client: Client, language: str) -> str:
    links = [f"<{_mailto(settings, client, language)}>"]
    page = settings.text("email.unsubscribe_url").strip()
    if page.startswith("https://"):
        links.insert(0, f"<{unsubscribe_link(settings, client, language)}>")
    return ", ".join(links)


def _footer(settings: Settings, client: Client, language: str) -> tuple[str, str]:
    link = unsubscribe_link(settings, client, language)
    identity = " · ".join(
        part for part in (settings.studio_name, settings.text("studio.address")) if part
    )
    why = _WHY[language].format(studio=settings.studio_name)
    line = _UNSUBSCRIBE_LINE[language]
    text = f"\n-- \n{identity}\n{why}\n{line.format(link=link)}\n"
    anchor = f'<a href="{html.escape(link, quote=True)}">{html.escape(link)}</a>'
    before, _, after = line.partition("{link}")
    html_footer = (
        '<hr style="border: none; border-top: 1px solid #ccc; margin-top: 24px;">\n'
        '<p style="font-size: 12px; color: #666;">'
        f"{html.escape(identity)}<br>\n{html.escape(why)}<br>\n"
        f"{html.escape(before)}{anchor}{html.escape(after)}</p>"
    )
    return text, html_footer


def fill(
    template: Template,
    *,
    settings: Settings,
    client: Client | None,
    values: Mapping[str, str],
    html_values: Mapping[str, str] | None = None,
) -> EmailContent:
    """The template filled; commercial ones and review requests get the footer and the
    List-Unsubscribe header. *html_values*: fields whose (escaped) HTML the caller built."""
    all_values = dict(values)
    unsubscribe = template.name.carries_unsubscribe
    if client is not None and unsubscribe:
        all_values.setdefault("unsubscribe", unsubscribe_link(settings, client, template.language))
    subject = " ".join(render_text(template.subject, all_values).split())
    text = render_text(template.body, all_values)
    fragment = render_html_fragment(template.body, all_values, html_values)
    return _finish(
        subject,
        text,
        fragment,
        settings=settings,
        client=client,
        language=template.language,
        unsubscribe=unsubscribe,
    )


def from_plain_text(
    subject: str,
    body: str,
    *,
    settings: Settings,
    client: Client | None,
    language: str,
    commercial: bool,
) -> EmailContent:
    """Staff's edited draft: the text as typed, the HTML escaped from it."""
    return _finish(
        subject.strip(),
        body,
        plain_to_html_fragment(body),
        settings=settings,
        client=client,
        language=language,
        unsubscribe=commercial,
    )


def _finish(
    subject: str,
    text: str,
    fragment: str,
    *,
    settings: Settings,
    client: Client | None,
    language: str,
    unsubscribe: bool,
) -> EmailContent:
    text = text.rstrip() + "\n"
    header = None
    if unsubscribe:
        if client is None:
            raise UserInputError(Wording("a commercial email goes to one client"))
        footer_text, footer_html = _footer(settings, client, language)
        text += footer_text
        fragment += "\n" + footer_html
        header = list_unsubscribe_header(settings, client, language)
    return EmailContent(subject, text, html_document(fragment, language=language), header)
