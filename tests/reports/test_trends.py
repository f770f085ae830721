"""Client and coach satisfaction trends at their thresholds (docs/rules.md#trends)."""

from __future__ import annotations

from datetime import datetime

from feedback_desk.services.settings import load_settings, set_setting
from feedback_desk.services.trends import satisfaction_trends
from feedback_desk.store.database import Store
from tests.reports.builders import StudioBuilder, local

T = local(2026, 5, 20, 18, 0)  # window: from 2026-04-20 18:00 local


def _trends(studio: Store, at: datetime = T):  # type: ignore[no-untyped-def]
    with studio.read() as session:
        return satisfaction_trends(session, load_settings(session), at)


def _client_history(b: StudioBuilder, client_id: str, usual: list[int], recent: list[int]) -> None:
    client = b.client(client_id)
    for index, stars in enumerate(usual):
        b.review(client, stars, local(2026, 1, 5 + index))
    for index, stars in enumerate(recent):
        b.review(client, stars, local(2026, 5, 1 + index))


def test_a_client_exactly_at_every_threshold_is_dropping(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        # usual 13/3, recent 10/3: a drop of exactly 1.0 (floats would say 0.9999…).
        _client_history(b, "C1", usual=[5, 4, 4], recent=[3, 4, 3])
    trends = _trends(studio)
    assert [t.client for t in trends.clients] == ["C1"]
    entry = trends.clients[0].entry
    assert (entry.usual, entry.usual_count) == (4.33, 3)
    assert [r.stars for r in entry.recent] == [3, 4, 3]
    assert [r.at for r in entry.recent] == [local(2026, 5, d) for d in (1, 2, 3)]


def test_one_below_any_client_threshold_is_not_dropping(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        _client_history(b, "few-usual", usual=[5, 5], recent=[3, 3])
        _client_history(b, "few-recent", usual=[5, 5, 5], recent=[2])
        _client_history(b, "small-drop", usual=[5, 4, 4], recent=[4, 3, 3, 4])  # 0.83
        _client_history(b, "dropping", usual=[5, 5, 5], recent=[4, 4])
    assert [t.client for t in _trends(studio).clients] == ["dropping"]


def test_the_window_is_wall_clock_days_before_t_and_nothing_after_t_counts(
    studio: Store,
) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        for day in (1, 2, 3):
            b.review(ann, 5, local(2026, 1, day))
        b.review(ann, 3, local(2026, 4, 20, 18, 0))  # exactly 30 days before T: recent
        b.review(ann, 4, local(2026, 4, 20, 17, 59))  # a minute earlier: usual
        b.review(ann, 3, local(2026, 5, 10))
        b.review(ann, 1, local(2026, 5, 21))  # after T: unseen
    [trend] = _trends(studio).clients
    assert (trend.entry.usual_count, trend.entry.usual) == (4, 4.75)
    assert [r.stars for r in trend.entry.recent] == [3, 3]


def test_the_window_follows_the_wall_clock_across_daylight_time(studio: Store) -> None:
    at = local(2026, 3, 20, 10, 30)  # EDT; 30 days before is 2026-02-18 10:30 EST
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        for day in (1, 2, 3):
            b.review(ann, 5, local(2026, 1, day))
        b.review(ann, 3, local(2026, 2, 18, 10, 30))
        b.review(ann, 3, local(2026, 3, 1))
    [trend] = _trends(studio, at).clients
    assert len(trend.entry.recent) == 2


def test_lists_are_ordered_by_the_size_of_the_drop(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        _client_history(b, "small", usual=[5, 5, 5], recent=[4, 4])
        _client_history(b, "large", usual=[5, 5, 5], recent=[1, 2])
        _client_history(b, "middle", usual=[5, 5, 5], recent=[3, 3])
    assert [t.client for t in _trends(studio).clients] == ["large", "middle", "small"]


def test_coach_trend_needs_ten_earlier_and_three_recent_class_reviews(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        clients = [b.client(f"C{n}") for n in range(12)]
        julie = b.coach("E1", "Julie", "Tremblay")
        marc = b.coach("E2", "Marc", "Roy")
        for coach, earlier in ((julie, 10), (marc, 9)):
            old = b.class_session(f"old-{coach.external_id}", "Spin", coach, local(2026, 1, 5, 9))
            new = b.class_session(f"new-{coach.external_id}", "Spin", coach, local(2026, 5, 5, 9))
            for n in range(earlier):
                b.review(clients[n], 5, local(2026, 1, 5, 11), session=old)
            for n in range(3):
                b.review(clients[n], 4, local(2026, 5, 5, 11), session=new)
        # A business review in the window does not count for any coach.
        b.review(clients[0], 1, local(2026, 5, 6))
    trends = _trends(studio)
    assert [(t.coach, t.name) for t in trends.coaches] == [("E1", "Julie Tremblay")]
    entry = trends.coaches[0].entry
    assert (entry.usual, entry.usual_count, len(entry.recent)) == (5.0, 10, 3)


def test_thresholds_come_from_the_settings(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        _client_history(b, "C1", usual=[5, 5], recent=[4, 4])
        set_setting(session, "trends.client_min_usual", "2", at=T, actor="tester")
        set_setting(session, "trends.drop_stars", "1.5", at=T, actor="tester")
    assert _trends(studio).clients == []
    with studio.write() as session:
        set_setting(session, "trends.drop_stars", "1.0", at=T, actor="tester")
    assert [t.client for t in _trends(studio).clients] == ["C1"]


def test_a_coach_window_is_exact_to_the_minute_on_its_first_and_last_days(studio: Store) -> None:
    """The window's whole days are counted from the daily rollup, its first and last days from
    the reviews' own times: a five a minute too early or after T would hide this drop."""
    with studio.write() as session:
        b = StudioBuilder(session)
        clients = [b.client(f"C{n}") for n in range(12)]
        julie = b.coach("E1", "Julie", "Tremblay")
        sessions = {
            day: b.class_session(f"S{day}", "Spin", julie, local(2026, *day, 9))
            for day in ((1, 5), (4, 20), (5, 1), (5, 20))
        }
        for n in range(10):
            b.review(clients[n], 5, local(2026, 1, 5, 11), session=sessions[(1, 5)])
        b.review(clients[10], 5, local(2026, 4, 20, 17, 59), session=sessions[(4, 20)])
        b.review(clients[0], 4, local(2026, 4, 20, 18, 0), session=sessions[(4, 20)])
        b.review(clients[1], 4, local(2026, 5, 1, 11), session=sessions[(5, 1)])
        b.review(clients[2], 4, local(2026, 5, 20, 17, 0), session=sessions[(5, 20)])
        b.review(clients[3], 5, local(2026, 5, 20, 18, 1), session=sessions[(5, 20)])
    [trend] = _trends(studio).coaches
    assert (trend.entry.usual_count, [r.stars for r in trend.entry.recent]) == (11, [4, 4, 4])
