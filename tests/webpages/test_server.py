"""The server object the window starts and stops, and `feedback-desk serve` in its own process."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.store.database import Store
from feedback_desk.web.server import STOP_WAIT_SECONDS, ClientPagesServer, ServerStartError
from tests.conftest import PYTHON, subprocess_env


def fetch(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    status, body = response.status, response.read().decode()
    connection.close()
    return status, body


def test_start_listens_and_stop_returns_promptly_with_a_browser_still_connected(
    store: Store, sunday: ManualClock
) -> None:
    server = ClientPagesServer(store, sunday, host="127.0.0.1", port=0)
    address = server.start()
    assert address.port > 0
    assert server.running
    assert fetch(address.port, "/kiosk")[0] == 200
    kept_alive = http.client.HTTPConnection("127.0.0.1", address.port, timeout=5)
    kept_alive.request("GET", "/pair")
    kept_alive.getresponse().read()  # the connection stays open, as a tablet's does
    started = time.perf_counter()
    server.stop()
    stopped_in = time.perf_counter() - started
    # Waiting for the kept-alive connection would last until stop() gives up and says so.
    assert stopped_in < STOP_WAIT_SECONDS, f"stop() took {stopped_in:.2f}s"
    assert not server.running
    assert server.address is None
    assert server.join()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", address.port), timeout=1)
    kept_alive.close()


def test_a_port_in_use_is_one_clear_sentence(store: Store, sunday: ManualClock) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = ClientPagesServer(store, sunday, host="127.0.0.1", port=port)
        with pytest.raises(ServerStartError, match="the port is already in use"):
            server.start()
    assert not server.running


def start_serve(store_path: Path) -> tuple[subprocess.Popen[str], int]:
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "feedback_desk",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--store",
            str(store_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    assert "Client pages on" in first, first + (process.stderr.read() if process.stderr else "")
    port = int(first.rsplit(":", 1)[1].rstrip(")\n"))
    return process, port


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_serve_runs_until_interrupted_and_exits_cleanly(
    store_path: Path, stop_signal: signal.Signals
) -> None:
    process, port = start_serve(store_path)
    try:
        status, body = fetch(port, "/kiosk")
        assert status == 200
        assert "Jumeler cet appareil" in body
        os.kill(process.pid, stop_signal)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "Client pages stopped." in out
    assert "Traceback" not in err


def test_the_pages_never_load_qt_or_matplotlib() -> None:
    probe = (
        "import sys; from feedback_desk.web.app import create_app; "
        "from feedback_desk.web.server import ClientPagesServer; "
        "import feedback_desk.cli.commands.web; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'matplotlib'}))"
    )
    result = subprocess.run(
        [PYTHON, "-c", probe], capture_output=True, text=True, env=subprocess_env(), check=True
    )
    assert result.stdout.strip() == "[]"
