"""Which client probably wrote a Google review: the suggestions staff see before linking.

Google never says who wrote a review, so the product ranks clients by three clues
(docs/rules.md#google-linking): how alike the names are (accents, case
and word order ignored, "Ihor K" matching "Ihor Kovalenko"), a sent Google invitation in the 60
days before the review, and attendance in the 30 days before it. Every suggestion carries its
evidence; nothing here ever links.

Pure: the service gathers the facts, this module scores them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher

from feedback_desk.domain.text import name_tokens

INVITATION_WINDOW_DAYS = 60
ATTENDANCE_WINDOW_DAYS = 30

# The name says most; an invitation shortly before is the product's own signal (a desktop app
# cannot see the click on the link); attendance only says the client was around.
NAME_WEIGHT = 0.6
INVITATION_WEIGHT = 0.25
ATTENDANCE_WEIGHT = 0.15

# Below this a name is not a clue at all ("Anna" vs "Hannah Li").
MIN_NAME_SIMILARITY = 0.5
# A suggestion staff should see right after a sync: a close name backed by another clue.
STRONG_SCORE = 0.7
# Token pairs less alike than this do not count as the same word.
_MIN_TOKEN_RATIO = 0.6
# "K" for "Kovalenko": an initial is good evidence, not as good as the whole word.
_INITIAL_MATCH = 0.9


@dataclass(frozen=True)
class Candidate:
    """What the store knows about one client, relative to one review."""

    client_id: int
    first_name: str
    last_name: str
    # The latest invitation actually sent in the 60 days before the review, if any.
    invited_at: datetime | None = None
    # Sessions attended (present) in the 30 days before the review, and the latest one.
    attended_sessions: int = 0
    last_attended_at: datetime | None = None


@dataclass(frozen=True)
class Suggestion:
    client_id: int
    score: float
    name_similarity: float
    invited_at: datetime | None
    attended_sessions: int
    last_attended_at: datetime | None

    @property
    def strong(self) -> bool:
        return self.score >= STRONG_SCORE


def _token_similarity(reviewer_token: str, client_token: str) -> float:
    if reviewer_token == client_token:
        return 1.0
    if len(reviewer_token) == 1:
        return _INITIAL_MATCH if client_token.startswith(reviewer_token) else 0.0
    if len(client_token) == 1:
        return _INITIAL_MATCH if reviewer_token.startswith(client_token) else 0.0
    ratio = SequenceMatcher(None, reviewer_token, client_token).ratio()
    return ratio if ratio >= _MIN_TOKEN_RATIO else 0.0


def name_similarity(reviewer: str, first_name: str, last_name: str) -> float:
    """0..1: words paired one to one, best pairs first, over the longer of the two names.

    Word order, case, accents and punctuation do not matter; an initial matches the word it
    begins. A name that covers only part of the other ("Ihor" for "Ihor Kovalenko") scores half.
    """
    mine = name_tokens(reviewer)
    theirs = name_tokens(f"{first_name} {last_name}")
    if not mine or not theirs:
        return 0.0
    pairs = sorted(
        ((_token_similarity(a, b), i, j) for i, a in enumerate(mine) for j, b in enumerate(theirs)),
        reverse=True,
    )
    used_mine: set[int] = set()
    used_theirs: set[int] = set()
    total = 0.0
    for similarity, i, j in pairs:
        if similarity <= 0 or i in used_mine or j in used_theirs:
            continue
        used_mine.add(i)
        used_theirs.add(j)
        total += similarity
    return round(total / max(len(mine), len(theirs)), 4)


def score(candidate: Candidate, reviewer: str | None, *, anonymous: bool) -> Suggestion | None:
    """The candidate's suggestion for this review, or None when no clue points to them."""
    similarity = (
        0.0
        if anonymous or not reviewer
        else name_similarity(reviewer, candidate.first_name, candidate.last_name)
    )
    if similarity < MIN_NAME_SIMILARITY:
        similarity = 0.0
    invited = candidate.invited_at is not None
    # Attendance alone is no clue: most active clients attended something last month.
    if similarity == 0.0 and not invited:
        return None
    value = (
        NAME_WEIGHT * similarity
        + (INVITATION_WEIGHT if invited else 0.0)
        + (ATTENDANCE_WEIGHT if candidate.attended_sessions > 0 else 0.0)
    )
    return Suggestion(
        client_id=candidate.client_id,
        score=round(value, 4),
        name_similarity=similarity,
        invited_at=candidate.invited_at,
        attended_sessions=candidate.attended_sessions,
        last_attended_at=candidate.last_attended_at,
    )


def rank(
    candidates: Iterable[Candidate],
    reviewer: str | None,
    *,
    anonymous: bool = False,
    limit: int | None = 10,
) -> Sequence[Suggestion]:
    """Suggestions best first; ties broken by the more recent invitation, then the client id."""
    scored = [s for c in candidates if (s := score(c, reviewer, anonymous=anonymous)) is not None]
    scored.sort(
        key=lambda s: (
            -s.score,
            -(s.invited_at.timestamp() if s.invited_at else 0.0),
            s.client_id,
        )
    )
    return scored if limit is None else scored[:limit]
