"""The testimonial journey (seed 000) on client pages: ``/t/{token}``, the client's own link, and
``/kiosk/testimonial``, the paired kiosk offering an open invitation after any prompt due.

Yes → the qualities (at least one; one's own words join the catalogue) → the two texts
(optional, guidance in the fields) → what will be shown, with a consent for each part (and, on
the client's own link, a photo) → Send. No → one of three reasons, why if they like → Send. Then
"Thank you". Pages are in the client's language. An unknown, answered or expired link shows a
polite page that reveals nothing; so does a withdrawal link already used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, redirect, render_template, request, session, url_for
from flask_babel import gettext
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response as BaseResponse

from feedback_desk.domain.testimonials import (
    MAX_JOB_TITLE_CHARS,
    MAX_REFUSAL_CHARS,
    MAX_TEXT_CHARS,
    ConsentPart,
    Place,
    RefusalReason,
    shown,
)
from feedback_desk.errors import UserInputError
from feedback_desk.services.aspects import MAX_LABEL_CHARS
from feedback_desk.services.testimonials import journey as steps
from feedback_desk.services.testimonials.journey import Journey
from feedback_desk.services.testimonials.photos import (
    MAX_PHOTO_BYTES,
    PhotoProblem,
    prepare_photo,
)
from feedback_desk.web.context import pages, studio_settings
from feedback_desk.web.i18n import use_language
from feedback_desk.web.kiosk_views import idle, paired_only
from feedback_desk.web.problems import PageProblem, Problem
from feedback_desk.web.security import accepts_upload
from feedback_desk.web.testimonial_form import Action, JourneyState, Step, read_state, read_step
from feedback_desk.web.testimonial_offer import KIOSK_KEY

blueprint = Blueprint("testimonials", __name__)

THANKS_KEY = "testimonial_thanks"
ENDINGS = ("accepted", "refused", "later", "withdrawn")
TEMPLATES = {
    Step.START: "testimonial/start.html",
    Step.QUALITIES: "testimonial/qualities.html",
    Step.TEXTS: "testimonial/texts.html",
    Step.DETAILS: "testimonial/details.html",
    Step.REFUSAL: "testimonial/refusal.html",
}


@dataclass(frozen=True)
class Where:
    """Where the journey runs: the client's own link, or the paired kiosk."""

    post_url: str
    place: Place
    # The client's own link only: a photo may be uploaded, and is previewed from here.
    photo_url: str | None = None

    @property
    def kiosk(self) -> bool:
        return self.place is Place.WEB_KIOSK


@dataclass(frozen=True)
class Preview:
    """Exactly what a published testimonial would show, for the state on the page."""

    name: str | None
    anonymous: str
    job_title: str | None
    photo: bool
    texts: tuple[tuple[str, str], ...]
    qualities: tuple[str, ...]


def _preview(journey: Journey, state: JourneyState) -> Preview:
    show = shown(
        state.consents,
        name=journey.full_name if state.full_name else journey.short_name,
        job_title=state.job_title or None,
        has_photo=journey.has_photo,
    )
    texts = [
        (asked, text.strip())
        for asked, text in ((journey.question_1, state.text_1), (journey.question_2, state.text_2))
        if text.strip()
    ]
    qualities = [q.label(journey.language) for q in journey.qualities if q.id in state.qualities]
    return Preview(
        name=show.name,
        anonymous=gettext("Member of %(studio)s", studio=journey.studio),
        job_title=show.job_title,
        photo=show.photo,
        texts=tuple(texts),
        qualities=(*qualities, *state.own),
    )


def _page(
    step: Step,
    journey: Journey,
    state: JourneyState,
    where: Where,
    *,
    error: str | None = None,
    notice: str | None = None,
) -> Response:
    use_language(journey.language)
    values: dict[str, Any] = {
        "step": step.value,
        "journey": journey,
        "state": state,
        "where": where,
        "error": error,
        "notice": notice,
        "preview": _preview(journey, state),
        "reasons": _reasons(),
        "limits": {
            "text": MAX_TEXT_CHARS,
            "job_title": MAX_JOB_TITLE_CHARS,
            "why": MAX_REFUSAL_CHARS,
            "label": MAX_LABEL_CHARS,
        },
        "parts": {part.name.lower(): part.value for part in ConsentPart},
    }
    if where.kiosk:
        values |= idle(studio_settings(), start="now")
    return Response(render_template(TEMPLATES[step], **values))


def _reasons() -> list[tuple[str, str]]:
    return [
        (RefusalReason.NOT_SATISFIED.value, gettext("I am not satisfied enough")),
        (
            RefusalReason.NOT_PUBLIC.value,
            gettext("I don't want to make this recommendation public"),
        ),
        (RefusalReason.OTHER.value, gettext("Another reason")),
    ]


def _photo_problem(problem: PhotoProblem) -> str:
    if problem.reason == "too_large":
        return str(
            gettext(
                "This photo is larger than %(max)s MB. Please choose a smaller one.",
                max=MAX_PHOTO_BYTES // 1024 // 1024,
            )
        )
    if problem.reason == "too_many_pixels":
        return str(gettext("This image is too large. Please choose a smaller one."))
    return str(gettext("This file is not a photo. Please choose a JPEG, PNG, WebP or GIF image."))


def _uploaded(where: Where) -> FileStorage | None:
    if where.photo_url is None:
        return None
    file = request.files.get("photo")
    return file if file is not None and file.filename else None


def _step(journey: Journey, where: Where, expired: Problem) -> BaseResponse:
    """One POST of the journey: the next page, or the answer recorded and the thanks."""
    use_language(journey.language)
    step, action = read_step(request.form)
    state = read_state(request.form, journey.qualities)
    if step is Step.START:
        if action is Action.YES:
            return _page(Step.QUALITIES, journey, state, where)
        if action is Action.NO:
            return _page(Step.REFUSAL, journey, state, where)
        if action is Action.LATER and where.kiosk:
            return _thanks("later", journey, where)
    elif step is Step.QUALITIES:
        if action is Action.BACK:
            return _page(Step.START, journey, state, where)
        if action is Action.ADD:
            return _page(Step.QUALITIES, journey, state, where)
        if action is Action.NEXT:
            if not state.has_quality:
                message = gettext("Choose at least one quality.")
                return _page(Step.QUALITIES, journey, state, where, error=message)
            return _page(Step.TEXTS, journey, state, where)
    elif step is Step.TEXTS:
        if action is Action.BACK:
            return _page(Step.QUALITIES, journey, state, where)
        if action is Action.NEXT:
            return _page(Step.DETAILS, journey, state, where)
    elif step is Step.DETAILS:
        return _details(journey, state, where, action, expired)
    elif step is Step.REFUSAL:
        if action is Action.BACK:
            return _page(Step.START, journey, state, where)
        if action is Action.SEND:
            if state.reason is None:
                message = gettext("Choose a reason.")
                return _page(Step.REFUSAL, journey, state, where, error=message)
            try:
                steps.refuse(*_who(journey), state.refusal(), place=where.place)
            except UserInputError:
                # Answered meanwhile (the same form sent twice) or expired: the first one counts.
                raise PageProblem(expired) from None
            return _thanks("refused", journey, where)
    raise PageProblem(Problem.BAD_FORM)


def _who(journey: Journey) -> tuple[Any, Any, int]:
    context = pages()
    return context.store, context.clock, journey.testimonial_id


def _details(
    journey: Journey, state: JourneyState, where: Where, action: Action, expired: Problem
) -> BaseResponse:
    if action is Action.BACK:
        return _page(Step.TEXTS, journey, state, where)
    file = _uploaded(where)
    if file is not None:
        # A photo is always seen in the preview before it can be sent.
        try:
            photo = prepare_photo(file.stream.read(MAX_PHOTO_BYTES + 1))
        except PhotoProblem as problem:
            return _page(Step.DETAILS, journey, state, where, error=_photo_problem(problem))
        steps.keep_photo(*_who(journey), photo)
        journey = _reopened(journey, expired)
        notice = gettext("Here is your photo in the preview. Check it, then send.")
        return _page(Step.DETAILS, journey, state, where, notice=notice)
    if action is Action.REMOVE_PHOTO and where.photo_url is not None:
        steps.remove_photo(*_who(journey))
        return _page(Step.DETAILS, _reopened(journey, expired), state, where)
    if action in (Action.PREVIEW, Action.UPLOAD):
        return _page(Step.DETAILS, journey, state, where)
    if action is Action.SEND:
        if not state.has_quality:
            raise PageProblem(Problem.BAD_FORM)
        acceptance = state.acceptance(journey.qualities)
        try:
            steps.accept(*_who(journey), acceptance, place=where.place)
        except UserInputError:
            raise PageProblem(expired) from None
        return _thanks("accepted", journey, where)
    raise PageProblem(Problem.BAD_FORM)


def _reopened(journey: Journey, expired: Problem) -> Journey:
    found = steps.by_id(pages().store, pages().clock, journey.testimonial_id)
    if found is None:
        raise PageProblem(expired)
    return found


def _thanks(ending: str, journey: Journey, where: Where) -> BaseResponse:
    session[THANKS_KEY] = {
        "ending": ending,
        "language": journey.language,
        "studio": journey.studio,
    }
    session.pop(KIOSK_KEY, None)
    endpoint = "testimonials.kiosk_thanks" if where.kiosk else "testimonials.thanks"
    return redirect(url_for(endpoint), 303)


def _thanks_page(*, kiosk: bool) -> BaseResponse | str:
    held = session.pop(THANKS_KEY, None)
    if not isinstance(held, dict) or held.get("ending") not in ENDINGS:
        if kiosk:
            return redirect(url_for("kiosk.welcome"), 303)
        raise PageProblem(Problem.LINK_EXPIRED)
    use_language(str(held.get("language", "")))
    values: dict[str, Any] = {"ending": held["ending"], "studio": str(held.get("studio", ""))}
    if kiosk:
        values |= idle(studio_settings(), start="now")
    return render_template("testimonial/thanks.html", kiosk=kiosk, **values)


# --- The client's own link -------------------------------------------------------------------


def _by_link(token: str) -> Journey:
    context = pages()
    found = steps.by_link(context.store, context.clock, token)
    if found is None:
        raise PageProblem(Problem.LINK_EXPIRED)
    return found


def _link_where(token: str) -> Where:
    return Where(
        post_url=url_for("testimonials.link_step", token=token),
        place=Place.CLIENT_PAGE,
        photo_url=url_for("testimonials.link_photo", token=token),
    )


@blueprint.get("/t/<token>")
def link_start(token: str) -> Response:
    journey = _by_link(token)
    return _page(Step.START, journey, JourneyState(), _link_where(token))


@blueprint.post("/t/<token>")
@accepts_upload
def link_step(token: str) -> BaseResponse:
    return _step(_by_link(token), _link_where(token), Problem.LINK_EXPIRED)


@blueprint.get("/t/<token>/photo")
def link_photo(token: str) -> Response:
    """The photo uploaded on an open invitation, for its own page's preview."""
    context = pages()
    photo = steps.photo_of(context.store, context.clock, token)
    if photo is None:
        raise PageProblem(Problem.NOT_FOUND)
    return Response(photo, mimetype="image/jpeg")


@blueprint.get("/t/thanks")
def thanks() -> BaseResponse | str:
    return _thanks_page(kiosk=False)


@blueprint.get("/t/withdraw/<token>")
def withdraw_page(token: str) -> str:
    found = steps.withdrawal_by_link(pages().store, token)
    if found is None:
        raise PageProblem(Problem.LINK_EXPIRED)
    use_language(found.language)
    return render_template(
        "testimonial/withdraw.html",
        studio=found.studio,
        post_url=url_for("testimonials.withdraw", token=token),
    )


@blueprint.post("/t/withdraw/<token>")
def withdraw(token: str) -> BaseResponse:
    context = pages()
    found = steps.withdrawal_by_link(context.store, token)
    if found is None or not steps.withdraw_by_link(context.store, context.clock, token):
        raise PageProblem(Problem.LINK_EXPIRED)
    session[THANKS_KEY] = {
        "ending": "withdrawn",
        "language": found.language,
        "studio": found.studio,
    }
    return redirect(url_for("testimonials.thanks"), 303)


# --- The paired kiosk --------------------------------------------------------------------------


def _kiosk_journey() -> Journey:
    held = session.get(KIOSK_KEY)
    if not isinstance(held, dict) or not isinstance(held.get("id"), int):
        raise PageProblem(Problem.EXPIRED)
    context = pages()
    found = steps.by_id(context.store, context.clock, held["id"])
    if found is None:
        session.pop(KIOSK_KEY, None)
        raise PageProblem(Problem.EXPIRED)
    return found


def _kiosk_where() -> Where:
    return Where(post_url=url_for("testimonials.kiosk_step"), place=Place.WEB_KIOSK)


@blueprint.get("/kiosk/testimonial")
@paired_only
def kiosk_start() -> Response:
    return _page(Step.START, _kiosk_journey(), JourneyState(), _kiosk_where())


@blueprint.post("/kiosk/testimonial")
@paired_only
def kiosk_step() -> BaseResponse:
    return _step(_kiosk_journey(), _kiosk_where(), Problem.EXPIRED)


@blueprint.get("/kiosk/testimonial/thanks")
@paired_only
def kiosk_thanks() -> BaseResponse | str:
    return _thanks_page(kiosk=True)
