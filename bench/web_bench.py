"""Client pages under load while a Qt event loop runs in the same process.

The server runs on its background thread in this process, as in the window, beside a 10 ms
heartbeat QTimer on the GUI thread (its longest gap is how long the GUI thread was held, target
< 50 ms). A separate process plays tablets (two at once) over keep-alive connections: welcome
pages, name searches, question pages, and whole visits (search, choose, answer). Then each kiosk
page's weight (HTML, plus the style sheet and script every page loads).

    python bench/web_bench.py [--clients 2000] [--rounds 300]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TABLETS = 2
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
NAMES = ["ma", "lu", "so", "al", "ju", "ca", "li", "ni", "ga", "be"]


class RacingClock:
    """The studio's time running 600 times faster than the wall clock: a minute of the pages'
    search throttle (60 searches a minute per tablet) passes in 0.1 s, so the tablets measure
    pages, not the throttle."""

    def __init__(self, start: datetime) -> None:
        self._start = start
        self._started = time.perf_counter()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=(time.perf_counter() - self._started) * 600)


def _token(html: str) -> str:
    found = TOKEN.search(html)
    return found.group(1) if found else ""


def _tablet(base: str, code: str, rounds: int, first_client: int, results: object) -> None:
    """One tablet: pairs, then times each kind of page (runs in the load process)."""
    import requests

    http = requests.Session()
    token = _token(http.get(f"{base}/pair").text)
    http.post(f"{base}/pair", data={"csrf_token": token, "code": code})
    timings: dict[str, list[float]] = {"welcome": [], "search": [], "question": [], "visit": []}

    def timed(kind: str, call: object) -> str:
        started = time.perf_counter()
        response = call()  # type: ignore[operator]
        timings[kind].append(time.perf_counter() - started)
        return str(response.text)

    for n in range(rounds):
        token = _token(timed("welcome", lambda: http.get(f"{base}/kiosk")))
        timed(
            "search",
            lambda n=n, token=token: http.post(
                f"{base}/kiosk/search", data={"csrf_token": token, "q": NAMES[n % len(NAMES)]}
            ),
        )
    # One open visit, its question page drawn again and again (read-only): the first client
    # from first_client on with something due.
    http.get(f"{base}/kiosk")
    number = first_client
    while True:
        http.post(f"{base}/kiosk/search", data={"csrf_token": token, "q": f"C{number}"})
        page = http.post(f"{base}/kiosk/choose", data={"csrf_token": token, "choice": "0"})
        if "question-text" in page.text:
            break
        number += 1
        if number > first_client + 400:
            raise SystemExit("no client with something due: is the search throttled?")
    for _ in range(rounds):
        timed("question", lambda: http.get(f"{base}/kiosk/question"))
    # Whole visits of other clients: search, choose, answer (or nothing due).
    for n in range(1, rounds // 5):

        def visit(n: int = n) -> object:
            http.post(f"{base}/kiosk/search", data={"csrf_token": token, "q": f"C{number + n}"})
            page = http.post(f"{base}/kiosk/choose", data={"csrf_token": token, "choice": "0"})
            if "question-text" in page.text:
                form = {"csrf_token": token, "stars": "5", "comment": "", "action": "send"}
                return http.post(f"{base}/kiosk/answer", data=form)
            return page

        timed("visit", visit)
    results.put(timings)  # type: ignore[attr-defined]


def _load(base: str, codes: list[str], rounds: int, results: object) -> None:
    import threading

    threads = [
        threading.Thread(target=_tablet, args=(base, code, rounds, 1001 + 500 * i, results))
        for i, code in enumerate(codes)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def page_weights(base: str, code: str) -> dict[str, int]:
    import requests

    http = requests.Session()
    token = _token(http.get(f"{base}/pair").text)
    http.post(f"{base}/pair", data={"csrf_token": token, "code": code})
    assets = len(http.get(f"{base}/static/pages.css").content) + len(
        http.get(f"{base}/static/pages.js").content
    )
    welcome = http.get(f"{base}/kiosk")
    token = _token(welcome.text)
    # The first client with something due at the bench's time.
    for number in range(1500, 2000):
        results = http.post(f"{base}/kiosk/search", data={"csrf_token": token, "q": f"C{number}"})
        question = http.post(f"{base}/kiosk/choose", data={"csrf_token": token, "choice": "0"})
        if "question-text" in question.text:
            break
    form = {"csrf_token": token, "stars": "4", "comment": "", "action": "send"}
    thanks = http.post(f"{base}/kiosk/answer", data=form)
    unpaired = requests.get(f"{base}/kiosk")
    return {
        "unpaired (pairing)": len(unpaired.content),
        "welcome": len(welcome.content),
        "search results": len(results.content),
        "question": len(question.content),
        "thanks": len(thanks.content),
        "style sheet + script (each page)": assets,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from feedback_desk.cli import main as cli
    from feedback_desk.domain.localtime import parse_instant
    from feedback_desk.services.client_pages.pairing import make_pairing_code
    from feedback_desk.services.settings import load_settings
    from feedback_desk.services.studio import open_studio
    from feedback_desk.web.server import ClientPagesServer

    folder = Path(tempfile.mkdtemp(prefix="feedback-desk-web-bench-"))
    path = folder / "demo.sqlite"
    started = time.perf_counter()
    cli(
        [
            "demo",
            str(path),
            "--clients",
            str(args.clients),
            "--months",
            "6",
            "--until",
            "2026-05-15",
        ]
    )
    print(f"demo store of {args.clients} clients built in {time.perf_counter() - started:.0f} s")
    store = open_studio(path)
    with store.read() as session:
        tz = load_settings(session).timezone
    clock = RacingClock(parse_instant("2026-05-15T19:30", tz))
    with store.write() as session:
        # Dated ahead: on the racing clock a code's 10 minutes last one second.
        ahead = clock.now() + timedelta(hours=5)
        codes = [make_pairing_code(session, at=ahead, actor="bench").code for _ in range(3)]

    application = QApplication.instance() or QApplication([])
    server = ClientPagesServer(store, clock, host="127.0.0.1", port=0)
    address = server.start()
    base = f"http://127.0.0.1:{address.port}"

    gaps: list[float] = []
    elapsed = QElapsedTimer()
    elapsed.start()
    last = [0.0]

    def beat() -> None:
        now = elapsed.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()

    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    load = context.Process(target=_load, args=(base, codes[:TABLETS], args.rounds, results))
    load_started = time.perf_counter()
    load.start()
    collected: list[dict[str, list[float]]] = []
    # The GUI thread runs a real event loop meanwhile; a timer collects the tablets' figures.
    loop = QEventLoop()

    def collect() -> None:
        while not results.empty():
            collected.append(results.get())
        if len(collected) == TABLETS:
            loop.quit()

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(collect)
    poll.start()
    loop.exec()
    poll.stop()
    load.join()
    wall = time.perf_counter() - load_started
    heartbeat.stop()

    print(
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"{TABLETS} tablets at once, {args.rounds} rounds each, {wall:.1f} s in all")
    for kind in ("welcome", "search", "question", "visit"):  # a visit: 3 requests
        times = [t for c in collected for t in c[kind]]
        per_tablet = len(times) / sum(times) if times else 0.0
        print(
            f"  {kind:9} {len(times):5} requests  median {statistics.median(times) * 1000:6.1f} ms"
            f"  p95 {sorted(times)[int(len(times) * 0.95)] * 1000:6.1f} ms"
            f"  {per_tablet * TABLETS:6.0f}/s with {TABLETS} tablets"
        )
    print(f"GUI thread: longest heartbeat gap {max(gaps[1:]):.1f} ms over {len(gaps)} beats")
    print("page weights (bytes):")
    for page, weight in page_weights(base, codes[TABLETS]).items():
        print(f"  {page:34} {weight:7}")
    server.stop()
    server.join()
    store.close()
    del application
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
