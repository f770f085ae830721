"""The window's tooltip for a setting's editor, in the interface language.

The schema's ``help`` (domain/settings_schema.py) is the command line's English text, part of its
automation contract, and knows nothing of Qt. The window says the same things in its own
sentences, marked here for lupdate and translated when an editor is built; a key with no text
here gets no tooltip rather than English in a French window.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "SettingHelp"

_HELP: dict[str, str] = {
    "studio.name": QT_TRANSLATE_NOOP(
        "SettingHelp", "Shown in emails, in the questions clients read and in the window's title."
    ),
    "studio.language": QT_TRANSLATE_NOOP(
        "SettingHelp",
        "The language of clients who have none on file: emails, the kiosk's welcome and the "
        "published pages use it.",
    ),
    "studio.timezone": QT_TRANSLATE_NOOP(
        "SettingHelp", "Every day and month of the reports is counted in this time zone."
    ),
    "reviews.enabled": QT_TRANSLATE_NOOP(
        "SettingHelp", "Unticked, the kiosk and the email requests ask nothing at all."
    ),
    "reviews.class_enabled": QT_TRANSLATE_NOOP(
        "SettingHelp", "Ask clients to rate the class they just took."
    ),
    "reviews.business_enabled": QT_TRANSLATE_NOOP(
        "SettingHelp", "Now and then, ask clients to rate the studio as a whole."
    ),
    "reviews.business_every_months": QT_TRANSLATE_NOOP(
        "SettingHelp", "A client is asked about the studio at most once in this many months."
    ),
    "reviews.business_question_fr": QT_TRANSLATE_NOOP(
        "SettingHelp", "The question about the studio, for clients who speak French."
    ),
    "reviews.business_question_en": QT_TRANSLATE_NOOP(
        "SettingHelp", "The question about the studio, for clients who speak English."
    ),
    "nps.enabled": QT_TRANSLATE_NOOP(
        "SettingHelp",
        "After the stars of a review of the studio, also ask how likely the client is to "
        "recommend it, from 0 to 10 (optional for the client). Applies everywhere such reviews "
        "are given: the kiosk, staff entry, email requests and the client pages.",
    ),
    "kiosk.idle_seconds": QT_TRANSLATE_NOOP(
        "SettingHelp",
        "With no touch for this many seconds, the kiosk drops what was started and shows its "
        "welcome screen again.",
    ),
}


def setting_help(key: str) -> str:
    """*key*'s tooltip in the interface language, or "" when the window has none for it."""
    text = _HELP.get(key)
    return QCoreApplication.translate(CONTEXT, text) if text else ""
