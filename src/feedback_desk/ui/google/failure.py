"""How the window says a failed Google sync, in the interface language (the sync worker hands
over the exception itself, so the sentence can be said again after a language switch)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from feedback_desk.errors import FeedbackDeskError
from feedback_desk.ui import i18n


def describe_failure(exc: BaseException) -> str:
    if isinstance(exc, FeedbackDeskError):
        return i18n.said(exc)
    return QCoreApplication.translate(
        "GoogleSync", "Google sync failed unexpectedly ({name}: {detail})"
    ).format(name=type(exc).__name__, detail=str(exc)[:200])
