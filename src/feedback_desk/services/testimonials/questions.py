"""The testimonial's two questions, as the studio words them in each language."""

from __future__ import annotations

from feedback_desk.domain.settings_schema import definition
from feedback_desk.services.settings import Settings

QUESTION_NUMBERS = (1, 2)


def question_key(number: int, language: str) -> str:
    return f"testimonials.question_{number}_{'fr' if language == 'fr' else 'en'}"


def question(settings: Settings, number: int, language: str) -> str:
    """Question *number* (1 or 2) in *language*, {studio} filled in; an emptied setting falls
    back to the shipped question (a text field is never left without its label)."""
    key = question_key(number, language)
    text = settings.text(key).strip() or definition(key).default
    return text.replace("{studio}", settings.studio_name)
