"""Cold start: from launching `feedback-desk --store DEMO` to a fully drawn Overview, against the
floor of a bare PySide6 + matplotlib window that draws one chart, measured in the same run,
alternating, several rounds (the bar: at most 1.5× the floor).

    python bench/cold_start.py [--rounds 7] [--store bench/out/demo.sqlite]

Each launch is a fresh process with its own data folder and QSettings (so the Overview is the
tab in front), off screen. The time is taken by this script from starting the process to the
child's "drawn" line: for the floor once its chart is drawn and painted, for the app once the
Overview says everything (figures, charts, lists, trends) is on screen and it has painted.
Both children are this file, in a mode that imports only what that mode needs.
"""

from __future__ import annotations

import os
import sys
from typing import Any

DEMO_DAY = "2026-11-20"


def _floor_child() -> None:
    """A bare window: PySide6, matplotlib's Qt canvas, one bar chart of twelve months."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6, 3.2), layout="constrained")
    axes = figure.add_subplot()
    axes.bar(range(12), [30, 42, 38, 51, 47, 60, 58, 64, 49, 55, 61, 40])
    axes.set_title("Reviews per month")
    canvas = FigureCanvasQTAgg(figure)
    window = QMainWindow()
    window.setCentralWidget(canvas)
    window.resize(1400, 900)
    window.show()

    def drawn() -> None:
        canvas.draw()
        window.repaint()
        print("drawn", flush=True)
        app.quit()

    QTimer.singleShot(0, drawn)
    app.exec()


def _drawn(app: Any, window: Any) -> None:
    window.repaint()
    print("drawn", flush=True)
    window.close()
    app.quit()


class _WatchTheWindow:
    """An import hook: once PySide6.QtWidgets is loaded (by the app, when it gets there), its
    event loop is wrapped so that the Overview's "refreshed" ends the run. Importing PySide6
    here first would change the app's start-up (the order of its imports)."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "PySide6.QtWidgets":
            return None
        import importlib.machinery

        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        load = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            load(module)
            _watch(module.QApplication)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _watch(application: Any) -> None:
    run_loop = application.exec

    def watch_then_run(app: Any) -> int:
        from PySide6.QtCore import QTimer

        def find_window() -> None:
            for widget in app.topLevelWidgets():
                pages = getattr(widget, "pages", None)
                overview = pages.get("overview") if isinstance(pages, dict) else None
                if overview is not None:
                    timer.stop()
                    overview.refreshed.connect(lambda window=widget: _drawn(app, window))
                    return

        timer = QTimer()
        timer.setInterval(1)
        timer.timeout.connect(find_window)
        timer.start()
        return run_loop()

    application.exec = watch_then_run


def _app_child(store: str) -> None:
    """The real command line, as a user starts it; told when the Overview is drawn."""
    sys.meta_path.insert(0, _WatchTheWindow())
    from feedback_desk.cli import main

    sys.exit(main(["--store", store, "--at", f"{DEMO_DAY}T17:00"]))


def _launch(mode: str, store: str, home: str) -> float:
    import subprocess
    import time

    env = dict(os.environ)
    # As installed: byte-compiled (main() compiles the sources once, as pip does).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        FEEDBACK_DESK_DATA_DIR=os.path.join(home, "data"),
        XDG_CONFIG_HOME=os.path.join(home, "config"),
        FEEDBACK_DESK_LANG="en",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, store],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    child.wait(timeout=60)
    if line.strip() != "drawn":
        raise RuntimeError(f"the {mode} child did not draw (exit {child.returncode})")
    return elapsed


def _demo_store(path: str) -> None:
    import subprocess

    if os.path.exists(path):
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    print(f"writing the demo studio to {path}…", flush=True)
    subprocess.run(
        [sys.executable, "-m", "feedback_desk", "demo", path, "--until", DEMO_DAY], check=True
    )


def main() -> None:
    import argparse
    import shutil
    import statistics
    import tempfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--store", default=str(root / "bench" / "out" / "demo.sqlite"))
    args = parser.parse_args()
    sys.path.insert(0, str(root))
    from bench.large_store import machine_description

    _demo_store(args.store)
    import compileall

    compileall.compile_dir(root / "src" / "feedback_desk", quiet=1)
    floor: list[float] = []
    app: list[float] = []
    for round_ in range(args.rounds):
        # Alternating, the order swapped each round: both see the same machine load.
        order = ("floor", "app") if round_ % 2 == 0 else ("app", "floor")
        for mode in order:
            home = tempfile.mkdtemp(prefix="cold-start-")
            try:
                seconds = _launch(mode, args.store, home)
            finally:
                shutil.rmtree(home, ignore_errors=True)
            (floor if mode == "floor" else app).append(seconds)
        print(f"round {round_ + 1}: floor {floor[-1]:.2f} s, app {app[-1]:.2f} s", flush=True)
    floor_s, app_s = statistics.median(floor), statistics.median(app)
    ratio = app_s / floor_s
    print(machine_description(), f"load average {os.getloadavg()[0]:.1f}")
    print(
        f"cold start to a drawn Overview (demo store, {args.rounds} rounds, medians): app "
        f"{app_s:.2f} s ({min(app):.2f}-{max(app):.2f}), floor {floor_s:.2f} s "
        f"({min(floor):.2f}-{max(floor):.2f}); ratio {ratio:.2f}× (bar ≤ 1.5×: "
        f"{'met' if ratio <= 1.5 else 'NOT MET'})"
    )


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        if sys.argv[2] == "floor":
            _floor_child()
        else:
            _app_child(sys.argv[3])
    else:
        main()
