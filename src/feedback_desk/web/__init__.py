"""The client pages: the kiosk in a tablet's browser, served from this PC (Flask on waitress).

``server.ClientPagesServer`` runs them on a background thread (the window) or until interrupted
(``feedback-desk serve``); ``app.create_app`` builds the Flask application. Pages call the same
services as the kiosk window; templates are Jinja2 with autoescaping, translated through the
gettext catalogue in ``resources/translations/web_fr.po``.
"""
