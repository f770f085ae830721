"""``/pair``: a browser becomes a paired kiosk with a 6-digit code from staff.

Wrong codes are throttled per address and for all addresses together; while held, even the right
code is not checked (so trying codes teaches nothing).
"""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask_babel import gettext
from werkzeug.wrappers import Response as BaseResponse

from feedback_desk.services.client_pages.pairing import pair_device
from feedback_desk.web.context import EVERYONE, pages, studio_settings
from feedback_desk.web.i18n import use_language
from feedback_desk.web.problems import PageProblem, Problem
from feedback_desk.web.security import set_device_cookie

blueprint = Blueprint("pairing", __name__)

MAX_CODE_CHARS = 20


@blueprint.get("/pair")
def pair_form() -> str:
    use_language(studio_settings().language)
    return render_template("pair.html", error=None)


@blueprint.post("/pair")
def pair() -> BaseResponse:
    use_language(studio_settings().language)
    typed = request.form.get("code")
    if typed is None or len(typed) > MAX_CODE_CHARS:
        raise PageProblem(Problem.BAD_FORM)
    code = "".join(typed.split())
    context = pages()
    now = context.clock.now()
    throttles = context.throttles
    address = request.remote_addr or "?"
    if throttles.pairing_by_address.blocked(address, now) or throttles.pairing_in_all.blocked(
        EVERYONE, now
    ):
        error = gettext("Too many wrong codes. Wait a few minutes, then try again.")
        return Response(render_template("pair.html", error=error), 429)
    with context.store.write() as session:
        token = pair_device(session, code, at=now, user_agent=request.headers.get("User-Agent", ""))
    if token is None:
        throttles.pairing_by_address.count(address, now)
        throttles.pairing_in_all.count(EVERYONE, now)
        error = gettext("This code is not valid. Check it, or ask staff for a new one.")
        return Response(render_template("pair.html", error=error), 400)
    response = redirect(url_for("kiosk.welcome"), 303)
    set_device_cookie(response, token)
    return response
