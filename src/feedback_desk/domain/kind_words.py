"""The review kinds as words inside a message (said in the reader's language)."""

from __future__ import annotations

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.wording import Wording

_WORDS = {ReviewKind.CLASS: Wording("class"), ReviewKind.BUSINESS: Wording("business")}


def kind_word(kind: ReviewKind) -> Wording:
    """ "class" or "business", as ``str(kind)`` says it in English."""
    return _WORDS[kind]
