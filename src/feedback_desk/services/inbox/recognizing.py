"""Whether a message in the mailbox is ours, and what it answers.

A message is ours when its subject holds a request's token (a ``mailto:`` answer), or its
``In-Reply-To`` or ``References`` names the Message-ID of an email the studio sent from the
outbox. Everything else is left exactly as it was. Look-ups are batched: one query for the
tokens and a few for the Message-IDs of a whole page of headers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.services.inbox.reading import MailHead
from feedback_desk.store.models import OutboxMessage, ReviewRequest

# A request token as written: 22 letters and digits standing alone (see requests/content.py).
TOKEN = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{22}(?![0-9A-Za-z])")
_CHUNK = 500


@dataclass(frozen=True)
class Target:
    """What one of our messages answers: a request (found by its token or its email), or
    another studio email."""

    request_id: int | None
    outbox_message_id: int | None
    # The token was in the subject: a mailto answer, whose subject ends with the stars.
    token_in_subject: bool


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def recognize(session: Session, heads: Mapping[int, MailHead]) -> dict[int, Target]:
    """The targets of the messages (by UID) that are ours; the others are absent."""
    tokens = {uid: TOKEN.findall(head.subject) for uid, head in heads.items()}
    wanted_tokens = sorted({t for found in tokens.values() for t in found})
    by_token: dict[str, tuple[int, int | None]] = {}
    for chunk in _chunks(wanted_tokens):
        for request_id, token, outbox_id in session.execute(
            select(ReviewRequest.id, ReviewRequest.token, ReviewRequest.outbox_message_id).where(
                ReviewRequest.token.in_(chunk)
            )
        ):
            by_token[token] = (request_id, outbox_id)
    wanted_ids = sorted({mid for head in heads.values() for mid in head.answers})
    by_message_id: dict[str, tuple[int, int | None]] = {}
    for chunk in _chunks(wanted_ids):
        for outbox_id, message_id, answered_request in session.execute(
            select(OutboxMessage.id, OutboxMessage.message_id, ReviewRequest.id)
            .outerjoin(ReviewRequest, ReviewRequest.outbox_message_id == OutboxMessage.id)
            .where(OutboxMessage.message_id.in_(chunk))
        ):
            if message_id is not None:
                by_message_id[message_id] = (outbox_id, answered_request)
    targets: dict[int, Target] = {}
    for uid, head in heads.items():
        known = [by_token[t] for t in tokens[uid] if t in by_token]
        if known:
            targets[uid] = Target(known[0][0], known[0][1], token_in_subject=True)
            continue
        answered = [by_message_id[m] for m in head.answers if m in by_message_id]
        if answered:
            targets[uid] = Target(answered[0][1], answered[0][0], token_in_subject=False)
    return targets
