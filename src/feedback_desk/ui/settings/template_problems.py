"""A template that cannot be filled, said in the interface language.

The services refuse a template with a :class:`TemplateError` whose English sentence stays the
command line's; its problem code, what was written between the braces and the part (subject or
body) are worded here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from feedback_desk.services.templates.render import PLACEHOLDERS, TemplateError, TemplateProblem
from feedback_desk.ui import i18n

translate = QCoreApplication.translate  # lupdate reads each call's literal context


def template_problem(error: TemplateError) -> str:
    """What is wrong, prefixed with the part it is in ("subject: …", "body: …") when known."""
    problem = error.problem
    if problem is TemplateProblem.BRACES:
        words = translate(
            "TemplateProblems",
            "a brace stands alone: write {{ and }} for a brace, {first_name} for a placeholder",
        )
    elif problem is TemplateProblem.NOT_A_PLACEHOLDER:
        words = i18n.fill(
            translate(
                "TemplateProblems",
                "%1 is not a placeholder: write a bare name such as {first_name}",
            ),
            error.field,
        )
    elif problem is TemplateProblem.UNKNOWN:
        words = i18n.fill(
            translate("TemplateProblems", "unknown placeholder %1; the placeholders are %2"),
            error.field,
            ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
        )
    else:
        words = translate("TemplateProblems", "a subject is one line")
    parts = {
        "subject": translate("TemplateProblems", "subject"),
        "body": translate("TemplateProblems", "body"),
    }
    if error.part in parts:
        return i18n.fill(translate("TemplateProblems", "%1: %2"), parts[error.part], words)
    return words
