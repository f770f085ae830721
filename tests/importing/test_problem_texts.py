"""Every import problem has its text in the window, in English and in French."""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from feedback_desk.services.importing import TEMPLATES, Code, Problem
from feedback_desk.ui import i18n
from feedback_desk.ui.dialogs.import_problems import ProblemTexts

# Parameters the window's templates use beyond the command line's (words it says itself).
EXTRA = {"format": "xlsx", "other_setting": "mdy", "low": 1, "high": 5, "noun": "client"}


def example(code: Code) -> Problem:
    names = {name for _text, name, _spec, _conv in string.Formatter().parse(TEMPLATES[code])}
    params = {name: f"<{name}>" for name in names if name} | EXTRA
    return Problem("f.csv", 7, code, tuple(params.items()), column=0)


@pytest.fixture
def texts(qapp: QApplication) -> Iterator[ProblemTexts]:
    yield ProblemTexts()
    i18n.install_language("en")


@pytest.mark.parametrize("code", list(Code))
def test_every_problem_is_said_in_english_and_in_french(texts: ProblemTexts, code: Code) -> None:
    problem = example(code)
    english = texts.line(problem, ["Jour"])
    assert english.startswith('Line 7, column "Jour": ')
    assert "{" not in english
    i18n.install_language("fr")
    french = ProblemTexts().line(problem, ["Jour"])
    assert french.startswith('Ligne 7, colonne "Jour" : ')
    assert french != english.replace("Line 7, column", "Ligne 7, colonne")


def test_the_words_the_service_gives_in_english_are_said_in_the_window_s_language(
    texts: ProblemTexts,
) -> None:
    def said(code: Code, **params: object) -> str:
        return texts.text(Problem("f.csv", 3, code, tuple(params.items())))

    assert said(Code.DATE_ORDER, field="date", value="13/04/2026", other_setting="dmy") == (
        'date: "13/04/2026" is not a valid month/day/year date, but it is one as day/month/year: '
        "choose day/month/year for this file's dates"
    )
    assert said(Code.NOT_WHOLE_NUMBER, field="stars", value="9", low=1, high=5) == (
        'stars: "9" is not a whole number from 1 to 5'
    )
    assert said(Code.UNKNOWN_REFERENCE, field="coach_id", noun="coach", id="E9") == (
        'coach_id: no coach has the id "E9" (in the store or in this import)'
    )
    i18n.install_language("fr")
    french = ProblemTexts()
    assert french.text(
        Problem("f.csv", 3, Code.NOT_CSV, (("what", "a PDF document"), ("format", "pdf")))
    ) == (
        "ce n’est pas un fichier texte CSV mais un document PDF ; enregistrez-le depuis le "
        "tableur en « CSV UTF-8 » et choisissez ce fichier"
    )
