"""A throttled progress passes on few reports (each costs the window a wait), never the cancel."""

from __future__ import annotations

from feedback_desk.services.progress import ThrottledProgress


class Recorded:
    def __init__(self) -> None:
        self.reports: list[tuple[int, int | None, str]] = []
        self.cancelled = False

    def report(self, done: int, total: int | None, message: str) -> None:
        self.reports.append((done, total, message))


def test_reports_are_passed_on_at_most_once_per_interval_and_the_last_always() -> None:
    now = [100.0]
    inner = Recorded()
    throttled = ThrottledProgress(inner, interval=0.2, clock=lambda: now[0])
    for done in range(0, 1000, 100):  # ten reports within 50 ms
        throttled.report(done, 1000, "f.csv: checking rows")
        now[0] += 0.005
    now[0] += 0.2
    throttled.report(950, 1000, "f.csv: checking rows")
    throttled.report(1000, 1000, "f.csv: writing clients")  # the end of a phase

    assert inner.reports == [
        (0, 1000, "f.csv: checking rows"),
        (950, 1000, "f.csv: checking rows"),
        (1000, 1000, "f.csv: writing clients"),
    ]
    assert not throttled.cancelled
    inner.cancelled = True
    assert throttled.cancelled
