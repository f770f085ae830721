"""A refused setting said in plain words, in the interface language.

The schema (domain/settings_schema.py) refuses a value with an :class:`InvalidSetting` whose code
and parameters are worded here; its English sentence stays the command line's. Numbers name their
unit when the key does (``…_months``, ``…_seconds``) and give the allowed range in the interface's
number format: "Enter a number of months (1 to 24)."
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from feedback_desk.domain.settings_schema import InvalidSetting, Problem, definition, normalize
from feedback_desk.ui import i18n

translate = QCoreApplication.translate  # lupdate reads each call's literal context


def setting_problem(key: str, value: str) -> str | None:
    """None when *value* can be stored for *key*; else why not, in the interface language."""
    try:
        normalize(key, value)
    except InvalidSetting as exc:
        return describe(exc, key)
    except ValueError as exc:  # a check without a code: its own sentence
        return str(exc)
    return None


def describe(problem: InvalidSetting, key: str = "") -> str:
    key = problem.key or key
    code = problem.code
    if code in (Problem.NOT_WHOLE_NUMBER, Problem.NOT_NUMBER, Problem.TOO_SMALL, Problem.TOO_LARGE):
        return _number(key, whole=code is not Problem.NOT_NUMBER)
    if code is Problem.REQUIRED:
        return _required(key)
    if code is Problem.NOT_EMAIL:
        addresses = problem.params.get("addresses", ())
        assert isinstance(addresses, tuple)
        template = translate("SettingsProblems", "“%1” is not an email address.")
        return "\n".join(i18n.fill(template, str(a)) for a in addresses) or str(problem)
    if code is Problem.NOT_CHOICE and key:
        return i18n.fill(
            translate("SettingsProblems", "Choose one of: %1."), ", ".join(definition(key).choices)
        )
    simple = {
        Problem.NOT_URL: translate(
            "SettingsProblems", "Enter a web address starting with https:// (or http://)."
        ),
        Problem.NOT_HOST: translate(
            "SettingsProblems",
            "Enter the server's name only, such as smtp.example.com (no spaces, “/” or “@”).",
        ),
        Problem.NOT_TIMEZONE: translate(
            "SettingsProblems", "Choose a time zone from the list, such as America/Toronto."
        ),
        Problem.NOT_PIN: translate("SettingsProblems", "A PIN is 4 to 12 digits."),
        Problem.NOT_ONE_LINE: translate(
            "SettingsProblems", "Keep it on one line (no line break or control character)."
        ),
    }
    return simple.get(code, str(problem))


def _required(key: str) -> str:
    specific = {
        "studio.name": translate("SettingsProblems", "Enter the studio's name."),
        "reviews.business_question_fr": translate(
            "SettingsProblems", "Enter the question in French."
        ),
        "reviews.business_question_en": translate(
            "SettingsProblems", "Enter the question in English."
        ),
    }
    return specific.get(key) or translate("SettingsProblems", "This cannot be empty.")


def _number(key: str, *, whole: bool) -> str:
    """ "Enter a number of months (1 to 24)." — what to type, and the range the key allows."""
    units = {
        "months": translate("SettingsProblems", "Enter a number of months"),
        "days": translate("SettingsProblems", "Enter a number of days"),
        "hours": translate("SettingsProblems", "Enter a number of hours"),
        "minutes": translate("SettingsProblems", "Enter a number of minutes"),
        "seconds": translate("SettingsProblems", "Enter a number of seconds"),
    }
    unit = key.rsplit("_", 1)[-1] if key else ""
    what = units.get(unit) or (
        translate("SettingsProblems", "Enter a whole number")
        if whole
        else translate("SettingsProblems", "Enter a number")
    )
    defn = definition(key) if key else None
    low = defn.minimum if defn is not None else None
    high = defn.maximum if defn is not None else None
    if low is not None and high is not None:
        return i18n.fill(
            translate("SettingsProblems", "%1 (%2 to %3)."), what, _shown(low), _shown(high)
        )
    if low is not None:
        return i18n.fill(translate("SettingsProblems", "%1 (at least %2)."), what, _shown(low))
    if high is not None:
        return i18n.fill(translate("SettingsProblems", "%1 (at most %2)."), what, _shown(high))
    return i18n.fill(translate("SettingsProblems", "%1."), what)


def _shown(number: float) -> str:
    """A limit in the interface's number format ("65 535", "0,1" in French)."""
    locale = i18n.locale()
    whole = float(number).is_integer()
    return locale.toString(int(number)) if whole else locale.toString(float(number), "g")
