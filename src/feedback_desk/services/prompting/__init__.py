"""Asking clients for reviews: what is due (history), recording prompts and answers (recording),
the command line's `prompt`/`answer` (direct) and the kiosk's steps (kiosk)."""

from feedback_desk.services.prompting.describe import (
    SessionSummary,
    business_question,
    client_language,
    find_client,
    summarize_session,
)
from feedback_desk.services.prompting.history import due_for, load_history, rules_from
from feedback_desk.services.prompting.recording import (
    Answer,
    OwnAspect,
    answer_prompt,
    aspects_by_labels,
    ignore_prompt,
    show_prompt,
)

__all__ = [
    "Answer",
    "OwnAspect",
    "SessionSummary",
    "answer_prompt",
    "aspects_by_labels",
    "business_question",
    "client_language",
    "due_for",
    "find_client",
    "ignore_prompt",
    "load_history",
    "rules_from",
    "show_prompt",
    "summarize_session",
]
