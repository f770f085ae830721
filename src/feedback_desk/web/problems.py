"""Polite pages for everything that goes wrong: nothing written, nothing revealed, no traceback.

Each problem has its own sentence (in the page's language) and HTTP status; every page offers a
way back to the start. Unexpected errors are logged with their traceback, never shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum

from flask import Blueprint, Flask, Response, g, make_response, render_template
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from feedback_desk.web.context import studio_settings
from feedback_desk.web.i18n import use_language

log = logging.getLogger(__name__)


class Problem(StrEnum):
    BAD_FORM = "bad_form"
    EXPIRED = "expired"
    TOO_LARGE = "too_large"
    NOT_FOUND = "not_found"
    NOT_PAIRED = "not_paired"
    FAILED = "failed"
    # A client's own link (a testimonial invitation) unknown, answered or expired.
    LINK_EXPIRED = "link_expired"


STATUS = {
    Problem.BAD_FORM: 400,
    Problem.EXPIRED: 400,
    Problem.TOO_LARGE: 413,
    Problem.NOT_FOUND: 404,
    Problem.NOT_PAIRED: 403,
    Problem.FAILED: 500,
    Problem.LINK_EXPIRED: 404,
}

# Problems of a client's own link: no way "back to the start" (the kiosk) is offered.
OWN_LINK_PROBLEMS = frozenset({Problem.LINK_EXPIRED})


def message(problem: Problem) -> str:
    texts = {
        Problem.BAD_FORM: gettext("This page could not be read as sent, so nothing was saved."),
        Problem.EXPIRED: gettext(
            "This page was already sent or has expired, so nothing was saved."
        ),
        Problem.TOO_LARGE: gettext("That was too much to send at once, so nothing was saved."),
        Problem.NOT_FOUND: gettext("There is no page at this address."),
        Problem.NOT_PAIRED: gettext("This device is not paired with the studio."),
        Problem.FAILED: gettext(
            "Something went wrong and your answer was not saved. Please tell the front desk."
        ),
        Problem.LINK_EXPIRED: gettext("This link has expired or was already used."),
    }
    return str(texts[problem])


class PageProblem(Exception):
    """Raised by a view to answer with the polite page of *problem*."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def _page_language() -> None:
    """The studio's language unless the page already chose one (a client's)."""
    if "language" in g:
        return
    try:
        use_language(studio_settings().language)
    except Exception as exc:  # the store itself may be what failed
        log.error("client page could not read the studio's language: %s", exc)
        use_language("en")


def problem_page(problem: Problem, *, back_url: str | None = None) -> Response:
    """The polite page of *problem*; its way back leads to *back_url* (default: the kiosk)."""
    _page_language()
    page = render_template(
        "problem.html",
        problem=problem,
        message=message(problem),
        back_url=back_url,
        start_again=problem not in OWN_LINK_PROBLEMS,
    )
    return make_response(page, STATUS[problem])


def install(scaffold: Flask | Blueprint, back_url: Callable[[], str | None] = lambda: None) -> None:
    """Answer *scaffold*'s failures (the application's, or one blueprint's pages') with the
    polite pages, whose way back leads to *back_url()* (default: the kiosk)."""

    @scaffold.errorhandler(PageProblem)
    def _page_problem(error: PageProblem) -> Response:
        return problem_page(error.problem, back_url=back_url())

    @scaffold.errorhandler(CSRFError)
    def _csrf(_error: CSRFError) -> Response:
        return problem_page(Problem.EXPIRED, back_url=back_url())

    @scaffold.errorhandler(HTTPException)
    def _http(error: HTTPException) -> Response:
        by_code = {404: Problem.NOT_FOUND, 405: Problem.NOT_FOUND, 413: Problem.TOO_LARGE}
        return problem_page(by_code.get(error.code or 400, Problem.BAD_FORM), back_url=back_url())

    @scaffold.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        log.error("client page failed: %s", error, exc_info=error)
        return problem_page(Problem.FAILED, back_url=back_url())
