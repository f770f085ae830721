"""The workbook's language: its sheet names, headers and words (kind, yes/no).

Strings are English in the code, marked with ``N_`` where they are defined; French comes from the
gettext catalogue compiled into ``resources/translations/generated/export/`` (see
scripts/update_web_translations.py). English needs no catalogue: the strings are the source.
The CSV is a machine format and never goes through here.
"""

from __future__ import annotations

import gettext
from pathlib import Path

from feedback_desk import paths

LANGUAGES = ("fr", "en")
DOMAIN = "export"


def N_(message: str) -> str:
    """Mark *message* for the catalogue where it is defined; it is translated when written."""
    return message


def catalogue_dir() -> Path:
    return paths.resource_dir() / "translations" / "generated" / DOMAIN


def translations(language: str) -> gettext.NullTranslations:
    """The workbook's words in *language* (``fr`` or ``en``).

    A missing French catalogue raises (a broken installation must not quietly export English).
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown export language {language!r}")
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=catalogue_dir(), languages=[language])
