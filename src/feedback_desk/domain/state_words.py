"""Stored states and outcomes as words inside a message, said in the reader's language.

In English each word is the stored code itself, so the command line's sentences stay as they
were; the window says them from the ``problems`` catalogue.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from feedback_desk.domain.kinds import ActionOutcome, OutboxState, PromptOutcome
from feedback_desk.domain.testimonials import TestimonialState
from feedback_desk.wording import Wording

_WORDS: dict[StrEnum, Wording] = {
    OutboxState.QUEUED: Wording("queued"),
    OutboxState.SENDING: Wording("sending"),
    OutboxState.SENT: Wording("sent"),
    OutboxState.FAILED: Wording("failed"),
    OutboxState.UNCERTAIN: Wording("uncertain"),
    OutboxState.CANCELLED: Wording("cancelled"),
    PromptOutcome.ANSWERED: Wording("answered"),
    PromptOutcome.IGNORED: Wording("ignored"),
    PromptOutcome.ABANDONED: Wording("abandoned"),
    ActionOutcome.CONTACTED: Wording("contacted"),
    ActionOutcome.RESOLVED: Wording("resolved"),
    ActionOutcome.NO_ACTION: Wording("no_action"),
    TestimonialState.INVITED: Wording("invited"),
    TestimonialState.ACCEPTED: Wording("accepted"),
    TestimonialState.REFUSED: Wording("refused"),
    TestimonialState.WITHDRAWN: Wording("withdrawn"),
}


def state_word(state: OutboxState | PromptOutcome | ActionOutcome | TestimonialState) -> Wording:
    """The word for *state*; ``str()`` of it is the stored code."""
    return _WORDS[state]


def either(states: Sequence[OutboxState]) -> Wording:
    """ "queued or failed or uncertain": one of *states* (one to three of them)."""
    words = [state_word(state) for state in states]
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return Wording("{first} or {second}", first=words[0], second=words[1])
    if len(words) == 3:
        return Wording(
            "{first} or {second} or {third}", first=words[0], second=words[1], third=words[2]
        )
    raise ValueError(f"either() says one to three states, not {len(words)}")
