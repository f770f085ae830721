"""The JSON shapes of the contract for `stats`, `trends` and `actions`, and their plain-text views.

Imported by the command handlers only when they run (it pulls in the services).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from feedback_desk.domain.localtime import format_local
from feedback_desk.domain.trends import Drop
from feedback_desk.services.actions import OpenAction
from feedback_desk.services.reports import Figures, MonthFigures, PeriodReport
from feedback_desk.services.reports.figures import RecommendTally
from feedback_desk.services.trends import Trends


def _figures_json(figures: Figures) -> dict[str, Any]:
    return {
        "reviews": figures.reviews,
        "average": figures.average,
        "promoters": figures.promoters,
        "passives": figures.passives,
        "detractors": figures.detractors,
        "nps": figures.nps,
        "prompts_shown": figures.prompts_shown,
        "prompts_answered": figures.prompts_answered,
        "response_rate": figures.response_rate,
    }


def _recommend_json(tally: RecommendTally) -> dict[str, Any]:
    return {
        "responses": tally.responses,
        "promoters": tally.promoters,
        "passives": tally.passives,
        "detractors": tally.detractors,
        "nps": tally.nps,
    }


def stats_json(report: PeriodReport, *, nps_enabled: bool = False) -> dict[str, Any]:
    """The contract's shape; ``recommend`` appears with ``nps.enabled`` or any 0-10 answer."""
    with_recommend = nps_enabled or report.recommend.responses > 0

    def month(m: MonthFigures) -> dict[str, Any]:
        entry = {"month": m.key, **_figures_json(m.figures)}
        if with_recommend:
            entry["recommend"] = _recommend_json(m.recommend)
        return entry

    recommend = {"recommend": _recommend_json(report.recommend)} if with_recommend else {}
    return {
        "from": report.first.isoformat(),
        "to": report.last.isoformat(),
        "kind": report.kind,
        **_figures_json(report.totals),
        "by_month": [month(m) for m in report.by_month],
        "by_coach": [
            {
                "coach": c.coach,
                "name": c.name,
                "reviews": c.reviews,
                "average": c.average,
                "nps": c.nps,
            }
            for c in report.by_coach
        ],
        **recommend,
        "by_channel": [
            {
                "channel": c.channel,
                "prompts_shown": c.prompts_shown,
                "prompts_answered": c.prompts_answered,
                "response_rate": c.response_rate,
            }
            for c in report.by_channel
        ],
    }


def _drop_json(entry: Drop, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "usual": entry.usual,
        "usual_count": entry.usual_count,
        "recent": [{"at": format_local(r.at, tz), "stars": r.stars} for r in entry.recent],
    }


def trends_json(trends: Trends, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "at": format_local(trends.at, tz),
        "clients": [{"client": t.client, **_drop_json(t.entry, tz)} for t in trends.clients],
        "coaches": [{"coach": t.coach, **_drop_json(t.entry, tz)} for t in trends.coaches],
    }


def actions_json(actions: Sequence[OpenAction], tz: ZoneInfo) -> list[dict[str, Any]]:
    return [
        {
            "review": a.review,
            "client": a.client,
            "kind": a.kind.value,
            "stars": a.stars,
            "at": format_local(a.at, tz),
            "comment": a.comment,
        }
        for a in actions
    ]


def _shown(value: float | int | None, pattern: str = "{}") -> str:
    return "—" if value is None else pattern.format(value)


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def stats_text(report: PeriodReport) -> list[str]:
    t = report.totals
    kind = {"class": "class reviews", "business": "business reviews"}.get(
        report.kind or "", "all reviews"
    )
    lines = [
        f"{report.first.isoformat()} to {report.last.isoformat()}, {kind}",
        f"  reviews {t.reviews}, average {_shown(t.average, '{:.2f}')}, NPS {_shown(t.nps)}",
        f"  promoters {t.promoters}, passives {t.passives}, detractors {t.detractors}",
        f"  prompts shown {t.prompts_shown}, answered {t.prompts_answered}, "
        f"response rate {_rate(t.response_rate)}",
        *_recommend_text(report.recommend),
        *(
            f"  {c.channel}: shown {c.prompts_shown}, answered {c.prompts_answered}, "
            f"response rate {_rate(c.response_rate)}"
            for c in report.by_channel
        ),
        "",
        f"{'month':<8} {'reviews':>7} {'average':>7} {'NPS':>5} {'prom.':>6} {'pass.':>6} "
        f"{'detr.':>6} {'shown':>6} {'answ.':>6} {'rate':>8}",
    ]
    for month in report.by_month:
        f = month.figures
        lines.append(
            f"{month.key:<8} {f.reviews:>7} {_shown(f.average, '{:.2f}'):>7} "
            f"{_shown(f.nps):>5} {f.promoters:>6} {f.passives:>6} {f.detractors:>6} "
            f"{f.prompts_shown:>6} {f.prompts_answered:>6} {_rate(f.response_rate):>8}"
        )
    if report.by_coach:
        lines += ["", f"{'coach':<10} {'name':<28} {'reviews':>7} {'average':>7} {'NPS':>5}"]
        for c in report.by_coach:
            lines.append(
                f"{c.coach:<10} {c.name[:28]:<28} {c.reviews:>7} "
                f"{_shown(c.average, '{:.2f}'):>7} {_shown(c.nps):>5}"
            )
    if report.by_class:
        lines += ["", f"{'class':<39} {'reviews':>7} {'average':>7} {'NPS':>5}"]
        for k in report.by_class:
            lines.append(
                f"{k.name[:39]:<39} {k.reviews:>7} {_shown(k.average, '{:.2f}'):>7} "
                f"{_shown(k.nps):>5}"
            )
    return lines


def _recommend_text(tally: RecommendTally) -> list[str]:
    if not tally.responses:
        return []
    return [
        f"  0-10 question: {tally.responses} answers, NPS {_shown(tally.nps)} "
        f"(9-10: {tally.promoters}, 7-8: {tally.passives}, 0-6: {tally.detractors})"
    ]


def _drop_text(who: str, entry: Drop, tz: ZoneInfo) -> str:
    recent = ", ".join(f"{r.at.astimezone(tz):%Y-%m-%d} {r.stars}★" for r in entry.recent)
    return (
        f"  {who}: usual {entry.usual:.2f} over {entry.usual_count} reviews, "
        f"now {entry.recent_average:.2f} ({recent})"
    )


def trends_text(trends: Trends, tz: ZoneInfo) -> list[str]:
    lines = [
        f"Satisfaction trends at {format_local(trends.at, tz)} "
        f"(recent window from {format_local(trends.window_start, tz)})",
        "Clients dropping:" if trends.clients else "No client is dropping.",
    ]
    lines += [_drop_text(f"{t.client} {t.name}", t.entry, tz) for t in trends.clients]
    lines.append("Coaches dropping:" if trends.coaches else "No coach is dropping.")
    lines += [_drop_text(f"{t.coach} {t.name}", t.entry, tz) for t in trends.coaches]
    return lines


def actions_text(actions: Sequence[OpenAction], tz: ZoneInfo) -> list[str]:
    if not actions:
        return ["No action to take."]
    lines = [f"{len(actions)} action(s) to take, newest first:"]
    for a in actions:
        where = f"{a.class_name} with {a.coach_name}" if a.class_name else "the studio"
        edited = " (edited manually)" if a.edited_manually else ""
        lines.append(
            f"  {a.review:<10} {a.at.astimezone(tz):%Y-%m-%d %H:%M}  {a.stars}★{edited}  "
            f"{a.client} {a.client_name} — {a.kind.value}, {where}"
        )
        if a.comment:
            lines.append(f"             “{' '.join(a.comment.split())[:200]}”")
    return lines
