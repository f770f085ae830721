"""The Overview's list entries: what each line says, and what it opens."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from feedback_desk.domain.trends import Drop
from feedback_desk.services.actions import OpenAction
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


def action_entries(actions: Sequence[OpenAction], tz: ZoneInfo) -> list[Entry]:
    return [
        Entry(
            _review_line(
                a.stars,
                a.client_name,
                a.kind.value,
                a.class_name,
                a.coach_name,
                format_instant(a.at, tz),
                a.edited_manually,
            )
            + _snippet(a.comment),
            "review",
            a.review_id,
            tooltip=a.comment,
        )
        for a in actions
    ]


def recent_entries(reviews: Sequence[ReviewSummary], tz: ZoneInfo) -> list[Entry]:
    return [
        Entry(
            _review_line(
                r.stars,
                r.client_name,
                r.kind.value,
                r.class_name,
                r.coach_name,
                format_instant(r.created_at, tz),
                r.edited_manually,
            )
            + _snippet(r.comment),
            "review",
            r.review_id,
            tooltip=r.comment,
        )
        for r in reviews
    ]


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
    actions: Sequence[OpenAction], recent: Sequence[ReviewSummary], tz: ZoneInfo
) -> OverviewLists:
    return OverviewLists(action_entries(actions, tz), recent_entries(recent, tz))


def trend_entries(trends: Trends, limit: int, tz: ZoneInfo) -> TrendLists:
    """The largest drops (the lists' counts tell how many more there are)."""
    return TrendLists(
        client_trend_entries(trends.clients[:limit], tz),
        coach_trend_entries(trends.coaches[:limit], tz),
    )
