"""Google's review objects as the Business Profile API sends them, read into plain values.

Pure: no network, no database. Absent fields are treated as Google means them (a missing
``isAnonymous`` is false, a missing ``reviewReply`` is no reply). Texts are kept whole, whatever
their length, but without NUL characters (which no database column of PostgreSQL can hold).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from feedback_desk.domain.text import without_nul

# "The maximum length is 4096 bytes": bytes of UTF-8, not characters.
REPLY_MAX_BYTES = 4096

_STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}

_TRANSLATED = "(Translated by Google)"
_ORIGINAL = "\n\n(Original)\n"

# RFC 3339 as Google writes it: up to 9 fractional digits, "Z" or an offset.
_TIMESTAMP = re.compile(
    r"^(?P<main>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(?P<frac>\d{1,9}))?"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})$"
)


def stars_from_rating(value: object) -> int | None:
    """``"FIVE"`` → 5; ``STAR_RATING_UNSPECIFIED``, anything unknown or absent → None."""
    return _STARS.get(value) if isinstance(value, str) else None


def parse_google_time(text: str) -> datetime:
    """An RFC 3339 timestamp from Google as an aware UTC datetime (nanoseconds truncated)."""
    match = _TIMESTAMP.match(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not an RFC 3339 timestamp")
    fraction = (match["frac"] or "")[:6].ljust(6, "0")
    zone = "+00:00" if match["zone"] == "Z" else match["zone"]
    return datetime.fromisoformat(f"{match['main']}.{fraction}{zone}").astimezone(UTC)


def split_translation(comment: str | None) -> tuple[str | None, str | None]:
    """``(shown, original)``: Google's translation and the reviewer's own words, when translated.

    Google sends ``"(Translated by Google) X\\n\\n(Original)\\nY"`` in one string with no language
    field. Only a text with both markers is split; anything else is kept whole.
    """
    if comment is None or comment == "":
        return None, None
    if comment.startswith(_TRANSLATED) and _ORIGINAL in comment:
        translated, original = comment[len(_TRANSLATED) :].split(_ORIGINAL, 1)
        return translated.strip() or None, original.strip() or None
    return comment, None


def reply_size(text: str) -> int:
    return len(text.encode("utf-8"))


def reply_fits(text: str) -> bool:
    return reply_size(text) <= REPLY_MAX_BYTES


@dataclass(frozen=True)
class ReplyData:
    comment: str
    update_time: str | None
    state: str | None
    policy_violation: str | None

    @classmethod
    def from_api(cls, raw: Mapping[str, Any]) -> ReplyData:
        return cls(
            comment=without_nul(str(raw.get("comment", ""))),
            update_time=_optional_text(raw.get("updateTime")),
            state=_optional_text(raw.get("reviewReplyState")),
            policy_violation=_optional_text(raw.get("policyViolation")),
        )


@dataclass(frozen=True)
class ReviewData:
    """One review of ``reviews.list`` / ``reviews.get``."""

    review_id: str
    resource_name: str
    reviewer_name: str | None
    reviewer_photo_url: str | None
    anonymous: bool
    stars: int | None
    comment: str | None
    comment_original: str | None
    create_time: str
    update_time: str | None
    created_at: datetime
    updated_at: datetime | None
    reply: ReplyData | None

    @classmethod
    def from_api(cls, raw: Mapping[str, Any]) -> ReviewData:
        try:
            review_id = without_nul(str(raw["reviewId"]))
            create_time = str(raw["createTime"])
        except KeyError as exc:
            raise ValueError(f"Google sent a review without {exc.args[0]}") from None
        reviewer = raw.get("reviewer") or {}
        shown, original = split_translation(_optional_text(raw.get("comment")))
        update_time = _optional_text(raw.get("updateTime"))
        reply = raw.get("reviewReply")
        return cls(
            review_id=review_id,
            resource_name=without_nul(str(raw.get("name", ""))),
            reviewer_name=_optional_text(reviewer.get("displayName")),
            reviewer_photo_url=_optional_text(reviewer.get("profilePhotoUrl")),
            anonymous=bool(reviewer.get("isAnonymous", False)),
            stars=stars_from_rating(raw.get("starRating")),
            comment=shown,
            comment_original=original,
            create_time=create_time,
            update_time=update_time,
            created_at=parse_google_time(create_time),
            updated_at=parse_google_time(update_time) if update_time else None,
            reply=ReplyData.from_api(reply) if isinstance(reply, Mapping) else None,
        )


def _optional_text(value: object) -> str | None:
    text = without_nul(value) if isinstance(value, str) else ""
    return text or None
