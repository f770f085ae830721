"""The browser kiosk offers a client's open testimonial invitation once their visit's prompt is
answered, ignored, or when nothing was due (the pages are in testimonial_views)."""

from __future__ import annotations

from flask import redirect, session, url_for
from werkzeug.wrappers import Response as BaseResponse

from feedback_desk.services.testimonials import journey
from feedback_desk.web.context import pages

# The kiosk's open invitation, in the browser's signed session (its id only).
KIOSK_KEY = "testimonial"


def offer_after_visit(client_id: int) -> BaseResponse | None:
    """The way to the invitation's offer when the client has one open, else None."""
    context = pages()
    found = journey.for_client(context.store, context.clock, client_id)
    if found is None:
        return None
    session[KIOSK_KEY] = {"id": found.testimonial_id, "language": found.language}
    return redirect(url_for("testimonials.kiosk_start"), 303)
