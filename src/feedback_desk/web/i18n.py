"""The pages' language: the studio's on the welcome and pairing pages, the client's once a
client is chosen (as the kiosk window switches its translators).

Strings are English in the code and templates; French comes from the gettext catalogue compiled
into ``resources/translations/generated/web/`` (see scripts/update_web_translations.py).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date
from flask import Flask, g
from flask_babel import Babel, gettext, refresh

from feedback_desk import paths
from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.prompting.describe import SessionDay, session_day
from feedback_desk.services.prompting.kiosk import Visit

LANGUAGES = ("fr", "en")
DOMAIN = "web"


def catalogue_dir() -> Path:
    return paths.resource_dir() / "translations" / "generated" / "web"


def install(app: Flask) -> None:
    Babel(
        app,
        locale_selector=current_language,
        default_translation_directories=str(catalogue_dir()),
        default_domain=DOMAIN,
    )
    app.context_processor(lambda: {"current_language": current_language()})


def current_language() -> str:
    return str(g.get("language", "en"))


def use_language(language: str) -> str:
    """Show the rest of this request in *language* (``fr`` or ``en``, else English)."""
    g.language = language if language in LANGUAGES else "en"
    refresh()
    return str(g.language)


def question_text(visit: Visit, asked_at: datetime, tz: ZoneInfo) -> str:
    """The prompt's question in the current language: the class and coach on a day, or the
    studio's business question."""
    language = current_language()
    if visit.kind is ReviewKind.BUSINESS or visit.session is None:
        return visit.question_fr if language == "fr" else visit.question_en
    session = visit.session
    day_word, day = session_day(session.starts_at, asked_at, tz)
    values = {
        "class_name": session.class_name,
        "coach": session.coach_first_name,
        "weekday": format_date(day, "EEEE", locale=language),
    }
    if day_word is SessionDay.TODAY:
        return str(gettext("How was %(class_name)s with %(coach)s today?", **values))
    if day_word is SessionDay.YESTERDAY:
        return str(gettext("How was %(class_name)s with %(coach)s yesterday?", **values))
    if day_word is SessionDay.LAST_WEEKDAY:
        return str(gettext("How was %(class_name)s with %(coach)s last %(weekday)s?", **values))
    return str(gettext("How was %(class_name)s with %(coach)s on %(weekday)s?", **values))
