"""The workbook's sheet names and header rows, as a user sees them in each language.

English is the workbook `feedback-desk export` has always written (outside scripts read it);
French reuses the window's own words."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

ENGLISH = {
    "By coach": [
        "Coach id",
        "Coach",
        "Reviews",
        "Average",
        "NPS",
        "Promoters",
        "Passives",
        "Detractors",
    ],
    "By date": [
        "Date",
        "Reviews",
        "Average",
        "Promoters",
        "Passives",
        "Detractors",
        "NPS",
        "Prompts shown",
        "Prompts answered",
        "Response rate",
        "0-10 answers",
        "0-10 NPS",
    ],
    "Comments": [
        "Date (studio time)",
        "Review",
        "Client id",
        "Client",
        "Kind",
        "Class",
        "Coach",
        "Stars",
        "Comment",
        "Edited manually",
        "Recommend (0-10)",
    ],
}

FRENCH = {
    "Par entraîneur": [
        "N° d’entraîneur",
        "Entraîneur",
        "Avis",
        "Moyenne",
        "NPS",
        "Promoteurs",
        "Passifs",
        "Détracteurs",
    ],
    "Par date": [
        "Date",
        "Avis",
        "Moyenne",
        "Promoteurs",
        "Passifs",
        "Détracteurs",
        "NPS",
        "Demandes affichées",
        "Demandes répondues",
        "Taux de réponse",
        "Réponses 0-10",
        "NPS 0-10",
    ],
    "Commentaires": [
        "Date (heure du studio)",
        "Avis",
        "N° de client",
        "Client",
        "Type",
        "Cours",
        "Entraîneur",
        "Étoiles",
        "Commentaire",
        "Modifié manuellement",
        "Recommanderait (0-10)",
    ],
}


def sheets_and_headers(path: Path) -> dict[str, list[object]]:
    """Each sheet's name with its header row, in the workbook's order."""
    book = load_workbook(path, read_only=True)
    return {
        sheet.title: [cell.value for cell in next(sheet.iter_rows(max_row=1))]
        for sheet in book.worksheets
    }
