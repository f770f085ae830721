"""Background tasks return to the GUI thread, report progress, fail and cancel cleanly."""

from __future__ import annotations

import threading

from feedback_desk.services.progress import Progress, check_cancelled
from feedback_desk.workers.tasks import TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def work(progress: Progress) -> str:
        seen["worker_thread"] = threading.get_ident()
        progress.report(1, 2, "half way")
        return "done"

    def on_done(result: object) -> None:
        seen["result"] = result
        seen["callback_thread"] = threading.get_ident()

    progress_reports: list[tuple[int, int, str]] = []
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False):
        runner.run(work, on_done=on_done, on_progress=lambda *a: progress_reports.append(a))
    assert seen["result"] == "done"
    assert seen["callback_thread"] == threading.get_ident()
    assert seen["worker_thread"] != threading.get_ident()
    assert progress_reports == [(1, 2, "half way")]


def test_an_exception_is_delivered_not_raised(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work(_progress: Progress) -> None:
        raise ConnectionError("server unreachable")

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False):
        runner.run(work, on_error=errors.append)
    assert isinstance(errors[0], ConnectionError)


def test_cancel_stops_work_that_checks(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    started = threading.Event()
    release = threading.Event()
    outcome: list[str] = []

    def work(progress: Progress) -> None:
        started.set()
        release.wait(5)
        check_cancelled(progress)
        outcome.append("finished anyway")

    task = runner.run(work, on_cancelled=lambda: outcome.append("cancelled"))
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False):
        release.set()
    assert outcome == ["cancelled"]


def test_deleting_a_runner_right_after_its_tasks_never_kills_a_running_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Dialogs and tabs own runners and are deleted whenever the user closes them."""
    from PySide6.QtWidgets import QWidget

    finished: list[int] = []
    for round_number in range(60):
        owner = QWidget()
        runner = TaskRunner(owner)
        release = threading.Event()

        def work(
            _progress: Progress, n: int = round_number, gate: threading.Event = release
        ) -> int:
            gate.wait(0.05 if n % 2 else 0)
            finished.append(n)
            return n

        runner.run(work)
        if round_number % 3 == 0:
            release.set()
        owner.deleteLater() if round_number % 2 else owner.setParent(None)
        del owner, runner
        qtbot.wait(1)
    assert sorted(finished) == list(range(60))
