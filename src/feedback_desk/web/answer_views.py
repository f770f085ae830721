"""``/a/{token}``: the answer page of one email review request, for the client it was sent to.

No pairing: the request's token (128 random bits, in the client's email) is the key. The page
speaks the client's language: the question as the email asked it, five stars (``?stars=N``
preselects N: the email's one-click links), the aspects those stars offer and the client's own
words, a comment, the 0-10 question for business requests with ``nps.enabled``, Send and Ignore
for now. Both go through ``answer_request`` (the review's channel is ``web``; the prompt stays
the ``email`` prompt it was, so the response rate counts it for email).

A token that is unknown, answered, ignored, cancelled or past ``requests.answer_days`` gets one
page, the same for all (same words, in the studio's language, same status), that says nothing
about anyone. Every page and form of this module lives under ``/a/``: a studio publishing the
answer pages through a tunnel publishes ``/a/`` and ``/static/`` only.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, redirect, render_template, request, session, url_for
from flask_babel import gettext
from werkzeug.wrappers import Response as BaseResponse

from feedback_desk.domain.kinds import Channel
from feedback_desk.errors import UserInputError
from feedback_desk.services.prompting.kiosk import AspectOption, offered_options
from feedback_desk.services.requests.answering import (
    NOT_ANSWERABLE,
    AnswerableRequest,
    answer_request,
    answerable_request,
)
from feedback_desk.services.settings import load_settings
from feedback_desk.web import problems
from feedback_desk.web.context import pages, studio_settings
from feedback_desk.web.i18n import recommend_question, use_language
from feedback_desk.web.problems import PageProblem, Problem
from feedback_desk.web.question import (
    STAR_VALUES,
    QuestionPage,
    QuestionState,
    aspect_lists,
    read_state,
)

blueprint = Blueprint("answer", __name__, url_prefix="/a")

ENDINGS = ("answered", "ignored")
# The browser's session remembers the last answer given, so that its thanks page can be shown
# again (a reload) without the page telling anyone else anything.
ENDING_KEY = "answer_ending"


class LinkUnavailable(Exception):
    """The token cannot be answered (whatever why): the one page that reveals nothing."""


@dataclass(frozen=True)
class _Shown:
    request: AnswerableRequest
    options: list[AspectOption]


def _back_url() -> str | None:
    """A polite page's way back: the answer page it replaces (its form comes again)."""
    token = (request.view_args or {}).get("token")
    return url_for("answer.page", token=token) if isinstance(token, str) else None


problems.install(blueprint, back_url=_back_url)


@blueprint.errorhandler(LinkUnavailable)
def _unavailable(_error: LinkUnavailable) -> Response:
    use_language(studio_settings().language)
    return Response(render_template("answer/unavailable.html"), 404)


def _answerable(token: str) -> _Shown:
    """The request behind *token* and the aspects its kind offers; LinkUnavailable otherwise.
    The rest of the request speaks the client's language."""
    context = pages()
    with context.store.read() as db:
        found = answerable_request(db, load_settings(db), token, at=context.clock.now())
        if found is None:
            raise LinkUnavailable()
        # Both lists at once (what 4 stars offers); the page shows those the stars offer.
        options = offered_options(db, found.kind, 4)
    use_language(found.language)
    return _Shown(found, options)


def _page(shown: _Shown, state: QuestionState) -> str:
    asked = shown.request
    page = QuestionPage(
        greeting=gettext("Hello %(name)s!", name=asked.first_name),
        question=asked.question,
        state=state,
        lists=aspect_lists(state, shown.options, asked.language),
        send_url=url_for("answer.answer", token=asked.token),
        redraw_url=url_for("answer.redraw", token=asked.token),
        recommend_question=recommend_question(asked.studio) if asked.asks_recommend else None,
    )
    return render_template("question.html", page=page)


@blueprint.get("/<token>")
def page(token: str) -> str:
    """The question; ``?stars=N`` (1-5) preselects N, any other value preselects nothing."""
    shown = _answerable(token)
    stars = request.args.get("stars", "")
    return _page(shown, QuestionState(stars=int(stars) if stars in STAR_VALUES else 0))


@blueprint.post("/<token>/redraw")
def redraw(token: str) -> str:
    """A star, a 0-10 answer or "Add" without the page's script: the page with the new state."""
    shown = _answerable(token)
    return _page(shown, _read(shown))


def _read(shown: _Shown) -> QuestionState:
    return read_state(request.form, shown.options, asks_recommend=shown.request.asks_recommend)


@blueprint.post("/<token>")
def answer(token: str) -> BaseResponse:
    """Send or Ignore for now, recorded once; then the thanks page."""
    shown = _answerable(token)
    action = request.form.get("action")
    if action not in ("send", "ignore"):
        raise PageProblem(Problem.BAD_FORM)
    state = _read(shown)
    given = state.answer(shown.options) if action == "send" else None
    context = pages()
    try:
        with context.store.write() as db:
            settings = load_settings(db)
            at = context.clock.now()
            if given is None:
                answer_request(db, settings, shown.request.token, ignore=True, at=at)
            else:
                answer_request(
                    db,
                    settings,
                    shown.request.token,
                    stars=given.stars,
                    aspects=given.aspect_ids,
                    added_aspects=given.own_aspects,
                    comment=given.comment,
                    recommend=given.recommend,
                    channel=Channel.WEB,
                    at=at,
                )
    except UserInputError as refused:
        if refused.problems == [str(NOT_ANSWERABLE)]:
            raise LinkUnavailable() from None  # answered meanwhile (a form sent twice)
        # An answer the service refuses (an aspect hidden meanwhile): nothing was written.
        raise PageProblem(Problem.BAD_FORM) from None
    session[ENDING_KEY] = {
        "token": shown.request.token,
        "kind": "ignored" if given is None else "answered",
        "language": shown.request.language,
    }
    return redirect(url_for("answer.thanks", token=shown.request.token), 303)


@blueprint.get("/<token>/thanks")
def thanks(token: str) -> BaseResponse | str:
    """Thanks, for the browser that just answered *token*; any other goes to the answer page
    (which is the unavailable page once the request is answered)."""
    ending = session.get(ENDING_KEY)
    if (
        not isinstance(ending, dict)
        or ending.get("token") != token
        or ending.get("kind") not in ENDINGS
    ):
        return redirect(url_for("answer.page", token=token), 303)
    use_language(str(ending.get("language", "")))
    return render_template("answer/thanks.html", ending=ending["kind"])
