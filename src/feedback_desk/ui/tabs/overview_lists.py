"""The Overview's list entries: what each line says, and what it opens."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.trends import Drop
from feedback_desk.services.actions import OpenAction, ReplyAction
from feedback_desk.services.review_details import ReviewSummary
from feedback_desk.services.trends import ClientTrend, CoachTrend, Trends
from feedback_desk.ui.formatting import (
    edited_badge,
    format_average,
    format_instant,
    kind_name,
    stars_text,
)
from feedback_desk.ui.widgets.entry_list import Entry

COMMENT_CHARS = 140


def _where(kind: str, class_name: str | None, coach_name: str | None) -> str:
    if class_name:
        return QCoreApplication.translate("Overview", "{class_name} with {coach}").format(
            class_name=class_name, coach=coach_name
        )
    return kind_name(kind)


def _snippet(comment: str | None) -> str:
    if not comment:
        return ""
    text = " ".join(comment.split())
    return f"\n“{text[:COMMENT_CHARS]}…”" if len(text) > COMMENT_CHARS else f"\n“{text}”"


def _review_line(
    stars: int,
    client_name: str,
    kind: str,
    class_name: str | None,
    coach_name: str | None,
    when: str,
    edited: bool,
) -> str:
    badge = f" · {edited_badge()}" if edited else ""
    return (
        f"{stars_text(stars)}  {client_name} · {_where(kind, class_name, coach_name)} · "
        f"{when}{badge}"
    )


class _Review(Protocol):
    """What an action's line and a recent review's line say about their review."""

    @property
    def review_id(self) -> int: ...
    @property
    def stars(self) -> int: ...
    @property
    def client_name(self) -> str: ...
    @property
    def kind(self) -> ReviewKind: ...
    @property
    def class_name(self) -> str | None: ...
    @property
    def coach_name(self) -> str | None: ...
    @property
    def edited_manually(self) -> bool: ...
    @property
    def comment(self) -> str | None: ...


def _review_entry(review: _Review, at: datetime, tz: ZoneInfo) -> Entry:
    line = _review_line(
        review.stars,
        review.client_name,
        review.kind.value,
        review.class_name,
        review.coach_name,
        format_instant(at, tz),
        review.edited_manually,
    )
    return Entry(line + _snippet(review.comment), "review", review.review_id, review.comment)


def action_entries(
    actions: Sequence[OpenAction],
    tz: ZoneInfo,
    replies: Sequence[ReplyAction] = (),
    limit: int | None = None,
) -> list[Entry]:
    """The reviews' actions and those clients' replies opened, newest first: a review's opens
    the review, a reply's the client's email."""
    dated = [(a.at, _review_entry(a, a.at, tz)) for a in actions]
    dated += [
        (
            r.received_at,
            Entry(
                QCoreApplication.translate(
                    "Overview", "✉  {client} · replied to the outreach · {when}"
                ).format(client=r.client_name, when=format_instant(r.received_at, tz))
                + _snippet(r.text),
                "inbound",
                r.inbound_message_id,
                tooltip=f"{r.subject}\n\n{r.text}",
            ),
        )
        for r in replies
    ]
    dated.sort(key=lambda pair: pair[0], reverse=True)
    return [entry for _, entry in dated[:limit]]


def recent_entries(reviews: Sequence[ReviewSummary], tz: ZoneInfo) -> list[Entry]:
    return [_review_entry(r, r.created_at, tz) for r in reviews]


def _explanation(entry: Drop, tz: ZoneInfo) -> tuple[str, str]:
    summary = QCoreApplication.translate(
        "Overview", "usual {usual} over {count} reviews → now {recent} ({n} recent)"
    ).format(
        usual=format_average(entry.usual),
        count=entry.usual_count,
        recent=format_average(entry.recent_average),
        n=len(entry.recent),
    )
    recent = "\n".join(f"{format_instant(r.at, tz)}  {stars_text(r.stars)}" for r in entry.recent)
    return summary, QCoreApplication.translate("Overview", "Recent reviews:") + "\n" + recent


def client_trend_entries(trends: Sequence[ClientTrend], tz: ZoneInfo) -> list[Entry]:
    entries = []
    for trend in trends:
        summary, details = _explanation(trend.entry, tz)
        entries.append(
            Entry(
                f"{trend.name} ({trend.client})\n{summary}",
                "client",
                trend.client_id,
                tooltip=details,
            )
        )
    return entries


def coach_trend_entries(trends: Sequence[CoachTrend], tz: ZoneInfo) -> list[Entry]:
    entries = []
    for trend in trends:
        summary, details = _explanation(trend.entry, tz)
        entries.append(
            Entry(f"{trend.name} ({trend.coach})\n{summary}", "coach", trend.coach_id, details)
        )
    return entries


@dataclass(frozen=True)
class OverviewLists:
    """The Overview's lists, written out (on the worker that read them: a large store's trends
    name hundreds of dated reviews)."""

    actions: list[Entry]
    recent: list[Entry]


@dataclass(frozen=True)
class TrendLists:
    clients: list[Entry]
    coaches: list[Entry]


def overview_entries(
    actions: Sequence[OpenAction],
    replies: Sequence[ReplyAction],
    recent: Sequence[ReviewSummary],
    tz: ZoneInfo,
    limit: int,
) -> OverviewLists:
    return OverviewLists(action_entries(actions, tz, replies, limit), recent_entries(recent, tz))


def trend_entries(trends: Trends, limit: int, tz: ZoneInfo) -> TrendLists:
    """The largest drops (the lists' counts tell how many more there are)."""
    return TrendLists(
        client_trend_entries(trends.clients[:limit], tz),
        coach_trend_entries(trends.coaches[:limit], tz),
    )
