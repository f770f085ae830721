"""The Flask application of the client pages."""

from __future__ import annotations

import secrets

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from feedback_desk.clock import Clock
from feedback_desk.store.database import Store
from feedback_desk.web import i18n, problems, security
from feedback_desk.web.answer_views import blueprint as answer_pages
from feedback_desk.web.context import EXTENSION, PagesContext
from feedback_desk.web.kiosk_views import blueprint as kiosk_pages
from feedback_desk.web.pairing_views import blueprint as pairing_pages
from feedback_desk.web.testimonial_views import blueprint as testimonial_pages


def create_app(store: Store, clock: Clock) -> Flask:
    """The pages on *store*, dated by *clock*.

    The key that signs sessions and form tokens is new for each application: a page left open
    across a restart gets the polite "expired" page and is simply loaded again; paired devices
    stay paired (their token is in the store).
    """
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),
        # A kiosk page may stay open for hours; its token is bound to the browser's session.
        WTF_CSRF_TIME_LIMIT=None,
        TEMPLATES_AUTO_RELOAD=False,
    )
    app.extensions[EXTENSION] = PagesContext(store=store, clock=clock)
    security.install(app)  # before CSRFProtect: a broken body never reaches form parsing
    CSRFProtect(app)
    i18n.install(app)
    problems.install(app)
    app.register_blueprint(kiosk_pages)
    app.register_blueprint(pairing_pages)
    app.register_blueprint(answer_pages)
    app.register_blueprint(testimonial_pages)
    return app
