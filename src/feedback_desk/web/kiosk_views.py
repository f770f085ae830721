"""``/kiosk``: the front-desk kiosk in a tablet's browser, for paired devices only.

The same flow and rules as the kiosk window (services/prompting/kiosk.py), with channel ``web``:
welcome (the studio's language) → search by name or member number → the due prompt in the
client's language, recorded as shown the moment it is → answered or ignored → thanks → welcome.
A client who walks away leaves the prompt abandoned; the page's script goes back to the welcome
after ``kiosk.idle_seconds`` without a touch.

Between two pages the browser's signed session holds only the last results' ids (a choice is an
index into them, so no page takes a client id) and the open prompt's id.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import Blueprint, Response, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext
from werkzeug.wrappers import Response as BaseResponse

from feedback_desk.domain.kinds import Channel, ReviewKind
from feedback_desk.errors import UserInputError
from feedback_desk.services.client_search import MIN_QUERY_CHARS, ClientMatch
from feedback_desk.services.prompting import kiosk as steps
from feedback_desk.services.settings import Settings
from feedback_desk.web.context import pages, studio_settings
from feedback_desk.web.devices import current_device
from feedback_desk.web.i18n import question_text, recommend_question, use_language
from feedback_desk.web.problems import PageProblem, Problem
from feedback_desk.web.question import QuestionPage, QuestionState, aspect_lists, read_state
from feedback_desk.web.testimonial_offer import KIOSK_KEY, offer_after_visit

blueprint = Blueprint("kiosk", __name__)

MAX_QUERY_CHARS = 80
# A question page left open longer than this (a tab forgotten) can no longer be answered.
VISIT_LIFETIME = timedelta(minutes=30)
# Without a script the page cannot see touches: it goes back to the welcome after this many
# idle delays instead.
NO_SCRIPT_IDLE_FACTOR = 6
ENDINGS = ("answered", "ignored", "nothing_due")


def idle(settings: Settings, *, start: str) -> dict[str, Any]:
    """The idle return's template values: *start* "now", or "touch" (the welcome waits for the
    first touch, as the window's idle watch does)."""
    seconds = settings.integer("kiosk.idle_seconds")
    return {
        "idle_seconds": seconds,
        "idle_start": start,
        "idle_url": url_for("kiosk.welcome"),
        "no_script_idle_seconds": seconds * NO_SCRIPT_IDLE_FACTOR,
    }


def paired_only(view: Callable[..., ResponseReturnValue]) -> Callable[..., ResponseReturnValue]:
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> ResponseReturnValue:
        if current_device() is None:
            raise PageProblem(Problem.NOT_PAIRED)
        return view(*args, **kwargs)

    return wrapped


def see_other(endpoint: str) -> BaseResponse:
    return redirect(url_for(endpoint), 303)


@blueprint.get("/")
def home() -> BaseResponse:
    return see_other("kiosk.welcome")


@blueprint.get("/kiosk")
def welcome() -> str:
    """The welcome screen (in the studio's language); unpaired, how to pair."""
    settings = studio_settings()
    use_language(settings.language)
    for key in ("visit", "results", "ending", KIOSK_KEY):
        session.pop(key, None)
    if current_device() is None:
        return render_template("kiosk/unpaired.html")
    return render_template(
        "kiosk/welcome.html", query="", search=None, **idle(settings, start="touch")
    )


def _search_status(query: str, matches: list[ClientMatch] | None) -> str:
    if matches is None:
        return str(gettext("Too many searches. Please wait a moment, then try again."))
    if matches:
        return str(gettext("Tap your name."))
    if len(query.replace(" ", "")) >= MIN_QUERY_CHARS:
        return str(gettext("Nobody found. Check the spelling, or ask at the front desk."))
    return ""


@blueprint.post("/kiosk/search")
@paired_only
def search() -> Response | str:
    settings = studio_settings()
    use_language(settings.language)
    query = request.form.get("q")
    if query is None or len(query) > MAX_QUERY_CHARS:
        raise PageProblem(Problem.BAD_FORM)
    query = query.strip()
    context = pages()
    device = current_device()
    assert device is not None
    now = context.clock.now()
    throttles = context.throttles
    matches: list[ClientMatch] | None = None
    if not (
        throttles.searches.blocked(device.id, now)
        or throttles.failed_searches.blocked(device.id, now)
    ):
        throttles.searches.count(device.id, now)
        matches = steps.find_clients(context.store, query)
        if not matches and len(query.replace(" ", "")) >= MIN_QUERY_CHARS:
            throttles.failed_searches.count(device.id, now)
    session["results"] = [m.id for m in matches or []]
    values = {
        "query": query,
        "search": {"matches": matches or [], "status": _search_status(query, matches)},
    }
    status = 429 if matches is None else 200
    if request.headers.get("X-Requested-With") == "fetch":
        return Response(render_template("kiosk/_results.html", **values), status)
    page = render_template("kiosk/welcome.html", **values, **idle(settings, start="now"))
    return Response(page, status)


@blueprint.post("/kiosk/choose")
@paired_only
def choose() -> BaseResponse:
    """A result tapped: what is due for that client is recorded as shown (channel web)."""
    results = session.get("results", [])
    choice = request.form.get("choice", "")
    if not choice.isdigit() or int(choice) >= len(results):
        raise PageProblem(Problem.EXPIRED)
    context = pages()
    visit = steps.start_visit(
        context.store, context.clock, results[int(choice)], channel=Channel.WEB
    )
    session.pop("results", None)
    if visit.prompt_id is None:
        offer = offer_after_visit(visit.client_id)
        if offer is not None:
            return offer
        session["ending"] = {"kind": "nothing_due", "language": visit.language}
        return see_other("kiosk.thanks")
    session["visit"] = {"prompt": visit.prompt_id, "language": visit.language}
    return see_other("kiosk.question")


def _open_visit() -> tuple[steps.Visit, Any]:
    """The visit this browser is on, still open and recent; else the polite "expired" page."""
    held = session.get("visit")
    if not isinstance(held, dict) or not isinstance(held.get("prompt"), int):
        raise PageProblem(Problem.EXPIRED)
    context = pages()
    found = steps.open_visit(context.store, held["prompt"])
    if found is None or context.clock.now() - found[1] > VISIT_LIFETIME:
        session.pop("visit", None)
        raise PageProblem(Problem.EXPIRED)
    use_language(found[0].language)
    return found


def _options(visit: steps.Visit) -> list[steps.AspectOption]:
    assert visit.kind is not None
    # Both lists at once (what 4 stars offers); the page shows those the stars offer.
    return steps.aspect_options(pages().store, visit.kind, 4)


def _asks_recommend(visit: steps.Visit, settings: Settings) -> bool:
    """The business question asks the 0-10 question too with ``nps.enabled``."""
    return visit.kind is ReviewKind.BUSINESS and settings.flag("nps.enabled")


def _question_page(
    visit: steps.Visit, shown_at: Any, state: QuestionState, settings: Settings
) -> str:
    options = _options(visit)
    page = QuestionPage(
        greeting=gettext("Hello %(name)s!", name=visit.first_name),
        question=question_text(visit, shown_at, settings.timezone),
        state=state,
        lists=aspect_lists(state, options, visit.language),
        send_url=url_for("kiosk.answer"),
        redraw_url=url_for("kiosk.redraw"),
        start_over_url=url_for("kiosk.welcome"),
        recommend_question=(
            recommend_question(settings.studio_name) if _asks_recommend(visit, settings) else None
        ),
    )
    return render_template("question.html", page=page, **idle(settings, start="now"))


@blueprint.get("/kiosk/question")
@paired_only
def question() -> str:
    visit, shown_at = _open_visit()
    return _question_page(visit, shown_at, QuestionState(), studio_settings())


@blueprint.post("/kiosk/question")
@paired_only
def redraw() -> str:
    """A star or "Add" without the page's script: the same page with the new state."""
    visit, shown_at = _open_visit()
    settings = studio_settings()
    state = read_state(
        request.form, _options(visit), asks_recommend=_asks_recommend(visit, settings)
    )
    return _question_page(visit, shown_at, state, settings)


@blueprint.post("/kiosk/answer")
@paired_only
def answer() -> BaseResponse:
    visit, _shown_at = _open_visit()
    assert visit.prompt_id is not None
    action = request.form.get("action")
    if action not in ("send", "ignore"):
        raise PageProblem(Problem.BAD_FORM)
    options = _options(visit)
    asks_recommend = _asks_recommend(visit, studio_settings())
    state = read_state(request.form, options, asks_recommend=asks_recommend)
    context = pages()
    try:
        if action == "send":
            steps.submit(
                context.store,
                context.clock,
                visit.prompt_id,
                state.answer(options),
                channel=Channel.WEB,
            )
        else:
            steps.ignore(context.store, context.clock, visit.prompt_id)
    except UserInputError:
        # Answered meanwhile (the same form sent twice): the first one counts.
        raise PageProblem(Problem.EXPIRED) from None
    session.pop("visit", None)
    offer = offer_after_visit(visit.client_id)
    if offer is not None:
        return offer
    ending = "answered" if action == "send" else "ignored"
    session["ending"] = {"kind": ending, "language": visit.language}
    return see_other("kiosk.thanks")


@blueprint.get("/kiosk/thanks")
@paired_only
def thanks() -> BaseResponse | str:
    ending = session.pop("ending", None)
    if not isinstance(ending, dict) or ending.get("kind") not in ENDINGS:
        return see_other("kiosk.welcome")
    use_language(str(ending.get("language", "")))
    return render_template(
        "kiosk/thanks.html", ending=ending["kind"], **idle(studio_settings(), start="now")
    )
