"""Big files are read as a stream: progress, cancel, a file that changes, too many problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.services.importing import (
    ImportKind,
    ImportRejected,
    ImportReport,
    ImportSource,
    import_files,
)
from feedback_desk.services.importing.checking import ProblemCap
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.problems import problem
from feedback_desk.services.progress import Cancelled
from feedback_desk.store.database import Store
from tests.importing.conftest import WriteCsv, add_people, snapshot

Importer = Callable[..., ImportReport]


class Recorder:
    """Keeps every report; asks to stop once a message containing *stop_at* was reported."""

    def __init__(self, stop_at: str | None = None, then: Callable[[], None] | None = None):
        self.reports: list[tuple[int, int | None, str]] = []
        self._stop_at = stop_at
        self._then = then
        self.stopped = False

    def report(self, done: int, total: int | None, message: str) -> None:
        self.reports.append((done, total, message))
        if self._stop_at is not None and self._stop_at in message:
            self.stopped = True
            if self._then is not None:
                self._then()

    @property
    def cancelled(self) -> bool:
        return self.stopped and self._then is None


def visits_file(write_csv: WriteCsv, rows: int) -> Path:
    lines = "".join(
        f"C{i % 50},Spin,2026-03-{1 + i // 600:02d}T{6 + (i // 50) % 12:02d}:00,Julie Roy,yes\n"
        for i in range(rows)
    )
    return write_csv("visits.csv", "client_id,class_name,starts_at,coach_name,present\n" + lines)


@pytest.fixture
def fifty(studio: Store) -> Store:
    add_people(studio, clients={f"C{i}": ("A", "B") for i in range(50)})
    return studio


def test_progress_goes_from_checking_to_writing_and_always_forward(
    fifty: Store, write_csv: WriteCsv, clock: ManualClock
) -> None:
    path = visits_file(write_csv, 12_000)
    progress = Recorder()
    import_files(
        fifty, [ImportSource(ImportKind.VISITS, path, "v.csv")], clock=clock, progress=progress
    )
    messages = [m for _d, _t, m in progress.reports]
    assert messages[0] == "v.csv: checking rows"
    assert messages[-1] == "v.csv: writing visits"
    checking = [(d, t) for d, t, m in progress.reports if "checking" in m]
    writing = [(d, t) for d, t, m in progress.reports if "writing" in m]
    assert [d for d, _t in checking] == sorted(d for d, _t in checking)
    assert writing[-1] == (12_000, 12_000)


@pytest.mark.parametrize("stop_at", ["checking", "writing"])
def test_a_cancelled_import_writes_nothing(
    fifty: Store, write_csv: WriteCsv, clock: ManualClock, stop_at: str
) -> None:
    path = visits_file(write_csv, 12_000)
    before = snapshot(fifty, skip=())
    with pytest.raises(Cancelled):
        import_files(
            fifty,
            [ImportSource(ImportKind.VISITS, path)],
            clock=clock,
            progress=Recorder(stop_at=stop_at),
        )
    assert snapshot(fifty, skip=()) == before


def test_a_file_that_changes_while_it_is_imported_is_refused_whole(
    studio: Store, write_csv: WriteCsv, clock: ManualClock
) -> None:
    path = write_csv(
        "clients.csv",
        "id,first_name,last_name\n" + "".join(f"C{i},A,B\n" for i in range(5000)),
    )
    before = snapshot(studio, skip=())

    def keep_writing() -> None:
        if path.read_text().endswith("Late,Row\n"):
            return
        with path.open("a", encoding="utf-8") as more:
            more.write("C9999,Late,Row\n")

    with pytest.raises(ImportRejected) as caught:
        import_files(
            studio,
            [ImportSource(ImportKind.CLIENTS, path, "clients.csv")],
            clock=clock,
            progress=Recorder(stop_at="checking", then=keep_writing),
        )
    assert caught.value.problems == [
        "clients.csv: the file changed while it was being imported; nothing was written: "
        "import it again once it is complete"
    ]
    assert snapshot(studio, skip=()) == before


def test_past_the_limit_problems_are_counted_not_listed() -> None:
    problems = [problem("f.csv", line, Code.REQUIRED_EMPTY, field="id") for line in range(9, 0, -1)]
    cap = ProblemCap(problems, limit=4)
    cap.finish("f.csv")
    assert [str(p) for p in problems] == [
        "f.csv:1: id is empty; it is required",
        "f.csv:2: id is empty; it is required",
        "f.csv:3: id is empty; it is required",
        "f.csv:4: id is empty; it is required",
        "f.csv: 5 more problems are not listed (the first 4 are)",
    ]


def test_every_bad_row_of_a_big_file_is_reported(
    fifty: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = visits_file(write_csv, 9000)
    text = path.read_text().replace(",yes\n", ",perhaps\n", 3)
    path.write_text(text.replace("C7,", "C77,"))
    with pytest.raises(ImportRejected) as caught:
        do_import("visits", path)
    problems = caught.value.problems
    assert [p.split(":")[1] for p in problems[:3]] == ["2", "3", "4"]
    unknown = [p for p in problems if 'unknown client "C77"' in p]
    assert len(unknown) == 9000 // 50  # every row naming C77, not just the first
