"""The page a studio publishes: its approved testimonials, with only what each client consented
to show, and the qualities its clients voted for.

`testimonials export OUT.html|OUT.json` and File → Export testimonials… write it. The HTML page is
self-contained (its style inside, photos as data URIs: one file to upload or paste), accessible
(landmarks, headings, the language of each client's own words marked), in ``studio.language``,
and says that the testimonials are a selection made by the studio. Every client text is escaped
(Jinja2's autoescape). A testimonial whose consent was withdrawn is never in it.
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk import paths
from feedback_desk.domain.kinds import AspectStatus
from feedback_desk.domain.localtime import format_local, local_day
from feedback_desk.domain.testimonials import Approval, TestimonialState, shown, shown_name
from feedback_desk.errors import UserInputError
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.fill import format_day
from feedback_desk.services.testimonials.emails import studio_language
from feedback_desk.services.testimonials.qualities import labels_of, quality_votes
from feedback_desk.store.models import Client, Testimonial
from feedback_desk.wording import Wording

FORMATS = (".html", ".json")

WORDS = {
    "fr": {
        "title": "Ils recommandent {studio}",
        "selection": (
            "Ces témoignages sont une sélection faite par {studio} parmi ceux que ses clients ont "
            "accepté de publier."
        ),
        "qualities": "Les qualités que nos clients nous reconnaissent",
        "votes": "{n} vote",
        "votes_many": "{n} votes",
        "testimonials": "Témoignages",
        "none": "Aucun témoignage publié pour le moment.",
        "anonymous": "Membre de {studio}",
        "photo": "Photo de {name}",
        "voted": "Qualités choisies :",
        "date": "Le {date}",
        "updated": "Mis à jour le {date}",
    },
    "en": {
        "title": "They recommend {studio}",
        "selection": (
            "These testimonials are a selection made by {studio} among those its clients agreed "
            "to publish."
        ),
        "qualities": "The qualities our clients see in us",
        "votes": "{n} vote",
        "votes_many": "{n} votes",
        "testimonials": "Testimonials",
        "none": "No testimonial published yet.",
        "anonymous": "Member of {studio}",
        "photo": "Photo of {name}",
        "voted": "Qualities chosen:",
        "date": "On {date}",
        "updated": "Updated on {date}",
    },
}


@dataclass(frozen=True)
class PublishedQuality:
    label: str
    votes: int


@dataclass(frozen=True)
class PublishedTestimonial:
    # None when the client did not consent to show it.
    name: str | None
    job_title: str | None
    photo: str | None  # a data: URI of the JPEG
    language: str  # of the client's own words
    qualities: tuple[str, ...]
    question_1: str | None
    text_1: str | None
    question_2: str | None
    text_2: str | None
    date: str


@dataclass(frozen=True)
class Publication:
    studio: str
    language: str
    generated_at: str
    generated_on: str
    selection_note: str
    qualities: tuple[PublishedQuality, ...]
    testimonials: tuple[PublishedTestimonial, ...]


def publication(session: Session, settings: Settings, at: datetime) -> Publication:
    """What the page shows at *at*: approved, accepted (never withdrawn) testimonials."""
    language = studio_language(settings)
    words = WORDS[language]
    studio = settings.studio_name
    found = session.execute(
        select(Testimonial, Client)
        .join(Client, Client.id == Testimonial.client_id)
        .where(
            Testimonial.state == TestimonialState.ACCEPTED,
            Testimonial.approval == Approval.APPROVED,
            Testimonial.answered_at <= at,
        )
        .order_by(Testimonial.answered_at.desc(), Testimonial.id.desc())
    ).all()
    voted = labels_of(session, [t.id for t, _c in found])
    photos = _consented_photos(session, [t.id for t, _c in found if t.consent_photo])
    items = []
    for t, c in found:
        show = shown(
            t.consents(),
            name=shown_name(c.first_name, c.last_name, full_name=t.full_name),
            job_title=t.job_title,
            has_photo=t.id in photos,
        )
        assert t.answered_at is not None
        items.append(
            PublishedTestimonial(
                name=show.name,
                job_title=show.job_title,
                photo=photos[t.id] if show.photo else None,
                language=t.language,
                qualities=tuple(
                    a.label(language)
                    for a in voted.get(t.id, [])
                    if a.status is AspectStatus.APPROVED and not a.hidden
                ),
                question_1=t.question_1 if t.text_1 else None,
                text_1=t.text_1,
                question_2=t.question_2 if t.text_2 else None,
                text_2=t.text_2,
                date=format_day(local_day(t.answered_at, settings.timezone), language),
            )
        )
    qualities = tuple(
        PublishedQuality(q.label(language), q.votes) for q in quality_votes(session) if q.offered
    )
    return Publication(
        studio=studio,
        language=language,
        generated_at=format_local(at, settings.timezone),
        generated_on=format_day(local_day(at, settings.timezone), language),
        selection_note=words["selection"].format(studio=studio),
        qualities=qualities,
        testimonials=tuple(items),
    )


def _consented_photos(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(Testimonial.id, Testimonial.photo).where(
            Testimonial.id.in_(ids), Testimonial.photo.is_not(None)
        )
    ).all()
    return {
        testimonial_id: "data:image/jpeg;base64," + base64.b64encode(photo).decode("ascii")
        for testimonial_id, photo in rows
        if photo
    }


def render_html(page: Publication) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(str(paths.resource_dir() / "testimonials")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    words = WORDS[page.language]
    return environment.get_template("page.html").render(
        page=page,
        words=words,
        title=words["title"].format(studio=page.studio),
        anonymous=words["anonymous"].format(studio=page.studio),
    )


def render_json(page: Publication) -> str:
    document: dict[str, Any] = asdict(page)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Exported:
    path: Path
    testimonials: int
    qualities: int


def export_testimonials(
    session: Session, settings: Settings, path: Path, *, at: datetime
) -> Exported:
    """Write the page (.html) or its data (.json); the file appears whole or not at all."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserInputError(
            Wording(
                "{name}: the export is an .html page or a .json file",
                name=path.name,
            )
        )
    page = publication(session, settings, at)
    text = render_html(page) if suffix == ".html" else render_json(page)
    _write_whole(path, text)
    return Exported(path, len(page.testimonials), len(page.qualities))


def _write_whole(path: Path, text: str) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserInputError(
            Wording(
                "{path}: the folder {folder} does not exist",
                path=path,
                folder=folder,
            )
        )
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
