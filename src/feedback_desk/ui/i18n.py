"""The interface language, switched at run time through Qt's translators.

Source strings are English (``tr()`` in the code); French comes from
``resources/translations/generated/feedback_desk_fr.qm``, compiled from the hand-maintained
``resources/translations/feedback_desk_fr.ts`` (see that folder's README). Installing a language
replaces the previous one; Qt then sends every widget a ``QEvent.LanguageChange`` and each
retranslates itself in ``changeEvent``. Qt's own strings (standard buttons, context menus) follow
through Qt's ``qtbase`` catalogue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from feedback_desk import paths
from feedback_desk.errors import FeedbackDeskError, UserInputError
from feedback_desk.wording import Wording

SOURCE_LANGUAGE = "en"
LANGUAGES = ("fr", "en")
CATALOGUE = "feedback_desk"


def translations_dir() -> Path:
    return paths.resource_dir() / "translations" / "generated"


class _Installed:
    """The translators this module installed, and their language."""

    language = SOURCE_LANGUAGE
    translators: list[QTranslator] = []


def current_language() -> str:
    """The language the interface is showing now (``en`` until another is installed)."""
    return _Installed.language


def said(error: FeedbackDeskError) -> str:
    """What a known failure says, in the interface language (``str(error)`` is the English the
    command line prints)."""
    return error.in_language(current_language())


def in_words(wording: Wording) -> str:
    """A reason or a refusal a service gave (a :class:`Wording`), in the interface language."""
    return wording.render(current_language())


def said_lines(error: UserInputError) -> list[str]:
    """One line per problem of *error*, in the interface language."""
    return error.problems_in(current_language())


def install_language(language: str, app: QCoreApplication | None = None) -> str:
    """Show the interface in *language* (``fr`` or ``en``); returns the language now shown.

    An unknown language falls back to the source language (English). Installing the language
    already shown does nothing. Qt delivers the LanguageChange events on the next turn of the
    event loop; a ``tr()`` called after this returns the new language at once.
    """
    wanted = language if language in LANGUAGES else SOURCE_LANGUAGE
    if wanted == _Installed.language:
        return wanted
    application = app or QCoreApplication.instance()
    if application is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _Installed.translators:
        application.removeTranslator(translator)
        translator.deleteLater()
    _Installed.translators = []
    if wanted != SOURCE_LANGUAGE:
        ours = QTranslator(application)
        if not ours.load(f"{CATALOGUE}_{wanted}", str(translations_dir())):
            ours.deleteLater()
            raise FileNotFoundError(
                f"the {wanted} translation is missing from {translations_dir()}; "
                "run scripts/update_translations.py"
            )
        qt_own = QTranslator(application)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [ours]
        if qt_own.load(f"qtbase_{wanted}", qt_dir):
            candidates.append(qt_own)
        else:
            qt_own.deleteLater()
        for translator in candidates:
            application.installTranslator(translator)
        _Installed.translators = candidates
    QLocale.setDefault(QLocale(wanted))
    _Installed.language = wanted
    return wanted


def locale() -> QLocale:
    """The locale of the language shown (weekday names, number formats)."""
    return QLocale(_Installed.language)


def fill(template: str, *values: str) -> str:
    """Put *values* in a translated template's %1, %2... markers, in one pass.

    Unlike chained ``replace`` calls, a value that itself contains "%2" (a class named by a
    client, a name) is never substituted again.
    """
    out = []
    index = 0
    while index < len(template):
        marker = template[index : index + 2]
        if marker[:1] == "%" and marker[1:].isdigit() and 0 < int(marker[1:]) <= len(values):
            out.append(values[int(marker[1:]) - 1])
            index += 2
        else:
            out.append(template[index])
            index += 1
    return "".join(out)
